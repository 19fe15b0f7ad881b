//! The root component: routing, the state provider and autosave.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::web::components::{AssessmentList, ProfileForm, TopNav};
use crate::web::io::storage;
use crate::web::pages::{AssessPage, ComparePage, HomePage, ReportPage, ResultsPage};
use crate::web::state::{Action, AppState};

/// Hash routes, so any static host serves every page and reloads work without rewrites.
#[derive(Clone, Routable, PartialEq, Debug)]
pub enum Route {
    /// Landing page.
    #[at("/")]
    Home,
    /// The questionnaire, opened at its first domain.
    #[at("/assess")]
    Assess,
    /// The questionnaire at one domain.
    #[at("/assess/:domain")]
    AssessDomain {
        /// Domain id.
        domain: String,
    },
    /// Vendor profile and the list of assessments.
    #[at("/setup")]
    Setup,
    /// Results of the open assessment.
    #[at("/results")]
    Results,
    /// Printable report of the open assessment.
    #[at("/report")]
    Report,
    /// The buyer's comparison of many vendors.
    #[at("/compare")]
    Compare,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Assess => html! { <AssessPage domain={None::<String>} /> },
        Route::AssessDomain { domain } => html! { <AssessPage domain={Some(domain)} /> },
        Route::Setup => html! {
            <main id="main" class="setup"><h1>{ "Profile and assessments" }</h1><ProfileForm /><AssessmentList /></main>
        },
        Route::Results => html! { <ResultsPage /> },
        Route::Report => html! { <ReportPage /> },
        Route::Compare => html! { <ComparePage /> },
        Route::NotFound => html! {
            <main id="main"><h1>{ "Page not found" }</h1><Link<Route> to={Route::Home}>{ "Go to the start page" }</Link<Route>></main>
        },
    }
}

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState::new(storage::load_workbook_quick()));
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                state.dispatch(Action::Restored(storage::load_workbook().await));
            });
        });
    }
    {
        let state = state.clone();
        use_effect_with(
            (state.session.workbook.clone(), state.restored),
            move |(workbook, restored)| {
                if *restored && state.stored_revision != Some(workbook.revision) {
                    let workbook = workbook.clone();
                    state.dispatch(Action::SaveStarted);
                    wasm_bindgen_futures::spawn_local(async move {
                        let problem = storage::save_workbook(&workbook).await.err();
                        state.dispatch(Action::Storage(problem));
                    });
                }
            },
        );
    }
    html! {
        <ContextProvider<UseReducerHandle<AppState>> context={state}>
            <HashRouter>
                <TopNav />
                <Switch<Route> render={switch} />
            </HashRouter>
        </ContextProvider<UseReducerHandle<AppState>>>
    }
}

/// Mounts the app on the document body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
