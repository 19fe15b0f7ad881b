//! Moving the keyboard focus where a move through the questionnaire leads: a domain's
//! heading or a question's answer control, once the page that shows it has rendered. Also
//! remembers the last question that had focus, so "next unanswered" knows where the
//! vendor is even after they clicked a button.

use std::cell::RefCell;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;

use crate::core::vendor::navigation::Target;
use crate::web::routes::{navigate, Route};

thread_local! {
    static LAST_QUESTION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// How often, and how many times, a focus target is looked for while a page renders.
const POLL_MS: u32 = 20;
const POLLS: u32 = 100;

/// Records the question that has focus now (from a `focusin` anywhere in a card).
pub fn remember_focus(target: &web_sys::EventTarget) {
    let card = target
        .dyn_ref::<web_sys::Element>()
        .and_then(|el| el.closest("[data-question]").ok().flatten());
    if let Some(id) = card.and_then(|c| c.get_attribute("data-question")) {
        LAST_QUESTION.with(|q| *q.borrow_mut() = Some(id));
    }
}

/// The question that last had focus, if any.
pub fn last_question() -> Option<String> {
    LAST_QUESTION.with(|q| q.borrow().clone())
}

fn find(selector: &str) -> Option<web_sys::HtmlElement> {
    gloo::utils::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into().ok())
}

/// Focuses the first element found among `selectors` once `ready` (a selector) exists,
/// looking again while the page renders; gives up quietly after two seconds.
fn focus_when(ready: String, selectors: Vec<String>, polls: u32) {
    if find(&ready).is_some() {
        if let Some(el) = selectors.iter().find_map(|s| find(s)) {
            // The question's card (or the heading) at the top of the screen, then focus
            // without scrolling again, so the question text is in view above the control.
            if let Some(card) = el.closest("[data-question]").ok().flatten() {
                card.scroll_into_view_with_bool(true);
            }
            let _ = el.focus();
            return;
        }
    }
    if polls > 0 {
        Timeout::new(POLL_MS, move || focus_when(ready, selectors, polls - 1)).forget();
    }
}

fn page_marker(page: &str) -> String {
    format!("[data-page='{page}']")
}

fn show(page: &str) {
    let route = Route::AssessDomain {
        domain: page.to_owned(),
    };
    if Route::parse(&gloo::utils::window().location().hash().unwrap_or_default()) != route {
        navigate(&route);
    }
}

/// Shows a page of the questionnaire (the URL changes, so the back button returns) and
/// focuses its heading.
pub fn go_to_page(page: &str) {
    show(page);
    focus_when(page_marker(page), vec!["#domain-title".into()], POLLS);
}

/// Focuses `page`'s heading once it has rendered (after a link changed the URL).
pub fn focus_page_heading(page: &str) {
    focus_when(page_marker(page), vec!["#domain-title".into()], POLLS);
}

/// Shows the page of a question and focuses its answer control: the chosen option, or
/// else the first one. A question that is no longer shown leaves the focus on the
/// page's heading.
pub fn go_to_question(target: &Target) {
    show(&target.domain);
    let card = format!("article[data-question='{}']", target.question);
    LAST_QUESTION.with(|q| *q.borrow_mut() = Some(target.question.clone()));
    focus_when(
        page_marker(&target.domain),
        vec![
            format!("{card} input:checked"),
            format!("{card} input"),
            format!("{card} textarea"),
            "#domain-title".into(),
        ],
        POLLS,
    );
}

/// Focuses an element by id once it exists (e.g. a button that has just appeared).
pub fn focus_id(id: &str) {
    focus_first(&format!("#{id}"));
}

/// Focuses the first element `selector` finds, once there is one (e.g. the heading of a
/// page that renders in a later task).
pub fn focus_first(selector: &str) {
    focus_when(selector.to_owned(), vec![selector.to_owned()], POLLS);
}
