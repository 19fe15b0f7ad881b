//! Results: overall score, radar chart, each domain's level with what would lift it,
//! the gates that fired with their reasons, and the CycloneDX and OSCAL exports.

use yew::prelude::*;

use crate::core::text::decimal;

use crate::core::questionnaire::{Questionnaire, MAX_LEVEL};
use crate::web::components::{domain_result, radar_chart, Detail, InteropExports, RadarSeries};
use crate::web::routes::{Link, Route};
use crate::web::state::AppContext;

/// The results of `app`'s open assessment.
pub fn results_page(app: &AppContext) -> Html {
    let q = Questionnaire::builtin();
    let score = &app.score;
    let name = app.workbook.current().name.clone();
    let series = vec![RadarSeries {
        name: name.clone(),
        levels: score.domains.iter().map(|d| d.level).collect(),
    }];
    let gates = score.gates.iter().filter_map(|fired| {
        let gate = q.gate(&fired.gate)?;
        let questions = fired
            .triggered_by
            .iter()
            .filter_map(|id| q.question(id))
            .map(|qu| html! { <li>{ &qu.text }</li> });
        Some(html! {
            <li class="gate" data-gate={gate.id.clone()}>
                <strong>{ &gate.title }</strong>
                if fired.pending { <span class="tag">{ " (not answered yet)" }</span> }
                <p>{ &gate.reason }</p>
                <ul class="small">{ for questions }</ul>
            </li>
        })
    });
    html! {
        <main class="results">
            <h1 tabindex="-1">{ format!("Results: {name}") }</h1>
            <p class="overall">
                <span class="overall-value" data-testid="overall">{ decimal(score.overall, 1) }</span>
                <span class="overall-max">{ format!(" / {MAX_LEVEL}") }</span>
                { format!(" · {} of {} questions answered", score.answered, score.shown) }
            </p>
            if let Some(note) = score.cap_note() { <p class="cap-note">{ note }</p> }
            <div class="results-grid">
                { radar_chart(&series) }
                <section aria-labelledby="gates-title">
                    <h2 id="gates-title">{ format!("Gates fired ({})", score.gates.len()) }</h2>
                    if score.gates.is_empty() { <p>{ "No gate caps this assessment." }</p> }
                    <ul class="gates">{ for gates }</ul>
                </section>
            </div>
            <h2>{ "Domains: level and what would lift it" }</h2>
            <ul class="domain-details">
                { for score.domains.iter().map(|d| domain_result(d, Detail::Full)) }
            </ul>
            <p><Link to={Route::Report} classes="button">{ "Printable report" }</Link></p>
            <InteropExports />
        </main>
    }
}
