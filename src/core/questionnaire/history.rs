//! Earlier published versions of the questionnaire, kept verbatim under `data/history/`,
//! so a file that answers one can have its questionnaire digest checked and its
//! embedded result re-computed under the rules it was made with.

use std::sync::OnceLock;

use super::model::Questionnaire;

/// The questionnaire the kept versions belong to.
const ID: &str = "vendor-security-readiness";

/// How a kept version is stored (`build.rs` writes both forms from
/// `data/history/questionnaire-<version>.json`).
enum Kept {
    /// The data, without its pretty-printing.
    Whole(&'static str),
    /// What turns the current data into it (a [`Patch`]): for a version that differs
    /// from the current one in some values and in lists the current one extends.
    Patch(&'static str),
}

/// Edits of JSON data by JSON Pointer (RFC 6901), as `build.rs` writes them.
#[derive(serde::Deserialize)]
struct Patch {
    /// Lists cut to a length.
    truncate: Vec<(String, usize)>,
    /// Values replaced.
    replace: Vec<(String, serde_json::Value)>,
}

/// Every earlier published version, oldest first, with its data. `every_kept_version_loads`
/// checks each against its file under `data/history/`.
const HISTORY: &[(&str, Kept)] = &[
    (
        "1.0.0",
        Kept::Whole(include_str!(concat!(
            env!("OUT_DIR"),
            "/questionnaire-1.0.0.min.json"
        ))),
    ),
    (
        "2.0.0",
        Kept::Patch(include_str!(concat!(
            env!("OUT_DIR"),
            "/questionnaire-2.0.0.patch.json"
        ))),
    ),
    (
        "2.0.1",
        Kept::Patch(include_str!(concat!(
            env!("OUT_DIR"),
            "/questionnaire-2.0.1.patch.json"
        ))),
    ),
];

/// The data of a kept version as JSON text; `None` if a patch does not apply.
fn data(kept: &Kept) -> Option<String> {
    match kept {
        Kept::Whole(json) => Some((*json).to_owned()),
        Kept::Patch(patch) => {
            let mut value = serde_json::to_value(super::full_data()).ok()?;
            let patch: Patch = serde_json::from_str(patch).ok()?;
            for (pointer, length) in patch.truncate {
                value
                    .pointer_mut(&pointer)?
                    .as_array_mut()?
                    .truncate(length);
            }
            for (pointer, replacement) in patch.replace {
                if pointer.is_empty() {
                    value = replacement;
                } else {
                    *value.pointer_mut(&pointer)? = replacement;
                }
            }
            Some(value.to_string())
        }
    }
}

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
            .filter_map(|(v, kept)| Some((*v, Questionnaire::from_json(&data(kept)?).ok()?)))
            .collect()
    });
    parsed.iter().find(|(v, _)| *v == version).map(|(_, q)| q)
}
