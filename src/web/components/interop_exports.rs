//! The Results page's interoperable exports: a CycloneDX 1.6 attestation (CDXA) and OSCAL
//! 1.1.3 assessment results of the open assessment, made by the worker and saved as
//! `<stem>.cdxa.json` and `<stem>.oscal-ar.json`. The answers open in the page are not
//! sealed, and the page says so; a score file picked here ([`FileExport`]) exports with
//! its digest and signature.

use yew::prelude::*;

use crate::core::export::Interop;
use crate::core::jobs::{Download, Job, Made};
use crate::web::components::FileExport;
use crate::web::io::clock::now_rfc3339;
use crate::web::io::download::download;
use crate::web::io::worker_pool;
use crate::web::state::use_app;

/// What the last export did: saved a file (with what to know about it), or failed.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Working,
    Saved(String, Vec<String>),
    Failed(String),
}

/// Export buttons.
#[function_component(InteropExports)]
pub fn interop_exports() -> Html {
    let app = use_app();
    let status = use_state(|| Status::Idle);
    let button = |label: &'static str, id: &'static str, what: Download| {
        let (app, status) = (app.clone(), status.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let job = Job::Make {
                download: what,
                assessment: Box::new(app.assessment().clone()),
                key: None,
                now: now_rfc3339(),
            };
            status.set(Status::Working);
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = worker_pool::run::<Made>(&job, None).await.and_then(|made| {
                    download(&made.name, &made.mime, made.text.as_bytes())?;
                    Ok(Status::Saved(made.name, made.notes))
                });
                status.set(result.unwrap_or_else(Status::Failed));
            });
        });
        html! { <button type="button" {id} {onclick}>{ label }</button> }
    };
    let outcome = match &*status {
        Status::Idle => html! {},
        Status::Working => html! { <p role="status">{ "Making the export…" }</p> },
        Status::Saved(name, notes) => html! {
            <div role="status" data-testid="export-status">
                <p>{ format!("Saved {name}.") }</p>
                <ul class="small">{ for notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            </div>
        },
        Status::Failed(e) => html! { <p class="error" role="alert">{ e }</p> },
    };
    html! {
        <section class="interop-exports no-print" aria-labelledby="interop-title">
            <h2 id="interop-title">{ "Export for other tools" }</h2>
            <p>{ "Standard formats that security, procurement and GRC tools read. Each is made in this browser; nothing is sent." }</p>
            <p>
                { button("CycloneDX attestation (CDXA)", "export-cyclonedx", Download::Export(Interop::Cyclonedx)) }{ " " }
                { button("OSCAL assessment results", "export-oscal", Download::Export(Interop::Oscal)) }
            </p>
            <p class="small">{ "These exports are made from the answers open here, which are not sealed: they carry no score-file digest and no signature." }</p>
            { outcome }
            <h3>{ "Export a score file" }</h3>
            <p class="small">{ "The export of a score file (one you downloaded, or a vendor sent you) carries its digest and signature, so a reader can tie it back to the file. The command line does the same: " }<code>{ "vendor-readiness export --format cyclonedx FILE" }</code>{ "." }</p>
            <FileExport id="export-score" />
        </section>
    }
}
