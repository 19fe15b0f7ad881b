//! The scoring rules of docs/scoring.md, pinned on a small fixture questionnaire.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{answers, mini};
use serde_json::json;
use vendor_readiness::scoring::{score, MissingReason};

fn all_yes_mini() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        ("a.channel", json!("yes")),
        ("a.legal", json!("safe_harbour")),
        ("a.policy", json!("yes")),
        ("a.ack_days", json!(2)),
        ("a.medical", json!("yes")),
        ("a.publishes", json!("yes")),
        ("a.stats_detail", json!("yes")),
        ("b.one", json!("yes")),
        ("b.two", json!("yes")),
        ("b.three", json!("yes")),
        ("b.cover", json!(95)),
    ]
}

fn with(overrides: &[(&'static str, serde_json::Value)]) -> vendor_readiness::answers::Answers {
    let mut pairs = all_yes_mini();
    for (id, v) in overrides {
        pairs.retain(|(k, _)| k != id);
        pairs.push((id, v.clone()));
    }
    answers(&pairs)
}

#[test]
fn all_best_reaches_top_level_with_no_gates() {
    let s = score(&mini(), &with(&[]));
    assert_eq!(s.overall, 4.0);
    assert!(s.gates.is_empty());
    assert!(s
        .domains
        .iter()
        .all(|d| d.level == 4 && d.missing.is_empty() && d.progress.is_none()));
}

#[test]
fn levels_are_cumulative_a_gap_below_stops_the_climb() {
    // Level 2 unmet: levels 3 and 4 are all met but the domain stays at L1.
    let s = score(&mini(), &with(&[("b.two", json!("partly"))]));
    let b = s.domain("b").unwrap();
    assert_eq!(b.criteria_level, 1);
    assert_eq!(b.level, 1);
    let p = b.progress.as_ref().unwrap();
    assert_eq!((p.level, p.earned, p.possible), (2, 0.5, 1));
    assert_eq!(b.missing.len(), 1);
    assert_eq!(b.missing[0].question, "b.two");
    assert_eq!(b.missing[0].reason, MissingReason::NotMet);
    // Weighted mean: (3*4 + 1*1) / 4 = 3.25 -> 3.3 (one decimal).
    assert_eq!(s.overall, 3.3);
}

#[test]
fn number_bands_follow_direction() {
    let s = score(&mini(), &with(&[("a.ack_days", json!(7))]));
    assert_eq!(
        s.domain("a").unwrap().level,
        2,
        "7 days earns only partial credit"
    );
    let s = score(&mini(), &with(&[("b.cover", json!(60))]));
    assert_eq!(s.domain("b").unwrap().level, 3, "60% is below the 90% band");
    let s = score(&mini(), &with(&[("b.cover", json!(90))]));
    assert_eq!(
        s.domain("b").unwrap().level,
        4,
        "the threshold itself counts"
    );
}

#[test]
fn not_applicable_is_left_out_of_the_denominator() {
    let s = score(&mini(), &with(&[("a.medical", json!("n/a"))]));
    assert_eq!(s.domain("a").unwrap().level, 4);
    // N/A on a question that does not allow it counts as unanswered.
    let s = score(&mini(), &with(&[("a.policy", json!("n/a"))]));
    assert_eq!(s.domain("a").unwrap().level, 1);
}

#[test]
fn hidden_follow_ups_count_as_not_met_and_keep_their_answers() {
    let s = score(&mini(), &with(&[("a.publishes", json!("no"))]));
    let a = s.domain("a").unwrap();
    assert_eq!(a.level, 3);
    assert!(a
        .missing
        .iter()
        .any(|m| m.question == "a.stats_detail" && m.reason == MissingReason::Hidden));
    assert_eq!(s.shown, 10, "the follow-up is not shown");
}

#[test]
fn a_fired_gate_caps_domain_and_overall_and_is_explained() {
    let s = score(&mini(), &with(&[("a.channel", json!("partly"))]));
    let a = s.domain("a").unwrap();
    assert_eq!(a.level, 0);
    assert_eq!(s.gates.len(), 1);
    assert_eq!(s.gates[0].gate, "no-channel");
    assert_eq!(s.gates[0].triggered_by, vec!["a.channel".to_string()]);
    assert!(!s.gates[0].pending);
    assert_eq!(s.overall_cap, Some(1));
    assert_eq!(s.overall, 1.0);
    // (3*0 + 1*4)/4 = 1.0 before the cap too.
    assert_eq!(s.overall_before_cap, 1.0);
    assert_eq!(a.missing[0].gate.as_deref(), Some("no-channel"));
    assert_eq!(a.missing[0].why(), "clears gate no-channel");
}

#[test]
fn each_missing_step_says_why_it_is_needed() {
    use vendor_readiness::scoring::Missing;
    let step = |reason| Missing {
        question: "a.x".into(),
        level: 2,
        reason,
        gate: None,
    };
    assert_eq!(step(MissingReason::Unanswered).why(), "not answered");
    assert_eq!(step(MissingReason::NotMet).why(), "not fully met");
    assert_eq!(
        step(MissingReason::Hidden).why(),
        "opens after an earlier answer improves"
    );
}

#[test]
fn legal_threats_cap_a_domain_but_not_overall() {
    let s = score(&mini(), &with(&[("a.legal", json!("threatened"))]));
    let a = s.domain("a").unwrap();
    assert_eq!(
        (a.criteria_level, a.level),
        (0, 0),
        "threatened is also not met at L1"
    );
    let s = score(&mini(), &with(&[("a.legal", json!("silent"))]));
    assert!(s.gates.is_empty(), "silence is not a threat");
    assert_eq!(s.domain("a").unwrap().level, 0, "but it is not met either");
}

#[test]
fn unanswered_gate_questions_fire_as_pending() {
    let s = score(&mini(), &answers(&[]));
    assert_eq!(s.overall, 0.0);
    assert_eq!(s.gates.len(), 3);
    assert!(s.gates.iter().all(|g| g.pending));
}

#[test]
fn overall_cap_applies_even_when_domains_are_high() {
    let s = score(&mini(), &with(&[("b.one", json!("no"))]));
    // b drops to L0 (criteria), a stays L4: (12 + 0)/4 = 3.0, capped at 2.
    assert_eq!(s.overall_before_cap, 3.0);
    assert_eq!(s.overall_cap, Some(2));
    assert_eq!(s.overall, 2.0);
    assert_eq!(
        s.cap_note().as_deref(),
        Some("Capped at 2.0 by a gate; the domain levels alone give 3.0.")
    );
}

#[test]
fn a_cap_that_does_not_lower_the_score_is_not_mentioned() {
    // The cap of 1 equals what the levels give: nothing was taken away.
    let s = score(&mini(), &with(&[("a.channel", json!("partly"))]));
    assert_eq!((s.overall_cap, s.overall_before_cap), (Some(1), 1.0));
    assert_eq!(s.cap_note(), None);
    assert_eq!(score(&mini(), &with(&[])).cap_note(), None);
}

#[test]
fn inconsistent_questionnaires_are_refused_with_reasons() {
    let mut data: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/mini-questionnaire.json")).unwrap();
    data["domains"][0]["questions"][6]["show_if"]["question"] = json!("b.one");
    data["domains"][1]["questions"][0]["refs"] = json!(["NOPE"]);
    data["gates"][0]["fires_if_any"][0]["question"] = json!("a.medical");
    let err = vendor_readiness::questionnaire::Questionnaire::from_json(&data.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("depends on b.one, which is not an earlier question"),
        "{err}"
    );
    assert!(err.contains("unknown reference NOPE"), "{err}");
    assert!(err.contains("allows N/A"), "{err}");
}

#[test]
fn a_follow_up_of_a_question_that_allows_na_is_refused() {
    let mut data: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/mini-questionnaire.json")).unwrap();
    let domain = data["domains"][0]["questions"].as_array_mut().unwrap();
    let medical = domain
        .iter()
        .position(|qu| qu["id"] == "a.medical")
        .expect("the mini questionnaire has a.medical");
    let follower = domain.len() - 1;
    assert!(follower > medical);
    domain[follower]["show_if"] = json!({"question": "a.medical", "credit_at_least": 1.0});
    let err = vendor_readiness::questionnaire::Questionnaire::from_json(&data.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("follows a.medical, which allows N/A"), "{err}");
}

#[test]
fn a_version_logged_twice_is_refused() {
    let mut data: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/mini-questionnaire.json")).unwrap();
    let entry = data["changelog"][0].clone();
    data["changelog"].as_array_mut().unwrap().push(entry);
    let err = vendor_readiness::questionnaire::Questionnaire::from_json(&data.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("changelog has two entries for version"),
        "{err}"
    );
}

#[test]
fn a_typed_number_and_a_stored_one_obey_one_range() {
    use vendor_readiness::answers::AnswerValue;
    use vendor_readiness::questionnaire::{AnswerSpec, Questionnaire};
    let q = Questionnaire::builtin();
    let mut checked = 0;
    for question in q.questions() {
        let AnswerSpec::Number { min, max, .. } = question.answer else {
            continue;
        };
        let spec = &question.answer;
        let below = min - 0.5;
        let above = max + 0.5;
        for (v, allowed) in [
            (min, true),
            (max, true),
            ((min + max) / 2.0, true),
            (below, false),
            (above, false),
            (f64::NAN, false),
            (f64::INFINITY, false),
        ] {
            let typed = spec.parse_typed(&v.to_string());
            assert_eq!(typed.is_ok(), allowed, "{} typed {v}", question.id);
            if allowed {
                assert_eq!(typed, Ok(Some(AnswerValue::Number(v))));
            }
            // The page lets its number field read the number; the rule is the same.
            assert_eq!(
                spec.number_answer(Some(v)),
                typed,
                "{} read {v}",
                question.id
            );
            assert_eq!(
                spec.credit(&AnswerValue::Number(v)).is_some(),
                allowed,
                "{} stored {v}",
                question.id
            );
        }
        assert_eq!(spec.parse_typed("  "), Ok(None), "an empty field clears");
        assert_eq!(spec.number_answer(None), Ok(None), "an empty field clears");
        assert!(spec.parse_typed("twelve").is_err(), "text is no number");
        checked += 1;
    }
    assert!(checked > 0, "the questionnaire has number questions");
}
