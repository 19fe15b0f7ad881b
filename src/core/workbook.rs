//! A vendor's workbook: several assessments side by side (one per product), the one
//! being edited, and its live score. This is what the browser autosaves.

use serde::{Deserialize, Serialize};

use crate::core::assessment::{Assessment, Edit};
use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::{self, Score};

/// Format name of the autosaved workbook.
pub const WORKBOOK_FORMAT: &str = "vendor-readiness-workbook";

/// One named assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable id within the workbook.
    pub id: u32,
    /// Name shown in the list, e.g. the product.
    pub name: String,
    /// The assessment.
    pub assessment: Assessment,
}

/// All assessments and which one is open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workbook {
    /// Always [`WORKBOOK_FORMAT`].
    pub format: String,
    /// The assessments; never empty.
    pub entries: Vec<Entry>,
    /// Id of the open assessment.
    pub current: u32,
    /// Counts changes, so of two saved copies the newer one can be told apart.
    #[serde(default)]
    pub revision: u64,
}

/// A change to the workbook.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Edit the open assessment.
    Edit(Edit),
    /// Start a new, empty assessment and open it.
    New(String),
    /// Open another assessment.
    Open(u32),
    /// Rename an assessment.
    Rename(u32, String),
    /// Copy an assessment and open the copy.
    Duplicate(u32),
    /// Delete an assessment (the UI confirms first); the last one is replaced by an empty one.
    Delete(u32),
    /// Add an imported assessment and open it.
    Import(String, Assessment),
}

impl Default for Workbook {
    fn default() -> Self {
        Workbook {
            format: WORKBOOK_FORMAT.into(),
            entries: vec![Entry {
                id: 1,
                name: "My product".into(),
                assessment: Assessment::default(),
            }],
            current: 1,
            revision: 0,
        }
    }
}

impl Workbook {
    /// The open entry.
    pub fn current(&self) -> &Entry {
        self.entries
            .iter()
            .find(|e| e.id == self.current)
            .or(self.entries.first())
            .expect("a workbook always has an entry: loading refuses an empty one")
    }

    fn current_mut(&mut self) -> &mut Entry {
        let id = self.current().id;
        self.entries
            .iter_mut()
            .find(|e| e.id == id)
            .expect("current() returned an entry of this workbook")
    }

    fn next_id(&self) -> u32 {
        self.entries.iter().map(|e| e.id).max().unwrap_or(0) + 1
    }

    fn push(&mut self, name: String, assessment: Assessment) {
        let id = self.next_id();
        self.entries.push(Entry {
            id,
            name,
            assessment,
        });
        self.current = id;
    }

    /// Applies one change.
    pub fn apply(&mut self, change: Change) {
        self.revision += 1;
        match change {
            Change::Edit(edit) => self.current_mut().assessment.apply(edit),
            Change::New(name) => self.push(name, Assessment::default()),
            Change::Open(id) => {
                if self.entries.iter().any(|e| e.id == id) {
                    self.current = id;
                }
            }
            Change::Rename(id, name) => {
                if let Some(e) = self.entries.iter_mut().find(|e| e.id == id) {
                    e.name = name;
                }
            }
            Change::Duplicate(id) => {
                if let Some(e) = self.entries.iter().find(|e| e.id == id).cloned() {
                    self.push(format!("{} (copy)", e.name), e.assessment);
                }
            }
            Change::Delete(id) => {
                self.entries.retain(|e| e.id != id);
                if self.entries.is_empty() {
                    *self = Workbook {
                        revision: self.revision,
                        ..Workbook::default()
                    };
                } else if self.current == id {
                    self.current = self.entries[0].id;
                }
            }
            Change::Import(name, assessment) => self.push(name, assessment),
        }
    }
}

/// The workbook with the open assessment's score kept current.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// All assessments.
    pub workbook: Workbook,
    /// Score of the open assessment.
    pub score: Score,
}

impl Session {
    /// A session over a workbook.
    pub fn new(workbook: Workbook) -> Self {
        let score = scoring::score(
            Questionnaire::builtin(),
            &workbook.current().assessment.answers,
        );
        Session { workbook, score }
    }

    /// Applies a change and re-scores.
    pub fn update(&mut self, change: Change) {
        self.workbook.apply(change);
        self.score = scoring::score(
            Questionnaire::builtin(),
            &self.workbook.current().assessment.answers,
        );
    }

    /// The open assessment.
    pub fn assessment(&self) -> &Assessment {
        &self.workbook.current().assessment
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::ProfileField;

    #[test]
    fn entries_are_created_duplicated_renamed_and_deleted() {
        let mut wb = Workbook::default();
        wb.apply(Change::Edit(Edit::Profile(
            ProfileField::Products,
            "Chart".into(),
        )));
        wb.apply(Change::Duplicate(1));
        assert_eq!(wb.entries.len(), 2);
        assert_eq!(wb.current, 2);
        assert_eq!(wb.current().assessment.profile.products, "Chart");
        wb.apply(Change::Rename(2, "Chart v2".into()));
        wb.apply(Change::Edit(Edit::Profile(
            ProfileField::Products,
            "Other".into(),
        )));
        assert_eq!(
            wb.entries[0].assessment.profile.products, "Chart",
            "copies are independent"
        );
        wb.apply(Change::Delete(2));
        assert_eq!(wb.current, 1);
        wb.apply(Change::Delete(1));
        assert_eq!(wb.entries.len(), 1, "a workbook is never empty");
        assert_eq!(
            wb.revision, 6,
            "every change counts, deleting the last one too"
        );
        wb.apply(Change::Open(99));
        assert_eq!(wb.current, wb.entries[0].id);
    }
}
