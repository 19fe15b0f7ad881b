//! The vendor's session as plain Rust: the workbook, the open assessment's live score,
//! and when to save. The questionnaire pages are a thin view over
//! [`VendorSession::update`], which returns the effects the shell must run
//! ([`VendorEffect`]).
//!
//! Saving rules:
//! - nothing is saved before the durable store has been read ([`VendorAction::Restored`]),
//!   so a quick first paint can never overwrite newer saved work; edits made before that
//!   win over the stored copy;
//! - saves are debounced: a change asks for a save after a short pause
//!   ([`VendorEffect::ScheduleSave`]); the shell reports the pause's end
//!   ([`VendorAction::SaveDue`]) and only then writes the workbook of the current revision;
//! - one save at a time; changes made while one runs are saved when it ends;
//! - "saved" is shown only once the store confirmed the current revision, so nothing
//!   reported as saved can be lost by a crash.
//!
//! The session also holds the questionnaire's references and the questions' explanations,
//! which the page fetches from the published data file after its first render
//! ([`VendorAction::FetchPublished`]).

use std::rc::Rc;

use crate::core::assessment::Assessment;
use crate::core::questionnaire::published::{Published, PublishedState};
use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::{self, Score, Statuses};
use crate::core::workbook::{Change, Workbook};

pub mod navigation;

pub use navigation::LastEdit;

/// How long a change waits for more before it is saved, in milliseconds.
pub const SAVE_DEBOUNCE_MS: u32 = 300;

/// The state of the durable copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    /// The store has not been read yet.
    Restoring,
    /// The store holds the current revision.
    Saved,
    /// Changes wait for a save (debounce or a save in flight).
    Saving,
    /// The last save failed; the user should download their work.
    Failed,
}

impl SaveStatus {
    /// The words the header shows.
    pub fn label(self) -> &'static str {
        match self {
            SaveStatus::Restoring | SaveStatus::Saving => "Saving…",
            SaveStatus::Saved => "All changes saved in this browser",
            SaveStatus::Failed => "Not saved in this browser: download your work",
        }
    }
}

/// The vendor's session.
#[derive(Debug, Clone, PartialEq)]
pub struct VendorSession {
    /// All assessments.
    pub workbook: Workbook,
    /// Score of the open assessment (shared: renders and UI states copy a pointer).
    pub score: Rc<Score>,
    /// The status of each question of the open assessment, worked out once per change of
    /// its answers for the score and for every view that needs them (shared like `score`).
    pub statuses: Rc<Statuses>,
    /// Set while saving to browser storage fails.
    pub storage_problem: Option<String>,
    /// False until the durable store has been read.
    pub restored: bool,
    /// Whether the user changed something before the durable store answered.
    pub edited_before_restore: bool,
    /// The revision known to be in storage.
    pub stored_revision: Option<u64>,
    /// The revision being written, while a save runs.
    pub saving_revision: Option<u64>,
    /// The questionnaire's references and explanations for the question cards.
    pub published: PublishedState,
}

/// What the shell reports or the user does.
#[derive(Debug, Clone, PartialEq)]
pub enum VendorAction {
    /// A change to the workbook.
    Change(Change),
    /// The durable store was read: its workbook, if it had one.
    Restored(Option<Workbook>),
    /// The save pause has ended: save now if anything is unsaved.
    SaveDue,
    /// A save of `revision` finished: failed (`Some`) or worked (`None`).
    SaveFinished {
        /// The revision written.
        revision: u64,
        /// Why it failed, if it did.
        problem: Option<String>,
    },
    /// Fetch the published data (after the first render, or again after a failure).
    FetchPublished,
    /// The fetch ended: what the data file gives the page, or why there is nothing.
    PublishedFetched(Result<Published, String>),
}

/// What the shell must do.
#[derive(Debug, Clone, PartialEq)]
pub enum VendorEffect {
    /// (Re)start the save pause; report [`VendorAction::SaveDue`] when it ends.
    ScheduleSave,
    /// Write this workbook (the current revision) to the durable store, then report
    /// [`VendorAction::SaveFinished`].
    Save(Rc<Workbook>),
    /// Fetch the published data, then report [`VendorAction::PublishedFetched`].
    FetchPublished,
}

impl VendorSession {
    /// A session over a workbook.
    pub fn new(workbook: Workbook) -> Self {
        let (statuses, score) = scored(&workbook);
        VendorSession {
            workbook,
            score,
            statuses,
            storage_problem: None,
            restored: false,
            edited_before_restore: false,
            stored_revision: None,
            saving_revision: None,
            published: PublishedState::Loading,
        }
    }

    /// The open assessment.
    pub fn assessment(&self) -> &Assessment {
        &self.workbook.current().assessment
    }

    /// Where "continue where you left off" leads in the open assessment, if anywhere
    /// (a context question leads to the context page).
    pub fn resume_point(&self) -> Option<LastEdit> {
        let question = self.workbook.current().last_edited.as_deref()?;
        Some(LastEdit {
            domain: navigation::page_of(Questionnaire::builtin(), question)?,
            question: question.to_owned(),
        })
    }

    /// The state of the durable copy.
    pub fn save_status(&self) -> SaveStatus {
        if self.storage_problem.is_some() {
            SaveStatus::Failed
        } else if !self.restored {
            SaveStatus::Restoring
        } else if self.stored_revision == Some(self.workbook.revision) {
            SaveStatus::Saved
        } else {
            SaveStatus::Saving
        }
    }

    fn save_now(&mut self) -> Vec<VendorEffect> {
        let unsaved = self.stored_revision != Some(self.workbook.revision);
        if !self.restored || self.saving_revision.is_some() || !unsaved {
            return Vec::new();
        }
        self.saving_revision = Some(self.workbook.revision);
        vec![VendorEffect::Save(Rc::new(self.workbook.clone()))]
    }

    /// Applies one action and returns what the shell must do.
    pub fn update(&mut self, action: VendorAction) -> Vec<VendorEffect> {
        match action {
            VendorAction::Change(change) => {
                let rescore = change.changes_answers();
                self.workbook.apply(change);
                if rescore {
                    (self.statuses, self.score) = scored(&self.workbook);
                }
                self.edited_before_restore |= !self.restored;
                if self.restored {
                    vec![VendorEffect::ScheduleSave]
                } else {
                    Vec::new()
                }
            }
            VendorAction::Restored(saved) => {
                // Edits made during the first paint win over the stored copy; they are
                // saved as soon as the store has been read.
                if let Some(workbook) = saved.filter(|_| !self.edited_before_restore) {
                    (self.statuses, self.score) = scored(&workbook);
                    self.workbook = workbook;
                }
                if !self.edited_before_restore {
                    self.stored_revision = Some(self.workbook.revision);
                }
                self.restored = true;
                self.save_now()
            }
            VendorAction::SaveDue => self.save_now(),
            VendorAction::FetchPublished => match self.published {
                PublishedState::Ready(_) => Vec::new(),
                _ => {
                    self.published = PublishedState::Loading;
                    vec![VendorEffect::FetchPublished]
                }
            },
            VendorAction::PublishedFetched(fetched) => {
                self.published = match fetched {
                    Ok(published) => PublishedState::Ready(Rc::new(published)),
                    Err(why) => PublishedState::Failed(why),
                };
                Vec::new()
            }
            VendorAction::SaveFinished { revision, problem } => {
                self.saving_revision = None;
                match problem {
                    Some(p) => self.storage_problem = Some(p),
                    None => {
                        self.storage_problem = None;
                        self.stored_revision = Some(revision);
                    }
                }
                // Changes made while this save ran.
                if self.storage_problem.is_none() {
                    self.save_now()
                } else {
                    Vec::new()
                }
            }
        }
    }
}

/// The open assessment's statuses and score.
fn scored(workbook: &Workbook) -> (Rc<Statuses>, Rc<Score>) {
    let (q, answers) = (
        Questionnaire::builtin(),
        &workbook.current().assessment.answers,
    );
    let statuses = scoring::evaluate(q, answers);
    let score = scoring::score_with(q, answers, &statuses);
    (Rc::new(statuses), Rc::new(score))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::AnswerValue;
    use crate::core::assessment::{Edit, ProfileField};

    fn answer(id: &str, v: &str) -> VendorAction {
        VendorAction::Change(Change::Edit(Edit::Answer(
            id.into(),
            Some(AnswerValue::Choice(v.into())),
        )))
    }

    fn saved_revision(effects: &[VendorEffect]) -> Option<u64> {
        effects.iter().find_map(|e| match e {
            VendorEffect::Save(w) => Some(w.revision),
            VendorEffect::ScheduleSave | VendorEffect::FetchPublished => None,
        })
    }

    #[test]
    fn the_published_data_is_fetched_once_and_again_only_after_a_failure() {
        let mut s = VendorSession::new(Workbook::default());
        assert_eq!(s.published, PublishedState::Loading);
        assert_eq!(
            s.update(VendorAction::FetchPublished),
            vec![VendorEffect::FetchPublished]
        );
        s.update(VendorAction::PublishedFetched(Err("offline".into())));
        assert_eq!(s.published, PublishedState::Failed("offline".into()));
        assert_eq!(
            s.update(VendorAction::FetchPublished),
            vec![VendorEffect::FetchPublished],
            "a failure can be tried again"
        );
        assert_eq!(s.published, PublishedState::Loading, "and says so");
        let fetched = Published {
            references: Questionnaire::builtin().references.to_vec(),
            ..Default::default()
        };
        s.update(VendorAction::PublishedFetched(Ok(fetched.clone())));
        match &s.published {
            PublishedState::Ready(published) => assert_eq!(**published, fetched),
            other => panic!("not ready: {other:?}"),
        }
        let before = s.clone();
        assert!(
            s.update(VendorAction::FetchPublished).is_empty(),
            "fetched data is not fetched again"
        );
        assert_eq!(s, before, "and stays the same");
    }

    #[test]
    fn nothing_is_saved_before_the_store_is_read_and_early_edits_win() {
        let mut s = VendorSession::new(Workbook::default());
        assert_eq!(s.save_status(), SaveStatus::Restoring);
        assert!(
            s.update(answer("intake.channel", "yes")).is_empty(),
            "no save before restore"
        );
        let mut stored = Workbook::default();
        stored.revision = 40;
        stored.apply(Change::Rename(1, "Stored".into()));
        let effects = s.update(VendorAction::Restored(Some(stored)));
        assert_eq!(
            s.workbook.entries()[0].name,
            "My product",
            "the early edit wins"
        );
        assert_eq!(saved_revision(&effects), Some(1), "and is saved at once");
        assert_eq!(s.save_status(), SaveStatus::Saving);
    }

    #[test]
    fn the_stored_copy_is_restored_when_nothing_was_edited_first() {
        let mut s = VendorSession::new(Workbook::default());
        let mut stored = Workbook::default();
        stored.apply(answer_change("intake.channel", "yes"));
        let effects = s.update(VendorAction::Restored(Some(stored.clone())));
        assert_eq!(s.workbook, stored);
        assert!(effects.is_empty(), "a restored copy is not written back");
        assert_eq!(s.save_status(), SaveStatus::Saved);
        assert_eq!(
            s.score.domain("intake").unwrap().met,
            vec!["intake.channel"]
        );
    }

    #[test]
    fn the_statuses_kept_are_those_of_the_open_assessments_answers_after_every_change() {
        let q = Questionnaire::builtin();
        let mut s = VendorSession::new(Workbook::default());
        let fresh = |s: &VendorSession| scoring::evaluate(q, &s.assessment().answers);
        assert_eq!(*s.statuses, fresh(&s));
        s.update(VendorAction::Restored(None));
        s.update(answer("intake.channel", "yes"));
        assert_eq!(*s.statuses, fresh(&s));
        assert_eq!(
            s.statuses.get("intake.channel"),
            Some(&scoring::QuestionStatus::Answered { credit: 1.0 })
        );
        // Another assessment opened: its own statuses, not the last one's.
        s.update(VendorAction::Change(Change::New("Second".into())));
        assert_eq!(*s.statuses, fresh(&s));
        assert_eq!(
            s.statuses.get("intake.channel"),
            Some(&scoring::QuestionStatus::Unanswered)
        );
        // Back to the first, a copy of it, and the copy deleted: each time the statuses
        // of whichever assessment is then open.
        let first = s.workbook.entries()[0].id;
        for change in [Change::Open(first), Change::Duplicate(first)] {
            s.update(VendorAction::Change(change));
            assert_eq!(*s.statuses, fresh(&s));
            assert_eq!(
                s.statuses.get("intake.channel"),
                Some(&scoring::QuestionStatus::Answered { credit: 1.0 })
            );
        }
        let copy = s.workbook.current().id;
        s.update(VendorAction::Change(Change::Delete(copy)));
        assert_eq!(*s.statuses, fresh(&s));
        let mut stored = Workbook::default();
        stored.apply(answer_change("intake.vdp", "no"));
        let mut restored = VendorSession::new(Workbook::default());
        restored.update(VendorAction::Restored(Some(stored)));
        assert_eq!(*restored.statuses, fresh(&restored));
        assert_eq!(
            *restored.score,
            scoring::score(q, &restored.assessment().answers)
        );
    }

    fn answer_change(id: &str, v: &str) -> Change {
        Change::Edit(Edit::Answer(id.into(), Some(AnswerValue::Choice(v.into()))))
    }

    #[test]
    fn saves_are_debounced_one_at_a_time_and_catch_up() {
        let mut s = VendorSession::new(Workbook::default());
        s.update(VendorAction::Restored(None));
        assert_eq!(s.save_status(), SaveStatus::Saved);
        for v in ["no", "partly", "yes"] {
            assert_eq!(
                s.update(answer("intake.channel", v)),
                vec![VendorEffect::ScheduleSave]
            );
        }
        assert_eq!(s.save_status(), SaveStatus::Saving);
        let first = s.update(VendorAction::SaveDue);
        assert_eq!(
            saved_revision(&first),
            Some(3),
            "one save for three keystrokes"
        );
        s.update(answer("intake.monitored", "yes"));
        assert!(
            s.update(VendorAction::SaveDue).is_empty(),
            "one save at a time"
        );
        let catch_up = s.update(VendorAction::SaveFinished {
            revision: 3,
            problem: None,
        });
        assert_eq!(
            saved_revision(&catch_up),
            Some(4),
            "the change made meanwhile is saved next"
        );
        assert_eq!(
            s.save_status(),
            SaveStatus::Saving,
            "not saved until revision 4 is stored"
        );
        assert!(s
            .update(VendorAction::SaveFinished {
                revision: 4,
                problem: None
            })
            .is_empty());
        assert_eq!(s.save_status(), SaveStatus::Saved);
        assert!(
            s.update(VendorAction::SaveDue).is_empty(),
            "nothing left to save"
        );
    }

    #[test]
    fn a_failed_save_is_reported_and_the_next_one_clears_it() {
        let mut s = VendorSession::new(Workbook::default());
        s.update(VendorAction::Restored(None));
        s.update(answer("intake.channel", "yes"));
        s.update(VendorAction::SaveDue);
        s.update(VendorAction::SaveFinished {
            revision: 1,
            problem: Some("quota".into()),
        });
        assert_eq!(s.save_status(), SaveStatus::Failed);
        assert_eq!(
            s.save_status().label(),
            "Not saved in this browser: download your work"
        );
        s.update(answer("intake.channel", "no"));
        let effects = s.update(VendorAction::SaveDue);
        assert_eq!(saved_revision(&effects), Some(2));
        s.update(VendorAction::SaveFinished {
            revision: 2,
            problem: None,
        });
        assert_eq!(s.save_status(), SaveStatus::Saved);
    }

    #[test]
    fn the_last_edited_question_is_kept_per_assessment() {
        let mut s = VendorSession::new(Workbook::default());
        s.update(answer("triage.owner", "yes"));
        s.update(VendorAction::Change(Change::Edit(Edit::Profile(
            ProfileField::Organisation,
            "Acme".into(),
        ))));
        let at = s.resume_point().unwrap();
        assert_eq!(
            (at.domain.as_str(), at.question.as_str()),
            ("triage", "triage.owner")
        );
        s.update(VendorAction::Change(Change::New("Second".into())));
        assert_eq!(
            s.resume_point(),
            None,
            "another assessment has its own place"
        );
        s.update(answer("context.deployment", "hosted"));
        assert_eq!(
            s.resume_point().map(|at| at.domain),
            Some(crate::core::route::CONTEXT.to_owned()),
            "a context question leads to the context page"
        );
    }

    #[test]
    fn profile_edits_do_not_rescore_but_answers_do() {
        let mut s = VendorSession::new(Workbook::default());
        let before = s.score.clone();
        s.update(VendorAction::Change(Change::Edit(Edit::Profile(
            ProfileField::Organisation,
            "Acme".into(),
        ))));
        assert!(
            Rc::ptr_eq(&before, &s.score),
            "the score is shared, not recomputed"
        );
        s.update(answer("intake.channel", "yes"));
        assert!(!Rc::ptr_eq(&before, &s.score));
    }
}
