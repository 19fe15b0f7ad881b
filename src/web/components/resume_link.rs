//! "Continue where you left off": the question last edited in the open assessment (the
//! core keeps it in the workbook, so it survives a reload), on the start page and on
//! the questionnaire.

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::vendor::navigation::{page_title, question_text};
use crate::web::components::QuestionLink;
use crate::web::state::use_app;

/// Props of [`ResumeLink`].
#[derive(PartialEq, Properties)]
pub struct ResumeLinkProps {
    /// The page shown, if a questionnaire page: the link is left out on the page of the
    /// last edit itself.
    #[prop_or_default]
    pub current: Option<String>,
}

/// The resume link, when there is somewhere to resume.
#[function_component(ResumeLink)]
pub fn resume_link(props: &ResumeLinkProps) -> Html {
    let app = use_app();
    let q = Questionnaire::builtin();
    let Some(at) = app.resume_point() else {
        return html! {};
    };
    if props.current.as_ref() == Some(&at.domain) {
        return html! {};
    }
    let page = page_title(q, &at.domain).unwrap_or_default();
    // The start page names the question too; the questionnaire keeps to one short line.
    let detail = match (&props.current, question_text(q, &at.question)) {
        (None, Some(question)) => format!(" — {page}: {question}"),
        _ => format!(" — {page}"),
    };
    html! {
        <p class="resume" data-testid="resume">
            <QuestionLink to={at.clone()} classes="resume-link">{ "Continue where you left off" }</QuestionLink>
            <span class="small">{ detail }</span>
        </p>
    }
}
