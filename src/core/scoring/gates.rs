//! Critical gates: answers that cap a domain's level, or the overall score, whatever else
//! is answered. The gates themselves are data (`gates` in the questionnaire); this
//! module is the one place that decides when one fires and what it caps.

use serde::{Deserialize, Serialize};

use super::status::{QuestionStatus, Statuses};
use crate::core::answers::Answers;
use crate::core::questionnaire::{Gate, Questionnaire};

/// A gate that fired, and the questions that made it fire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiredGate {
    /// The gate id.
    pub gate: String,
    /// The trigger questions that hold (worse than required, unanswered, N/A or hidden).
    pub triggered_by: Vec<String>,
    /// True when every trigger is merely unanswered: answering may clear it.
    pub pending: bool,
}

/// Whether a trigger holds for a question status. N/A never passes a gate; a question
/// out of scope for the vendor's context never holds one.
fn trigger_holds(status: Option<&QuestionStatus>, credit_below: f64) -> bool {
    match status {
        Some(QuestionStatus::Answered { credit }) => *credit < credit_below,
        Some(QuestionStatus::OutOfScope) => false,
        _ => true,
    }
}

/// Whether a gate applies to the vendor's context ([`Applicability::holds`]).
///
/// [`Applicability::holds`]: crate::core::questionnaire::Applicability::holds
pub fn applies(g: &Gate, answers: &Answers) -> bool {
    g.applies_if.as_ref().is_none_or(|a| a.holds(answers))
}

/// The gates that fire for these answers and their statuses, in questionnaire order. A
/// gate whose `applies_if` excludes the vendor's context never fires.
pub fn fired(q: &Questionnaire, answers: &Answers, statuses: &Statuses) -> Vec<FiredGate> {
    q.gates
        .iter()
        .filter(|g| applies(g, answers))
        .filter_map(|g| {
            let triggered_by: Vec<String> = g
                .fires_if_any
                .iter()
                .filter(|t| trigger_holds(statuses.get(&*t.question), t.credit_below))
                .map(|t| t.question.to_string())
                .collect();
            if triggered_by.is_empty() {
                return None;
            }
            let pending = triggered_by.iter().all(|id| {
                matches!(
                    statuses.get(id.as_str()),
                    Some(QuestionStatus::Unanswered) | None
                )
            });
            Some(FiredGate {
                gate: g.id.to_string(),
                triggered_by,
                pending,
            })
        })
        .collect()
}

fn gates_of<'q>(q: &'q Questionnaire, fired: &'q [FiredGate]) -> impl Iterator<Item = &'q Gate> {
    fired.iter().filter_map(move |f| q.gate(&f.gate))
}

/// The lowest cap on a domain among fired gates, with the gates that impose it.
pub fn domain_cap(
    q: &Questionnaire,
    fired: &[FiredGate],
    domain: &str,
) -> Option<(u8, Vec<String>)> {
    let caps: Vec<(u8, &str)> = gates_of(q, fired)
        .filter_map(|g| g.domain_caps.get(domain).map(|c| (*c, &*g.id)))
        .collect();
    let min = caps.iter().map(|(c, _)| *c).min()?;
    Some((
        min,
        caps.iter()
            .filter(|(c, _)| *c == min)
            .map(|(_, id)| id.to_string())
            .collect(),
    ))
}

/// The gates that keep a domain below `level`, strongest first.
pub fn gates_blocking(
    q: &Questionnaire,
    fired: &[FiredGate],
    domain: &str,
    level: u8,
) -> Vec<String> {
    gates_of(q, fired)
        .filter(|g| g.domain_caps.get(domain).is_some_and(|c| *c < level))
        .map(|g| g.id.to_string())
        .collect()
}

/// The lowest overall cap among fired gates.
pub fn overall_cap(q: &Questionnaire, fired: &[FiredGate]) -> Option<u8> {
    gates_of(q, fired).filter_map(|g| g.overall_max).min()
}
