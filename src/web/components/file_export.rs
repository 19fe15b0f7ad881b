//! Export a score or answers file for GRC tools: the user picks the file and a format;
//! the worker reads it through the same loader as every other file (a score file is
//! verified) and makes a CycloneDX 1.6 attestation or OSCAL 1.1.3 assessment results,
//! saved as `<vendor>-<product>-<date>.cdxa.json` / `.oscal-ar.json`. A score file's
//! export carries its digest and signature; what the file did not pass is said.

use yew::prelude::*;

use crate::core::export::Interop;
use crate::core::jobs::{Job, Made};
use crate::web::io::clock::now_rfc3339;
use crate::web::io::download::download;
use crate::web::io::{file_import, worker_pool};

/// Props of [`FileExport`].
#[derive(PartialEq, Properties)]
pub struct FileExportProps {
    /// Distinguishes the ids of two pickers on one page.
    pub id: AttrValue,
}

/// What the last export did.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Working(String),
    Saved(String, Vec<String>),
    Failed(String),
}

fn format_of(value: &str) -> Interop {
    if value == "oscal" {
        Interop::Oscal
    } else {
        Interop::Cyclonedx
    }
}

/// A format choice and a file picker.
#[function_component(FileExport)]
pub fn file_export(props: &FileExportProps) -> Html {
    let status = use_state(|| Status::Idle);
    let format = use_state(|| Interop::Cyclonedx);
    let onformat = {
        let format = format.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                format.set(format_of(&select.value()));
            }
        })
    };
    let onpick = {
        let (status, format) = (status.clone(), *format);
        Callback::from(move |e: Event| {
            let Some(file) = file_import::from_input(&e).into_iter().next() else {
                return;
            };
            let name = file.name();
            status.set(Status::Working(name.clone()));
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let job = Job::ExportFile {
                    format,
                    now: now_rfc3339(),
                };
                let result = worker_pool::run::<Made>(&job, Some(&file))
                    .await
                    .and_then(|made| {
                        download(&made.name, &made.mime, made.text.as_bytes())?;
                        Ok(Status::Saved(made.name, made.notes))
                    });
                status.set(result.unwrap_or_else(|e| Status::Failed(format!("{name}: {e}"))));
            });
        })
    };
    let outcome = match &*status {
        Status::Idle => html! {},
        Status::Working(name) => html! { <p role="status">{ format!("Exporting {name}…") }</p> },
        Status::Saved(name, notes) => html! {
            <div role="status" data-testid="file-export-status">
                <p>{ format!("Saved {name}.") }</p>
                <ul class="small">{ for notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            </div>
        },
        Status::Failed(e) => html! { <p class="error" role="alert">{ e }</p> },
    };
    let (select_id, input_id) = (format!("{}-format", props.id), format!("{}-file", props.id));
    html! {
        <div class="file-export no-print">
            <label for={select_id.clone()}>{ "Format " }</label>
            <select id={select_id} onchange={onformat}>
                <option value="cyclonedx" selected={*format == Interop::Cyclonedx}>{ "CycloneDX attestation (CDXA)" }</option>
                <option value="oscal" selected={*format == Interop::Oscal}>{ "OSCAL assessment results" }</option>
            </select>
            { " " }
            <label class="button">{ "Choose a score or answers file…" }
                <input id={input_id} class="visually-hidden" type="file" accept=".json,application/json" onchange={onpick} />
            </label>
            { outcome }
        </div>
    }
}
