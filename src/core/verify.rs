//! Verification of a score file, and every problem it can have, worded once.
//!
//! A score file is verified over its bytes exactly as they stand: the digest and the
//! signature cover the `content` member as found, before any migration. Then the answers
//! are checked against the questionnaire, re-scored, and the re-computed result compared
//! with the embedded one. The CLI's `verify`, the buyer's verdict, the comparison table
//! and the docs all use [`Problem`] and the labels here, so the same fact reads the same
//! everywhere.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::files::content::bring_current;
use crate::core::files::error::FileError;
use crate::core::files::score_file::{ScoreContent, ScoreFile, KIND, SCORE_FORMAT};
use crate::core::files::untrusted;
use crate::core::integrity::{self, SignatureState};
use crate::core::questionnaire::migration::MigrationReport;
use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::{self, Score};
use crate::core::text::{self, check_text, SHA256_DIGEST_FORM};

/// The state of a score file's digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum IntegrityState {
    /// The content matches its digest.
    Intact,
    /// The content was changed after sealing.
    Mismatch {
        /// What the file claims.
        claimed: String,
        /// What the content hashes to.
        actual: String,
    },
}

impl IntegrityState {
    /// `intact` or `mismatch`.
    pub fn label(&self) -> &'static str {
        match self {
            IntegrityState::Intact => "intact",
            IntegrityState::Mismatch { .. } => "mismatch",
        }
    }
}

impl SignatureState {
    /// `unsigned`, `valid` or `invalid`.
    pub fn label(&self) -> &'static str {
        match self {
            SignatureState::Unsigned => "unsigned",
            SignatureState::Valid { .. } => "valid",
            SignatureState::Invalid { .. } => "invalid",
        }
    }

    /// The fingerprint of the key the file carries, if signed (proven only when valid).
    pub fn fingerprint(&self) -> Option<&str> {
        match self {
            SignatureState::Unsigned => None,
            SignatureState::Valid { fingerprint } | SignatureState::Invalid { fingerprint, .. } => {
                Some(fingerprint)
            }
        }
    }
}

/// How a file's signing key compares with a key the reader pinned for its organisation.
///
/// The fingerprint compared is the one the file carries; it proves something only when
/// the signature is also valid (an invalid signature is a problem on its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum KeyPinState {
    /// No key is pinned for this organisation.
    NotPinned,
    /// The file is signed with the pinned key.
    Matches,
    /// A key is pinned for this organisation and the file is signed with another one,
    /// or not signed at all (`found` is `None`).
    Mismatch {
        /// The fingerprint pinned for the organisation.
        pinned: String,
        /// The fingerprint the file carries, `None` when unsigned.
        found: Option<String>,
    },
}

impl KeyPinState {
    /// Compares the key a file carries with the one pinned (if any).
    pub fn of(pinned: Option<&str>, signature: &SignatureState) -> KeyPinState {
        let Some(pinned) = pinned else {
            return KeyPinState::NotPinned;
        };
        let found = signature.fingerprint();
        if found == Some(pinned) {
            KeyPinState::Matches
        } else {
            KeyPinState::Mismatch {
                pinned: pinned.to_owned(),
                found: found.map(str::to_owned),
            }
        }
    }

    /// `not pinned`, `matches` or `mismatch`.
    pub fn label(&self) -> &'static str {
        match self {
            KeyPinState::NotPinned => "not pinned",
            KeyPinState::Matches => "matches",
            KeyPinState::Mismatch { .. } => "mismatch",
        }
    }
}

/// What a reader requires beyond intact content: a signature, and a pinned key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Policy<'a> {
    /// Whether an unsigned file is a problem.
    pub require_signature: bool,
    /// The key fingerprint pinned for the file's organisation, if any.
    pub pinned_key: Option<&'a str>,
}

/// Something wrong with a loaded score file. Refused files never get this far: they
/// have a [`FileError`] instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// The content does not hash to the digest the file carries.
    DigestMismatch,
    /// The signature block does not hold.
    SignatureInvalid {
        /// What failed.
        reason: String,
    },
    /// Not signed, where a signature is required.
    SignatureRequired,
    /// A key is pinned for the organisation and the file is not signed with it.
    KeyMismatch {
        /// The organisation as written in the file.
        organisation: String,
        /// The pinned fingerprint.
        pinned: String,
        /// The fingerprint the file carries, `None` when unsigned.
        found: Option<String>,
    },
    /// The embedded result is not what the answers give.
    ResultEdited,
}

impl Problem {
    crate::core::examples::exhaustive_examples!(Problem {
        Problem::DigestMismatch => [Problem::DigestMismatch],
        Problem::SignatureInvalid { .. } => [Problem::SignatureInvalid {
            reason: "{reason}".into(),
        }],
        Problem::SignatureRequired => [Problem::SignatureRequired],
        Problem::KeyMismatch { found: Some(_), .. } => [Problem::KeyMismatch {
            organisation: "{organisation}".into(),
            pinned: "{pinned}".into(),
            found: Some("{found}".into()),
        }],
        Problem::KeyMismatch { found: None, .. } => [Problem::KeyMismatch {
            organisation: "{organisation}".into(),
            pinned: "{pinned}".into(),
            found: None,
        }],
        Problem::ResultEdited => [Problem::ResultEdited],
    });
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::DigestMismatch => {
                f.write_str("content was changed after sealing (the digest does not match)")
            }
            Problem::SignatureInvalid { reason } => write!(f, "signature is invalid: {reason}"),
            Problem::SignatureRequired => f.write_str("not signed, and a signature is required"),
            Problem::KeyMismatch {
                organisation,
                pinned,
                found: Some(found),
            } => write!(
                f,
                "signed with key {found}, not the key pinned for {organisation} ({pinned})"
            ),
            Problem::KeyMismatch {
                organisation,
                pinned,
                found: None,
            } => write!(
                f,
                "not signed, but a key is pinned for {organisation} ({pinned})"
            ),
            Problem::ResultEdited => f.write_str(
                "embedded result differs from the answers; the recomputed result is used",
            ),
        }
    }
}

/// The outcome of verifying one file: usable as it is, usable but flagged, or refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Intact, the signature valid (or absent and not required), the result not edited.
    Ok,
    /// Loaded, with at least one [`Problem`].
    Flagged,
    /// Not loaded: a [`FileError`].
    Refused,
}

impl Status {
    /// `OK`, `FLAGGED` or `REFUSED`, as the CLI prints it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Flagged => "FLAGGED",
            Status::Refused => "REFUSED",
        }
    }
}

/// A score file after verification and re-scoring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerifiedScore {
    /// The content as found (answers migrated to current ids).
    pub content: ScoreContent,
    /// The digest the file carries (`integrity.digest`, `sha256:` + hex): what ties an
    /// export or a report back to these exact bytes. It is the content's own digest only
    /// when `integrity` is [`IntegrityState::Intact`].
    #[serde(default)]
    pub digest: String,
    /// Digest check.
    pub integrity: IntegrityState,
    /// Signature check.
    pub signature: SignatureState,
    /// The result recomputed from the answers: the one to trust and show.
    pub recomputed: Score,
    /// True when the embedded result differs from the one its answers give (under the
    /// questionnaire version the file answers).
    pub edited: bool,
    /// The questionnaire version the file was migrated from, if older.
    pub migrated_from: Option<String>,
    /// What migration did, when the file answers an older version.
    pub migration: Option<MigrationReport>,
    /// For a migrated file: the result under the version it answers, re-computed with
    /// that version's rules (what the vendor saw when sealing it).
    pub original: Option<Score>,
}

/// The outcome of every check on one file, apart from its content: what the buyer's
/// verdict, the CLI and the table state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    /// Digest check.
    pub integrity: IntegrityState,
    /// Signature check.
    pub signature: SignatureState,
    /// True when the embedded result differs from the recomputed one.
    pub edited: bool,
    /// The questionnaire version the file was migrated from, if older.
    pub migrated_from: Option<String>,
}

/// What the result check found, as the comparison table and `verify` say it.
pub fn result_label(edited: bool) -> &'static str {
    if edited {
        "result edited"
    } else {
        "result not edited"
    }
}

impl KeyPinState {
    /// The key pin where a key is pinned, as the comparison table and the CLI's `compare`
    /// say it: `key pin matches`, `key pin mismatch`; `None` when none is pinned.
    pub fn phrase(&self) -> Option<String> {
        (*self != KeyPinState::NotPinned).then(|| format!("key pin {}", self.label()))
    }
}

/// One thing checked and found in a score file, as `verify` (and `evidence`) list them
/// after the status: the problems in their own words, then the states that are fine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// Something wrong ([`Problem`]).
    Problem(Problem),
    /// The content matches its digest.
    IntegrityIntact,
    /// The signature holds, with this key.
    SignatureValid {
        /// The key's fingerprint.
        fingerprint: String,
    },
    /// Not signed, and no signature is required.
    Unsigned,
    /// The embedded result is what the answers give.
    ResultNotEdited,
    /// The file answers an older questionnaire version and was migrated.
    MigratedFrom(String),
}

impl Finding {
    crate::core::examples::exhaustive_examples!(Finding {
        Finding::Problem(_) => Problem::examples().into_iter().map(Finding::Problem),
        Finding::IntegrityIntact => [Finding::IntegrityIntact],
        Finding::SignatureValid { .. } => [Finding::SignatureValid {
            fingerprint: "{fingerprint}".into(),
        }],
        Finding::Unsigned => [Finding::Unsigned],
        Finding::ResultNotEdited => [Finding::ResultNotEdited],
        Finding::MigratedFrom(_) => [Finding::MigratedFrom("{version}".into())],
    });
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::Problem(p) => p.fmt(f),
            Finding::IntegrityIntact => write!(f, "integrity {}", IntegrityState::Intact.label()),
            Finding::SignatureValid { fingerprint } => {
                write!(f, "signature valid, key {fingerprint}")
            }
            Finding::Unsigned => f.write_str(SignatureState::Unsigned.label()),
            Finding::ResultNotEdited => f.write_str(result_label(false)),
            Finding::MigratedFrom(old) => write!(f, "migrated from questionnaire {old}"),
        }
    }
}

impl Verification {
    /// The status under a reader's policy: [`Status::Ok`] without a problem, otherwise
    /// [`Status::Flagged`]. `organisation` is the one the file names (for the key pin).
    pub fn status(&self, organisation: &str, policy: Policy<'_>) -> Status {
        if self.problems(organisation, policy).is_empty() {
            Status::Ok
        } else {
            Status::Flagged
        }
    }

    /// Every problem under a reader's policy, in a fixed order: digest, signature, key
    /// pin, edited result. `organisation` is the one the file names (for the key pin).
    pub fn problems(&self, organisation: &str, policy: Policy<'_>) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let IntegrityState::Mismatch { .. } = self.integrity {
            problems.push(Problem::DigestMismatch);
        }
        match &self.signature {
            SignatureState::Invalid { reason, .. } => problems.push(Problem::SignatureInvalid {
                reason: reason.clone(),
            }),
            SignatureState::Unsigned if policy.require_signature => {
                problems.push(Problem::SignatureRequired)
            }
            _ => {}
        }
        if let KeyPinState::Mismatch { pinned, found } =
            KeyPinState::of(policy.pinned_key, &self.signature)
        {
            problems.push(Problem::KeyMismatch {
                organisation: organisation.to_owned(),
                pinned,
                found,
            });
        }
        if self.edited {
            problems.push(Problem::ResultEdited);
        }
        problems
    }

    /// What was checked and found, in order: the problems first, then the states that
    /// are fine ([`Finding`]).
    pub fn findings(&self, organisation: &str, policy: Policy<'_>) -> Vec<Finding> {
        let mut out: Vec<Finding> = self
            .problems(organisation, policy)
            .into_iter()
            .map(Finding::Problem)
            .collect();
        if self.integrity == IntegrityState::Intact {
            out.push(Finding::IntegrityIntact);
        }
        match &self.signature {
            SignatureState::Valid { fingerprint } => out.push(Finding::SignatureValid {
                fingerprint: fingerprint.clone(),
            }),
            SignatureState::Unsigned if !policy.require_signature => out.push(Finding::Unsigned),
            _ => {}
        }
        if !self.edited {
            out.push(Finding::ResultNotEdited);
        }
        if let Some(old) = &self.migrated_from {
            out.push(Finding::MigratedFrom(old.clone()));
        }
        out
    }
}

impl VerifiedScore {
    /// The outcome of the checks, apart from the content.
    pub fn verification(&self) -> Verification {
        Verification {
            integrity: self.integrity.clone(),
            signature: self.signature.clone(),
            edited: self.edited,
            migrated_from: self.migrated_from.clone(),
        }
    }

    /// Every problem under a reader's policy ([`Verification::problems`]).
    pub fn problems(&self, policy: Policy<'_>) -> Vec<Problem> {
        self.verification()
            .problems(&self.content.profile.organisation, policy)
    }

    /// The status under a reader's policy ([`Verification::status`]).
    pub fn status(&self, policy: Policy<'_>) -> Status {
        self.verification()
            .status(&self.content.profile.organisation, policy)
    }

    /// What was checked and found ([`Verification::findings`]).
    pub fn findings(&self, policy: Policy<'_>) -> Vec<Finding> {
        self.verification()
            .findings(&self.content.profile.organisation, policy)
    }
}

/// Reads a score file through the untrusted loader and verifies it. An answers file is
/// refused here with a reason: it carries no integrity and no result.
pub fn load_score(bytes: &[u8], q: &Questionnaire) -> Result<VerifiedScore, FileError> {
    let doc = untrusted::read(bytes, &KIND).map_err(FileError::printable)?;
    if doc.format != SCORE_FORMAT {
        return Err(FileError::WrongKind(
            "this is an answers file (work in progress), not a sealed score file; \
             ask the vendor for the score file",
        ));
    }
    verify_document(doc.value, bytes.len(), q).map_err(FileError::printable)
}

/// Verifies the JSON of a score file that passed the untrusted loader; `file_size` (the
/// length of its text) sizes the buffer of its canonical content.
pub(crate) fn verify_document(
    value: Value,
    file_size: usize,
    q: &Questionnaire,
) -> Result<VerifiedScore, FileError> {
    // The digest and signature cover the content exactly as it stands in the file.
    let mut canonical = Vec::with_capacity(file_size);
    integrity::canonical_json_into(
        value
            .get("content")
            .ok_or_else(|| FileError::Malformed("missing field `content`".into()))?,
        &mut canonical,
    );
    let file: ScoreFile = untrusted::decode(value)?;
    let mut content = file.content;
    let current = bring_current(
        &content.questionnaire,
        &content.profile,
        &content.answers,
        q,
    )?;
    // An older file's result is judged under the version it answers.
    let original = current
        .original
        .map(|old| scoring::score(old, &content.answers));
    if let Some(migrated) = current.answers {
        content.answers = migrated;
    }
    check_text("app_version", &content.app_version)?;
    check_text("created", &content.created)?;
    if !text::is_sha256_digest(&file.integrity.digest) {
        return Err(FileError::Malformed(format!(
            "integrity digest is not {SHA256_DIGEST_FORM}"
        )));
    }
    if let Some(sig) = &file.signature {
        // These strings are shown to buyers (fingerprints are pinned and compared).
        if !text::is_sha256_digest(&sig.key_fingerprint) {
            return Err(FileError::Malformed(format!(
                "signature key_fingerprint is not {SHA256_DIGEST_FORM}"
            )));
        }
        for (field, value) in [
            ("signature algorithm", &sig.algorithm),
            ("signature public_key", &sig.public_key),
            ("signature value", &sig.value),
        ] {
            check_text(field, value)?;
        }
    }
    if file.integrity.algorithm != "sha-256" || file.integrity.canonicalization != "RFC8785" {
        return Err(FileError::Malformed(
            "integrity must use algorithm \"sha-256\" over \"RFC8785\" canonical JSON".into(),
        ));
    }
    let actual = integrity::sha256_hex(&canonical);
    let integrity = if actual == file.integrity.digest {
        IntegrityState::Intact
    } else {
        IntegrityState::Mismatch {
            claimed: file.integrity.digest.clone(),
            actual,
        }
    };
    let signature = integrity::verify(file.signature.as_ref(), &canonical);
    let recomputed = scoring::score(q, &content.answers);
    let edited = !content
        .result
        .same_as(original.as_ref().unwrap_or(&recomputed));
    Ok(VerifiedScore {
        content,
        digest: file.integrity.digest,
        integrity,
        signature,
        recomputed,
        edited,
        migrated_from: current.migration.as_ref().map(|m| m.from.clone()),
        migration: current.migration,
        original,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(require_signature: bool) -> Policy<'static> {
        Policy {
            require_signature,
            pinned_key: None,
        }
    }

    /// The findings that are not problems, in the order `verify` lists them.
    fn fine(v: &Verification, require_signature: bool) -> Vec<Finding> {
        v.findings("Acme", policy(require_signature))
            .into_iter()
            .filter(|f| !matches!(f, Finding::Problem(_)))
            .collect()
    }

    fn verification(signature: SignatureState) -> Verification {
        Verification {
            integrity: IntegrityState::Intact,
            signature,
            edited: false,
            migrated_from: None,
        }
    }

    #[test]
    fn findings_list_what_is_fine_after_the_problems() {
        let signed = verification(SignatureState::Valid {
            fingerprint: "ab".into(),
        });
        assert_eq!(
            fine(&signed, true),
            [
                Finding::IntegrityIntact,
                Finding::SignatureValid {
                    fingerprint: "ab".into()
                },
                Finding::ResultNotEdited
            ]
        );

        // Unsigned is a fine state only when the policy does not require a signature.
        let unsigned = verification(SignatureState::Unsigned);
        assert_eq!(
            fine(&unsigned, false),
            [
                Finding::IntegrityIntact,
                Finding::Unsigned,
                Finding::ResultNotEdited
            ]
        );
        assert_eq!(
            fine(&unsigned, true),
            [Finding::IntegrityIntact, Finding::ResultNotEdited]
        );
        let required = unsigned.findings("Acme", policy(true));
        assert!(matches!(required[0], Finding::Problem(_)), "{required:?}");

        // A broken digest, an invalid signature, an edited result and a migration.
        let bad = Verification {
            integrity: IntegrityState::Mismatch {
                claimed: "sha256:00".into(),
                actual: "sha256:11".into(),
            },
            signature: SignatureState::Invalid {
                fingerprint: "ab".into(),
                reason: "the signature does not verify".into(),
            },
            edited: true,
            migrated_from: Some("1.0.0".into()),
        };
        assert_eq!(fine(&bad, false), [Finding::MigratedFrom("1.0.0".into())]);
        assert_eq!(
            bad.findings("Acme", policy(false))
                .iter()
                .filter(|f| matches!(f, Finding::Problem(_)))
                .count(),
            bad.problems("Acme", policy(false)).len()
        );
    }
}
