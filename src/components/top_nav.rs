//! The site header with the main navigation.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;

/// Header and navigation.
#[function_component(TopNav)]
pub fn top_nav() -> Html {
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
        </header>
    }
}
