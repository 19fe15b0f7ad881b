//! Golden vendor profiles: realistic answer sets and the result a buyer should see.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::json;
use vendor_readiness::answers::{AnswerValue, Answers};
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::scoring::{score, Score};

fn set(a: &mut Answers, id: &str, v: serde_json::Value) {
    assert!(
        Questionnaire::builtin().question(id).is_some(),
        "unknown question {id}"
    );
    a.set_value(id, Some(serde_json::from_value::<AnswerValue>(v).unwrap()));
}

fn gates(s: &Score) -> Vec<&str> {
    s.gates.iter().map(|g| g.gate.as_str()).collect()
}

fn level(s: &Score, d: &str) -> u8 {
    s.domain(d).unwrap().level
}

#[test]
fn no_reporting_channel_and_silent_fixes() {
    // A capable engineering shop that never set up intake and never tells customers.
    let q = Questionnaire::builtin();
    let mut a = common::all_best(q);
    set(&mut a, "intake.channel", json!("no"));
    set(&mut a, "advisories.notify_customers", json!("silent"));
    let s = score(q, &a);
    assert_eq!(gates(&s), ["no-reporting-channel", "silent-fixes"]);
    assert_eq!(level(&s, "intake"), 0);
    assert_eq!(level(&s, "advisories"), 0);
    assert!(s.overall <= 1.0, "overall {}", s.overall);
    assert_eq!(s.overall_cap, Some(1));
    assert!(
        s.overall_before_cap > 2.0,
        "the cap, not the mean, decides: {}",
        s.overall_before_cap
    );
    let intake = s.domain("intake").unwrap();
    assert_eq!(intake.missing[0].question, "intake.channel");
    assert_eq!(
        intake.missing[0].gate.as_deref(),
        Some("no-reporting-channel")
    );
}

#[test]
fn mid_size_vendor_with_a_vdp_but_no_sbom() {
    let q = Questionnaire::builtin();
    let mut a = Answers::default();
    for (id, v) in [
        ("intake.channel", json!("yes")),
        ("intake.monitored", json!("yes")),
        ("intake.no_barriers", json!("yes")),
        ("intake.vdp", json!("yes")),
        ("intake.safe_harbor", json!("written_safe_harbor")),
        ("intake.encrypted", json!("yes")),
        ("intake.ack_target", json!(3)),
        ("triage.owner", json!("yes")),
        ("triage.tracked", json!("yes")),
        ("triage.severity_method", json!("public_standard")),
        ("triage.playbook", json!("partly")),
        ("remediation.out_of_cycle", json!("yes")),
        ("remediation.free_fixes", json!("free_for_all_supported")),
        ("advisories.notify_customers", json!("advisory_each")),
        ("advisories.affected_versions", json!("yes")),
        ("advisories.remedy", json!("yes")),
        ("sbom.inventory", json!("no")),
        ("incident.plan_own", json!("yes")),
        ("incident.breach_procedure", json!("yes")),
        ("governance.exec_owner", json!("yes")),
        ("governance.roles_assigned", json!("partly")),
    ] {
        set(&mut a, id, v);
    }
    let s = score(q, &a);
    assert_eq!(gates(&s), ["no-component-inventory"]);
    assert_eq!(level(&s, "intake"), 2);
    assert_eq!(level(&s, "triage"), 1, "playbook only partly");
    assert_eq!(level(&s, "sbom"), 0);
    assert_eq!(level(&s, "governance"), 0);
    assert!(s.overall <= 2.0);
    // Weighted: intake 3*2 + triage 2*1 + remediation 3*1 + advisories 2*1 + incident 2*1 = 15 over 17.
    assert_eq!(s.overall, 0.9);
    let sbom = s.domain("sbom").unwrap();
    assert_eq!(sbom.missing[0].question, "sbom.inventory");
}

#[test]
fn cna_publishing_csaf_with_vex() {
    let q = Questionnaire::builtin();
    let mut a = common::all_best(q);
    set(&mut a, "advisories.cna", json!("cna"));
    set(&mut a, "advisories.cve_hours", json!(24));
    set(&mut a, "advisories.csaf", json!("csaf_trusted_provider"));
    set(&mut a, "sbom.vex", json!("yes"));
    // A SaaS vendor: no installable updates to sign, no PHI.
    for id in [
        "remediation.signed_updates",
        "remediation.all_supported",
        "remediation.uptake",
        "incident.hipaa_days",
    ] {
        set(&mut a, id, json!("n/a"));
    }
    // A few honest gaps at the top.
    set(&mut a, "governance.independent_assessment", json!("partly"));
    set(&mut a, "secdev.class_elimination", json!("no"));
    let s = score(q, &a);
    assert!(s.gates.is_empty());
    assert_eq!(level(&s, "advisories"), 4);
    assert_eq!(level(&s, "remediation"), 4, "N/A is left out, not failed");
    assert_eq!(level(&s, "governance"), 3);
    assert_eq!(level(&s, "secdev"), 3);
    // (4*17 - 1 - 1) / 17 = 3.88 -> 3.9
    assert_eq!(s.overall, 3.9);
}

#[test]
fn all_worst_is_level_zero_with_every_gate() {
    let q = Questionnaire::builtin();
    let s = score(q, &common::all_worst(q));
    assert!(s.domains.iter().all(|d| d.level == 0));
    assert_eq!(s.overall, 0.0);
    assert_eq!(s.gates.len(), q.gates.len());
    assert!(s.gates.iter().all(|g| !g.pending));
}
