//! Vendor Security Readiness: a self-assessment of how ready a software vendor is to
//! receive, fix and disclose vulnerabilities, and a verifier for the score files
//! vendors send to buyers.
//!
//! The crate has two halves:
//! - the **core** (every module compiled on all targets): questionnaire model, scoring,
//!   gates, file formats, integrity, comparison and exports. It never touches the
//!   browser, so it is tested natively in milliseconds and also serves the CLI;
//! - the **web shell** (`app`, `state`, `components`, `io`; wasm32 only): Yew
//!   components that render core state and turn events into core calls.

pub mod answers;
pub mod assessment;
pub mod buyer_profile;
pub mod buyer_session;
pub mod compare;
pub mod export;
pub mod gates;
pub mod integrity;
pub mod questionnaire;
pub mod questionnaire_rules;
pub mod score_file;
pub mod scoring;
pub mod workbook;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod io;
#[cfg(target_arch = "wasm32")]
pub mod state;

/// The app version written into every file it makes.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
