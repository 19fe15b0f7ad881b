//! The head of every questionnaire page: the compact domain control (narrow screens),
//! "continue where you left off" and "next unanswered question" with its shortcut. It
//! also marks which page has rendered (`data-page`), so focus moves wait for it.

use yew::prelude::*;

use crate::web::components::{compact_domain_nav, resume_link, NextUnanswered};
use crate::web::state::AppContext;

/// Questionnaire tools above the heading of page `current` (a domain id or `context`).
pub fn assess_toolbar(app: &AppContext, current: &str) -> Html {
    html! {
        <div class="assess-toolbar" data-page={current.to_owned()}>
            { compact_domain_nav(app, current) }
            <div class="moves">
                <NextUnanswered current={current.to_owned()} shortcut={true} />
                { resume_link(app, Some(current)) }
            </div>
        </div>
    }
}
