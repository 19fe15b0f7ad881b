//! The assessments kept in this browser: open, rename, duplicate, delete (after
//! confirmation), start a new one, and import an answers file from a colleague.

use yew::prelude::*;

use crate::core::vendor::VendorAction;
use crate::core::workbook::Change;
use crate::web::components::{CommittedInput, ImportButton};
use crate::web::state::use_app;

/// List of assessments.
#[function_component(AssessmentList)]
pub fn assessment_list() -> Html {
    let app = use_app();
    let confirming = use_state(|| None::<u32>);
    let change = |c: Change| {
        let app = app.clone();
        move || app.dispatch(VendorAction::Change(c.clone()))
    };
    let workbook = &app.workbook;
    let rows = workbook.entries().iter().map(|entry| {
        let id = entry.id;
        let current = id == workbook.current;
        let open = change(Change::Open(id));
        let duplicate = change(Change::Duplicate(id));
        let delete = change(Change::Delete(id));
        let onrename = {
            let app = app.clone();
            Callback::from(move |e: Event| {
                let name = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                app.dispatch(VendorAction::Change(Change::Rename(id, name)));
            })
        };
        let (c1, c2) = (confirming.clone(), confirming.clone());
        html! {
            <li class={classes!("assessment", current.then_some("current"))}>
                <label class="visually-hidden" for={format!("name-{id}")}>{ "Assessment name" }</label>
                <CommittedInput id={format!("name-{id}")} value={entry.name.clone()} onchange={onrename} />
                if current { <span class="tag">{ "open" }</span> } else {
                    <button type="button" onclick={Callback::from(move |_| open())}>{ "Open" }</button>
                }
                <button type="button" onclick={Callback::from(move |_| duplicate())}>{ "Duplicate" }</button>
                if *confirming == Some(id) {
                    <span role="alert">{ format!("Delete “{}” and all its answers? ", entry.name) }</span>
                    <button type="button" class="danger" onclick={Callback::from(move |_| { delete(); c1.set(None); })}>{ "Yes, delete" }</button>
                    <button type="button" onclick={Callback::from(move |_| c2.set(None))}>{ "Keep it" }</button>
                } else {
                    <button type="button" class="danger" onclick={Callback::from(move |_| c1.set(Some(id)))}>{ "Delete…" }</button>
                }
            </li>
        }
    });
    let onnew = change(Change::New(format!(
        "Assessment {}",
        workbook.entries().len() + 1
    )));
    html! {
        <section class="assessment-list" aria-labelledby="list-title">
            <h2 id="list-title">{ "Assessments in this browser" }</h2>
            <ul>{ for rows }</ul>
            <button type="button" onclick={Callback::from(move |_| onnew())}>{ "New assessment" }</button>
            <ImportButton />
        </section>
    }
}
