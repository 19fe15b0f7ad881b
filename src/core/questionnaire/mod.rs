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

/// The questionnaire compiled into the app and the CLI.
pub const BUILTIN_JSON: &str = include_str!("../../../data/questionnaire.json");

include!(concat!(env!("OUT_DIR"), "/builtin_digest.rs"));

impl Questionnaire {
    /// The questionnaire compiled into this build, parsed once. Its data rules are
    /// checked by the test suite (`builtin_data_passes_every_consistency_rule`), not at
    /// every page load.
    pub fn builtin() -> &'static Questionnaire {
        static BUILTIN: OnceLock<Questionnaire> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            serde_json::from_str::<Questionnaire>(BUILTIN_JSON)
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
