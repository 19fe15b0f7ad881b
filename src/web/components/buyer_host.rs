//! Where the buyer's module lives: a host element that stays in the page (so the buyer's
//! files and table survive a visit to another page), and the loading of the module the
//! first time the compare page is opened ([`crate::web::io::buyer_module`]).

use gloo::events::EventListener;
use yew::prelude::*;

use crate::web::io::buyer_module::{self, READY_EVENT};

/// Props of [`BuyerHost`].
#[derive(PartialEq, Properties)]
pub struct BuyerHostProps {
    /// Whether the compare page is the one shown.
    pub visible: bool,
}

/// The host of the buyer's module.
#[function_component(BuyerHost)]
pub fn buyer_host(props: &BuyerHostProps) -> Html {
    let started = use_mut_ref(|| false);
    let ready = use_state(|| false);
    let problem = use_state(|| None::<String>);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::once(&gloo::utils::window(), READY_EVENT, move |_| {
                ready.set(true)
            });
            move || drop(listener)
        });
    }
    if props.visible && !*started.borrow() {
        *started.borrow_mut() = true;
        if let Err(e) = buyer_module::load() {
            problem.set(Some(e.to_owned()));
        }
    }
    html! {
        <>
            if props.visible && !*ready {
                <main id="main" class="compare">
                    <h1>{ "Compare vendors" }</h1>
                    if let Some(p) = &*problem {
                        <p class="error" role="alert">{ format!("The comparison page could not start: {p}.") }</p>
                    } else {
                        <p role="status">{ "Loading the comparison page…" }</p>
                    }
                </main>
            }
            <div id="buyer-root" hidden={!props.visible || !*ready}></div>
        </>
    }
}
