//! The comparison table: one row per vendor with levels per domain, overall, gates,
//! signature, age and the verdict against the buyer's profile; sortable and filterable.

use yew::prelude::*;

use crate::core::text::decimal;

use crate::core::buyer::compare::{SortKey, VendorRow};
use crate::core::buyer::session::BuyerChange;
use crate::core::integrity::SignatureState;
use crate::core::questionnaire::Questionnaire;
use crate::core::verify::{result_label, IntegrityState, KeyPinState};
use crate::web::state::{use_buyer, BuyerContext};

/// Rows rendered at a time: a thousand-row table would make every update slow.
const PAGE: usize = 100;

fn row_html(buyer: &BuyerContext, r: &VendorRow) -> Html {
    let q = Questionnaire::builtin();
    let dispatch = |c: BuyerChange| {
        let buyer = buyer.clone();
        move || buyer.dispatch(c.clone())
    };
    let onopen = {
        let open = dispatch(BuyerChange::Open(Some(r.file_name.clone())));
        Callback::from(move |_: MouseEvent| open())
    };
    let v = &r.summary.verification;
    let pin = match (&v.signature, &r.key_pin) {
        (SignatureState::Valid { fingerprint }, KeyPinState::NotPinned) => {
            let pin = dispatch(BuyerChange::PinKey {
                organisation: r.summary.organisation.clone(),
                fingerprint: fingerprint.clone(),
            });
            Some(Callback::from(move |_: MouseEvent| pin()))
        }
        _ => None,
    };
    let gate_titles: Vec<&str> = r
        .summary
        .gates
        .iter()
        .filter_map(|f| q.gate(&f.gate))
        .map(|g| g.title.as_ref())
        .collect();
    html! {
        <tr class={classes!(if r.verdict.pass { "pass" } else { "fail" })} data-file={r.file_name.clone()}>
            <td><input type="checkbox" aria-label={format!("Select {}", r.summary.organisation)} checked={buyer.selected.contains(&r.file_name)} onchange={{ let toggle = dispatch(BuyerChange::Toggle(r.file_name.clone())); Callback::from(move |_: Event| toggle()) }} /></td>
            <th scope="row"><span class="org">{ &r.summary.organisation }</span><span class="small">{ format!(" {} · {}", r.summary.products, r.file_name) }</span></th>
            <td class="num" data-testid="overall">{ decimal(r.overall(), 1) }</td>
            { for q.domains.iter().map(|d| html! { <td class="num">{ format!("L{}", r.level(&d.id)) }</td> }) }
            <td title={gate_titles.join("; ")}>{ r.summary.gates.len() }</td>
            <td data-testid="signature">
                { v.signature.label() }
                if v.edited { <span class="flag">{ format!(" · {}", result_label(true)) }</span> }
                if v.integrity != IntegrityState::Intact { <span class="flag">{ format!(" · integrity {}", v.integrity.label()) }</span> }
                if let Some(pin) = r.key_pin.phrase() { <span class="small">{ format!(" · {pin}") }</span> }
                if let Some(m) = &r.summary.migration { <span class="small" title={r.summary.migration_note().unwrap_or_default()}>{ format!(" · migrated from {}", m.from) }</span> }
                if let Some(fp) = r.key_fingerprint() { <span class="small fp" title={fp.to_owned()}>{ format!(" {}…", fp.chars().take(19).collect::<String>()) }</span> }
            </td>
            <td class={classes!("num", r.too_old.then_some("flag"))}>{ r.age_days.map(|a| format!("{a} d")).unwrap_or_else(|| "?".into()) }</td>
            <td data-testid="verdict">
                <strong>{ if r.verdict.pass { "Pass" } else { "Fail" } }</strong>
                if !r.verdict.reasons.is_empty() { <ul class="reasons">{ for r.verdict.reasons.iter().map(|x| html! { <li>{ x.to_string() }</li> }) }</ul> }
            </td>
            <td class="no-print">
                <button type="button" class="link" onclick={onopen}>{ "Answers" }</button>
                if let Some(onpin) = pin { <button type="button" class="link" onclick={onpin}>{ "Pin key" }</button> }
            </td>
        </tr>
    }
}

/// Comparison table.
#[function_component(VendorTable)]
pub fn vendor_table() -> Html {
    let q = Questionnaire::builtin();
    let buyer = use_buyer();
    let s = &buyer;
    let header = |label: String, key: SortKey| {
        let st = buyer.clone();
        let arrow = if s.sort == key {
            if s.descending {
                " ▼"
            } else {
                " ▲"
            }
        } else {
            ""
        };
        let sort = if s.sort == key {
            if s.descending {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        html! {
            <th scope="col" aria-sort={sort}>
                <button type="button" class="link" onclick={Callback::from(move |_| st.dispatch(BuyerChange::Sort(key.clone())))}>{ format!("{label}{arrow}") }</button>
            </th>
        }
    };
    let onfilter = {
        let st = buyer.clone();
        Callback::from(move |e: InputEvent| {
            st.dispatch(BuyerChange::Filter(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            ))
        })
    };
    let onfailing = {
        let (st, on) = (buyer.clone(), s.only_failing);
        Callback::from(move |_: Event| st.dispatch(BuyerChange::OnlyFailing(!on)))
    };
    let shown = use_state(|| PAGE);
    let rows = s.visible_rows();
    let more = rows.len().saturating_sub(*shown);
    let onmore = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    html! {
        <section class="vendor-table" aria-labelledby="table-title">
            <h2 id="table-title">{ "Vendors" }</h2>
            <div class="filters no-print">
                <label>{ "Filter by vendor or product " }<input type="search" value={s.filter.clone()} oninput={onfilter} /></label>
                <label class="check"><input type="checkbox" checked={s.only_failing} onchange={onfailing} />{ " Only vendors that fail" }</label>
            </div>
            <div class="table-scroll">
                <table>
                    <thead><tr>
                        <th scope="col"><span class="visually-hidden">{ "Select" }</span></th>
                        { header("Vendor".into(), SortKey::Name) }
                        { header("Overall".into(), SortKey::Overall) }
                        { for q.domains.iter().map(|d| header(d.id.replace('_', " "), SortKey::Domain(d.id.to_string()))) }
                        <th scope="col">{ "Gates" }</th>
                        <th scope="col">{ "Signature" }</th>
                        { header("Age".into(), SortKey::Age) }
                        { header("Verdict".into(), SortKey::Verdict) }
                        <th scope="col" class="no-print"><span class="visually-hidden">{ "Actions" }</span></th>
                    </tr></thead>
                    <tbody>{ for rows.iter().take(*shown).map(|r| row_html(&buyer, r)) }</tbody>
                </table>
            </div>
            if rows.is_empty() { <p>{ "No vendors to show yet." }</p> }
            if more > 0 {
                <p class="no-print"><button type="button" onclick={onmore}>{ format!("Show {} more of {more} not shown", more.min(PAGE)) }</button></p>
            }
        </section>
    }
}
