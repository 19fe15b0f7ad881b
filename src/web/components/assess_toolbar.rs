//! The head of every questionnaire page: the compact domain control (narrow screens),
//! "continue where you left off" and "next unanswered question" with its shortcut. It
//! also marks which page has rendered (`data-page`), so focus moves wait for it.

use yew::prelude::*;

use crate::web::components::{CompactDomainNav, NextUnanswered, ResumeLink};

/// Props of [`AssessToolbar`].
#[derive(PartialEq, Properties)]
pub struct AssessToolbarProps {
    /// The page shown: a domain id or `context`.
    pub current: String,
}

/// Questionnaire tools above the page's heading.
#[function_component(AssessToolbar)]
pub fn assess_toolbar(props: &AssessToolbarProps) -> Html {
    html! {
        <div class="assess-toolbar" data-page={props.current.clone()}>
            <CompactDomainNav current={props.current.clone()} />
            <div class="moves">
                <NextUnanswered current={props.current.clone()} shortcut={true} />
                <ResumeLink current={Some(props.current.clone())} />
            </div>
        </div>
    }
}
