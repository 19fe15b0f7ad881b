//! On narrow screens the domain list collapses to one line, "Domain 3 of 10 · Triage ·
//! 45 of 115 answered", that opens the full list. The stylesheet shows either this or
//! the full list, never both.

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::vendor::navigation;
use crate::web::components::domain_nav;
use crate::web::state::AppContext;

/// The collapsed domain list on page `current` (a domain id or `context`).
pub fn compact_domain_nav(app: &AppContext, current: &str) -> Html {
    let pager = navigation::pager(
        Questionnaire::builtin(),
        &app.assessment().answers,
        &app.statuses,
        current,
    );
    // Keyed by page: a move to another page closes the list again.
    html! {
        <details class="compact-domain-nav" key={current.to_owned()}>
            <summary data-testid="compact-domain-nav">{ pager.compact_label() }</summary>
            { domain_nav(app, current) }
        </details>
    }
}
