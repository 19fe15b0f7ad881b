//! Vendor Security Readiness: a self-assessment of how ready a software vendor is to
//! receive, fix and disclose vulnerabilities, and a verifier for the score files
//! vendors send to buyers.
//!
//! Two halves (see `ARCHITECTURE.md`):
//! - [`core`]: every rule — questionnaire, scoring, files, verification, the buyer's and
//!   the vendor's session reducers, exports. No web dependency; tested natively; it also
//!   serves the CLI and the verification worker.
//! - `web` (wasm32 only): the Yew shell that renders core state and dispatches events,
//!   with small adapters to browser APIs in `web::io`.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The page, its worker and the buyer's module allocate with Talc instead of Rust's
/// default dlmalloc for wasm32: 3 KB less gzip in each module, the same speed in our
/// benchmarks (docs/performance.md). Single-threaded wasm only, which ours is.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// The paths the tests, benches and fuzz target have always used.
pub use crate::core::buyer::compare;
/// The buyer profile and its file, as the tests have always named them.
pub mod buyer_profile {
    pub use crate::core::buyer::profile::*;
    pub use crate::core::buyer::profile_file::{
        load_profile, to_json, MAX_PROFILE_BYTES, MAX_PROFILE_DEPTH, PROFILE_FORMAT,
        PROFILE_FORMAT_VERSION,
    };
}
pub use crate::core::buyer::session as buyer_session;
pub use crate::core::files::score_file;
pub use crate::core::questionnaire::rules as questionnaire_rules;
pub use crate::core::scoring::gates;
pub use crate::core::{answers, assessment, export, integrity, questionnaire, scoring, workbook};

/// The app version written into every file it makes.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
