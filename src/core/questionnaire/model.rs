//! The questionnaire model: domains, questions, answer types, gates and references,
//! loaded from versioned data (`data/questionnaire.json`) rather than written as code.
//!
//! Every rule about *what is asked* lives in the data file; every rule about *how it is
//! scored* lives in [`crate::core::scoring`] and [`crate::core::scoring::gates`].

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::core::answers::AnswerValue;
use crate::core::integrity;

/// The highest maturity level of a domain.
pub const MAX_LEVEL: u8 = 4;

/// Text of the questionnaire: borrowed from the data compiled into the program (the
/// built-in questionnaire is static Rust data made by `build.rs`, and its packed domains
/// borrow their text from the program too, so the page parses nothing at start), or
/// owned when a questionnaire is read from JSON.
pub type Text = Cow<'static, str>;

/// A list of the questionnaire, borrowed or owned like [`Text`].
pub type List<T> = Cow<'static, [T]>;

/// A small map from text keys (domain ids, level numbers), kept as pairs in key order so
/// it can be static data; written and read as a JSON object.
#[derive(Clone, PartialEq)]
pub struct PairMap<V: Clone + 'static>(pub List<(Text, V)>);

impl<V: Clone + 'static> PairMap<V> {
    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether `key` has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The pairs in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (&**k, v))
    }

    /// How many pairs.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no pairs.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(k, _)| k)
    }
}

impl<'a, V: Clone + 'static> IntoIterator for &'a PairMap<V> {
    type Item = (&'a str, &'a V);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (Text, V)>, fn(&'a (Text, V)) -> (&'a str, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (&**k, v))
    }
}

impl<V: Clone + 'static> Default for PairMap<V> {
    fn default() -> Self {
        PairMap(Cow::Borrowed(&[]))
    }
}

impl<V: Clone + std::fmt::Debug + 'static> std::fmt::Debug for PairMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<V: Clone + Serialize + 'static> Serialize for PairMap<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de, V: Clone + Deserialize<'de> + 'static> Deserialize<'de> for PairMap<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, V>::deserialize(d)?;
        Ok(PairMap(Cow::Owned(
            map.into_iter().map(|(k, v)| (Cow::Owned(k), v)).collect(),
        )))
    }
}

/// Errors raised while loading a questionnaire.
#[derive(Debug, thiserror::Error)]
pub enum QuestionnaireError {
    /// The data is not valid JSON of the expected shape.
    #[error("questionnaire data is malformed: {0}")]
    Malformed(#[from] serde_json::Error),
    /// The data parsed but breaks one or more consistency rules.
    #[error("questionnaire data is inconsistent: {}", .0.join("; "))]
    Invalid(Vec<String>),
}

/// A whole questionnaire: identity, content and the gates that cap levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Stable identifier, the same across versions.
    pub id: Text,
    /// Semantic version of the content.
    pub version: Text,
    /// Human title.
    pub title: Text,
    /// Names and generic meaning of levels 0..=4.
    pub levels: List<LevelInfo>,
    /// Every reference a question may cite.
    pub references: List<Reference>,
    /// The domains in display order.
    pub domains: List<Domain>,
    /// Critical gates that cap levels whatever else is answered.
    pub gates: List<Gate>,
    /// Unscored questions about the vendor (deployment model…) that decide which
    /// questions apply. Their answers are stored with the others, under `context.` ids.
    #[serde(default, skip_serializing_if = "<[ContextQuestion]>::is_empty")]
    pub context: List<ContextQuestion>,
    /// How answers to older versions map to this one (read with [`Questionnaire::migrations`]).
    #[serde(default, skip_serializing_if = "Lazy::is_empty")]
    pub migrations: Lazy<Vec<Migration>>,
    /// Legacy (1.0.0): old question id → new id. Empty from 2.0.0 on.
    #[serde(default)]
    pub renames: PairMap<Text>,
    /// What changed in each version (read with [`Questionnaire::changelog`]).
    #[serde(default)]
    pub changelog: Lazy<Vec<ChangelogEntry>>,
    #[serde(skip)]
    index: HashMap<Text, (usize, usize)>,
    // Verifying a file compares digests; computing one canonicalizes the whole data.
    #[serde(skip)]
    digest_cache: DigestCache,
}

/// Part of the data kept as its JSON text and parsed on first use: migrations and the
/// changelog are read only by the verifier and the CLI, so the page never carries a
/// parser for them. Compared, cloned and written back as the text it was read from.
pub struct Lazy<T> {
    raw: Text,
    parsed: OnceLock<T>,
}

impl<T: serde::de::DeserializeOwned + Default> Lazy<T> {
    /// The value; data that does not parse reads as empty (the test suite parses the
    /// built-in data strictly).
    pub fn get(&self) -> &T {
        self.parsed
            .get_or_init(|| serde_json::from_str(&self.raw).unwrap_or_default())
    }
}

impl<T> Lazy<T> {
    /// Data kept as this JSON text (the built-in questionnaire's, made by `build.rs`).
    pub const fn from_static(raw: &'static str) -> Self {
        Lazy {
            raw: Cow::Borrowed(raw),
            parsed: OnceLock::new(),
        }
    }

    /// Whether the text is an empty array or object.
    pub fn is_empty(&self) -> bool {
        matches!(self.raw.trim(), "[]" | "{}")
    }

    /// The JSON text.
    pub fn raw(&self) -> &str {
        &self.raw
    }
}

impl<T> Default for Lazy<T> {
    fn default() -> Self {
        Lazy::from_static("[]")
    }
}

impl<T> Clone for Lazy<T> {
    fn clone(&self) -> Self {
        Lazy {
            raw: self.raw.clone(),
            parsed: OnceLock::new(),
        }
    }
}

impl<T> PartialEq for Lazy<T> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl<T> std::fmt::Debug for Lazy<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.raw)
    }
}

impl<T> Serialize for Lazy<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error;
        serde_json::value::RawValue::from_string(self.raw.to_string())
            .map_err(S::Error::custom)?
            .serialize(s)
    }
}

impl<'de, T> Deserialize<'de> for Lazy<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Box::<serde_json::value::RawValue>::deserialize(d)?;
        Ok(Lazy {
            raw: Cow::Owned(raw.get().to_owned()),
            parsed: OnceLock::new(),
        })
    }
}

/// A digest computed once per value; a clone starts empty, since clones are made to be
/// changed.
#[derive(Debug, Default)]
struct DigestCache(OnceLock<String>);

// A cache is not part of the value: two questionnaires are equal whether or not either
// has computed its digest yet.
impl PartialEq for DigestCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Clone for DigestCache {
    fn clone(&self) -> Self {
        DigestCache::default()
    }
}

/// The generic meaning of one maturity level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelInfo {
    /// 0..=4.
    pub level: u8,
    /// Short name, e.g. "Defined".
    pub name: Text,
    /// One sentence.
    pub summary: Text,
}

/// A clause of a standard or public source that questions cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Stable id cited by questions, e.g. `ISO29147-6.2.2`.
    pub id: Text,
    /// Short label of the document, e.g. "ISO/IEC 29147:2018".
    pub source: Text,
    /// The clause within the document.
    pub clause: Text,
    /// The clause's own title.
    pub title: Text,
    /// The document's full title (required from 2.0.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Text>,
    /// Edition or version of the document, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<Text>,
    /// Year of the edition cited (required from 2.0.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// A public link to the document or clause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
    /// A caveat shown with the reference (e.g. binding only for some products).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// An unscored question about the vendor that decides which questions apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextQuestion {
    /// Stable id, `context.<name>`.
    pub id: Text,
    /// The question as asked.
    pub text: Text,
    /// Why it is asked.
    pub why: Text,
    /// The answers.
    pub options: List<ContextOption>,
}

/// One answer of a context question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextOption {
    /// Stable id stored in answer files.
    pub id: Text,
    /// Text shown.
    pub label: Text,
}

/// When a question applies: the answer of a context question is one of these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Applicability {
    /// The context question, `context.<name>`.
    pub question: Text,
    /// The options under which the question applies.
    pub any_of: List<Text>,
}

/// How answers to one older version map to the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Migration {
    /// The version migrated from.
    pub from: String,
    /// The version migrated to.
    pub to: String,
    /// The rules, applied in order.
    pub rules: Vec<MigrationRule>,
    /// Questions of `to` that no answer of `from` can fill: reported as new questions to
    /// answer.
    #[serde(default)]
    pub added: Vec<String>,
}

/// Which answer a merge keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Keep {
    /// The one with the lowest credit under the new question (the default: a merge
    /// never raises a score).
    #[default]
    Lowest,
    /// The one with the highest credit.
    Highest,
}

/// One migration rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum MigrationRule {
    /// Moves an answer (value, notes, evidence) to a new id; with `from` = `to` and
    /// `values`, re-maps the values of a question whose options changed.
    Rename {
        /// Old id.
        from: String,
        /// New id.
        to: String,
        /// Old value → new value.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        values: BTreeMap<String, String>,
    },
    /// Moves several old answers to one question, keeping one value.
    Merge {
        /// Old ids.
        from: Vec<String>,
        /// New id.
        to: String,
        /// Old value → new value.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        values: BTreeMap<String, String>,
        /// Which value is kept.
        #[serde(default)]
        keep: Keep,
    },
    /// Also answers a new question from an old answer, for the values mapped only (the
    /// old answer itself is kept or moved by the other rules).
    Derive {
        /// Old id.
        from: String,
        /// New id.
        to: String,
        /// Old value → new value; values not listed derive nothing.
        values: BTreeMap<String, String>,
    },
    /// Removes an old answer.
    Drop {
        /// Old id.
        from: String,
        /// Why, shown to the vendor and the buyer.
        reason: String,
    },
}

/// One area of readiness, scored L0..L4.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Stable id, e.g. `intake`.
    pub id: Text,
    /// Human title.
    pub title: Text,
    /// What the domain covers and why a buyer cares.
    pub summary: Text,
    /// Weight of this domain in the overall score.
    pub weight: u32,
    /// What each level 1..=4 looks like in this domain (keys "1".."4").
    pub levels: PairMap<Text>,
    /// The questions in display order.
    pub questions: List<Question>,
}

/// One checkable question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, `<domain>.<name>`.
    pub id: Text,
    /// The question as asked.
    pub text: Text,
    /// Why it matters.
    pub why: Text,
    /// The level of its domain this question evidences (1..=4).
    pub level: u8,
    /// What kind of answer it takes.
    pub answer: AnswerSpec,
    /// Whether "not applicable" is an allowed answer.
    #[serde(default)]
    pub allow_na: bool,
    /// Reference ids.
    pub refs: List<Text>,
    /// Shown only when another question's credit reaches a threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// What "partly" means for this question (yes/partly/no questions, from 2.0.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partly: Option<Text>,
    /// The wording of the "not applicable" option where a more exact one fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub na_label: Option<Text>,
    /// Applies only for some contexts (deployment model…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Applicability>,
}

/// The allowed answers of a question and the credit each earns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AnswerSpec {
    /// yes = 1.0, partly = 0.5, no = 0.0.
    YesPartlyNo,
    /// Options ordered worst to best.
    Choice {
        /// The options, worst first.
        options: List<ChoiceOption>,
    },
    /// A number such as days, mapped to credit through bands.
    Number {
        /// Unit shown next to the field, e.g. "business days".
        unit: Text,
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
        /// Whether smaller or larger values are better.
        better: Better,
        /// Thresholds and the credit they earn, best first.
        bands: List<Band>,
    },
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stable id stored in answer files.
    pub id: Text,
    /// Text shown.
    pub label: Text,
    /// Credit in 0..=1.
    pub credit: f64,
}

/// Direction of a number question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    /// Smaller values are better (days to fix).
    Lower,
    /// Larger values are better (percent covered).
    Higher,
}

/// A credit band of a number question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// For `lower`: values up to this earn the credit; for `higher`: values from this.
    pub threshold: f64,
    /// Credit in 0..=1.
    pub credit: f64,
}

/// Visibility condition of a follow-up question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The parent question id.
    pub question: Text,
    /// Shown when the parent's credit is at least this.
    pub credit_at_least: f64,
}

/// A critical gate: when any trigger holds, levels are capped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    /// Stable id.
    pub id: Text,
    /// Short title.
    pub title: Text,
    /// Why it caps and what fixes it.
    pub reason: Text,
    /// Why the thresholds and caps are what they are (from 2.0.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<Text>,
    /// The gate applies only for these contexts (a `context.` answer), like a question's
    /// `applies_if`; while that context question is unanswered the gate applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Applicability>,
    /// The gate fires when any of these holds.
    pub fires_if_any: List<GateTrigger>,
    /// Domain id → highest level allowed while the gate fires.
    #[serde(default)]
    pub domain_caps: PairMap<u8>,
    /// Highest overall score allowed while the gate fires.
    #[serde(default)]
    pub overall_max: Option<u8>,
}

/// One trigger of a gate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateTrigger {
    /// The question looked at.
    pub question: Text,
    /// Fires when that question's credit is below this (or it is unanswered, N/A or hidden).
    pub credit_below: f64,
}

/// One changelog entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangelogEntry {
    /// Version described.
    pub version: String,
    /// Release date (YYYY-MM-DD).
    pub date: String,
    /// What changed.
    pub changes: Vec<String>,
}

impl Applicability {
    /// Whether the vendor's context is one this applies to: the context question
    /// unanswered (until it is answered everything applies, and nobody escapes a gate by
    /// leaving it blank) or answered with one of the listed options.
    pub fn holds(&self, answers: &crate::core::answers::Answers) -> bool {
        match answers.value(&self.question) {
            Some(AnswerValue::Choice(c)) => self.any_of.iter().any(|o| o == c),
            _ => true,
        }
    }
}

impl Reference {
    /// The document cited, in one line: its full title, then the edition and the year
    /// where known (`Title, edition, 2018`); `None` without a full title. The crosswalk
    /// and the question cards both write it so.
    pub fn document_line(&self) -> Option<String> {
        let document = self.document.as_deref()?;
        let mut line = document.to_owned();
        if let Some(edition) = &self.edition {
            line.push_str(&format!(", {edition}"));
        }
        if let Some(year) = self.year {
            line.push_str(&format!(", {year}"));
        }
        Some(line)
    }

    /// The URL, when it may be rendered as a link ([`crate::core::answers::is_web_link`]).
    pub fn link(&self) -> Option<&str> {
        self.url
            .as_deref()
            .filter(|u| crate::core::answers::is_web_link(u))
    }
}

impl Question {
    /// The label of its "not applicable" option: the question's own wording where it has
    /// one.
    pub fn na_text(&self) -> &str {
        self.na_label.as_deref().unwrap_or("Not applicable")
    }
}

/// Whether a number question accepts a value: finite, from `min` to `max` inclusive. The
/// one range rule, for typed values ([`AnswerSpec::parse_typed`]) and stored ones
/// ([`AnswerSpec::credit`]) alike.
fn in_range(v: f64, min: f64, max: f64) -> bool {
    v.is_finite() && (min..=max).contains(&v)
}

impl AnswerSpec {
    /// Credit earned by a value, or `None` when the value is not allowed for this spec
    /// (including "not applicable", which is never credit).
    pub fn credit(&self, value: &AnswerValue) -> Option<f64> {
        match (self, value) {
            (AnswerSpec::YesPartlyNo, AnswerValue::Choice(c)) => match c.as_str() {
                "yes" => Some(1.0),
                "partly" => Some(0.5),
                "no" => Some(0.0),
                _ => None,
            },
            (AnswerSpec::Choice { options }, AnswerValue::Choice(c)) => {
                options.iter().find(|o| o.id == *c).map(|o| o.credit)
            }
            (
                AnswerSpec::Number {
                    min,
                    max,
                    better,
                    bands,
                    ..
                },
                AnswerValue::Number(v),
            ) => {
                if !in_range(*v, *min, *max) {
                    return None;
                }
                let earned = bands.iter().filter(|b| match better {
                    Better::Lower => *v <= b.threshold,
                    Better::Higher => *v >= b.threshold,
                });
                Some(earned.map(|b| b.credit).fold(0.0, f64::max))
            }
            _ => None,
        }
    }

    /// Reads a number as typed into a form: `Ok(None)` for an empty field (the answer is
    /// cleared), the value when it is a finite number within the question's range, and
    /// otherwise the message shown next to the field (the answer is left unchanged).
    pub fn parse_typed(&self, typed: &str) -> Result<Option<AnswerValue>, String> {
        let typed = typed.trim();
        let read = (!typed.is_empty()).then(|| typed.parse::<f64>().unwrap_or(f64::NAN));
        self.number_answer(read)
    }

    /// The answer for a number already read from a form's number field (`None` for an
    /// empty field; NaN for text that is no number): what [`AnswerSpec::parse_typed`]
    /// decides, for a caller that lets the field read the number. The page does, so it
    /// carries no decimal parser of its own.
    pub fn number_answer(&self, read: Option<f64>) -> Result<Option<AnswerValue>, String> {
        let AnswerSpec::Number { min, max, .. } = self else {
            return Err("this question does not take a number".into());
        };
        match read {
            None => Ok(None),
            Some(v) if in_range(v, *min, *max) => Ok(Some(AnswerValue::Number(v))),
            Some(_) => Err(format!(
                "Enter a number from {} to {}; the answer was not changed.",
                crate::core::text::short_decimal(*min, 6),
                crate::core::text::short_decimal(*max, 6)
            )),
        }
    }

    /// The allowed answers from worst to best, as stored in answer files, for a
    /// blank template and the UI. Number questions describe their bands instead.
    pub fn options_worst_to_best(&self) -> Vec<(String, String, f64)> {
        match self {
            AnswerSpec::YesPartlyNo => vec![
                ("no".into(), "No".into(), 0.0),
                ("partly".into(), "Partly".into(), 0.5),
                ("yes".into(), "Yes".into(), 1.0),
            ],
            AnswerSpec::Choice { options } => options
                .iter()
                .map(|o| (o.id.to_string(), o.label.to_string(), o.credit))
                .collect(),
            AnswerSpec::Number { .. } => Vec::new(),
        }
    }

    /// The best possible answer, used by tests and by "what would lift it" hints.
    pub fn best(&self) -> AnswerValue {
        match self {
            AnswerSpec::YesPartlyNo => AnswerValue::Choice("yes".into()),
            AnswerSpec::Choice { options } => {
                AnswerValue::Choice(options.last().map(|o| o.id.to_string()).unwrap_or_default())
            }
            AnswerSpec::Number {
                min, max, better, ..
            } => AnswerValue::Number(match better {
                Better::Lower => *min,
                Better::Higher => *max,
            }),
        }
    }

    /// The worst possible answer.
    pub fn worst(&self) -> AnswerValue {
        match self {
            AnswerSpec::YesPartlyNo => AnswerValue::Choice("no".into()),
            AnswerSpec::Choice { options } => AnswerValue::Choice(
                options
                    .first()
                    .map(|o| o.id.to_string())
                    .unwrap_or_default(),
            ),
            AnswerSpec::Number {
                min, max, better, ..
            } => AnswerValue::Number(match better {
                Better::Lower => *max,
                Better::Higher => *min,
            }),
        }
    }
}

/// A `MAJOR.MINOR.PATCH` version as numbers, or `None` if it is not exactly that.
pub fn parse_version(v: &str) -> Option<[u64; 3]> {
    let mut parts = v.split('.').map(|p| {
        (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    });
    let version = [parts.next()??, parts.next()??, parts.next()??];
    parts.next().is_none().then_some(version)
}

/// The parts of a questionnaire as the built-in data holds them (see `build.rs`).
pub(super) struct Parts {
    pub id: &'static str,
    pub version: &'static str,
    pub title: &'static str,
    pub levels: &'static [LevelInfo],
    pub references: &'static [Reference],
    pub domains: Vec<Domain>,
    pub gates: &'static [Gate],
    pub context: &'static [ContextQuestion],
    pub migrations: &'static str,
    pub changelog: &'static str,
    pub digest: &'static str,
}

impl Questionnaire {
    /// Its id and version as the pages name it: `vendor-readiness version 2.0.0`.
    pub fn edition(&self) -> String {
        format!("{} version {}", self.id, self.version)
    }

    /// A questionnaire over static parts, its index built and its digest known.
    pub(super) fn from_parts(p: Parts) -> Self {
        let q = Questionnaire {
            id: Cow::Borrowed(p.id),
            version: Cow::Borrowed(p.version),
            title: Cow::Borrowed(p.title),
            levels: Cow::Borrowed(p.levels),
            references: Cow::Borrowed(p.references),
            domains: Cow::Owned(p.domains),
            gates: Cow::Borrowed(p.gates),
            context: Cow::Borrowed(p.context),
            migrations: Lazy::from_static(p.migrations),
            renames: PairMap::default(),
            changelog: Lazy::from_static(p.changelog),
            index: HashMap::new(),
            digest_cache: DigestCache::default(),
        };
        let _ = q.digest_cache.0.set(p.digest.to_owned());
        q.indexed()
    }

    /// The same questionnaire with its id index built; loading calls this once.
    pub(super) fn indexed(mut self) -> Self {
        self.index = self
            .domains
            .iter()
            .enumerate()
            .flat_map(|(d, dom)| {
                dom.questions
                    .iter()
                    .enumerate()
                    .map(move |(i, qu)| (qu.id.clone(), (d, i)))
            })
            .collect();
        self
    }

    /// Looks a question up by id (through the index: where `domains` was changed since it
    /// was built, a place it no longer holds is not found rather than a panic).
    pub fn question(&self, id: &str) -> Option<&Question> {
        let &(d, i) = self.index.get(id)?;
        self.domains
            .get(d)?
            .questions
            .get(i)
            .filter(|qu| qu.id == id)
    }

    /// The domain a question belongs to.
    pub fn domain_of(&self, question_id: &str) -> Option<&Domain> {
        self.question(question_id)?;
        let &(d, _) = self.index.get(question_id)?;
        self.domains.get(d)
    }

    /// Looks a domain up by id.
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// Looks a gate up by id.
    pub fn gate(&self, id: &str) -> Option<&Gate> {
        self.gates.iter().find(|g| g.id == id)
    }

    /// How answers to older versions map to this one.
    pub fn migrations(&self) -> &Vec<Migration> {
        self.migrations.get()
    }

    /// What changed in each version.
    pub fn changelog(&self) -> &Vec<ChangelogEntry> {
        self.changelog.get()
    }

    /// Looks a context question up by id.
    pub fn context_question(&self, id: &str) -> Option<&ContextQuestion> {
        self.context.iter().find(|c| c.id == id)
    }

    /// Whether this version is held to the 2.0.0 content rules (every "partly" defined,
    /// references named precisely, gates justified and biting).
    pub fn strict(&self) -> bool {
        parse_version(&self.version).is_some_and(|v| v[0] >= 2)
    }

    /// Looks a reference up by id.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|r| r.id == id)
    }

    /// Every question in display order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.domains.iter().flat_map(|d| d.questions.iter())
    }

    /// The name of a level ("Defined"), or "L<n>" if the data has none.
    pub fn level_name(&self, level: u8) -> String {
        self.levels
            .iter()
            .find(|l| l.level == level)
            .map(|l| l.name.to_string())
            .unwrap_or_else(|| format!("L{level}"))
    }

    /// Content digest: `sha256:` + hex SHA-256 of the RFC 8785 canonical JSON of the data.
    pub fn digest(&self) -> String {
        self.digest_cache
            .0
            .get_or_init(|| {
                // Cannot fail: serde_json refuses only a map whose keys are not strings, and
                // every map of the model is keyed by text (a non-finite number becomes null,
                // which the canonical form writes like any other value).
                let value = serde_json::to_value(self).expect("questionnaire serializes");
                integrity::sha256_hex(&integrity::canonical_json(&value))
            })
            .clone()
    }
}
