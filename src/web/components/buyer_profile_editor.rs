//! The buyer's minimum profile: required level per domain, minimum overall, gates that
//! must not fire, maximum age, signature required. Every edit goes to the core, which
//! checks it; a refused edit shows the core's message next to its field. Saved in the
//! browser, exported and imported as a file so colleagues apply the same bar.

use yew::prelude::*;

use crate::core::text::short_decimal;

use crate::core::buyer::profile::{
    BuyerProfile, ProfileEdit, ProfileField, MAX_AGE_DAYS_LIMIT, MIN_AGE_DAYS,
};
use crate::core::buyer::profile_file;
use crate::core::buyer::session::BuyerChange;
use crate::core::jobs::Job;
use crate::core::questionnaire::{Questionnaire, MAX_LEVEL};
use crate::web::components::CommittedInput;
use crate::web::io::{download::download, file_import, worker_pool};
use crate::web::state::use_buyer;

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

/// Profile editor.
#[function_component(BuyerProfileEditor)]
pub fn buyer_profile_editor() -> Html {
    let q = Questionnaire::builtin();
    let buyer = use_buyer();
    let message = use_state(|| None::<String>);
    let profile = &buyer.profile;
    let edit = |f: fn(&Event) -> ProfileEdit| {
        let buyer = buyer.clone();
        Callback::from(move |e: Event| buyer.dispatch(BuyerChange::EditProfile(f(&e))))
    };
    let problem = |field: ProfileField| {
        buyer
            .profile_problem
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| html! { <span class="error" role="alert">{ m }</span> })
    };
    let domains = q.domains.iter().map(|d| {
        let current = profile.min_levels.get(&*d.id).copied().unwrap_or(0);
        let (buyer, id) = (buyer.clone(), d.id.clone());
        let onchange = Callback::from(move |e: Event| {
            let level = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse::<u8>().unwrap_or(0);
            buyer.dispatch(BuyerChange::EditProfile(ProfileEdit::MinLevel(id.to_string(), level)));
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
        let (buyer, id) = (buyer.clone(), g.id.clone());
        let checked = profile.forbidden_gates.iter().any(|f| *f == g.id);
        let onchange = Callback::from(move |_: Event| {
            buyer.dispatch(BuyerChange::EditProfile(ProfileEdit::ForbidGate(id.to_string(), !checked)))
        });
        html! { <label class="check"><input type="checkbox" data-gate={g.id.clone()} {checked} {onchange} />{ " " }{ &g.title }</label> }
    });
    let onexport = {
        let buyer = buyer.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = download(
                "buyer-profile.json",
                "application/json",
                profile_file::to_json(&buyer.profile).as_bytes(),
            );
        })
    };
    let onimport = {
        let (buyer, message) = (buyer.clone(), message.clone());
        Callback::from(move |e: Event| {
            for file in file_import::from_input(&e) {
                let (buyer, message) = (buyer.clone(), message.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let name = file.name();
                    match worker_pool::run::<BuyerProfile>(&Job::OpenProfile, Some(&file)).await {
                        Ok(p) => {
                            message.set(Some(format!("Profile loaded from {name}.")));
                            buyer.dispatch(BuyerChange::Profile(p));
                        }
                        Err(e) => message.set(Some(format!("{name} was not loaded: {e}"))),
                    }
                });
            }
        })
    };
    let require = profile.require_signature;
    html! {
        <details class="buyer-profile">
            <summary><h2>{ format!("Your minimum profile{}", if profile.name.is_empty() { String::new() } else { format!(": {}", profile.name) }) }</h2></summary>
            <div class="fields">
                <label class="field">{ "Profile name" }<CommittedInput value={profile.name.clone()} onchange={edit(|e| ProfileEdit::Name(input_value(e)))} />{ for problem(ProfileField::Name) }</label>
                <label class="field">{ format!("Minimum overall score (0–{MAX_LEVEL}, empty for none)") }
                    <CommittedInput id="min-overall" kind="number" min="0" max={MAX_LEVEL.to_string()} step="0.1" value={profile.min_overall.map(|m| short_decimal(m, 2)).unwrap_or_default()}
                        onchange={edit(|e| ProfileEdit::MinOverall(input_value(e)))} />
                    { for problem(ProfileField::MinOverall) }
                </label>
                <label class="field">{ "Maximum age of an assessment (days, empty for none)" }
                    <CommittedInput id="max-age" kind="number" min={MIN_AGE_DAYS.to_string()} max={MAX_AGE_DAYS_LIMIT.to_string()} value={profile.max_age_days.map(|m| m.to_string()).unwrap_or_default()}
                        onchange={edit(|e| ProfileEdit::MaxAgeDays(input_value(e)))} />
                    { for problem(ProfileField::MaxAgeDays) }
                </label>
                <label class="check"><input id="require-signature" type="checkbox" checked={require}
                    onchange={{ let buyer = buyer.clone(); Callback::from(move |_: Event| buyer.dispatch(BuyerChange::EditProfile(ProfileEdit::RequireSignature(!require)))) }} />{ " Require a valid signature" }</label>
            </div>
            <h3>{ "Required level per domain" }</h3>
            <div class="fields">{ for domains }</div>
            { for problem(ProfileField::MinLevel) }
            <h3>{ "Gates that must not fire" }</h3>
            <div class="gate-checks">{ for gates }</div>
            { for problem(ProfileField::ForbiddenGates) }
            <p>
                <button type="button" id="export-profile" onclick={onexport}>{ "Export profile" }</button>{ " " }
                <label class="button">{ "Import profile…" }<input id="import-profile" class="visually-hidden" type="file" accept=".json,application/json" onchange={onimport} /></label>
            </p>
            if let Some(m) = &*message { <p role="status">{ m }</p> }
        </details>
    }
}
