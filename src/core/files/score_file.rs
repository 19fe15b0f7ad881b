//! The score file (the contract with buyers) and the answers file (for moving work
//! between colleagues): their types, sealing, the blank template and file names.
//! `docs/score-file.md` specifies the same format in prose;
//! `schema/score-file.schema.json` as JSON Schema. Reading them is [`super::load`];
//! verifying a score file is [`crate::core::verify`].

use serde::{Deserialize, Serialize};

use super::untrusted::{Format, Kind};
use crate::core::answers::Answers;
use crate::core::assessment::{Assessment, VendorProfile};
use crate::core::integrity::{self, SignatureBlock};
use crate::core::questionnaire::{AnswerSpec, Questionnaire};
use crate::core::scoring::{self, Score};

/// Format name of a score file.
pub const SCORE_FORMAT: &str = "vendor-readiness-score";
/// Format name of an answers file.
pub const ANSWERS_FORMAT: &str = "vendor-readiness-answers";
/// The file format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
pub use crate::core::text::MAX_TEXT_CHARS;
/// Most evidence entries on one question.
pub const MAX_EVIDENCE: usize = 50;
/// Deepest JSON nesting accepted (a real file needs 7).
pub const MAX_DEPTH: usize = 32;

/// Score and answers files, as the untrusted loader knows them.
pub const KIND: Kind = Kind {
    description: "a Vendor Security Readiness file",
    formats: &[
        Format {
            name: SCORE_FORMAT,
            version: FORMAT_VERSION,
            version_optional: false,
        },
        Format {
            name: ANSWERS_FORMAT,
            version: FORMAT_VERSION,
            version_optional: false,
        },
    ],
    max_bytes: MAX_FILE_BYTES,
    max_depth: MAX_DEPTH,
};

/// Which questionnaire a file answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireRef {
    /// Questionnaire id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// Its content digest.
    pub digest: String,
}

impl QuestionnaireRef {
    /// The reference of a questionnaire.
    pub fn of(q: &Questionnaire) -> Self {
        QuestionnaireRef {
            id: q.id.to_string(),
            version: q.version.to_string(),
            digest: q.digest(),
        }
    }
}

/// What the digest and signature cover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreContent {
    /// The questionnaire answered.
    pub questionnaire: QuestionnaireRef,
    /// The vendor profile.
    pub profile: VendorProfile,
    /// Every answer with notes and evidence.
    pub answers: Answers,
    /// The result as computed when the file was made.
    pub result: Score,
    /// Version of the app that made the file.
    pub app_version: String,
    /// When it was made (RFC 3339, UTC).
    pub created: String,
}

/// The integrity block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntegrityBlock {
    /// Always `sha-256`.
    pub algorithm: String,
    /// Always `RFC8785`.
    pub canonicalization: String,
    /// `sha256:` + hex of the canonical content.
    pub digest: String,
}

/// A whole score file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreFile {
    /// Always [`SCORE_FORMAT`].
    pub format: String,
    /// Always [`FORMAT_VERSION`] for files this build writes.
    pub format_version: u32,
    /// The sealed content.
    pub content: ScoreContent,
    /// Digest of the content.
    pub integrity: IntegrityBlock,
    /// Optional Ed25519 signature of the content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<SignatureBlock>,
}

/// An answers file: work in progress, no integrity claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    /// Always [`ANSWERS_FORMAT`].
    pub format: String,
    /// Always [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The questionnaire answered.
    pub questionnaire: QuestionnaireRef,
    /// Who is assessed.
    #[serde(default)]
    pub profile: VendorProfile,
    /// The answers so far.
    #[serde(default)]
    pub answers: Answers,
    /// Written by `vendor-readiness template` to explain each question; ignored on load.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guide: Vec<GuideEntry>,
}

/// One question as explained in a blank template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideEntry {
    /// Question id (the key to use in `answers`).
    pub id: String,
    /// The question.
    pub text: String,
    /// The level of its domain it evidences (0 for an unscored context question).
    pub level: u8,
    /// Allowed answers from worst to best (empty for numbers).
    pub allowed: Vec<String>,
    /// Whether "n/a" is allowed.
    pub na_allowed: bool,
    /// For number questions: unit, range and which direction is better.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// When the question is shown (after an earlier answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_if: Option<crate::core::questionnaire::Condition>,
    /// For which contexts it applies (a `context.` answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<crate::core::questionnaire::Applicability>,
    /// What "partly" means for this question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partly: Option<String>,
    /// The wording of its "not applicable" answer, where one fits better.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub na_label: Option<String>,
}

/// A blank answers file listing every question, its allowed answers and its condition.
pub fn template(q: &Questionnaire) -> AnswersFile {
    let mut file = answers_file(q, &Assessment::default());
    let context = q.context.iter().map(|c| GuideEntry {
        id: c.id.to_string(),
        text: c.text.to_string(),
        level: 0,
        allowed: c.options.iter().map(|o| o.id.to_string()).collect(),
        na_allowed: false,
        number: None,
        shown_if: None,
        applies_if: None,
        partly: None,
        na_label: None,
    });
    file.guide = context
        .chain(q.questions().map(|qu| {
            GuideEntry {
                id: qu.id.to_string(),
                text: qu.text.to_string(),
                level: qu.level,
                allowed: qu
                    .answer
                    .options_worst_to_best()
                    .into_iter()
                    .map(|(id, _, _)| id)
                    .collect(),
                na_allowed: qu.allow_na,
                number: match &qu.answer {
                    AnswerSpec::Number {
                        unit,
                        min,
                        max,
                        better,
                        ..
                    } => {
                        Some(format!("{unit}, {min} to {max}, {better:?} is better").to_lowercase())
                    }
                    _ => None,
                },
                shown_if: qu.show_if.clone(),
                applies_if: qu.applies_if.clone(),
                partly: qu.partly.as_deref().map(str::to_owned),
                na_label: qu.na_label.as_deref().map(str::to_owned),
            }
        }))
        .collect();
    for id in q
        .context
        .iter()
        .map(|c| &c.id)
        .chain(q.questions().map(|qu| &qu.id))
    {
        file.answers.0.insert(id.to_string(), Default::default());
    }
    file
}

impl AnswersFile {
    /// The assessment held in the file.
    pub fn into_assessment(self) -> Assessment {
        Assessment {
            profile: self.profile,
            answers: self.answers,
        }
    }
}

/// Seals an assessment into a score file, optionally signed.
pub fn seal(
    q: &Questionnaire,
    assessment: &Assessment,
    app_version: &str,
    created: &str,
    key: Option<&ed25519_dalek::SigningKey>,
) -> ScoreFile {
    let content = ScoreContent {
        questionnaire: QuestionnaireRef::of(q),
        profile: assessment.profile.clone(),
        answers: assessment.answers.clone(),
        result: scoring::score(q, &assessment.answers),
        app_version: app_version.to_owned(),
        created: created.to_owned(),
    };
    // The canonical form of the content as the file will hold it. Cannot fail: serde_json
    // refuses only a map whose keys are not strings, and every map of the content is keyed
    // by text; a non-finite number becomes null, as the written file will have it, so the
    // digest is the one a verifier computes from the file.
    let value = serde_json::to_value(&content).expect("score content serializes");
    let canonical = integrity::canonical_json(&value);
    ScoreFile {
        format: SCORE_FORMAT.into(),
        format_version: FORMAT_VERSION,
        integrity: IntegrityBlock {
            algorithm: "sha-256".into(),
            canonicalization: "RFC8785".into(),
            digest: integrity::sha256_hex(&canonical),
        },
        signature: key.map(|k| integrity::sign(k, &canonical)),
        content,
    }
}

/// An answers file for an assessment.
pub fn answers_file(q: &Questionnaire, assessment: &Assessment) -> AnswersFile {
    AnswersFile {
        format: ANSWERS_FORMAT.into(),
        format_version: FORMAT_VERSION,
        questionnaire: QuestionnaireRef::of(q),
        profile: assessment.profile.clone(),
        answers: assessment.answers.clone(),
        guide: Vec::new(),
    }
}

/// `<vendor>-<product>-<date>.readiness.json`, with each part reduced to safe characters.
pub fn file_name(profile: &VendorProfile, date: &str) -> String {
    format!("{}.readiness.json", file_stem(profile, date))
}

/// `<vendor>-<product>-<date>`: the name every download of an assessment starts with.
pub fn file_stem(profile: &VendorProfile, date: &str) -> String {
    let slug = |s: &str, fallback: &str| {
        let mut out = String::new();
        for c in s.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        let out: String = out.chars().take(40).collect();
        let out = out.trim_end_matches('-');
        if out.is_empty() {
            fallback.to_owned()
        } else {
            out.to_owned()
        }
    };
    format!(
        "{}-{}-{}",
        slug(&profile.organisation, "vendor"),
        slug(&profile.products, "product"),
        slug(date, "undated")
    )
}
