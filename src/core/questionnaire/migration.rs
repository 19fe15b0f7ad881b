//! Migration of answers to an older questionnaire version onto the current one, by the
//! rules in the data (`migrations`, see `docs/questionnaire-format.md`), with an account
//! of everything that happened to the file's answers ([`MigrationReport`]).
//!
//! Migration never touches the file's bytes: digests and signatures are checked over the
//! file as it stands before this runs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Keep, MigrationRule, Questionnaire};
use crate::core::answers::{AnswerEntry, AnswerValue, Answers, NOT_APPLICABLE};

/// Most evidence entries a merged answer keeps (the file limit).
pub const MAX_MERGED_EVIDENCE: usize = 50;

/// Why answers cannot be migrated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    /// No migration leads from the file's version to the current one.
    #[error("no migration leads from questionnaire version {0}")]
    NoPath(String),
    /// Two answers land on the same question.
    #[error("{0} is answered twice (under old and new ids)")]
    Conflict(String),
}

/// What migration did to one file's answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationReport {
    /// The version the file answers.
    pub from: String,
    /// The version it was migrated to.
    pub to: String,
    /// Answers moved to a new id: (old, new).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed: Vec<(String, String)>,
    /// Answers whose value was mapped to a new option of the same or a new question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remapped: Vec<String>,
    /// Several old answers folded into one question: (old ids, new id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<(Vec<String>, String)>,
    /// New questions answered from an old answer: (old, new).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived: Vec<(String, String)>,
    /// Old answers removed, with the reason: (old id, reason).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<(String, String)>,
    /// Questions whose old value no longer fits: the value was cleared (notes and
    /// evidence kept) and the question needs a new answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs_answer: Vec<String>,
    /// Questions new in this version and not answered, in questionnaire order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_questions: Vec<String>,
    /// Those of `new_questions` and `needs_answer` that trigger a gate: until answered,
    /// the gate stays pending and caps the score.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gate_questions: Vec<String>,
}

impl MigrationReport {
    /// One line for the vendor and the buyer: "migrated from 1.0.0: 2 answers renamed, …,
    /// 6 new questions to answer".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let mut count = |n: usize, one: &str, many: &str| {
            if n > 0 {
                parts.push(format!("{n} {}", if n == 1 { one } else { many }));
            }
        };
        count(self.renamed.len(), "answer renamed", "answers renamed");
        count(
            self.remapped.len(),
            "answer mapped to new options",
            "answers mapped to new options",
        );
        count(
            self.merged.len(),
            "set of answers merged",
            "sets of answers merged",
        );
        count(
            self.derived.len(),
            "new question answered from an old answer",
            "new questions answered from old answers",
        );
        count(self.dropped.len(), "answer dropped", "answers dropped");
        count(
            self.needs_answer.len(),
            "answer to give again",
            "answers to give again",
        );
        count(
            self.new_questions.len(),
            "new question to answer",
            "new questions to answer",
        );
        let mut text = format!("migrated from questionnaire {} to {}", self.from, self.to);
        if parts.is_empty() {
            text.push_str(": nothing changed");
        } else {
            text.push_str(": ");
            text.push_str(&parts.join(", "));
        }
        if !self.gate_questions.is_empty() {
            text.push_str(&format!(
                " ({} of them keep a gate pending until answered: {})",
                self.gate_questions.len(),
                self.gate_questions.join(", ")
            ));
        }
        text
    }
}

fn map_value(value: &AnswerValue, values: &BTreeMap<String, String>) -> Option<AnswerValue> {
    let key = match value {
        AnswerValue::NotApplicable => NOT_APPLICABLE.to_owned(),
        AnswerValue::Choice(c) => c.clone(),
        AnswerValue::Number(_) => return None,
    };
    values.get(&key).map(|v| {
        if v == NOT_APPLICABLE {
            AnswerValue::NotApplicable
        } else {
            AnswerValue::Choice(v.clone())
        }
    })
}

fn insert(out: &mut Answers, id: &str, entry: AnswerEntry) -> Result<(), MigrationError> {
    if out.0.insert(id.to_owned(), entry).is_some() {
        return Err(MigrationError::Conflict(id.to_owned()));
    }
    Ok(())
}

/// Migrates answers to version `from` onto `q`, following the chain of migrations.
/// Answers to the current version are returned unchanged with no report.
pub fn migrate(
    answers: &Answers,
    from: &str,
    q: &Questionnaire,
) -> Result<(Answers, Option<MigrationReport>), MigrationError> {
    if from == q.version {
        return Ok((answers.clone(), None));
    }
    let mut report = MigrationReport {
        from: from.to_owned(),
        to: q.version.to_string(),
        ..Default::default()
    };
    let mut current = answers.clone();
    let mut version = from.to_owned();
    let mut added = Vec::new();
    while version != q.version {
        let step = q
            .migrations()
            .iter()
            .find(|m| m.from == version)
            .ok_or_else(|| MigrationError::NoPath(from.to_owned()))?;
        current = apply_step(&current, &step.rules, q, &mut report)?;
        added.extend(step.added.iter().cloned());
        version = step.to.clone();
    }
    // Values that no longer fit the current questions are cleared, never guessed.
    for (id, entry) in current.0.iter_mut() {
        let fits = match (&entry.value, q.question(id)) {
            (None, _) => true,
            (Some(AnswerValue::NotApplicable), Some(qu)) => qu.allow_na,
            (Some(v), Some(qu)) => qu.answer.credit(v).is_some(),
            (Some(AnswerValue::Choice(c)), None) => q
                .context_question(id)
                .is_none_or(|cq| cq.options.iter().any(|o| &o.id == c)),
            (Some(_), None) => q.context_question(id).is_none(),
        };
        if !fits {
            entry.value = None;
            report.needs_answer.push(id.clone());
        }
    }
    current.prune();
    report.new_questions = q
        .questions()
        .filter(|qu| added.iter().any(|a| *a == qu.id) && current.value(&qu.id).is_none())
        .map(|qu| qu.id.to_string())
        .collect();
    report.gate_questions = q
        .questions()
        .filter(|qu| {
            report.new_questions.iter().any(|n| *n == qu.id)
                || report.needs_answer.iter().any(|n| *n == qu.id)
        })
        .filter(|qu| {
            q.gates
                .iter()
                .any(|g| g.fires_if_any.iter().any(|t| t.question == qu.id))
        })
        .map(|qu| qu.id.to_string())
        .collect();
    Ok((current, Some(report)))
}

fn apply_step(
    answers: &Answers,
    rules: &[MigrationRule],
    q: &Questionnaire,
    report: &mut MigrationReport,
) -> Result<Answers, MigrationError> {
    let mut rest = answers.0.clone();
    let mut out = Answers::default();
    let credit = |id: &str, v: &AnswerValue| {
        q.question(id)
            .and_then(|qu| qu.answer.credit(v))
            .unwrap_or(0.0)
    };
    for rule in rules {
        match rule {
            MigrationRule::Rename { from, to, values } => {
                let Some(mut entry) = rest.remove(from) else {
                    continue;
                };
                if let Some(mapped) = entry.value.as_ref().and_then(|v| map_value(v, values)) {
                    entry.value = Some(mapped);
                    report.remapped.push(to.clone());
                }
                if from != to {
                    report.renamed.push((from.clone(), to.clone()));
                }
                insert(&mut out, to, entry)?;
            }
            MigrationRule::Merge {
                from,
                to,
                values,
                keep,
            } => {
                let found: Vec<(&String, AnswerEntry)> = from
                    .iter()
                    .filter_map(|id| rest.remove(id).map(|e| (id, e)))
                    .collect();
                if found.is_empty() {
                    continue;
                }
                let value_of = |e: &AnswerEntry| {
                    e.value
                        .as_ref()
                        .map(|v| map_value(v, values).unwrap_or_else(|| v.clone()))
                };
                let candidates = found.iter().filter_map(|(_, e)| value_of(e));
                let value = match keep {
                    Keep::Lowest => {
                        candidates.min_by(|a, b| credit(to, a).total_cmp(&credit(to, b)))
                    }
                    Keep::Highest => {
                        candidates.max_by(|a, b| credit(to, a).total_cmp(&credit(to, b)))
                    }
                };
                let with_notes: Vec<_> =
                    found.iter().filter(|(_, e)| !e.notes.is_empty()).collect();
                let notes = match with_notes.as_slice() {
                    [] => String::new(),
                    [(_, e)] => e.notes.clone(),
                    many => many
                        .iter()
                        .map(|(id, e)| format!("[from {id}] {}", e.notes))
                        .collect::<Vec<_>>()
                        .join("\n\n"),
                };
                let mut evidence = Vec::new();
                for ev in found.iter().flat_map(|(_, e)| e.evidence.iter()) {
                    if !evidence.contains(ev) && evidence.len() < MAX_MERGED_EVIDENCE {
                        evidence.push(ev.clone());
                    }
                }
                report.merged.push((
                    found.iter().map(|(id, _)| (*id).clone()).collect(),
                    to.clone(),
                ));
                insert(
                    &mut out,
                    to,
                    AnswerEntry {
                        value,
                        notes,
                        evidence,
                    },
                )?;
            }
            MigrationRule::Drop { from, reason } => {
                if rest.remove(from).is_some() {
                    report.dropped.push((from.clone(), reason.clone()));
                }
            }
            MigrationRule::Derive { .. } => {}
        }
    }
    for (id, entry) in rest {
        insert(&mut out, &id, entry)?;
    }
    // Derived answers read the file's own answers, and never overwrite one it gave.
    for rule in rules {
        if let MigrationRule::Derive { from, to, values } = rule {
            let mapped = answers.value(from).and_then(|v| map_value(v, values));
            if let (Some(value), true) = (mapped, out.value(to).is_none()) {
                out.entry_mut(to).value = Some(value);
                report.derived.push((from.clone(), to.clone()));
            }
        }
    }
    Ok(out)
}
