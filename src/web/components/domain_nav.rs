//! Navigation between domains, with answered counts and the current level of each. Its
//! links, followed, focus the new page's heading: in the compact list (narrow screens)
//! the link itself is gone with the page it was on.

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::vendor::navigation;
use crate::web::io::focus;
use crate::web::routes::{Route, CONTEXT};
use crate::web::state::AppContext;

/// The address of page `id` and a click handler that focuses its heading once it renders
/// (the anchor changes the URL itself, so the back button returns): for every link to a
/// questionnaire page (this list and the pager).
pub(super) fn page_target(id: &str) -> (String, Callback<MouseEvent>) {
    let href = Route::AssessDomain {
        domain: id.to_owned(),
    }
    .href();
    let id = id.to_owned();
    (
        href,
        Callback::from(move |_: MouseEvent| focus::focus_page_heading(&id)),
    )
}

fn page_link(id: &str, children: Html) -> Html {
    let (href, onclick) = page_target(id);
    html! { <a {href} {onclick}>{ children }</a> }
}

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
                { page_link(CONTEXT, html! {<>
                    <span class="name">{ "About the product" }</span>
                    <span class="meta">{ format!("{context_answered}/{} answered · not scored", q.context.len()) }</span>
                </>}) }
            </li>
        }
    });
    let items = q.domains.iter().zip(&score.domains).map(|(d, s)| {
        let here = d.id == current;
        html! {
            <li class={classes!(here.then_some("current"))} data-domain={d.id.clone()}>
                { page_link(&d.id, html! {<>
                    <span class="name">{ &d.title }</span>
                    <span class="meta">{ format!("{}/{} answered · L{}", s.answered, s.shown, s.level) }</span>
                </>}) }
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
