//! The questionnaire: its model ([`model`]), the rules its data must obey ([`rules`]),
//! earlier versions ([`history`]), migration of older answers ([`migration`]), and
//! loading it. Every rule about *what is asked* lives in the data file; every rule
//! about *how it is scored* lives in [`crate::core::scoring`].

pub mod crosswalk;
pub mod history;
pub mod migration;
pub mod model;
pub mod rules;

pub use model::*;

use std::sync::OnceLock;

/// The questionnaire compiled into the app and the CLI: `data/questionnaire.json`
/// without its pretty-printing (see `build.rs`).
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/questionnaire.min.json"));

/// What the page reads: [`BUILTIN_JSON`] without the changelog, the migration rules and
/// the gates' justifications, which only the verifier and the CLI need.
pub const PAGE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/questionnaire.page.json"));

include!(concat!(env!("OUT_DIR"), "/builtin_digest.rs"));

static SOURCE: OnceLock<&'static str> = OnceLock::new();

/// Chooses the full data for [`Questionnaire::builtin`] in a browser module that verifies
/// or seals files (the worker). Must run before the first call to `builtin`; natively the
/// full data is the default.
pub fn use_full_data() {
    let _ = SOURCE.set(BUILTIN_JSON);
}

#[cfg(not(target_arch = "wasm32"))]
fn default_source() -> &'static str {
    BUILTIN_JSON
}

// In the browser the page's lean data is the default, so the page's module never carries
// the full data; the worker asks for it with `use_full_data`.
#[cfg(target_arch = "wasm32")]
fn default_source() -> &'static str {
    PAGE_JSON
}

impl Questionnaire {
    /// The questionnaire compiled into this build, parsed once. Its data rules are
    /// checked by the test suite (`builtin_data_passes_every_consistency_rule`), not at
    /// every page load.
    pub fn builtin() -> &'static Questionnaire {
        static BUILTIN: OnceLock<Questionnaire> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let json = SOURCE.get().copied().unwrap_or_else(default_source);
            serde_json::from_str::<Questionnaire>(json)
                .expect("the built-in questionnaire is validated by the test suite")
                .indexed()
        })
    }

    /// Parses and validates questionnaire data.
    pub fn from_json(json: &str) -> Result<Self, QuestionnaireError> {
        let q = serde_json::from_str::<Questionnaire>(json)?.indexed();
        let problems = rules::check(&q);
        if problems.is_empty() {
            Ok(q)
        } else {
            Err(QuestionnaireError::Invalid(problems))
        }
    }
}
