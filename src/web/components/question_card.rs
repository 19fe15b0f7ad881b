//! One question: its text, why it matters, references, the answer control and notes.
//! In the page's module why it matters, what "partly" means and the references come from
//! the published data file, once it is read.

use yew::prelude::*;

use crate::core::answers::AnswerEntry;
use crate::core::assessment::Edit;
use crate::core::questionnaire::published::PublishedState;
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
    /// The questionnaire's references and explanations (fetched after the first render).
    pub published: PublishedState,
    /// Called to fetch the references again after a failure.
    pub onretry: Callback<()>,
}

/// The question's references from the fetched list; meanwhile a note that they are on the
/// way, or why they are not and a way to try again.
fn references_view(ids: &[Text], published: &PublishedState, onretry: &Callback<()>) -> Html {
    match published {
        PublishedState::Ready(published) => {
            let items =
                ids.iter().map(
                    |id| match published.references.iter().find(|r| r.id == *id) {
                        Some(reference) => html! { { reference_item(reference) } },
                        None => html! { <li>{ id }</li> },
                    },
                );
            html! { <ul>{ for items }</ul> }
        }
        PublishedState::Loading => html! { <p class="small">{ "Loading the references…" }</p> },
        PublishedState::Failed(why) => html! {
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
    let explanation = props.published.explanation(question);
    let notes_id = format!("notes-{id}");
    html! {
        <article class="question-card" data-question={id.clone()} aria-labelledby={format!("text-{id}")}>
            <header>
                <span class="level-tag">{ format!("L{}", question.level) }</span>
                <h2 id={format!("text-{id}")} class="question-text">{ &question.text }</h2>
            </header>
            // While the data file is read, a line where the text will be, so the answer
            // control below moves as little as it can when the text arrives.
            { match (explanation, &props.published) {
                (Some((why, _)), _) => html! { <p class="why"><strong>{ "Why it matters: " }</strong>{ why }</p> },
                (None, PublishedState::Loading) => html! { <p class="why small" aria-busy="true">{ "Loading why it matters…" }</p> },
                (None, _) => html! {},
            } }
            <AnswerControl question={question.clone()} value={props.entry.value.clone()} {onanswer} />
            if let Some(partly) = explanation.and_then(|(_, partly)| partly) {
                <p class="partly small" data-testid="partly"><strong>{ "“Partly” means: " }</strong>{ partly }</p>
            }
            <label for={notes_id.clone()} class="notes-label">{ "Notes" }</label>
            <textarea id={notes_id} class="notes" rows="2" value={props.entry.notes.clone()} oninput={onnotes} />
            <EvidenceEditor question={id.to_string()} evidence={props.entry.evidence.clone()} onedit={props.onedit.clone()} />
            <details class="refs">
                <summary>{ format!("References ({})", question.refs.len()) }</summary>
                { references_view(&question.refs, &props.published, &props.onretry) }
            </details>
        </article>
    }
}
