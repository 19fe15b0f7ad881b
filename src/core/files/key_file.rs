//! The vendor's signing key file: a small JSON file the vendor keeps private. Read through
//! the untrusted loader like any other file; the public key and fingerprint shown are
//! always re-derived from the secret, whatever the file claims.

use base64::Engine;
use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};

use super::error::FileError;
use super::untrusted::{self, Format, Kind};
use crate::core::integrity::{fingerprint, IntegrityError, BASE64};

/// The format name of a key file.
pub const KEY_FILE_FORMAT: &str = "vendor-readiness-signing-key";

/// Key files, as the untrusted loader knows them. Files made before `format_version`
/// existed leave it out.
pub const KIND: Kind = Kind {
    description: "a signing key file",
    formats: &[Format {
        name: KEY_FILE_FORMAT,
        version: 1,
        version_optional: true,
    }],
    max_bytes: 16 * 1024,
    max_depth: 2,
};

/// A vendor's signing key, kept by the vendor as a small JSON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFile {
    /// Always `vendor-readiness-signing-key`.
    pub format: String,
    /// The 32-byte secret seed, base64. Whoever holds this can sign as the vendor.
    pub secret_key: String,
    /// The public key, base64, for reference.
    pub public_key: String,
    /// Its fingerprint.
    pub key_fingerprint: String,
}

impl KeyFile {
    /// A key file from 32 bytes of secret randomness (from the browser's or OS's CSPRNG).
    pub fn from_seed(seed: [u8; 32]) -> Self {
        let key = SigningKey::from_bytes(&seed);
        let public = key.verifying_key();
        KeyFile {
            format: KEY_FILE_FORMAT.into(),
            secret_key: BASE64.encode(seed),
            public_key: BASE64.encode(public.as_bytes()),
            key_fingerprint: fingerprint(&public),
        }
    }

    /// The key file rebuilt from its secret alone, so the public key and fingerprint
    /// shown are the ones signatures will carry, whatever the file claimed.
    pub fn verified(&self) -> Result<KeyFile, IntegrityError> {
        Ok(KeyFile::from_seed(self.signing_key()?.to_bytes()))
    }

    /// The signing key held in this file.
    pub fn signing_key(&self) -> Result<SigningKey, IntegrityError> {
        if self.format != KEY_FILE_FORMAT {
            return Err(IntegrityError::Encoding("key file format"));
        }
        let seed: [u8; 32] = BASE64
            .decode(&self.secret_key)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or(IntegrityError::Encoding("secret key"))?;
        Ok(SigningKey::from_bytes(&seed))
    }
}

/// A key just made, and the file the vendor keeps it in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewKey {
    /// The key.
    pub key: KeyFile,
    /// Its key file ([`to_json`]).
    pub file: String,
}

/// The key file the vendor keeps: pretty JSON with its format and version, which
/// [`load`] reads back.
pub fn to_json(key: &KeyFile) -> String {
    #[derive(Serialize)]
    struct Written<'a> {
        format: &'a str,
        format_version: u32,
        secret_key: &'a str,
        public_key: &'a str,
        key_fingerprint: &'a str,
    }
    let written = Written {
        format: KEY_FILE_FORMAT,
        format_version: KIND.formats[0].version,
        secret_key: &key.secret_key,
        public_key: &key.public_key,
        key_fingerprint: &key.key_fingerprint,
    };
    // Text fields only: writing cannot fail.
    serde_json::to_string_pretty(&written).unwrap_or_default()
}

/// Reads a key file: the untrusted loader's checks, then the secret must be a valid key.
pub fn load(bytes: &[u8]) -> Result<KeyFile, FileError> {
    let doc = untrusted::read(bytes, &KIND)?;
    let mut value = doc.value;
    if let Some(obj) = value.as_object_mut() {
        obj.remove("format_version");
    }
    let file: KeyFile = untrusted::decode(value)?;
    file.verified()
        .map_err(|e| FileError::Malformed(e.to_string()))
        .map_err(FileError::printable)
}
