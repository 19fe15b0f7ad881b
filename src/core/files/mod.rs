//! The files the app and the CLI read and write. Every file read goes through
//! [`untrusted`] first (limits before parsing, duplicate keys, depth, format and version);
//! each format then declares only its types and its own checks:
//! [`score_file`] (score and answers files), [`key_file`], [`profile_file`].
//! Verifying a score file is [`crate::core::verify`].

pub mod content;
pub mod error;
pub mod key_file;
pub mod profile_file;
pub mod score_file;
pub mod untrusted;

pub use error::FileError;

use crate::core::assessment::Assessment;
use crate::core::questionnaire::Questionnaire;
use crate::core::verify::{self, VerifiedScore};
use score_file::{AnswersFile, ANSWERS_FORMAT, KIND};

/// Any file a vendor can open: a score file (verified) or an answers file.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// A score file.
    Score(Box<VerifiedScore>),
    /// An answers file (migrated to current ids).
    Answers(Box<AnswersFile>),
}

impl Loaded {
    /// The assessment the file holds, to continue work on it.
    pub fn into_assessment(self) -> Assessment {
        match self {
            Loaded::Answers(f) => Assessment {
                profile: f.profile,
                answers: f.answers,
            },
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
    verify::verify_document(doc.value, q)
        .map(|v| Loaded::Score(Box::new(v)))
        .map_err(FileError::printable)
}

fn load_answers(value: serde_json::Value, q: &Questionnaire) -> Result<AnswersFile, FileError> {
    let mut file: AnswersFile = untrusted::decode(value)?;
    let migrated_from = content::check_questionnaire(&file.questionnaire, q)?;
    file.answers = content::migrate(&file.answers, q, migrated_from.is_some())?;
    content::check_assessment(&file.profile, &file.answers, q)?;
    Ok(file)
}
