//! A vendor's progress between the two selected score files (older first): the overall
//! score and each domain's level before and after, the gates that stopped or started
//! firing, and the questions whose answers changed. Both files are verified again by a
//! worker, an older questionnaire version migrated first ([`crate::core::buyer::progress`]); a
//! pair of another vendor or product shows the core's refusal instead.

use yew::prelude::*;

use crate::core::buyer::progress::{AnswerChange, GateChange, Progress, Side};
use crate::core::buyer::session::{PairState, ProgressPair};
use crate::core::text::decimal;

/// Props of [`ProgressView`].
#[derive(PartialEq, Properties)]
pub struct ProgressViewProps {
    /// The two selected files and where their comparison stands.
    pub pair: ProgressPair,
}

fn answer_row(a: &AnswerChange) -> Html {
    html! {
        <tr data-question={a.question.clone()}>
            <td>{ &a.text }</td>
            <td>{ a.before_text() }</td>
            <td>{ a.after_text() }</td>
        </tr>
    }
}

fn gates(title: &str, id: &str, list: &[GateChange]) -> Html {
    html! {
        <p data-testid={id.to_owned()}>
            <strong>{ title }</strong>{ " " }
            { if list.is_empty() { "none".to_owned() } else { list.iter().map(|g| g.title.as_str()).collect::<Vec<_>>().join("; ") } }
        </p>
    }
}

fn side(which: &str, file: &str, s: &Side) -> Html {
    let problems = (!s.problems.is_empty()).then(|| format!(": {}", s.problems.join("; ")));
    html! {
        <li>
            { format!("{which}: {file}, created {}, questionnaire {}, {}", s.created, s.questionnaire_version, s.status.label()) }
            { problems.unwrap_or_default() }
            if let Some(m) = &s.migration { <span class="small">{ format!(" · this file {m}") }</span> }
        </li>
    }
}

fn loaded(pair: &ProgressPair, p: &Progress) -> Html {
    let domains = p.domains.iter().map(|d| {
        let change = if d.changed() { format!("L{} → L{}", d.before, d.after) } else { format!("L{} (unchanged)", d.after) };
        html! { <tr class={classes!(d.changed().then_some("changed"))} data-domain={d.domain.clone()}><td>{ &d.title }</td><td>{ change }</td></tr> }
    });
    html! {
        <>
            <p>{ format!("{} ({})", p.organisation, p.products.lines().collect::<Vec<_>>().join(", ")) }</p>
            <ul class="small">{ side("Older", &pair.older, &p.older) }{ side("Newer", &pair.newer, &p.newer) }</ul>
            <p data-testid="progress-overall">{ format!("Overall {} → {}", decimal(p.overall_before, 1), decimal(p.overall_after, 1)) }</p>
            <table class="progress-levels">
                <thead><tr><th>{ "Domain" }</th><th>{ "Level" }</th></tr></thead>
                <tbody>{ for domains }</tbody>
            </table>
            { gates("Gates that stopped firing:", "gates-stopped", &p.gates_stopped) }
            { gates("Gates that started firing:", "gates-started", &p.gates_started) }
            <h3>{ format!("Answers changed ({})", p.answers.len()) }</h3>
            if !p.answers.is_empty() {
                <table class="progress-answers">
                    <thead><tr><th>{ "Question" }</th><th>{ "Older" }</th><th>{ "Newer" }</th></tr></thead>
                    <tbody>{ for p.answers.iter().map(answer_row) }</tbody>
                </table>
            }
            { for p.notes.iter().map(|n| html! { <p class="small">{ n }</p> }) }
        </>
    }
}

/// The Progress section.
#[function_component(ProgressView)]
pub fn progress_view(props: &ProgressViewProps) -> Html {
    let pair = &props.pair;
    let body = match &pair.state {
        PairState::Refused(m) => html! {
            <p data-testid="progress-refused">{ format!("Progress is shown for two score files of the same vendor and product; these cannot be compared: {m}.") }</p>
        },
        PairState::Loading => html! { <p role="status">{ "Comparing the two files…" }</p> },
        PairState::Failed(e) => {
            html! { <p class="error" role="alert">{ format!("The progress could not be shown: {e}") }</p> }
        }
        PairState::Loaded(p) => loaded(pair, p),
    };
    html! {
        <section class="progress-view diff" aria-labelledby="progress-title" data-testid="progress">
            <h2 id="progress-title">{ "Progress" }</h2>
            { body }
        </section>
    }
}
