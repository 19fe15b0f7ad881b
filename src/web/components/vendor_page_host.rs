//! The host of the vendor's Results and Report pages, which the on-demand module renders
//! (they are not part of the first load): it hands the module the workbook each time the
//! page is shown or the workbook changes while it is.

use yew::prelude::*;

use crate::web::components::buyer_host::{loading, use_module};
use crate::web::io::buyer_module::{self, VendorPageKind};
use crate::web::io::json;
use crate::web::state::use_app;

/// Props of [`VendorPageHost`].
#[derive(PartialEq, Properties)]
pub struct VendorPageHostProps {
    /// The page shown, if one of the module's vendor pages.
    pub page: Option<VendorPageKind>,
}

/// The host of the vendor pages.
#[function_component(VendorPageHost)]
pub fn vendor_page_host(props: &VendorPageHostProps) -> Html {
    let app = use_app();
    let (module_ready, problem) = use_module(props.page.is_some());
    // Not before the stored copy is restored: the page would show, and export, the copy
    // read at start for a moment, then start again over the restored one.
    let ready = module_ready && app.restored;
    let failed = use_state(|| None::<String>);
    {
        let (app, failed) = (app.clone(), failed.clone());
        use_effect_with(
            (props.page, ready, app.version),
            move |&(page, ready, _)| {
                if let (Some(page), true) = (page, ready) {
                    match json::to_json(&app.workbook) {
                        Ok(text) => {
                            buyer_module::show_vendor_page(page.name(), &text);
                            if failed.is_some() {
                                failed.set(None);
                            }
                        }
                        Err(e) => failed.set(Some(e)),
                    }
                }
            },
        );
    }
    let problem = problem.or_else(|| (*failed).clone());
    let title = props.page.map_or("Results", VendorPageKind::title);
    html! {
        <>
            if props.page.is_some() && (!ready || problem.is_some()) { { loading(title, "results", problem.as_deref()) } }
            <div id="vendor-page-root" hidden={props.page.is_none() || !ready || problem.is_some()}></div>
        </>
    }
}
