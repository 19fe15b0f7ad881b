//! The pool's workers: started on demand up to [`capacity`], the least busy one chosen
//! for each message, each job's promise resolved when its outcome arrives, and a worker
//! that dies terminated, its jobs failed with [`WORKER_STOPPED`], its place freed.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::buyer::import::WORKER_STOPPED;
use crate::core::jobs;
use crate::web::io::{build_meta, json};

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
    // Asked once: reading `navigator` crosses into the browser on every call, and the
    // pool asks for every message it posts.
    static CAPACITY: usize = {
        let cores = gloo::utils::window().navigator().hardware_concurrency();
        (cores as usize).clamp(1, MAX_WORKERS)
    };
}

/// How many workers the pool may start on this machine.
pub fn capacity() -> usize {
    CAPACITY.with(|c| *c)
}

fn worker_url() -> String {
    build_meta::versioned_file("worker").unwrap_or_else(|| FALLBACK_URL.to_owned())
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
            match pool.slots.get_mut(index) {
                Some(free) => *free = Some(slot),
                None => pool.slots.push(Some(slot)),
            }
            Ok(index)
        }
    }
}

/// Posts a message of `tasks` jobs to the least busy worker (starting one if there is
/// room), `build` making the message and its transfer list from the jobs' ids; one
/// promise per job, resolved with its outcome's text.
pub(super) fn post(
    tasks: usize,
    build: impl FnOnce(std::ops::Range<u64>) -> Result<(js_sys::Object, js_sys::Array), String>,
) -> Result<Vec<js_sys::Promise>, String> {
    POOL.with(|p| {
        let mut pool = p.borrow_mut();
        let index = pick(&mut pool)?;
        let first = pool.next_id;
        pool.next_id += tasks as u64;
        let ids = first..pool.next_id;
        let (message, transfer) = build(ids.clone())?;
        let slot = pool
            .slots
            .get_mut(index)
            .and_then(Option::as_mut)
            .ok_or("the verifier is not running")?;
        slot.worker
            .post_message_with_transfer(&message, &transfer)
            .map_err(|_| "the job could not be sent to the verifier")?;
        slot.busy += tasks;
        // The outcomes cannot arrive before this returns (one thread): the promises are
        // registered in time.
        Ok(ids
            .map(|id| {
                let mut resolve_fn = None;
                let promise = js_sys::Promise::new(&mut |resolve, _| resolve_fn = Some(resolve));
                if let Some(resolve) = resolve_fn {
                    pool.pending.insert(id, (index, resolve));
                }
                promise
            })
            .collect())
    })
}
