//! Earlier published versions of the questionnaire, kept verbatim under `data/history/`,
//! so a file that answers one can have its questionnaire digest checked and its
//! embedded result re-computed under the rules it was made with.

use std::sync::OnceLock;

use super::model::Questionnaire;

/// The questionnaire the kept versions belong to.
const ID: &str = "vendor-security-readiness";

/// Every earlier published version, oldest first, with its data.
/// (`build.rs` reads `data/history/questionnaire-<version>.json` and writes it without its
/// pretty-printing; its list of versions and this one are checked against each other by
/// `every_kept_version_loads`.)
const HISTORY: &[(&str, &str)] = &[
    (
        "1.0.0",
        include_str!(concat!(env!("OUT_DIR"), "/questionnaire-1.0.0.min.json")),
    ),
    (
        "2.0.0",
        include_str!(concat!(env!("OUT_DIR"), "/questionnaire-2.0.0.min.json")),
    ),
];

/// The versions kept.
pub fn versions() -> impl Iterator<Item = &'static str> {
    HISTORY.iter().map(|(v, _)| *v)
}

/// An earlier version of questionnaire `id`, parsed and checked once; `None` if this
/// build does not know it.
pub fn historic(id: &str, version: &str) -> Option<&'static Questionnaire> {
    if id != ID {
        return None;
    }
    // A kept version that did not parse would be unknown, not a panic: the test suite
    // checks every kept version parses and validates (`tests/migration.rs`,
    // `every_kept_version_loads`).
    static PARSED: OnceLock<Vec<(&str, Questionnaire)>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        HISTORY
            .iter()
            .filter_map(|(v, json)| Some((*v, Questionnaire::from_json(json).ok()?)))
            .collect()
    });
    parsed.iter().find(|(v, _)| *v == version).map(|(_, q)| q)
}
