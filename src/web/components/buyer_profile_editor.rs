//! The buyer's minimum profile: required level per domain, minimum overall, gates that
//! must not fire, maximum age, signature required. Saved in the browser, exported and
//! imported as a file so colleagues apply the same bar.

use yew::prelude::*;

use crate::core::buyer::profile::{self, BuyerProfile};
use crate::core::buyer::session::BuyerChange;
use crate::core::questionnaire::{Questionnaire, MAX_LEVEL};
use crate::web::io::{download::download, file_import};
use crate::web::pages::compare_page::{BuyerAction, BuyerHandle};

/// Props of [`BuyerProfileEditor`].
#[derive(PartialEq, Properties)]
pub struct BuyerProfileEditorProps {
    /// The buyer state.
    pub state: BuyerHandle,
}

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

/// Profile editor.
#[function_component(BuyerProfileEditor)]
pub fn buyer_profile_editor(props: &BuyerProfileEditorProps) -> Html {
    let q = Questionnaire::builtin();
    let message = use_state(|| None::<String>);
    let profile = props.state.session.profile.clone();
    let edit = |f: fn(&mut BuyerProfile, &Event)| {
        let (state, profile) = (props.state.clone(), profile.clone());
        Callback::from(move |e: Event| {
            let mut p = profile.clone();
            f(&mut p, &e);
            state.dispatch(BuyerAction::Change(BuyerChange::Profile(p)));
        })
    };
    let domains = q.domains.iter().map(|d| {
        let current = profile.min_levels.get(&d.id).copied().unwrap_or(0);
        let (state, profile, id) = (props.state.clone(), profile.clone(), d.id.clone());
        let onchange = Callback::from(move |e: Event| {
            let mut p = profile.clone();
            match e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse::<u8>() {
                Ok(l) if l > 0 => p.min_levels.insert(id.clone(), l),
                _ => p.min_levels.remove(&id),
            };
            state.dispatch(BuyerAction::Change(BuyerChange::Profile(p)));
        });
        html! {
            <label class="field">{ &d.title }
                <select data-domain={d.id.clone()} {onchange}>
                    { for (0..=MAX_LEVEL).map(|l| html! { <option value={l.to_string()} selected={l == current}>{ if l == 0 { "no minimum".to_owned() } else { format!("at least L{l}") } }</option> }) }
                </select>
            </label>
        }
    });
    let gates = q.gates.iter().map(|g| {
        let (state, profile, id) = (props.state.clone(), profile.clone(), g.id.clone());
        let checked = profile.forbidden_gates.contains(&g.id);
        let onchange = Callback::from(move |_: Event| {
            let mut p = profile.clone();
            if checked { p.forbidden_gates.retain(|x| *x != id) } else { p.forbidden_gates.push(id.clone()) }
            state.dispatch(BuyerAction::Change(BuyerChange::Profile(p)));
        });
        html! { <label class="check"><input type="checkbox" data-gate={g.id.clone()} {checked} {onchange} />{ " " }{ &g.title }</label> }
    });
    let onexport = {
        let profile = profile.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = download(
                "buyer-profile.json",
                "application/json",
                profile::to_json(&profile).as_bytes(),
            );
        })
    };
    let onimport = {
        let (state, message) = (props.state.clone(), message.clone());
        Callback::from(move |e: Event| {
            for file in file_import::from_input(&e) {
                let (state, message) = (state.clone(), message.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let picked = file_import::read(file, 256 * 1024).await;
                    match picked.bytes.and_then(|b| {
                        profile::load_profile(&b, Questionnaire::builtin())
                            .map_err(|e| e.to_string())
                    }) {
                        Ok(p) => {
                            message.set(Some(format!("Profile loaded from {}.", picked.name)));
                            state.dispatch(BuyerAction::Change(BuyerChange::Profile(p)));
                        }
                        Err(e) => message.set(Some(format!("{} was not loaded: {e}", picked.name))),
                    }
                });
            }
        })
    };
    html! {
        <details class="buyer-profile">
            <summary><h2>{ format!("Your minimum profile{}", if profile.name.is_empty() { String::new() } else { format!(": {}", profile.name) }) }</h2></summary>
            <div class="fields">
                <label class="field">{ "Profile name" }<input type="text" value={profile.name.clone()} onchange={edit(|p, e| p.name = input_value(e))} /></label>
                <label class="field">{ "Minimum overall score (0–4, empty for none)" }
                    <input type="number" min="0" max="4" step="0.1" value={profile.min_overall.map(|m| m.to_string()).unwrap_or_default()}
                        onchange={edit(|p, e| p.min_overall = input_value(e).parse::<f64>().ok().filter(|v| (0.0..=4.0).contains(v)))} />
                </label>
                <label class="field">{ "Maximum age of an assessment (days, empty for none)" }
                    <input id="max-age" type="number" min="1" max="36500" value={profile.max_age_days.map(|m| m.to_string()).unwrap_or_default()}
                        onchange={edit(|p, e| p.max_age_days = input_value(e).parse::<u32>().ok().filter(|v| (1..=36_500).contains(v)))} />
                </label>
                <label class="check"><input id="require-signature" type="checkbox" checked={profile.require_signature}
                    onchange={edit(|p, _| p.require_signature = !p.require_signature)} />{ " Require a valid signature" }</label>
            </div>
            <h3>{ "Required level per domain" }</h3>
            <div class="fields">{ for domains }</div>
            <h3>{ "Gates that must not fire" }</h3>
            <div class="gate-checks">{ for gates }</div>
            <p>
                <button type="button" onclick={onexport}>{ "Export profile" }</button>{ " " }
                <label class="button">{ "Import profile…" }<input class="visually-hidden" type="file" accept=".json,application/json" onchange={onimport} /></label>
            </p>
            if let Some(m) = &*message { <p role="status">{ m }</p> }
        </details>
    }
}
