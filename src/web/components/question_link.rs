//! A link to one question: a plain anchor to its page (so it opens in a new tab too);
//! followed in the page, it also focuses the question's answer control.

use yew::prelude::*;

use crate::core::vendor::navigation::Target;
use crate::web::io::focus;
use crate::web::routes::Route;

/// A link that lands on question `to`, with extra `classes`, showing `content`.
pub fn question_link(to: &Target, classes: Classes, content: Html) -> Html {
    let href = Route::AssessDomain {
        domain: to.domain.clone(),
    }
    .href();
    let question = to.question.clone();
    let onclick = {
        let to = to.clone();
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
        <a {href} class={classes} data-target={question} {onclick}>{ content }</a>
    }
}
