//! The score file (the contract with buyers) and the answers file (for moving work
//! between colleagues), with sealing, loading and verification. `docs/score-file.md`
//! specifies the same format in prose; `schema/score-file.schema.json` as JSON Schema.
//!
//! Untrusted input goes through [`load`]: a size limit before parsing, a JSON depth
//! limit, strict field checks, text-safety checks, then migration of older
//! questionnaire versions and a full re-score.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::answers::{AnswerValue, Answers};
use crate::core::assessment::{Assessment, VendorProfile};
use crate::core::integrity::{self, SignatureBlock, SignatureState};
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
/// Longest accepted free-text field, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Most evidence entries on one question.
pub const MAX_EVIDENCE: usize = 50;
/// Deepest JSON nesting accepted (a real file needs 7).
pub const MAX_DEPTH: usize = 32;

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
            id: q.id.clone(),
            version: q.version.clone(),
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
    /// The level of its domain it evidences.
    pub level: u8,
    /// Allowed answers from worst to best (empty for numbers).
    pub allowed: Vec<String>,
    /// Whether "n/a" is allowed.
    pub na_allowed: bool,
    /// For number questions: unit, range and which direction is better.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// When the question applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_if: Option<crate::core::questionnaire::Condition>,
}

/// A blank answers file listing every question, its allowed answers and its condition.
pub fn template(q: &Questionnaire) -> AnswersFile {
    let mut file = answers_file(q, &Assessment::default());
    file.guide = q
        .questions()
        .map(|qu| GuideEntry {
            id: qu.id.clone(),
            text: qu.text.clone(),
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
                } => Some(format!("{unit}, {min} to {max}, {better:?} is better").to_lowercase()),
                _ => None,
            },
            shown_if: qu.show_if.clone(),
        })
        .collect();
    for qu in q.questions() {
        file.answers.0.insert(qu.id.clone(), Default::default());
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

/// Why a file cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FileError {
    /// Over [`MAX_FILE_BYTES`].
    #[error("file is {size} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Size of the file.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Empty file.
    #[error("file is empty")]
    Empty,
    /// Not JSON, or not UTF-8.
    #[error("not a JSON file: {0}")]
    NotJson(String),
    /// Nested deeper than [`MAX_DEPTH`].
    #[error("JSON is nested deeper than {MAX_DEPTH} levels")]
    TooDeep,
    /// JSON, but not one of our formats.
    #[error("not a Vendor Security Readiness file (format {0:?})")]
    UnknownFormat(String),
    /// A format version this build does not read.
    #[error(
        "file format version {found} is not supported (this app reads version {FORMAT_VERSION})"
    )]
    UnsupportedVersion {
        /// The version found.
        found: String,
    },
    /// Fields missing or of the wrong type.
    #[error("file structure is invalid: {0}")]
    Malformed(String),
    /// Answers a different questionnaire.
    #[error("file answers questionnaire {found:?}, not {expected:?}")]
    OtherQuestionnaire {
        /// Id found.
        found: String,
        /// Id expected.
        expected: String,
    },
    /// Answers a newer questionnaire version than this build knows.
    #[error(
        "file answers questionnaire version {found}, newer than this app's {known}; update the app"
    )]
    NewerQuestionnaire {
        /// Version found.
        found: String,
        /// Version known.
        known: String,
    },
    /// Claims the current version but with other content.
    #[error(
        "file claims questionnaire version {version} but its digest does not match this app's"
    )]
    QuestionnaireDigest {
        /// Version claimed.
        version: String,
    },
    /// Answers a question that does not exist.
    #[error("unknown question id {0:?}")]
    UnknownQuestion(String),
    /// An answer the question does not accept.
    #[error("answer to {question} is not allowed: {reason}")]
    InvalidAnswer {
        /// Question id.
        question: String,
        /// What is wrong.
        reason: String,
    },
    /// Control characters or bidirectional overrides in text.
    #[error("{field} contains control or bidirectional-override characters")]
    UnsafeText {
        /// Where.
        field: String,
    },
    /// A text or list over its limit.
    #[error("{field} is too long")]
    TooLong {
        /// Where.
        field: String,
    },
}

impl FileError {
    /// The same error with every piece of text that came from the file escaped and
    /// shortened, so a message can be printed or rendered as it is.
    pub fn printable(self) -> FileError {
        let p = |s: String| {
            let clean = printable(&s);
            if clean.chars().count() > 120 {
                format!("{}…", clean.chars().take(120).collect::<String>())
            } else {
                clean
            }
        };
        match self {
            FileError::NotJson(m) => FileError::NotJson(p(m)),
            FileError::UnknownFormat(f) => FileError::UnknownFormat(p(f)),
            FileError::UnsupportedVersion { found } => {
                FileError::UnsupportedVersion { found: p(found) }
            }
            FileError::Malformed(m) => FileError::Malformed(p(m)),
            FileError::OtherQuestionnaire { found, expected } => FileError::OtherQuestionnaire {
                found: p(found),
                expected,
            },
            FileError::NewerQuestionnaire { found, known } => FileError::NewerQuestionnaire {
                found: p(found),
                known,
            },
            FileError::QuestionnaireDigest { version } => FileError::QuestionnaireDigest {
                version: p(version),
            },
            FileError::UnknownQuestion(id) => FileError::UnknownQuestion(p(id)),
            FileError::InvalidAnswer { question, reason } => FileError::InvalidAnswer {
                question: p(question),
                reason: p(reason),
            },
            FileError::UnsafeText { field } => FileError::UnsafeText { field: p(field) },
            FileError::TooLong { field } => FileError::TooLong { field: p(field) },
            e @ (FileError::TooLarge { .. } | FileError::Empty | FileError::TooDeep) => e,
        }
    }
}

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

/// A score file after verification and re-scoring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerifiedScore {
    /// The content as found (answers migrated to current ids).
    pub content: ScoreContent,
    /// Digest check.
    pub integrity: IntegrityState,
    /// Signature check.
    pub signature: SignatureState,
    /// The result recomputed from the answers: the one to trust and show.
    pub recomputed: Score,
    /// True when the embedded result differs from the recomputed one.
    pub edited: bool,
    /// The questionnaire version the file was migrated from, if older.
    pub migrated_from: Option<String>,
}

impl VerifiedScore {
    /// True when digest and (if present) signature hold and the result was not edited.
    pub fn is_trustworthy(&self) -> bool {
        self.integrity == IntegrityState::Intact
            && !matches!(self.signature, SignatureState::Invalid { .. })
            && !self.edited
    }
}

/// Any file this app reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// A score file.
    Score(Box<VerifiedScore>),
    /// An answers file (migrated to current ids).
    Answers(Box<AnswersFile>),
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
    let canonical = integrity::canonical_bytes(&content).expect("content is finite JSON");
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

/// Reads, checks and re-scores any file this app knows, refusing what it cannot trust
/// to parse. A score file whose digest or signature fails still loads, flagged.
pub fn load(bytes: &[u8], q: &Questionnaire) -> Result<Loaded, FileError> {
    load_unchecked(bytes, q).map_err(FileError::printable)
}

fn load_unchecked(bytes: &[u8], q: &Questionnaire) -> Result<Loaded, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty);
    }
    let text =
        std::str::from_utf8(bytes).map_err(|_| FileError::NotJson("not UTF-8 text".into()))?;
    if json_depth(text) > MAX_DEPTH {
        return Err(FileError::TooDeep);
    }
    let mut value = serde_json::from_str::<UniqueKeys>(text)
        .map_err(|e| FileError::NotJson(printable(&e.to_string())))?
        .0;
    let format = value
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if format != SCORE_FORMAT && format != ANSWERS_FORMAT {
        return Err(FileError::UnknownFormat(format));
    }
    match value.get("format_version") {
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(FORMAT_VERSION)) => {}
        other => {
            return Err(FileError::UnsupportedVersion {
                found: other.map_or("missing".into(), Value::to_string),
            })
        }
    }
    if format == ANSWERS_FORMAT {
        let mut file: AnswersFile = serde_json::from_value(value).map_err(malformed)?;
        let migrated_from = check_questionnaire(&file.questionnaire, q)?;
        file.answers = migrate(&file.answers, q, migrated_from.is_some())?;
        check_assessment(&file.profile, &file.answers, q)?;
        return Ok(Loaded::Answers(Box::new(file)));
    }

    // The digest and signature cover the content exactly as it stands in the file.
    let raw_content = value
        .get_mut("content")
        .map(Value::take)
        .ok_or_else(|| FileError::Malformed("missing field `content`".into()))?;
    let canonical = integrity::canonical_bytes(&raw_content)
        .map_err(|e| FileError::Malformed(e.to_string()))?;
    let mut envelope = value;
    envelope["content"] = raw_content;
    let file: ScoreFile = serde_json::from_value(envelope).map_err(malformed)?;
    let migrated_from = check_questionnaire(&file.content.questionnaire, q)?;
    let mut content = file.content;
    content.answers = migrate(&content.answers, q, migrated_from.is_some())?;
    check_assessment(&content.profile, &content.answers, q)?;
    check_text("app_version", &content.app_version)?;
    check_text("created", &content.created)?;

    let is_digest = |s: &str| {
        s.strip_prefix(integrity::SHA256_PREFIX).is_some_and(|h| {
            h.len() == 64
                && h.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
    };
    if !is_digest(&file.integrity.digest) {
        return Err(FileError::Malformed(
            "integrity digest is not sha256: and 64 lower-case hex digits".into(),
        ));
    }
    if let Some(sig) = &file.signature {
        // These strings are shown to buyers (fingerprints are pinned and compared).
        if !is_digest(&sig.key_fingerprint) {
            return Err(FileError::Malformed(
                "signature key_fingerprint is not sha256: and 64 lower-case hex digits".into(),
            ));
        }
        for (field, text) in [
            ("signature algorithm", &sig.algorithm),
            ("signature public_key", &sig.public_key),
            ("signature value", &sig.value),
        ] {
            check_text(field, text)?;
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
    // A migrated file was scored against another version; only same-version results compare.
    let edited = migrated_from.is_none() && !content.result.same_as(&recomputed);
    Ok(Loaded::Score(Box::new(VerifiedScore {
        content,
        integrity,
        signature,
        recomputed,
        edited,
        migrated_from,
    })))
}

fn malformed(e: serde_json::Error) -> FileError {
    FileError::Malformed(printable(&e.to_string()))
}

/// Text from a file made safe to show in a message: control characters, line breaks
/// and bidirectional controls are written as `\u{..}` escapes, so a hostile file cannot
/// restyle a terminal, add lines to a log or reorder what a reader sees.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if is_unsafe_char(c) || c == '\n' || c == '\r' || c == '\t' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t' && c != '\r')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Deepest nesting of arrays and objects, counted without parsing so a hostile file
/// cannot exhaust the stack first.
pub(crate) fn json_depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// `Some(old version)` when the file answers an older version of this questionnaire.
fn check_questionnaire(
    r: &QuestionnaireRef,
    q: &Questionnaire,
) -> Result<Option<String>, FileError> {
    if r.id != q.id {
        return Err(FileError::OtherQuestionnaire {
            found: r.id.clone(),
            expected: q.id.clone(),
        });
    }
    match compare_versions(&r.version, &q.version) {
        None => Err(FileError::Malformed(format!(
            "questionnaire version {:?} is not MAJOR.MINOR.PATCH",
            r.version
        ))),
        Some(std::cmp::Ordering::Greater) => Err(FileError::NewerQuestionnaire {
            found: r.version.clone(),
            known: q.version.clone(),
        }),
        Some(std::cmp::Ordering::Equal) if r.digest != q.digest() => {
            Err(FileError::QuestionnaireDigest {
                version: r.version.clone(),
            })
        }
        Some(std::cmp::Ordering::Equal) => Ok(None),
        Some(std::cmp::Ordering::Less) => Ok(Some(r.version.clone())),
    }
}

fn compare_versions(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    use crate::core::questionnaire::parse_version;
    Some(parse_version(a)?.cmp(&parse_version(b)?))
}

/// Maps old ids to current ones through the rename map (for older files only).
fn migrate(answers: &Answers, q: &Questionnaire, older: bool) -> Result<Answers, FileError> {
    if !older {
        return Ok(answers.clone());
    }
    let mut out = Answers::default();
    for (id, entry) in &answers.0 {
        let current = q.current_id(id).to_owned();
        if out.0.insert(current.clone(), entry.clone()).is_some() {
            return Err(FileError::InvalidAnswer {
                question: current,
                reason: "answered twice under old and new ids".into(),
            });
        }
    }
    Ok(out)
}

/// Checks every answer and every string of an assessment.
pub fn check_assessment(
    profile: &VendorProfile,
    answers: &Answers,
    q: &Questionnaire,
) -> Result<(), FileError> {
    for (field, value) in profile.fields() {
        check_text(&format!("profile {}", field.label()), value)?;
    }
    for (id, entry) in &answers.0 {
        let question = q
            .question(id)
            .ok_or_else(|| FileError::UnknownQuestion(id.clone()))?;
        if let Some(value) = &entry.value {
            check_value(&question.answer, question.allow_na, value).map_err(|reason| {
                FileError::InvalidAnswer {
                    question: id.clone(),
                    reason,
                }
            })?;
        }
        check_text(&format!("notes of {id}"), &entry.notes)?;
        if entry.evidence.len() > MAX_EVIDENCE {
            return Err(FileError::TooLong {
                field: format!("evidence of {id}"),
            });
        }
        for ev in &entry.evidence {
            let field = format!("evidence of {id}");
            check_text(&field, &ev.label)?;
            check_text(&field, ev.url.as_deref().unwrap_or_default())?;
            if let Some(f) = &ev.file {
                check_text(&field, &f.name)?;
                let hex_ok = f.sha256.len() == 64
                    && f.sha256
                        .bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
                if !hex_ok {
                    return Err(FileError::Malformed(format!(
                        "{field}: sha256 is not 64 lower-case hex digits"
                    )));
                }
            }
        }
    }
    Ok(())
}

fn check_value(spec: &AnswerSpec, allow_na: bool, value: &AnswerValue) -> Result<(), String> {
    match value {
        AnswerValue::NotApplicable if allow_na => Ok(()),
        AnswerValue::NotApplicable => Err("\"n/a\" is not allowed for this question".into()),
        AnswerValue::Number(n) if !n.is_finite() => Err("number is not finite".into()),
        v => spec.credit(v).map(|_| ()).ok_or_else(|| {
            format!(
                "{:?} is not one of the allowed answers or is out of range",
                printable(&v.to_string())
            )
        }),
    }
}

/// Refuses control characters (other than tab, newline and carriage return), bidirectional overrides and
/// over-long text. Such characters can make a rendered value say something other than
/// what it stores.
pub fn check_text(field: &str, s: &str) -> Result<(), FileError> {
    if s.chars().any(is_unsafe_char) {
        return Err(FileError::UnsafeText {
            field: field.into(),
        });
    }
    if s.chars().count() > MAX_TEXT_CHARS {
        return Err(FileError::TooLong {
            field: field.into(),
        });
    }
    Ok(())
}

/// A JSON value parsed with duplicate object keys refused anywhere in the document.
/// serde_json keeps the last of repeated keys while other parsers keep the first, so a
/// file with duplicates could show one thing to a buyer's tool and another to us.
pub(crate) struct UniqueKeys(pub(crate) Value);

impl<'de> Deserialize<'de> for UniqueKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UniqueKeysVisitor).map(UniqueKeys)
    }
}

struct UniqueKeysVisitor;

/// Integers from 2^53 up have no exact JSON (IEEE double) form: RFC 8785 would hash two
/// different values alike, so a signed file could be edited undetected. Refuse them.
fn exact_integer<E: serde::de::Error>(magnitude: u64) -> Result<(), E> {
    if magnitude >= (1u64 << 53) {
        Err(E::custom(format_args!(
            "integer {magnitude} is too large to be represented exactly"
        )))
    } else {
        Ok(())
    }
}

impl<'de> serde::de::Visitor<'de> for UniqueKeysVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Value, E> {
        exact_integer(v.unsigned_abs())?;
        Ok(Value::from(v))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Value, E> {
        exact_integer(v)?;
        Ok(Value::from(v))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number is not finite"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(UniqueKeys(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some((key, UniqueKeys(v))) = map.next_entry::<String, UniqueKeys>()? {
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format_args!(
                    "duplicate key {key:?}"
                )));
            }
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}
