//! Checks shared by score and answers files: which questionnaire they answer (and the
//! migration of older versions), every answer against its question, and the text rules
//! on every string an assessment carries.

use std::cmp::Ordering;

use super::error::FileError;
use super::score_file::{QuestionnaireRef, MAX_EVIDENCE};
use crate::core::answers::{AnswerValue, Answers};
use crate::core::assessment::VendorProfile;
use crate::core::questionnaire::migration::{self, MigrationError, MigrationReport};
use crate::core::questionnaire::{history, parse_version, AnswerSpec, Questionnaire};
use crate::core::text::{self, check_text_in};

/// A file's answers brought to the current questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    /// The answers migrated, when the file answers an older version; `None` when it
    /// answers the current one, whose answers stand as they are.
    pub answers: Option<Answers>,
    /// What migration did, for a file that answers an older version.
    pub migration: Option<MigrationReport>,
    /// The older version the file answers, as this build keeps it.
    pub original: Option<&'static Questionnaire>,
}

/// Checks which questionnaire a file answers and brings its answers to `q`:
/// - another questionnaire, a newer version, or a version this build has no record of is
///   refused;
/// - a version whose digest is not that version's is refused;
/// - answers are checked in the terms of the version they answer, then migrated and
///   checked again against `q`.
pub fn bring_current(
    r: &QuestionnaireRef,
    profile: &VendorProfile,
    answers: &Answers,
    q: &Questionnaire,
) -> Result<Current, FileError> {
    if r.id != q.id {
        return Err(FileError::OtherQuestionnaire {
            found: r.id.clone(),
            expected: q.id.to_string(),
        });
    }
    let order = parse_version(&r.version)
        .zip(parse_version(&q.version))
        .map(|(a, b)| a.cmp(&b));
    let original = match order {
        None => {
            return Err(FileError::Malformed(format!(
                "questionnaire version {:?} is not MAJOR.MINOR.PATCH",
                r.version
            )))
        }
        Some(Ordering::Greater) => {
            return Err(FileError::NewerQuestionnaire {
                found: r.version.clone(),
                known: q.version.to_string(),
            })
        }
        Some(Ordering::Equal) => None,
        Some(Ordering::Less) => Some(history::historic(&r.id, &r.version).ok_or_else(|| {
            FileError::UnknownQuestionnaireVersion {
                found: r.version.clone(),
                known: q.version.to_string(),
            }
        })?),
    };
    let version = original.unwrap_or(q);
    if r.digest != version.digest() {
        return Err(FileError::QuestionnaireDigest {
            version: r.version.clone(),
        });
    }
    check_assessment(profile, answers, version)?;
    if r.version == q.version {
        // Nothing to migrate, and the answers were just checked against `q`.
        return Ok(Current {
            answers: None,
            migration: None,
            original,
        });
    }
    let (answers, migration) = migration::migrate(answers, &r.version, q).map_err(|e| match e {
        MigrationError::NoPath(found) => FileError::UnknownQuestionnaireVersion {
            found,
            known: q.version.to_string(),
        },
        MigrationError::Conflict(question) => FileError::InvalidAnswer {
            question,
            reason: "answered twice under old and new ids".into(),
        },
    })?;
    check_assessment(profile, &answers, q)?;
    Ok(Current {
        answers: Some(answers),
        migration,
        original,
    })
}

/// Checks every answer and every string of an assessment: the rules a buyer's verifier
/// applies, so the page runs them before it seals a file too.
pub fn check_assessment(
    profile: &VendorProfile,
    answers: &Answers,
    q: &Questionnaire,
) -> Result<(), FileError> {
    for (field, value) in profile.fields() {
        check_text_in(value, || format!("profile {}", field.label()))?;
    }
    for (id, entry) in &answers.0 {
        let invalid = |reason: String| FileError::InvalidAnswer {
            question: id.clone(),
            reason,
        };
        match (q.question(id), q.context_question(id)) {
            (Some(question), _) => {
                if let Some(value) = &entry.value {
                    check_value(&question.answer, question.allow_na, value).map_err(invalid)?;
                }
            }
            (None, Some(context)) => match &entry.value {
                None => {}
                Some(AnswerValue::Choice(c)) if context.options.iter().any(|o| &o.id == c) => {}
                Some(v) => {
                    return Err(invalid(format!(
                        "{:?} is not one of the allowed answers",
                        text::printable(&v.to_string())
                    )))
                }
            },
            (None, None) => return Err(FileError::UnknownQuestion(id.clone())),
        }
        check_text_in(&entry.notes, || format!("notes of {id}"))?;
        let field = || format!("evidence of {id}");
        if entry.evidence.len() > MAX_EVIDENCE {
            return Err(text::TextError::TooLong { field: field() }.into());
        }
        for ev in &entry.evidence {
            check_text_in(&ev.label, field)?;
            check_text_in(ev.url.as_deref().unwrap_or_default(), field)?;
            if let Some(f) = &ev.file {
                check_text_in(&f.name, field)?;
                if !text::is_sha256_hex(&f.sha256) {
                    return Err(FileError::Malformed(format!(
                        "{}: sha256 is not 64 lower-case hex digits",
                        field()
                    )));
                }
            }
        }
    }
    Ok(())
}

fn check_value(spec: &AnswerSpec, allow_na: bool, value: &AnswerValue) -> Result<(), String> {
    match value {
        AnswerValue::NotApplicable if allow_na => Ok(()),
        AnswerValue::NotApplicable => Err("\"n/a\" is not allowed for this question".into()),
        AnswerValue::Number(n) if !n.is_finite() => Err("number is not finite".into()),
        v => spec.credit(v).map(|_| ()).ok_or_else(|| {
            format!(
                "{:?} is not one of the allowed answers or is out of range",
                text::printable(&v.to_string())
            )
        }),
    }
}
