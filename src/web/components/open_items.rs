//! "Before you send": what is still open in the assessment ([`navigation::open_items`])
//! and the score-file download button. Downloading with open items asks once, in the
//! page: the first press shows "N items are still open — download anyway?" with a
//! "Download anyway" button (which takes the focus); that button, or a second press of
//! the download button, downloads. Once the vendor has chosen to send a set of open
//! items, the same set is not asked about again. Nothing blocks a download, and no
//! blocking browser dialog is used (`window.confirm` would stop the page and is hard to
//! reach for some assistive technology).

use yew::prelude::*;

use crate::core::questionnaire::Questionnaire;
use crate::core::vendor::navigation::{self, OpenItems as Open};
use crate::web::components::OpenItemList;
use crate::web::io::focus;
use crate::web::state::use_app;

/// Props of [`OpenItems`].
#[derive(PartialEq, Properties)]
pub struct OpenItemsProps {
    /// Makes and saves the score file.
    pub ondownload: Callback<MouseEvent>,
    /// The download button's label.
    #[prop_or_default]
    pub children: Html,
}

/// Open items, and the download button that asks once before sending with them.
#[function_component(OpenItems)]
pub fn open_items(props: &OpenItemsProps) -> Html {
    let app = use_app();
    let items = navigation::open_items(Questionnaire::builtin(), app.assessment(), &app.statuses);
    // The open items the prompt is shown for, and those the vendor chose to send with.
    let asking = use_state(|| None::<Open>);
    let accepted = use_state(|| None::<Open>);
    let asked = asking.as_ref() == Some(&items);
    let onclick = {
        let (items, asking, accepted) = (items.clone(), asking.clone(), accepted.clone());
        let ondownload = props.ondownload.clone();
        Callback::from(move |e: MouseEvent| {
            if items.is_empty() || accepted.as_ref() == Some(&items) || asked {
                accepted.set(Some(items.clone()));
                asking.set(None);
                ondownload.emit(e);
            } else {
                asking.set(Some(items.clone()));
                focus::focus_id("download-anyway");
            }
        })
    };
    let onanyway = {
        let (items, asking, accepted) = (items.clone(), asking.clone(), accepted.clone());
        let ondownload = props.ondownload.clone();
        Callback::from(move |e: MouseEvent| {
            accepted.set(Some(items.clone()));
            asking.set(None);
            ondownload.emit(e);
            focus::focus_id("download-score");
        })
    };
    let onnotyet = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| {
            asking.set(None);
            focus::focus_id("download-score");
        })
    };
    let count = items.count();
    html! {
        <section class="open-items" aria-labelledby="open-items-title" data-testid="open-items">
            <h2 id="open-items-title">{ "Before you send" }</h2>
            if items.is_empty() {
                <p class="small" data-testid="open-summary">{ "Nothing is open: every question is answered and the profile names the organisation, the product and a security contact." }</p>
            } else {
                <p data-testid="open-summary">{ format!("Still open: {}.", items.summary()) }</p>
                <OpenItemList items={items.clone()} />
            }
            <button type="button" class="primary" id="download-score" {onclick}>{ props.children.clone() }</button>
            if asked {
                <div class="confirm-download" role="group" aria-labelledby="confirm-download-text" data-testid="confirm-download">
                    <p id="confirm-download-text">
                        { if count == 1 { "1 item is still open. Download anyway?".to_owned() } else { format!("{count} items are still open. Download anyway?") } }
                    </p>
                    <button type="button" class="primary" id="download-anyway" onclick={onanyway}>{ "Download anyway" }</button>
                    <button type="button" onclick={onnotyet}>{ "Not yet" }</button>
                </div>
            }
        </section>
    }
}
