//! Navigation between domains, with answered counts and the current level of each.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::Score;
use crate::core::vendor::navigation;
use crate::web::routes::{Link, Route, CONTEXT};
use crate::web::state::use_app;

/// Props of [`DomainNav`].
#[derive(PartialEq, Properties)]
pub struct DomainNavProps {
    /// Id of the open domain.
    pub current: String,
    /// The live score.
    pub score: Rc<Score>,
}

/// Domain list with progress.
#[function_component(DomainNav)]
pub fn domain_nav(props: &DomainNavProps) -> Html {
    let q = Questionnaire::builtin();
    let app = use_app();
    let answers = &app.assessment().answers;
    let context_answered = navigation::context_answered_count(q, answers);
    let context = (!q.context.is_empty()).then(|| {
        let current = props.current == CONTEXT;
        html! {
            <li class={classes!(current.then_some("current"))} data-domain={CONTEXT}>
                <Link to={Route::AssessDomain { domain: CONTEXT.into() }}>
                    <span class="name">{ "About the product" }</span>
                    <span class="meta">{ format!("{context_answered}/{} answered · not scored", q.context.len()) }</span>
                </Link>
            </li>
        }
    });
    let items = q.domains.iter().zip(&props.score.domains).map(|(d, s)| {
        let current = d.id == props.current;
        html! {
            <li class={classes!(current.then_some("current"))} data-domain={d.id.clone()}>
                <Link to={Route::AssessDomain { domain: d.id.to_string() }}>
                    <span class="name">{ &d.title }</span>
                    <span class="meta">{ format!("{}/{} answered · L{}", s.answered, s.shown, s.level) }</span>
                </Link>
            </li>
        }
    });
    html! {
        <nav class="domain-nav" aria-label="Domains">
            <p class="overall-progress">{ format!("{} of {} questions answered", props.score.answered, props.score.shown) }</p>
            <ol>{ for context }{ for items }</ol>
        </nav>
    }
}
