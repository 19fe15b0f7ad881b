//! "Continue where you left off": the question last edited in the open assessment (the
//! core keeps it in the workbook, so it survives a reload), on the start page and on
//! the questionnaire.

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::vendor::navigation::{page_title, question_text};
use crate::web::components::question_link;
use crate::web::state::AppContext;

/// The resume link, when there is somewhere to resume; `current` is the page shown if a
/// questionnaire page (the link is left out on the page of the last edit itself).
pub fn resume_link(app: &AppContext, current: Option<&str>) -> Html {
    let q = Questionnaire::builtin();
    let Some(at) = app.resume_point() else {
        return html! {};
    };
    if current == Some(at.domain.as_str()) {
        return html! {};
    }
    let page = page_title(q, &at.domain).unwrap_or_default();
    // The start page names the question too; the questionnaire keeps to one short line.
    let detail = match (current, question_text(q, &at.question)) {
        (None, Some(question)) => format!(" — {page}: {question}"),
        _ => format!(" — {page}"),
    };
    html! {
        <p class="resume" data-testid="resume">
            { question_link(&at, classes!("resume-link"), html! { "Continue where you left off" }) }
            <span class="small">{ detail }</span>
        </p>
    }
}
