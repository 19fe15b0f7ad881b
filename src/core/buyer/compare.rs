//! The buyer's side: a verified score file reduced to what a comparison needs
//! ([`Summary`]), judged against a [`BuyerProfile`] ([`evaluate`], [`Verdict`] with a
//! [`Reason`] per failed check), and the table, CSV and question-by-question views the
//! comparison page and the CLI show.
//!
//! Every result here comes from a [`VerifiedScore`], whose result was recomputed from the
//! answers; the result embedded in a file is never used.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::core::answers::{AnswerValue, Answers};
use crate::core::buyer::profile::BuyerProfile;
use crate::core::export::{report_answer, CsvField};
use crate::core::questionnaire::migration::MigrationReport;
use crate::core::questionnaire::{Question, Questionnaire};
use crate::core::scoring::gates::FiredGate;
use crate::core::scoring::{self, QuestionStatus};
use crate::core::text;
use crate::core::verify::{KeyPinState, Policy, Problem, Verification, VerifiedScore};

/// How far in the future a file's `created` may be before it counts as "created in the
/// future", to allow for clocks that are slightly off.
pub const FUTURE_TOLERANCE_SECONDS: i64 = 600;

/// One domain's level in a [`Summary`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainLevel {
    /// Domain id.
    pub domain: String,
    /// Its level after gate caps, 0..=4.
    pub level: u8,
}

/// What a comparison needs of one verified score file: who, when, how it verified, and
/// the recomputed levels. Small, so a worker can send a thousand of them cheaply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// `profile.organisation` from the file.
    pub organisation: String,
    /// `profile.products` from the file.
    pub products: String,
    /// `created` from the file, as written.
    pub created: String,
    /// The questionnaire version the file answers.
    pub questionnaire_version: String,
    /// Digest, signature, edited result, migration.
    pub verification: Verification,
    /// Recomputed overall score.
    pub overall: f64,
    /// Recomputed level of every domain, in questionnaire order.
    pub levels: Vec<DomainLevel>,
    /// Gates fired under the recomputed result.
    pub gates: Vec<FiredGate>,
    /// For a file that answers an older questionnaire: what migration did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration: Option<MigrationReport>,
    /// For such a file: its overall score under the version it answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_overall: Option<f64>,
}

impl Summary {
    /// The summary of a verified file.
    pub fn of(v: &VerifiedScore) -> Summary {
        Summary {
            organisation: v.content.profile.organisation.clone(),
            products: v.content.profile.products.clone(),
            created: v.content.created.clone(),
            questionnaire_version: v.content.questionnaire.version.clone(),
            verification: v.verification(),
            overall: v.recomputed.overall,
            levels: v
                .recomputed
                .domains
                .iter()
                .map(|d| DomainLevel {
                    domain: d.domain.clone(),
                    level: d.level,
                })
                .collect(),
            gates: v.recomputed.gates.clone(),
            migration: v.migration.clone(),
            original_overall: v.original.as_ref().map(|s| s.overall),
        }
    }

    /// For a migrated file, one line: "answers questionnaire 1.0.0 (overall 1.7 under it);
    /// migrated from questionnaire 1.0.0 to 2.0.0: …".
    pub fn migration_note(&self) -> Option<String> {
        let m = self.migration.as_ref()?;
        let before = self
            .original_overall
            .map(|o| format!(" (overall {o:.1} under it)"))
            .unwrap_or_default();
        Some(format!(
            "answers questionnaire {}{before}; {}",
            m.from,
            m.summary()
        ))
    }
}

/// What the detail and difference views need of a verified file beyond its
/// [`Summary`]: who, and every answer with its notes and evidence (migrated to the
/// current questionnaire).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Detail {
    /// The vendor profile from the file.
    pub profile: crate::core::assessment::VendorProfile,
    /// The answers.
    pub answers: Answers,
}

impl Detail {
    /// The detail of a verified file.
    pub fn of(v: &VerifiedScore) -> Detail {
        Detail {
            profile: v.content.profile.clone(),
            answers: v.content.answers.clone(),
        }
    }

    /// Every question, in questionnaire order, with the report's words for this
    /// vendor's answer to it ([`report_answer`]: hidden and out-of-scope questions say
    /// so).
    pub fn answer_labels<'q>(&self, q: &'q Questionnaire) -> Vec<(&'q Question, String)> {
        let statuses = scoring::evaluate(q, &self.answers);
        q.questions()
            .map(|qu| {
                let value = self.answers.value(&qu.id);
                (qu, report_answer(qu, statuses.get(&*qu.id), value).label)
            })
            .collect()
    }
}

/// One reason a vendor fails a buyer's profile.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The file itself has a problem (digest, signature, key pin, edited result).
    Verification(Problem),
    /// `created` is not an RFC 3339 date-time, and the profile limits the age.
    CreatedUnreadable {
        /// `created` as written (escaped).
        created: String,
    },
    /// `created` is later than now, beyond [`FUTURE_TOLERANCE_SECONDS`].
    CreatedInFuture {
        /// `created` as written (escaped).
        created: String,
    },
    /// Older than the profile's maximum age.
    TooOld {
        /// Whole days since `created`.
        days: i64,
        /// The maximum.
        max: u32,
    },
    /// A domain below the profile's minimum.
    LevelBelow {
        /// The domain's title.
        domain: String,
        /// Its level.
        level: u8,
        /// The minimum.
        min: u8,
    },
    /// The overall score below the profile's minimum.
    OverallBelow {
        /// The overall score.
        overall: f64,
        /// The minimum.
        min: f64,
    },
    /// A gate the profile forbids has fired.
    GateFired {
        /// The gate's title.
        gate: String,
        /// Whether it fires only because its questions are unanswered.
        pending: bool,
    },
}

impl Reason {
    crate::core::examples::exhaustive_examples!(Reason {
        Reason::Verification(_) => Problem::examples().into_iter().map(Reason::Verification),
        Reason::CreatedUnreadable { .. } => [Reason::CreatedUnreadable {
            created: "{created}".into(),
        }],
        Reason::CreatedInFuture { .. } => [Reason::CreatedInFuture {
            created: "{created}".into(),
        }],
        Reason::TooOld { .. } => [Reason::TooOld {
            days: 400,
            max: 365,
        }],
        Reason::LevelBelow { .. } => [Reason::LevelBelow {
            domain: "{domain}".into(),
            level: 1,
            min: 2,
        }],
        Reason::OverallBelow { .. } => [Reason::OverallBelow {
            overall: 1.5,
            min: 2.0,
        }],
        Reason::GateFired { pending: false, .. } => [Reason::GateFired {
            gate: "{gate}".into(),
            pending: false,
        }],
        Reason::GateFired { pending: true, .. } => [Reason::GateFired {
            gate: "{gate}".into(),
            pending: true,
        }],
    });
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Verification(p) => p.fmt(f),
            Reason::CreatedUnreadable { created } => write!(
                f,
                "creation time {created:?} is not an RFC 3339 date-time, so its age cannot be checked"
            ),
            Reason::CreatedInFuture { created } => write!(
                f,
                "created in the future ({created}); check the vendor's clock or the file"
            ),
            Reason::TooOld { days, max } => {
                write!(f, "assessment is {days} days old; the maximum is {max} days")
            }
            Reason::LevelBelow { domain, level, min } => {
                write!(f, "{domain} is L{level}, the minimum is L{min}")
            }
            Reason::OverallBelow { overall, min } => {
                write!(f, "overall score {overall:.1} is below the minimum {min:.1}")
            }
            Reason::GateFired { gate, pending } => {
                write!(f, "critical gate fired: {gate}")?;
                if *pending {
                    f.write_str(" (pending: its questions are unanswered)")?;
                }
                Ok(())
            }
        }
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Whether a vendor meets the profile, with a reason for every check it fails.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// True when `reasons` is empty.
    pub pass: bool,
    /// Every failed check, in a fixed order: verification first, then age, levels,
    /// overall score and gates.
    pub reasons: Vec<Reason>,
}

impl Verdict {
    /// `pass` or `fail`.
    pub fn label(&self) -> &'static str {
        if self.pass {
            "pass"
        } else {
            "fail"
        }
    }

    /// The reasons as one line, `; ` between them.
    pub fn reasons_text(&self) -> String {
        self.reasons
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// One loaded score file, checked against a profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VendorRow {
    /// The name of the file as given (unsafe characters replaced).
    pub file_name: String,
    /// What the comparison needs of the file.
    pub summary: Summary,
    /// Whole days between `created` and now (negative when created in the future);
    /// `None` when `created` is not an RFC 3339 date-time.
    pub age_days: Option<i64>,
    /// Whether the age is over the profile's maximum.
    pub too_old: bool,
    /// The signing key against the pinned one.
    pub key_pin: KeyPinState,
    /// Whether the vendor meets the profile.
    pub verdict: Verdict,
    /// Made once: the name order and the filter use it for every row on every render.
    #[serde(skip)]
    name_key: NameKey,
}

/// A row's organisation, products and file name in lower case, compared in that order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct NameKey {
    organisation: String,
    products: String,
    file_name: String,
}

impl VendorRow {
    /// The level of a domain in the recomputed result (0 when absent).
    pub fn level(&self, domain: &str) -> u8 {
        self.summary
            .levels
            .iter()
            .find(|l| l.domain == domain)
            .map_or(0, |l| l.level)
    }

    /// The recomputed overall score.
    pub fn overall(&self) -> f64 {
        self.summary.overall
    }

    /// The organisation from the file.
    pub fn organisation(&self) -> &str {
        &self.summary.organisation
    }

    /// The fingerprint of the signing key the file carries, if signed.
    pub fn key_fingerprint(&self) -> Option<&str> {
        self.summary.verification.signature.fingerprint()
    }
}

/// Checks one verified file's summary against a profile at time `now`.
pub fn evaluate(
    file_name: &str,
    summary: &Summary,
    profile: &BuyerProfile,
    q: &Questionnaire,
    now: OffsetDateTime,
) -> VendorRow {
    let organisation = &summary.organisation;
    let pinned = profile.pinned_key_for(organisation);
    let policy = Policy {
        require_signature: profile.require_signature,
        pinned_key: pinned,
    };
    let key_pin = KeyPinState::of(pinned, &summary.verification.signature);
    let age = OffsetDateTime::parse(&summary.created, &Rfc3339)
        .ok()
        .map(|c| now - c);
    let age_days = age.map(|a| a.whole_days());
    let too_old = age_days.is_some_and(|d| profile.too_old(d));

    let mut reasons: Vec<Reason> = summary
        .verification
        .problems(organisation, policy)
        .into_iter()
        .map(Reason::Verification)
        .collect();
    match age {
        None if profile.max_age_days.is_some() => reasons.push(Reason::CreatedUnreadable {
            created: text::quoted(&summary.created),
        }),
        None => {}
        Some(age) if age.whole_seconds() < -FUTURE_TOLERANCE_SECONDS => {
            reasons.push(Reason::CreatedInFuture {
                created: text::quoted(&summary.created),
            })
        }
        Some(age) => {
            if let (true, Some(max)) = (too_old, profile.max_age_days) {
                reasons.push(Reason::TooOld {
                    days: age.whole_days(),
                    max,
                });
            }
        }
    }
    let row_level = |id: &str| {
        summary
            .levels
            .iter()
            .find(|l| l.domain == id)
            .map_or(0, |l| l.level)
    };
    for d in q.domains.iter() {
        if let Some(&min) = profile.min_levels.get(&*d.id) {
            let level = row_level(&d.id);
            if level < min {
                reasons.push(Reason::LevelBelow {
                    domain: d.title.to_string(),
                    level,
                    min,
                });
            }
        }
    }
    if let Some(min) = profile.min_overall {
        if summary.overall < min {
            reasons.push(Reason::OverallBelow {
                overall: summary.overall,
                min,
            });
        }
    }
    for fired in &summary.gates {
        if profile.forbidden_gates.contains(&fired.gate) {
            reasons.push(Reason::GateFired {
                gate: q
                    .gate(&fired.gate)
                    .map_or(fired.gate.clone(), |g| g.title.to_string()),
                pending: fired.pending,
            });
        }
    }

    let file_name = text::safe_name(file_name);
    VendorRow {
        name_key: NameKey {
            organisation: summary.organisation.to_lowercase(),
            products: summary.products.to_lowercase(),
            file_name: file_name.to_lowercase(),
        },
        file_name,
        summary: summary.clone(),
        age_days,
        too_old,
        key_pin,
        verdict: Verdict {
            pass: reasons.is_empty(),
            reasons,
        },
    }
}

/// A column to sort the comparison table by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortKey {
    /// Organisation, then products, then file name (case-insensitive).
    Name,
    /// Recomputed overall score.
    Overall,
    /// Level of one domain (by domain id).
    Domain(String),
    /// Age in days; an unknown age sorts as the oldest.
    Age,
    /// Passing vendors first (ascending).
    Verdict,
}

fn name_order(a: &VendorRow, b: &VendorRow) -> Ordering {
    a.name_key.cmp(&b.name_key)
}

/// Sorts rows by a key, ascending or descending; ties are broken by name, ascending.
pub fn sort_rows(rows: &mut [VendorRow], key: &SortKey, descending: bool) {
    rows.sort_by(|a, b| compare_rows(a, b, key, descending));
}

/// The order [`sort_rows`] uses, for sorting references to rows.
pub fn compare_rows(a: &VendorRow, b: &VendorRow, key: &SortKey, descending: bool) -> Ordering {
    let primary = match key {
        SortKey::Name => name_order(a, b),
        SortKey::Overall => a.overall().total_cmp(&b.overall()),
        SortKey::Domain(id) => a.level(id).cmp(&b.level(id)),
        SortKey::Age => a
            .age_days
            .unwrap_or(i64::MAX)
            .cmp(&b.age_days.unwrap_or(i64::MAX)),
        SortKey::Verdict => b.verdict.pass.cmp(&a.verdict.pass),
    };
    let primary = if descending {
        primary.reverse()
    } else {
        primary
    };
    primary.then_with(|| name_order(a, b))
}

/// The rows whose organisation or products contain `text` (ignoring case and
/// surrounding space; empty matches all), optionally only those that fail; as the
/// caller holds them (rows, or shared rows).
pub fn filter_rows<'a, R: std::borrow::Borrow<VendorRow>>(
    rows: &'a [R],
    text: &str,
    only_failing: bool,
) -> Vec<&'a R> {
    let needle = text.trim().to_lowercase();
    rows.iter()
        .filter(|r| {
            let r: &VendorRow = (*r).borrow();
            !(only_failing && r.verdict.pass)
                && (needle.is_empty()
                    || r.name_key.organisation.contains(&needle)
                    || r.name_key.products.contains(&needle))
        })
        .collect()
}

/// One file of a comparison, as the CSV and the CLI list it: evaluated, or refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry<'a> {
    /// A loaded file.
    Row(&'a VendorRow),
    /// A refused file and why.
    Refused {
        /// Its safe name.
        file_name: &'a str,
        /// The error message.
        error: &'a str,
    },
}

/// The columns of [`comparison_csv`] before the domains.
const LEADING_COLUMNS: [&str; 11] = [
    "File",
    "Organisation",
    "Products",
    "Created",
    "Age (days)",
    "Integrity",
    "Signature",
    "Key fingerprint",
    "Key pin",
    "Edited",
    "Overall",
];

/// The columns of [`comparison_csv`] after the domains.
const TRAILING_COLUMNS: [&str; 3] = ["Gates fired", "Verdict", "Reasons"];

/// The header of [`comparison_csv`], with one column per domain titled by its title.
pub fn comparison_header(q: &Questionnaire) -> Vec<String> {
    let mut header: Vec<String> = LEADING_COLUMNS.map(String::from).to_vec();
    header.extend(q.domains.iter().map(|d| d.title.to_string()));
    header.extend(TRAILING_COLUMNS.map(String::from));
    header
}

/// The cells of a row's CSV line that are made for it (the others borrow from the row).
struct MadeCells {
    /// The signature's label; for an invalid one, the problem in its own words.
    signature: String,
    /// The fired gate ids, joined by `;`.
    gates: String,
    /// The verdict's reasons, joined by `; `.
    reasons: String,
}

impl MadeCells {
    fn of(row: &VendorRow) -> MadeCells {
        let signature = match &row.summary.verification.signature {
            crate::core::integrity::SignatureState::Invalid { reason, .. } => {
                Problem::SignatureInvalid {
                    reason: reason.clone(),
                }
                .to_string()
            }
            other => other.label().to_owned(),
        };
        MadeCells {
            signature,
            gates: row
                .summary
                .gates
                .iter()
                .map(|g| g.gate.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            reasons: row.verdict.reasons_text(),
        }
    }
}

fn row_cells<'a>(row: &'a VendorRow, q: &Questionnaire, made: &'a MadeCells) -> Vec<CsvField<'a>> {
    let v = &row.summary.verification;
    let mut cells = vec![
        CsvField::Text(&row.file_name),
        CsvField::Text(&row.summary.organisation),
        CsvField::Text(&row.summary.products),
        CsvField::Text(&row.summary.created),
        row.age_days
            .map_or(CsvField::Text(""), |d| CsvField::Number(d as f64)),
        CsvField::Text(v.integrity.label()),
        CsvField::Text(&made.signature),
        CsvField::Text(row.key_fingerprint().unwrap_or_default()),
        CsvField::Text(row.key_pin.label()),
        CsvField::Text(if v.edited { "yes" } else { "no" }),
        CsvField::Number(row.overall()),
    ];
    cells.extend(
        q.domains
            .iter()
            .map(|d| CsvField::Number(f64::from(row.level(&d.id)))),
    );
    cells.push(CsvField::Text(&made.gates));
    cells.push(CsvField::Text(row.verdict.label()));
    cells.push(CsvField::Text(&made.reasons));
    cells
}

/// The comparison as CSV (RFC 4180 with CRLF line ends, formula-safe text cells; see
/// [`crate::core::export::csv_cell`]): the [`comparison_header`], then one line per
/// file in the order given. A loaded file has its verification states, the recomputed
/// overall score and domain levels (plain numbers, 0 to 4), the fired gate ids joined by
/// `;`, the verdict (`pass`/`fail`) and its reasons joined by `; `. A refused file keeps
/// its line, with empty cells, the verdict `refused` and the error as the reason, so
/// refused files stay visible in a spreadsheet.
pub fn comparison_csv(entries: &[Entry<'_>], q: &Questionnaire) -> String {
    let mut out = comparison_csv_header(q);
    for entry in entries {
        out.push_str(&comparison_csv_line(entry, q));
    }
    out
}

/// The first line of [`comparison_csv`] ([`comparison_header`]), with its line end.
pub fn comparison_csv_header(q: &Questionnaire) -> String {
    let header = comparison_header(q);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    crate::core::export::csv_row(&header)
}

/// One file's line of [`comparison_csv`], with its line end: for a tool that writes the
/// lines as the files are read.
pub fn comparison_csv_line(entry: &Entry<'_>, q: &Questionnaire) -> String {
    match entry {
        Entry::Row(row) => {
            let made = MadeCells::of(row);
            crate::core::export::csv_record(&row_cells(row, q, &made))
        }
        Entry::Refused { file_name, error } => {
            // The file's name, every other cell empty but the last two.
            let empty = LEADING_COLUMNS.len() - 1 + q.domains.len() + TRAILING_COLUMNS.len() - 2;
            let mut cells = vec![*file_name];
            cells.extend(std::iter::repeat_n("", empty));
            cells.extend(["refused", *error]);
            crate::core::export::csv_row(&cells)
        }
    }
}

/// One question in the difference view of two vendors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffRow {
    /// Question id.
    pub question: String,
    /// Domain id.
    pub domain: String,
    /// Vendor A's answer, if any.
    pub a: Option<AnswerValue>,
    /// Vendor B's answer, if any.
    pub b: Option<AnswerValue>,
    /// The credit A's answer earns, `None` when it earns none that counts (unanswered,
    /// not applicable, or hidden by an earlier answer).
    pub a_credit: Option<f64>,
    /// The credit B's answer earns, as for `a_credit`.
    pub b_credit: Option<f64>,
    /// A's answer in the report's words ([`report_answer`]).
    pub a_label: String,
    /// B's answer in the report's words.
    pub b_label: String,
}

fn counted_credit(status: Option<&QuestionStatus>) -> Option<f64> {
    match status {
        Some(QuestionStatus::Answered { credit }) => Some(*credit),
        _ => None,
    }
}

/// Question-by-question comparison of two vendors' answers, in questionnaire order.
/// With `only_differences`, only questions whose answers or counted credits differ.
pub fn diff(q: &Questionnaire, a: &Answers, b: &Answers, only_differences: bool) -> Vec<DiffRow> {
    let (sa, sb) = (scoring::evaluate(q, a), scoring::evaluate(q, b));
    let mut rows = Vec::new();
    for d in q.domains.iter() {
        for question in d.questions.iter() {
            let (va, vb) = (a.value(&question.id), b.value(&question.id));
            let (ca, cb) = (
                counted_credit(sa.get(&*question.id)),
                counted_credit(sb.get(&*question.id)),
            );
            if only_differences && va == vb && ca == cb {
                continue;
            }
            rows.push(DiffRow {
                question: question.id.to_string(),
                domain: d.id.to_string(),
                a: va.cloned(),
                b: vb.cloned(),
                a_credit: ca,
                b_credit: cb,
                a_label: report_answer(question, sa.get(&*question.id), va).label,
                b_label: report_answer(question, sb.get(&*question.id), vb).label,
            });
        }
    }
    rows
}
