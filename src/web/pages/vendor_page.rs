//! The vendor's Results or Report page in the on-demand module, over a copy of the
//! workbook the main app handed over: a session of its own (scored from that copy) whose
//! effects, saves among them, are never run, so it cannot write over the vendor's work.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::vendor::VendorSession;
use crate::core::workbook::Workbook;
use crate::web::io::buyer_module::VendorPageKind;
use crate::web::pages::{report_page, results_page};
use crate::web::state::{AppContext, Store};

/// Props of [`VendorPage`].
#[derive(PartialEq, Properties)]
pub struct VendorPageProps {
    /// Which page.
    pub kind: VendorPageKind,
    /// The workbook as handed over, or why it could not be read.
    pub workbook: Result<Rc<Workbook>, String>,
    /// How many workbooks were handed over before this one.
    pub handed_over: u64,
}

#[derive(PartialEq, Properties)]
struct SessionPageProps {
    kind: VendorPageKind,
    workbook: Rc<Workbook>,
}

#[function_component(SessionPage)]
fn session_page(props: &SessionPageProps) -> Html {
    let app: AppContext = use_reducer(|| Store::new(VendorSession::new((*props.workbook).clone())));
    let page = match props.kind {
        VendorPageKind::Results => results_page(&app),
        VendorPageKind::Report => report_page(&app),
    };
    // The page's kind on its wrapper, so whoever waits for this page (the focus move, the
    // tests) cannot take the page it replaces for it.
    html! {
        <div data-vendor-page={props.kind.name()}>
            <ContextProvider<AppContext> context={app.clone()}>{ page }</ContextProvider<AppContext>>
        </div>
    }
}

/// The page, rebuilt from each workbook handed over.
#[function_component(VendorPage)]
pub fn vendor_page(props: &VendorPageProps) -> Html {
    match &props.workbook {
        // Keyed by the hand-over: a new workbook starts a new session.
        Ok(workbook) => html! {
            <SessionPage key={props.handed_over.to_string()} kind={props.kind} workbook={workbook.clone()} />
        },
        Err(why) => html! {
            <main><p class="error" role="alert">{ format!("The page could not read the assessment: {why}.") }</p></main>
        },
    }
}
