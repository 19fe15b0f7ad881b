//! The buyer's side: checks verified score files against a [`BuyerProfile`], and the
//! table, CSV and question-by-question views the comparison page and the CLI show.
//!
//! Every result here is computed from a [`VerifiedScore`], whose result was recomputed
//! from the answers; the result embedded in a file is never used.

use std::cmp::Ordering;

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::core::answers::{AnswerValue, Answers};
use crate::core::buyer::profile::BuyerProfile;
use crate::core::export::CsvField;
use crate::core::files::score_file::{self, FileError, IntegrityState, Loaded, VerifiedScore};
use crate::core::integrity::SignatureState;
use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::{self, QuestionStatus, Score};

/// How far in the future a file's `created` may be before it counts as "created in the
/// future", to allow for clocks that are slightly off.
pub const FUTURE_TOLERANCE_SECONDS: i64 = 600;

/// How a file's signing key compares with the key the buyer pinned for its organisation.
///
/// The fingerprint compared is the one the file carries; it proves something only when
/// the signature is also valid (an invalid signature fails the verdict on its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum KeyPinState {
    /// The profile pins no key for this organisation.
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

/// Whether a vendor meets the profile, with a sentence for every check it fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// True when `reasons` is empty.
    pub pass: bool,
    /// Every failed check, in a fixed order: verification first, then age, levels,
    /// overall score and gates.
    pub reasons: Vec<String>,
}

/// One successfully loaded score file, checked against a profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VendorRow {
    /// The name of the file as given (unsafe characters replaced).
    pub file_name: String,
    /// `profile.organisation` from the file.
    pub organisation: String,
    /// `profile.products` from the file.
    pub products: String,
    /// `created` from the file, as written.
    pub created: String,
    /// Whole days between `created` and now (negative when created in the future);
    /// `None` when `created` is not an RFC 3339 date-time.
    pub age_days: Option<i64>,
    /// Digest check.
    pub integrity: IntegrityState,
    /// Signature check.
    pub signature: SignatureState,
    /// The signing key against the pinned one.
    pub key_pin: KeyPinState,
    /// True when the embedded result differs from the recomputed one.
    pub edited: bool,
    /// The questionnaire version the answers were migrated from, if older.
    pub migrated_from: Option<String>,
    /// The result recomputed from the answers.
    pub score: Score,
    /// The answers (migrated to current ids), for [`diff`].
    pub answers: Answers,
    /// Whether the vendor meets the profile.
    pub verdict: Verdict,
}

impl VendorRow {
    /// The fingerprint of the signing key the file carries, if signed.
    pub fn key_fingerprint(&self) -> Option<&str> {
        match &self.signature {
            SignatureState::Unsigned => None,
            SignatureState::Valid { fingerprint } | SignatureState::Invalid { fingerprint, .. } => {
                Some(fingerprint)
            }
        }
    }

    /// The level of a domain in the recomputed result (0 when absent).
    pub fn level(&self, domain: &str) -> u8 {
        self.score.domain(domain).map_or(0, |d| d.level)
    }
}

/// The outcome of importing one file: a row, or why the file was refused.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    /// The name of the file as given (unsafe characters replaced).
    pub file_name: String,
    /// The row, or why the file could not be read.
    pub result: Result<VendorRow, FileError>,
}

/// Loads a score file, refusing an answers file (which carries no integrity and no
/// result) with a reason.
pub fn load_score(bytes: &[u8], q: &Questionnaire) -> Result<VerifiedScore, FileError> {
    match score_file::load(bytes, q)? {
        Loaded::Score(v) => Ok(*v),
        Loaded::Answers(_) => Err(FileError::Malformed(
            "this is an answers file (work in progress), not a sealed score file; \
             ask the vendor for the score file"
                .into(),
        )),
    }
}

/// A file name safe to show: control and bidirectional-override characters (those
/// [`score_file::check_text`] refuses) replaced by U+FFFD.
pub fn safe_name(name: &str) -> String {
    if score_file::check_text("file name", name).is_ok() {
        return name.to_owned();
    }
    let mut buf = [0u8; 4];
    name.chars()
        .map(|c| {
            if score_file::check_text("", c.encode_utf8(&mut buf)).is_ok() {
                c
            } else {
                '\u{FFFD}'
            }
        })
        .collect()
}

/// Imports one file: loads and verifies it, re-scores it and checks it against the
/// profile. The browser calls this once per file and yields between calls.
pub fn import_one(
    file_name: &str,
    bytes: &[u8],
    profile: &BuyerProfile,
    q: &Questionnaire,
    now: OffsetDateTime,
) -> ImportOutcome {
    let file_name = safe_name(file_name);
    let result = load_score(bytes, q).map(|v| evaluate(&file_name, &v, profile, q, now));
    ImportOutcome { file_name, result }
}

/// Imports every file in order; a file that cannot be read yields an error outcome and
/// never stops the others.
pub fn import_many(
    files: &[(String, Vec<u8>)],
    profile: &BuyerProfile,
    q: &Questionnaire,
    now: OffsetDateTime,
) -> Vec<ImportOutcome> {
    files
        .iter()
        .map(|(name, bytes)| import_one(name, bytes, profile, q, now))
        .collect()
}

/// How the file's key compares with the one pinned for its organisation.
pub fn key_pin(
    profile: &BuyerProfile,
    organisation: &str,
    signature: &SignatureState,
) -> KeyPinState {
    let Some(pinned) = profile.pinned_key_for(organisation) else {
        return KeyPinState::NotPinned;
    };
    let found = match signature {
        SignatureState::Unsigned => None,
        SignatureState::Valid { fingerprint } | SignatureState::Invalid { fingerprint, .. } => {
            Some(fingerprint.as_str())
        }
    };
    if found == Some(pinned) {
        KeyPinState::Matches
    } else {
        KeyPinState::Mismatch {
            pinned: pinned.to_owned(),
            found: found.map(str::to_owned),
        }
    }
}

/// Checks one verified score file against a profile at time `now`.
pub fn evaluate(
    file_name: &str,
    v: &VerifiedScore,
    profile: &BuyerProfile,
    q: &Questionnaire,
    now: OffsetDateTime,
) -> VendorRow {
    let organisation = &v.content.profile.organisation;
    let score = &v.recomputed;
    let pin = key_pin(profile, organisation, &v.signature);
    let created = OffsetDateTime::parse(&v.content.created, &Rfc3339).ok();
    let age = created.map(|c| now - c);
    let age_days = age.map(|a| a.whole_days());

    let mut reasons = Vec::new();
    if let IntegrityState::Mismatch { .. } = v.integrity {
        reasons.push("content was changed after sealing (the digest does not match)".to_owned());
    }
    match &v.signature {
        SignatureState::Invalid { reason, .. } => {
            reasons.push(format!("signature is invalid: {reason}"));
        }
        SignatureState::Unsigned if profile.require_signature => {
            reasons.push("not signed, and a signature is required".to_owned());
        }
        _ => {}
    }
    if let KeyPinState::Mismatch { pinned, found } = &pin {
        reasons.push(match found {
            Some(found) => {
                format!("signed with key {found}, not the key pinned for {organisation} ({pinned})")
            }
            None => format!("not signed, but a key is pinned for {organisation} ({pinned})"),
        });
    }
    if v.edited {
        reasons.push(
            "embedded result differs from the answers; the recomputed result is used".to_owned(),
        );
    }
    match age {
        None if profile.max_age_days.is_some() => reasons.push(format!(
            "creation time {:?} is not an RFC 3339 date-time, so its age cannot be checked",
            v.content.created
        )),
        None => {}
        Some(age) if age.whole_seconds() < -FUTURE_TOLERANCE_SECONDS => reasons.push(format!(
            "created in the future ({}); check the vendor's clock or the file",
            v.content.created
        )),
        Some(age) => {
            if let Some(max) = profile.max_age_days {
                let days = age.whole_days();
                if days > i64::from(max) {
                    reasons.push(format!(
                        "assessment is {days} days old; the maximum is {max} days"
                    ));
                }
            }
        }
    }
    for d in &q.domains {
        if let Some(&min) = profile.min_levels.get(&d.id) {
            let level = score.domain(&d.id).map_or(0, |s| s.level);
            if level < min {
                reasons.push(format!("{} is L{level}, the minimum is L{min}", d.title));
            }
        }
    }
    if let Some(min) = profile.min_overall {
        if score.overall < min {
            reasons.push(format!(
                "overall score {:.1} is below the minimum {min:.1}",
                score.overall
            ));
        }
    }
    for fired in &score.gates {
        if profile.forbidden_gates.contains(&fired.gate) {
            let title = q
                .gates
                .iter()
                .find(|g| g.id == fired.gate)
                .map_or(fired.gate.as_str(), |g| g.title.as_str());
            let pending = if fired.pending {
                " (pending: its questions are unanswered)"
            } else {
                ""
            };
            reasons.push(format!("critical gate fired: {title}{pending}"));
        }
    }

    VendorRow {
        file_name: safe_name(file_name),
        organisation: organisation.clone(),
        products: v.content.profile.products.clone(),
        created: v.content.created.clone(),
        age_days,
        integrity: v.integrity.clone(),
        signature: v.signature.clone(),
        key_pin: pin,
        edited: v.edited,
        migrated_from: v.migrated_from.clone(),
        score: score.clone(),
        answers: v.content.answers.clone(),
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
    let key = |r: &VendorRow| {
        (
            r.organisation.to_lowercase(),
            r.products.to_lowercase(),
            r.file_name.to_lowercase(),
        )
    };
    key(a).cmp(&key(b))
}

/// Sorts rows by a key, ascending or descending; ties are broken by name, ascending.
pub fn sort_rows(rows: &mut [VendorRow], key: &SortKey, descending: bool) {
    rows.sort_by(|a, b| compare_rows(a, b, key, descending));
}

/// The order [`sort_rows`] uses, for sorting references to rows.
pub fn compare_rows(a: &VendorRow, b: &VendorRow, key: &SortKey, descending: bool) -> Ordering {
    let primary = match key {
        SortKey::Name => name_order(a, b),
        SortKey::Overall => a.score.overall.total_cmp(&b.score.overall),
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
/// surrounding space; empty matches all), optionally only those that fail.
pub fn filter_rows<'a, R: std::borrow::Borrow<VendorRow>>(
    rows: &'a [R],
    text: &str,
    only_failing: bool,
) -> Vec<&'a VendorRow> {
    let needle = text.trim().to_lowercase();
    rows.iter()
        .map(R::borrow)
        .filter(|r| !(only_failing && r.verdict.pass))
        .filter(|r| {
            needle.is_empty()
                || r.organisation.to_lowercase().contains(&needle)
                || r.products.to_lowercase().contains(&needle)
        })
        .collect()
}

/// `intact` or `mismatch`.
pub fn integrity_label(state: &IntegrityState) -> &'static str {
    match state {
        IntegrityState::Intact => "intact",
        IntegrityState::Mismatch { .. } => "mismatch",
    }
}

/// `unsigned`, `valid` or `invalid`.
pub fn signature_label(state: &SignatureState) -> &'static str {
    match state {
        SignatureState::Unsigned => "unsigned",
        SignatureState::Valid { .. } => "valid",
        SignatureState::Invalid { .. } => "invalid",
    }
}

/// `not pinned`, `matches` or `mismatch`.
pub fn key_pin_label(state: &KeyPinState) -> &'static str {
    match state {
        KeyPinState::NotPinned => "not pinned",
        KeyPinState::Matches => "matches",
        KeyPinState::Mismatch { .. } => "mismatch",
    }
}

/// The header of [`comparison_csv`], with one column per domain titled by its title.
pub fn comparison_header(q: &Questionnaire) -> Vec<String> {
    let mut header: Vec<String> = [
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
    ]
    .map(String::from)
    .to_vec();
    header.extend(q.domains.iter().map(|d| d.title.clone()));
    header.extend(["Gates fired", "Verdict", "Reasons"].map(String::from));
    header
}

/// One cell of the comparison before CSV quoting.
enum Cell {
    Text(String),
    Number(f64),
}

/// The cells of one row of [`comparison_csv`], in header order.
fn comparison_cells(row: &VendorRow, q: &Questionnaire) -> Vec<Cell> {
    let text = |s: &str| Cell::Text(s.to_owned());
    let mut cells = vec![
        text(&row.file_name),
        text(&row.organisation),
        text(&row.products),
        text(&row.created),
        row.age_days
            .map_or_else(|| text(""), |d| Cell::Number(d as f64)),
        text(integrity_label(&row.integrity)),
        match &row.signature {
            SignatureState::Invalid { reason, .. } => Cell::Text(format!("invalid: {reason}")),
            other => text(signature_label(other)),
        },
        text(row.key_fingerprint().unwrap_or_default()),
        text(key_pin_label(&row.key_pin)),
        text(if row.edited { "yes" } else { "no" }),
        Cell::Number(row.score.overall),
    ];
    cells.extend(
        q.domains
            .iter()
            .map(|d| Cell::Number(f64::from(row.level(&d.id)))),
    );
    cells.push(Cell::Text(
        row.score
            .gates
            .iter()
            .map(|g| g.gate.as_str())
            .collect::<Vec<_>>()
            .join(";"),
    ));
    cells.push(text(if row.verdict.pass { "pass" } else { "fail" }));
    cells.push(Cell::Text(row.verdict.reasons.join("; ")));
    cells
}

/// The comparison as CSV (RFC 4180 with CRLF line ends, formula-safe text cells; see
/// [`crate::core::export::csv_cell`]): the [`comparison_header`], then one line per vendor
/// ([`comparison_csv_row`]).
pub fn comparison_csv<R: std::borrow::Borrow<VendorRow>>(rows: &[R], q: &Questionnaire) -> String {
    let header = comparison_header(q);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut out = crate::core::export::csv_row(&header);
    for row in rows {
        out.push_str(&comparison_csv_row(row.borrow(), q));
    }
    out
}

/// One vendor as a CSV line of [`comparison_csv`]: its verification states, the
/// recomputed overall score and domain levels (plain numbers, 0 to 4), the fired gate
/// ids joined by `;`, the verdict (`pass`/`fail`) and its reasons joined by `; `.
pub fn comparison_csv_row(row: &VendorRow, q: &Questionnaire) -> String {
    let cells = comparison_cells(row, q);
    let fields: Vec<CsvField<'_>> = cells
        .iter()
        .map(|c| match c {
            Cell::Text(s) => CsvField::Text(s),
            Cell::Number(n) => CsvField::Number(*n),
        })
        .collect();
    crate::core::export::csv_record(&fields)
}

/// A refused file as a CSV line of the comparison: the file name, empty cells, the
/// verdict `refused` and the error as the reason, so refused files stay visible in a
/// spreadsheet.
pub fn refused_csv_row(file_name: &str, error: &str, q: &Questionnaire) -> String {
    let width = comparison_header(q).len();
    let mut cells = vec![""; width];
    cells[0] = file_name;
    cells[width - 2] = "refused";
    cells[width - 1] = error;
    crate::core::export::csv_row(&cells)
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
    for d in &q.domains {
        for question in &d.questions {
            let (va, vb) = (a.value(&question.id), b.value(&question.id));
            let (ca, cb) = (
                counted_credit(sa.get(&question.id)),
                counted_credit(sb.get(&question.id)),
            );
            if only_differences && va == vb && ca == cb {
                continue;
            }
            rows.push(DiffRow {
                question: question.id.clone(),
                domain: d.id.clone(),
                a: va.cloned(),
                b: vb.cloned(),
                a_credit: ca,
                b_credit: cb,
            });
        }
    }
    rows
}
