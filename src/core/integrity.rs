//! Integrity and authenticity: RFC 8785 canonical JSON, SHA-256 digests and Ed25519
//! signatures over the canonical bytes.
//!
//! A digest proves the content was not changed after it was sealed; a signature proves
//! which key sealed it. Neither proves the answers are true: a score file is a
//! self-attestation.

use base64::Engine;
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use crate::core::text::SHA256_PREFIX;

/// A base64 (standard alphabet, padded) encoder and decoder.
pub use base64::engine::general_purpose::STANDARD as BASE64;

/// Errors in integrity material.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum IntegrityError {
    /// The content could not be canonicalized (e.g. a non-finite number).
    #[error("content cannot be canonicalized: {0}")]
    Canonical(String),
    /// A key or signature is not valid base64 of the right length.
    #[error("{0} is not valid")]
    Encoding(&'static str),
}

/// RFC 8785 canonical bytes of a serializable value.
pub fn canonical_bytes<T: Serialize>(value: &T) -> Result<Vec<u8>, IntegrityError> {
    serde_json_canonicalizer::to_vec(value).map_err(|e| IntegrityError::Canonical(e.to_string()))
}

/// RFC 8785 canonical bytes of parsed JSON: exactly what [`canonical_bytes`] makes of the
/// same value, written in one pass. Members are ordered by the UTF-16 code units of their
/// names, strings escape only `"`, `\\` and the controls below U+0020 (`\b`, `\t`, `\n`,
/// `\f`, `\r`, else `\u00xx`), and numbers are written as ECMAScript writes a double.
///
/// The generic serializer buffers every member separately, and parses every name again to
/// sort it; this is what a verifier runs on every file it reads, so it does neither.
pub fn canonical_json(value: &serde_json::Value) -> Vec<u8> {
    let mut out = Vec::new();
    canonical_json_into(value, &mut out);
    out
}

/// [`canonical_json`], appended to `out` (which a caller can size beforehand: the
/// canonical form of parsed text is rarely longer than the text).
pub fn canonical_json_into(value: &serde_json::Value, out: &mut Vec<u8>) {
    write_canonical(value, out);
}

fn write_canonical(value: &serde_json::Value, out: &mut Vec<u8>) {
    use serde_json::Value;
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => {
            // Every JSON number is a double in RFC 8785 (serde_json holds only finite ones).
            let x = n.as_f64().unwrap_or(f64::NAN);
            let mut buffer = ryu_js::Buffer::new();
            out.extend_from_slice(buffer.format(x).as_bytes());
        }
        Value::String(s) => write_canonical_string(s, out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out);
            }
            out.push(b']');
        }
        Value::Object(map) => {
            out.push(b'{');
            let mut write_member = |i: usize, key: &str, value: &Value| {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical_string(key, out);
                out.push(b':');
                write_canonical(value, out);
            };
            // The map's own order (UTF-8, i.e. code point order) is already UTF-16 order
            // unless a name has a character from U+10000 up where another has one from
            // U+E000 to U+FFFF.
            let keys_in_order = map
                .keys()
                .zip(map.keys().skip(1))
                .all(|(a, b)| utf16_order(a, b).is_lt());
            if keys_in_order {
                for (i, (key, value)) in map.iter().enumerate() {
                    write_member(i, key, value);
                }
            } else {
                let mut members: Vec<(&String, &Value)> = map.iter().collect();
                members.sort_by(|a, b| utf16_order(a.0, b.0));
                for (i, (key, value)) in members.into_iter().enumerate() {
                    write_member(i, key, value);
                }
            }
            out.push(b'}');
        }
    }
}

/// The order of member names in RFC 8785: by UTF-16 code units.
fn utf16_order(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        a.cmp(b)
    } else {
        a.encode_utf16().cmp(b.encode_utf16())
    }
}

fn write_canonical_string(s: &str, out: &mut Vec<u8>) {
    use crate::core::text::{find_byte, word_has_byte, word_has_byte_below};
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let needs_escape = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    out.push(b'"');
    let mut rest = s.as_bytes();
    while let Some(at) = find_byte(
        rest,
        |w| word_has_byte_below(w, 0x20) || word_has_byte(w, b'"') || word_has_byte(w, b'\\'),
        needs_escape,
    ) {
        out.extend_from_slice(&rest[..at]);
        let b = rest[at];
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xF)],
            ]),
        }
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// `sha256:<hex>` of arbitrary bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{SHA256_PREFIX}{}", hex::encode(Sha256::digest(bytes)))
}

/// `sha256:<hex>` of the canonical JSON of a value.
pub fn digest_value<T: Serialize>(value: &T) -> Result<String, IntegrityError> {
    Ok(sha256_hex(&canonical_bytes(value)?))
}

/// A SHA-256 computed over data fed in pieces, so a file of any size is hashed without
/// being held in memory: the page feeds it the chunks of a `Blob`, the CLI 64 KiB reads.
#[derive(Debug, Clone, Default)]
pub struct StreamingSha256 {
    hasher: Sha256,
    len: u64,
}

impl StreamingSha256 {
    /// A hasher that has seen nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds the next piece of the data.
    pub fn update(&mut self, chunk: &[u8]) {
        self.hasher.update(chunk);
        self.len = self.len.saturating_add(chunk.len() as u64);
    }

    /// How many bytes were fed so far.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether nothing was fed yet.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The lower-case hex SHA-256 of everything fed (no `sha256:` prefix: the form
    /// evidence files are recorded in).
    pub fn finish(self) -> String {
        hex::encode(self.hasher.finalize())
    }
}

/// An Ed25519 signature block as carried in a score file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureBlock {
    /// Always `ed25519`.
    pub algorithm: String,
    /// The 32-byte public key, base64.
    pub public_key: String,
    /// `sha256:` + hex of the raw public key: what buyers pin.
    pub key_fingerprint: String,
    /// The 64-byte signature over the canonical content bytes, base64.
    pub value: String,
}

/// The outcome of checking a signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SignatureState {
    /// No signature block.
    Unsigned,
    /// Signed, and the signature matches the content and the key.
    Valid {
        /// Fingerprint of the signing key.
        fingerprint: String,
    },
    /// Signed, but the signature, the key or the fingerprint does not hold.
    Invalid {
        /// Fingerprint as claimed by the file.
        fingerprint: String,
        /// What failed.
        reason: String,
    },
}

/// Fingerprint of a public key.
pub fn fingerprint(key: &VerifyingKey) -> String {
    sha256_hex(key.as_bytes())
}

/// Signs canonical bytes, producing the block a score file carries.
pub fn sign(key: &SigningKey, canonical: &[u8]) -> SignatureBlock {
    let public = key.verifying_key();
    SignatureBlock {
        algorithm: "ed25519".into(),
        public_key: BASE64.encode(public.as_bytes()),
        key_fingerprint: fingerprint(&public),
        value: BASE64.encode(key.sign(canonical).to_bytes()),
    }
}

/// Checks a signature block against canonical bytes.
pub fn verify(block: Option<&SignatureBlock>, canonical: &[u8]) -> SignatureState {
    let Some(block) = block else {
        return SignatureState::Unsigned;
    };
    let invalid = |reason: &str| SignatureState::Invalid {
        fingerprint: block.key_fingerprint.clone(),
        reason: reason.into(),
    };
    if block.algorithm != "ed25519" {
        return invalid("unsupported signature algorithm");
    }
    let Some(key) = BASE64
        .decode(&block.public_key)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .and_then(|b| VerifyingKey::from_bytes(&b).ok())
    else {
        return invalid("public key is malformed");
    };
    if fingerprint(&key) != block.key_fingerprint {
        return invalid("key fingerprint does not match the public key");
    }
    let Some(sig) = BASE64
        .decode(&block.value)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .map(|b| ed25519_dalek::Signature::from_bytes(&b))
    else {
        return invalid("signature is malformed");
    };
    match key.verify_strict(canonical, &sig) {
        Ok(()) => SignatureState::Valid {
            fingerprint: block.key_fingerprint.clone(),
        },
        Err(_) => invalid("signature does not match the content"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_streaming_hash_counts_what_it_was_fed() {
        let mut h = StreamingSha256::new();
        assert!(h.is_empty());
        h.update(b"");
        assert!(h.is_empty());
        h.update(b"abc");
        assert!(!h.is_empty());
        assert_eq!(h.len(), 3);
        assert_eq!(
            Some(h.finish().as_str()),
            sha256_hex(b"abc").strip_prefix(SHA256_PREFIX)
        );
    }

    #[test]
    fn canonical_form_sorts_keys_and_drops_whitespace() {
        let v = json!({"b": 1, "a": [true, null, "x"], "c": {"z": 1.5e1, "y": "é"}});
        let s = String::from_utf8(canonical_bytes(&v).unwrap()).unwrap();
        assert_eq!(s, r#"{"a":[true,null,"x"],"b":1,"c":{"y":"é","z":15}}"#);
    }

    #[test]
    fn digest_ignores_key_order_but_not_values() {
        let a = digest_value(&json!({"x": 1, "y": 2})).unwrap();
        let b = digest_value(&json!({"y": 2, "x": 1})).unwrap();
        let c = digest_value(&json!({"y": 3, "x": 1})).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.starts_with(SHA256_PREFIX) && a.len() == SHA256_PREFIX.len() + 64);
    }

    #[test]
    fn signature_round_trip_and_tamper_detection() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let kf_fingerprint = fingerprint(&key.verifying_key());
        let block = sign(&key, b"content");
        assert_eq!(block.key_fingerprint, kf_fingerprint);
        assert_eq!(
            verify(Some(&block), b"content"),
            SignatureState::Valid {
                fingerprint: kf_fingerprint.clone()
            }
        );
        assert!(matches!(
            verify(Some(&block), b"contenT"),
            SignatureState::Invalid { .. }
        ));
        let mut swapped = block.clone();
        swapped.public_key =
            BASE64.encode(SigningKey::from_bytes(&[8; 32]).verifying_key().as_bytes());
        assert!(matches!(
            verify(Some(&swapped), b"content"),
            SignatureState::Invalid { reason, .. } if reason.contains("fingerprint")
        ));
        assert_eq!(verify(None, b"content"), SignatureState::Unsigned);
    }

    #[test]
    fn streaming_hash_equals_the_one_shot_hash_whatever_the_chunks() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let whole = hex::encode(Sha256::digest(&data));
        for chunk in [1, 7, 64 * 1024, data.len()] {
            let mut h = StreamingSha256::new();
            for piece in data.chunks(chunk) {
                h.update(piece);
            }
            assert_eq!(h.len(), data.len() as u64);
            assert_eq!(h.finish(), whole, "chunks of {chunk}");
        }
        let empty = StreamingSha256::new();
        assert!(empty.is_empty());
        assert_eq!(
            empty.finish(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
