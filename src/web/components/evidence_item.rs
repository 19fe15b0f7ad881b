//! One evidence entry as a list item, wherever evidence is shown (the vendor's editor, the
//! buyer's view of a vendor's answers): its label, its URL as a link only when it is a web
//! link ([`Evidence::link`]; otherwise as text), and a local file as the core describes it
//! ([`evidence_file_text`]). Anything else the item holds (a Remove button) follows.

use yew::prelude::*;

use crate::core::answers::Evidence;
use crate::core::export::evidence_file_text;

/// An evidence entry as a list item, with `controls` (a Remove button, or nothing) after it.
pub fn evidence_item(ev: &Evidence, controls: Html) -> Html {
    let url = match (ev.link(), &ev.url) {
        // Vendor-supplied: never passes referrer or ranking credit, opens apart.
        (Some(link), _) => html! {
            <>{ " " }<a href={link.to_owned()} rel="noopener noreferrer nofollow" target="_blank">{ link }</a></>
        },
        (None, Some(text)) => html! { <>{ " " }<span class="url">{ text }</span></> },
        (None, None) => html! {},
    };
    let file = ev
        .file
        .as_ref()
        .map(|f| html! { <>{ " " }<span class="file">{ evidence_file_text(f) }</span></> });
    html! {
        <li class="evidence-item">
            <strong>{ &ev.label }</strong>{ url }{ for file }{ controls }
        </li>
    }
}
