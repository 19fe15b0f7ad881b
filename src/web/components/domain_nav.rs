//! Navigation between domains, with answered counts and the current level of each.

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::vendor::navigation;
use crate::web::routes::{Link, Route, CONTEXT};
use crate::web::state::AppContext;

/// The domain list with progress and levels from `app`, `current` the open page.
pub fn domain_nav(app: &AppContext, current: &str) -> Html {
    let q = Questionnaire::builtin();
    let score = &app.score;
    let answers = &app.assessment().answers;
    let context_answered = navigation::context_answered_count(q, answers);
    let context = (!q.context.is_empty()).then(|| {
        let here = current == CONTEXT;
        html! {
            <li class={classes!(here.then_some("current"))} data-domain={CONTEXT}>
                <Link to={Route::AssessDomain { domain: CONTEXT.into() }}>
                    <span class="name">{ "About the product" }</span>
                    <span class="meta">{ format!("{context_answered}/{} answered · not scored", q.context.len()) }</span>
                </Link>
            </li>
        }
    });
    let items = q.domains.iter().zip(&score.domains).map(|(d, s)| {
        let here = d.id == current;
        html! {
            <li class={classes!(here.then_some("current"))} data-domain={d.id.clone()}>
                <Link to={Route::AssessDomain { domain: d.id.to_string() }}>
                    <span class="name">{ &d.title }</span>
                    <span class="meta">{ format!("{}/{} answered · L{}", s.answered, s.shown, s.level) }</span>
                </Link>
            </li>
        }
    });
    html! {
        <nav class="domain-nav" aria-label="Domains">
            <p class="overall-progress">{ format!("{} of {} questions answered", score.answered, score.shown) }</p>
            <ol>{ for context }{ for items }</ol>
        </nav>
    }
}
