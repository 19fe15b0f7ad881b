//! Properties of the scoring model over random answer sets of the built-in questionnaire.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use vendor_readiness::answers::{AnswerValue, Answers};
use vendor_readiness::questionnaire::{AnswerSpec, Question, Questionnaire};
use vendor_readiness::scoring::score;

/// The ordered answer scale of a question, worst first (numbers sampled on a grid).
fn scale(question: &Question) -> Vec<AnswerValue> {
    match &question.answer {
        AnswerSpec::Number {
            min, max, better, ..
        } => {
            let mut values: Vec<f64> = (0..=20)
                .map(|i| min + (max - min) * f64::from(i) / 20.0)
                .collect();
            for b in match &question.answer {
                AnswerSpec::Number { bands, .. } => bands.to_vec(),
                _ => unreachable!(),
            } {
                values.push(b.threshold);
            }
            values.sort_by(|a, b| a.partial_cmp(b).unwrap());
            if *better == vendor_readiness::questionnaire::Better::Lower {
                values.reverse();
            }
            values.into_iter().map(AnswerValue::Number).collect()
        }
        spec => spec
            .options_worst_to_best()
            .into_iter()
            .map(|(id, _, _)| AnswerValue::Choice(id))
            .collect(),
    }
}

/// For each question: None (unanswered), N/A, or an index into its scale.
#[derive(Debug, Clone)]
enum Pick {
    Unanswered,
    NotApplicable,
    Step(usize),
}

fn picks() -> impl Strategy<Value = Vec<Pick>> {
    let n = Questionnaire::builtin().questions().count();
    proptest::collection::vec(
        prop_oneof![
            1 => Just(Pick::Unanswered),
            1 => Just(Pick::NotApplicable),
            6 => (0usize..64).prop_map(Pick::Step),
        ],
        n,
    )
}

fn build(picks: &[Pick]) -> Answers {
    let q = Questionnaire::builtin();
    let mut a = Answers::default();
    for (question, pick) in q.questions().zip(picks) {
        let value = match pick {
            Pick::Unanswered => None,
            Pick::NotApplicable if question.allow_na => Some(AnswerValue::NotApplicable),
            Pick::NotApplicable => None,
            Pick::Step(i) => {
                let s = scale(question);
                Some(s[i % s.len()].clone())
            }
        };
        a.set_value(&question.id, value);
    }
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn improving_one_answer_never_lowers_any_level_or_the_overall(p in picks(), which in 0usize..1000, up in 1usize..64) {
        let q = Questionnaire::builtin();
        let before_answers = build(&p);
        let questions: Vec<&Question> = q.questions().collect();
        let question = questions[which % questions.len()];
        let s = scale(question);
        let current = s.iter().position(|v| Some(v) == before_answers.value(&question.id));
        // Unanswered counts as the bottom of the scale; N/A is outside it and left alone.
        prop_assume!(before_answers.value(&question.id) != Some(&AnswerValue::NotApplicable));
        let target = (current.map_or(0, |c| c + 1) + up - 1).min(s.len() - 1);
        prop_assume!(current.is_none_or(|c| target >= c));
        let mut after_answers = before_answers.clone();
        after_answers.set_value(&question.id, Some(s[target].clone()));

        let before = score(q, &before_answers);
        let after = score(q, &after_answers);
        prop_assert!(after.overall >= before.overall, "overall {} -> {}", before.overall, after.overall);
        for (b, a) in before.domains.iter().zip(&after.domains) {
            prop_assert!(a.level >= b.level, "{} {} -> {}", b.domain, b.level, a.level);
        }
        prop_assert!(after.gates.len() <= before.gates.len());
    }

    #[test]
    fn answering_a_blank_context_question_never_lowers_any_level_or_the_overall(p in picks(), which in 0usize..16, option in 0usize..16) {
        // With the context blank every question applies; answering it can only leave
        // questions out (and the gates triggered by them), never add a requirement.
        let q = Questionnaire::builtin();
        let before_answers = build(&p);
        let context = &q.context[which % q.context.len()];
        let mut after_answers = before_answers.clone();
        let chosen = &context.options[option % context.options.len()];
        after_answers.set_value(&context.id, Some(AnswerValue::Choice(chosen.id.to_string())));

        let before = score(q, &before_answers);
        let after = score(q, &after_answers);
        prop_assert!(after.overall >= before.overall, "{}={}: overall {} -> {}", context.id, chosen.id, before.overall, after.overall);
        for (b, a) in before.domains.iter().zip(&after.domains) {
            prop_assert!(a.level >= b.level, "{}={}: {} {} -> {}", context.id, chosen.id, b.domain, b.level, a.level);
        }
        prop_assert!(after.gates.len() <= before.gates.len());
    }

    #[test]
    fn a_fired_gate_always_caps(p in picks()) {
        let q = Questionnaire::builtin();
        let s = score(q, &build(&p));
        for fired in &s.gates {
            let gate = q.gates.iter().find(|g| g.id == fired.gate).unwrap();
            for (domain, cap) in &gate.domain_caps {
                prop_assert!(s.domain(domain).unwrap().level <= *cap);
            }
            if let Some(max) = gate.overall_max {
                prop_assert!(s.overall <= f64::from(max));
            }
        }
        prop_assert!((0.0..=4.0).contains(&s.overall));
    }

    #[test]
    fn not_applicable_is_never_worse_than_the_worst_answer(p in picks(), which in 0usize..1000) {
        let q = Questionnaire::builtin();
        let na: Vec<&Question> = q.questions().filter(|qu| qu.allow_na).collect();
        let question = na[which % na.len()];
        let mut with_na = build(&p);
        with_na.set_value(&question.id, Some(AnswerValue::NotApplicable));
        let mut with_worst = with_na.clone();
        with_worst.set_value(&question.id, Some(question.answer.worst()));
        let (sn, sw) = (score(q, &with_na), score(q, &with_worst));
        for (n, w) in sn.domains.iter().zip(&sw.domains) {
            prop_assert!(n.level >= w.level);
        }
    }
}

#[test]
fn not_applicable_never_passes_a_gate() {
    let q = Questionnaire::builtin();
    for gate in q.gates.iter() {
        for trigger in gate.fires_if_any.iter() {
            let mut a = common::all_best(q);
            a.set_value(&trigger.question, Some(AnswerValue::NotApplicable));
            let s = score(q, &a);
            assert!(
                s.gates.iter().any(|g| g.gate == gate.id),
                "N/A on {} passed gate {}",
                trigger.question,
                gate.id
            );
        }
    }
}

#[test]
fn all_best_gives_top_level_everywhere_and_all_worst_gives_zero() {
    let q = Questionnaire::builtin();
    let best = score(q, &common::all_best(q));
    assert!(best.gates.is_empty());
    assert!(best.domains.iter().all(|d| d.level == 4));
    assert_eq!(best.overall, 4.0);
    let worst = score(q, &common::all_worst(q));
    assert!(worst.domains.iter().all(|d| d.level == 0));
    assert_eq!(worst.overall, 0.0);
}
