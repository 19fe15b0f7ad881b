//! The buyer profile: a buyer's minimum bar for vendors, kept in the browser and shared
//! between colleagues as a small JSON file (`docs/buyer.md` describes it for buyers).
//!
//! A profile file is untrusted input like a score file, so [`load_profile`] applies the
//! same defences as [`crate::core::files::score_file::load`]: a size limit before parsing, a nesting
//! limit, duplicate keys refused anywhere, unknown members refused, every id checked
//! against the questionnaire and every text checked with
//! [`crate::core::files::score_file::check_text`].

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::files::score_file::{self, FileError, UniqueKeys};
use crate::core::questionnaire::{Questionnaire, MAX_LEVEL};

/// Format name of a buyer profile file.
pub const PROFILE_FORMAT: &str = "vendor-readiness-buyer-profile";
/// The profile format version this build writes and reads.
pub const PROFILE_FORMAT_VERSION: u32 = 1;
/// Profile files larger than this are refused before parsing.
pub const MAX_PROFILE_BYTES: usize = 256 * 1024;
/// Deepest JSON nesting accepted in a profile file (a real one needs 2).
pub const MAX_PROFILE_DEPTH: usize = 8;
/// The maximum assessment age of a new profile, in days.
pub const DEFAULT_MAX_AGE_DAYS: u32 = 365;
/// The largest `max_age_days` accepted (100 years); use `null` for no limit.
pub const MAX_AGE_DAYS_LIMIT: u32 = 36_500;

/// A buyer's minimum bar. [`Default`] requires nothing except an assessment no older
/// than [`DEFAULT_MAX_AGE_DAYS`].
#[derive(Debug, Clone, PartialEq)]
pub struct BuyerProfile {
    /// A name for the profile, e.g. "Imaging systems tender 2027".
    pub name: String,
    /// Minimum level (0 to 4) per domain id; domains not listed have no minimum.
    pub min_levels: BTreeMap<String, u8>,
    /// Minimum overall score (0.0 to 4.0), if any.
    pub min_overall: Option<f64>,
    /// Gate ids that must not fire (pending or not).
    pub forbidden_gates: Vec<String>,
    /// Oldest acceptable assessment, in days since it was sealed; `None` for no limit.
    pub max_age_days: Option<u32>,
    /// Whether an unsigned score file fails.
    pub require_signature: bool,
    /// Key fingerprint (`sha256:` + 64 lower-case hex digits) per organisation name, as
    /// confirmed with the vendor through a trusted channel. Organisation names are
    /// matched ignoring case and runs of white space.
    pub pinned_keys: BTreeMap<String, String>,
}

impl Default for BuyerProfile {
    fn default() -> Self {
        BuyerProfile {
            name: String::new(),
            min_levels: BTreeMap::new(),
            min_overall: None,
            forbidden_gates: Vec::new(),
            max_age_days: Some(DEFAULT_MAX_AGE_DAYS),
            require_signature: false,
            pinned_keys: BTreeMap::new(),
        }
    }
}

/// Why a profile file (or a profile built in the UI) cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProfileError {
    /// Over [`MAX_PROFILE_BYTES`].
    #[error("profile file is {size} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Size of the file.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Empty file.
    #[error("profile file is empty")]
    Empty,
    /// Not JSON, or not UTF-8.
    #[error("profile file is not JSON: {0}")]
    NotJson(String),
    /// Nested deeper than [`MAX_PROFILE_DEPTH`].
    #[error("profile JSON is nested deeper than {MAX_PROFILE_DEPTH} levels")]
    TooDeep,
    /// JSON, but not a buyer profile.
    #[error("not a buyer profile file (format {0:?}, expected {PROFILE_FORMAT:?})")]
    UnknownFormat(String),
    /// A profile format version this build does not read.
    #[error("buyer profile format version {found} is not supported (this app reads version {PROFILE_FORMAT_VERSION})")]
    UnsupportedVersion {
        /// The version found.
        found: String,
    },
    /// Members missing, unknown or of the wrong type.
    #[error("profile structure is invalid: {0}")]
    Malformed(String),
    /// A minimum level for a domain the questionnaire does not have.
    #[error("unknown domain id {0:?} in min_levels")]
    UnknownDomain(String),
    /// A minimum level above 4.
    #[error("minimum level {level} for domain {domain:?} is above L{MAX_LEVEL}")]
    LevelOutOfRange {
        /// Domain id.
        domain: String,
        /// The level given.
        level: u8,
    },
    /// A minimum overall score that is not a finite number from 0 to 4.
    #[error("min_overall {0} is not a number from 0 to {MAX_LEVEL}")]
    OverallOutOfRange(f64),
    /// A forbidden gate the questionnaire does not have.
    #[error("unknown gate id {0:?} in forbidden_gates")]
    UnknownGate(String),
    /// A forbidden gate listed twice.
    #[error("gate {0:?} is listed twice in forbidden_gates")]
    DuplicateGate(String),
    /// A maximum age of 0 or over [`MAX_AGE_DAYS_LIMIT`].
    #[error("max_age_days {0} is out of range (1 to {MAX_AGE_DAYS_LIMIT}; null for no limit)")]
    MaxAgeOutOfRange(u32),
    /// A pinned key that is not `sha256:` + 64 lower-case hex digits.
    #[error(
        "pinned key for {organisation:?} is not \"sha256:\" followed by 64 lower-case hex digits"
    )]
    BadFingerprint {
        /// The organisation it is pinned for.
        organisation: String,
    },
    /// A pinned key for an empty organisation name.
    #[error("a pinned key has an empty organisation name")]
    EmptyOrganisation,
    /// Two pinned organisation names that match each other.
    #[error("organisation {0:?} is pinned twice (names are matched ignoring case and spacing)")]
    DuplicateOrganisation(String),
    /// Unsafe or over-long text.
    #[error("{0}")]
    Text(FileError),
}

/// The file form: the profile with its format header, members in a fixed order.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    format: String,
    format_version: u32,
    #[serde(default)]
    name: String,
    #[serde(default)]
    min_levels: BTreeMap<String, u8>,
    #[serde(default)]
    min_overall: Option<f64>,
    #[serde(default)]
    forbidden_gates: Vec<String>,
    #[serde(default = "default_max_age")]
    max_age_days: Option<u32>,
    #[serde(default)]
    require_signature: bool,
    #[serde(default)]
    pinned_keys: BTreeMap<String, String>,
}

fn default_max_age() -> Option<u32> {
    Some(DEFAULT_MAX_AGE_DAYS)
}

/// The form an organisation name is matched in: trimmed, runs of white space made one
/// space, lower case.
pub fn organisation_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_fingerprint(s: &str) -> bool {
    s.strip_prefix(crate::core::integrity::SHA256_PREFIX)
        .is_some_and(|h| {
            h.len() == 64
                && h.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

impl BuyerProfile {
    /// The fingerprint pinned for an organisation, matched ignoring case and spacing.
    pub fn pinned_key_for(&self, organisation: &str) -> Option<&str> {
        let wanted = organisation_key(organisation);
        if wanted.is_empty() {
            return None;
        }
        self.pinned_keys
            .iter()
            .find(|(org, _)| organisation_key(org) == wanted)
            .map(|(_, fp)| fp.as_str())
    }

    /// Checks every rule [`load_profile`] applies, for a profile built in the UI before
    /// it is used or saved.
    pub fn validate(&self, q: &Questionnaire) -> Result<(), ProfileError> {
        score_file::check_text("profile name", &self.name).map_err(ProfileError::Text)?;
        for (domain, &level) in &self.min_levels {
            if q.domain(domain).is_none() {
                return Err(ProfileError::UnknownDomain(domain.clone()));
            }
            if level > MAX_LEVEL {
                return Err(ProfileError::LevelOutOfRange {
                    domain: domain.clone(),
                    level,
                });
            }
        }
        if let Some(m) = self.min_overall {
            if !m.is_finite() || !(0.0..=f64::from(MAX_LEVEL)).contains(&m) {
                return Err(ProfileError::OverallOutOfRange(m));
            }
        }
        let mut seen = BTreeSet::new();
        for gate in &self.forbidden_gates {
            if !q.gates.iter().any(|g| &g.id == gate) {
                return Err(ProfileError::UnknownGate(gate.clone()));
            }
            if !seen.insert(gate.as_str()) {
                return Err(ProfileError::DuplicateGate(gate.clone()));
            }
        }
        if let Some(days) = self.max_age_days {
            if days == 0 || days > MAX_AGE_DAYS_LIMIT {
                return Err(ProfileError::MaxAgeOutOfRange(days));
            }
        }
        let mut orgs = BTreeSet::new();
        for (org, fingerprint) in &self.pinned_keys {
            score_file::check_text("pinned organisation", org).map_err(ProfileError::Text)?;
            let key = organisation_key(org);
            if key.is_empty() {
                return Err(ProfileError::EmptyOrganisation);
            }
            if !is_fingerprint(fingerprint) {
                return Err(ProfileError::BadFingerprint {
                    organisation: org.clone(),
                });
            }
            if !orgs.insert(key) {
                return Err(ProfileError::DuplicateOrganisation(org.clone()));
            }
        }
        Ok(())
    }
}

/// Reads and checks a buyer profile file. Refuses, with a reason, anything over
/// [`MAX_PROFILE_BYTES`], nested deeper than [`MAX_PROFILE_DEPTH`], with a repeated or
/// unknown member, another format or version, an unknown domain or gate id, a level
/// above 4, an out-of-range number or unsafe text.
pub fn load_profile(bytes: &[u8], q: &Questionnaire) -> Result<BuyerProfile, ProfileError> {
    if bytes.len() > MAX_PROFILE_BYTES {
        return Err(ProfileError::TooLarge {
            size: bytes.len(),
            limit: MAX_PROFILE_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ProfileError::Empty);
    }
    let text =
        std::str::from_utf8(bytes).map_err(|_| ProfileError::NotJson("not UTF-8 text".into()))?;
    if score_file::json_depth(text) > MAX_PROFILE_DEPTH {
        return Err(ProfileError::TooDeep);
    }
    let value = serde_json::from_str::<UniqueKeys>(text)
        .map_err(|e| {
            ProfileError::NotJson(crate::core::files::score_file::printable(&e.to_string()))
        })?
        .0;
    let format = value
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if format != PROFILE_FORMAT {
        return Err(ProfileError::UnknownFormat(
            crate::core::files::score_file::printable(format),
        ));
    }
    match value.get("format_version") {
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(PROFILE_FORMAT_VERSION)) => {}
        other => {
            return Err(ProfileError::UnsupportedVersion {
                found: other.map_or("missing".into(), |v| {
                    crate::core::files::score_file::printable(&v.to_string())
                        .chars()
                        .take(120)
                        .collect()
                }),
            })
        }
    }
    let file: ProfileFile = serde_json::from_value(value).map_err(|e| {
        ProfileError::Malformed(crate::core::files::score_file::printable(&e.to_string()))
    })?;
    let profile = BuyerProfile {
        name: file.name,
        min_levels: file.min_levels,
        min_overall: file.min_overall,
        forbidden_gates: file.forbidden_gates,
        max_age_days: file.max_age_days,
        require_signature: file.require_signature,
        pinned_keys: file.pinned_keys,
    };
    profile.validate(q)?;
    Ok(profile)
}

/// The profile as a pretty-printed profile file, every member written (`max_age_days`
/// as `null` when there is no limit). Call [`BuyerProfile::validate`] first on a
/// profile that did not come from [`load_profile`]: a non-finite `min_overall` would be
/// written as `null`.
pub fn to_json(profile: &BuyerProfile) -> String {
    let file = ProfileFile {
        format: PROFILE_FORMAT.into(),
        format_version: PROFILE_FORMAT_VERSION,
        name: profile.name.clone(),
        min_levels: profile.min_levels.clone(),
        min_overall: profile.min_overall,
        forbidden_gates: profile.forbidden_gates.clone(),
        max_age_days: profile.max_age_days,
        require_signature: profile.require_signature,
        pinned_keys: profile.pinned_keys.clone(),
    };
    serde_json::to_string_pretty(&file).expect("a profile serializes")
}
