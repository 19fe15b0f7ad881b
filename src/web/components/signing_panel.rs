//! Optional signing: create an Ed25519 key in the browser (downloaded as a key file the
//! vendor keeps) or load an existing key file. The key stays in memory for this page only.

use yew::prelude::*;

use crate::core::files::key_file::{KeyFile, NewKey};
use crate::core::jobs::Job;
use crate::web::io::download::download;
use crate::web::io::file_import;
use crate::web::io::worker_pool;

/// Props of [`SigningPanel`].
#[derive(PartialEq, Properties)]
pub struct SigningPanelProps {
    /// The key in use, if any (`key` is reserved by Yew).
    pub signing_key: Option<KeyFile>,
    /// Called with a new key (or `None` to stop signing).
    pub onkey: Callback<Option<KeyFile>>,
}

/// Key creation and loading.
#[function_component(SigningPanel)]
pub fn signing_panel(props: &SigningPanelProps) -> Html {
    let problem = use_state(|| None::<String>);
    let oncreate = {
        let (onkey, problem) = (props.onkey.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| match file_import::random_seed() {
            Ok(seed) => {
                let (onkey, problem) = (onkey.clone(), problem.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match worker_pool::run::<NewKey>(&Job::NewKey { seed }, None).await {
                        Ok(new) => {
                            problem.set(
                                download(
                                    "vendor-readiness-signing-key.json",
                                    "application/json",
                                    new.file.as_bytes(),
                                )
                                .err(),
                            );
                            onkey.emit(Some(new.key));
                        }
                        Err(e) => problem.set(Some(e)),
                    }
                });
            }
            Err(e) => problem.set(Some(e)),
        })
    };
    let onload = {
        let (onkey, problem) = (props.onkey.clone(), problem.clone());
        Callback::from(move |e: Event| {
            for file in file_import::from_input(&e) {
                let (onkey, problem) = (onkey.clone(), problem.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let name = file.name();
                    match worker_pool::run::<KeyFile>(&Job::OpenKey, Some(&file)).await {
                        Ok(k) => {
                            problem.set(None);
                            onkey.emit(Some(k));
                        }
                        Err(e) => problem.set(Some(format!("{name}: {e}"))),
                    }
                });
            }
        })
    };
    let onforget = {
        let onkey = props.onkey.clone();
        Callback::from(move |_: MouseEvent| onkey.emit(None))
    };
    html! {
        <details class="signing" open={props.signing_key.is_some()}>
            <summary>{ "Sign the score file (optional)" }</summary>
            <p class="small">{ "A signature lets customers check the file came from you and was not changed. It does not prove the answers are true. Keep the key file private; customers pin its fingerprint." }</p>
            if let Some(key) = &props.signing_key {
                <p data-testid="fingerprint">{ "Signing with key " }<code>{ &key.key_fingerprint }</code></p>
                <button type="button" class="link" onclick={onforget}>{ "Stop signing" }</button>
            } else {
                <button type="button" id="create-key" onclick={oncreate}>{ "Create a signing key" }</button>
                <label class="button">{ "Use my key file…" }
                    <input class="visually-hidden" type="file" accept=".json,application/json" onchange={onload} />
                </label>
            }
            if let Some(p) = &*problem { <p class="error" role="alert">{ p }</p> }
        </details>
    }
}
