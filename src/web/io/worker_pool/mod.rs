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
//! A worker that dies (a trap, an out-of-memory) fails its own jobs with
//! [`WORKER_STOPPED`](crate::core::buyer::import::WORKER_STOPPED) and is replaced; the
//! other jobs go on. Starting, choosing and replacing workers is `slots`; this file is
//! the batch protocol over them.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::core::jobs::{self, Job};
use crate::web::io::json;

mod slots;

pub use slots::capacity;

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
    let promises = match slots::post(tasks.len(), |ids| message(tasks, ids)) {
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

/// The message of a batch, `{batch: [{id, job, file, file2}…]}`, with the byte buffers
/// it hands over (transferred, not copied); each task gets its id from `ids`, in order.
fn message(
    tasks: &[(&Job, &[Payload<'_>])],
    ids: std::ops::Range<u64>,
) -> Result<(js_sys::Object, js_sys::Array), String> {
    let batch = js_sys::Array::new();
    let transfer = js_sys::Array::new();
    for ((job, payload), id) in tasks.iter().zip(ids) {
        let text = json::to_json(job).map_err(|_| "the job could not be sent to the verifier")?;
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
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"batch".into(), &batch);
    Ok((message, transfer))
}
