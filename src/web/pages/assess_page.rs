//! The questionnaire page: domains on the left, the open domain's questions, and the
//! live score beside them.

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::{self, QuestionStatus};
use crate::core::vendor::VendorAction;
use crate::core::workbook::Change;
use crate::web::components::{DomainNav, DownloadBar, QuestionCard, ScorePanel};
use crate::web::state::use_app;

/// Props of [`AssessPage`].
#[derive(PartialEq, Properties)]
pub struct AssessPageProps {
    /// The domain to show; the first one when `None` or unknown.
    pub domain: Option<String>,
}

/// The questionnaire page.
#[function_component(AssessPage)]
pub fn assess_page(props: &AssessPageProps) -> Html {
    let app = use_app();
    let q = Questionnaire::builtin();
    // A User Timing mark when the questionnaire is first on screen; the load benchmark
    // reads it instead of polling the page from outside.
    use_effect_with((), |_| {
        if let Some(p) = gloo::utils::window().performance() {
            let _ = p.mark("questionnaire-interactive");
        }
    });
    let domain = props
        .domain
        .as_deref()
        .and_then(|id| q.domain(id))
        .unwrap_or(&q.domains[0]);
    let assessment = app.assessment();
    let statuses = scoring::evaluate(q, &assessment.answers);
    let onedit = {
        let app = app.clone();
        Callback::from(move |edit| app.dispatch(VendorAction::Change(Change::Edit(edit))))
    };
    let cards = domain
        .questions
        .iter()
        .filter(|question| statuses.get(&question.id) != Some(&QuestionStatus::Hidden))
        .map(|question| {
            html! {
                <QuestionCard
                    key={question.id.clone()}
                    question={question.clone()}
                    entry={assessment.answers.0.get(&question.id).cloned().unwrap_or_default()}
                    onedit={onedit.clone()}
                />
            }
        });
    html! {
        <main id="main" class="assess">
            <DomainNav current={domain.id.clone()} score={app.score.clone()} />
            <section class="questions" aria-labelledby="domain-title">
                <h1 id="domain-title">{ &domain.title }</h1>
                <p class="summary">{ &domain.summary }</p>
                { for cards }
            </section>
            <aside class="side">
                <DownloadBar />
                <ScorePanel score={app.score.clone()} />
            </aside>
        </main>
    }
}
