//! Downloads of the open assessment: the score file (signed when a key is loaded), the
//! answers file, a CSV of the answers, a draft security.txt and a starter disclosure policy.

use yew::prelude::*;

use crate::components::SigningPanel;
use crate::export;
use crate::integrity::KeyFile;
use crate::io::download::download;
use crate::questionnaire::Questionnaire;
use crate::score_file;
use crate::state::use_app;

/// Current time from the browser clock.
pub fn now() -> time::OffsetDateTime {
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    time::OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

/// `now()` as RFC 3339 in whole seconds, UTC.
pub fn now_rfc3339() -> String {
    now()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Download buttons.
#[function_component(DownloadBar)]
pub fn download_bar() -> Html {
    let app = use_app();
    let error = use_state(|| None::<String>);
    let key = use_state(|| None::<KeyFile>);
    let q = Questionnaire::builtin();
    let assessment = app.session.assessment().clone();
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
            if let Err(e) =
                score_file::check_assessment(&assessment.profile, &assessment.answers, q)
            {
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
            let name = score_file::file_name(&assessment.profile, &created[..10]);
            save(
                name,
                "application/json",
                serde_json::to_vec_pretty(&file).unwrap_or_default(),
            );
        })
    };
    let base = score_file::file_name(&assessment.profile, &now_rfc3339()[..10])
        .replace(".readiness.json", "");
    let other =
        |label: &'static str,
         id: &'static str,
         make: fn(&crate::assessment::Assessment) -> (String, &'static str, Vec<u8>)| {
            let (save, assessment) = (save.clone(), assessment.clone());
            let onclick = Callback::from(move |_: MouseEvent| {
                let (name, mime, bytes) = make(&assessment);
                save(name, mime, bytes);
            });
            html! { <button type="button" {id} {onclick}>{ label }</button> }
        };
    let signed = key.is_some();
    html! {
        <div class="download-bar">
            <button type="button" class="primary" id="download-score" onclick={score_file_button}>
                { if signed { "Download signed score file" } else { "Download score file" } }
            </button>
            <SigningPanel signing_key={(*key).clone()} onkey={Callback::from(move |k| key.set(k))} />
            <details class="more-downloads">
                <summary>{ "More downloads" }</summary>
                { other("Answers file (to continue elsewhere)", "download-answers", |a| {
                    let file = score_file::answers_file(Questionnaire::builtin(), a);
                    (score_file::file_name(&a.profile, &now_rfc3339()[..10]).replace(".readiness.json", ".answers.json"), "application/json", serde_json::to_vec_pretty(&file).unwrap_or_default())
                }) }
                { other("Answers as CSV", "download-csv", |a| {
                    (score_file::file_name(&a.profile, &now_rfc3339()[..10]).replace(".readiness.json", ".answers.csv"), "text/csv", export::answers_csv(Questionnaire::builtin(), a).into_bytes())
                }) }
                { other("Draft security.txt", "download-security-txt", |a| {
                    let draft = export::security_txt(&a.profile, Questionnaire::builtin(), a, now());
                    ("security.txt".into(), "text/plain", draft.text.into_bytes())
                }) }
                { other("Starter disclosure policy (Markdown)", "download-vdp", |a| {
                    ("vulnerability-disclosure-policy.md".into(), "text/markdown", export::vdp_outline(&a.profile).into_bytes())
                }) }
                <p class="small">{ format!("Files are named {base}…") }</p>
            </details>
            if let Some(e) = &*error { <p class="error" role="alert">{ e }</p> }
            if let Some(problem) = &app.storage_problem {
                <p class="warning" role="alert">{ format!("Your answers could not be saved in this browser ({problem}). Download the answers file or the score file to keep them.") }</p>
            }
        </div>
    }
}
