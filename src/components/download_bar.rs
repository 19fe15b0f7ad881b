//! Downloads of the open assessment: the score file.

use yew::prelude::*;

use crate::io::download::download;
use crate::questionnaire::Questionnaire;
use crate::score_file;
use crate::state::use_app;

/// Current time as RFC 3339 UTC, from the browser clock.
fn now_rfc3339() -> String {
    let ms = js_sys::Date::now();
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let iso: String = date.to_iso_string().into();
    // Drop the milliseconds: the format promises whole seconds.
    format!("{}Z", &iso[..19])
}

/// Download buttons.
#[function_component(DownloadBar)]
pub fn download_bar() -> Html {
    let app = use_app();
    let error = use_state(|| None::<String>);
    let onscore = {
        let (app, error) = (app.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let q = Questionnaire::builtin();
            let created = now_rfc3339();
            let assessment = app.session.assessment();
            let file = score_file::seal(q, assessment, crate::APP_VERSION, &created, None);
            let name = score_file::file_name(&assessment.profile, &created[..10]);
            let json = serde_json::to_vec_pretty(&file).unwrap_or_default();
            error.set(download(&name, "application/json", &json).err());
        })
    };
    html! {
        <div class="download-bar">
            <button type="button" class="primary" id="download-score" onclick={onscore}>{ "Download score file" }</button>
            if let Some(e) = &*error { <p class="error" role="alert">{ e }</p> }
            if let Some(problem) = &app.storage_problem {
                <p class="warning" role="alert">{ format!("Your answers could not be saved in this browser ({problem}). Download the score file to keep them.") }</p>
            }
        </div>
    }
}
