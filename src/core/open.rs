//! Opening any file a vendor keeps: a score file (verified, [`crate::core::verify`]) or an
//! answers file, each brought to the current questionnaire. Above both [`crate::core::files`]
//! (the formats) and [`crate::core::verify`], so neither depends on the other.

use crate::core::assessment::Assessment;
use crate::core::files::score_file::{AnswersFile, ANSWERS_FORMAT, KIND};
use crate::core::files::{content, untrusted, FileError};
use crate::core::questionnaire::migration::MigrationReport;
use crate::core::questionnaire::Questionnaire;
use crate::core::verify::{self, VerifiedScore};

/// Any file a vendor can open: a score file (verified) or an answers file.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// A score file.
    Score(Box<VerifiedScore>),
    /// An answers file (migrated to current ids).
    Answers(Box<LoadedAnswers>),
}

impl Loaded {
    /// What migration did, when the file answers an older version.
    pub fn migration(&self) -> Option<&MigrationReport> {
        match self {
            Loaded::Answers(a) => a.migration.as_ref(),
            Loaded::Score(v) => v.migration.as_ref(),
        }
    }

    /// The assessment the file holds, to continue work on it.
    pub fn into_assessment(self) -> Assessment {
        match self {
            Loaded::Answers(a) => a.file.into_assessment(),
            Loaded::Score(v) => Assessment {
                profile: v.content.profile,
                answers: v.content.answers,
            },
        }
    }
}

/// Reads, checks and re-scores a score or answers file. A score file whose digest or
/// signature fails still loads, flagged; anything that cannot be trusted to parse is
/// refused with a [`FileError`] whose file text is escaped.
pub fn load(bytes: &[u8], q: &Questionnaire) -> Result<Loaded, FileError> {
    let doc = untrusted::read(bytes, &KIND).map_err(FileError::printable)?;
    if doc.format == ANSWERS_FORMAT {
        return load_answers(doc.value, q)
            .map(|f| Loaded::Answers(Box::new(f)))
            .map_err(FileError::printable);
    }
    verify::verify_document(doc.value, bytes.len(), q)
        .map(|v| Loaded::Score(Box::new(v)))
        .map_err(FileError::printable)
}

fn load_answers(value: serde_json::Value, q: &Questionnaire) -> Result<LoadedAnswers, FileError> {
    let mut file: AnswersFile = untrusted::decode(value)?;
    let current = content::bring_current(&file.questionnaire, &file.profile, &file.answers, q)?;
    if let Some(migrated) = current.answers {
        file.answers = migrated;
    }
    Ok(LoadedAnswers {
        file,
        migration: current.migration,
    })
}

/// An answers file as loaded: its answers brought to the current questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedAnswers {
    /// The file, answers migrated to current ids.
    pub file: AnswersFile,
    /// What migration did, when the file answers an older version.
    pub migration: Option<MigrationReport>,
}
