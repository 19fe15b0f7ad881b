//! On narrow screens the domain list collapses to one line, "Domain 3 of 10 · Triage ·
//! 45 of 112 answered", that opens the full list. The stylesheet shows either this or
//! the full list, never both.

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::vendor::navigation;
use crate::web::components::DomainNav;
use crate::web::state::use_app;

/// Props of [`CompactDomainNav`].
#[derive(PartialEq, Properties)]
pub struct CompactDomainNavProps {
    /// The page shown: a domain id or `context`.
    pub current: String,
}

/// The collapsed domain list.
#[function_component(CompactDomainNav)]
pub fn compact_domain_nav(props: &CompactDomainNavProps) -> Html {
    let app = use_app();
    let pager = navigation::pager(
        Questionnaire::builtin(),
        &app.assessment().answers,
        &app.statuses,
        &props.current,
    );
    // Keyed by page: a move to another page closes the list again.
    html! {
        <details class="compact-domain-nav" key={props.current.clone()}>
            <summary data-testid="compact-domain-nav">{ pager.compact_label() }</summary>
            <DomainNav current={props.current.clone()} score={app.score.clone()} />
        </details>
    }
}
