//! The vendor profile: who is assessed, what is in scope, and who assessed it.

use yew::prelude::*;

use crate::core::assessment::{Edit, ProfileField};
use crate::core::vendor::VendorAction;
use crate::core::workbook::Change;
use crate::web::state::AppContext;

/// The profile form of `app`'s open assessment; every keystroke is saved.
pub fn profile_form(app: &AppContext) -> Html {
    let profile = &app.assessment().profile;
    let fields = ProfileField::ALL.into_iter().map(|field| {
        // Variant names are ASCII; `str::to_lowercase` would bring Unicode's case tables
        // into the first load (docs/performance.md).
        let id = format!("profile-{field:?}").to_ascii_lowercase();
        let kind = match field {
            ProfileField::AssessmentDate => "date",
            ProfileField::VdpUrl | ProfileField::SecurityTxtUrl => "url",
            _ => "text",
        };
        let oninput = {
            let app = app.clone();
            Callback::from(move |e: InputEvent| {
                let value = e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value();
                app.dispatch(VendorAction::Change(Change::Edit(Edit::Profile(
                    field, value,
                ))));
            })
        };
        html! {
            <div class="field">
                <label for={id.clone()}>{ field.label() }</label>
                <input {id} type={kind} value={profile.get(field).to_owned()} {oninput} />
            </div>
        }
    });
    html! {
        <section class="profile-form" aria-labelledby="profile-title">
            <h2 id="profile-title">{ "Vendor profile" }</h2>
            <p class="small">{ "Shown on the report and in the score file your customers receive." }</p>
            <div class="fields">{ for fields }</div>
        </section>
    }
}
