//! The built-in questionnaire: valid data, the counts we publish, and every level of
//! every domain reachable by answers alone.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashSet;

use vendor_readiness::answers::Answers;
use vendor_readiness::questionnaire::{Questionnaire, MAX_LEVEL};
use vendor_readiness::scoring::score;

#[test]
fn builtin_data_passes_every_consistency_rule() {
    let q = Questionnaire::from_json(vendor_readiness::questionnaire::BUILTIN_JSON);
    assert!(
        q.is_ok(),
        "{}",
        q.err().map(|e| e.to_string()).unwrap_or_default()
    );
}

#[test]
fn builtin_has_nine_domains_enough_questions_and_the_seven_required_gates() {
    let q = Questionnaire::builtin();
    let ids: Vec<&str> = q.domains.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "intake",
            "triage",
            "remediation",
            "advisories",
            "sbom",
            "secdev",
            "incident",
            "governance",
            "supply_chain"
        ]
    );
    let n = q.questions().count();
    assert!((60..=100).contains(&n), "{n} questions");
    let gates: HashSet<&str> = q.gates.iter().map(|g| g.id.as_str()).collect();
    for required in [
        "no-reporting-channel",
        "legal-threats",
        "no-report-ownership",
        "no-out-of-cycle-fix",
        "silent-fixes",
        "no-component-inventory",
        "no-breach-notification",
    ] {
        assert!(gates.contains(required), "missing gate {required}");
    }
    assert!(
        q.questions().any(|qu| qu.show_if.is_some()),
        "conditional questions exist"
    );
}

#[test]
fn question_ids_are_unique_and_every_question_cites_a_known_reference() {
    let q = Questionnaire::builtin();
    let mut seen = HashSet::new();
    for qu in q.questions() {
        assert!(seen.insert(&qu.id), "duplicate {}", qu.id);
        assert!(!qu.refs.is_empty());
        for r in &qu.refs {
            assert!(q.reference(r).is_some(), "{} cites unknown {r}", qu.id);
        }
    }
}

/// Best answers up to `level` in one domain, worst above it, best elsewhere.
fn answers_reaching(q: &Questionnaire, domain: &str, level: u8) -> Answers {
    let mut a = common::all_best(q);
    for qu in &q.domain(domain).unwrap().questions {
        if qu.level > level {
            a.set_value(&qu.id, Some(qu.answer.worst()));
        }
    }
    a
}

#[test]
fn every_level_of_every_domain_is_reachable() {
    let q = Questionnaire::builtin();
    for d in &q.domains {
        for level in 0..=MAX_LEVEL {
            let s = score(q, &answers_reaching(q, &d.id, level));
            let got = s.domain(&d.id).unwrap();
            assert_eq!(
                got.criteria_level, level,
                "domain {} at level {level}",
                d.id
            );
        }
    }
}

#[test]
fn digest_is_stable_and_content_sensitive() {
    let q = Questionnaire::builtin();
    assert_eq!(q.digest(), q.digest());
    let mut changed = q.clone();
    changed.domains[0].questions[0].text.push('!');
    assert_ne!(q.digest(), changed.digest());
}
