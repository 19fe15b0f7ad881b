//! Downloads of the open assessment: the score file (signed when a key is loaded), the
//! answers file, a CSV of the answers, a draft security.txt and a starter disclosure
//! policy. Every file is made by the worker (sealing, signing and exports are not part of
//! the page's first load); this component only asks and saves the result.

use yew::prelude::*;

use crate::core::files::key_file::KeyFile;
use crate::core::files::score_file;
use crate::core::jobs::{Download, Job, Made};
use crate::web::components::{OpenItems, SigningPanel};
use crate::web::io::clock::{now_rfc3339, today};
use crate::web::io::download::download;
use crate::web::io::worker_pool;
use crate::web::state::{use_app, AppContext};

/// Asks the worker for a download of the open assessment and saves it.
fn make(
    app: AppContext,
    what: Download,
    key: Option<KeyFile>,
    error: UseStateHandle<Option<String>>,
    notes: UseStateHandle<Vec<String>>,
) {
    let job = Job::Make {
        download: what,
        assessment: Box::new(app.assessment().clone()),
        key,
        now: now_rfc3339(),
    };
    wasm_bindgen_futures::spawn_local(async move {
        match worker_pool::run::<Made>(&job, None).await {
            Ok(made) => {
                error.set(download(&made.name, &made.mime, made.text.as_bytes()).err());
                notes.set(made.notes);
            }
            Err(e) => error.set(Some(e)),
        }
    });
}

/// Download buttons.
#[function_component(DownloadBar)]
pub fn download_bar() -> Html {
    let app = use_app();
    let error = use_state(|| None::<String>);
    let notes = use_state(Vec::<String>::new);
    let key = use_state(|| None::<KeyFile>);
    let onmake = |what: Download| {
        let (app, key, error, notes) = (app.clone(), key.clone(), error.clone(), notes.clone());
        Callback::from(move |_: MouseEvent| {
            let signing = (what == Download::ScoreFile)
                .then(|| (*key).clone())
                .flatten();
            make(app.clone(), what, signing, error.clone(), notes.clone())
        })
    };
    let button = |label: &'static str, id: &'static str, what: Download| {
        let onclick = onmake(what);
        html! { <button type="button" {id} {onclick}>{ label }</button> }
    };
    let signed = key.is_some();
    let stem = score_file::file_stem(&app.assessment().profile, &today());
    let onscore = onmake(Download::ScoreFile);
    let others = [
        (
            "Answers file (to continue elsewhere)",
            "download-answers",
            Download::AnswersFile,
        ),
        ("Answers as CSV", "download-csv", Download::AnswersCsv),
        (
            "Draft security.txt",
            "download-security-txt",
            Download::SecurityTxt,
        ),
        (
            "Starter disclosure policy (Markdown)",
            "download-vdp",
            Download::DisclosurePolicy,
        ),
    ]
    .map(|(label, id, what)| button(label, id, what));
    let signing_key = (*key).clone();
    let onkey = Callback::from(move |k| key.set(k));
    html! {
        <div class="download-bar">
            <OpenItems ondownload={onscore}>
                { if signed { "Download signed score file" } else { "Download score file" } }
            </OpenItems>
            <SigningPanel {signing_key} {onkey} />
            <details class="more-downloads">
                <summary>{ "More downloads" }</summary>
                { for others }
                <p class="small">{ format!("Files are named {stem}…") }</p>
                if !notes.is_empty() {
                    <ul class="warning" role="status" data-testid="download-notes">{ for notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                }
            </details>
            if let Some(e) = &*error { <p class="error" role="alert">{ e }</p> }
            if let Some(problem) = &app.storage_problem {
                <p class="warning" role="alert">{ format!("Your answers could not be saved in this browser ({problem}). Download the answers file or the score file to keep them.") }</p>
            }
        </div>
    }
}
