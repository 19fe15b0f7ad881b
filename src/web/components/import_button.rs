//! Imports an answers file (or a score file) as a new assessment, so work moves between
//! machines and colleagues. Bad files get a clear message and change nothing.

use yew::prelude::*;

use crate::core::files::{self, score_file};
use crate::core::questionnaire::Questionnaire;
use crate::core::vendor::VendorAction;
use crate::core::workbook::Change;
use crate::web::io::file_import;
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
                    let picked = file_import::read(file, &score_file::KIND).await;
                    let loaded = picked.bytes.and_then(|b| {
                        files::load(&b, Questionnaire::builtin()).map_err(|e| e.to_string())
                    });
                    match loaded {
                        Ok(loaded) => {
                            let name = picked.name.trim_end_matches(".json").to_owned();
                            let migration = loaded
                                .migration()
                                .map(|m| format!(" Its answers were {}.", m.summary()))
                                .unwrap_or_default();
                            let a = loaded.into_assessment();
                            app.dispatch(VendorAction::Change(Change::Import(name.clone(), a)));
                            message.set(Some((
                                true,
                                format!("Imported {name} as a new assessment.{migration}"),
                            )));
                        }
                        Err(e) => message.set(Some((
                            false,
                            format!("{} was not imported: {e}", picked.name),
                        ))),
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
