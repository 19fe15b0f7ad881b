//! The on-demand module: the buyer's compare page, and the vendor's Results and Report
//! pages, each mounted when the main app asks for it (`web::io::buyer_module` says how
//! the two speak). The compare page's state is the buyer's session, its profile in the
//! browser's storage; a vendor page is a read-only view of the workbook the main app
//! hands over each time it changes, so nothing here saves the vendor's work.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

use crate::core::workbook::Workbook;
use crate::web::io::buyer_module::{
    self, VendorPageKind, SHOW_COMPARE_EVENT, SHOW_VENDOR_PAGE_EVENT,
};
use crate::web::io::{focus, json};
use crate::web::pages::{ComparePage, VendorPage, VendorPageProps};

/// A workbook handed over: its JSON, what it read as, and how many came before it.
type HandedOver = (String, Result<Rc<Workbook>, String>, u64);

thread_local! {
    static VENDOR_PAGE: RefCell<Option<yew::AppHandle<VendorPage>>> = const { RefCell::new(None) };
    static LAST_WORKBOOK: RefCell<Option<HandedOver>> = const { RefCell::new(None) };
    static LAST_KIND: std::cell::Cell<Option<VendorPageKind>> = const { std::cell::Cell::new(None) };
}

/// A fresh element inside the main app's host `id` (the main app owns the host; this
/// module owns what it puts inside).
fn root_in(id: &str) -> Option<web_sys::Element> {
    let document = gloo::utils::document();
    let host = document.get_element_by_id(id)?;
    let root = document.create_element("div").ok()?;
    host.append_child(&root).ok()?;
    Some(root)
}

fn show_compare() {
    thread_local!(static MOUNTED: RefCell<bool> = const { RefCell::new(false) });
    if MOUNTED.with(|m| m.replace(true)) {
        return;
    }
    if let Some(root) = root_in("buyer-root") {
        yew::Renderer::<ComparePage>::with_root(root).render();
    }
}

fn show_vendor_page(event: &web_sys::Event) {
    let Some(event) = event.dyn_ref::<web_sys::CustomEvent>() else {
        return;
    };
    let Some((page, text)) = buyer_module::vendor_page_request(&event.detail()) else {
        return;
    };
    let Some(kind) = VendorPageKind::from_name(&page) else {
        return;
    };
    // The main app hands the workbook over again whenever its own state changes (a save
    // finishing, say); only a different workbook is read and starts a new session, so an
    // export under way on the page keeps its status.
    let (workbook, handed_over) = LAST_WORKBOOK.with(|last| {
        let mut last = last.borrow_mut();
        match last.as_ref() {
            Some((seen, workbook, n)) if *seen == text => (workbook.clone(), *n),
            seen => {
                let n = seen.map_or(0, |(_, _, n)| n + 1);
                let workbook = json::from_json::<Workbook>(&text).map(Rc::new);
                *last = Some((text, workbook.clone(), n));
                (workbook, n)
            }
        }
    });
    // From one of these pages to the other (a link on the page), the link that had the
    // focus is gone with the page: the new page's heading takes it.
    let moved = LAST_KIND
        .with(|k| k.replace(Some(kind)))
        .is_some_and(|was| was != kind);
    let props = VendorPageProps {
        kind,
        workbook,
        handed_over,
    };
    VENDOR_PAGE.with(|slot| {
        let mut slot = slot.borrow_mut();
        match slot.as_mut() {
            Some(handle) => handle.update(props),
            None => {
                if let Some(root) = root_in("vendor-page-root") {
                    *slot = Some(
                        yew::Renderer::<VendorPage>::with_root_and_props(root, props).render(),
                    );
                }
            }
        }
    });
    if moved {
        // Yew renders the new page later; until then the old page's heading is there, so
        // the heading is looked for under the new page's own marker.
        focus::focus_first(&format!("[data-vendor-page='{}'] h1", kind.name()));
    }
}

/// Listens for the main app's requests, then tells it the module runs.
pub fn start() {
    // The Report shows what "partly" means, and this module has no published data file
    // to read it from.
    crate::core::questionnaire::use_explanations();
    // A panic leaves this module's pages frozen; the hosts then say so in place of them.
    std::panic::set_hook(Box::new(|info| {
        let why = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_owned());
        buyer_module::announce_stopped(&why);
    }));
    let window = gloo::utils::window();
    EventListener::new(&window, SHOW_COMPARE_EVENT, |_| show_compare()).forget();
    EventListener::new(&window, SHOW_VENDOR_PAGE_EVENT, show_vendor_page).forget();
    buyer_module::announce_ready();
}
