//! The printable report: title page, summary with chart, per-domain detail, and an
//! appendix with every answer, note and piece of evidence. Print it with the browser
//! (A4 or Letter); styles/print.css lays it out.

use yew::prelude::*;

use crate::core::text::decimal;

use crate::core::export::{evidence_text, report_answer};
use crate::core::questionnaire::{Questionnaire, MAX_LEVEL};
use crate::web::components::{domain_result, radar_chart, Detail, RadarSeries};
use crate::web::state::AppContext;

/// The printable report of `app`'s open assessment.
pub fn report_page(app: &AppContext) -> Html {
    let q = Questionnaire::builtin();
    let score = &app.score;
    let assessment = app.assessment();
    let profile = &assessment.profile;
    let statuses = &app.statuses;
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            "—".to_owned()
        } else {
            s.to_owned()
        }
    };
    let series = vec![RadarSeries {
        name: or_dash(&profile.organisation),
        levels: score.domains.iter().map(|d| d.level).collect(),
    }];
    let onprint = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let summary_rows = q.domains.iter().zip(&score.domains).map(|(d, s)| {
        html! { <tr><th scope="row">{ &d.title }</th><td>{ format!("L{} {}", s.level, q.level_name(s.level)) }</td><td>{ d.weight }</td></tr> }
    });
    let appendix = q.domains.iter().map(|d| {
        let rows = d.questions.iter().map(|qu| {
            let entry = assessment.answers.0.get(&*qu.id).cloned().unwrap_or_default();
            let answer = report_answer(qu, statuses.get(&*qu.id), entry.value.as_ref());
            let evidence = entry.evidence.iter().map(|ev| html! { <li>{ evidence_text(ev) }</li> });
            html! {
                <tr>
                    <td class="qid">{ &qu.id }</td>
                    <td>{ &qu.text }</td>
                    <td>
                        { answer.label }
                        if let Some(partly) = answer.partly {
                            <p class="partly small"><strong>{ "“Partly” means: " }</strong>{ partly }</p>
                        }
                    </td>
                    <td>{ &entry.notes }<ul class="evidence-list">{ for evidence }</ul></td>
                </tr>
            }
        });
        html! {
            <section class="appendix-domain">
                <h3>{ &d.title }</h3>
                <table><thead><tr><th>{ "Id" }</th><th>{ "Question" }</th><th>{ "Answer" }</th><th>{ "Notes and evidence" }</th></tr></thead>
                <tbody>{ for rows }</tbody></table>
            </section>
        }
    });
    html! {
        <main class="report">
            <p class="no-print"><button type="button" class="primary" onclick={onprint}>{ "Print or save as PDF" }</button></p>
            <section class="title-page">
                <p class="kicker">{ "Vulnerability response readiness — self-assessment report" }</p>
                <h1 tabindex="-1">{ or_dash(&profile.organisation) }</h1>
                <dl>
                    <dt>{ "Product(s)" }</dt><dd>{ or_dash(&profile.products) }</dd>
                    <dt>{ "Versions in scope" }</dt><dd>{ or_dash(&profile.versions) }</dd>
                    <dt>{ "Security contact" }</dt><dd>{ or_dash(&profile.security_contact) }</dd>
                    <dt>{ "Assessor" }</dt><dd>{ or_dash(&profile.assessor) }</dd>
                    <dt>{ "Assessment date" }</dt><dd>{ or_dash(&profile.assessment_date) }</dd>
                    <dt>{ "Questionnaire" }</dt><dd>{ format!("{} ({})", q.edition(), crate::core::questionnaire::BUILTIN_DIGEST) }</dd>
                </dl>
                <p class="small">{ "This is a self-attestation by the vendor. Levels follow the published scoring model (docs/scoring.md): a domain reaches a level only when that level and every level below it are fully met; critical gates cap levels." }</p>
            </section>
            <section class="summary">
                <h2>{ "Summary" }</h2>
                <p class="overall"><span class="overall-value">{ decimal(score.overall, 1) }</span><span class="overall-max">{ format!(" / {MAX_LEVEL}") }</span></p>
                { radar_chart(&series) }
                <table><thead><tr><th>{ "Domain" }</th><th>{ "Level" }</th><th>{ "Weight" }</th></tr></thead><tbody>{ for summary_rows }</tbody></table>
                <h3>{ format!("Gates fired ({})", score.gates.len()) }</h3>
                <ul>{ for score.gates.iter().filter_map(|f| q.gate(&f.gate)).map(|g| html! { <li><strong>{ &g.title }</strong>{ ": " }{ &g.reason }</li> }) }</ul>
            </section>
            <section class="detail">
                <h2>{ "Domain detail" }</h2>
                <ul class="domain-details">{ for score.domains.iter().map(|d| domain_result(d, Detail::Full)) }</ul>
            </section>
            <section class="appendix">
                <h2>{ "Appendix: answers, notes and evidence" }</h2>
                { for appendix }
            </section>
        </main>
    }
}
