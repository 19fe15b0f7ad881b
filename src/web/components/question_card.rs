//! One question: its text, why it matters, references, the answer control and notes.

use yew::prelude::*;

use crate::core::answers::AnswerEntry;
use crate::core::assessment::Edit;
use crate::core::questionnaire::published::ReferencesState;
use crate::core::questionnaire::{Question, Text};
use crate::web::components::{reference_item, AnswerControl, EvidenceEditor};

/// Props of [`QuestionCard`].
#[derive(PartialEq, Properties)]
pub struct QuestionCardProps {
    /// The question.
    pub question: Question,
    /// What is recorded for it.
    pub entry: AnswerEntry,
    /// Called with each edit.
    pub onedit: Callback<Edit>,
    /// The questionnaire's references (fetched after the first render).
    pub references: ReferencesState,
    /// Called to fetch the references again after a failure.
    pub onretry: Callback<()>,
}

/// The question's references from the fetched list; meanwhile a note that they are on the
/// way, or why they are not and a way to try again.
fn references_view(ids: &[Text], references: &ReferencesState, onretry: &Callback<()>) -> Html {
    match references {
        ReferencesState::Ready(all) => {
            let items = ids.iter().map(|id| match all.iter().find(|r| r.id == *id) {
                Some(reference) => html! { { reference_item(reference) } },
                None => html! { <li>{ id }</li> },
            });
            html! { <ul>{ for items }</ul> }
        }
        ReferencesState::Loading => html! { <p class="small">{ "Loading the references…" }</p> },
        ReferencesState::Failed(why) => html! {
            <p class="small refs-failed">
                { format!("The references could not be loaded: {why}. ") }
                <button type="button" class="link" onclick={onretry.reform(|_| ())}>{ "Try again" }</button>
            </p>
        },
    }
}

/// A question card.
#[function_component(QuestionCard)]
pub fn question_card(props: &QuestionCardProps) -> Html {
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
                { references_view(&question.refs, &props.references, &props.onretry) }
            </details>
        </article>
    }
}
