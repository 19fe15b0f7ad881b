//! The app state and the reducer. Each arm of [`AppState::reduce`] is one call into
//! the core; the shell only renders this state and dispatches [`Action`]s.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::workbook::{Change, Session, Workbook};

/// Everything the vendor pages render.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The workbook and the open assessment's score.
    pub session: Session,
    /// Set while saving to browser storage fails.
    pub storage_problem: Option<String>,
    /// Saves started and not yet finished.
    pub saves_pending: u32,
    /// False until the durable store has been read; nothing is saved before that, so a
    /// quick first paint can never overwrite newer saved work.
    pub restored: bool,
    /// Whether the user changed something before the durable store answered.
    pub edited_before_restore: bool,
    /// The revision known to be in storage, so a page load does not write it again.
    pub stored_revision: Option<u64>,
}

/// What the UI can ask for.
pub enum Action {
    /// A change to the workbook.
    Change(Change),
    /// A save to browser storage started.
    SaveStarted,
    /// A save finished: failed (`Some`) or worked (`None`).
    Storage(Option<String>),
    /// The durable store was read: its workbook, if it had one.
    Restored(Option<Workbook>),
}

impl AppState {
    /// The state for a workbook.
    pub fn new(workbook: Workbook) -> Self {
        AppState {
            session: Session::new(workbook),
            storage_problem: None,
            saves_pending: 0,
            restored: false,
            edited_before_restore: false,
            stored_revision: None,
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Change(change) => {
                next.session.update(change);
                next.edited_before_restore |= !next.restored;
            }
            Action::SaveStarted => next.saves_pending += 1,
            Action::Storage(problem) => {
                next.storage_problem = problem;
                next.saves_pending = next.saves_pending.saturating_sub(1);
            }
            Action::Restored(saved) => {
                // Edits made during the first paint win over the stored copy; they are
                // saved as soon as `restored` is set.
                if let Some(workbook) = saved.filter(|_| !next.edited_before_restore) {
                    next.session = Session::new(workbook);
                }
                if !next.edited_before_restore {
                    next.stored_revision = Some(next.session.workbook.revision);
                }
                next.restored = true;
            }
        }
        Rc::new(next)
    }
}

/// The handle components use to read state and dispatch actions.
pub type AppContext = UseReducerHandle<AppState>;

/// The app state from the nearest provider.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside the AppState provider")
}
