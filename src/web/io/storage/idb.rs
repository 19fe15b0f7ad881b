//! IndexedDB for [`super`]: one connection for the page, a value read or written by key
//! in one object store, each write durable ("strict") once its transaction completes.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

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

/// Drops the connection, so the next operation opens the database again.
pub(super) fn reconnect() {
    DB.with(|d| d.borrow_mut().take());
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

pub(super) async fn get(key: &str) -> Result<Option<String>, String> {
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

pub(super) async fn put(key: &str, value: &str) -> Result<(), String> {
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
