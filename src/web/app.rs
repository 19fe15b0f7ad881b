//! The root component: the vendor store and its effects (restore, debounced saves), the
//! router and the pages.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::core::vendor::{
    SaveStatus, VendorAction, VendorEffect, VendorSession, SAVE_DEBOUNCE_MS,
};
use crate::core::workbook::Workbook;
use crate::web::components::{
    profile_form, top_nav, AssessmentList, BuyerHost, UpdateBanner, VendorPageHost,
};
use crate::web::io::buyer_module::VendorPageKind;
use crate::web::io::{data_file, storage};
use crate::web::pages::{home_page, AssessPage};
use crate::web::routes::{use_route, Link, Route};
use crate::web::state::{AppContext, Store};

fn page(app: &AppContext, route: Route) -> Html {
    match &route {
        Route::Home => home_page(app),
        Route::Assess => html! { <AssessPage domain={None::<String>} /> },
        Route::AssessDomain { domain } => html! { <AssessPage domain={Some(domain.clone())} /> },
        Route::Setup => html! {
            <main class="setup"><h1>{ route.title() }</h1>{ profile_form(app) }<AssessmentList /></main>
        },
        // The on-demand module's pages, in the hosts below.
        Route::Results | Route::Report | Route::Compare => html! {},
        Route::NotFound => html! {
            <main><h1>{ route.title() }</h1><Link to={Route::Home}>{ "Go to the start page" }</Link></main>
        },
    }
}

/// Runs the vendor session's effects: the save pause, the saves themselves and the
/// published data's fetch.
fn run_effects(app: &AppContext, pause: &Rc<RefCell<Option<Timeout>>>) {
    for effect in &app.take_effects() {
        match effect {
            VendorEffect::ScheduleSave => {
                let app = app.clone();
                // Replacing the timeout cancels the previous one: the pause restarts.
                *pause.borrow_mut() = Some(Timeout::new(SAVE_DEBOUNCE_MS, move || {
                    app.dispatch(VendorAction::SaveDue)
                }));
            }
            VendorEffect::Save(workbook) => {
                let (app, workbook) = (app.clone(), workbook.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let problem = storage::save_workbook(&workbook).await.err();
                    app.dispatch(VendorAction::SaveFinished {
                        revision: workbook.revision,
                        problem,
                    });
                });
            }
            VendorEffect::FetchPublished => {
                let app = app.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let fetched = data_file::fetch_published().await;
                    app.dispatch(VendorAction::PublishedFetched(fetched));
                });
            }
        }
    }
}

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let app = use_reducer(|| Store::new(VendorSession::new(storage::load_workbook_quick())));
    let pause = use_mut_ref(|| None::<Timeout>);
    // The latest unsaved workbook, for the unload handler (a closure would see a stale one).
    let unsaved = use_mut_ref(|| None::<Workbook>);
    *unsaved.borrow_mut() =
        (app.restored && app.save_status() != SaveStatus::Saved).then(|| app.workbook.clone());
    {
        let (app, unsaved) = (app.clone(), unsaved.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local({
                let app = app.clone();
                async move { app.dispatch(VendorAction::Restored(storage::load_workbook().await)) }
            });
            // After the first render: the cards' "References" disclosures need them.
            app.dispatch(VendorAction::FetchPublished);
            // A page being hidden or unloaded may not live to finish an IndexedDB write or
            // the save pause: write the unsaved workbook to localStorage at once, then start
            // the durable save.
            let flush = Rc::new(move || {
                if let Some(workbook) = unsaved.borrow().as_ref() {
                    storage::save_quick(workbook);
                }
                app.dispatch(VendorAction::SaveDue);
            });
            let on_hide = {
                let flush = flush.clone();
                EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                    if gloo::utils::document().hidden() {
                        flush()
                    }
                })
            };
            let on_pagehide =
                EventListener::new(&gloo::utils::window(), "pagehide", move |_| flush());
            move || drop((on_hide, on_pagehide))
        });
    }
    {
        let (app, pause) = (app.clone(), pause.clone());
        use_effect_with(app.version, move |_| run_effects(&app, &pause));
    }
    let route = use_route();
    // The title index.html gave the page, read once, ends every page's title.
    let site = use_memo((), |_| gloo::utils::document().title());
    use_effect_with(route.clone(), move |route| {
        gloo::utils::document().set_title(&route.document_title(&site))
    });
    let buyer = route == Route::Compare;
    let vendor_page = match route {
        Route::Results => Some(VendorPageKind::Results),
        Route::Report => Some(VendorPageKind::Report),
        _ => None,
    };
    html! {
        <ContextProvider<AppContext> context={app.clone()}>
            <UpdateBanner />
            { top_nav(&app) }
            { page(&app, route) }
            <BuyerHost visible={buyer} />
            <VendorPageHost page={vendor_page} />
        </ContextProvider<AppContext>>
    }
}

/// Mounts the app on the document body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
