//! "A new version is available — reload": shown when a new build's service worker is
//! ready. Reloading switches to the new version as a whole; until then the page keeps
//! running the version it was loaded with.

use yew::prelude::*;

use crate::web::io::service_worker;

/// The update banner; registers the service worker once.
#[function_component(UpdateBanner)]
pub fn update_banner() -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            service_worker::register(move || ready.set(true))
        });
    }
    let onreload = Callback::from(|_: MouseEvent| service_worker::apply_update());
    html! {
        if *ready {
            <div class="update-banner no-print" role="status" data-testid="update-banner">
                { "A new version is available — " }
                <button type="button" id="reload-update" onclick={onreload}>{ "reload" }</button>
            </div>
        }
    }
}
