//! Where the buyer's module lives: a host element that stays in the page (so the buyer's
//! files and table survive a visit to another page), and the loading of the module the
//! first time the compare page is opened. The module's file name carries a content hash
//! written into `index.html` by the build (`<meta name="vendor-readiness-buyer">`).

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::web::buyer_app::READY_EVENT;

/// Props of [`BuyerHost`].
#[derive(PartialEq, Properties)]
pub struct BuyerHostProps {
    /// Whether the compare page is the one shown.
    pub visible: bool,
}

/// Starts loading the buyer's module; the error says why it could not.
fn load_module() -> Result<(), String> {
    let document = gloo::utils::document();
    let src = document
        .query_selector("meta[name=vendor-readiness-buyer]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|s| !s.is_empty() && !s.contains("BUYER_LOADER"))
        .ok_or("this build has no buyer module")?;
    let script: web_sys::HtmlScriptElement = document
        .create_element("script")
        .map_err(|_| "the buyer module could not be loaded")?
        .unchecked_into();
    script.set_type("module");
    script.set_src(&src);
    document
        .head()
        .ok_or("the page has no head")?
        .append_child(&script)
        .map_err(|_| "the buyer module could not be loaded")?;
    Ok(())
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
        if let Err(e) = load_module() {
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
