//! The files the build versions itself (`scripts/post_build.py`: the worker, the buyer's
//! module, the questionnaire's data file): their content-hashed names are written into
//! `index.html` as `<meta name="vendor-readiness-…" content="./…">`, read here.

/// The address `index.html` names for `what` (`worker`, `buyer`, `data`); `None` when the
/// page was not built by the build (the marker is still there) or names nothing.
pub fn versioned_file(what: &str) -> Option<String> {
    gloo::utils::document()
        .query_selector(&format!("meta[name=vendor-readiness-{what}]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        // An unbuilt page still has the marker (`WORKER_LOADER`, …) in place of a name.
        .filter(|u| !u.is_empty() && !u.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'))
}
