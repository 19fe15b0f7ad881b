//! The end of a questionnaire page: "← previous" and "next →" pages with their names and
//! progress, and "next unanswered question". Links are plain anchors (the URL changes,
//! so the back button returns); followed, they focus the new page's heading.

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::vendor::navigation::{self, Page};
use crate::web::components::NextUnanswered;
use crate::web::state::AppContext;

fn page_link(page: &Page, rel: &'static str) -> Html {
    let (href, onclick) = super::domain_nav::page_target(&page.id);
    let (arrow_before, arrow_after, word) = match rel {
        "prev" => ("← ", "", "Previous"),
        _ => ("", " →", "Next"),
    };
    html! {
        <a {href} {rel} class={classes!("pager-link", rel)} data-testid={format!("pager-{rel}")} {onclick}>
            <span class="pager-word">{ format!("{arrow_before}{word}{arrow_after}") }</span>
            <span class="pager-name">{ &page.title }</span>
            <span class="pager-progress small">{ page.progress() }</span>
        </a>
    }
}

/// Previous and next page links at the end of page `current` (a domain id or `context`).
pub fn domain_pager(app: &AppContext, current: &str) -> Html {
    let pager = navigation::pager(
        Questionnaire::builtin(),
        &app.assessment().answers,
        &app.statuses,
        current,
    );
    html! {
        <nav class="domain-pager" aria-label="Previous and next domain">
            { for pager.previous.as_ref().map(|p| page_link(p, "prev")) }
            <NextUnanswered current={current.to_owned()} />
            { for pager.next.as_ref().map(|p| page_link(p, "next")) }
        </nav>
    }
}
