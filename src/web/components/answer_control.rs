//! The control for one answer: radio buttons for choices, a number field for numbers,
//! "not applicable" where allowed, and a way to clear the answer.

use yew::prelude::*;

use crate::core::text::short_decimal;

use crate::core::answers::AnswerValue;
use crate::core::questionnaire::{AnswerSpec, Question};
use crate::web::components::CommittedInput;

/// Props of [`AnswerControl`].
#[derive(PartialEq, Properties)]
pub struct AnswerControlProps {
    /// The question answered.
    pub question: Question,
    /// The current value.
    pub value: Option<AnswerValue>,
    /// Called with the new value (`None` clears it).
    pub onanswer: Callback<Option<AnswerValue>>,
}

/// Answer control.
#[function_component(AnswerControl)]
pub fn answer_control(props: &AnswerControlProps) -> Html {
    let question = &props.question;
    let range_error = use_state(|| None::<String>);
    let name = format!("answer-{}", question.id);
    let radio = |value: AnswerValue, label: String| {
        let checked = props.value.as_ref() == Some(&value);
        let onanswer = props.onanswer.clone();
        let onchange = Callback::from(move |_: Event| onanswer.emit(Some(value.clone())));
        html! {
            <label class="option">
                <input type="radio" name={name.clone()} {checked} {onchange} />
                <span>{ label }</span>
            </label>
        }
    };
    let main = match &question.answer {
        spec @ AnswerSpec::Number { unit, min, max, .. } => {
            let (onanswer, set_error) = (props.onanswer.clone(), range_error.clone());
            let spec = spec.clone();
            let onchange = Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                // The field reads the number, so the page carries no decimal parser. It
                // gives NaN both when empty and for what it cannot read ("1e", "--2");
                // only the latter sets `badInput`, and is then text that is no number: the
                // message shows and the answer stays. Only an empty field clears it.
                let number = input.value_as_number();
                let read = (!number.is_nan() || input.validity().bad_input()).then_some(number);
                match spec.number_answer(read) {
                    Ok(value) => {
                        set_error.set(None);
                        onanswer.emit(value);
                    }
                    Err(message) => set_error.set(Some(message)),
                }
            });
            let value = match &props.value {
                Some(AnswerValue::Number(n)) => short_decimal(*n, 6),
                _ => String::new(),
            };
            let field_id = format!("number-{}", question.id);
            let error_id = format!("range-{}", question.id);
            html! {
                <div class="number-answer">
                    <label for={field_id.clone()}>{ format!("Answer in {unit} ({}–{})", short_decimal(*min, 6), short_decimal(*max, 6)) }</label>
                    <CommittedInput id={field_id} kind="number" min={short_decimal(*min, 6)} max={short_decimal(*max, 6)} step="any" {value} {onchange}
                        invalid={range_error.is_some()} describedby={error_id.clone()} />
                    <span id={error_id} class="error" role="alert">{ range_error.as_deref().unwrap_or_default() }</span>
                </div>
            }
        }
        spec => html! {
            { for spec.options_worst_to_best().into_iter().rev().map(|(id, label, _)| radio(AnswerValue::Choice(id), label)) }
        },
    };
    let na = question
        .allow_na
        .then(|| radio(AnswerValue::NotApplicable, question.na_text().to_owned()));
    let onclear = {
        let onanswer = props.onanswer.clone();
        Callback::from(move |_: MouseEvent| onanswer.emit(None))
    };
    html! {
        <fieldset class="answer">
            <legend class="visually-hidden">{ format!("Answer to: {}", question.text) }</legend>
            { main }
            { for na }
            if props.value.is_some() {
                <button type="button" class="link clear" onclick={onclear}>{ "Clear answer" }</button>
            }
        </fieldset>
    }
}
