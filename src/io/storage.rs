//! Autosave to `localStorage`, reporting failures (blocked, full) instead of hiding them.

use gloo::storage::{LocalStorage, Storage};

use crate::workbook::Workbook;

const KEY: &str = "vendor-readiness.workbook.v1";

/// The saved workbook, or a fresh one. A stored value that no longer parses is kept
/// under a backup key rather than overwritten, so nothing is lost.
pub fn load_workbook() -> Workbook {
    let raw: Option<String> = LocalStorage::raw().get_item(KEY).ok().flatten();
    match raw {
        None => Workbook::default(),
        Some(text) => serde_json::from_str(&text).unwrap_or_else(|_| {
            let _ = LocalStorage::raw().set_item(&format!("{KEY}.unreadable"), &text);
            Workbook::default()
        }),
    }
}

/// Saves the workbook; the error says why it could not be saved.
pub fn save_workbook(workbook: &Workbook) -> Result<(), String> {
    let text = serde_json::to_string(workbook).map_err(|e| e.to_string())?;
    LocalStorage::raw()
        .set_item(KEY, &text)
        .map_err(|e| match e.as_string() {
            Some(s) => s,
            None => js_sys::JSON::stringify(&e)
                .ok()
                .and_then(|s| s.as_string())
                .filter(|s| s != "{}")
                .unwrap_or_else(|| {
                    "the browser refused to store the data (storage full or blocked)".into()
                }),
        })
}

const BUYER_PROFILE_KEY: &str = "vendor-readiness.buyer-profile.v1";

/// The buyer's saved profile, or the default bar.
pub fn load_buyer_profile() -> crate::buyer_profile::BuyerProfile {
    LocalStorage::raw()
        .get_item(BUYER_PROFILE_KEY)
        .ok()
        .flatten()
        .and_then(|text| {
            crate::buyer_profile::load_profile(
                text.as_bytes(),
                crate::questionnaire::Questionnaire::builtin(),
            )
            .ok()
        })
        .unwrap_or_default()
}

/// Saves the buyer's profile; the error says why it could not be saved.
pub fn save_buyer_profile(profile: &crate::buyer_profile::BuyerProfile) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(BUYER_PROFILE_KEY, &crate::buyer_profile::to_json(profile))
        .map_err(|_| {
            "the browser refused to store the profile (storage full or blocked)".to_string()
        })
}
