//! The questionnaire page: domains on the left, the open domain's questions, and the
//! live score beside them.

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::QuestionStatus;
use crate::core::vendor::{navigation, VendorAction};
use crate::core::workbook::Change;

use crate::web::components::{
    assess_toolbar, context_card, domain_nav, domain_pager, DownloadBar, QuestionCard, ScorePanel,
};
use crate::web::routes::{Link, Route, CONTEXT};
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
    let assessment = app.assessment();
    // One callback for the page's life (the dispatcher never changes), so a card whose
    // answer did not change is not rendered again when another one does.
    let onedit = use_callback(app.dispatcher(), |edit, dispatcher| {
        dispatcher.dispatch(VendorAction::Change(Change::Edit(edit)))
    });
    let onretry = use_callback(app.dispatcher(), |(), dispatcher| {
        dispatcher.dispatch(VendorAction::FetchPublished)
    });
    if props.domain.as_deref() == Some(CONTEXT) {
        let cards = q.context.iter().map(|c| {
            // Context questions are choices.
            let value = assessment.answers.value(&c.id).and_then(|v| v.choice());
            context_card(c, value, &onedit)
        });
        return html! {
            <main class="assess">
                { domain_nav(&app, CONTEXT) }
                <section class="questions" aria-labelledby="domain-title">
                    { assess_toolbar(&app, CONTEXT) }
                    <h1 id="domain-title" tabindex="-1">{ "About the product" }</h1>
                    <p class="summary">{ "These answers are not scored. They decide which questions apply to the product this assessment covers, so every question you see can be answered honestly. Until you answer them, every question is shown." }</p>
                    { for cards }
                    { domain_pager(&app, CONTEXT) }
                </section>
                <aside class="side">
                    <DownloadBar />
                    <ScorePanel score={app.score.clone()} />
                </aside>
            </main>
        };
    }
    let domain = props
        .domain
        .as_deref()
        .and_then(|id| q.domain(id))
        .unwrap_or(&q.domains[0]);
    let statuses = &app.statuses;
    let context_open = navigation::context_open(q, &assessment.answers);
    let cards = domain
        .questions
        .iter()
        .filter(|question| {
            statuses
                .get(&*question.id)
                .is_some_and(QuestionStatus::is_shown)
        })
        .map(|question| {
            html! {
                <QuestionCard
                    key={question.id.to_string()}
                    question={question.clone()}
                    entry={assessment.answers.0.get(&*question.id).cloned().unwrap_or_default()}
                    onedit={onedit.clone()}
                    published={app.published.clone()}
                    onretry={onretry.clone()}
                />
            }
        });
    html! {
        <main class="assess">
            { domain_nav(&app, &domain.id) }
            <section class="questions" aria-labelledby="domain-title">
                { assess_toolbar(&app, &domain.id) }
                <h1 id="domain-title" tabindex="-1">{ &domain.title }</h1>
                <p class="summary">{ &domain.summary }</p>
                if context_open {
                    <p class="hint" data-testid="context-hint">
                        { "Tell us first how customers run the product: " }
                        <Link to={Route::AssessDomain { domain: CONTEXT.into() }}>{ "About the product" }</Link>
                        { " hides the questions that cannot apply to it." }
                    </p>
                }
                // A list of its own (keyed), so a follow-up appearing does not re-create
                // the cards before it and take the focus away.
                <>{ for cards }</>
                { domain_pager(&app, &domain.id) }
            </section>
            <aside class="side">
                <DownloadBar />
                <ScorePanel score={app.score.clone()} />
            </aside>
        </main>
    }
}
