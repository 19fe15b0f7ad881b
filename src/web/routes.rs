//! Hash routes, so any static host serves every page and reloads work without rewrites.

use yew_router::prelude::*;

/// The questionnaire "domain" that holds the context questions (About the product).
pub const CONTEXT: &str = "context";

/// The pages.
#[derive(Clone, Routable, PartialEq, Debug)]
pub enum Route {
    /// Landing page.
    #[at("/")]
    Home,
    /// The questionnaire, opened at its first domain.
    #[at("/assess")]
    Assess,
    /// The questionnaire at one domain.
    #[at("/assess/:domain")]
    AssessDomain {
        /// Domain id.
        domain: String,
    },
    /// Vendor profile and the list of assessments.
    #[at("/setup")]
    Setup,
    /// Results of the open assessment.
    #[at("/results")]
    Results,
    /// Printable report of the open assessment.
    #[at("/report")]
    Report,
    /// The buyer's comparison of many vendors.
    #[at("/compare")]
    Compare,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}
