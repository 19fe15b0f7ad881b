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

/// A minimal RFC 4180 reader: records of fields, CRLF line ends.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "CSV ends with a line end"
    );
    records
}
