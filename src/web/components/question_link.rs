//! A link to one question: a plain anchor to its page (so it opens in a new tab too);
//! followed in the page, it also focuses the question's answer control.

use yew::prelude::*;

use crate::core::vendor::navigation::Target;
use crate::web::io::focus;
use crate::web::routes::Route;

/// Props of [`QuestionLink`].
#[derive(PartialEq, Properties)]
pub struct QuestionLinkProps {
    /// The question and its page.
    pub to: Target,
    /// Extra classes.
    #[prop_or_default]
    pub classes: Classes,
    /// What the link shows.
    #[prop_or_default]
    pub children: Html,
}

/// A link that lands on a question.
#[function_component(QuestionLink)]
pub fn question_link(props: &QuestionLinkProps) -> Html {
    let href = Route::AssessDomain {
        domain: props.to.domain.clone(),
    }
    .href();
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            // A modified click opens a tab or window as usual.
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            focus::go_to_question(&to);
        })
    };
    html! {
        <a {href} class={props.classes.clone()} data-target={props.to.question.clone()} {onclick}>{ props.children.clone() }</a>
    }
}
