//! The page side of the page ↔ worker boundary: a pool of Web Workers, started only
//! when a job first needs one, sized by `navigator.hardwareConcurrency`. [`run`] sends a
//! [`Job`] (and a picked file, which the worker reads itself, or its bytes) to the least
//! busy worker and reads its outcome as the kind of result the caller asked for;
//! [`run_batch`] sends several jobs in one message (the protocol is in
//! [`crate::web::worker`]).
//!
//! The worker script is a same-origin file (CSP `worker-src 'self'`; no `blob:` URL).
//! Its name carries a content hash written into `index.html` by the build
//! (`<meta name="vendor-readiness-worker">`), so a new page never talks to an old worker.
//! A worker that dies (a trap, an out-of-memory) fails its own jobs with [`WORKER_STOPPED`] and
//! is replaced; the other jobs go on.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::buyer::import::WORKER_STOPPED;
use crate::core::jobs::{self, Job};
use crate::web::io::json;

/// The worker loader used when the page carries no hashed name (a development build).
const FALLBACK_URL: &str = "./vendor-readiness-worker_loader.js";

/// Most workers started, whatever the machine reports.
const MAX_WORKERS: usize = 8;

struct Slot {
    worker: web_sys::Worker,
    busy: usize,
    _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

#[derive(Default)]
struct Pool {
    slots: Vec<Option<Slot>>,
    next_id: u64,
    /// Job id → (slot, resolve function of its promise).
    pending: HashMap<u64, (usize, js_sys::Function)>,
}

thread_local! {
    static POOL: RefCell<Pool> = RefCell::new(Pool::default());
}

/// How many workers the pool may start on this machine.
pub fn capacity() -> usize {
    let cores = gloo::utils::window().navigator().hardware_concurrency();
    (cores as usize).clamp(1, MAX_WORKERS)
}

fn worker_url() -> String {
    gloo::utils::document()
        .query_selector("meta[name=vendor-readiness-worker]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| FALLBACK_URL.to_owned())
}

fn resolve(id: u64, outcome: &str) {
    let entry = POOL.with(|p| {
        let mut pool = p.borrow_mut();
        let entry = pool.pending.remove(&id);
        if let Some((slot, _)) = &entry {
            if let Some(Some(s)) = pool.slots.get_mut(*slot) {
                s.busy = s.busy.saturating_sub(1);
            }
        }
        entry
    });
    if let Some((_, resolve)) = entry {
        let _ = resolve.call1(&JsValue::NULL, &outcome.into());
    }
}

/// A worker died: fail its jobs and free its place for a new one.
fn fail_slot(index: usize) {
    let failed: Vec<u64> = POOL.with(|p| {
        let mut pool = p.borrow_mut();
        if let Some(slot) = pool.slots.get_mut(index).and_then(Option::take) {
            slot.worker.terminate();
        }
        pool.pending
            .iter()
            .filter(|(_, (slot, _))| *slot == index)
            .map(|(id, _)| *id)
            .collect()
    });
    let message = json::to_json(&jobs::failure(WORKER_STOPPED)).unwrap_or_default();
    for id in failed {
        resolve(id, &message);
    }
}

fn start_worker(index: usize) -> Result<Slot, String> {
    let worker = web_sys::Worker::new(&worker_url())
        .map_err(|_| "this browser could not start the verifier (Web Workers are blocked)")?;
    let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
        let batch = js_sys::Reflect::get(&e.data(), &"batch".into()).unwrap_or_default();
        for done in js_sys::Array::from(&batch).iter() {
            let id = js_sys::Reflect::get(&done, &"id".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(-1.0);
            let outcome = js_sys::Reflect::get(&done, &"outcome".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            if id >= 0.0 {
                resolve(id as u64, &outcome);
            }
        }
    });
    let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        fail_slot(index);
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    Ok(Slot {
        worker,
        busy: 0,
        _onmessage: onmessage,
        _onerror: onerror,
    })
}

/// The least busy worker, starting one while the pool is below capacity and every
/// started one is busy.
fn pick(pool: &mut Pool) -> Result<usize, String> {
    let idle_or_least = pool
        .slots
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.as_ref().map(|s| (i, s.busy)))
        .min_by_key(|(_, busy)| *busy);
    let room = pool.slots.iter().filter(|s| s.is_some()).count() < capacity();
    match idle_or_least {
        Some((i, 0)) => Ok(i),
        Some((i, _)) if !room => Ok(i),
        _ => {
            let index = pool
                .slots
                .iter()
                .position(Option::is_none)
                .unwrap_or(pool.slots.len());
            let slot = start_worker(index)?;
            if index == pool.slots.len() {
                pool.slots.push(Some(slot));
            } else {
                pool.slots[index] = Some(slot);
            }
            Ok(index)
        }
    }
}

/// What a job reads: a picked file (the worker reads it), or its bytes already read
/// here (handed over to the worker, not copied).
pub enum Payload<'a> {
    /// A picked file.
    File(&'a web_sys::File),
    /// A file's bytes.
    Bytes(js_sys::Uint8Array),
}

/// Runs a job on a worker and waits for its result, or the message to show.
pub async fn run<T: serde::de::DeserializeOwned>(
    job: &Job,
    file: Option<&web_sys::File>,
) -> Result<T, String> {
    let payload: Vec<Payload> = file.into_iter().map(Payload::File).collect();
    run_with(job, &payload).await
}

/// [`run`] for a job that reads several files (at most two: `file` and `file2`).
pub async fn run_files<T: serde::de::DeserializeOwned>(
    job: &Job,
    files: &[&web_sys::File],
) -> Result<T, String> {
    let payload: Vec<Payload> = files.iter().map(|f| Payload::File(f)).collect();
    run_with(job, &payload).await
}

/// [`run`] for files given as files or as bytes (at most two).
pub async fn run_with<T: serde::de::DeserializeOwned>(
    job: &Job,
    payload: &[Payload<'_>],
) -> Result<T, String> {
    run_batch(&[(job, payload)])
        .await
        .pop()
        .unwrap_or_else(|| Err("the verifier did not answer".into()))
}

/// Several jobs in one message to one worker (each with the files it reads, at most
/// two), answered together: one outcome per job, in order. For many small jobs, this
/// spares the page a message in each direction per job.
pub async fn run_batch<T: serde::de::DeserializeOwned>(
    tasks: &[(&Job, &[Payload<'_>])],
) -> Vec<Result<T, String>> {
    let promises = POOL.with(|p| -> Result<Vec<js_sys::Promise>, String> {
        let mut pool = p.borrow_mut();
        let index = pick(&mut pool)?;
        let batch = js_sys::Array::new();
        let transfer = js_sys::Array::new();
        let mut waiting = Vec::with_capacity(tasks.len());
        for (job, payload) in tasks {
            let text =
                json::to_json(job).map_err(|_| "the job could not be sent to the verifier")?;
            let id = pool.next_id;
            pool.next_id += 1;
            let task = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&task, &"id".into(), &(id as f64).into());
            let _ = js_sys::Reflect::set(&task, &"job".into(), &text.into());
            for (key, item) in ["file", "file2"].into_iter().zip(payload.iter()) {
                let value: &JsValue = match item {
                    Payload::File(file) => file,
                    Payload::Bytes(bytes) => {
                        transfer.push(&bytes.buffer());
                        bytes
                    }
                };
                let _ = js_sys::Reflect::set(&task, &key.into(), value);
            }
            batch.push(&task);
            let mut resolve_fn = None;
            let promise = js_sys::Promise::new(&mut |resolve, _| resolve_fn = Some(resolve));
            waiting.push((id, resolve_fn, promise));
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"batch".into(), &batch);
        let slot = pool.slots[index]
            .as_mut()
            .ok_or("the verifier is not running")?;
        slot.worker
            .post_message_with_transfer(&message, &transfer)
            .map_err(|_| "the job could not be sent to the verifier")?;
        slot.busy += tasks.len();
        Ok(waiting
            .into_iter()
            .map(|(id, resolve, promise)| {
                if let Some(resolve) = resolve {
                    pool.pending.insert(id, (index, resolve));
                }
                promise
            })
            .collect())
    });
    let promises = match promises {
        Ok(p) => p,
        Err(e) => return tasks.iter().map(|_| Err(e.clone())).collect(),
    };
    let mut outcomes = Vec::with_capacity(promises.len());
    for promise in promises {
        let text = JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        outcomes.push(jobs::read_outcome(json::from_json(&text)));
    }
    outcomes
}
