//! The buyer profile file: a buyer's minimum bar as a small JSON file colleagues share.
//! Untrusted input like any file: it goes through [`super::untrusted`], then every id is
//! checked against the questionnaire and every text against the text rules
//! ([`BuyerProfile::validate`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::buyer::profile::{BuyerProfile, ProfileError, DEFAULT_MAX_AGE_DAYS};
use crate::core::files::untrusted::{self, Format, Kind};
use crate::core::questionnaire::Questionnaire;

/// Format name of a buyer profile file.
pub const PROFILE_FORMAT: &str = "vendor-readiness-buyer-profile";
/// The profile format version this build writes and reads.
pub const PROFILE_FORMAT_VERSION: u32 = 1;
/// Profile files larger than this are refused before parsing.
pub const MAX_PROFILE_BYTES: usize = 256 * 1024;
/// Deepest JSON nesting accepted in a profile file (a real one needs 2).
pub const MAX_PROFILE_DEPTH: usize = 8;

/// Profile files, as the untrusted loader knows them.
pub const KIND: Kind = Kind {
    description: "a buyer profile file",
    formats: &[Format {
        name: PROFILE_FORMAT,
        version: PROFILE_FORMAT_VERSION,
        version_optional: false,
    }],
    max_bytes: MAX_PROFILE_BYTES,
    max_depth: MAX_PROFILE_DEPTH,
};

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

impl ProfileFile {
    /// The profile the file holds, its header dropped (not yet checked).
    fn into_profile(self) -> BuyerProfile {
        BuyerProfile {
            name: self.name,
            min_levels: self.min_levels,
            min_overall: self.min_overall,
            forbidden_gates: self.forbidden_gates,
            max_age_days: self.max_age_days,
            require_signature: self.require_signature,
            pinned_keys: self.pinned_keys,
        }
    }

    /// The file form of a profile, with this build's header.
    fn of(profile: &BuyerProfile) -> ProfileFile {
        ProfileFile {
            format: PROFILE_FORMAT.into(),
            format_version: PROFILE_FORMAT_VERSION,
            name: profile.name.clone(),
            min_levels: profile.min_levels.clone(),
            min_overall: profile.min_overall,
            forbidden_gates: profile.forbidden_gates.clone(),
            max_age_days: profile.max_age_days,
            require_signature: profile.require_signature,
            pinned_keys: profile.pinned_keys.clone(),
        }
    }
}

/// Reads and checks a buyer profile file: the untrusted loader's checks, unknown
/// members refused, then [`BuyerProfile::validate`].
pub fn load_profile(bytes: &[u8], q: &Questionnaire) -> Result<BuyerProfile, ProfileError> {
    let doc = untrusted::read(bytes, &KIND)?;
    let file: ProfileFile = untrusted::decode(doc.value)?;
    let profile = file.into_profile();
    profile.validate(q).map_err(|e| match e {
        ProfileError::File(f) => ProfileError::File(f.printable()),
        other => other,
    })?;
    Ok(profile)
}

/// A profile this app stored itself (in the browser): trusted to be well-formed JSON,
/// so only its rules are checked again, not the untrusted loader's. `None` when it no
/// longer reads (a stored profile from another version, say).
pub fn from_stored(text: &str, q: &Questionnaire) -> Option<BuyerProfile> {
    let file: ProfileFile = serde_json::from_str(text).ok()?;
    if file.format != PROFILE_FORMAT || file.format_version != PROFILE_FORMAT_VERSION {
        return None;
    }
    let profile = file.into_profile();
    profile.validate(q).ok()?;
    Some(profile)
}

/// The profile as a pretty-printed profile file, every member written (`max_age_days`
/// as `null` when there is no limit). Call [`BuyerProfile::validate`] first on a
/// profile that did not come from [`load_profile`]: a non-finite `min_overall` would be
/// written as `null`.
pub fn to_json(profile: &BuyerProfile) -> String {
    // Cannot fail: serde_json refuses only a map whose keys are not strings, and every
    // map of the file form is keyed by `String` (a non-finite number is written as null).
    serde_json::to_string_pretty(&ProfileFile::of(profile)).expect("a profile serializes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_profile_of_another_format_or_version_no_longer_reads() {
        let q = Questionnaire::builtin();
        let mut profile = BuyerProfile::default();
        profile.min_levels.insert("intake".into(), 2);
        let text = to_json(&profile);
        assert_eq!(from_stored(&text, q), Some(profile));
        let header = format!("\"format_version\": {PROFILE_FORMAT_VERSION}");
        assert!(text.contains(&header), "{text}");
        let newer = text.replace(
            &header,
            &format!("\"format_version\": {}", PROFILE_FORMAT_VERSION + 1),
        );
        assert_eq!(from_stored(&newer, q), None, "same format, another version");
        let other = text.replace(PROFILE_FORMAT, "another-format");
        assert_eq!(from_stored(&other, q), None, "same version, another format");
        let mut bad = BuyerProfile::default();
        bad.min_levels.insert("no-such-domain".into(), 2);
        assert_eq!(
            from_stored(&to_json(&bad), q),
            None,
            "its rules are checked again"
        );
    }
}
