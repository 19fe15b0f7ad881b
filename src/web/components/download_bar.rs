//! Downloads of the open assessment: the score file (signed when a key is loaded), the
//! answers file, a CSV of the answers, a draft security.txt and a starter disclosure policy.

use yew::prelude::*;

use crate::core::assessment::Assessment;
use crate::core::export;
use crate::core::files::content::check_assessment;
use crate::core::files::key_file::KeyFile;
use crate::core::files::score_file;
use crate::core::questionnaire::Questionnaire;
use crate::web::components::{OpenItems, SigningPanel};
use crate::web::io::clock::{now, now_rfc3339, today};
use crate::web::io::download::download;
use crate::web::state::use_app;

/// Download buttons.
#[function_component(DownloadBar)]
pub fn download_bar() -> Html {
    let app = use_app();
    let error = use_state(|| None::<String>);
    let key = use_state(|| None::<KeyFile>);
    let q = Questionnaire::builtin();
    let assessment = app.assessment().clone();
    let save = {
        let error = error.clone();
        move |name: String, mime: &'static str, bytes: Vec<u8>| {
            error.set(download(&name, mime, &bytes).err())
        }
    };
    let score_file_button = {
        let (save, assessment, key) = (save.clone(), assessment.clone(), key.clone());
        let error = error.clone();
        let error_set = move |m: String| error.set(Some(m));
        Callback::from(move |_: MouseEvent| {
            let created = now_rfc3339();
            // Refuse to make a file the buyer's verifier would refuse.
            if let Err(e) = check_assessment(&assessment.profile, &assessment.answers, q) {
                error_set(format!(
                    "The score file was not made: {e}. Correct it and try again."
                ));
                return;
            }
            let signing = key.as_ref().and_then(|k| k.signing_key().ok());
            let file = score_file::seal(
                q,
                &assessment,
                crate::APP_VERSION,
                &created,
                signing.as_ref(),
            );
            let name = score_file::file_name(&assessment.profile, &today());
            save(
                name,
                "application/json",
                serde_json::to_vec_pretty(&file).unwrap_or_default(),
            );
        })
    };
    let stem = score_file::file_stem(&assessment.profile, &today());
    let notes = use_state(Vec::<String>::new);
    // Each extra download: its file, and notes for the user (e.g. what a draft lacks).
    type Make = fn(&Assessment, &str) -> (String, &'static str, Vec<u8>, Vec<String>);
    let other = |label: &'static str, id: &'static str, make: Make| {
        let (save, assessment, stem, notes) = (
            save.clone(),
            assessment.clone(),
            stem.clone(),
            notes.clone(),
        );
        let onclick = Callback::from(move |_: MouseEvent| {
            let (name, mime, bytes, warnings) = make(&assessment, &stem);
            save(name, mime, bytes);
            notes.set(warnings);
        });
        html! { <button type="button" {id} {onclick}>{ label }</button> }
    };
    let signed = key.is_some();
    html! {
        <div class="download-bar">
            <OpenItems ondownload={score_file_button}>
                { if signed { "Download signed score file" } else { "Download score file" } }
            </OpenItems>
            <SigningPanel signing_key={(*key).clone()} onkey={Callback::from(move |k| key.set(k))} />
            <details class="more-downloads">
                <summary>{ "More downloads" }</summary>
                { other("Answers file (to continue elsewhere)", "download-answers", |a, stem| {
                    let file = score_file::answers_file(Questionnaire::builtin(), a);
                    (format!("{stem}.answers.json"), "application/json", serde_json::to_vec_pretty(&file).unwrap_or_default(), Vec::new())
                }) }
                { other("Answers as CSV", "download-csv", |a, stem| {
                    (format!("{stem}.answers.csv"), "text/csv", export::answers_csv(Questionnaire::builtin(), a).into_bytes(), Vec::new())
                }) }
                { other("Draft security.txt", "download-security-txt", |a, _| {
                    let draft = export::security_txt(&a.profile, Questionnaire::builtin(), a, now());
                    ("security.txt".into(), "text/plain", draft.text.into_bytes(), draft.warnings)
                }) }
                { other("Starter disclosure policy (Markdown)", "download-vdp", |a, _| {
                    ("vulnerability-disclosure-policy.md".into(), "text/markdown", export::vdp_outline(&a.profile).into_bytes(), Vec::new())
                }) }
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
