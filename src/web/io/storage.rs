//! Autosave. Every change is written to IndexedDB, whose committed transactions survive
//! a browser crash, and to `localStorage` as a fallback for browsers that block
//! IndexedDB. (Chromium writes `localStorage` to disk only every few seconds, so on its
//! own it loses the last answers when the browser is killed.) Failures are reported,
//! never hidden, so the user can download their work instead.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::workbook::Workbook;
use crate::web::io::json;

/// `localStorage`, or `None` where the browser blocks it (reading the property throws
/// when site data is blocked, so it must never be unwrapped).
fn local() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

const KEY: &str = "vendor-readiness.workbook.v1";
const DB_NAME: &str = "vendor-readiness";
const STORE: &str = "kv";

/// Waits for `ok` (or `error`/`abort`) on a request or transaction.
async fn event(target: &web_sys::EventTarget, ok: &'static str) -> Result<(), String> {
    let mut listeners = Vec::new();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        listeners.push(EventListener::once(target, ok, move |_| {
            let _ = resolve.call0(&JsValue::NULL);
        }));
        for failure in ["error", "abort"] {
            let reject = reject.clone();
            listeners.push(EventListener::once(target, failure, move |_| {
                let _ = reject.call0(&JsValue::NULL);
            }));
        }
    });
    let outcome = JsFuture::from(promise).await;
    drop(listeners);
    outcome
        .map(|_| ())
        .map_err(|_| "the browser database refused the operation".into())
}

thread_local! {
    // One connection for the page, so writes start in the order they were made and
    // IndexedDB commits them in that order.
    static DB: std::cell::RefCell<Option<web_sys::IdbDatabase>> = const { std::cell::RefCell::new(None) };
}

async fn open_db() -> Result<web_sys::IdbDatabase, String> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = gloo::utils::window()
        .indexed_db()
        .ok()
        .flatten()
        .ok_or("this browser blocks IndexedDB")?;
    let request = factory
        .open_with_u32(DB_NAME, 1)
        .map_err(|_| "IndexedDB cannot be opened")?;
    let upgrade = EventListener::once(&request, "upgradeneeded", |e| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok());
        if let Some(db) = db {
            let _ = db.create_object_store(STORE);
        }
    });
    event(&request, "success").await?;
    drop(upgrade);
    let db: web_sys::IdbDatabase = request
        .result()
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or("IndexedDB returned no database")?;
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

async fn idb_get(key: &str) -> Result<Option<String>, String> {
    let db = open_db().await?;
    let store = db
        .transaction_with_str(STORE)
        .and_then(|t| t.object_store(STORE))
        .map_err(|_| "IndexedDB read failed")?;
    let request = store
        .get(&JsValue::from_str(key))
        .map_err(|_| "IndexedDB read failed")?;
    event(&request, "success").await?;
    Ok(request.result().ok().and_then(|v| v.as_string()))
}

async fn idb_put(key: &str, value: &str) -> Result<(), String> {
    let db = open_db().await?;
    // "strict" durability: the transaction completes only once the data is flushed to
    // disk, so a crash right after the page shows an edit does not lose it. web-sys has
    // the options overload only behind an unstable flag, hence the reflective call.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"durability".into(), &"strict".into());
    let tx: web_sys::IdbTransaction = js_sys::Reflect::get(&db, &"transaction".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| {
            f.call3(&db, &STORE.into(), &"readwrite".into(), &options)
                .ok()
        })
        .and_then(|t| t.dyn_into().ok())
        .ok_or("IndexedDB write failed")?;
    let store = tx
        .object_store(STORE)
        .map_err(|_| "IndexedDB write failed")?;
    store
        .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
        .map_err(|_| "IndexedDB write failed (storage may be full)")?;
    // The data is durable once the transaction completes.
    event(&tx, "complete").await
}

fn parse(text: &str) -> Option<Workbook> {
    json::from_json::<Workbook>(text)
        .ok()
        .filter(|w| !w.entries.is_empty())
}

/// The workbook from `localStorage`, for the first paint before IndexedDB answers.
pub fn load_workbook_quick() -> Workbook {
    local()
        .and_then(|l| l.get_item(KEY).ok().flatten())
        .and_then(|t| parse(&t))
        .unwrap_or_default()
}

/// The saved workbook: the newer of the IndexedDB and `localStorage` copies. A stored
/// value that no longer parses is kept under a backup key, not overwritten.
pub async fn load_workbook() -> Option<Workbook> {
    let mut from_idb = idb_get(KEY).await;
    // A database still held by a browser that crashed can refuse the first attempts.
    for _ in 0..5 {
        if from_idb.is_ok() {
            break;
        }
        DB.with(|d| d.borrow_mut().take());
        yew::platform::time::sleep(std::time::Duration::from_millis(200)).await;
        from_idb = idb_get(KEY).await;
    }
    let quick = local().and_then(|l| l.get_item(KEY).ok().flatten());
    let durable = from_idb.ok().flatten();
    let candidates: Vec<&String> = durable.iter().chain(quick.iter()).collect();
    if candidates.is_empty() {
        return None;
    }
    // Of the copies that parse, the one with more changes behind it wins: IndexedDB
    // may have refused a write that localStorage took.
    let best = candidates
        .iter()
        .filter_map(|t| parse(t))
        .max_by_key(|w| w.revision);
    if best.is_none() {
        if let Some(l) = local() {
            let _ = l.set_item(&format!("{KEY}.unreadable"), candidates[0]);
        }
    }
    best
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
    match (idb_put(KEY, &text).await, quick) {
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
