//! The comparison table: one row per vendor with levels per domain, overall, gates,
//! signature, age and the verdict against the buyer's profile; sortable and filterable.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::core::buyer::compare::SortKey;
use crate::core::buyer::session::BuyerChange;
use crate::core::questionnaire::Questionnaire;
use crate::web::components::VendorRowView;
use crate::web::state::use_buyer;

/// Rows rendered at a time: a thousand-row table would make every update slow.
const PAGE: usize = 100;

/// How many rows the table grows by in one render; the rest follow in the next tasks.
/// Why: the first rows of an import run through code the browser has not optimised yet
/// (1 to 2.5 ms a row, measured), so a first page of 100 rows at once blocked the page
/// for 50 to 80 ms; 16 a render still gave one task of 52 ms in seven runs, 8 none in four.
const ROWS_PER_RENDER: usize = 8;

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
    // One callback for the table's life (the dispatcher never changes), so rows whose
    // vendor did not change are not rendered again.
    let onchange = use_callback(buyer.dispatcher(), |change, dispatcher| {
        dispatcher.dispatch(change)
    });
    let rows = s.visible_rows();
    let more = rows.len().saturating_sub(*shown);
    let wanted = rows.len().min(*shown);
    let rendered = use_mut_ref(|| 0usize);
    let count = wanted.min(*rendered.borrow() + ROWS_PER_RENDER);
    *rendered.borrow_mut() = count;
    let rerender = use_force_update();
    use_effect_with((count, wanted), move |&(count, wanted)| {
        let next = (count < wanted).then(|| Timeout::new(0, move || rerender.force_update()));
        move || drop(next)
    });
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
                    <tbody>{ for rows.iter().take(count).map(|r| html! {
                        <VendorRowView key={r.file_name.clone()} row={Rc::clone(r)} selected={buyer.selected.contains(&r.file_name)} onchange={onchange.clone()} />
                    }) }</tbody>
                </table>
            </div>
            if rows.is_empty() { <p>{ "No vendors to show yet." }</p> }
            if more > 0 {
                <p class="no-print"><button type="button" onclick={onmore}>{ format!("Show {} more of {more} not shown", more.min(PAGE)) }</button></p>
            }
        </section>
    }
}
