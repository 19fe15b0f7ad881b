//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use vendor_readiness::answers::{AnswerValue, Answers};
use vendor_readiness::questionnaire::Questionnaire;

/// The small questionnaire used to pin down scoring rules independent of content.
pub fn mini() -> Questionnaire {
    Questionnaire::from_json(include_str!("../fixtures/mini-questionnaire.json"))
        .expect("mini fixture is valid")
}

/// Answers from `(id, value)` pairs; values are JSON (`"yes"`, `3`, `"n/a"`).
pub fn answers(pairs: &[(&str, serde_json::Value)]) -> Answers {
    let mut a = Answers::default();
    for (id, v) in pairs {
        let value: AnswerValue = serde_json::from_value(v.clone()).unwrap();
        a.set_value(id, Some(value));
    }
    a
}

/// Every question answered with its best value.
pub fn all_best(q: &Questionnaire) -> Answers {
    let mut a = Answers::default();
    for question in q.questions() {
        a.set_value(&question.id, Some(question.answer.best()));
    }
    a
}

/// Every question answered with its worst value.
pub fn all_worst(q: &Questionnaire) -> Answers {
    let mut a = Answers::default();
    for question in q.questions() {
        a.set_value(&question.id, Some(question.answer.worst()));
    }
    a
}
