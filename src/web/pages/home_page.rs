//! The start page: what the tool is for and where each kind of user goes.

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::web::components::resume_link;
use crate::web::routes::{Link, Route};
use crate::web::state::AppContext;

/// Landing page, with the resume link of `app`'s open assessment.
pub fn home_page(app: &AppContext) -> Html {
    let q = Questionnaire::builtin();
    let questions = q.questions().count();
    html! {
        <main class="home">
            <h1>{ crate::core::route::APP_NAME }</h1>
            <p class="lead">
                { "How ready is a software vendor to receive, fix and disclose vulnerabilities? " }
                { format!("Answer {questions} referenced questions across {} domains, see a maturity level per domain with the reasons, and download a score file your customers can verify.", q.domains.len()) }
            </p>
            <p>{ "Everything runs in this page. Nothing you type leaves your machine unless you download it." }</p>
            <div class="cards">
                <section class="card">
                    <h2>{ "Vendors" }</h2>
                    <p>{ "Fill in the questionnaire over as many sittings as you need; every change is saved in this browser." }</p>
                    <Link to={Route::Assess} classes="button primary">{ "Start or continue the assessment" }</Link>
                    { resume_link(app, None) }
                </section>
                <section class="card">
                    <h2>{ "Buyers" }</h2>
                    <p>{ "Drop the score files your vendors sent: each is verified, re-scored from its answers and checked against your minimum profile." }</p>
                    <Link to={Route::Compare} classes="button primary">{ "Compare vendors" }</Link>
                </section>
            </div>
            <p class="small">{ format!("Questionnaire {}", q.edition()) }</p>
        </main>
    }
}
