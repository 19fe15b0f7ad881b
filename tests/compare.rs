//! The buyer's side: profiles, verdicts and their reasons, importing many files, sorting,
//! filtering, the comparison CSV and the question-by-question difference view.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};
use vendor_readiness::answers::{AnswerValue, Answers};
use vendor_readiness::assessment::Assessment;
use vendor_readiness::buyer_profile::{self, BuyerProfile, ProfileError};
use vendor_readiness::buyer_session::{BuyerSession, Checked};
use vendor_readiness::compare::{self, SortKey, Summary, VendorRow};
use vendor_readiness::core::files::key_file::KeyFile;
use vendor_readiness::core::files::FileError;
use vendor_readiness::core::text::TextError;
use vendor_readiness::core::verify::{self, KeyPinState};
use vendor_readiness::integrity;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::score_file;

fn reasons(r: &VendorRow) -> Vec<String> {
    r.verdict.reasons.iter().map(ToString::to_string).collect()
}

fn q() -> &'static Questionnaire {
    Questionnaire::builtin()
}

fn now() -> OffsetDateTime {
    OffsetDateTime::parse("2027-03-01T12:00:00Z", &Rfc3339).unwrap()
}

fn days_ago(days: i64) -> String {
    (now() - Duration::days(days)).format(&Rfc3339).unwrap()
}

fn choice(s: &str) -> Option<AnswerValue> {
    Some(AnswerValue::Choice(s.into()))
}

/// Best answers everywhere: L4 in every domain, overall 4.0, no gate.
fn strong(org: &str, products: &str) -> Assessment {
    let mut a = Assessment {
        answers: common::all_best(q()),
        ..Default::default()
    };
    a.profile.organisation = org.into();
    a.profile.products = products.into();
    a
}

/// No component inventory: SBOM L0, gate `no-component-inventory`, overall capped at 2.0.
fn weak(org: &str, products: &str) -> Assessment {
    let mut a = strong(org, products);
    a.answers.set_value("sbom.inventory", choice("no"));
    a
}

fn seal_value(a: &Assessment, created: &str, seed: Option<u8>) -> Value {
    let key = seed.map(|n| KeyFile::from_seed([n; 32]).signing_key().unwrap());
    let file = score_file::seal(q(), a, "test", created, key.as_ref());
    serde_json::to_value(file).unwrap()
}

fn seal_bytes(a: &Assessment, created: &str, seed: Option<u8>) -> Vec<u8> {
    seal_value(a, created, seed).to_string().into_bytes()
}

fn fingerprint(seed: u8) -> String {
    KeyFile::from_seed([seed; 32]).key_fingerprint
}

/// A file through the path the CLI takes: verified, summarised, judged.
fn row_of(bytes: &[u8], profile: &BuyerProfile) -> VendorRow {
    let verified = verify::load_score(bytes, q()).expect("file loads");
    compare::evaluate("vendor.json", &Summary::of(&verified), profile, q(), now())
}

/// Files through the path the page takes: each verified into the buyer's session.
fn session_of(files: &[(&str, Vec<u8>)], profile: &BuyerProfile) -> BuyerSession {
    let mut s = BuyerSession::new(profile.clone(), now());
    for (name, bytes) in files {
        s.update(Checked::verify(name, bytes, q()));
    }
    s
}

fn row(a: &Assessment, created: &str, seed: Option<u8>, profile: &BuyerProfile) -> VendorRow {
    row_of(&seal_bytes(a, created, seed), profile)
}

/// A strict bar: L2 in every domain, overall 3.0, no missing inventory, signed.
fn strict_profile() -> BuyerProfile {
    BuyerProfile {
        name: "Imaging tender".into(),
        min_levels: q().domains.iter().map(|d| (d.id.to_string(), 2)).collect(),
        min_overall: Some(3.0),
        forbidden_gates: vec!["no-component-inventory".into(), "silent-fixes".into()],
        require_signature: true,
        ..Default::default()
    }
}

#[test]
fn a_strong_signed_recent_vendor_passes_a_strict_profile() {
    let r = row(
        &strong("Acme Health IT", "Acme EHR"),
        &days_ago(30),
        Some(1),
        &strict_profile(),
    );
    assert!(r.verdict.pass, "{:?}", reasons(&r));
    assert!(r.verdict.reasons.is_empty());
    assert_eq!(r.age_days, Some(30));
    assert_eq!(r.overall(), 4.0);
    assert_eq!(r.key_pin, KeyPinState::NotPinned);
    assert_eq!(r.key_fingerprint(), Some(fingerprint(1).as_str()));
    assert_eq!(r.summary.organisation, "Acme Health IT");
    assert_eq!(r.summary.products, "Acme EHR");
    assert!(!r.summary.verification.edited && r.summary.verification.migrated_from.is_none());
}

#[test]
fn the_default_profile_requires_only_verification_and_a_recent_file() {
    let p = BuyerProfile::default();
    assert_eq!(p.max_age_days, Some(365));
    let r = row(&weak("Beta", "B"), &days_ago(10), None, &p);
    assert!(r.verdict.pass, "{:?}", reasons(&r));
}

#[test]
fn levels_overall_and_forbidden_gates_each_give_a_reason() {
    let r = row(
        &weak("Beta", "B"),
        &days_ago(10),
        Some(2),
        &strict_profile(),
    );
    assert!(!r.verdict.pass);
    assert_eq!(
        reasons(&r),
        vec![
            "Component inventory, SBOM and dependency monitoring is L0, the minimum is L2"
                .to_owned(),
            "overall score 2.0 is below the minimum 3.0".to_owned(),
            "critical gate fired: No inventory of third-party components".to_owned(),
        ]
    );
}

#[test]
fn an_unsigned_file_fails_when_a_signature_is_required() {
    let r = row(&strong("Acme", "A"), &days_ago(1), None, &strict_profile());
    assert_eq!(
        reasons(&r),
        vec!["not signed, and a signature is required".to_owned()]
    );
}

#[test]
fn a_tampered_signed_file_fails_on_integrity_and_signature() {
    let mut doc = seal_value(&weak("Beta", "B"), &days_ago(5), Some(2));
    doc["content"]["answers"]["sbom.inventory"]["value"] = json!("yes");
    let r = row_of(doc.to_string().as_bytes(), &BuyerProfile::default());
    assert!(!r.verdict.pass);
    assert!(reasons(&r)[0].contains("content was changed after sealing"));
    assert_eq!(
        reasons(&r)[1],
        "signature is invalid: signature does not match the content"
    );
    // The embedded result no longer matches the changed answers either.
    assert!(reasons(&r)[2].starts_with("embedded result differs from the answers"));
    assert_eq!(r.verdict.reasons.len(), 3, "{:?}", reasons(&r));
    assert_eq!(r.overall(), 4.0, "the recomputed result is shown");
}

#[test]
fn an_edited_result_fails_and_the_recomputed_result_is_used() {
    let mut doc = seal_value(&weak("Beta", "B"), &days_ago(5), None);
    doc["content"]["result"]["overall"] = json!(4.0);
    let content = doc["content"].clone();
    doc["integrity"]["digest"] = json!(integrity::digest_value(&content).unwrap());
    let r = row_of(doc.to_string().as_bytes(), &BuyerProfile::default());
    assert!(r.summary.verification.edited);
    assert_eq!(
        reasons(&r),
        vec!["embedded result differs from the answers; the recomputed result is used".to_owned()]
    );
    assert_eq!(r.overall(), 2.0);
}

#[test]
fn pinned_keys_match_ignoring_case_and_spacing_and_fail_otherwise() {
    let mut p = BuyerProfile::default();
    p.pinned_keys
        .insert("ACME  health IT".into(), fingerprint(3));
    let good = row(&strong("Acme Health IT", "A"), &days_ago(1), Some(3), &p);
    assert_eq!(good.key_pin, KeyPinState::Matches);
    assert!(good.verdict.pass, "{:?}", reasons(&good));

    let other_key = row(&strong("Acme Health IT", "A"), &days_ago(1), Some(4), &p);
    assert_eq!(
        other_key.key_pin,
        KeyPinState::Mismatch {
            pinned: fingerprint(3),
            found: Some(fingerprint(4)),
        }
    );
    assert_eq!(other_key.verdict.reasons.len(), 1);
    assert!(reasons(&other_key)[0].contains("not the key pinned for Acme Health IT"));

    let unsigned = row(&strong("Acme Health IT", "A"), &days_ago(1), None, &p);
    assert!(matches!(
        unsigned.key_pin,
        KeyPinState::Mismatch { found: None, .. }
    ));
    assert!(reasons(&unsigned)[0].starts_with("not signed, but a key is pinned"));

    let other_vendor = row(&strong("Beta", "B"), &days_ago(1), Some(4), &p);
    assert_eq!(other_vendor.key_pin, KeyPinState::NotPinned);
    assert!(other_vendor.verdict.pass);
}

#[test]
fn old_and_future_files_fail_the_age_checks() {
    let p = BuyerProfile::default();
    let old = row(&strong("Acme", "A"), &days_ago(400), None, &p);
    assert_eq!(old.age_days, Some(400));
    assert_eq!(
        reasons(&old),
        vec!["assessment is 400 days old; the maximum is 365 days".to_owned()]
    );
    let no_limit = BuyerProfile {
        max_age_days: None,
        ..Default::default()
    };
    assert!(
        row(&strong("Acme", "A"), &days_ago(400), None, &no_limit)
            .verdict
            .pass
    );
    assert!(
        row(&strong("Acme", "A"), &days_ago(365), None, &p)
            .verdict
            .pass
    );

    let future = row(&strong("Acme", "A"), &days_ago(-3), None, &no_limit);
    assert_eq!(future.age_days, Some(-3));
    assert!(reasons(&future)[0].starts_with("created in the future"));
    // A clock a minute fast is tolerated.
    let skew = (now() + Duration::minutes(1)).format(&Rfc3339).unwrap();
    assert!(row(&strong("Acme", "A"), &skew, None, &p).verdict.pass);

    let undated = row(&strong("Acme", "A"), "last Tuesday", None, &p);
    assert_eq!(undated.age_days, None);
    assert!(reasons(&undated)[0].contains("not an RFC 3339 date-time"));
}

#[test]
fn importing_many_keeps_going_past_a_broken_file_in_order() {
    let p = BuyerProfile::default();
    let s = session_of(
        &[
            (
                "a.json",
                seal_bytes(&strong("Acme", "A"), &days_ago(1), Some(1)),
            ),
            ("broken.json", b"{\"format\": ".to_vec()),
            ("b.json", seal_bytes(&weak("Beta", "B"), &days_ago(2), None)),
            (
                "c.json",
                seal_bytes(&strong("Gamma", "G"), &days_ago(3), None),
            ),
        ],
        &p,
    );
    let names: Vec<&str> = s.files.iter().map(|f| f.file_name()).collect();
    assert_eq!(names, ["a.json", "broken.json", "b.json", "c.json"]);
    assert_eq!(s.rows.len(), 3);
    let refused: Vec<(&str, &str)> = s.refused().collect();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, "broken.json");
    let not_json = verify::load_score(b"{\"format\": ", q()).unwrap_err();
    assert!(matches!(not_json, FileError::NotJson(_)));
    assert_eq!(refused[0].1, not_json.to_string());
    let orgs: Vec<&str> = s
        .rows
        .iter()
        .map(|r| r.summary.organisation.as_str())
        .collect();
    assert_eq!(orgs, ["Acme", "Beta", "Gamma"]);
}

#[test]
fn answers_files_and_unsafe_file_names_are_handled() {
    let answers = score_file::answers_file(q(), &strong("Acme", "A"));
    let bytes = serde_json::to_vec(&answers).unwrap();
    let s = session_of(
        &[("a\u{202E}nosj.json", bytes.clone())],
        &BuyerProfile::default(),
    );
    let refused: Vec<(&str, &str)> = s.refused().collect();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, "a\u{FFFD}nosj.json");
    assert!(
        matches!(verify::load_score(&bytes, q()), Err(FileError::WrongKind(m)) if m.contains("answers file")),
    );
    assert!(refused[0].1.contains("answers file"), "{}", refused[0].1);
}

fn sample_rows() -> Vec<VendorRow> {
    let p = strict_profile();
    vec![
        row(&weak("beta corp", "Imaging"), &days_ago(20), Some(2), &p),
        row(&strong("Acme", "EHR"), &days_ago(50), Some(1), &p),
        row(&strong("Gamma", "PACS viewer"), &days_ago(5), None, &p),
    ]
}

fn orgs(rows: &[VendorRow]) -> Vec<&str> {
    rows.iter()
        .map(|r| r.summary.organisation.as_str())
        .collect()
}

#[test]
fn rows_sort_by_each_key_with_ties_by_name() {
    let mut rows = sample_rows();
    compare::sort_rows(&mut rows, &SortKey::Name, false);
    assert_eq!(orgs(&rows), ["Acme", "beta corp", "Gamma"]);
    compare::sort_rows(&mut rows, &SortKey::Name, true);
    assert_eq!(orgs(&rows), ["Gamma", "beta corp", "Acme"]);
    compare::sort_rows(&mut rows, &SortKey::Overall, true);
    assert_eq!(orgs(&rows), ["Acme", "Gamma", "beta corp"]);
    compare::sort_rows(&mut rows, &SortKey::Overall, false);
    assert_eq!(orgs(&rows), ["beta corp", "Acme", "Gamma"]);
    compare::sort_rows(&mut rows, &SortKey::Domain("sbom".into()), false);
    assert_eq!(orgs(&rows), ["beta corp", "Acme", "Gamma"]);
    compare::sort_rows(&mut rows, &SortKey::Age, false);
    assert_eq!(orgs(&rows), ["Gamma", "beta corp", "Acme"]);
    // Gamma is unsigned and Beta is weak: only Acme passes.
    compare::sort_rows(&mut rows, &SortKey::Verdict, false);
    assert_eq!(orgs(&rows), ["Acme", "beta corp", "Gamma"]);
    compare::sort_rows(&mut rows, &SortKey::Verdict, true);
    assert_eq!(orgs(&rows), ["beta corp", "Gamma", "Acme"]);
}

#[test]
fn rows_filter_by_organisation_or_product_ignoring_case() {
    let rows = sample_rows();
    assert_eq!(compare::filter_rows(&rows, "", false).len(), 3);
    let by_org: Vec<&str> = compare::filter_rows(&rows, "  BETA ", false)
        .iter()
        .map(|r| r.summary.organisation.as_str())
        .collect();
    assert_eq!(by_org, ["beta corp"]);
    let by_product: Vec<&str> = compare::filter_rows(&rows, "pacs", false)
        .iter()
        .map(|r| r.summary.organisation.as_str())
        .collect();
    assert_eq!(by_product, ["Gamma"]);
    let failing: Vec<&str> = compare::filter_rows(&rows, "", true)
        .iter()
        .map(|r| r.summary.organisation.as_str())
        .collect();
    assert_eq!(failing, ["beta corp", "Gamma"]);
    assert!(compare::filter_rows(&rows, "acme", true).is_empty());
}

#[test]
fn comparison_csv_has_a_header_and_one_line_per_vendor_with_the_verdict() {
    let mut rows = sample_rows();
    rows[2].summary.organisation = "=HYPERLINK(\"http://evil.example\")".into();
    let entries: Vec<compare::Entry> = rows.iter().map(compare::Entry::Row).collect();
    let text = compare::comparison_csv(&entries, q());
    assert!(text.ends_with("\r\n"));
    let records = common::parse_csv(&text);
    assert_eq!(records.len(), 1 + rows.len());
    let header = &records[0];
    assert_eq!(header[0], "File");
    assert_eq!(header.len(), 11 + q().domains.len() + 3);
    for d in q().domains.iter() {
        assert!(header.iter().any(|h| *h == d.title), "{}", d.title);
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (record, row) in records[1..].iter().zip(&rows) {
        assert_eq!(record.len(), header.len());
        let verdict = if row.verdict.pass { "pass" } else { "fail" };
        assert_eq!(record[col("Verdict")], verdict);
        assert_eq!(record[col("Reasons")], reasons(row).join("; "));
        assert_eq!(
            record[col("Overall")].parse::<f64>().unwrap(),
            row.overall()
        );
    }
    let beta = &records[1];
    assert_eq!(beta[col("Gates fired")], "no-component-inventory");
    assert_eq!(
        beta[col("Component inventory, SBOM and dependency monitoring")],
        "0"
    );
    assert_eq!(beta[col("Signature")], "valid");
    assert_eq!(beta[col("Key fingerprint")], fingerprint(2));
    assert_eq!(beta[col("Integrity")], "intact");
    assert_eq!(beta[col("Age (days)")], "20");
    assert_eq!(records[3][col("Signature")], "unsigned");
    assert!(
        records[3][col("Organisation")].starts_with("'="),
        "formula cells are defused"
    );

    let refused = common::parse_csv(&compare::comparison_csv(
        &[compare::Entry::Refused {
            file_name: "x.json",
            error: "file is empty",
        }],
        q(),
    ));
    assert_eq!(refused[1].len(), header.len());
    assert_eq!(refused[1][0], "x.json");
    assert_eq!(refused[1][col("Verdict")], "refused");
    assert_eq!(refused[1][col("Reasons")], "file is empty");
    assert!(
        refused[1][1..header.len() - 2].iter().all(|c| c.is_empty()),
        "{:?}",
        refused[1]
    );
}

#[test]
fn the_csv_says_an_invalid_signature_in_the_problems_words_and_a_pin_by_its_label() {
    let mut doc = seal_value(&weak("Beta", "B"), &days_ago(5), Some(2));
    doc["content"]["answers"]["sbom.inventory"]["value"] = json!("yes");
    let tampered = row_of(doc.to_string().as_bytes(), &BuyerProfile::default());
    let mut pinned = BuyerProfile::default();
    pinned.pin("Acme".into(), fingerprint(1));
    let good = row(&strong("Acme", "A"), &days_ago(1), Some(1), &pinned);
    let rows = [tampered, good];
    let entries: Vec<compare::Entry> = rows.iter().map(compare::Entry::Row).collect();
    let records = common::parse_csv(&compare::comparison_csv(&entries, q()));
    let col = |name: &str| records[0].iter().position(|h| h == name).unwrap();
    assert_eq!(
        records[1][col("Signature")],
        "signature is invalid: signature does not match the content",
        "the words of the verdict's reason"
    );
    assert!(records[1][col("Reasons")].contains(&records[1][col("Signature")]));
    assert_eq!(records[1][col("Key pin")], "not pinned");
    assert_eq!(records[2][col("Key pin")], KeyPinState::Matches.label());
    assert_eq!(
        rows[1].key_pin.phrase().as_deref(),
        Some("key pin matches"),
        "as the table and the CLI say it"
    );
    assert_eq!(KeyPinState::NotPinned.phrase(), None);
}

#[test]
fn diff_lists_exactly_the_questions_that_differ() {
    let a: Answers = common::all_best(q());
    let mut b = a.clone();
    b.set_value("intake.channel", choice("partly"));
    b.set_value("secdev.ci_checks", None);
    b.set_value("supply_chain.supplier_list", choice("no"));
    let rows = compare::diff(q(), &a, &b, true);
    let ids: Vec<&str> = rows.iter().map(|r| r.question.as_str()).collect();
    assert_eq!(
        ids,
        [
            "intake.channel",
            "secdev.ci_checks",
            "supply_chain.supplier_list"
        ]
    );
    assert_eq!(rows[0].domain, "intake");
    assert_eq!(rows[0].a, choice("yes"));
    assert_eq!(rows[0].b, choice("partly"));
    assert_eq!(rows[0].a_credit, Some(1.0));
    assert!(rows[0].b_credit.unwrap() < 1.0);
    assert_eq!(rows[1].b, None);
    assert_eq!(rows[1].b_credit, None);
    assert_eq!(rows[2].b_credit, Some(0.0));

    let all = compare::diff(q(), &a, &b, false);
    assert_eq!(all.len(), q().questions().count());
    assert!(compare::diff(q(), &a, &a, true).is_empty());

    // A parent answer that hides a follow-up shows both: the follow-up no longer counts.
    let mut c = a.clone();
    c.set_value("sbom.inventory", choice("no"));
    let ids: Vec<String> = compare::diff(q(), &a, &c, true)
        .into_iter()
        .map(|r| r.question)
        .collect();
    assert!(ids.contains(&"sbom.inventory".to_owned()));
    assert!(ids.contains(&"sbom.monitoring".to_owned()));
}

#[test]
fn diff_and_detail_word_answers_as_the_report_does() {
    use vendor_readiness::core::buyer::compare::Detail;
    use vendor_readiness::core::export::report_answer;
    let a: Answers = common::all_best(q());
    let mut b = a.clone();
    b.set_value("intake.channel", choice("partly"));
    b.set_value("secdev.ci_checks", None);
    b.set_value("sbom.inventory", choice("no"));
    let rows = compare::diff(q(), &a, &b, true);
    let row = |id: &str| rows.iter().find(|r| r.question == id).unwrap();
    let channel = q().question("intake.channel").unwrap();
    let word = |v: &str| report_answer(channel, None, choice(v).as_ref()).label;
    assert_eq!(row("intake.channel").a_label, word("yes"));
    assert_eq!(row("intake.channel").b_label, word("partly"));
    assert_ne!(word("yes"), word("partly"));
    assert_eq!(row("secdev.ci_checks").b_label, "unanswered");
    assert_eq!(
        row("sbom.monitoring").b_label,
        "not shown (does not apply given earlier answers)",
        "hidden by sbom.inventory = no"
    );

    let detail = Detail {
        profile: Default::default(),
        answers: b,
    };
    let labels = detail.answer_labels(q());
    assert_eq!(labels.len(), q().questions().count());
    let label = |id: &str| {
        &labels
            .iter()
            .find(|(qu, _)| qu.id.as_ref() == id)
            .unwrap()
            .1
    };
    assert_eq!(label("intake.channel"), &word("partly"));
    assert_eq!(label("secdev.ci_checks"), "unanswered");
    assert_eq!(
        label("sbom.monitoring"),
        "not shown (does not apply given earlier answers)"
    );
}

fn load(text: &str) -> Result<BuyerProfile, ProfileError> {
    buyer_profile::load_profile(text.as_bytes(), q())
}

#[test]
fn profile_files_round_trip() {
    let mut p = strict_profile();
    p.max_age_days = Some(180);
    p.pinned_keys
        .insert("Acme Health IT".into(), fingerprint(1));
    let text = buyer_profile::to_json(&p);
    assert_eq!(load(&text).unwrap(), p);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "vendor-readiness-buyer-profile");
    assert_eq!(v["format_version"], 1);

    let default = BuyerProfile::default();
    assert_eq!(load(&buyer_profile::to_json(&default)).unwrap(), default);
    let none = BuyerProfile {
        max_age_days: None,
        ..Default::default()
    };
    assert_eq!(load(&buyer_profile::to_json(&none)).unwrap(), none);

    // Members may be left out; an absent max age is 365 days, null is no limit.
    let minimal = r#"{"format": "vendor-readiness-buyer-profile", "format_version": 1}"#;
    assert_eq!(load(minimal).unwrap(), BuyerProfile::default());
    let no_limit = r#"{"format": "vendor-readiness-buyer-profile", "format_version": 1,
        "max_age_days": null, "min_overall": 2}"#;
    let p = load(no_limit).unwrap();
    assert_eq!(p.max_age_days, None);
    assert_eq!(p.min_overall, Some(2.0));
}

fn with(member: &str) -> String {
    format!(r#"{{"format": "vendor-readiness-buyer-profile", "format_version": 1, {member}}}"#)
}

#[test]
fn hostile_or_wrong_profiles_are_refused_with_a_reason() {
    assert_eq!(
        load(&with(r#""min_levels": {"payroll": 2}"#)),
        Err(ProfileError::UnknownDomain("payroll".into()))
    );
    assert_eq!(
        load(&with(r#""forbidden_gates": ["no-such-gate"]"#)),
        Err(ProfileError::UnknownGate("no-such-gate".into()))
    );
    assert_eq!(
        load(&with(
            r#""forbidden_gates": ["silent-fixes", "silent-fixes"]"#
        )),
        Err(ProfileError::DuplicateGate("silent-fixes".into()))
    );
    assert!(matches!(
        load(&with(r#""min_levels": {"intake": 2, "intake": 3}"#)),
        Err(ProfileError::File(FileError::NotJson(m))) if m.contains("duplicate key")
    ));
    assert!(matches!(
        load(&with(r#""name": "a", "name": "b""#)),
        Err(ProfileError::File(FileError::NotJson(m))) if m.contains("duplicate key")
    ));
    assert_eq!(
        load(&with(r#""min_levels": {"intake": 5}"#)),
        Err(ProfileError::LevelOutOfRange {
            domain: "intake".into(),
            level: 5
        })
    );
    assert!(matches!(
        load(&with(r#""min_levels": {"intake": 300}"#)),
        Err(ProfileError::File(FileError::Malformed(_)))
    ));
    assert_eq!(
        load(&with(r#""min_overall": 4.5"#)),
        Err(ProfileError::OverallOutOfRange(4.5))
    );
    assert!(matches!(
        load(&with(r#""min_overall": 1e999"#)),
        Err(ProfileError::File(FileError::NotJson(_)))
    ));
    assert_eq!(
        load(&with(r#""max_age_days": 0"#)),
        Err(ProfileError::MaxAgeOutOfRange(0))
    );
    assert!(matches!(
        load(&with(r#""max_age_days": -1"#)),
        Err(ProfileError::File(FileError::Malformed(_)))
    ));
    assert!(matches!(
        load(&with(r#""colour": "blue""#)),
        Err(ProfileError::File(FileError::Malformed(m))) if m.contains("colour")
    ));
    assert!(matches!(
        load(&with(r#""pinned_keys": {"Acme": "sha256:ABC"}"#)),
        Err(ProfileError::BadFingerprint { .. })
    ));
    let fp = fingerprint(1);
    assert!(matches!(
        load(&with(&format!(
            r#""pinned_keys": {{"Acme Ltd": "{fp}", "acme  LTD": "{fp}"}}"#
        ))),
        Err(ProfileError::DuplicateOrganisation(_))
    ));
    assert!(matches!(
        load(&with(r#""name": "Tender \u202e2027""#)),
        Err(ProfileError::File(FileError::Text(
            TextError::Unsafe { .. }
        )))
    ));
    assert!(matches!(
        load(r#"{"format": "vendor-readiness-score", "format_version": 1}"#),
        Err(ProfileError::File(FileError::UnknownFormat { .. }))
    ));
    assert!(matches!(
        load(r#"{"format": "vendor-readiness-buyer-profile", "format_version": 2}"#),
        Err(ProfileError::File(FileError::UnsupportedVersion { .. }))
    ));
    assert_eq!(load("  \n"), Err(ProfileError::File(FileError::Empty)));
    let deep = with(&format!(r#""name": {}{}"#, "[".repeat(40), "]".repeat(40)));
    assert_eq!(load(&deep), Err(ProfileError::File(FileError::TooDeep(8))));
    let huge = with(&format!(r#""name": "{}""#, "x".repeat(300_000)));
    assert!(matches!(
        load(&huge),
        Err(ProfileError::File(FileError::TooLarge { .. }))
    ));
    assert!(matches!(
        buyer_profile::load_profile(b"\xff\xfe", q()),
        Err(ProfileError::File(FileError::NotJson(_)))
    ));
}

#[test]
fn the_example_profile_in_the_buyer_guide_loads() {
    let doc = include_str!("../docs/buyer.md");
    let marker = "<!-- example:buyer-profile -->\n```json\n";
    let start = doc.find(marker).expect("example marker") + marker.len();
    let end = start + doc[start..].find("\n```").unwrap();
    let p = load(&doc[start..end]).unwrap();
    assert_eq!(p.min_levels["remediation"], 2);
    assert!(p.require_signature);
    assert_eq!(p.max_age_days, Some(365));
    assert!(p.pinned_key_for("ACME Medical Software Ltd").is_some());
}

/// The boundaries of the buyer's verdict, each on the side the profile allows.
#[test]
fn a_vendor_exactly_at_the_bar_passes_and_just_beyond_it_fails() {
    // Overall exactly at the minimum passes; a hair above the vendor's overall fails.
    let at_overall = BuyerProfile {
        min_overall: Some(4.0),
        ..Default::default()
    };
    let strong_row = row(&strong("Acme", "A"), &days_ago(1), None, &at_overall);
    assert_eq!(strong_row.overall(), 4.0);
    assert_eq!(strong_row.organisation(), "Acme");
    assert!(strong_row.verdict.pass, "{:?}", reasons(&strong_row));
    let above = BuyerProfile {
        min_overall: Some(4.05),
        ..Default::default()
    };
    let short = row(&strong("Acme", "A"), &days_ago(1), None, &above);
    assert!(!short.verdict.pass);
    assert_eq!(short.verdict.reasons.len(), 1, "{:?}", reasons(&short));

    // Created exactly at the future tolerance is tolerated; one second later is not.
    let no_limit = BuyerProfile {
        max_age_days: None,
        ..Default::default()
    };
    let at = |seconds: i64| {
        (now() + Duration::seconds(seconds))
            .format(&Rfc3339)
            .unwrap()
    };
    let edge = compare::FUTURE_TOLERANCE_SECONDS;
    assert!(
        row(&strong("Acme", "A"), &at(edge), None, &no_limit)
            .verdict
            .pass
    );
    let beyond = row(&strong("Acme", "A"), &at(edge + 1), None, &no_limit);
    assert!(reasons(&beyond)[0].starts_with("created in the future"));

    // An unreadable date matters only when the profile has a maximum age.
    let undated = row(&strong("Acme", "A"), "last Tuesday", None, &no_limit);
    assert!(undated.verdict.pass, "{:?}", reasons(&undated));
}

#[test]
fn a_refused_files_csv_line_has_every_column_of_the_header() {
    let entries = [compare::Entry::Refused {
        file_name: "broken.json",
        error: "not JSON",
    }];
    let records = common::parse_csv(&compare::comparison_csv(&entries, q()));
    assert_eq!(records.len(), 2);
    assert_eq!(records[1].len(), records[0].len());
    assert_eq!(records[1][0], "broken.json");
    let n = records[1].len();
    assert_eq!(records[1][n - 2..], ["refused", "not JSON"]);
    assert!(records[1][1..n - 2].iter().all(String::is_empty));
}

#[test]
fn pinning_replaces_only_the_same_organisations_pin() {
    let mut p = BuyerProfile::default();
    p.pin("Acme Health".into(), fingerprint(1));
    p.pin("Beta".into(), fingerprint(2));
    p.pin(" acme  HEALTH ".into(), fingerprint(3));
    assert_eq!(p.pinned_keys.len(), 2, "{:?}", p.pinned_keys);
    assert_eq!(
        p.pinned_key_for("Acme Health"),
        Some(fingerprint(3).as_str())
    );
    assert_eq!(p.pinned_key_for("Beta"), Some(fingerprint(2).as_str()));
}

#[test]
fn a_migrated_file_says_so_in_one_line_and_a_current_one_says_nothing() {
    let current =
        verify::load_score(&seal_bytes(&strong("Acme", "A"), &days_ago(1), None), q()).unwrap();
    assert_eq!(Summary::of(&current).migration_note(), None);
    let old = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/v1.0.0/score-1.0.0-mid-signed.json"),
    )
    .unwrap();
    let migrated = Summary::of(&verify::load_score(&old, q()).unwrap());
    let note = migrated
        .migration_note()
        .expect("a migrated file has a note");
    assert!(
        note.starts_with("answers questionnaire 1.0.0 (overall "),
        "{note}"
    );
    let report = migrated.migration.as_ref().expect("a migration report");
    assert!(
        note.ends_with(&format!(" under it); {}", report.summary())),
        "{note}"
    );
}
