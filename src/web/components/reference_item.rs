//! One reference of a question: the document, the clause and its title, a link where
//! one exists, and any caveat (e.g. binding only for some products).

use yew::prelude::*;

use crate::core::answers::is_web_link;
use crate::core::questionnaire::Reference;

/// Props of [`ReferenceItem`].
#[derive(PartialEq, Properties)]
pub struct ReferenceItemProps {
    /// The reference.
    pub reference: Reference,
}

/// A reference as a list item.
#[function_component(ReferenceItem)]
pub fn reference_item(props: &ReferenceItemProps) -> Html {
    let r = &props.reference;
    let label = format!("{} {} — {}", r.source, r.clause, r.title);
    let document = r.document.as_ref().map(|d| {
        let edition = r
            .edition
            .as_ref()
            .map(|e| format!(", {e}"))
            .unwrap_or_default();
        let year = r.year.map(|y| format!(", {y}")).unwrap_or_default();
        format!("{d}{edition}{year}")
    });
    html! {
        <li class="reference">
            if let Some(url) = r.url.as_deref().filter(|u| is_web_link(u)) {
                <a href={url.to_owned()} rel="noopener noreferrer" target="_blank">{ label }</a>
            } else {
                <span>{ label }</span>
            }
            if let Some(d) = document { <span class="small">{ format!(" ({d})") }</span> }
            if let Some(note) = &r.note { <span class="small note">{ format!(" Note: {note}") }</span> }
        </li>
    }
}
