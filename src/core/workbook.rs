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
#[serde(try_from = "Stored")]
pub struct Workbook {
    /// Always [`WORKBOOK_FORMAT`].
    pub format: String,
    /// The assessments; never empty: [`Default`] has one, every [`Change`] keeps one, and
    /// a stored workbook without any is refused when read. Private, so nothing else can
    /// empty it. Shared, so a copy of the workbook for the next UI state copies pointers,
    /// and an edit copies only the assessment it changes.
    entries: Vec<Rc<Entry>>,
    /// Id of the open assessment.
    pub current: u32,
    /// Counts changes, so of two saved copies the newer one can be told apart.
    #[serde(default)]
    pub revision: u64,
}

/// A workbook as stored, before the rule that it has an assessment is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    format: String,
    entries: Vec<Rc<Entry>>,
    current: u32,
    #[serde(default)]
    revision: u64,
}

/// Why a stored workbook is refused.
pub const EMPTY_WORKBOOK: &str = "a workbook holds at least one assessment";

impl TryFrom<Stored> for Workbook {
    type Error = &'static str;

    fn try_from(s: Stored) -> Result<Workbook, &'static str> {
        if s.entries.is_empty() {
            return Err(EMPTY_WORKBOOK);
        }
        Ok(Workbook {
            format: s.format,
            entries: s.entries,
            current: s.current,
            revision: s.revision,
        })
    }
}

/// What to restore from the copies of the workbook a browser kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Restore<'a> {
    /// The workbook to open; `None` when no copy reads (or there is none).
    pub workbook: Option<Workbook>,
    /// A copy to keep under a backup key before anything overwrites it: the first copy,
    /// when there are copies and none of them reads.
    pub backup: Option<&'a str>,
}

/// Chooses what to restore from the stored copies, the durable one first (IndexedDB,
/// then `localStorage`), each read by `read` (the shell's JSON; a workbook without an
/// assessment does not read). Of the copies that read, the one with more changes behind
/// it wins (a store may have refused a write another took); on a tie, the later copy.
/// When there are copies and none reads, none is restored and the first is kept aside,
/// so the next save does not destroy what may still be recovered.
pub fn restore<'a>(copies: &[&'a str], read: impl Fn(&str) -> Option<Workbook>) -> Restore<'a> {
    let workbook = copies
        .iter()
        .filter_map(|text| read(text))
        .max_by_key(|w| w.revision);
    let backup = match workbook {
        Some(_) => None,
        None => copies.first().copied(),
    };
    Restore { workbook, backup }
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
    /// The assessments, in the order they were added; never empty.
    pub fn entries(&self) -> &[Rc<Entry>] {
        &self.entries
    }

    /// Where the open entry is: the one with the current id, else the first.
    fn current_index(&self) -> usize {
        self.entries
            .iter()
            .position(|e| e.id == self.current)
            .unwrap_or(0)
    }

    /// The open entry.
    pub fn current(&self) -> &Entry {
        // In bounds: `entries` is never empty (see the field), and the index is one of its
        // positions or 0.
        &self.entries[self.current_index()]
    }

    fn current_mut(&mut self) -> &mut Entry {
        let at = self.current_index();
        // In bounds, as in `current`.
        Rc::make_mut(&mut self.entries[at])
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
                match self.entries.first() {
                    None => {
                        *self = Workbook {
                            revision: self.revision,
                            ..Workbook::default()
                        }
                    }
                    Some(first) if self.current == id => self.current = first.id,
                    Some(_) => {}
                }
            }
            Change::Import(name, assessment) => self.push(name, assessment),
        }
    }
}

/// The name of an assessment imported from a file: the file's name without its `.json`
/// ending(s).
pub fn imported_name(file_name: &str) -> String {
    file_name.trim_end_matches(".json").to_owned()
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
        assert_eq!(wb.entries().len(), 2);
        assert_eq!(wb.current, 2);
        assert_eq!(wb.current().assessment.profile.products, "Chart");
        wb.apply(Change::Rename(2, "Chart v2".into()));
        wb.apply(Change::Edit(Edit::Profile(
            ProfileField::Products,
            "Other".into(),
        )));
        assert_eq!(
            wb.entries()[0].assessment.profile.products,
            "Chart",
            "copies are independent"
        );
        wb.apply(Change::Delete(2));
        assert_eq!(wb.current, 1);
        wb.apply(Change::Delete(1));
        assert_eq!(wb.entries().len(), 1, "a workbook is never empty");
        assert_eq!(
            wb.revision, 6,
            "every change counts, deleting the last one too"
        );
        wb.apply(Change::Open(99));
        assert_eq!(wb.current, wb.entries()[0].id);
    }

    fn read(text: &str) -> Option<Workbook> {
        serde_json::from_str(text).ok()
    }

    fn stored(revision: u64, name: &str) -> String {
        let mut wb = Workbook::default();
        wb.apply(Change::Rename(1, name.into()));
        wb.revision = revision;
        serde_json::to_string(&wb).unwrap()
    }

    fn restored_name(r: &Restore<'_>) -> Option<String> {
        r.workbook.as_ref().map(|w| w.current().name.clone())
    }

    #[test]
    fn the_copy_with_more_changes_behind_it_is_restored() {
        let (durable, quick) = (stored(7, "durable"), stored(9, "quick"));
        let r = restore(&[&durable, &quick], read);
        assert_eq!(restored_name(&r).as_deref(), Some("quick"));
        assert_eq!(r.backup, None);
        let (durable, quick) = (stored(12, "durable"), stored(9, "quick"));
        let r = restore(&[&durable, &quick], read);
        assert_eq!(restored_name(&r).as_deref(), Some("durable"));
        let (durable, quick) = (stored(5, "durable"), stored(5, "quick"));
        let r = restore(&[&durable, &quick], read);
        assert_eq!(
            restored_name(&r).as_deref(),
            Some("quick"),
            "a tie: the later copy"
        );
        assert_eq!(
            restore(&[], read),
            Restore {
                workbook: None,
                backup: None
            }
        );
    }

    #[test]
    fn an_unreadable_copy_gives_way_and_is_kept_when_none_reads() {
        let good = stored(3, "good");
        let r = restore(&["{ torn", &good], read);
        assert_eq!(restored_name(&r).as_deref(), Some("good"));
        assert_eq!(r.backup, None, "a copy was restored: nothing to keep aside");

        let r = restore(&["{ torn", "also torn"], read);
        assert_eq!(r.workbook, None);
        assert_eq!(r.backup, Some("{ torn"), "the durable copy is kept aside");
        let r = restore(&["only copy"], read);
        assert_eq!(r.backup, Some("only copy"));
    }

    #[test]
    fn a_stored_workbook_without_an_assessment_is_refused() {
        let empty =
            format!(r#"{{"format":"{WORKBOOK_FORMAT}","entries":[],"current":1,"revision":99}}"#);
        let err = serde_json::from_str::<Workbook>(&empty).unwrap_err();
        assert!(err.to_string().contains(EMPTY_WORKBOOK), "{err}");
        let good = stored(1, "good");
        let r = restore(&[&empty, &good], read);
        assert_eq!(
            restored_name(&r).as_deref(),
            Some("good"),
            "an empty copy never wins, whatever its revision"
        );
        let r = restore(&[&empty], read);
        assert_eq!((r.workbook, r.backup), (None, Some(empty.as_str())));
        let unknown = stored(1, "x").replacen('{', r#"{"extra":1,"#, 1);
        assert_eq!(read(&unknown), None, "unknown members are refused");
    }

    #[test]
    fn an_imported_file_names_its_assessment() {
        assert_eq!(imported_name("acme-chart.json"), "acme-chart");
        assert_eq!(imported_name("acme.readiness.json"), "acme.readiness");
        assert_eq!(imported_name("notes"), "notes");
        assert_eq!(imported_name("a.json.json"), "a");
    }
}
