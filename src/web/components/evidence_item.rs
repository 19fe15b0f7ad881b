//! One evidence entry as a list item, wherever evidence is shown (the vendor's editor, the
//! buyer's view of a vendor's answers): its label, its URL as a link only when it is a web
//! link ([`Evidence::link`]; otherwise as text), and a local file as the core describes it
//! ([`evidence_file_text`]). Anything else the item holds (a Remove button) follows.

use yew::prelude::*;

use crate::core::answers::Evidence;
use crate::core::export::evidence_file_text;

/// Props of [`EvidenceItem`].
#[derive(PartialEq, Properties)]
pub struct EvidenceItemProps {
    /// The entry.
    pub evidence: Evidence,
    /// What follows it in the item (controls).
    #[prop_or_default]
    pub children: Html,
}

/// An evidence entry as a list item.
#[function_component(EvidenceItem)]
pub fn evidence_item(props: &EvidenceItemProps) -> Html {
    let ev = &props.evidence;
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
            <strong>{ &ev.label }</strong>{ url }{ for file }{ props.children.clone() }
        </li>
    }
}
