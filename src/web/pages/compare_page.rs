//! The buyer's page: import many score files (picker or drag and drop), see each
//! verified and re-scored, compare them against the buyer's minimum profile.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::buyer::compare;
use crate::core::buyer::session::{BuyerChange, BuyerSession};
use crate::core::files::score_file::MAX_FILE_BYTES;
use crate::core::questionnaire::Questionnaire;
use crate::web::components::{
    BuyerProfileEditor, RadarChart, RadarSeries, VendorDetail, VendorTable,
};
use crate::web::io::{clock::now, download::download, file_import, storage};

/// The buyer session plus import progress.
#[derive(Clone, PartialEq)]
pub struct BuyerState {
    /// Files, profile and table view.
    pub session: BuyerSession,
    /// Files imported so far and in this batch.
    pub progress: Option<(usize, usize)>,
    /// The vendor whose answers are shown in detail.
    pub open: Option<String>,
}

/// What the compare page dispatches.
pub enum BuyerAction {
    /// A change to the session.
    Change(BuyerChange),
    /// Several changes at once (one render for a batch of imported files).
    Batch(Vec<BuyerChange>),
    /// Import progress.
    Progress(Option<(usize, usize)>),
    /// Show one vendor's answers (or none).
    Open(Option<String>),
}

impl Reducible for BuyerState {
    type Action = BuyerAction;
    fn reduce(self: Rc<Self>, action: BuyerAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            BuyerAction::Change(change) => next.session.update(change),
            BuyerAction::Batch(changes) => changes.into_iter().for_each(|c| next.session.update(c)),
            BuyerAction::Progress(p) => next.progress = p,
            BuyerAction::Open(name) => next.open = name,
        }
        Rc::new(next)
    }
}

/// Handle to the buyer state.
pub type BuyerHandle = UseReducerHandle<BuyerState>;

/// Reads and verifies files one by one, yielding to the browser whenever a slice of
/// work has run for a few milliseconds and re-rendering a few times a second, so a
/// thousand files show progress instead of freezing the page.
fn import(state: BuyerHandle, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let q = Questionnaire::builtin();
        let total = files.len();
        let mut batch = Vec::new();
        let (mut slice_start, mut last_render) = (js_sys::Date::now(), js_sys::Date::now());
        for (i, file) in files.into_iter().enumerate() {
            let picked = file_import::read(file, MAX_FILE_BYTES).await;
            let change = match picked.bytes {
                Ok(bytes) => BuyerChange::Verified {
                    file_name: picked.name,
                    result: compare::load_score(&bytes, q)
                        .map(Box::new)
                        .map_err(|e| e.to_string()),
                },
                Err(error) => BuyerChange::Unreadable {
                    file_name: picked.name,
                    error,
                },
            };
            batch.push(change);
            let now = js_sys::Date::now();
            let done = i + 1 == total;
            if done || now - last_render > 400.0 {
                state.dispatch(BuyerAction::Batch(std::mem::take(&mut batch)));
                state.dispatch(BuyerAction::Progress(Some((i + 1, total))));
                last_render = now;
            }
            if done || now - slice_start > 12.0 {
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                slice_start = js_sys::Date::now();
            }
        }
        state.dispatch(BuyerAction::Progress(None));
    });
}

/// Compare page.
#[function_component(ComparePage)]
pub fn compare_page() -> Html {
    let state = use_reducer(|| BuyerState {
        session: BuyerSession::new(storage::load_buyer_profile(), now()),
        progress: None,
        open: None,
    });
    let save_error = use_state(|| None::<String>);
    {
        let save_error = save_error.clone();
        use_effect_with(state.session.profile.clone(), move |p| {
            save_error.set(storage::save_buyer_profile(p).err())
        });
    }
    let q = Questionnaire::builtin();
    let s = &state.session;
    let onpick = {
        let state = state.clone();
        Callback::from(move |e: Event| import(state.clone(), file_import::from_input(&e)))
    };
    let ondrop = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| import(state.clone(), file_import::from_drop(&e)))
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let oncsv = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let s = &state.session;
            let mut csv = compare::comparison_csv(&s.rows, Questionnaire::builtin());
            for (name, error) in s.refused() {
                csv.push_str(&compare::refused_csv_row(
                    name,
                    error,
                    Questionnaire::builtin(),
                ));
            }
            let _ = download("vendor-comparison.csv", "text/csv", csv.as_bytes());
        })
    };
    let onprint = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let onclear = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(BuyerAction::Change(BuyerChange::Clear)))
    };
    let refused = s.refused().map(|(name, error)| html! { <li class="refused" data-file={name.to_owned()}><strong>{ name }</strong>{ ": " }{ error }</li> });
    let selected = s.selected_rows();
    let series: Vec<RadarSeries> = selected
        .iter()
        .map(|r| RadarSeries {
            name: format!("{} ({})", r.organisation, r.file_name),
            levels: q.domains.iter().map(|d| r.level(&d.id)).collect(),
        })
        .collect();
    let passing = s.rows.iter().filter(|r| r.verdict.pass).count();
    html! {
        <main id="main" class="compare">
            <h1>{ "Compare vendors" }</h1>
            <p class="lead">{ "Drop vendors' score files here. Each is verified (digest, signature), re-scored from its answers, and checked against your minimum profile. Nothing leaves this page." }</p>
            <div class="drop-zone no-print" {ondrop} {ondragover}>
                <label class="button primary">{ "Choose score files…" }
                    <input id="import-files" class="visually-hidden" type="file" multiple=true accept=".json,application/json" onchange={onpick} />
                </label>
                <span>{ " or drag and drop them here." }</span>
                if let Some((done, total)) = state.progress {
                    <progress max={total.to_string()} value={done.to_string()} aria-label="Import progress"></progress>
                    <span role="status">{ format!("Imported {done} of {total}") }</span>
                }
            </div>
            if let Some(e) = &*save_error { <p class="warning" role="alert">{ format!("Your profile could not be saved in this browser ({e}); export it to keep it.") }</p> }
            <p data-testid="summary">{ format!("{} vendors loaded, {} pass your profile, {} files refused.", s.rows.len(), passing, s.refused().count()) }</p>
            if s.refused().count() > 0 { <ul class="refused-list">{ for refused }</ul> }
            <BuyerProfileEditor state={state.clone()} />
            <VendorTable state={state.clone()} />
            <p class="no-print">
                <button type="button" id="export-comparison" onclick={oncsv}>{ "Export comparison (CSV)" }</button>{ " " }
                <button type="button" onclick={onprint}>{ "Print comparison" }</button>{ " " }
                <button type="button" class="danger" onclick={onclear}>{ "Remove all files" }</button>
            </p>
            if !series.is_empty() {
                <section aria-labelledby="overlay-title"><h2 id="overlay-title">{ "Selected vendors" }</h2><RadarChart {series} /></section>
            }
            <VendorDetail state={state.clone()} />
        </main>
    }
}
