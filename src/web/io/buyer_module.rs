//! The buyer's module as the main app loads it: a same-origin ES module whose file name
//! carries a content hash written into `index.html` by the build
//! (`<meta name="vendor-readiness-buyer">`), and the event it fires once on screen.

use wasm_bindgen::JsCast;

use crate::web::io::build_meta;

/// The event the buyer's module fires on `window` once it is on screen.
pub const READY_EVENT: &str = "vendor-readiness-buyer-ready";

/// Starts loading the buyer's module; the error says why it could not.
pub fn load() -> Result<(), String> {
    let document = gloo::utils::document();
    let src = build_meta::versioned_file("buyer").ok_or("this build has no buyer module")?;
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

/// Tells the main app the buyer's module is on screen.
pub fn announce_ready() {
    if let Ok(event) = web_sys::CustomEvent::new(READY_EVENT) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}
