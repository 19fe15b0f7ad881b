//! One row of the comparison table. A row is re-rendered only when its vendor's row
//! (shared, so compared by pointer) or its selection changes: importing a thousand files
//! then adds rows instead of re-rendering every shown one.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::buyer::compare::VendorRow;
use crate::core::buyer::session::BuyerChange;
use crate::core::integrity::SignatureState;
use crate::core::questionnaire::Questionnaire;
use crate::core::text::{capitalised, decimal};
use crate::core::verify::{result_label, Finding, IntegrityState, KeyPinState};

/// Properties of [`VendorRowView`].
#[derive(Properties)]
pub struct VendorRowViewProps {
    /// The vendor's row, as the session holds it.
    pub row: Rc<VendorRow>,
    /// Whether the row is selected for the difference and progress views.
    pub selected: bool,
    /// The session's changes (selecting, opening, pinning a key).
    pub onchange: Callback<BuyerChange>,
}

impl PartialEq for VendorRowViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.row, &other.row)
            && self.selected == other.selected
            && self.onchange == other.onchange
    }
}

/// A vendor's row: levels, gates, signature, age, verdict and actions.
#[function_component(VendorRowView)]
pub fn vendor_row_view(props: &VendorRowViewProps) -> Html {
    let q = Questionnaire::builtin();
    let r = &*props.row;
    let send = |c: BuyerChange| props.onchange.reform(move |_: MouseEvent| c.clone());
    let ontoggle = {
        let file = r.file_name.clone();
        props
            .onchange
            .reform(move |_: Event| BuyerChange::Toggle(file.clone()))
    };
    let v = &r.summary.verification;
    let onpin = match (&v.signature, &r.key_pin) {
        (SignatureState::Valid { fingerprint }, KeyPinState::NotPinned) => {
            Some(send(BuyerChange::PinKey {
                organisation: r.summary.organisation.clone(),
                fingerprint: fingerprint.clone(),
            }))
        }
        _ => None,
    };
    let gate_titles: Vec<&str> = r
        .summary
        .gates
        .iter()
        .filter_map(|f| q.gate(&f.gate))
        .map(|g| g.title.as_ref())
        .collect();
    html! {
        <tr class={classes!(if r.verdict.pass { "pass" } else { "fail" })} data-file={r.file_name.clone()}>
            <td><input type="checkbox" aria-label={format!("Select {}", r.summary.organisation)} checked={props.selected} onchange={ontoggle} /></td>
            <th scope="row"><span class="org">{ &r.summary.organisation }</span><span class="small">{ format!(" {} · {}", r.summary.products, r.file_name) }</span></th>
            <td class="num" data-testid="overall">{ decimal(r.overall(), 1) }</td>
            { for q.domains.iter().map(|d| html! { <td class="num">{ format!("L{}", r.level(&d.id)) }</td> }) }
            <td title={gate_titles.join("; ")}>{ r.summary.gates.len() }</td>
            <td data-testid="signature">
                { v.signature.label() }
                if v.edited { <span class="flag">{ format!(" · {}", result_label(true)) }</span> }
                if v.integrity != IntegrityState::Intact { <span class="flag">{ format!(" · integrity {}", v.integrity.label()) }</span> }
                if let Some(pin) = r.key_pin.phrase() { <span class="small">{ format!(" · {pin}") }</span> }
                if let Some(m) = &r.summary.migration { <span class="small" title={r.summary.migration_note().unwrap_or_default()}>{ format!(" · {}", Finding::MigratedFrom(m.from.clone())) }</span> }
                if let Some(fp) = r.key_fingerprint() { <span class="small fp" title={fp.to_owned()}>{ format!(" {}…", fp.chars().take(19).collect::<String>()) }</span> }
            </td>
            <td class={classes!("num", r.too_old.then_some("flag"))}>{ r.age_days.map(|a| format!("{a} d")).unwrap_or_else(|| "?".into()) }</td>
            <td data-testid="verdict">
                <strong>{ capitalised(r.verdict.label()) }</strong>
                if !r.verdict.reasons.is_empty() { <ul class="reasons">{ for r.verdict.reasons.iter().map(|x| html! { <li>{ x.to_string() }</li> }) }</ul> }
            </td>
            <td class="no-print">
                <button type="button" class="link" onclick={send(BuyerChange::Open(Some(r.file_name.clone())))}>{ "Answers" }</button>
                if let Some(onpin) = onpin { <button type="button" class="link" onclick={onpin}>{ "Pin key" }</button> }
            </td>
        </tr>
    }
}
