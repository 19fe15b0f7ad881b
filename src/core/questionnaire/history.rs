//! Earlier published versions of the questionnaire, kept verbatim under `data/history/`,
//! so a file that answers one can have its questionnaire digest checked and its
//! embedded result re-computed under the rules it was made with.

use std::sync::OnceLock;

use super::model::Questionnaire;

/// The questionnaire the kept versions belong to.
const ID: &str = "vendor-security-readiness";

/// Every earlier published version, oldest first, with its data.
const HISTORY: &[(&str, &str)] = &[(
    "1.0.0",
    include_str!("../../../data/history/questionnaire-1.0.0.json"),
)];

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
    static PARSED: OnceLock<Vec<Questionnaire>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        HISTORY
            .iter()
            .map(|(_, json)| {
                Questionnaire::from_json(json)
                    .expect("the kept questionnaire versions are validated by the test suite")
            })
            .collect()
    });
    HISTORY
        .iter()
        .position(|(v, _)| *v == version)
        .map(|i| &parsed[i])
}
