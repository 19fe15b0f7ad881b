//! The on-demand module as the main app loads and drives it: a same-origin ES module whose
//! file name carries a content hash written into `index.html` by the build
//! (`<meta name="vendor-readiness-buyer">`). It holds the buyer's compare page and the
//! vendor's Results and Report pages, which are not part of the vendor's first load.
//!
//! The two programs share no memory, so they speak through events on `window`: the module
//! fires [`READY_EVENT`] once it runs (and sets [`READY_FLAG`], for a host that comes
//! later); the main app then asks it to show the compare page ([`SHOW_COMPARE_EVENT`]) or
//! a vendor page of a workbook ([`SHOW_VENDOR_PAGE_EVENT`], the workbook as JSON).

use std::cell::Cell;

use wasm_bindgen::{JsCast, JsValue};

use crate::core::route::Route;
use crate::web::io::build_meta;

/// The event the module fires on `window` once it runs.
pub const READY_EVENT: &str = "vendor-readiness-buyer-ready";
/// The property of `window` the module sets to `true` before it fires [`READY_EVENT`].
pub const READY_FLAG: &str = "vendorReadinessModuleReady";
/// The event fired on `window` when the module's files cannot be fetched or started (the
/// detail says why): by the script element for its loader or bindings, by the loader
/// (`scripts/post_build.py`) for its wasm.
pub const FAILED_EVENT: &str = "vendor-readiness-module-failed";
/// Asks the module to mount the compare page into `#buyer-root` (once).
pub const SHOW_COMPARE_EVENT: &str = "vendor-readiness-show-compare";
/// Asks the module to show a vendor page in `#vendor-page-root`; the detail is an
/// object `{ page: "results" | "report", workbook: "<the workbook as JSON>" }`.
pub const SHOW_VENDOR_PAGE_EVENT: &str = "vendor-readiness-show-vendor-page";

/// Which vendor page.
#[derive(Clone, Copy, PartialEq)]
pub enum VendorPageKind {
    /// Results.
    Results,
    /// The printable report.
    Report,
}

impl VendorPageKind {
    /// Its name between the two programs (`web::io::buyer_module`'s events).
    pub fn name(self) -> &'static str {
        match self {
            VendorPageKind::Results => "results",
            VendorPageKind::Report => "report",
        }
    }

    /// The page of a name.
    pub fn from_name(name: &str) -> Option<Self> {
        [VendorPageKind::Results, VendorPageKind::Report]
            .into_iter()
            .find(|k| k.name() == name)
    }

    /// Its heading while the module loads.
    pub fn title(self) -> &'static str {
        match self {
            VendorPageKind::Results => Route::Results.title(),
            VendorPageKind::Report => Route::Report.title(),
        }
    }
}

thread_local! {
    static LOADING: Cell<bool> = const { Cell::new(false) };
}

/// Starts loading the module, once whoever asks first. Whatever stops it (this build
/// has no such module, its files cannot be fetched, it fails to start or later stops on
/// an internal error) reaches every host as a [`FAILED_EVENT`]. There is no second try
/// in the same page: the browser keeps a module script that failed as failed until the
/// page is loaded again, so the hosts say to reload.
pub fn ensure_loaded() {
    if LOADING.with(|l| l.replace(true)) {
        return;
    }
    if let Err(why) = add_script() {
        fire(FAILED_EVENT, &why.into());
    }
}

fn add_script() -> Result<(), &'static str> {
    let document = gloo::utils::document();
    let src = build_meta::versioned_file("buyer").ok_or("this build has no such module")?;
    let script: web_sys::HtmlScriptElement = document
        .create_element("script")
        .map_err(|_| "the module could not be loaded")?
        .unchecked_into();
    script.set_type("module");
    script.set_src(&src);
    gloo::events::EventListener::once(&script, "error", |_| {
        fire(
            FAILED_EVENT,
            &"its files could not be fetched (offline, or blocked by the host)".into(),
        );
    })
    .forget();
    document
        .head()
        .ok_or("the page has no head")?
        .append_child(&script)
        .map_err(|_| "the module could not be loaded")?;
    Ok(())
}

/// Tells the hosts the module stopped on an internal error (a panic), so its page says
/// so instead of freezing; its own panic hook calls this.
pub fn announce_stopped(why: &str) {
    fire(
        FAILED_EVENT,
        &format!("an internal error stopped it ({why})").into(),
    );
}

/// Whether the module runs (and listens for the show events).
pub fn is_ready() -> bool {
    js_sys::Reflect::get(&gloo::utils::window(), &READY_FLAG.into()).is_ok_and(|v| v.is_truthy())
}

/// Tells the main app the module runs.
pub fn announce_ready() {
    let _ = js_sys::Reflect::set(&gloo::utils::window(), &READY_FLAG.into(), &true.into());
    fire(READY_EVENT, &JsValue::UNDEFINED);
}

/// Asks the module to show the compare page.
pub fn show_compare() {
    fire(SHOW_COMPARE_EVENT, &JsValue::UNDEFINED);
}

/// Asks the module to show vendor page `page` (`results` or `report`) of the workbook
/// `workbook_json`.
pub fn show_vendor_page(page: &str, workbook_json: &str) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"page".into(), &page.into());
    let _ = js_sys::Reflect::set(&detail, &"workbook".into(), &workbook_json.into());
    fire(SHOW_VENDOR_PAGE_EVENT, &detail);
}

/// The page and workbook JSON of a [`SHOW_VENDOR_PAGE_EVENT`]'s detail.
pub fn vendor_page_request(detail: &JsValue) -> Option<(String, String)> {
    let get = |key: &str| js_sys::Reflect::get(detail, &key.into()).ok()?.as_string();
    Some((get("page")?, get("workbook")?))
}

fn fire(name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}
