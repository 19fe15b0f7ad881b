//! The site header with the main navigation.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::web::routes::Route;
use crate::web::state::use_app;

/// Header and navigation.
#[function_component(TopNav)]
pub fn top_nav() -> Html {
    let app = use_app();
    let status = app.save_status().label();
    html! {
        <header class="top-nav">
            <Link<Route> to={Route::Home} classes="brand">{ "Vendor Security Readiness" }</Link<Route>>
            <nav aria-label="Main">
                <Link<Route> to={Route::Setup}>{ "Profile" }</Link<Route>>
                <Link<Route> to={Route::Assess}>{ "Questionnaire" }</Link<Route>>
                <Link<Route> to={Route::Results}>{ "Results" }</Link<Route>>
                <Link<Route> to={Route::Report}>{ "Report" }</Link<Route>>
                <Link<Route> to={Route::Compare}>{ "Compare vendors (buyer)" }</Link<Route>>
            </nav>
            <span class="save-status" role="status" data-testid="save-status">{ status }</span>
        </header>
    }
}
