//! The buyer's evidence check: the evidence files a vendor sent, hashed on the buyer's
//! machine, matched against the local-file evidence a verified score file records.
//!
//! A given file **matches** when its SHA-256 is one the score file records (whatever its
//! name now is); it has **different content** when its name is one the score file records
//! (ignoring case) but no recorded hash is its; otherwise it is **not referenced**. Entries
//! no given file matches by hash are **still missing**. Hashing is done by the caller
//! ([`crate::core::integrity::StreamingSha256`]); nothing here reads a file.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::core::answers::{Answers, FileEvidence};
use crate::core::questionnaire::Questionnaire;
use crate::core::text::printable;
use crate::core::verify::VerifiedScore;

/// A file the buyer has, as the page or the CLI hashed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GivenFile {
    /// Its name (no folder).
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Lower-case hex SHA-256 of its bytes.
    pub sha256: String,
}

impl GivenFile {
    /// Its size and hash as the page and the CLI show them: `45 bytes, sha256 …`.
    pub fn content_text(&self) -> String {
        content_text(self.size, &self.sha256)
    }
}

fn content_text(size: u64, sha256: &str) -> String {
    format!("{size} bytes, sha256 {sha256}")
}

impl From<FileEvidence> for GivenFile {
    fn from(f: FileEvidence) -> Self {
        GivenFile {
            name: f.name,
            size: f.size,
            sha256: f.sha256,
        }
    }
}

/// One place a score file records a local evidence file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The question the evidence is attached to.
    pub question: String,
    /// The evidence's label.
    pub label: String,
    /// The file name the vendor recorded there.
    pub name: String,
}

/// A file the score file records, with every question that cites it (one file may be
/// cited by several questions, under several names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedFile {
    /// Lower-case hex SHA-256 recorded.
    pub sha256: String,
    /// Size recorded, in bytes (as first recorded).
    pub size: u64,
    /// Every citation, in questionnaire order.
    pub references: Vec<Reference>,
}

impl RecordedFile {
    /// The distinct names it is recorded under, in order of first citation.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for r in &self.references {
            if !names.contains(&r.name.as_str()) {
                names.push(&r.name);
            }
        }
        names
    }

    /// Its names, each quoted (control characters escaped), joined by "or":
    /// `"sbom.json" or "SBOM 5.2.json"`.
    pub fn names_text(&self) -> String {
        self.names()
            .iter()
            .map(|n| format!("\"{}\"", printable(n)))
            .collect::<Vec<_>>()
            .join(" or ")
    }

    /// Its size and hash as the page and the CLI show them: `45 bytes, sha256 …`.
    pub fn content_text(&self) -> String {
        content_text(self.size, &self.sha256)
    }

    /// The questions that cite it, each once, in questionnaire order.
    pub fn questions(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for r in &self.references {
            if !ids.contains(&r.question.as_str()) {
                ids.push(&r.question);
            }
        }
        ids
    }
}

/// What one given file is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Its content is a file the score file records.
    Match {
        /// The recorded file (its citations).
        recorded: RecordedFile,
        /// True when the given name is none of the names it was recorded under (ignoring
        /// case).
        renamed: bool,
    },
    /// Its name is one the score file records, but its content is not that file's.
    DifferentContent {
        /// The recorded files of that name (usually one), with the hashes expected.
        expected: Vec<RecordedFile>,
    },
    /// Neither its content nor its name is recorded.
    NotReferenced,
}

impl Outcome {
    /// `match`, `different content` or `not referenced`: the words the page (capitalised)
    /// and the CLI (in capitals) show.
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Match { .. } => "match",
            Outcome::DifferentContent { .. } => "different content",
            Outcome::NotReferenced => "not referenced",
        }
    }
}

/// The check of one given file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileCheck {
    /// The file as given.
    pub file: GivenFile,
    /// What it is.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// The outcome of checking a set of given files against one score file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceReport {
    /// One check per given file, in the order given.
    pub files: Vec<FileCheck>,
    /// Recorded files no given file matches by content, in questionnaire order.
    pub missing: Vec<RecordedFile>,
    /// How many distinct files the score file records.
    pub recorded: usize,
}

impl EvidenceReport {
    /// True when every given file matches (a report with no files given is not).
    pub fn all_match(&self) -> bool {
        !self.files.is_empty()
            && self
                .files
                .iter()
                .all(|f| matches!(f.outcome, Outcome::Match { .. }))
    }
}

/// Every local file the answers record, grouped by content (SHA-256), in questionnaire
/// order: context questions, then the questions, then any other id in id order.
pub fn recorded_files(q: &Questionnaire, answers: &Answers) -> Vec<RecordedFile> {
    let mut order: Vec<&str> = q
        .context
        .iter()
        .map(|c| &*c.id)
        .chain(q.questions().map(|qu| &*qu.id))
        .filter(|id| answers.0.contains_key(*id))
        .collect();
    for id in answers.0.keys() {
        if q.question(id).is_none() && q.context_question(id).is_none() {
            order.push(id);
        }
    }
    let mut files: Vec<RecordedFile> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for id in order {
        let Some(entry) = answers.0.get(id) else {
            continue;
        };
        for ev in &entry.evidence {
            let Some(f) = &ev.file else {
                continue;
            };
            let sha = f.sha256.to_ascii_lowercase();
            let reference = Reference {
                question: id.to_owned(),
                label: ev.label.clone(),
                name: f.name.clone(),
            };
            match index.get(&sha) {
                Some(&i) => files[i].references.push(reference),
                None => {
                    index.insert(sha.clone(), files.len());
                    files.push(RecordedFile {
                        sha256: sha,
                        size: f.size,
                        references: vec![reference],
                    });
                }
            }
        }
    }
    files
}

/// The key a file name is matched by: case is ignored (file systems and mail clients
/// change it), nothing else is.
fn name_key(name: &str) -> String {
    name.to_lowercase()
}

/// Checks the given files against the local-file evidence of a verified score file.
pub fn check(q: &Questionnaire, score: &VerifiedScore, given: &[GivenFile]) -> EvidenceReport {
    check_answers(q, &score.content.answers, given)
}

/// [`check`] over the answers of a verified file (the buyer's page keeps only those of
/// each file it shows: [`crate::core::buyer::compare::Detail`]).
pub fn check_answers(q: &Questionnaire, answers: &Answers, given: &[GivenFile]) -> EvidenceReport {
    let recorded = recorded_files(q, answers);
    let by_hash: HashMap<&str, usize> = recorded
        .iter()
        .enumerate()
        .map(|(i, r)| (r.sha256.as_str(), i))
        .collect();
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in recorded.iter().enumerate() {
        for name in r.names() {
            let list = by_name.entry(name_key(name)).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    let mut matched = vec![false; recorded.len()];
    let files = given
        .iter()
        .map(|file| {
            let sha = file.sha256.to_ascii_lowercase();
            let outcome = if let Some(&i) = by_hash.get(sha.as_str()) {
                matched[i] = true;
                let r = &recorded[i];
                Outcome::Match {
                    renamed: !r
                        .names()
                        .iter()
                        .any(|n| name_key(n) == name_key(&file.name)),
                    recorded: r.clone(),
                }
            } else if let Some(list) = by_name.get(&name_key(&file.name)) {
                Outcome::DifferentContent {
                    expected: list.iter().map(|&i| recorded[i].clone()).collect(),
                }
            } else {
                Outcome::NotReferenced
            };
            FileCheck {
                file: file.clone(),
                outcome,
            }
        })
        .collect();
    let missing = recorded
        .iter()
        .zip(&matched)
        .filter(|(_, m)| !**m)
        .map(|(r, _)| r.clone())
        .collect();
    EvidenceReport {
        files,
        missing,
        recorded: recorded.len(),
    }
}
