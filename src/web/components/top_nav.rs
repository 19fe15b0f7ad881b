//! The site header with the main navigation.

use yew::prelude::*;

use crate::web::routes::{Link, Route};
use crate::web::state::AppContext;

/// Header and navigation, with the save status of `app`.
pub fn top_nav(app: &AppContext) -> Html {
    let status = app.save_status().label();
    html! {
        <header class="top-nav">
            <Link to={Route::Home} classes="brand">{ "Vendor Security Readiness" }</Link>
            <nav aria-label="Main">
                <Link to={Route::Setup}>{ "Profile" }</Link>
                <Link to={Route::Assess}>{ "Questionnaire" }</Link>
                <Link to={Route::Results}>{ "Results" }</Link>
                <Link to={Route::Report}>{ "Report" }</Link>
                <Link to={Route::Compare}>{ "Compare vendors (buyer)" }</Link>
            </nav>
            <span class="save-status" role="status" data-testid="save-status">{ status }</span>
        </header>
    }
}
