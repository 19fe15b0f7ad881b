//! A vendor's progress between two of its score files: domain levels and the overall
//! score before and after, the gates that started or stopped firing, and every question
//! whose answer changed.
//!
//! Both files are verified first, which brings each to the current questionnaire
//! (migrating an older version), so a 1.0.0 file and a 2.0.0 file compare under one set
//! of rules; the result says which file was migrated and how. The two files must name the
//! same organisation and products (ignoring case and runs of white space), and the one
//! given as older must not have been created after the other: the order is the caller's
//! to give, and a wrong one is refused rather than silently swapped.

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::core::answers::{AnswerValue, Answers};
use crate::core::buyer::compare::{self, Summary};
use crate::core::buyer::profile::organisation_key;
use crate::core::export::{answer_label, status_label};
use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::{self, QuestionStatus};
use crate::core::text;
use crate::core::verify::{Status, VerifiedScore};

/// One of the two files, as the progress report describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// `created` as the file writes it.
    pub created: String,
    /// The questionnaire version the file answers.
    pub questionnaire_version: String,
    /// The digest the file carries.
    pub digest: String,
    /// OK or FLAGGED under the default policy (an unsigned file is OK).
    pub status: Status,
    /// What is wrong with the file, if flagged.
    pub problems: Vec<String>,
    /// For a migrated file: what migration did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub migration: Option<String>,
}

impl Side {
    fn of(v: &VerifiedScore) -> Side {
        let policy = Default::default();
        Side {
            created: v.content.created.clone(),
            questionnaire_version: v.content.questionnaire.version.clone(),
            digest: v.digest.clone(),
            status: v.status(policy),
            problems: v.problems(policy).iter().map(ToString::to_string).collect(),
            migration: Summary::of(v).migration_note(),
        }
    }
}

/// A domain's level in both files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelChange {
    /// Domain id.
    pub domain: String,
    /// Domain title.
    pub title: String,
    /// Level in the older file.
    pub before: u8,
    /// Level in the newer file.
    pub after: u8,
}

impl LevelChange {
    /// Whether the level differs.
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

/// A gate that started or stopped firing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateChange {
    /// Gate id.
    pub gate: String,
    /// Gate title.
    pub title: String,
}

/// A question whose answer (or the credit it counts for) differs between the files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerChange {
    /// Question id.
    pub question: String,
    /// Domain id, or `context` for a context question.
    pub domain: String,
    /// The question as asked.
    pub text: String,
    /// The older answer's label; `None` when unanswered.
    pub before: Option<String>,
    /// The newer answer's label; `None` when unanswered.
    pub after: Option<String>,
    /// The credit the older answer counts for; `None` when it counts for none
    /// (unanswered, not applicable, hidden, out of scope, or a context question).
    pub credit_before: Option<f64>,
    /// The credit the newer answer counts for, as for `credit_before`.
    pub credit_after: Option<f64>,
    /// The older answer's status (`met`, `partly met`, `not met`, `unanswered`,
    /// `hidden`, `not applicable`, `out of scope`; `context` for a context question).
    pub status_before: String,
    /// The newer answer's status, as for `status_before`.
    pub status_after: String,
}

/// The status of a context question's answer in an [`AnswerChange`] (it is not scored).
pub const CONTEXT_STATUS: &str = "context";

/// An answer as the progress report reads it, in the CLI and on the page alike:
/// `Partly (0.5)` with the credit it counts for (two decimals at most), `No (hidden)` with
/// why it counts for none, a context question's answer alone, and `unanswered`.
pub fn answer_text(label: Option<&str>, credit: Option<f64>, status: &str) -> String {
    match (label, credit) {
        (None, _) => "unanswered".into(),
        (Some(l), Some(c)) => format!("{l} ({})", text::short_decimal(c, 2)),
        (Some(l), None) if status == CONTEXT_STATUS => l.to_owned(),
        (Some(l), None) => format!("{l} ({status})"),
    }
}

impl AnswerChange {
    /// The older answer as the report reads it ([`answer_text`]).
    pub fn before_text(&self) -> String {
        answer_text(
            self.before.as_deref(),
            self.credit_before,
            &self.status_before,
        )
    }

    /// The newer answer as the report reads it ([`answer_text`]).
    pub fn after_text(&self) -> String {
        answer_text(self.after.as_deref(), self.credit_after, &self.status_after)
    }
}

/// What changed between an older and a newer score file of one vendor and product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The organisation, as the newer file writes it.
    pub organisation: String,
    /// The products, as the newer file writes them.
    pub products: String,
    /// The older file.
    pub older: Side,
    /// The newer file.
    pub newer: Side,
    /// Overall score in the older file (recomputed under the current questionnaire).
    pub overall_before: f64,
    /// Overall score in the newer file.
    pub overall_after: f64,
    /// Every domain, in questionnaire order.
    pub domains: Vec<LevelChange>,
    /// Gates that fire in the newer file and not in the older, in questionnaire order.
    pub gates_started: Vec<GateChange>,
    /// Gates that fired in the older file and no longer do.
    pub gates_stopped: Vec<GateChange>,
    /// Questions whose answer or counted credit changed: context questions first, then
    /// in questionnaire order.
    pub answers: Vec<AnswerChange>,
    /// Anything else the reader should know (times that cannot be compared).
    pub notes: Vec<String>,
}

/// One profile field that differs between the files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// `organisation` or `products`.
    pub field: &'static str,
    /// The older file's value (escaped and shortened).
    pub older: String,
    /// The newer file's value (escaped and shortened).
    pub newer: String,
}

/// Why two files cannot be compared for progress.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    /// The files are about different vendors or products.
    #[error("the files are not of the same vendor and product: {}", differences(.0))]
    DifferentSubject(Vec<Difference>),
    /// The file given as older was created after the one given as newer.
    #[error(
        "the file given as older was created at {older}, after the one given as newer \
         ({newer}); give the older file first"
    )]
    WrongOrder {
        /// `created` of the file given as older (escaped).
        older: String,
        /// `created` of the file given as newer (escaped).
        newer: String,
    },
}

fn differences(list: &[Difference]) -> String {
    list.iter()
        .map(|d| format!("{} \"{}\" vs \"{}\"", d.field, d.older, d.newer))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What decides whether two files can be compared for progress: who, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject<'a> {
    /// `profile.organisation` as the file writes it.
    pub organisation: &'a str,
    /// `profile.products` as the file writes it.
    pub products: &'a str,
    /// `created` as the file writes it.
    pub created: &'a str,
}

impl<'a> Subject<'a> {
    /// The subject of a verified file.
    pub fn of_score(v: &'a VerifiedScore) -> Self {
        Subject {
            organisation: &v.content.profile.organisation,
            products: &v.content.profile.products,
            created: &v.content.created,
        }
    }

    /// The subject of a verified file's summary (what the buyer's page keeps of it).
    pub fn of_summary(s: &'a Summary) -> Self {
        Subject {
            organisation: &s.organisation,
            products: &s.products,
            created: &s.created,
        }
    }

    fn created_time(&self) -> Option<OffsetDateTime> {
        OffsetDateTime::parse(self.created, &Rfc3339).ok()
    }
}

/// Whether the files may be compared as `older` then `newer`: the same vendor and
/// product (ignoring case and runs of white space), `older` not created after `newer`.
/// On success, the notes the comparison carries (creation times that cannot be ordered).
pub fn check_pair(older: &Subject<'_>, newer: &Subject<'_>) -> Result<Vec<String>, ProgressError> {
    let mismatches: Vec<Difference> = [
        ("organisation", older.organisation, newer.organisation),
        ("products", older.products, newer.products),
    ]
    .into_iter()
    .filter(|(_, x, y)| organisation_key(x) != organisation_key(y))
    .map(|(field, x, y)| Difference {
        field,
        older: text::quoted(x),
        newer: text::quoted(y),
    })
    .collect();
    if !mismatches.is_empty() {
        return Err(ProgressError::DifferentSubject(mismatches));
    }
    match (older.created_time(), newer.created_time()) {
        (Some(x), Some(y)) if x > y => Err(ProgressError::WrongOrder {
            older: text::quoted(older.created),
            newer: text::quoted(newer.created),
        }),
        (Some(_), Some(_)) => Ok(Vec::new()),
        _ => Ok(vec![format!(
            "The creation times (\"{}\" and \"{}\") are not both RFC 3339 date-times, so \
             their order was not checked.",
            text::quoted(older.created),
            text::quoted(newer.created)
        )]),
    }
}

/// Whether `a` comes first when two files are compared for progress: it was created no
/// later than `b`. When either time is not an RFC 3339 date-time the order given is kept
/// (and [`check_pair`] notes that it was not checked).
pub fn comes_first(a: &Subject<'_>, b: &Subject<'_>) -> bool {
    !matches!((a.created_time(), b.created_time()), (Some(x), Some(y)) if x > y)
}

/// Compares an older and a newer verified score file of the same vendor and product.
pub fn progress(
    q: &Questionnaire,
    older: &VerifiedScore,
    newer: &VerifiedScore,
) -> Result<Progress, ProgressError> {
    let notes = check_pair(&Subject::of_score(older), &Subject::of_score(newer))?;
    let b = &newer.content.profile;

    let (before, after) = (&older.recomputed, &newer.recomputed);
    let domains = q
        .domains
        .iter()
        .map(|d| LevelChange {
            domain: d.id.to_string(),
            title: d.title.to_string(),
            before: before.domain(&d.id).map_or(0, |s| s.level),
            after: after.domain(&d.id).map_or(0, |s| s.level),
        })
        .collect();
    let gate_change = |from: &[scoring::gates::FiredGate],
                       to: &[scoring::gates::FiredGate]|
     -> Vec<GateChange> {
        q.gates
            .iter()
            .filter(|g| to.iter().any(|f| f.gate == g.id) && !from.iter().any(|f| f.gate == g.id))
            .map(|g| GateChange {
                gate: g.id.to_string(),
                title: g.title.to_string(),
            })
            .collect()
    };
    Ok(Progress {
        organisation: b.organisation.clone(),
        products: b.products.clone(),
        older: Side::of(older),
        newer: Side::of(newer),
        overall_before: before.overall,
        overall_after: after.overall,
        domains,
        gates_started: gate_change(&before.gates, &after.gates),
        gates_stopped: gate_change(&after.gates, &before.gates),
        answers: answer_changes(q, &older.content.answers, &newer.content.answers),
        notes,
    })
}

/// Context questions whose answer changed, then [`compare::diff`]'s changed questions,
/// with labels.
fn answer_changes(q: &Questionnaire, older: &Answers, newer: &Answers) -> Vec<AnswerChange> {
    let mut out = Vec::new();
    for c in q.context.iter() {
        let (x, y) = (older.value(&c.id), newer.value(&c.id));
        if x == y {
            continue;
        }
        let label = |v: Option<&AnswerValue>| {
            v.map(|v| {
                let id = v.to_string();
                c.options
                    .iter()
                    .find(|o| o.id == id)
                    .map_or(id, |o| o.label.to_string())
            })
        };
        out.push(AnswerChange {
            question: c.id.to_string(),
            domain: "context".into(),
            text: c.text.to_string(),
            before: label(x),
            after: label(y),
            credit_before: None,
            credit_after: None,
            status_before: CONTEXT_STATUS.into(),
            status_after: CONTEXT_STATUS.into(),
        });
    }
    let (was, is) = (scoring::evaluate(q, older), scoring::evaluate(q, newer));
    let status = |statuses: &scoring::Statuses, id: &str| {
        status_label(statuses.get(id).unwrap_or(&QuestionStatus::Unanswered)).to_owned()
    };
    for row in compare::diff(q, older, newer, true) {
        let Some(question) = q.question(&row.question) else {
            continue;
        };
        out.push(AnswerChange {
            status_before: status(&was, &row.question),
            status_after: status(&is, &row.question),
            text: question.text.to_string(),
            before: row.a.as_ref().map(|v| answer_label(question, v)),
            after: row.b.as_ref().map(|v| answer_label(question, v)),
            credit_before: row.a_credit,
            credit_after: row.b_credit,
            question: row.question,
            domain: row.domain,
        });
    }
    out
}
