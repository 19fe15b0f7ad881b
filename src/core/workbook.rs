//! A vendor's workbook: several assessments side by side (one per product), the one
//! being edited, and its live score. This is what the browser autosaves.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::core::assessment::{Assessment, Edit};

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
    /// The question last edited, where "continue where you left off" leads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_edited: Option<String>,
}

/// All assessments and which one is open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workbook {
    /// Always [`WORKBOOK_FORMAT`].
    pub format: String,
    /// The assessments; never empty. Shared, so a copy of the workbook for the next UI
    /// state copies pointers, and an edit copies only the assessment it changes.
    pub entries: Vec<Rc<Entry>>,
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
            entries: vec![Rc::new(Entry {
                id: 1,
                name: "My product".into(),
                assessment: Assessment::default(),
                last_edited: None,
            })],
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
        let entry = self
            .entries
            .iter_mut()
            .find(|e| e.id == id)
            .expect("current() returned an entry of this workbook");
        Rc::make_mut(entry)
    }

    fn next_id(&self) -> u32 {
        self.entries.iter().map(|e| e.id).max().unwrap_or(0) + 1
    }

    fn push(&mut self, name: String, assessment: Assessment) {
        let id = self.next_id();
        self.entries.push(Rc::new(Entry {
            id,
            name,
            assessment,
            last_edited: None,
        }));
        self.current = id;
    }

    /// Applies one change.
    pub fn apply(&mut self, change: Change) {
        self.revision += 1;
        match change {
            Change::Edit(edit) => {
                let entry = self.current_mut();
                if let Some(question) = edit.question() {
                    entry.last_edited = Some(question.to_owned());
                }
                entry.assessment.apply(edit);
            }
            Change::New(name) => self.push(name, Assessment::default()),
            Change::Open(id) => {
                if self.entries.iter().any(|e| e.id == id) {
                    self.current = id;
                }
            }
            Change::Rename(id, name) => {
                if let Some(e) = self.entries.iter_mut().find(|e| e.id == id) {
                    Rc::make_mut(e).name = name;
                }
            }
            Change::Duplicate(id) => {
                if let Some(e) = self.entries.iter().find(|e| e.id == id).cloned() {
                    self.push(format!("{} (copy)", e.name), e.assessment.clone());
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

impl Change {
    /// Whether the change can alter the open assessment's score (an answer, or another
    /// assessment opened); notes, evidence, profile fields and names cannot.
    pub fn changes_answers(&self) -> bool {
        match self {
            Change::Edit(edit) => matches!(edit, Edit::Answer(..)),
            Change::Rename(..) => false,
            Change::New(_)
            | Change::Open(_)
            | Change::Duplicate(_)
            | Change::Delete(_)
            | Change::Import(..) => true,
        }
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
