//! The built-in questionnaire's data file, published next to the page: `dist/` carries a
//! copy of `data/questionnaire.json`, named by the build after its content
//! (`questionnaire-<16 hex>.json`, written into `index.html` by `scripts/post_build.py`,
//! like the worker's and the buyer module's names). The page's module leaves the
//! references out of its first load (11 KB of gzip that only the question cards'
//! "References" disclosures show) and reads them from this file after its first render,
//! with the file's SHA-256 as the fetch's Subresource Integrity, and checks they are this
//! questionnaire's before any card shows them.

use std::rc::Rc;

use serde::Deserialize;

use super::model::{Questionnaire, Reference};

include!(concat!(env!("OUT_DIR"), "/builtin_file.rs"));

/// The data file's SHA-256 in Subresource Integrity form, for the fetch: a copy that is
/// not byte for byte the one this build was made from is refused by the browser.
pub fn integrity() -> &'static str {
    BUILTIN_FILE_INTEGRITY
}

/// The parts of the data file the page reads; everything else in it is skipped.
#[derive(Debug, Deserialize)]
pub struct PublishedData {
    /// The questionnaire's id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// The references its questions cite.
    pub references: Vec<Reference>,
}

/// Why the published data cannot give the page its references.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublishedError {
    /// The file is another questionnaire or another version of it.
    #[error("the file holds questionnaire {found}, not {expected}")]
    OtherQuestionnaire {
        /// What this build is.
        expected: String,
        /// What the file says it is.
        found: String,
    },
    /// A question cites a reference the file does not have.
    #[error("the file lacks reference {0}, which question {1} cites")]
    MissingReference(String, String),
}

impl PublishedData {
    /// The references, once the file is shown to be `questionnaire`'s: the same id and
    /// version, and every reference a question cites present.
    pub fn references_for(
        self,
        questionnaire: &Questionnaire,
    ) -> Result<Vec<Reference>, PublishedError> {
        if self.id != *questionnaire.id || self.version != *questionnaire.version {
            return Err(PublishedError::OtherQuestionnaire {
                expected: format!("{} {}", questionnaire.id, questionnaire.version),
                found: format!("{} {}", self.id, self.version),
            });
        }
        for question in questionnaire.questions() {
            let absent = |id: &&super::model::Text| self.references.iter().all(|r| r.id != **id);
            if let Some(missing) = question.refs.iter().find(absent) {
                return Err(PublishedError::MissingReference(
                    missing.to_string(),
                    question.id.to_string(),
                ));
            }
        }
        Ok(self.references)
    }
}

/// Where the page's references are (the vendor session holds it).
#[derive(Debug, Clone, Default)]
pub enum ReferencesState {
    /// Not fetched yet, or being fetched.
    #[default]
    Loading,
    /// Fetched and shown to be this questionnaire's.
    Ready(Rc<Vec<Reference>>),
    /// Not available, and why.
    Failed(String),
}

// By identity for a fetched list: sessions are compared on every render, and a fetched
// list is never changed in place.
impl PartialEq for ReferencesState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Loading, Self::Loading) => true,
            (Self::Ready(a), Self::Ready(b)) => Rc::ptr_eq(a, b),
            (Self::Failed(a), Self::Failed(b)) => a == b,
            _ => false,
        }
    }
}
