//! The hash router: the current [`Route`] from `location.hash`, kept in step with the
//! `hashchange` event, and links that are plain anchors (so they work with a keyboard,
//! open in a new tab and need no router state). Parsing is the core's
//! ([`crate::core::route`]).

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use crate::core::route::{Route, CONTEXT};

fn current() -> Route {
    Route::parse(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// The current route; re-renders the caller when the fragment changes.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                // Back or forward from the keyboard moves no focus: what is being typed
                // would leave with its field, uncommitted.
                commit_typing();
                route.set(current())
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}

/// Commits what is being typed: a field saves on `change`, which leaving it fires.
pub fn commit_typing() {
    if let Some(el) = gloo::utils::document().active_element() {
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.blur();
        }
    }
}

/// Goes to a route (adds a history entry, so the back button returns).
pub fn navigate(route: &Route) {
    let _ = gloo::utils::window().location().set_hash(&route.href());
}

/// Props of [`Link`].
#[derive(PartialEq, Properties)]
pub struct LinkProps {
    /// Where it leads.
    pub to: Route,
    /// Extra classes.
    #[prop_or_default]
    pub classes: Classes,
    /// What it shows.
    #[prop_or_default]
    pub children: Html,
}

/// A link to a route: a plain anchor to its fragment.
#[function_component(Link)]
pub fn link(props: &LinkProps) -> Html {
    html! { <a href={props.to.href()} class={props.classes.clone()}>{ props.children.clone() }</a> }
}
