//! The questionnaire: its model ([`model`]), the rules its data must obey ([`rules`]),
//! earlier versions ([`history`]), migration of older answers ([`migration`]), and
//! loading it. Every rule about *what is asked* lives in the data file; every rule
//! about *how it is scored* lives in [`crate::core::scoring`].

pub mod history;
pub mod migration;
pub mod model;
mod packed;
pub mod published;
pub mod rules;

pub use model::*;

use std::sync::OnceLock;

/// The built-in questionnaire's JSON: `data/questionnaire.json` without its
/// pretty-printing (see `build.rs`). The program itself reads the static data made from
/// it ([`Questionnaire::builtin`]); this text is for tests and readers of the JSON.
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/questionnaire.min.json"));

include!(concat!(env!("OUT_DIR"), "/builtin_digest.rs"));

/// The built-in questionnaire as static data of the model's types, made by `build.rs`
/// (but for the domains, which [`packed`] reads).
mod builtin_data {
    use std::borrow::Cow;

    use super::model::*;

    include!(concat!(env!("OUT_DIR"), "/builtin_data.rs"));
}

static FULL: OnceLock<bool> = OnceLock::new();

/// Chooses the full data for [`Questionnaire::builtin`] in a browser module that verifies
/// or seals files (the worker): the references, the gates' justifications, the changelog
/// and the migration rules, and the questions' explanations with them. The page never
/// shows the gates' justifications, the changelog or the migrations, and reads the
/// references from the published data file ([`published`]) after its first render. Must
/// run before the first call to `builtin`; natively the full data is the default.
pub fn use_full_data() {
    let _ = FULL.set(true);
}

static EXPLAINED: OnceLock<bool> = OnceLock::new();

/// Chooses the questions' "why" and "partly" texts for [`Questionnaire::builtin`] in a
/// browser module that shows them without the published data file and without the full
/// data: the on-demand module (the Report); the worker has them with the full data
/// ([`use_full_data`]). The page's module
/// leaves them out and reads them from that file after its first render
/// ([`published`]). Must run before the first call to `builtin`; natively they are
/// always there.
pub fn use_explanations() {
    let _ = EXPLAINED.set(true);
}

// In the browser the page's lean data is the default, so the page's module never carries
// what only the verifier reads; the worker asks for it with `use_full_data`.
const FULL_BY_DEFAULT: bool = !cfg!(target_arch = "wasm32");

/// The built-in questionnaire over its static parts, with or without what only the
/// verifier reads, and with or without the questions' explanations. (`EXPLAINED` is
/// set only by modules that call `use_explanations`, so in the page's module the
/// explanations are never named and not linked.)
fn assemble(full: bool) -> Questionnaire {
    use builtin_data as d;
    let explained = full || EXPLAINED.get().copied().unwrap_or(FULL_BY_DEFAULT);
    Questionnaire::from_parts(model::Parts {
        id: d::ID,
        version: d::VERSION,
        title: d::TITLE,
        levels: d::LEVELS,
        references: if full { d::REFERENCES } else { &[] },
        // build.rs writes what `packed` reads; the test suite reads it on every run.
        domains: packed::domains(explained.then_some(packed::EXPLANATIONS))
            .expect("the built-in domains read back"),
        gates: if full { d::GATES_FULL } else { d::GATES_PAGE },
        context: d::CONTEXT,
        migrations: if full { d::MIGRATIONS_JSON } else { "[]" },
        changelog: if full { d::CHANGELOG_JSON } else { "[]" },
        digest: BUILTIN_DIGEST,
    })
}

/// The built-in questionnaire with everything the verifier reads, whatever
/// [`Questionnaire::builtin`] holds in this module (the kept versions are rebuilt from it).
pub(crate) fn full_data() -> Questionnaire {
    assemble(true)
}

/// What the page reads as [`Questionnaire::builtin`]: the built-in questionnaire without
/// the references, the gates' justifications, the changelog and the migration rules (for
/// tests). Natively it keeps the explanations ([`use_explanations`]).
pub fn page_data() -> Questionnaire {
    assemble(false)
}

impl Questionnaire {
    /// The questionnaire compiled into this build: static data and the packed domains, no
    /// JSON parsed. Its data rules are checked by the test suite
    /// (`builtin_data_passes_every_consistency_rule`), and that it equals
    /// `data/questionnaire.json` parsed, not at every page load.
    pub fn builtin() -> &'static Questionnaire {
        static BUILTIN: OnceLock<Questionnaire> = OnceLock::new();
        BUILTIN.get_or_init(|| assemble(FULL.get().copied().unwrap_or(FULL_BY_DEFAULT)))
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
