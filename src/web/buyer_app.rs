//! The buyer's module: the compare page as an app of its own, mounted into the host
//! element the main app keeps for it (`#buyer-root`). It shares nothing with the vendor's
//! app but the page: its state is the buyer's session, and its profile lives in the
//! browser's storage.

use crate::web::pages::ComparePage;

/// Mounts the compare page into `#buyer-root` and tells the main app it is ready.
pub fn start() {
    let document = gloo::utils::document();
    let Some(host) = document.get_element_by_id("buyer-root") else {
        return;
    };
    // The main app owns the host; this module owns what it puts inside.
    let Ok(root) = document.create_element("div") else {
        return;
    };
    let _ = host.append_child(&root);
    yew::Renderer::<ComparePage>::with_root(root).render();
    crate::web::io::buyer_module::announce_ready();
}
