//! One evidence file the buyer gave, and what it is: a match (with every question that
//! cites it, and the names it was recorded under when renamed), different content (with
//! the SHA-256 the score file expects), not referenced, unreadable, or still hashing.
//! Names and labels come from files and are rendered as text.

use yew::prelude::*;

use crate::core::buyer::evidence_check::{CheckRow, RowState};
use crate::core::evidence::{Outcome, Reference};
use crate::core::text::capitalised;

pub(super) fn citations(refs: &[Reference]) -> Html {
    let items = refs
        .iter()
        .map(|r| html! { <li><code>{ &r.question }</code>{ " " }{ &r.label }</li> });
    html! { <ul class="small">{ for items }</ul> }
}

/// Props of [`EvidenceResult`].
#[derive(PartialEq, Properties)]
pub struct EvidenceResultProps {
    /// The file and what it is.
    pub row: CheckRow,
}

/// One dropped file's result.
#[function_component(EvidenceResult)]
pub fn evidence_result(props: &EvidenceResultProps) -> Html {
    let r = &props.row;
    let (kind, label, body) = match &r.state {
        RowState::Hashing => ("hashing", "Hashing…".into(), html! {}),
        RowState::Unreadable(e) => (
            "unreadable",
            "Could not be read".into(),
            html! { <p>{ e }</p> },
        ),
        RowState::Checked(c) => match &c.outcome {
            Outcome::Match { recorded, renamed } => (
                "match",
                capitalised(c.outcome.label()),
                html! {
                    <>
                        if *renamed { <p>{ format!("Recorded as {}.", recorded.names_text()) }</p> }
                        <p>{ "Cited by:" }</p>{ citations(&recorded.references) }
                    </>
                },
            ),
            Outcome::DifferentContent { expected } => (
                "different_content",
                capitalised(c.outcome.label()),
                html! {
                    <>
                        <p>{ format!("It is {}; the score file expects:", c.file.content_text()) }</p>
                        <ul class="small">{ for expected.iter().map(|e| html! { <li class="hash">{ e.content_text() }{ citations(&e.references) }</li> }) }</ul>
                    </>
                },
            ),
            Outcome::NotReferenced => (
                "not_referenced",
                capitalised(c.outcome.label()),
                html! { <p class="small">{ c.file.content_text() }</p> },
            ),
        },
    };
    html! {
        <li class={classes!("evidence-result", kind)} data-file={r.name.clone()} data-outcome={kind}>
            <strong>{ &r.name }</strong>{ " · " }<span class="outcome">{ label }</span>{ body }
        </li>
    }
}
