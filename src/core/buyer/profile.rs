//! The buyer profile: a buyer's minimum bar for vendors, its rules, and the edits a buyer
//! makes to it (each checked here, so the page shows the core's message next to the
//! field instead of dropping input). The file form is [`crate::core::buyer::profile_file`].

use std::collections::{BTreeMap, BTreeSet};

use crate::core::files::FileError;
use crate::core::questionnaire::{Questionnaire, MAX_LEVEL};
use crate::core::text::{self, check_text, SHA256_DIGEST_FORM};

/// The maximum assessment age of a new profile, in days.
pub const DEFAULT_MAX_AGE_DAYS: u32 = 365;
/// The smallest `max_age_days` accepted.
pub const MIN_AGE_DAYS: u32 = 1;
/// The largest `max_age_days` accepted (100 years); use `null` for no limit.
pub const MAX_AGE_DAYS_LIMIT: u32 = 36_500;

/// A buyer's minimum bar. [`Default`] requires nothing except an assessment no older
/// than [`DEFAULT_MAX_AGE_DAYS`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BuyerProfile {
    /// A name for the profile, e.g. "Imaging systems tender 2027".
    pub name: String,
    /// Minimum level (0 to [`MAX_LEVEL`]) per domain id; domains not listed have no minimum.
    pub min_levels: BTreeMap<String, u8>,
    /// Minimum overall score (0 to [`MAX_LEVEL`]), if any.
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

/// Why a profile (from a file or built in the page) cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProfileError {
    /// The file failed the untrusted loader's checks, or has unsafe text.
    #[error(transparent)]
    File(#[from] FileError),
    /// A minimum level for a domain the questionnaire does not have.
    #[error("unknown domain id {0:?} in min_levels")]
    UnknownDomain(String),
    /// A minimum level above [`MAX_LEVEL`].
    #[error("minimum level {level} for domain {domain:?} is above L{MAX_LEVEL}")]
    LevelOutOfRange {
        /// Domain id.
        domain: String,
        /// The level given.
        level: u8,
    },
    /// A minimum overall score that is not a finite number from 0 to [`MAX_LEVEL`].
    #[error("min_overall {0} is not a number from 0 to {MAX_LEVEL}")]
    OverallOutOfRange(f64),
    /// A forbidden gate the questionnaire does not have.
    #[error("unknown gate id {0:?} in forbidden_gates")]
    UnknownGate(String),
    /// A forbidden gate listed twice.
    #[error("gate {0:?} is listed twice in forbidden_gates")]
    DuplicateGate(String),
    /// A maximum age under [`MIN_AGE_DAYS`] or over [`MAX_AGE_DAYS_LIMIT`].
    #[error(
        "max_age_days {0} is out of range ({MIN_AGE_DAYS} to {MAX_AGE_DAYS_LIMIT}; null for no limit)"
    )]
    MaxAgeOutOfRange(u32),
    /// A pinned key that is not `sha256:` + 64 lower-case hex digits.
    #[error("pinned key for {organisation:?} is not {SHA256_DIGEST_FORM}")]
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
    /// A minimum overall score typed in the page that is not a number.
    #[error("enter a number from 0 to {MAX_LEVEL}, or leave it empty")]
    OverallNotANumber,
    /// A maximum age typed in the page that is not a whole number.
    #[error("enter a whole number of days, or leave it empty")]
    AgeNotANumber,
}

/// One change a buyer makes to a profile in the page. Numbers come as typed, so the core
/// parses them and says what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum ProfileEdit {
    /// Rename the profile.
    Name(String),
    /// The minimum overall score as typed; empty for none.
    MinOverall(String),
    /// The maximum age in days as typed; empty for no limit.
    MaxAgeDays(String),
    /// Require (or not) a valid signature.
    RequireSignature(bool),
    /// The minimum level of a domain; 0 for none.
    MinLevel(String, u8),
    /// Forbid (or allow) a gate.
    ForbidGate(String, bool),
}

/// The field of the profile form an edit or an error belongs to, so the page shows the
/// message next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProfileField {
    /// The name.
    Name,
    /// The minimum overall score.
    MinOverall,
    /// The maximum age.
    MaxAgeDays,
    /// The signature requirement.
    RequireSignature,
    /// A domain's minimum level.
    MinLevel,
    /// The forbidden gates.
    ForbiddenGates,
}

impl ProfileEdit {
    /// The form field this edit changes.
    pub fn field(&self) -> ProfileField {
        match self {
            ProfileEdit::Name(_) => ProfileField::Name,
            ProfileEdit::MinOverall(_) => ProfileField::MinOverall,
            ProfileEdit::MaxAgeDays(_) => ProfileField::MaxAgeDays,
            ProfileEdit::RequireSignature(_) => ProfileField::RequireSignature,
            ProfileEdit::MinLevel(..) => ProfileField::MinLevel,
            ProfileEdit::ForbidGate(..) => ProfileField::ForbiddenGates,
        }
    }
}

/// The form an organisation name is matched in: trimmed, runs of white space made one
/// space, lower case.
pub fn organisation_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
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

    /// The profile with one edit applied, or why the edit cannot be made (the profile
    /// is then unchanged). Every rule of [`BuyerProfile::validate`] holds for the result.
    pub fn edited(
        &self,
        edit: ProfileEdit,
        q: &Questionnaire,
    ) -> Result<BuyerProfile, ProfileError> {
        let mut p = self.clone();
        match edit {
            ProfileEdit::Name(name) => p.name = name,
            ProfileEdit::MinOverall(typed) => {
                p.min_overall = match typed.trim() {
                    "" => None,
                    t => Some(
                        t.parse::<f64>()
                            .map_err(|_| ProfileError::OverallNotANumber)?,
                    ),
                }
            }
            ProfileEdit::MaxAgeDays(typed) => {
                p.max_age_days = match typed.trim() {
                    "" => None,
                    t => Some(t.parse::<u32>().map_err(|_| ProfileError::AgeNotANumber)?),
                }
            }
            ProfileEdit::RequireSignature(on) => p.require_signature = on,
            ProfileEdit::MinLevel(domain, 0) => {
                p.min_levels.remove(&domain);
            }
            ProfileEdit::MinLevel(domain, level) => {
                p.min_levels.insert(domain, level);
            }
            ProfileEdit::ForbidGate(gate, true) => {
                if !p.forbidden_gates.contains(&gate) {
                    p.forbidden_gates.push(gate);
                }
            }
            ProfileEdit::ForbidGate(gate, false) => p.forbidden_gates.retain(|g| *g != gate),
        }
        p.validate(q)?;
        Ok(p)
    }

    /// Pins a key for an organisation, replacing any pin for the same organisation
    /// however its name is spaced or cased.
    pub fn pin(&mut self, organisation: String, fingerprint: String) {
        let key = organisation_key(&organisation);
        self.pinned_keys
            .retain(|org, _| organisation_key(org) != key);
        self.pinned_keys.insert(organisation, fingerprint);
    }

    /// Whether an assessment this many days old is over the maximum age.
    pub fn too_old(&self, age_days: i64) -> bool {
        self.max_age_days
            .is_some_and(|max| age_days > i64::from(max))
    }

    /// Checks every rule [`load_profile`] applies, for a profile built in the UI before
    /// it is used or saved.
    pub fn validate(&self, q: &Questionnaire) -> Result<(), ProfileError> {
        check_text("profile name", &self.name).map_err(FileError::from)?;
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
            if !(MIN_AGE_DAYS..=MAX_AGE_DAYS_LIMIT).contains(&days) {
                return Err(ProfileError::MaxAgeOutOfRange(days));
            }
        }
        let mut orgs = BTreeSet::new();
        for (org, fingerprint) in &self.pinned_keys {
            check_text("pinned organisation", org).map_err(FileError::from)?;
            let key = organisation_key(org);
            if key.is_empty() {
                return Err(ProfileError::EmptyOrganisation);
            }
            if !text::is_sha256_digest(fingerprint) {
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
