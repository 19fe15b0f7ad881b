//! Drill-down into one vendor's answers, notes and evidence, and a question-by-question
//! difference of two selected vendors. Everything a vendor typed is rendered as text.

use yew::prelude::*;

use crate::core::buyer::compare::{self, VendorRow};
use crate::core::export::answer_label;
use crate::core::questionnaire::Questionnaire;
use crate::web::pages::compare_page::{BuyerAction, BuyerHandle};

/// Props of [`VendorDetail`].
#[derive(PartialEq, Properties)]
pub struct VendorDetailProps {
    /// The buyer state.
    pub state: BuyerHandle,
}

fn answers_table(r: &VendorRow) -> Html {
    let q = Questionnaire::builtin();
    let rows = q.questions().map(|qu| {
        let entry = r.answers.0.get(&qu.id).cloned().unwrap_or_default();
        let answer = entry.value.as_ref().map(|v| answer_label(qu, v)).unwrap_or_else(|| "unanswered".into());
        let evidence = entry.evidence.iter().map(|ev| {
            let target = match (ev.link(), &ev.url, &ev.file) {
                (Some(link), _, _) => html! { <a href={link.to_owned()} rel="noopener noreferrer nofollow" target="_blank">{ link }</a> },
                (None, Some(text), _) => html! { <span>{ text }</span> },
                (None, None, Some(f)) => html! { <span class="file">{ format!("{} · {} bytes · SHA-256 {}", f.name, f.size, f.sha256) }</span> },
                _ => html! {},
            };
            html! { <li>{ &ev.label }{ " " }{ target }</li> }
        });
        html! { <tr><td class="qid">{ &qu.id }</td><td>{ &qu.text }</td><td>{ answer }</td><td>{ &entry.notes }<ul>{ for evidence }</ul></td></tr> }
    });
    html! {
        <table class="answers">
            <thead><tr><th>{ "Id" }</th><th>{ "Question" }</th><th>{ "Answer" }</th><th>{ "Notes and evidence" }</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

fn diff_table(a: &VendorRow, b: &VendorRow) -> Html {
    let q = Questionnaire::builtin();
    let rows = compare::diff(q, &a.answers, &b.answers, true)
        .into_iter()
        .map(|d| {
            let qu = q.question(&d.question);
            let label = |v: &Option<crate::core::answers::AnswerValue>| match (qu, v) {
                (Some(qu), Some(v)) => answer_label(qu, v),
                _ => "unanswered".to_owned(),
            };
            html! {
                <tr data-question={d.question.clone()}>
                    <td>{ qu.map(|x| x.text.clone()).unwrap_or(d.question.clone()) }</td>
                    <td>{ label(&d.a) }</td>
                    <td>{ label(&d.b) }</td>
                </tr>
            }
        });
    html! {
        <section class="diff" aria-labelledby="diff-title">
            <h2 id="diff-title">{ format!("Differences: {} vs {}", a.organisation, b.organisation) }</h2>
            <table>
                <thead><tr><th>{ "Question" }</th><th>{ &a.organisation }</th><th>{ &b.organisation }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}

/// Detail and difference views.
#[function_component(VendorDetail)]
pub fn vendor_detail(props: &VendorDetailProps) -> Html {
    let s = &props.state.session;
    let open = props
        .state
        .open
        .as_ref()
        .and_then(|name| s.rows.iter().find(|r| &r.file_name == name));
    let selected = s.selected_rows();
    let onclose = {
        let state = props.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(BuyerAction::Open(None)))
    };
    html! {
        <>
            if let [a, b] = selected.as_slice() { { diff_table(a, b) } }
            if let Some(r) = open {
                <section class="vendor-detail" aria-labelledby="detail-title">
                    <h2 id="detail-title">{ format!("Answers of {} ({})", r.organisation, r.file_name) }</h2>
                    <p class="no-print"><button type="button" class="link" onclick={onclose}>{ "Close" }</button></p>
                    <p>{ format!("Created {} · overall {:.1} · {}", r.created, r.score.overall, compare::signature_label(&r.signature)) }</p>
                    { answers_table(r) }
                </section>
            }
        </>
    }
}
