//! The built-in questionnaire's data file, published next to the page: `dist/` carries a
//! copy of `data/questionnaire.json`, named by the build after its content
//! (`questionnaire-<16 hex>.json`, written into `index.html` by `scripts/post_build.py`,
//! like the worker's and the buyer module's names). The page's module leaves out of its
//! first load what the question cards show only once a vendor reaches them: the
//! references (11 KB of gzip, for the "References" disclosures) and each question's
//! "why" and "partly" texts (12 KB). It reads them from this file after its first render,
//! with the file's SHA-256 as the fetch's Subresource Integrity, and checks they are this
//! questionnaire's before any card shows them.

use std::collections::HashMap;
use std::rc::Rc;

use serde::Deserialize;

use super::model::{Question, Questionnaire, Reference};

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
    /// The domains, for their questions' explanations.
    pub domains: Vec<PublishedDomain>,
}

/// A domain of the data file, as far as the page reads it.
#[derive(Debug, Deserialize)]
pub struct PublishedDomain {
    /// Its questions.
    pub questions: Vec<PublishedQuestion>,
}

/// A question of the data file, as far as the page reads it.
#[derive(Debug, Deserialize)]
pub struct PublishedQuestion {
    /// The question's id.
    pub id: String,
    /// Why it matters.
    pub why: String,
    /// What "partly" means for it, if it has that answer.
    #[serde(default)]
    pub partly: Option<String>,
}

/// A question's explanations, as its card shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// Why the question matters.
    pub why: String,
    /// What "partly" means for it, if it has that answer.
    pub partly: Option<String>,
}

/// What the page reads from the data file, shown to be this questionnaire's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Published {
    /// The references the questions cite.
    pub references: Vec<Reference>,
    /// Each question's explanations, by question id.
    pub explanations: HashMap<String, Explanation>,
}

/// Why the published data cannot give the page its references and explanations.
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
    /// A question of this questionnaire is not in the file.
    #[error("the file lacks question {0}")]
    MissingQuestion(String),
}

impl PublishedData {
    /// The references and the explanations, once the file is shown to be
    /// `questionnaire`'s: the same id and version, every reference a question cites
    /// present, and every question.
    pub fn published_for(self, questionnaire: &Questionnaire) -> Result<Published, PublishedError> {
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
        let explanations: HashMap<String, Explanation> = (self.domains.into_iter())
            .flat_map(|d| d.questions)
            .map(|q| {
                let explanation = Explanation {
                    why: q.why,
                    partly: q.partly,
                };
                (q.id, explanation)
            })
            .collect();
        if let Some(missing) = questionnaire
            .questions()
            .find(|q| !explanations.contains_key(&*q.id))
        {
            return Err(PublishedError::MissingQuestion(missing.id.to_string()));
        }
        Ok(Published {
            references: self.references,
            explanations,
        })
    }
}

/// Where the page's references and explanations are (the vendor session holds it).
#[derive(Debug, Clone, Default)]
pub enum PublishedState {
    /// Not fetched yet, or being fetched.
    #[default]
    Loading,
    /// Fetched and shown to be this questionnaire's.
    Ready(Rc<Published>),
    /// Not available, and why.
    Failed(String),
}

impl PublishedState {
    /// A question's "why" and "partly" texts: those the question carries in a module
    /// that has them ([`super::use_explanations`]), else the fetched file's; `None` while
    /// the page's module has not read them (yet).
    pub fn explanation<'a>(&'a self, question: &'a Question) -> Option<(&'a str, Option<&'a str>)> {
        if !question.why.is_empty() {
            return Some((&question.why, question.partly.as_deref()));
        }
        match self {
            PublishedState::Ready(published) => published
                .explanations
                .get(&*question.id)
                .map(|e| (e.why.as_str(), e.partly.as_deref())),
            _ => None,
        }
    }
}

// By identity for a fetched list: sessions are compared on every render, and a fetched
// list is never changed in place.
impl PartialEq for PublishedState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Loading, Self::Loading) => true,
            (Self::Ready(a), Self::Ready(b)) => Rc::ptr_eq(a, b),
            (Self::Failed(a), Self::Failed(b)) => a == b,
            _ => false,
        }
    }
}
