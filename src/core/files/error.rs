//! Why a file cannot be used: one error type for every file the app and the CLI read.
//! Each message names what is wrong in plain words; text quoted from the file is escaped
//! and shortened ([`FileError::printable`]) before a message leaves the core.

use crate::core::text::{self, TextError};

/// Why a file cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FileError {
    /// Over the size limit of its kind.
    #[error("file is {size} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Size of the file.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Empty (or only white space).
    #[error("file is empty")]
    Empty,
    /// Not JSON, not UTF-8, or JSON with a repeated key.
    #[error("not a JSON file: {0}")]
    NotJson(String),
    /// Nested deeper than its kind allows.
    #[error("JSON is nested deeper than {0} levels")]
    TooDeep(usize),
    /// JSON, but not one of the formats expected here.
    #[error("not {expected} (format {found:?})")]
    UnknownFormat {
        /// The format found (empty when missing).
        found: String,
        /// What was expected, e.g. "a Vendor Security Readiness file".
        expected: &'static str,
    },
    /// A format version this build does not read.
    #[error("file format version {found} is not supported (this app reads version {supported})")]
    UnsupportedVersion {
        /// The version found, or "missing".
        found: String,
        /// The version this build reads.
        supported: u32,
    },
    /// Members missing, unknown or of the wrong type.
    #[error("file structure is invalid: {0}")]
    Malformed(String),
    /// Answers a different questionnaire.
    #[error("file answers questionnaire {found:?}, not {expected:?}")]
    OtherQuestionnaire {
        /// Id found.
        found: String,
        /// Id expected.
        expected: String,
    },
    /// Answers a newer questionnaire version than this build knows.
    #[error(
        "file answers questionnaire version {found}, newer than this app's {known}; update the app"
    )]
    NewerQuestionnaire {
        /// Version found.
        found: String,
        /// Version known.
        known: String,
    },
    /// Answers an older version this build has no migration from.
    #[error(
        "file answers questionnaire version {found}, which this app cannot migrate to {known}"
    )]
    UnknownQuestionnaireVersion {
        /// Version found.
        found: String,
        /// Version known.
        known: String,
    },
    /// Claims a version but with other content.
    #[error(
        "file claims questionnaire version {version} but its digest does not match that version's"
    )]
    QuestionnaireDigest {
        /// Version claimed.
        version: String,
    },
    /// Answers a question that does not exist.
    #[error("unknown question id {0:?}")]
    UnknownQuestion(String),
    /// An answer the question does not accept.
    #[error("answer to {question} is not allowed: {reason}")]
    InvalidAnswer {
        /// Question id.
        question: String,
        /// What is wrong.
        reason: String,
    },
    /// Unsafe or over-long text.
    #[error(transparent)]
    Text(#[from] TextError),
    /// A file of the right format that is not the kind wanted here, e.g. an answers file
    /// given where a sealed score file is needed.
    #[error("{0}")]
    WrongKind(&'static str),
}

impl FileError {
    /// The same error with every piece of text that came from the file escaped and
    /// shortened, so the message can be printed or rendered as it is.
    pub fn printable(self) -> FileError {
        let p = |s: String| text::quoted(&s);
        match self {
            FileError::NotJson(m) => FileError::NotJson(p(m)),
            FileError::UnknownFormat { found, expected } => FileError::UnknownFormat {
                found: p(found),
                expected,
            },
            FileError::UnsupportedVersion { found, supported } => FileError::UnsupportedVersion {
                found: p(found),
                supported,
            },
            FileError::Malformed(m) => FileError::Malformed(p(m)),
            FileError::OtherQuestionnaire { found, expected } => FileError::OtherQuestionnaire {
                found: p(found),
                expected,
            },
            FileError::NewerQuestionnaire { found, known } => FileError::NewerQuestionnaire {
                found: p(found),
                known,
            },
            FileError::UnknownQuestionnaireVersion { found, known } => {
                FileError::UnknownQuestionnaireVersion {
                    found: p(found),
                    known,
                }
            }
            FileError::QuestionnaireDigest { version } => FileError::QuestionnaireDigest {
                version: p(version),
            },
            FileError::UnknownQuestion(id) => FileError::UnknownQuestion(p(id)),
            FileError::InvalidAnswer { question, reason } => FileError::InvalidAnswer {
                question: p(question),
                reason: p(reason),
            },
            FileError::Text(TextError::Unsafe { field }) => {
                FileError::Text(TextError::Unsafe { field: p(field) })
            }
            FileError::Text(TextError::TooLong { field }) => {
                FileError::Text(TextError::TooLong { field: p(field) })
            }
            e @ (FileError::TooLarge { .. }
            | FileError::Empty
            | FileError::TooDeep(_)
            | FileError::WrongKind(_)) => e,
        }
    }
}
