//! A text or number field whose value is committed on `change` (when the user leaves it
//! or presses Enter), not on every key.
//!
//! Why not a plain `<input value=…>`: Yew writes a controlled input's value back into
//! the element whenever the component re-renders and the element's text differs, so
//! anything that re-renders the page while someone is typing (an autosave finishing, a
//! batch of imported files) would wipe the text not yet committed. This field takes the
//! committed value into the element only when the committed value itself changes.

use yew::prelude::*;

/// Props of [`CommittedInput`].
#[derive(PartialEq, Properties)]
pub struct CommittedInputProps {
    /// The element id, if a label points to it.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// The input type (`text`, `number`).
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// The committed value.
    pub value: AttrValue,
    /// Called on `change` with the event (read the element's value from it).
    pub onchange: Callback<Event>,
    /// `min`, for a number.
    #[prop_or_default]
    pub min: Option<AttrValue>,
    /// `max`, for a number.
    #[prop_or_default]
    pub max: Option<AttrValue>,
    /// `step`, for a number.
    #[prop_or_default]
    pub step: Option<AttrValue>,
    /// `aria-invalid`.
    #[prop_or_default]
    pub invalid: bool,
    /// `aria-describedby`.
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
}

/// A field committed on change.
#[function_component(CommittedInput)]
pub fn committed_input(props: &CommittedInputProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(input) = node.cast::<web_sys::HtmlInputElement>() {
                if input.value() != value.as_str() {
                    input.set_value(value);
                }
            }
        });
    }
    html! {
        <input ref={node} id={props.id.clone()} type={props.kind.clone()}
            min={props.min.clone()} max={props.max.clone()} step={props.step.clone()}
            aria-invalid={props.invalid.to_string()} aria-describedby={props.describedby.clone()}
            onchange={props.onchange.clone()} />
    }
}
