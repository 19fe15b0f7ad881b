//! The service worker (web/sw.template.js, written into dist/ by the build): registered
//! from the app's own folder, so it works at any path prefix; when a new build's worker
//! is installed and waiting, the page is told, and on the user's word the new worker
//! takes over and the page reloads, so files of two builds never mix. A page that did not
//! ask (another tab, once the user reloaded one) is told the same, since the new worker
//! now answers its requests with the new build's files.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = gloo::utils::window().navigator();
    // Absent in insecure contexts (plain http on a non-local host) and some private modes.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

fn watch_installing(reg: &web_sys::ServiceWorkerRegistration, on_update: &js_sys::Function) {
    let Some(installing) = reg.installing() else {
        return;
    };
    let on_update = on_update.clone();
    let worker = installing.clone();
    let onstatechange = Closure::<dyn FnMut()>::new(move || {
        let has_controller = container().and_then(|c| c.controller()).is_some();
        if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller {
            let _ = on_update.call0(&JsValue::NULL);
        }
    });
    installing.set_onstatechange(Some(onstatechange.as_ref().unchecked_ref()));
    onstatechange.forget();
}

thread_local! {
    /// Whether this page asked the new version to take over (then it reloads at once).
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Registers the service worker; `on_update` runs when a new version is ready, or has
/// taken over from another tab.
pub fn register(on_update: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    let on_update: js_sys::Function = Closure::<dyn Fn()>::new(on_update)
        .into_js_value()
        .unchecked_into();
    // The first controller of a first visit is this build's own worker taking over; any
    // later change is a new build.
    let had_controller = Cell::new(container.controller().is_some());
    let on_change = on_update.clone();
    let oncontrollerchange = Closure::<dyn FnMut()>::new(move || {
        if ASKED.with(Cell::get) {
            let _ = gloo::utils::window().location().reload();
        } else if had_controller.replace(true) {
            let _ = on_change.call0(&JsValue::NULL);
        }
    });
    container.set_oncontrollerchange(Some(oncontrollerchange.as_ref().unchecked_ref()));
    oncontrollerchange.forget();
    let options = web_sys::RegistrationOptions::new();
    options.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
    let promise = container.register_with_options("./sw.js", &options);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await else {
            return;
        };
        let reg: web_sys::ServiceWorkerRegistration = reg.unchecked_into();
        if reg.waiting().is_some() && container.controller().is_some() {
            let _ = on_update.call0(&JsValue::NULL);
        }
        watch_installing(&reg, &on_update);
        let reg2 = reg.clone();
        let onupdatefound =
            Closure::<dyn FnMut()>::new(move || watch_installing(&reg2, &on_update));
        reg.set_onupdatefound(Some(onupdatefound.as_ref().unchecked_ref()));
        onupdatefound.forget();
        check_when_shown(reg);
    });
}

/// The pages are fragments of one document, so a tab left open never loads a page that
/// would make the browser look for a new build: look when the tab is shown again, at
/// most once an hour.
fn check_when_shown(reg: web_sys::ServiceWorkerRegistration) {
    const HOUR_MS: f64 = 3_600_000.0;
    let last = Cell::new(js_sys::Date::now());
    gloo::events::EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
        let now = js_sys::Date::now();
        if !gloo::utils::document().hidden() && now - last.get() > HOUR_MS {
            last.set(now);
            let _ = reg.update();
        }
    })
    .forget();
}

/// Lets the waiting new version take over, then reloads the page with it.
pub fn apply_update() {
    let Some(container) = container() else {
        let _ = gloo::utils::window().location().reload();
        return;
    };
    ASKED.with(|asked| asked.set(true));
    let ready = container.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        let waiting = JsFuture::from(ready)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let _ = worker.post_message(&"skip-waiting".into());
            }
            None => {
                let _ = gloo::utils::window().location().reload();
            }
        }
    });
}
