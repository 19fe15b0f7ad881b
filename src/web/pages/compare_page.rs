//! The buyer's page: import many score files (picker or drag and drop), see each
//! verified and re-scored, compare them against the buyer's minimum profile, see a
//! vendor's progress between two of its files and check the evidence files it sent. The state
//! is the core's [`BuyerSession`]; this page provides it and has its effects run
//! ([`crate::web::buyer_effects`]).

use std::collections::HashMap;

use yew::prelude::*;

use crate::core::buyer::session::{BuyerChange, BuyerSession};
use crate::core::questionnaire::Questionnaire;
use crate::web::buyer_effects::{import, run_effects, FileStore};
use crate::web::components::{
    radar_chart, BuyerProfileEditor, FileExport, ProgressView, RadarSeries, VendorDetail,
    VendorTable,
};
use crate::web::io::verifier;
use crate::web::io::{clock::now, download::download, file_import, storage};
use crate::web::state::{BuyerContext, Store};

/// Compare page.
#[function_component(ComparePage)]
pub fn compare_page() -> Html {
    let buyer = use_reducer(|| Store::new(BuyerSession::new(storage::load_buyer_profile(), now())));
    let files: FileStore = use_mut_ref(HashMap::new);
    let save_error = use_state(|| None::<String>);
    {
        let (buyer, files, save_error) = (buyer.clone(), files.clone(), save_error.clone());
        use_effect_with(buyer.version, move |_| {
            run_effects(&buyer, &files, &save_error)
        });
    }
    // The workers start (and warm up) while the buyer is still choosing files.
    use_effect_with((), |_| verifier::prepare());
    let q = Questionnaire::builtin();
    let onpick = {
        let (buyer, files) = (buyer.clone(), files.clone());
        Callback::from(move |e: Event| import(&buyer, &files, file_import::from_input(&e)))
    };
    let ondrop = {
        let (buyer, files) = (buyer.clone(), files.clone());
        Callback::from(move |e: DragEvent| import(&buyer, &files, file_import::from_drop(&e)))
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let oncsv = {
        let buyer = buyer.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = download(
                "vendor-comparison.csv",
                "text/csv",
                buyer.comparison_csv().as_bytes(),
            );
        })
    };
    let onprint = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let onclear = {
        let (buyer, files) = (buyer.clone(), files.clone());
        Callback::from(move |_: MouseEvent| {
            files.borrow_mut().clear();
            buyer.dispatch(BuyerChange::Clear)
        })
    };
    let refused = buyer.refused().map(|(name, error)| html! { <li class="refused" data-file={name.to_owned()}><strong>{ name }</strong>{ ": " }{ error }</li> });
    let series: Vec<RadarSeries> = buyer
        .selected_rows()
        .iter()
        .map(|r| RadarSeries {
            name: format!("{} ({})", r.organisation(), r.file_name),
            levels: q.domains.iter().map(|d| r.level(&d.id)).collect(),
        })
        .collect();
    let refused_count = buyer.refused().count();
    html! {
        <ContextProvider<BuyerContext> context={buyer.clone()}>
        <main class="compare">
            <h1>{ crate::core::route::Route::Compare.title() }</h1>
            <p class="lead">{ "Drop vendors' score files here. Each is verified (digest, signature), re-scored from its answers, and checked against your minimum profile. Nothing leaves this page." }</p>
            <div class="drop-zone no-print" {ondrop} {ondragover}>
                <label class="button primary">{ "Choose score files…" }
                    <input id="import-files" class="visually-hidden" type="file" multiple=true accept=".json,application/json" onchange={onpick} />
                </label>
                <span>{ " or drag and drop them here." }</span>
                if let Some((done, total)) = buyer.queue.progress() {
                    <progress max={total.to_string()} value={done.to_string()} aria-label="Import progress"></progress>
                    <span role="status">{ format!("Imported {done} of {total}") }</span>
                }
            </div>
            if let Some(e) = &*save_error { <p class="warning" role="alert">{ format!("Your profile could not be saved in this browser ({e}); export it to keep it.") }</p> }
            <p data-testid="summary">{ format!("{} vendors loaded, {} pass your profile, {} files refused.", buyer.rows.len(), buyer.passing(), refused_count) }</p>
            if refused_count > 0 { <ul class="refused-list">{ for refused }</ul> }
            <BuyerProfileEditor />
            <VendorTable />
            <p class="no-print">
                <button type="button" id="export-comparison" onclick={oncsv}>{ "Export comparison (CSV)" }</button>{ " " }
                <button type="button" onclick={onprint}>{ "Print comparison" }</button>{ " " }
                <button type="button" class="danger" onclick={onclear}>{ "Remove all files" }</button>
            </p>
            if !series.is_empty() {
                <section aria-labelledby="overlay-title"><h2 id="overlay-title">{ "Selected vendors" }</h2>{ radar_chart(&series) }</section>
            }
            if let Some(pair) = buyer.progress_pair() { <ProgressView {pair} /> }
            <VendorDetail />
            <section class="no-print" aria-labelledby="grc-title">
                <h2 id="grc-title">{ "Export a vendor's file for GRC tools" }</h2>
                <p class="small">{ "Pick one of the score files: it is verified again and saved as a CycloneDX attestation or OSCAL assessment results that carry its digest and signature check." }</p>
                <FileExport id="grc-export" />
            </section>
        </main>
        </ContextProvider<BuyerContext>>
    }
}
