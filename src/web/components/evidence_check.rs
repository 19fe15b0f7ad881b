//! The buyer's evidence check in a vendor's detail view: the buyer drops (or picks) the
//! evidence files the vendor sent; each is hashed by a worker, piece by piece (any size,
//! nothing uploaded), and matched against the files the vendor's answers record. The
//! state is the session's [`crate::core::buyer::evidence_check::EvidenceCheck`]; each
//! file's result and what is still missing come from its `view`.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::buyer::compare::Detail;
use crate::core::buyer::evidence_check::CheckChange;
use crate::core::buyer::session::BuyerChange;
use crate::core::questionnaire::Questionnaire;
use crate::web::components::evidence_result::citations;
use crate::web::components::EvidenceResult;
use crate::web::io::{file_import, verifier};
use crate::web::state::{use_buyer, BuyerContext};

thread_local! {
    /// Numbers for dropped files, unique for the page's life.
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
}

/// Props of [`EvidenceCheckPanel`].
#[derive(PartialEq, Properties)]
pub struct EvidenceCheckPanelProps {
    /// The vendor's file, as the session names it.
    pub file_name: AttrValue,
    /// Its verified answers.
    pub detail: Rc<Detail>,
    /// Whether the file is flagged (its recorded hashes cannot be trusted).
    pub flagged: bool,
}

fn check(buyer: &BuyerContext, file_name: &AttrValue, files: Vec<web_sys::File>) {
    for file in files {
        let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
        let (buyer, file_name) = (buyer.clone(), file_name.to_string());
        let change = CheckChange::Add {
            id,
            name: file.name(),
        };
        buyer.dispatch(BuyerChange::Evidence {
            file_name: file_name.clone(),
            change,
        });
        wasm_bindgen_futures::spawn_local(async move {
            let change = CheckChange::Hashed {
                id,
                result: verifier::hash(&file).await,
            };
            buyer.dispatch(BuyerChange::Evidence { file_name, change });
        });
    }
}

/// File input, drop zone and results.
#[function_component(EvidenceCheckPanel)]
pub fn evidence_check_panel(props: &EvidenceCheckPanelProps) -> Html {
    let buyer = use_buyer();
    let view = buyer
        .evidence
        .get(props.file_name.as_str())
        .cloned()
        .unwrap_or_default()
        .view(Questionnaire::builtin(), &props.detail.answers);
    let onpick = {
        let (buyer, file_name) = (buyer.clone(), props.file_name.clone());
        Callback::from(move |e: Event| check(&buyer, &file_name, file_import::from_input(&e)))
    };
    let ondrop = {
        let (buyer, file_name) = (buyer.clone(), props.file_name.clone());
        Callback::from(move |e: DragEvent| check(&buyer, &file_name, file_import::from_drop(&e)))
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let onclear = {
        let (buyer, file_name) = (buyer.clone(), props.file_name.to_string());
        Callback::from(move |_: MouseEvent| {
            let change = CheckChange::Clear;
            buyer.dispatch(BuyerChange::Evidence {
                file_name: file_name.clone(),
                change,
            })
        })
    };
    html! {
        <section class="evidence-check" aria-labelledby="evidence-check-title">
            <h3 id="evidence-check-title">{ "Check the evidence files you received" }</h3>
            <p class="small">{ "Each file is hashed in this browser (any size; nothing is uploaded) and matched to the files this score file records by SHA-256." }</p>
            if props.flagged { <p class="warning" role="alert">{ "This score file is flagged: the hashes it records cannot be trusted." }</p> }
            <div class="drop-zone no-print" {ondrop} {ondragover}>
                <label class="button">{ "Choose evidence files…" }
                    <input id="evidence-files" class="visually-hidden" type="file" multiple=true onchange={onpick} />
                </label>
                <span>{ " or drop them here." }</span>
            </div>
            if view.hashing > 0 { <p role="status">{ format!("Hashing {} file(s)…", view.hashing) }</p> }
            if !view.rows.is_empty() {
                <ul class="evidence-results" aria-live="polite">{ for view.rows.iter().map(|row| html! { <EvidenceResult key={row.id} row={row.clone()} /> }) }</ul>
                <p class="no-print"><button type="button" class="link" onclick={onclear}>{ "Forget these files" }</button></p>
            }
            if view.recorded == 0 {
                <p data-testid="evidence-missing">{ "This score file records no local evidence files." }</p>
            } else {
                <h4 data-testid="evidence-missing">{ format!("Still missing: {} of the {} files it records", view.missing.len(), view.recorded) }</h4>
                <ul class="evidence-missing">
                    { for view.missing.iter().map(|m| html! { <li class="missing" data-sha256={m.sha256.clone()}><strong>{ m.names_text() }</strong>{ " · " }{ m.content_text() }{ citations(&m.references) }</li> }) }
                </ul>
            }
        </section>
    }
}
