//! Where the on-demand module's pages live: host elements that stay in the page (so the
//! buyer's files and table survive a visit to another page), the loading of the module
//! the first time one of its pages is opened ([`crate::web::io::buyer_module`]), and what
//! the host shows until the module runs.

use gloo::events::EventListener;
use yew::prelude::*;

use wasm_bindgen::JsCast;

use crate::core::route::Route;
use crate::web::io::buyer_module::{self, FAILED_EVENT, READY_EVENT};

/// Whether the module runs: starts loading it when `visible` first holds, and turns
/// `true` once it runs. The error says why it could not be loaded, or why it stopped.
#[hook]
pub fn use_module(visible: bool) -> (bool, Option<String>) {
    let ready = use_state(buyer_module::is_ready);
    let problem = use_state(|| None::<String>);
    {
        let (ready, problem) = (ready.clone(), problem.clone());
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on_ready = EventListener::once(&window, READY_EVENT, move |_| ready.set(true));
            let on_failed = EventListener::new(&window, FAILED_EVENT, move |e| {
                let why = e
                    .dyn_ref::<web_sys::CustomEvent>()
                    .and_then(|e| e.detail().as_string())
                    .unwrap_or_else(|| "it could not be loaded".to_owned());
                problem.set(Some(format!("{why}; reload the page to try again")));
            });
            move || drop((on_ready, on_failed))
        });
    }
    // After the listeners above, so a failure while starting reaches them.
    use_effect_with(visible, move |visible| {
        if *visible {
            buyer_module::ensure_loaded();
        }
    });
    (*ready, (*problem).clone())
}

/// What a host shows while its module loads (marked busy, so assistive technology and the
/// tests know the page is not there yet), or why it could not.
pub fn loading(title: &str, class: &'static str, problem: Option<&str>) -> Html {
    html! {
        <main class={class} aria-busy={problem.is_none().then_some("true")}>
            <h1>{ title }</h1>
            if let Some(p) = problem {
                <p class="error" role="alert">{ format!("The page could not be shown: {p}.") }</p>
            } else {
                <p role="status">{ "Loading the page…" }</p>
            }
        </main>
    }
}

/// Props of [`BuyerHost`].
#[derive(PartialEq, Properties)]
pub struct BuyerHostProps {
    /// Whether the compare page is the one shown.
    pub visible: bool,
}

/// The host of the compare page.
#[function_component(BuyerHost)]
pub fn buyer_host(props: &BuyerHostProps) -> Html {
    let (ready, problem) = use_module(props.visible);
    let visible = props.visible;
    use_effect_with((visible, ready), |&(visible, ready)| {
        if visible && ready {
            buyer_module::show_compare();
        }
    });
    html! {
        <>
            if visible && (!ready || problem.is_some()) { { loading(Route::Compare.title(), "compare", problem.as_deref()) } }
            <div id="buyer-root" hidden={!visible || !ready || problem.is_some()}></div>
        </>
    }
}
