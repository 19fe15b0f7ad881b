//! One context question ("How do customers run the product?"): unscored, it decides
//! which questions apply, so the vendor only sees questions it can answer honestly.

use yew::prelude::*;

use crate::core::answers::AnswerValue;
use crate::core::assessment::Edit;
use crate::core::questionnaire::ContextQuestion;

/// Context question `question` with its options, `value` the option chosen if any;
/// `onedit` is called with each edit.
pub fn context_card(
    question: &ContextQuestion,
    value: Option<&str>,
    onedit: &Callback<Edit>,
) -> Html {
    let name = format!("answer-{}", question.id);
    let options = question.options.iter().map(|o| {
        let checked = value == Some(o.id.as_ref());
        let (onedit, id, option) = (onedit.clone(), question.id.clone(), o.id.clone());
        let onchange = Callback::from(move |_: Event| {
            onedit.emit(Edit::Answer(
                id.to_string(),
                Some(AnswerValue::Choice(option.to_string())),
            ))
        });
        html! {
            <label class="option">
                <input type="radio" name={name.clone()} value={o.id.clone()} {checked} {onchange} />
                <span>{ &o.label }</span>
            </label>
        }
    });
    let id = question.id.clone();
    html! {
        <article key={id.to_string()} class="question-card context-card" data-question={id.clone()} aria-labelledby={format!("text-{id}")}>
            <header><h2 id={format!("text-{id}")} class="question-text">{ &question.text }</h2></header>
            <p class="why">{ &question.why }</p>
            <fieldset class="answer">
                <legend class="visually-hidden">{ format!("Answer to: {}", question.text) }</legend>
                { for options }
            </fieldset>
        </article>
    }
}
