//! Exports a vendor can download and reuse: the answers as CSV for spreadsheets, a
//! draft `security.txt` (RFC 9116) and a starter vulnerability disclosure policy; and the
//! interoperable exports of an assessment for other tools: a CycloneDX 1.6 attestation
//! ([`cyclonedx`]) and OSCAL 1.1.3 assessment results ([`oscal`]), both made from one
//! [`ExportInput`] ([`interop`]), chosen by [`Interop`] ([`document`]).
//!
//! Everything here is pure text generation: no browser, no clock (the caller passes the
//! time), no randomness, so the same inputs always give the same bytes.
//!
//! CSV written here is UTF-8 without a byte-order mark, with CRLF line endings and
//! RFC 4180 quoting. Text cells are also defended against spreadsheet formula
//! injection (see [`csv_cell`]); [`csv_row`] and [`csv_record`] are general so other
//! exports (such as a buyer's comparison of vendors) can share them.

use time::{Date, Duration, OffsetDateTime, UtcOffset};

pub mod crosswalk;
pub mod cyclonedx;
pub mod document;
pub mod interop;
pub mod oscal;

pub use document::Interop;
pub use interop::{ExportInput, Seal};

use crate::core::answers::{AnswerValue, Evidence, FileEvidence};
use crate::core::assessment::{Assessment, VendorProfile};
use crate::core::questionnaire::{AnswerSpec, Question, Questionnaire};
use crate::core::scoring::{self, QuestionStatus};

/// Characters that make a spreadsheet read a cell as a formula when they come first
/// (OWASP "CSV Injection" guidance).
const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Quotes one CSV text cell.
///
/// - **Formula-injection defence:** a cell starting with `=`, `+`, `-`, `@`, a tab or a
///   carriage return gets a leading `'`, so spreadsheet applications show it as text
///   instead of evaluating it (for example `=HYPERLINK(...)` becomes `'=HYPERLINK(...)`).
/// - **RFC 4180 quoting:** a cell containing a comma, a double quote, CR or LF is
///   wrapped in double quotes, with inner double quotes doubled.
///
/// Numbers this crate formats itself go through [`CsvField::Number`] instead and never
/// get the apostrophe; the numbers in our exports (credits, levels, scores, answers to
/// number questions) are never negative, and a plain decimal is not a formula anyway.
pub fn csv_cell(s: &str) -> String {
    let guarded;
    let text = if s.starts_with(FORMULA_TRIGGERS) {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    quote(text)
}

/// RFC 4180 quoting alone, with no formula defence.
fn quote(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// One CSV cell before quoting: text (quoted and guarded by [`csv_cell`]) or a number
/// formatted by [`csv_number`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CsvField<'a> {
    /// Free text, possibly from a user or a file.
    Text(&'a str),
    /// A number this crate formats itself; written without the formula guard.
    Number(f64),
}

/// A number as a CSV cell: the shortest decimal that reads back as the same value
/// (`2.5`, `1`, `0.25`), never in exponent form; an empty cell when not finite.
pub fn csv_number(n: f64) -> String {
    if !n.is_finite() {
        String::new()
    } else if n == 0.0 {
        // Avoids writing "-0".
        "0".to_owned()
    } else {
        // `Display` for f64 never uses exponent notation.
        format!("{n}")
    }
}

/// One CSV record of mixed text and number cells, ending with CRLF.
pub fn csv_record(fields: &[CsvField<'_>]) -> String {
    let cells: Vec<String> = fields
        .iter()
        .map(|f| match f {
            CsvField::Text(s) => csv_cell(s),
            CsvField::Number(n) => csv_number(*n),
        })
        .collect();
    let mut row = cells.join(",");
    row.push_str("\r\n");
    row
}

/// One CSV record of text cells (each through [`csv_cell`]), ending with CRLF.
pub fn csv_row(cells: &[&str]) -> String {
    let fields: Vec<CsvField<'_>> = cells.iter().map(|c| CsvField::Text(c)).collect();
    csv_record(&fields)
}

/// The column headers of [`answers_csv`], in order.
pub const ANSWERS_CSV_HEADER: [&str; 11] = [
    "Domain ID",
    "Domain",
    "Question ID",
    "Level",
    "Question",
    "Answer",
    "Answer value",
    "Credit",
    "Status",
    "Notes",
    "Evidence",
];

/// The human label of an answer: `Yes`/`Partly`/`No`, the label of a choice option,
/// a number with its unit (`5 business days`), or `Not applicable`. A value the
/// question does not accept is shown as stored, marked as not allowed.
pub fn answer_label(q: &Question, value: &AnswerValue) -> String {
    match (value, &q.answer) {
        (AnswerValue::NotApplicable, _) => q.na_text().to_owned(),
        (AnswerValue::Number(n), AnswerSpec::Number { unit, .. }) => {
            // For reading (six decimals at most), without the float formatter the page
            // would otherwise carry.
            let n = crate::core::text::short_decimal(*n, 6);
            if unit.is_empty() {
                n
            } else {
                format!("{n} {unit}")
            }
        }
        (AnswerValue::Choice(c), spec) => spec
            .options_worst_to_best()
            .into_iter()
            .find(|(id, _, _)| id == c)
            .map(|(_, label, _)| label)
            .unwrap_or_else(|| format!("{c} (not an allowed answer)")),
        // Six decimals here too: this label is on the page, and `csv_number` would bring
        // Rust's float formatter into its module.
        (AnswerValue::Number(n), _) => format!(
            "{} (not an allowed answer)",
            crate::core::text::short_decimal(*n, 6)
        ),
    }
}

/// What "partly" means for this question when `value` is its `partly` answer: the
/// question's own `partly` text, the same one the question card shows under the options
/// and the template carries (`None` for any other value, or a question without one).
pub fn partly_meaning<'q>(q: &'q Question, value: &AnswerValue) -> Option<&'q str> {
    match (value, &q.answer) {
        (AnswerValue::Choice(c), AnswerSpec::YesPartlyNo) if c == "partly" => q.partly.as_deref(),
        _ => None,
    }
}

/// One answer as the printable report shows it in its appendix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportAnswer {
    /// The answer's label ([`answer_label`]), or why there is none.
    pub label: String,
    /// For a `partly` answer, what "partly" means for the question ([`partly_meaning`]).
    pub partly: Option<String>,
}

/// The report's answer for one question: hidden and out-of-scope questions say so (their
/// stored answer, if any, does not count), an answered one gives its label and, when it
/// is `partly`, the question's meaning of "partly".
pub fn report_answer(
    q: &Question,
    status: Option<&QuestionStatus>,
    value: Option<&AnswerValue>,
) -> ReportAnswer {
    let (label, partly) = match (status, value) {
        (Some(QuestionStatus::Hidden), _) => (
            "not shown (does not apply given earlier answers)".to_owned(),
            None,
        ),
        (Some(QuestionStatus::OutOfScope), _) => (
            "not asked (does not apply to this kind of product)".to_owned(),
            None,
        ),
        (_, Some(v)) => (answer_label(q, v), partly_meaning(q, v).map(str::to_owned)),
        (_, None) => ("unanswered".to_owned(), None),
    };
    ReportAnswer { label, partly }
}

/// A short lower-case word for a question's status: `met`, `partly met`, `not met`,
/// `unanswered`, `hidden`, `not applicable` or `out of scope` (the vendor's context says
/// it does not apply).
pub fn status_label(status: &QuestionStatus) -> &'static str {
    match status {
        QuestionStatus::OutOfScope => "out of scope",
        QuestionStatus::Hidden => "hidden",
        QuestionStatus::NotApplicable => "not applicable",
        QuestionStatus::Unanswered => "unanswered",
        QuestionStatus::Answered { credit } if *credit >= 1.0 => "met",
        QuestionStatus::Answered { credit } if *credit > 0.0 => "partly met",
        QuestionStatus::Answered { .. } => "not met",
    }
}

/// One evidence entry as text: `label <url>` for a link, `label [name, N bytes,
/// sha256 <hex>]` for a local file (both parts when it has both).
pub fn evidence_text(ev: &Evidence) -> String {
    let mut out = ev.label.clone();
    if let Some(url) = &ev.url {
        out.push_str(&format!(" <{url}>"));
    }
    if let Some(f) = &ev.file {
        out.push_str(&format!(" [{}]", evidence_file_text(f)));
    }
    out
}

/// A local evidence file as text: `name, N bytes, sha256 <hex>` (in [`evidence_text`], and
/// as the page shows it).
pub fn evidence_file_text(f: &FileEvidence) -> String {
    format!("{}, {} bytes, sha256 {}", f.name, f.size, f.sha256)
}

/// The answers as CSV (UTF-8, no byte-order mark, CRLF line endings): a header row
/// ([`ANSWERS_CSV_HEADER`]) then one row per question in questionnaire order, with the
/// answer's label, the value as stored, the credit earned, the status from
/// [`scoring::evaluate`], notes and evidence (entries joined by ` | `).
///
/// Hidden questions keep any answer they had (so it returns if the question does);
/// their row shows it with the status `hidden`. Answers to ids the questionnaire does
/// not have are not exported.
pub fn answers_csv(q: &Questionnaire, assessment: &Assessment) -> String {
    let statuses = scoring::evaluate(q, &assessment.answers);
    let mut out = csv_row(&ANSWERS_CSV_HEADER);
    for domain in q.domains.iter() {
        for question in domain.questions.iter() {
            let entry = assessment.answers.0.get(&*question.id);
            let value = entry.and_then(|e| e.value.as_ref());
            let status = statuses
                .get(&*question.id)
                .unwrap_or(&QuestionStatus::Unanswered);
            let level = format!("L{}", question.level);
            let label = value.map(|v| answer_label(question, v)).unwrap_or_default();
            let stored = match value {
                None => CsvField::Text(""),
                Some(AnswerValue::Number(n)) => CsvField::Number(*n),
                Some(AnswerValue::Choice(c)) => CsvField::Text(c),
                Some(AnswerValue::NotApplicable) => {
                    CsvField::Text(crate::core::answers::NOT_APPLICABLE)
                }
            };
            let credit = match status {
                QuestionStatus::Answered { credit } => CsvField::Number(*credit),
                _ => CsvField::Text(""),
            };
            let notes = entry.map(|e| e.notes.as_str()).unwrap_or_default();
            let evidence = entry
                .map(|e| {
                    e.evidence
                        .iter()
                        .map(evidence_text)
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .unwrap_or_default();
            out.push_str(&csv_record(&[
                CsvField::Text(&domain.id),
                CsvField::Text(&domain.title),
                CsvField::Text(&question.id),
                CsvField::Text(&level),
                CsvField::Text(&question.text),
                CsvField::Text(&label),
                stored,
                credit,
                CsvField::Text(status_label(status)),
                CsvField::Text(notes),
                CsvField::Text(&evidence),
            ]));
        }
    }
    out
}

/// A draft `security.txt` and what must be fixed before it is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityTxtDraft {
    /// The file text (LF line endings), to be reviewed, signed and served at
    /// `/.well-known/security.txt`.
    pub text: String,
    /// Problems and missing inputs, one sentence each; empty when nothing is missing.
    pub warnings: Vec<String>,
}

/// The question whose answer says reporters can encrypt their reports. It is looked up
/// by id, so a questionnaire without it simply gets no encryption reminder.
const ENCRYPTED_QUESTION: &str = "intake.encrypted";

/// Days from generation to the `Expires` date: RFC 9116 recommends less than a year.
pub const SECURITY_TXT_VALID_DAYS: i64 = 364;

/// Drafts an RFC 9116 `security.txt` from the vendor profile.
///
/// - `Contact:` from the security contact, one field per line of it: an email address
///   becomes a `mailto:` URI; `https://`, `mailto:` and `tel:` URIs are kept; anything
///   else (including `http://`) is still written, under a `# TODO` comment, with a
///   warning. No contact at all gives a warning that the file is not valid yet.
/// - `Expires:` midnight UTC [`SECURITY_TXT_VALID_DAYS`] days after the UTC date of
///   `now`, in RFC 3339.
/// - `Encryption:` only as a commented-out template, because the key's location is not
///   known here.
/// - `Policy:` the disclosure policy URL and `Canonical:` the security.txt URL, when
///   given (with warnings when they are missing, not https, or, for `Canonical`, not
///   at `/.well-known/security.txt`).
/// - `Preferred-Languages: en`.
///
/// The questionnaire and assessment are used for reminders drawn from the answers
/// (for example that an encrypted channel was reported but has no `Encryption` line).
pub fn security_txt(
    profile: &VendorProfile,
    q: &Questionnaire,
    assessment: &Assessment,
    now: OffsetDateTime,
) -> SecurityTxtDraft {
    let mut warnings = Vec::new();
    let today = now.to_offset(UtcOffset::UTC).date();
    let expires = today
        .checked_add(Duration::days(SECURITY_TXT_VALID_DAYS))
        .unwrap_or(Date::MAX);
    let organisation = one_line(&profile.organisation);
    let for_whom = if organisation.is_empty() {
        String::new()
    } else {
        format!(" for {organisation}")
    };

    let mut t = String::new();
    let mut line = |s: &str| {
        t.push_str(s);
        t.push('\n');
    };
    line(&format!(
        "# DRAFT security.txt{for_whom}, generated on {} by Vendor Security Readiness.",
        ymd(today)
    ));
    line("# This is a draft, not a finished file. Before publishing it:");
    line("#   1. check every field below and resolve each TODO;");
    line("#   2. sign it (an OpenPGP cleartext signature is recommended);");
    line("#   3. serve it as text/plain over https at /.well-known/security.txt;");
    line("#   4. renew it before the Expires date below.");
    line("");

    let contacts: Vec<String> = field_lines(&profile.security_contact);
    if contacts.is_empty() {
        warnings.push(
            "No security contact is given. RFC 9116 requires at least one Contact field, so \
             this file is not valid until you add one (an email address or an https URL)."
                .to_owned(),
        );
        line("# TODO: add at least one contact, for example:");
        line("# Contact: mailto:security@example.com");
    }
    for contact in &contacts {
        match contact_uri(contact) {
            Ok(uri) => line(&format!("Contact: {uri}")),
            Err(problem) => {
                warnings.push(format!(
                    "The security contact \"{contact}\" {problem}. RFC 9116 requires Contact \
                     to be an email (mailto:), phone (tel:) or https URI; fix it before publishing."
                ));
                line(&format!("# TODO: this contact {problem}."));
                line(&format!("Contact: {contact}"));
            }
        }
    }

    line(&format!("Expires: {}", rfc3339_midnight(expires)));

    // We cannot know where the vendor publishes its public key, and a wrong Encryption
    // URI would send reporters to the wrong key, so the field is only suggested.
    line("# If you accept encrypted reports, uncomment the next line and point it at your");
    line("# public key (an https URL, or an openpgp4fpr: URI with the key's fingerprint).");
    line("# Encryption: https://example.com/.well-known/pgp-key.txt");
    let statuses = scoring::evaluate(q, &assessment.answers);
    if let Some(QuestionStatus::Answered { credit }) = statuses.get(ENCRYPTED_QUESTION) {
        if *credit > 0.0 {
            warnings.push(
                "Your answers say reporters can encrypt their reports: uncomment the \
                 Encryption line and point it at your public key."
                    .to_owned(),
            );
        }
    }

    let policy = one_line(&profile.vdp_url);
    if policy.is_empty() {
        warnings.push(
            "No vulnerability disclosure policy URL is given, so there is no Policy field. \
             Publishing a policy is strongly recommended; the VDP outline export is a place \
             to start."
                .to_owned(),
        );
    } else {
        if let Some(problem) = web_uri_problem(&policy) {
            warnings.push(format!(
                "The disclosure policy URL \"{policy}\" {problem}; RFC 9116 requires https."
            ));
            line(&format!("# TODO: this policy URL {problem}."));
        }
        line(&format!("Policy: {policy}"));
    }

    let canonical = one_line(&profile.security_txt_url);
    if canonical.is_empty() {
        warnings.push(
            "No security.txt URL is given, so there is no Canonical field. Add it: it tells \
             readers where the file officially lives, which matters most once it is signed."
                .to_owned(),
        );
    } else {
        let mut problems = Vec::new();
        if let Some(problem) = web_uri_problem(&canonical) {
            problems.push(problem.to_owned());
        }
        if !canonical.ends_with("/.well-known/security.txt") {
            problems.push("does not end with /.well-known/security.txt".to_owned());
        }
        for problem in &problems {
            warnings.push(format!("The security.txt URL \"{canonical}\" {problem}."));
            line(&format!("# TODO: this canonical URL {problem}."));
        }
        line(&format!("Canonical: {canonical}"));
    }

    line("Preferred-Languages: en");

    SecurityTxtDraft { text: t, warnings }
}

/// `YYYY-MM-DD`.
fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `YYYY-MM-DDT00:00:00Z`.
fn rfc3339_midnight(d: Date) -> String {
    format!("{}T00:00:00Z", ymd(d))
}

/// Trims a value and turns control characters (line breaks included) into spaces, so
/// a profile field can never start a new field or comment in a line-based format.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The non-empty lines of a multi-line profile field (products, contacts), each made
/// safe for a line-based format ([`one_line`]).
fn field_lines(s: &str) -> Vec<String> {
    s.lines().map(one_line).filter(|l| !l.is_empty()).collect()
}

fn has_prefix_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// Why a value is not an https URI, if it is not.
fn web_uri_problem(s: &str) -> Option<&'static str> {
    if s.contains(char::is_whitespace) {
        Some("contains spaces, so it is not a valid URL")
    } else if !has_prefix_ignore_case(s, "https://") {
        Some("is not an https URL")
    } else {
        None
    }
}

fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(|c: char| c.is_whitespace() || "<>()[]\\,;:/\"".contains(c))
}

/// The Contact URI for one contact, or why it cannot be one.
fn contact_uri(contact: &str) -> Result<String, &'static str> {
    if contact.contains(char::is_whitespace) {
        return Err("contains spaces, so it is not an email address or URL");
    }
    if has_prefix_ignore_case(contact, "https://")
        || has_prefix_ignore_case(contact, "mailto:")
        || has_prefix_ignore_case(contact, "tel:")
    {
        Ok(contact.to_owned())
    } else if has_prefix_ignore_case(contact, "http://") {
        Err("is an http URL, not https")
    } else if looks_like_email(contact) {
        Ok(format!("mailto:{contact}"))
    } else {
        Err("is neither an email address nor an https URL")
    }
}

/// The section headings of [`vdp_outline`], in order (without the `## `).
pub const VDP_SECTIONS: [&str; 6] = [
    "Introduction",
    "Scope",
    "How to report a vulnerability",
    "What you can expect from us",
    "Safe harbor",
    "Coordinated disclosure timeline",
];

/// A starter vulnerability disclosure policy in Markdown, for a vendor that has none,
/// with the organisation, products, versions and security contact filled in from the
/// profile, or bracketed markers such as `[Organisation]` where they are empty.
///
/// Sections: [`VDP_SECTIONS`]. Profile values are inserted as single lines (line
/// breaks in the product list become bullets) and are not otherwise escaped: the
/// result is a document for the vendor to edit, and any tool that renders it as HTML
/// must sanitise it as it would any Markdown.
pub fn vdp_outline(profile: &VendorProfile) -> String {
    let or_marker = |value: &str, marker: &str| {
        let v = one_line(value);
        if v.is_empty() {
            marker.to_owned()
        } else {
            v
        }
    };
    let org = or_marker(&profile.organisation, "[Organisation]");
    let versions = or_marker(
        &profile.versions,
        "[the versions covered, for example every version still under support]",
    );
    let products: Vec<String> = field_lines(&profile.products);
    let product_list = match products.as_slice() {
        [] => "[Product(s)]".to_owned(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let contacts: Vec<String> = field_lines(&profile.security_contact);
    let contact = if contacts.is_empty() {
        "[security contact: an email address such as security@example.com, or a web form URL]"
            .to_owned()
    } else {
        contacts.join(" or ")
    };
    let [intro, scope, report, expect, harbor, timeline] = VDP_SECTIONS;

    let mut s = String::new();
    let mut p = |text: &str| {
        s.push_str(text);
        s.push('\n');
    };
    p(&format!("# Vulnerability disclosure policy: {org}"));
    p("");
    p("> Draft outline generated by Vendor Security Readiness. Replace every [bracketed]");
    p("> marker, adjust the targets to what you can really deliver, and publish the result");
    p("> at a stable URL linked from your security.txt.");
    p("");
    p("_Last updated: [date]_");
    p("");

    p(&format!("## {intro}"));
    p("");
    p(&format!(
        "{org} wants the people and organisations who rely on {product_list} to be safe. \
         If you believe you have found a security vulnerability in one of our products, \
         we want to hear from you. This policy says what it covers, how to send us a \
         report, what we will do with it, and how we treat people who report in good faith."
    ));
    p("");
    p("You do not need to sign an agreement, buy a product or create an account to report.");
    p("");

    p(&format!("## {scope}"));
    p("");
    p("This policy covers:");
    p("");
    if products.is_empty() {
        p("- Products: [Product(s)]");
    } else {
        for product in &products {
            p(&format!("- Product: {product}"));
        }
    }
    p(&format!("- Versions: {versions}"));
    p("- [Any websites, services, mobile apps or APIs you also want covered]");
    p("");
    p("The following are out of scope. Please do not attempt them:");
    p("");
    p("- social engineering of our staff, contractors or customers, including phishing;");
    p("- physical attacks on our offices, data centres or equipment;");
    p("- denial-of-service testing, or anything else that degrades production systems or");
    p("  services that others depend on;");
    p("- accessing, changing or deleting data that is not yours beyond the minimum needed");
    p("  to show the problem;");
    p("- systems run by third parties (report to them directly);");
    p("- [other exclusions].");
    p("");
    p(&format!(
        "If you are not sure whether something is in scope, ask us at {contact} before you test."
    ));
    p("");

    p(&format!("## {report}"));
    p("");
    p(&format!("Send your report to {contact}."));
    p("");
    p("To help us act quickly, please include:");
    p("");
    p("- the product and the exact version affected, and the platform or configuration;");
    p("- what the vulnerability is and where it is;");
    p("- steps to reproduce it, with any proof-of-concept code, requests or screenshots;");
    p("- the impact you expect: what an attacker could do with it;");
    p("- whether and how you would like to be credited, and how we can reach you.");
    p("");
    p("If your report contains sensitive details, please encrypt it: [describe your");
    p("encrypted channel, for example an OpenPGP key at an https URL with its fingerprint,");
    p("or a secure upload form; delete this paragraph if you have none yet].");
    p("");

    p(&format!("## {expect}"));
    p("");
    p(&format!(
        "The times below are targets {org} sets itself. [{org}: adjust them to what you can \
         meet consistently before publishing, and keep them in line with your internal \
         procedures.]"
    ));
    p("");
    p("- We acknowledge your report within 3 business days.");
    p("- We tell you our triage decision: whether we could reproduce the issue and our");
    p("  initial assessment of its severity and of the products and versions affected.");
    p("- We keep you informed at least every 14 days until the issue is resolved, even when");
    p("  there is little news.");
    p("- We aim to fix critical vulnerabilities within 15 days and high-severity ones within");
    p("  30 days of confirming them. If we expect to miss a target, we tell you why.");
    p("- We agree the publication date with you, publish an advisory (with a CVE ID where");
    p("  one applies) and credit you by name if you wish.");
    p("");

    p(&format!("## {harbor}"));
    p("");
    p("If you make a good-faith effort to follow this policy while researching and reporting");
    p("a vulnerability:");
    p("");
    p(&format!(
        "- {org} considers your research authorised and will not start or support legal \
         action against you for it;"
    ));
    p("- we will not bring claims against you for circumventing technical protection");
    p("  measures (anti-circumvention laws) where that was needed for research in scope;");
    p("- if a third party takes legal action against you over research done under this");
    p("  policy, we will make it known that your work was authorised by us.");
    p("");
    p("Good faith means: you avoid harming people, privacy and data; you stop and tell us as");
    p("soon as you reach data that is not yours; and you keep the details confidential until");
    p("the issue is published. If you want to go beyond the scope above, or anything here is");
    p("unclear, ask us first and wait for our answer.");
    p("");

    p(&format!("## {timeline}"));
    p("");
    p("- By default we ask you to wait 90 days from your report, or until a fix is");
    p("  available if that is sooner, before publishing details; we coordinate the date");
    p("  with you.");
    p("- If the vulnerability is being exploited in the wild, we move faster and may agree");
    p("  a shorter deadline, publishing mitigations before a full fix is ready.");
    p("- If we need more time, we explain why and ask you for an extension rather than");
    p("  asking you to stay silent indefinitely.");
    p("");
    p("---");
    p("");
    p("This outline is a starting point, not legal advice: have counsel review it before");
    p("you publish it.");
    s
}
