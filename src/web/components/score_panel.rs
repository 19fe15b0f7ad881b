//! The live score: overall, a bar per domain, the gates that fired, and the questionnaire
//! version it is scored with.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::text::decimal;

use crate::core::questionnaire::{Questionnaire, MAX_LEVEL};
use crate::core::scoring::Score;
use crate::web::components::{domain_result, Detail};

/// Props of [`ScorePanel`].
#[derive(PartialEq, Properties)]
pub struct ScorePanelProps {
    /// The score shown.
    pub score: Rc<Score>,
}

/// Overall and per-domain score.
#[function_component(ScorePanel)]
pub fn score_panel(props: &ScorePanelProps) -> Html {
    let q = Questionnaire::builtin();
    let score = &props.score;
    let gates = score.gates.iter().filter_map(|fired| {
        let gate = q.gate(&fired.gate)?;
        Some(html! {
            <li class={classes!("gate", fired.pending.then_some("pending"))} data-gate={gate.id.clone()}>
                <strong>{ &gate.title }</strong>
                if fired.pending { <span class="tag">{ " (not answered yet)" }</span> }
                <p>{ &gate.reason }</p>
            </li>
        })
    });
    let cap_note = score
        .cap_note()
        .map(|note| html! { <p class="cap-note">{ note }</p> });
    html! {
        <section class="score-panel" aria-live="polite" aria-labelledby="score-title">
            <h2 id="score-title">{ "Your readiness" }</h2>
            <p class="overall">
                <span class="overall-value" data-testid="overall">{ decimal(score.overall, 1) }</span>
                <span class="overall-max">{ format!(" / {MAX_LEVEL}") }</span>
            </p>
            { for cap_note }
            <ul class="domain-bars">
                { for score.domains.iter().map(|d| domain_result(d, Detail::Compact)) }
            </ul>
            if !score.gates.is_empty() {
                <h3>{ format!("Gates fired ({})", score.gates.len()) }</h3>
                <ul class="gates">{ for gates }</ul>
            }
            <p class="small" data-testid="questionnaire-version">{ format!("Scored with questionnaire {}.", q.edition()) }</p>
        </section>
    }
}
