//! Autosave. Every change is written to IndexedDB, whose committed transactions survive
//! a browser crash, and to `localStorage` as a fallback for browsers that block
//! IndexedDB. (Chromium writes `localStorage` to disk only every few seconds, so on its
//! own it loses the last answers when the browser is killed.) Failures are reported,
//! never hidden, so the user can download their work instead.

use crate::core::workbook::{self, Workbook};
use crate::web::io::json;

mod idb;

/// `localStorage`, or `None` where the browser blocks it (reading the property throws
/// when site data is blocked, so it must never be unwrapped).
fn local() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

const KEY: &str = "vendor-readiness.workbook.v1";

/// A stored copy, read with the browser's JSON (a workbook without an assessment does not
/// read: [`workbook::EMPTY_WORKBOOK`]).
fn read(text: &str) -> Option<Workbook> {
    json::from_json::<Workbook>(text).ok()
}

/// The workbook from `localStorage`, for the first paint before IndexedDB answers.
pub fn load_workbook_quick() -> Workbook {
    local()
        .and_then(|l| l.get_item(KEY).ok().flatten())
        .and_then(|t| read(&t))
        .unwrap_or_default()
}

/// The saved workbook, of the IndexedDB and `localStorage` copies as
/// [`workbook::restore`] chooses; a copy it keeps aside goes under a backup key.
pub async fn load_workbook() -> Option<Workbook> {
    let mut from_idb = idb::get(KEY).await;
    // A database still held by a browser that crashed can refuse the first attempts.
    for _ in 0..5 {
        if from_idb.is_ok() {
            break;
        }
        idb::reconnect();
        yew::platform::time::sleep(std::time::Duration::from_millis(200)).await;
        from_idb = idb::get(KEY).await;
    }
    let quick = local().and_then(|l| l.get_item(KEY).ok().flatten());
    let durable = from_idb.ok().flatten();
    let copies: Vec<&str> = durable
        .iter()
        .chain(quick.iter())
        .map(String::as_str)
        .collect();
    let chosen = workbook::restore(&copies, read);
    if let (Some(backup), Some(l)) = (chosen.backup, local()) {
        let _ = l.set_item(&format!("{KEY}.unreadable"), backup);
    }
    chosen.workbook
}

/// Writes the workbook to `localStorage` at once, synchronously: for a page being hidden
/// or unloaded, which may not live to finish an IndexedDB write. The newer copy (by
/// revision) wins on the next load.
pub fn save_quick(workbook: &Workbook) -> bool {
    let Ok(text) = json::to_json(workbook) else {
        return false;
    };
    local().is_some_and(|l| l.set_item(KEY, &text).is_ok())
}

/// Saves the workbook to both stores; the error says why neither kept it.
pub async fn save_workbook(workbook: &Workbook) -> Result<(), String> {
    let text = json::to_json(workbook)?;
    let quick = local()
        .map(|l| l.set_item(KEY, &text).is_ok())
        .unwrap_or(false);
    match (idb::put(KEY, &text).await, quick) {
        (Ok(()), _) | (Err(_), true) => Ok(()),
        (Err(e), false) => Err(e),
    }
}

const BUYER_PROFILE_KEY: &str = "vendor-readiness.buyer-profile.v1";

/// The buyer's saved profile, or the default bar.
pub fn load_buyer_profile() -> crate::core::buyer::profile::BuyerProfile {
    local()
        .and_then(|l| l.get_item(BUYER_PROFILE_KEY).ok().flatten())
        .and_then(|text| {
            crate::core::buyer::profile_file::from_stored(
                &text,
                crate::core::questionnaire::Questionnaire::builtin(),
            )
        })
        .unwrap_or_default()
}

/// Saves the buyer's profile; the error says why it could not be saved.
pub fn save_buyer_profile(
    profile: &crate::core::buyer::profile::BuyerProfile,
) -> Result<(), String> {
    local()
        .ok_or(())
        .and_then(|l| {
            l.set_item(
                BUYER_PROFILE_KEY,
                &crate::core::buyer::profile_file::to_json(profile),
            )
            .map_err(|_| ())
        })
        .map_err(|_| {
            "the browser refused to store the profile (storage full or blocked)".to_string()
        })
}
