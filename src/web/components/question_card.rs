//! One question: its text, why it matters, references, the answer control and notes.

use yew::prelude::*;

use crate::core::answers::AnswerEntry;
use crate::core::assessment::Edit;
use crate::core::questionnaire::{Question, Questionnaire};
use crate::web::components::{AnswerControl, EvidenceEditor, ReferenceItem};

/// Props of [`QuestionCard`].
#[derive(PartialEq, Properties)]
pub struct QuestionCardProps {
    /// The question.
    pub question: Question,
    /// What is recorded for it.
    pub entry: AnswerEntry,
    /// Called with each edit.
    pub onedit: Callback<Edit>,
}

/// A question card.
#[function_component(QuestionCard)]
pub fn question_card(props: &QuestionCardProps) -> Html {
    let q = Questionnaire::builtin();
    let question = &props.question;
    let id = question.id.clone();
    let onanswer = {
        let (onedit, id) = (props.onedit.clone(), id.clone());
        Callback::from(move |value| onedit.emit(Edit::Answer(id.to_string(), value)))
    };
    let onnotes = {
        let (onedit, id) = (props.onedit.clone(), id.clone());
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            onedit.emit(Edit::Notes(id.to_string(), area.value()));
        })
    };
    let refs = question.refs.iter().map(|r| match q.reference(r) {
        Some(reference) => html! { <ReferenceItem reference={reference.clone()} /> },
        None => html! { <li>{ r }</li> },
    });
    let notes_id = format!("notes-{id}");
    html! {
        <article class="question-card" data-question={id.clone()} aria-labelledby={format!("text-{id}")}>
            <header>
                <span class="level-tag">{ format!("L{}", question.level) }</span>
                <h2 id={format!("text-{id}")} class="question-text">{ &question.text }</h2>
            </header>
            <p class="why"><strong>{ "Why it matters: " }</strong>{ &question.why }</p>
            <AnswerControl question={question.clone()} value={props.entry.value.clone()} {onanswer} />
            if let Some(partly) = &question.partly {
                <p class="partly small" data-testid="partly"><strong>{ "“Partly” means: " }</strong>{ partly }</p>
            }
            <label for={notes_id.clone()} class="notes-label">{ "Notes" }</label>
            <textarea id={notes_id} class="notes" rows="2" value={props.entry.notes.clone()} oninput={onnotes} />
            <EvidenceEditor question={id.to_string()} evidence={props.entry.evidence.clone()} onedit={props.onedit.clone()} />
            <details class="refs">
                <summary>{ format!("References ({})", question.refs.len()) }</summary>
                <ul>{ for refs }</ul>
            </details>
        </article>
    }
}
