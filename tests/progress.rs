//! A vendor's progress between two of its score files, across questionnaire versions.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/interop.rs"]
mod fixtures;

use fixtures::{fixture, q, rich_assessment, sealed, verified};
use vendor_readiness::answers::AnswerValue;
use vendor_readiness::assessment::Assessment;
use vendor_readiness::core::buyer::progress::{answer_text, progress, ProgressError};
use vendor_readiness::core::verify::Status;

fn improved(a: &Assessment) -> Assessment {
    let mut b = a.clone();
    for id in ["sbom.inventory", "triage.playbook", "intake.monitored"] {
        b.answers
            .set_value(id, Some(AnswerValue::Choice("yes".into())));
    }
    b
}

#[test]
fn levels_gates_and_changed_answers_between_two_files() {
    let before = rich_assessment();
    let after = improved(&before);
    let older = verified(&sealed(&before, "2025-01-10T09:00:00Z", Some(4)));
    let newer = verified(&sealed(&after, "2025-06-10T09:00:00Z", Some(4)));
    let p = progress(q(), &older, &newer).unwrap();

    assert_eq!(p.organisation, "Acme Health IT");
    assert_eq!(p.overall_before, older.recomputed.overall);
    assert_eq!(p.overall_after, newer.recomputed.overall);
    assert!(p.overall_after > p.overall_before);
    assert_eq!(p.domains.len(), q().domains.len());
    let sbom = p.domains.iter().find(|d| d.domain == "sbom").unwrap();
    assert!(sbom.changed() && sbom.after > sbom.before, "{sbom:?}");
    let gates: Vec<&str> = p.gates_stopped.iter().map(|g| g.gate.as_str()).collect();
    assert_eq!(gates, ["no-component-inventory"]);
    assert_eq!(
        p.gates_stopped[0].title,
        q().gate("no-component-inventory").unwrap().title
    );
    assert!(p.gates_started.is_empty());

    // The changed answers in questionnaire order; sbom.monitoring is shown now (and
    // answered "yes" all along), so its counted credit changed too.
    let ids: Vec<&str> = p.answers.iter().map(|a| a.question.as_str()).collect();
    assert_eq!(
        ids,
        [
            "intake.monitored",
            "triage.playbook",
            "sbom.inventory",
            "sbom.monitoring"
        ]
    );
    let monitored = &p.answers[0];
    assert_eq!(monitored.before.as_deref(), Some("Partly"));
    assert_eq!(monitored.after.as_deref(), Some("Yes"));
    assert_eq!(
        (monitored.credit_before, monitored.credit_after),
        (Some(0.5), Some(1.0))
    );
    assert_eq!(
        (monitored.before_text(), monitored.after_text()),
        ("Partly (0.5)".to_owned(), "Yes (1)".to_owned()),
        "how the CLI and the page read an answer"
    );
    let shown = &p.answers[3];
    assert_eq!(shown.before_text(), "Yes (hidden)");
    assert_eq!(shown.before, shown.after);
    assert_eq!((shown.credit_before, shown.credit_after), (None, Some(1.0)));
    assert_eq!(
        (shown.status_before.as_str(), shown.status_after.as_str()),
        ("hidden", "met")
    );
    assert_eq!(p.older.status, Status::Ok);
    assert!(p.older.migration.is_none() && p.notes.is_empty());

    // The other way round, the gate starts firing again (given in time order).
    let worse_newer = verified(&sealed(&before, "2025-07-10T09:00:00Z", None));
    let back = progress(q(), &newer, &worse_newer).unwrap();
    let started: Vec<&str> = back.gates_started.iter().map(|g| g.gate.as_str()).collect();
    assert_eq!(started, ["no-component-inventory"]);
}

#[test]
fn context_changes_are_listed_first() {
    let before = rich_assessment();
    let mut after = before.clone();
    after.answers.set_value(
        "context.deployment",
        Some(AnswerValue::Choice("hosted".into())),
    );
    let older = verified(&sealed(&before, "2025-01-10T09:00:00Z", None));
    let newer = verified(&sealed(&after, "2025-01-10T09:00:00Z", None));
    let p = progress(q(), &older, &newer).unwrap();
    let first = &p.answers[0];
    assert_eq!(first.question, "context.deployment");
    assert_eq!(first.domain, "context");
    assert_eq!(
        first.after.as_deref(),
        Some(q().context[0].options[1].label.as_ref())
    );
    // remediation.free_fixes is out of scope for a hosted service: same answer, but it
    // no longer counts.
    let fixes = p
        .answers
        .iter()
        .find(|a| a.question == "remediation.free_fixes")
        .unwrap();
    assert_eq!(fixes.before, fixes.after);
    assert_eq!((fixes.credit_before, fixes.credit_after), (Some(1.0), None));
}

#[test]
fn files_of_other_vendors_or_products_are_refused_saying_which_differs() {
    let a = rich_assessment();
    let older = verified(&sealed(&a, "2025-01-10T09:00:00Z", None));
    let mut b = a.clone();
    b.profile.organisation = "  ACME   health it ".into();
    b.profile.products = "acme pacs  acme portal".into();
    let same = verified(&sealed(&b, "2025-02-10T09:00:00Z", None));
    assert!(
        progress(q(), &older, &same).is_ok(),
        "case and spacing are ignored"
    );

    b.profile.products = "Acme Cloud".into();
    let other_product = verified(&sealed(&b, "2025-02-10T09:00:00Z", None));
    let err = progress(q(), &older, &other_product).unwrap_err();
    let ProgressError::DifferentSubject(d) = &err else {
        panic!("{err}")
    };
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].field, "products");
    assert_eq!(
        err.to_string(),
        "the files are not of the same vendor and product: products \
         \"Acme PACS\\u{a}Acme Portal\" vs \"Acme Cloud\""
    );

    b.profile.organisation = "Beta".into();
    let other = verified(&sealed(&b, "2025-02-10T09:00:00Z", None));
    let err = progress(q(), &older, &other).unwrap_err();
    assert!(
        err.to_string()
            .contains("organisation \"Acme Health IT\" vs \"Beta\"; products"),
        "{err}"
    );
}

#[test]
fn the_older_file_must_come_first_and_unreadable_times_are_noted() {
    let a = rich_assessment();
    let jan = verified(&sealed(&a, "2025-01-10T09:00:00Z", None));
    let feb = verified(&sealed(&a, "2025-02-10T10:00:00+01:00", None));
    let err = progress(q(), &feb, &jan).unwrap_err();
    assert_eq!(
        err,
        ProgressError::WrongOrder {
            older: "2025-02-10T10:00:00+01:00".into(),
            newer: "2025-01-10T09:00:00Z".into()
        }
    );
    assert!(err.to_string().contains("give the older file first"));
    // Same time is fine; nothing changed.
    let p = progress(q(), &jan, &jan).unwrap();
    assert!(p.answers.is_empty() && p.gates_started.is_empty() && p.gates_stopped.is_empty());
    assert!(p.domains.iter().all(|d| !d.changed()));
    // A time that is not RFC 3339 cannot be ordered: compared anyway, with a note.
    let undated = verified(&sealed(&a, "last spring", None));
    let p = progress(q(), &undated, &jan).unwrap();
    assert_eq!(p.notes.len(), 1);
    assert!(p.notes[0].contains("\"last spring\""), "{}", p.notes[0]);
}

#[test]
fn a_1_0_0_file_and_a_2_0_0_file_compare_under_the_current_questionnaire() {
    let old = verified(&fixture("score-1.0.0-mid-signed.json"));
    // The vendor reopened its migrated answers, answered better, and sealed under 2.0.0.
    let mut a = Assessment {
        profile: old.content.profile.clone(),
        answers: old.content.answers.clone(),
    };
    a.profile.organisation = "example health systems".into();
    a.answers
        .set_value("governance.policy", Some(AnswerValue::Choice("yes".into())));
    let new = verified(&sealed(&a, "2026-12-01T10:00:00Z", Some(9)));
    let p = progress(q(), &old, &new).unwrap();
    assert_eq!(p.older.questionnaire_version, "1.0.0");
    assert_eq!(
        p.newer.questionnaire_version,
        vendor_readiness::questionnaire::Questionnaire::builtin().version
    );
    let note = p.older.migration.as_deref().unwrap();
    assert!(
        note.starts_with(&format!(
            "answers questionnaire 1.0.0 (overall 1.7 under it); migrated from questionnaire 1.0.0 to {}",
            vendor_readiness::questionnaire::Questionnaire::builtin().version
        )),
        "{note}"
    );
    assert!(p.newer.migration.is_none());
    let ids: Vec<&str> = p.answers.iter().map(|a| a.question.as_str()).collect();
    assert!(ids.contains(&"governance.policy"), "{ids:?}");
    // Only what the vendor changed (and what that opens) differs: the migration itself
    // changes nothing between the two.
    assert!(
        ids.iter().all(|id| id.starts_with("governance.")),
        "{ids:?}"
    );
    assert_eq!(p.overall_before, old.recomputed.overall);
}

#[test]
fn a_flagged_file_is_compared_and_says_why_it_is_flagged() {
    let tampered = verified(&fixture("score-1.0.0-mid-signed-tampered.json"));
    let good = verified(&fixture("score-1.0.0-mid-signed.json"));
    let p = progress(q(), &good, &tampered).unwrap();
    assert_eq!(p.newer.status, Status::Flagged);
    assert!(p.newer.problems[0].contains("digest does not match"));
    assert_eq!(p.newer.digest, tampered.digest);
    assert_eq!(p.older.status, Status::Ok);
}

#[test]
fn an_answer_reads_the_same_in_the_cli_and_on_the_page() {
    assert_eq!(answer_text(None, Some(1.0), "met"), "unanswered");
    assert_eq!(
        answer_text(Some("Partly"), Some(0.25), "partly met"),
        "Partly (0.25)"
    );
    assert_eq!(answer_text(Some("No"), Some(0.0), "not met"), "No (0)");
    assert_eq!(
        answer_text(Some("Some"), Some(1.0 / 3.0), "partly met"),
        "Some (0.33)"
    );
    assert_eq!(answer_text(Some("No"), None, "hidden"), "No (hidden)");
    assert_eq!(
        answer_text(Some("Hosted by us"), None, "context"),
        "Hosted by us",
        "a context answer is not scored"
    );
}
