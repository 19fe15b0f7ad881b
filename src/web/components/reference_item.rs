//! One reference of a question: the document, the clause and its title, a link where
//! one exists, and any caveat (e.g. binding only for some products).

use yew::prelude::*;

use crate::core::questionnaire::Reference;

/// A reference as a list item.
pub fn reference_item(r: &Reference) -> Html {
    let label = format!("{} {} — {}", r.source, r.clause, r.title);
    let document = r.document_line();
    html! {
        <li class="reference">
            if let Some(url) = r.link() {
                <a href={url.to_owned()} rel="noopener noreferrer" target="_blank">{ label }</a>
            } else {
                <span>{ label }</span>
            }
            if let Some(d) = document { <span class="small">{ format!(" ({d})") }</span> }
            if let Some(note) = &r.note { <span class="small note">{ format!(" Note: {note}") }</span> }
        </li>
    }
}
