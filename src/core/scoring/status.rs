//! The status of every question for one set of answers: out of scope for the vendor's
//! context, hidden, not applicable, unanswered, or answered with a credit. Levels ([`super`]) and gates
//! ([`super::gates`]) are both computed from these statuses.

use std::collections::HashMap;

use crate::core::answers::{AnswerValue, Answers};
use crate::core::questionnaire::Questionnaire;

/// How a question stands for scoring.
#[derive(Debug, Clone, PartialEq)]
pub enum QuestionStatus {
    /// The vendor's context (deployment model…) says it does not apply: not shown, left
    /// out of every count, and never holds a gate.
    OutOfScope,
    /// Its condition does not hold; it counts as not met.
    Hidden,
    /// Answered "not applicable" where that is allowed; left out of every count.
    NotApplicable,
    /// No answer yet (or an answer the question does not accept).
    Unanswered,
    /// Answered, earning this credit.
    Answered {
        /// 0..=1.
        credit: f64,
    },
}

impl QuestionStatus {
    /// Credit counted toward a level, `None` when the question is left out.
    pub fn credit(&self) -> Option<f64> {
        match self {
            QuestionStatus::NotApplicable | QuestionStatus::OutOfScope => None,
            QuestionStatus::Answered { credit } => Some(*credit),
            QuestionStatus::Hidden | QuestionStatus::Unanswered => Some(0.0),
        }
    }

    /// Whether the question is shown to the vendor (not hidden, not out of scope).
    pub fn is_shown(&self) -> bool {
        !matches!(self, QuestionStatus::Hidden | QuestionStatus::OutOfScope)
    }

    /// Whether the question is fully met.
    pub fn is_met(&self) -> bool {
        matches!(self, QuestionStatus::Answered { credit } if *credit >= 1.0)
    }
}

/// Status of every question, by id.
pub type Statuses = HashMap<String, QuestionStatus>;

/// Works out the status of every question; parents precede children in the data, so
/// one pass in order suffices.
pub fn evaluate(q: &Questionnaire, answers: &Answers) -> Statuses {
    let mut statuses = Statuses::with_capacity(q.questions().count());
    for question in q.questions() {
        let applies = question
            .applies_if
            .as_ref()
            .is_none_or(|a| a.holds(answers));
        let parent = question
            .show_if
            .as_ref()
            .and_then(|c| statuses.get(&*c.question));
        let visible = question.show_if.as_ref().is_none_or(|c| {
            parent
                .and_then(QuestionStatus::credit)
                .is_some_and(|credit| credit >= c.credit_at_least)
        });
        let status = if !applies || parent == Some(&QuestionStatus::OutOfScope) {
            QuestionStatus::OutOfScope
        } else if !visible {
            QuestionStatus::Hidden
        } else {
            match answers.value(&question.id) {
                None => QuestionStatus::Unanswered,
                Some(AnswerValue::NotApplicable) if question.allow_na => {
                    QuestionStatus::NotApplicable
                }
                Some(v) => match question.answer.credit(v) {
                    Some(credit) => QuestionStatus::Answered { credit },
                    None => QuestionStatus::Unanswered,
                },
            }
        };
        statuses.insert(question.id.to_string(), status);
    }
    statuses
}
