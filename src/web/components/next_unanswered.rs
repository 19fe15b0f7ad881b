//! "Next unanswered question": a button, and the keyboard shortcut Alt+N anywhere in the
//! questionnaire. The core picks the question ([`navigation::next_unanswered`]) from the
//! page shown and the last question that had focus; this moves there. When nothing is
//! left, the focus goes to the score-file download button.
//!
//! Alt+N was chosen because it types nothing in text fields (on a Mac, Option+N starts a
//! dead key, which the shortcut swallows) and screen readers leave it to the page; a
//! single letter would collide with screen readers' quick navigation keys.

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::vendor::navigation;
use crate::web::io::focus;
use crate::web::state::{use_app, AppContext};

/// Props of [`NextUnanswered`].
#[derive(PartialEq, Properties)]
pub struct NextUnansweredProps {
    /// The page shown: a domain id or `context`.
    pub current: String,
    /// Whether this instance listens for Alt+N (exactly one per page should).
    #[prop_or_default]
    pub shortcut: bool,
}

/// Moves to the next unanswered question after the vendor's place, with the latest state
/// (a number being typed is committed first).
fn go(latest: &std::rc::Rc<std::cell::RefCell<(AppContext, String)>>) {
    crate::web::routes::commit_typing();
    let latest = latest.clone();
    // After the commit's re-render, so the answer just typed counts.
    Timeout::new(0, move || {
        let (app, page) = latest.borrow().clone();
        let after = focus::last_question();
        let q = Questionnaire::builtin();
        match navigation::next_unanswered(
            q,
            &app.assessment().answers,
            &app.statuses,
            &page,
            after.as_deref(),
        ) {
            Some(target) => focus::go_to_question(&target),
            None => focus::focus_id("download-score"),
        }
    })
    .forget();
}

/// The "next unanswered question" button (and shortcut).
#[function_component(NextUnanswered)]
pub fn next_unanswered(props: &NextUnansweredProps) -> Html {
    let app = use_app();
    let latest = use_mut_ref(|| (app.clone(), props.current.clone()));
    *latest.borrow_mut() = (app.clone(), props.current.clone());
    {
        let latest = latest.clone();
        use_effect_with(props.shortcut, move |shortcut| {
            let listeners = shortcut.then(|| {
                let document = gloo::utils::document();
                let options = EventListenerOptions::enable_prevent_default();
                let keys =
                    EventListener::new_with_options(&document, "keydown", options, move |e| {
                        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        let chord = k.alt_key() && !k.ctrl_key() && !k.meta_key() && !k.shift_key();
                        if chord && (k.code() == "KeyN" || k.key().eq_ignore_ascii_case("n")) {
                            e.prevent_default();
                            go(&latest);
                        }
                    });
                let focus = EventListener::new(&document, "focusin", |e| {
                    if let Some(target) = e.target() {
                        focus::remember_focus(&target);
                    }
                });
                (keys, focus)
            });
            move || drop(listeners)
        });
    }
    let onclick = {
        let latest = latest.clone();
        Callback::from(move |_: MouseEvent| go(&latest))
    };
    let q = Questionnaire::builtin();
    let done = navigation::next_unanswered(
        q,
        &app.assessment().answers,
        &app.statuses,
        &props.current,
        None,
    )
    .is_none();
    html! {
        <div class="next-unanswered">
            <button type="button" class="next-unanswered-button" aria-keyshortcuts="Alt+N" {onclick}>
                { "Next unanswered question" }
            </button>
            <span class="shortcut small" aria-hidden="true"><kbd>{ "Alt" }</kbd>{ "+" }<kbd>{ "N" }</kbd></span>
            <span class="small" role="status">
                if done { { "Every question is answered." } }
            </span>
        </div>
    }
}
