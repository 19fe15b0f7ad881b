//! What is still open before sending, item by item: unanswered questions (each a link
//! that lands on it), gates that fire only because of blanks, and empty profile fields
//! buyers look for (linked to the profile).

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::vendor::navigation::{question_text, OpenItems, Target};
use crate::web::components::question_link;
use crate::web::routes::{Link, Route};

/// Props of [`OpenItemList`].
#[derive(PartialEq, Properties)]
pub struct OpenItemListProps {
    /// The open items.
    pub items: OpenItems,
}

/// The open items, in a disclosure so a long list stays out of the way.
#[function_component(OpenItemList)]
pub fn open_item_list(props: &OpenItemListProps) -> Html {
    let q = Questionnaire::builtin();
    let items = &props.items;
    let pages = items
        .unanswered_by_page(q)
        .into_iter()
        .map(|(page, title, ids)| {
            let links = ids.into_iter().map(|id| {
                let text = question_text(q, &id).unwrap_or(&id).to_owned();
                let to = Target {
                    domain: page.clone(),
                    question: id,
                };
                html! { <li>{ question_link(&to, Classes::new(), html! { { text } }) }</li> }
            });
            html! {
                <li data-page-open={page.clone()}>
                    <span class="open-page">{ format!("{title} ({})", links.len()) }</span>
                    <ul>{ for links }</ul>
                </li>
            }
        });
    let gates = items.pending_gates.iter().filter_map(|id| q.gate(id)).map(|g| {
        html! { <li data-gate-open={g.id.clone()}>{ format!("“{}” fires only because its questions are not answered yet.", g.title) }</li> }
    });
    let fields = items.missing_profile.iter().map(|f| {
        html! { <li><Link to={Route::Setup}>{ f.label() }</Link>{ " is empty." }</li> }
    });
    html! {
        <details class="open-item-list" data-testid="open-item-list">
            <summary>{ "Show what is open" }</summary>
            if !items.unanswered.is_empty() {
                <h3>{ format!("Unanswered questions ({})", items.unanswered.len()) }</h3>
                <ul class="open-questions">{ for pages }</ul>
            }
            if !items.pending_gates.is_empty() {
                <h3>{ format!("Gates pending on blanks ({})", items.pending_gates.len()) }</h3>
                <ul class="open-gates">{ for gates }</ul>
            }
            if !items.missing_profile.is_empty() {
                <h3>{ "Profile fields buyers look for" }</h3>
                <ul class="open-profile">{ for fields }</ul>
            }
        </details>
    }
}
