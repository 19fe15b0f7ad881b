//! Imports an answers file (or a score file) as a new assessment, so work moves between
//! machines and colleagues. Bad files get a clear message and change nothing.

use yew::prelude::*;

use crate::core::jobs::{Job, Opened};
use crate::core::vendor::VendorAction;
use crate::core::workbook::{imported_name, Change};
use crate::web::io::{file_import, worker_pool};
use crate::web::state::use_app;

/// File input that imports assessments.
#[function_component(ImportButton)]
pub fn import_button() -> Html {
    let app = use_app();
    let message = use_state(|| None::<(bool, String)>);
    let onchange = {
        let (app, message) = (app.clone(), message.clone());
        Callback::from(move |e: Event| {
            for file in file_import::from_input(&e) {
                let (app, message) = (app.clone(), message.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let file_name = file.name();
                    match worker_pool::run::<Opened>(&Job::Open, Some(&file)).await {
                        Ok(opened) => {
                            let name = imported_name(&file_name);
                            let migration = opened
                                .migration
                                .map(|m| format!(" Its answers were {m}."))
                                .unwrap_or_default();
                            app.dispatch(VendorAction::Change(Change::Import(
                                name.clone(),
                                opened.assessment,
                            )));
                            message.set(Some((
                                true,
                                format!("Imported {name} as a new assessment.{migration}"),
                            )));
                        }
                        Err(e) => {
                            message.set(Some((false, format!("{file_name} was not imported: {e}"))))
                        }
                    }
                });
            }
        })
    };
    html! {
        <div class="import">
            <label class="button">{ "Import answers or score file…" }
                <input class="visually-hidden" type="file" accept=".json,application/json" {onchange} />
            </label>
            if let Some((ok, text)) = &*message {
                <p class={if *ok { "notice" } else { "error" }} role="status">{ text }</p>
            }
        </div>
    }
}
