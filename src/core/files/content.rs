//! Checks shared by score and answers files: which questionnaire they answer (and the
//! migration of older versions), every answer against its question, and the text rules
//! on every string an assessment carries.

use std::cmp::Ordering;

use super::error::FileError;
use super::score_file::{QuestionnaireRef, MAX_EVIDENCE};
use crate::core::answers::{AnswerValue, Answers};
use crate::core::assessment::VendorProfile;
use crate::core::questionnaire::{parse_version, AnswerSpec, Questionnaire};
use crate::core::text::{self, check_text};

/// `Some(old version)` when the file answers an older version of this questionnaire,
/// `None` when it answers this one.
pub fn check_questionnaire(
    r: &QuestionnaireRef,
    q: &Questionnaire,
) -> Result<Option<String>, FileError> {
    if r.id != q.id {
        return Err(FileError::OtherQuestionnaire {
            found: r.id.clone(),
            expected: q.id.clone(),
        });
    }
    let order = parse_version(&r.version)
        .zip(parse_version(&q.version))
        .map(|(a, b)| a.cmp(&b));
    match order {
        None => Err(FileError::Malformed(format!(
            "questionnaire version {:?} is not MAJOR.MINOR.PATCH",
            r.version
        ))),
        Some(Ordering::Greater) => Err(FileError::NewerQuestionnaire {
            found: r.version.clone(),
            known: q.version.clone(),
        }),
        Some(Ordering::Equal) if r.digest != q.digest() => Err(FileError::QuestionnaireDigest {
            version: r.version.clone(),
        }),
        Some(Ordering::Equal) => Ok(None),
        Some(Ordering::Less) => Ok(Some(r.version.clone())),
    }
}

/// Maps old ids to current ones through the rename map (for older files only).
pub fn migrate(answers: &Answers, q: &Questionnaire, older: bool) -> Result<Answers, FileError> {
    if !older {
        return Ok(answers.clone());
    }
    let mut out = Answers::default();
    for (id, entry) in &answers.0 {
        let current = q.current_id(id).to_owned();
        if out.0.insert(current.clone(), entry.clone()).is_some() {
            return Err(FileError::InvalidAnswer {
                question: current,
                reason: "answered twice under old and new ids".into(),
            });
        }
    }
    Ok(out)
}

/// Checks every answer and every string of an assessment: the rules a buyer's verifier
/// applies, so the page runs them before it seals a file too.
pub fn check_assessment(
    profile: &VendorProfile,
    answers: &Answers,
    q: &Questionnaire,
) -> Result<(), FileError> {
    for (field, value) in profile.fields() {
        check_text(&format!("profile {}", field.label()), value)?;
    }
    for (id, entry) in &answers.0 {
        let question = q
            .question(id)
            .ok_or_else(|| FileError::UnknownQuestion(id.clone()))?;
        if let Some(value) = &entry.value {
            check_value(&question.answer, question.allow_na, value).map_err(|reason| {
                FileError::InvalidAnswer {
                    question: id.clone(),
                    reason,
                }
            })?;
        }
        check_text(&format!("notes of {id}"), &entry.notes)?;
        let field = format!("evidence of {id}");
        if entry.evidence.len() > MAX_EVIDENCE {
            return Err(text::TextError::TooLong { field }.into());
        }
        for ev in &entry.evidence {
            check_text(&field, &ev.label)?;
            check_text(&field, ev.url.as_deref().unwrap_or_default())?;
            if let Some(f) = &ev.file {
                check_text(&field, &f.name)?;
                if !text::is_sha256_hex(&f.sha256) {
                    return Err(FileError::Malformed(format!(
                        "{field}: sha256 is not 64 lower-case hex digits"
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
