//! One domain's result: level, progress toward the next, and what would lift it.

use yew::prelude::*;

use crate::core::text::short_decimal;

use crate::core::questionnaire::{Questionnaire, MAX_LEVEL};
use crate::core::scoring::DomainScore;

/// How much of a domain's result to show.
#[derive(Clone, Copy, PartialEq)]
pub enum Detail {
    /// The bar only, without the list of missing items.
    Compact,
    /// The bar and what would lift the level.
    Full,
}

/// A domain's level with its explanation.
pub fn domain_result(s: &DomainScore, detail: Detail) -> Html {
    let q = Questionnaire::builtin();
    let compact = detail == Detail::Compact;
    let title = q
        .domain(&s.domain)
        .map(|d| d.title.clone())
        .unwrap_or_default();
    let progress = s.progress.as_ref().map(|p| {
        html! { <span class="progress">{ format!("{} of {} toward L{}", short_decimal(p.earned, 2), p.possible, p.level) }</span> }
    });
    let capped = (!s.capped_by.is_empty()).then(|| {
        html! { <span class="capped">{ format!("capped (answers reach L{})", s.criteria_level) }</span> }
    });
    let missing = (!compact).then(|| {
        let items = s.missing.iter().map(|m| {
            let text = q.question(&m.question).map(|qu| qu.text.to_string()).unwrap_or_else(|| m.question.to_string());
            html! { <li data-question={m.question.clone()}>{ text }<span class="why-missing">{ format!(" — {}", m.why()) }</span></li> }
        });
        html! {
            if s.level < MAX_LEVEL {
                <div class="missing">
                    <h4>{ format!("To reach L{}", s.level + 1) }</h4>
                    <ol>{ for items }</ol>
                </div>
            }
        }
    });
    html! {
        <li class="domain-result" data-domain={s.domain.clone()}>
            <div class="row">
                if compact { <span class="name">{ title.clone() }</span> } else { <h3 class="name">{ title.clone() }</h3> }
                <span class="level" data-testid="level">{ format!("L{} {}", s.level, q.level_name(s.level)) }</span>
            </div>
            <meter min="0" max={MAX_LEVEL.to_string()} value={s.level.to_string()} aria-label={format!("{title}: level {} of {MAX_LEVEL}", s.level)}></meter>
            { for progress }
            { for capped }
            { for missing }
        </li>
    }
}
