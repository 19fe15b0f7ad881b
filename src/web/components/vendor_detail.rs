//! Drill-down into one vendor's answers, notes and evidence (with the check of the
//! evidence files the buyer received), and a question-by-question difference of two
//! selected vendors. Everything a vendor typed is rendered as text.

use yew::prelude::*;

use crate::core::text::decimal;

use crate::core::buyer::compare;
use crate::core::buyer::compare::Detail;
use crate::core::buyer::session::BuyerChange;
use crate::core::questionnaire::Questionnaire;
use crate::core::verify::{Policy, Status};
use crate::web::components::{evidence_item, EvidenceCheckPanel};
use crate::web::state::use_buyer;

fn answers_table(v: &Detail) -> Html {
    let rows = v.answer_labels(Questionnaire::builtin()).into_iter().map(|(qu, answer)| {
        let entry = v.answers.0.get(&*qu.id);
        let notes = entry.map(|e| e.notes.as_str()).unwrap_or_default();
        let evidence = entry.into_iter().flat_map(|e| &e.evidence).map(|ev| evidence_item(ev, Html::default()));
        html! { <tr><td class="qid">{ &qu.id }</td><td>{ &qu.text }</td><td>{ answer }</td><td>{ notes }<ul>{ for evidence }</ul></td></tr> }
    });
    html! {
        <table class="answers">
            <thead><tr><th>{ "Id" }</th><th>{ "Question" }</th><th>{ "Answer" }</th><th>{ "Notes and evidence" }</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

fn diff_table(a: &Detail, b: &Detail) -> Html {
    let q = Questionnaire::builtin();
    let (org_a, org_b) = (&a.profile.organisation, &b.profile.organisation);
    let rows = compare::diff(q, &a.answers, &b.answers, true)
        .into_iter()
        .filter_map(|d| {
            let qu = q.question(&d.question)?;
            Some(html! {
                <tr data-question={d.question.clone()}>
                    <td>{ &qu.text }</td>
                    <td>{ d.a_label }</td>
                    <td>{ d.b_label }</td>
                </tr>
            })
        });
    html! {
        <section class="diff" aria-labelledby="diff-title">
            <h2 id="diff-title">{ format!("Differences: {org_a} vs {org_b}") }</h2>
            <table>
                <thead><tr><th>{ "Question" }</th><th>{ org_a }</th><th>{ org_b }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}

/// Detail and difference views.
#[function_component(VendorDetail)]
pub fn vendor_detail() -> Html {
    let buyer = use_buyer();
    let selected: Vec<&Detail> = buyer
        .selected_rows()
        .iter()
        .filter_map(|r| buyer.details.get(&r.file_name).map(|v| &**v))
        .collect();
    let onclose = {
        let buyer = buyer.clone();
        Callback::from(move |_: MouseEvent| buyer.dispatch(BuyerChange::Open(None)))
    };
    let open = buyer.open.as_ref().and_then(|name| buyer.row_of(name));
    let flagged = open.is_some_and(|r| {
        let status = (r.summary.verification).status(&r.summary.organisation, Policy::default());
        status == Status::Flagged
    });
    html! {
        <>
            if let [a, b] = selected.as_slice() { { diff_table(a, b) } }
            if let Some(r) = open {
                <section class="vendor-detail" aria-labelledby="detail-title">
                    <h2 id="detail-title">{ format!("Answers of {} ({})", r.summary.organisation, r.file_name) }</h2>
                    <p class="no-print"><button type="button" class="link" onclick={onclose}>{ "Close" }</button></p>
                    <p>{ format!("Created {} · overall {} · signature {}", r.summary.created, decimal(r.overall(), 1), r.summary.verification.signature.label()) }</p>
                    if let Some(note) = r.summary.migration_note() { <p class="small" data-testid="migration-note">{ format!("This file {note}.") }</p> }
                    if let Some(v) = buyer.details.get(&r.file_name) {
                        { answers_table(v) }
                        <EvidenceCheckPanel file_name={r.file_name.clone()} detail={v.clone()} {flagged} />
                    } else if let Some(e) = buyer.detail_errors.get(&r.file_name) {
                        <p class="error" role="alert">{ format!("The answers could not be shown: {e}") }</p>
                    } else {
                        <p role="status">{ "Loading the answers…" }</p>
                    }
                </section>
            }
        </>
    }
}
