//! The buyer's evidence check in the page, as state: the evidence files dropped on one
//! vendor's detail view, each hashed by the shell (in a worker, piece by piece) and then
//! matched with [`evidence::check_answers`] against that vendor's verified answers.
//!
//! The state is only the list of dropped files and their hashes; what each file is
//! (match, different content, not referenced) and which recorded files are still missing
//! is recomputed by [`EvidenceCheck::view`], so it always follows the files at hand.

use crate::core::answers::Answers;
use crate::core::evidence::{self, FileCheck, GivenFile, RecordedFile};
use crate::core::questionnaire::Questionnaire;
use crate::core::text;

/// Where one dropped file's hash stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HashState {
    /// The shell is hashing it.
    Hashing,
    /// Hashed: its name, size and SHA-256.
    Hashed(GivenFile),
    /// It could not be read, and why.
    Unreadable(String),
}

/// A file the buyer dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedFile {
    /// A number the shell gives it, unique for the page's life.
    pub id: u64,
    /// Its name as dropped (matched ignoring case; shown through [`text::safe_name`]).
    pub name: String,
    /// Its hash, when done.
    pub state: HashState,
}

/// A change to the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckChange {
    /// A file was dropped or picked; the shell hashes it and reports [`CheckChange::Hashed`].
    Add {
        /// Its number (an id already in the list is ignored).
        id: u64,
        /// Its name.
        name: String,
    },
    /// The shell hashed a file, or could not read it.
    Hashed {
        /// Its number (an unknown one, a file removed meanwhile, is ignored).
        id: u64,
        /// The hash, or why the file could not be read.
        result: Result<GivenFile, String>,
    },
    /// Forget one file.
    Remove(u64),
    /// Forget every file.
    Clear,
}

/// The dropped files of one vendor, in the order dropped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EvidenceCheck {
    /// The files.
    pub files: Vec<DroppedFile>,
}

/// What one dropped file is, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowState {
    /// Still being hashed.
    Hashing,
    /// It could not be read, and why.
    Unreadable(String),
    /// Hashed and matched.
    Checked(FileCheck),
}

/// One dropped file's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRow {
    /// Its number.
    pub id: u64,
    /// Its name, safe to show.
    pub name: String,
    /// What it is.
    pub state: RowState,
}

/// The check as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckView {
    /// One row per dropped file, in the order dropped.
    pub rows: Vec<CheckRow>,
    /// Recorded files no hashed file matches by content, in questionnaire order.
    pub missing: Vec<RecordedFile>,
    /// How many distinct files the vendor's answers record.
    pub recorded: usize,
    /// How many files are still being hashed.
    pub hashing: usize,
}

impl EvidenceCheck {
    /// Applies one change.
    pub fn update(&mut self, change: CheckChange) {
        match change {
            CheckChange::Add { id, name } => {
                if !self.files.iter().any(|f| f.id == id) {
                    self.files.push(DroppedFile {
                        id,
                        name,
                        state: HashState::Hashing,
                    });
                }
            }
            CheckChange::Hashed { id, result } => {
                if let Some(f) = self.files.iter_mut().find(|f| f.id == id) {
                    f.state = match result {
                        Ok(given) => HashState::Hashed(given),
                        Err(e) => HashState::Unreadable(e),
                    };
                }
            }
            CheckChange::Remove(id) => self.files.retain(|f| f.id != id),
            CheckChange::Clear => self.files.clear(),
        }
    }

    /// Each file's result and the recorded files still missing, against a vendor's
    /// verified answers.
    pub fn view(&self, q: &Questionnaire, answers: &Answers) -> CheckView {
        let given: Vec<GivenFile> = self
            .files
            .iter()
            .filter_map(|f| match &f.state {
                HashState::Hashed(g) => Some(g.clone()),
                _ => None,
            })
            .collect();
        let report = evidence::check_answers(q, answers, &given);
        let mut checks = report.files.into_iter();
        let rows = self
            .files
            .iter()
            .map(|f| CheckRow {
                id: f.id,
                name: text::safe_name(&f.name),
                state: match &f.state {
                    HashState::Hashing => RowState::Hashing,
                    HashState::Unreadable(e) => RowState::Unreadable(e.clone()),
                    HashState::Hashed(_) => {
                        checks.next().map_or(RowState::Hashing, RowState::Checked)
                    }
                },
            })
            .collect();
        CheckView {
            rows,
            missing: report.missing,
            recorded: report.recorded,
            hashing: self
                .files
                .iter()
                .filter(|f| f.state == HashState::Hashing)
                .count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::{Evidence, FileEvidence};
    use crate::core::evidence::Outcome;

    const POLICY: &[u8] = b"%PDF policy";
    const SBOM: &[u8] = b"{\"bomFormat\":\"CycloneDX\"}";

    fn answers() -> Answers {
        let mut a = Answers::default();
        let file = |label: &str, name: &str, bytes: &[u8]| Evidence {
            label: label.into(),
            url: None,
            file: Some(FileEvidence::from_bytes(name, bytes)),
        };
        a.entry_mut("intake.vdp").evidence = vec![file("Policy", "Policy.pdf", POLICY)];
        a.entry_mut("intake.safe_harbor").evidence = vec![file("Same", "Policy.pdf", POLICY)];
        a.entry_mut("sbom.per_release").evidence = vec![file("SBOM", "sbom.json", SBOM)];
        a
    }

    fn given(name: &str, bytes: &[u8]) -> Result<GivenFile, String> {
        let f = FileEvidence::from_bytes(name, bytes);
        Ok(GivenFile {
            name: f.name,
            size: f.size,
            sha256: f.sha256,
        })
    }

    fn add(c: &mut EvidenceCheck, id: u64, name: &str) {
        c.update(CheckChange::Add {
            id,
            name: name.into(),
        });
    }

    #[test]
    fn each_file_gets_its_result_and_the_missing_ones_follow() {
        let q = Questionnaire::builtin();
        let mut c = EvidenceCheck::default();
        for (id, name) in [
            (1, "policy.PDF"),
            (2, "renamed.pdf"),
            (3, "sbom.json"),
            (4, "holiday.jpg"),
            (5, "gone.pdf"),
        ] {
            add(&mut c, id, name);
        }
        let view = c.view(q, &answers());
        assert_eq!(view.hashing, 5);
        assert_eq!(view.recorded, 2);
        assert_eq!(view.missing.len(), 2, "nothing hashed yet: all missing");
        assert!(view.rows.iter().all(|r| r.state == RowState::Hashing));

        // Results arrive in any order.
        c.update(CheckChange::Hashed {
            id: 3,
            result: given("sbom.json", b"other"),
        });
        c.update(CheckChange::Hashed {
            id: 1,
            result: given("policy.PDF", POLICY),
        });
        c.update(CheckChange::Hashed {
            id: 5,
            result: Err("the file could not be read".into()),
        });
        c.update(CheckChange::Hashed {
            id: 2,
            result: given("renamed.pdf", POLICY),
        });
        c.update(CheckChange::Hashed {
            id: 4,
            result: given("holiday.jpg", b"jpeg"),
        });
        let view = c.view(q, &answers());
        assert_eq!(view.hashing, 0);
        let outcome = |i: usize| match &view.rows[i].state {
            RowState::Checked(check) => check.outcome.clone(),
            other => panic!("row {i}: {other:?}"),
        };
        let Outcome::Match { recorded, renamed } = outcome(0) else {
            panic!("{:?}", outcome(0))
        };
        assert!(!renamed, "case is ignored");
        assert_eq!(recorded.questions(), ["intake.vdp", "intake.safe_harbor"]);
        assert!(matches!(outcome(1), Outcome::Match { renamed: true, .. }));
        let Outcome::DifferentContent { expected } = outcome(2) else {
            panic!()
        };
        assert_eq!(
            expected[0].sha256,
            FileEvidence::from_bytes("", SBOM).sha256
        );
        assert_eq!(outcome(3), Outcome::NotReferenced);
        assert_eq!(
            view.rows[4].state,
            RowState::Unreadable("the file could not be read".into())
        );
        assert_eq!(view.missing.len(), 1, "the SBOM is still missing");
        assert_eq!(view.missing[0].names(), ["sbom.json"]);
    }

    #[test]
    fn removing_clearing_and_stray_results() {
        let q = Questionnaire::builtin();
        let mut c = EvidenceCheck::default();
        add(&mut c, 7, "a\u{202e}b.pdf");
        add(&mut c, 7, "again");
        assert_eq!(c.files.len(), 1, "an id is added once");
        assert_eq!(c.view(q, &answers()).rows[0].name, "a\u{fffd}b.pdf");
        c.update(CheckChange::Remove(7));
        c.update(CheckChange::Hashed {
            id: 7,
            result: given("a", POLICY),
        });
        assert!(c.files.is_empty(), "a result for a removed file is dropped");
        add(&mut c, 8, "x");
        c.update(CheckChange::Clear);
        assert_eq!(c, EvidenceCheck::default());
        let view = c.view(q, &Answers::default());
        assert_eq!((view.recorded, view.missing.len()), (0, 0));
    }
}
