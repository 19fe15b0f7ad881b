//! Evidence for one question: links (label and URL) and local files, which are hashed in
//! the browser and recorded by name, size and SHA-256; the file never leaves the machine.

use yew::prelude::*;

use crate::core::answers::{Evidence, FileEvidence};
use crate::core::assessment::Edit;
use crate::core::jobs::Job;
use crate::web::components::evidence_item;
use crate::web::io::{file_import, worker_pool};

/// Props of [`EvidenceEditor`].
#[derive(PartialEq, Properties)]
pub struct EvidenceEditorProps {
    /// The question the evidence supports.
    pub question: String,
    /// Evidence recorded so far.
    pub evidence: Vec<Evidence>,
    /// Called with each edit.
    pub onedit: Callback<Edit>,
}

/// Evidence list and forms.
#[function_component(EvidenceEditor)]
pub fn evidence_editor(props: &EvidenceEditorProps) -> Html {
    let label = use_state(String::new);
    let url = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let id = props.question.clone();

    let items = props.evidence.iter().enumerate().map(|(i, ev)| {
        let onremove = {
            let (onedit, id) = (props.onedit.clone(), id.clone());
            Callback::from(move |_: MouseEvent| onedit.emit(Edit::RemoveEvidence(id.clone(), i)))
        };
        html! {
            { evidence_item(ev, html! {
                <>{ " " }<button type="button" class="link" onclick={onremove} aria-label={format!("Remove evidence {}", ev.label)}>{ "Remove" }</button></>
            }) }
        }
    });

    let onadd = {
        let (onedit, id, label, url, problem) = (
            props.onedit.clone(),
            id.clone(),
            label.clone(),
            url.clone(),
            problem.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let evidence = match Evidence::from_link(&label, &url) {
                Ok(evidence) => evidence,
                Err(message) => {
                    problem.set(Some(message));
                    return;
                }
            };
            onedit.emit(Edit::AddEvidence(id.clone(), evidence));
            label.set(String::new());
            url.set(String::new());
            problem.set(None);
        })
    };
    let onfile = {
        let (onedit, id, problem) = (props.onedit.clone(), id.clone(), problem.clone());
        Callback::from(move |e: Event| {
            let (onedit, id, problem) = (onedit.clone(), id.clone(), problem.clone());
            for file in file_import::from_input(&e) {
                let (onedit, id, problem) = (onedit.clone(), id.clone(), problem.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    // Hashed in the worker, piece by piece: any size works, nothing is sent.
                    let name = file.name();
                    match worker_pool::run::<FileEvidence>(
                        &Job::Hash { name: name.clone() },
                        Some(&file),
                    )
                    .await
                    {
                        Ok(evidence) => onedit.emit(Edit::AddEvidence(
                            id,
                            Evidence {
                                label: name,
                                url: None,
                                file: Some(evidence),
                            },
                        )),
                        Err(e) => problem.set(Some(format!("{name}: {e}"))),
                    }
                });
            }
        })
    };
    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            state.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    html! {
        <details class="evidence" open={!props.evidence.is_empty()}>
            <summary>{ format!("Evidence ({})", props.evidence.len()) }</summary>
            <ul>{ for items }</ul>
            <form class="evidence-link" onsubmit={onadd}>
                <label>{ "Label " }<input type="text" value={(*label).clone()} oninput={text_input(&label)} /></label>
                <label>{ "URL " }<input type="url" value={(*url).clone()} oninput={text_input(&url)} placeholder="https://" /></label>
                <button type="submit">{ "Add link" }</button>
            </form>
            <label class="evidence-file">{ "Attach a local file (only its name, size and SHA-256 are recorded) " }
                <input type="file" multiple=true onchange={onfile} />
            </label>
            if let Some(p) = &*problem { <p class="error" role="alert">{ p }</p> }
        </details>
    }
}
