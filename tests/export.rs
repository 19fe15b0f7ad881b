//! Exports: CSV quoting and formula-injection defence, the answers CSV, the draft
//! security.txt and the VDP outline.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{answers, mini};
use proptest::prelude::*;
use serde_json::json;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use vendor_readiness::answers::{AnswerValue, Evidence, FileEvidence};
use vendor_readiness::assessment::{Assessment, VendorProfile};
use vendor_readiness::export::{
    answer_label, answers_csv, csv_cell, csv_number, csv_record, csv_row, security_txt,
    vdp_outline, CsvField, ANSWERS_CSV_HEADER, VDP_SECTIONS,
};
use vendor_readiness::questionnaire::Questionnaire;

/// A strict RFC 4180 reader for tests: records end with CRLF, quoted fields may hold
/// anything, and a quote inside an unquoted field is an error.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                loop {
                    match chars.next().expect("unterminated quoted field") {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        '"' => break,
                        other => field.push(other),
                    }
                }
                at_field_start = false;
                assert!(
                    matches!(chars.peek(), Some(',') | Some('\r') | None),
                    "text after a closing quote"
                );
            }
            '"' => panic!("quote inside an unquoted field"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF ends a record");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            '\n' => panic!("bare LF outside a quoted field"),
            other => {
                field.push(other);
                at_field_start = false;
            }
        }
    }
    assert!(
        record.is_empty() && field.is_empty(),
        "last record lacks CRLF"
    );
    records
}

fn now() -> OffsetDateTime {
    OffsetDateTime::parse("2025-03-10T23:30:00-05:00", &Rfc3339).unwrap()
}

fn profile() -> VendorProfile {
    VendorProfile {
        organisation: "Acme Health Software".into(),
        products: "Acme EHR\nAcme Portal".into(),
        versions: "5.x and 6.x".into(),
        security_contact: "security@acme.example".into(),
        vdp_url: "https://acme.example/security/policy".into(),
        security_txt_url: "https://acme.example/.well-known/security.txt".into(),
        assessor: "J. Doe".into(),
        assessment_date: "2025-03-10".into(),
    }
}

#[test]
fn csv_cell_quotes_per_rfc_4180() {
    assert_eq!(csv_cell("plain"), "plain");
    assert_eq!(csv_cell(""), "");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_cell("cr\rhere"), "\"cr\rhere\"");
    assert_eq!(csv_row(&["a", "b,c", ""]), "a,\"b,c\",\r\n");
}

#[test]
fn csv_cell_neutralises_formula_starts() {
    assert_eq!(csv_cell("=1+1"), "'=1+1");
    assert_eq!(csv_cell("+1"), "'+1");
    assert_eq!(csv_cell("-1"), "'-1");
    assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_cell("\tx"), "'\tx");
    assert_eq!(csv_cell("\rx"), "\"'\rx\"");
    assert_eq!(
        csv_cell("=HYPERLINK(\"http://x\")"),
        "\"'=HYPERLINK(\"\"http://x\"\")\""
    );
    // Only the first character matters.
    assert_eq!(csv_cell("a=b"), "a=b");
    assert_eq!(csv_cell("1-2"), "1-2");
}

#[test]
fn numbers_take_the_unguarded_path() {
    assert_eq!(csv_number(2.5), "2.5");
    assert_eq!(csv_number(1.0), "1");
    assert_eq!(csv_number(-0.0), "0");
    assert_eq!(csv_number(1e21), "1000000000000000000000");
    assert_eq!(csv_number(f64::NAN), "");
    assert_eq!(
        csv_record(&[CsvField::Number(0.5), CsvField::Text("-x")]),
        "0.5,'-x\r\n"
    );
}

proptest! {
    #[test]
    fn any_text_survives_a_round_trip(cells in prop::collection::vec(".*", 1..6)) {
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let parsed = parse_csv(&csv_row(&refs));
        let expected: Vec<String> = cells
            .iter()
            .map(|c| {
                if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                    format!("'{c}")
                } else {
                    c.clone()
                }
            })
            .collect();
        prop_assert_eq!(parsed, vec![expected]);
    }
}

fn mini_assessment() -> Assessment {
    let mut a = Assessment {
        profile: profile(),
        answers: answers(&[
            ("a.channel", json!("yes")),
            ("a.legal", json!("silent")),
            ("a.policy", json!("no")),
            ("a.ack_days", json!(5)),
            ("a.medical", json!("n/a")),
            // Credit 0 keeps a.stats_detail hidden; its kept answer must not count.
            ("a.publishes", json!("no")),
            ("a.stats_detail", json!("yes")),
            ("b.cover", json!(95)),
        ]),
    };
    let e = a.answers.entry_mut("a.channel");
    e.notes = "=HYPERLINK(\"http://x\")".into();
    e.evidence.push(Evidence {
        label: "Policy, \"v2\"".into(),
        url: Some("https://acme.example/vdp".into()),
        file: None,
    });
    e.evidence.push(Evidence {
        label: "Runbook".into(),
        url: None,
        file: Some(FileEvidence {
            name: "runbook.pdf".into(),
            size: 1234,
            sha256: "ab".repeat(32),
        }),
    });
    a.answers.entry_mut("a.policy").notes = "line one\r\nline two, with \"quotes\"".into();
    a
}

#[test]
fn answers_csv_has_a_row_per_question_and_reflects_statuses() {
    let q = mini();
    let csv = answers_csv(&q, &mini_assessment());
    assert!(!csv.starts_with('\u{feff}'), "no byte-order mark");
    let rows = parse_csv(&csv);
    assert_eq!(rows.len(), q.questions().count() + 1);
    assert_eq!(rows[0], ANSWERS_CSV_HEADER);
    assert!(rows.iter().all(|r| r.len() == ANSWERS_CSV_HEADER.len()));
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
    let expected: Vec<&str> = q.questions().map(|qu| qu.id.as_ref()).collect();
    assert_eq!(ids, expected, "questionnaire order");

    let row = |id: &str| rows.iter().find(|r| r[2] == id).unwrap().clone();
    let channel = row("a.channel");
    assert_eq!(
        channel[..9],
        [
            "a",
            "Domain A",
            "a.channel",
            "L1",
            "Channel?",
            "Yes",
            "yes",
            "1",
            "met"
        ]
    );
    assert_eq!(channel[9], "'=HYPERLINK(\"http://x\")");
    assert_eq!(
        channel[10],
        format!(
            "Policy, \"v2\" <https://acme.example/vdp> | Runbook [runbook.pdf, 1234 bytes, sha256 {}]",
            "ab".repeat(32)
        )
    );
    assert_eq!(
        row("a.legal")[5..9],
        ["Silent", "silent", "0.5", "partly met"]
    );
    assert_eq!(row("a.policy")[5..9], ["No", "no", "0", "not met"]);
    assert_eq!(row("a.policy")[9], "line one\r\nline two, with \"quotes\"");
    assert_eq!(
        row("a.ack_days")[5..9],
        ["5 business days", "5", "0.5", "partly met"]
    );
    assert_eq!(
        row("a.medical")[5..9],
        ["Not applicable", "n/a", "", "not applicable"]
    );
    assert_eq!(row("a.stats_detail")[6..9], ["yes", "", "hidden"]);
    assert_eq!(row("b.one")[5..9], ["", "", "", "unanswered"]);
    assert_eq!(row("b.cover")[5..9], ["95 percent", "95", "1", "met"]);
}

#[test]
fn answers_csv_of_the_builtin_questionnaire_covers_every_question() {
    let q = Questionnaire::builtin();
    let rows = parse_csv(&answers_csv(q, &Assessment::default()));
    assert_eq!(rows.len(), q.questions().count() + 1);
    assert!(rows[1..]
        .iter()
        .all(|r| r[8] == "unanswered" || r[8] == "hidden"));
}

#[test]
fn answer_labels() {
    let q = mini();
    let label = |id: &str, v: AnswerValue| answer_label(q.question(id).unwrap(), &v);
    assert_eq!(
        label("a.channel", AnswerValue::Choice("partly".into())),
        "Partly"
    );
    assert_eq!(
        label("a.legal", AnswerValue::Choice("safe_harbour".into())),
        "Safe harbour"
    );
    assert_eq!(label("b.cover", AnswerValue::Number(92.5)), "92.5 percent");
    assert_eq!(
        label("a.medical", AnswerValue::NotApplicable),
        "Not applicable"
    );
    assert!(label("a.channel", AnswerValue::Choice("maybe".into())).contains("maybe"));
}

fn field<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    text.lines()
        .filter_map(|l| l.strip_prefix(&format!("{name}: ")))
        .collect()
}

#[test]
fn security_txt_from_a_complete_profile() {
    let q = mini();
    let draft = security_txt(&profile(), &q, &mini_assessment(), now());
    let t = &draft.text;
    assert!(draft.warnings.is_empty(), "{:?}", draft.warnings);
    assert!(t.starts_with("# DRAFT security.txt for Acme Health Software, generated on 2025-03-11"));
    assert!(t.contains("/.well-known/security.txt"));
    assert!(t.to_lowercase().contains("openpgp cleartext"));
    assert_eq!(field(t, "Contact"), ["mailto:security@acme.example"]);
    assert_eq!(field(t, "Policy"), ["https://acme.example/security/policy"]);
    assert_eq!(
        field(t, "Canonical"),
        ["https://acme.example/.well-known/security.txt"]
    );
    assert_eq!(field(t, "Preferred-Languages"), ["en"]);
    assert!(field(t, "Encryption").is_empty(), "template only");
    assert!(t.contains("# Encryption: "));
    assert!(field(t, "Acknowledgments").is_empty() && field(t, "Hiring").is_empty());

    let expires = field(t, "Expires");
    assert_eq!(expires, ["2026-03-10T00:00:00Z"]);
    let expires = OffsetDateTime::parse(expires[0], &Rfc3339).unwrap();
    let ahead = expires - now();
    assert!(
        ahead.whole_days() < 365 && ahead.whole_days() > 300,
        "{ahead}"
    );
    // Every non-comment line is a known field.
    for line in t.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let name = line.split(':').next().unwrap();
        assert!(
            [
                "Contact",
                "Expires",
                "Policy",
                "Canonical",
                "Preferred-Languages"
            ]
            .contains(&name),
            "{line}"
        );
    }
}

#[test]
fn security_txt_expiry_is_under_a_year_whatever_the_time_of_day() {
    let q = mini();
    for stamp in [
        "2024-02-29T00:00:00Z",
        "2024-12-31T23:59:59Z",
        "2025-06-15T12:00:00+14:00",
        "2025-06-15T12:00:00-12:00",
    ] {
        let now = OffsetDateTime::parse(stamp, &Rfc3339).unwrap();
        let draft = security_txt(&profile(), &q, &Assessment::default(), now);
        let expires = OffsetDateTime::parse(field(&draft.text, "Expires")[0], &Rfc3339).unwrap();
        let ahead = expires - now;
        assert!(
            ahead.whole_days() < 365 && ahead.whole_days() > 300,
            "{stamp}: {ahead}"
        );
    }
}

#[test]
fn security_txt_warns_about_missing_and_insecure_inputs() {
    let q = mini();
    let empty = security_txt(&VendorProfile::default(), &q, &Assessment::default(), now());
    assert!(field(&empty.text, "Contact").is_empty());
    assert!(empty
        .warnings
        .iter()
        .any(|w| w.contains("Contact") && w.contains("not valid")));
    assert!(empty.warnings.iter().any(|w| w.contains("Policy")));
    assert!(empty.warnings.iter().any(|w| w.contains("Canonical")));
    assert_eq!(field(&empty.text, "Expires").len(), 1);

    let mut p = profile();
    p.security_txt_url = "http://acme.example/.well-known/security.txt".into();
    let draft = security_txt(&p, &q, &Assessment::default(), now());
    assert_eq!(draft.warnings.len(), 1, "{:?}", draft.warnings);
    assert!(draft.warnings[0].contains("https"));
    assert_eq!(
        field(&draft.text, "Canonical"),
        ["http://acme.example/.well-known/security.txt"]
    );

    p.security_txt_url = "https://acme.example/security.txt".into();
    let draft = security_txt(&p, &q, &Assessment::default(), now());
    assert_eq!(draft.warnings.len(), 1);
    assert!(draft.warnings[0].contains("/.well-known/security.txt"));

    let mut p = profile();
    p.security_contact = "http://acme.example/report".into();
    let draft = security_txt(&p, &q, &Assessment::default(), now());
    assert_eq!(draft.warnings.len(), 1);
    assert_eq!(
        field(&draft.text, "Contact"),
        ["http://acme.example/report"]
    );
    assert!(draft.text.contains("# TODO"));
}

#[test]
fn security_txt_contact_forms_and_injection() {
    let q = mini();
    let mut p = profile();
    p.security_contact =
        "https://acme.example/report\nmailto:psirt@acme.example\ntel:+1-201-555-0123".into();
    let draft = security_txt(&p, &q, &Assessment::default(), now());
    assert!(draft.warnings.is_empty(), "{:?}", draft.warnings);
    assert_eq!(
        field(&draft.text, "Contact"),
        [
            "https://acme.example/report",
            "mailto:psirt@acme.example",
            "tel:+1-201-555-0123"
        ]
    );

    // A line break in a profile field cannot smuggle in another field.
    let mut p = profile();
    p.organisation = "Acme\nContact: mailto:evil@example.com".into();
    p.vdp_url = "https://acme.example/vdp\rHiring: https://evil.example".into();
    let draft = security_txt(&p, &q, &Assessment::default(), now());
    assert_eq!(
        field(&draft.text, "Contact"),
        ["mailto:security@acme.example"]
    );
    assert!(field(&draft.text, "Hiring").is_empty());
    assert!(!draft.warnings.is_empty(), "a URL with spaces is flagged");
}

#[test]
fn security_txt_reminds_about_encryption_when_answers_say_so() {
    let q = Questionnaire::builtin();
    let mut a = Assessment::default();
    a.answers
        .set_value("intake.encrypted", Some(AnswerValue::Choice("yes".into())));
    let draft = security_txt(&profile(), q, &a, now());
    assert!(draft.warnings.iter().any(|w| w.contains("Encryption")));
}

#[test]
fn vdp_outline_fills_in_the_profile() {
    let text = vdp_outline(&profile());
    assert!(text.contains("Acme Health Software"));
    assert!(text.contains("rely on Acme EHR and Acme Portal to be safe"));
    assert!(text.contains("5.x and 6.x"));
    assert!(text.contains("security@acme.example"));
    for section in VDP_SECTIONS {
        assert!(text.contains(&format!("\n## {section}\n")), "{section}");
    }
    for needle in [
        "3 business days",
        "14 days",
        "15 days",
        "30 days",
        "90 days",
        "counsel",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    assert!(!text.contains("[Organisation]"));
    assert!(!text.contains("[Product(s)]"));
}

#[test]
fn vdp_outline_uses_placeholders_for_an_empty_profile() {
    let text = vdp_outline(&VendorProfile::default());
    assert!(text.starts_with("# Vulnerability disclosure policy: [Organisation]\n"));
    assert!(text.contains("[Product(s)]"));
    assert!(text.contains("[security contact"));
    for section in VDP_SECTIONS {
        assert!(text.contains(&format!("\n## {section}\n")), "{section}");
    }
}

#[test]
fn the_report_gives_the_meaning_of_partly_beside_a_partly_answer() {
    use vendor_readiness::export::{partly_meaning, report_answer};
    use vendor_readiness::scoring::QuestionStatus;
    let q = Questionnaire::builtin();
    let channel = q.question("intake.channel").unwrap();
    let partly = AnswerValue::Choice("partly".into());
    let half = QuestionStatus::Answered { credit: 0.5 };
    let shown = report_answer(channel, Some(&half), Some(&partly));
    assert_eq!(shown.label, "Partly");
    // The same text the question card shows under the options.
    assert_eq!(shown.partly.as_deref(), channel.partly.as_deref());
    assert!(shown.partly.is_some());
    assert_eq!(partly_meaning(channel, &partly), channel.partly.as_deref());
    // Other answers carry no meaning of "partly".
    let yes = AnswerValue::Choice("yes".into());
    let full = QuestionStatus::Answered { credit: 1.0 };
    assert_eq!(report_answer(channel, Some(&full), Some(&yes)).partly, None);
    assert_eq!(partly_meaning(channel, &AnswerValue::NotApplicable), None);
    // A choice question has no "partly", even for a middle option.
    let notify = q.question("advisories.notify_customers").unwrap();
    let generic = AnswerValue::Choice("generic_notes".into());
    assert_eq!(
        report_answer(notify, Some(&half), Some(&generic)).partly,
        None
    );
    // A hidden or out-of-scope question says so, whatever it stored.
    let hidden = report_answer(channel, Some(&QuestionStatus::Hidden), Some(&partly));
    assert!(hidden.label.starts_with("not shown"), "{}", hidden.label);
    assert_eq!(hidden.partly, None);
    let out = report_answer(channel, Some(&QuestionStatus::OutOfScope), None);
    assert!(out.label.starts_with("not asked"), "{}", out.label);
    assert_eq!(
        report_answer(channel, Some(&QuestionStatus::Unanswered), None).label,
        "unanswered"
    );
}
