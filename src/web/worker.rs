//! The worker side of the page ↔ worker boundary: a message loop around
//! [`crate::core::jobs::run`]. A message is `{ batch: [{ id, job, file?, file2? }, …] }`
//! (`job` is the JSON of a [`Job`], `file` a picked `File` or the bytes the page read of
//! it, `file2` the second one of a job that reads two); the answer is
//! `{ batch: [{ id, outcome }, …] }` (`outcome` the JSON of an [`Outcome`]), sent once
//! every job of the batch is done. Batches keep the page's share of the work small when
//! a thousand files come in. Files are read here, refused by size before reading, and
//! evidence files are hashed piece by piece so any size works.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::answers::FileEvidence;
use crate::core::files::untrusted::{self, Kind};
use crate::core::integrity::StreamingSha256;
use crate::core::jobs::{self, Job, Outcome};
use crate::core::questionnaire::Questionnaire;

/// How much of an evidence file is read at a time.
const HASH_PIECE: f64 = 4.0 * 1024.0 * 1024.0;

fn scope() -> web_sys::DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn get(data: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

async fn bytes_of(blob: &web_sys::Blob) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| "the file could not be read".to_owned())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A file as the page sent it.
enum Given {
    File(web_sys::File),
    Bytes(js_sys::Uint8Array),
}

impl Given {
    fn of(value: JsValue) -> Option<Given> {
        if value.is_instance_of::<js_sys::Uint8Array>() {
            Some(Given::Bytes(value.unchecked_into()))
        } else {
            value.dyn_into().ok().map(Given::File)
        }
    }

    fn name(&self) -> String {
        match self {
            Given::File(file) => file.name(),
            Given::Bytes(_) => "the file".into(),
        }
    }
}

async fn read_limited(given: &Given, kind: &Kind) -> Result<Vec<u8>, String> {
    match given {
        Given::File(file) => {
            untrusted::check_size(file.size() as u64, kind).map_err(|e| e.to_string())?;
            bytes_of(file).await
        }
        Given::Bytes(bytes) => {
            untrusted::check_size(u64::from(bytes.length()), kind).map_err(|e| e.to_string())?;
            Ok(bytes.to_vec())
        }
    }
}

async fn hash(name: String, file: &web_sys::File) -> Result<FileEvidence, String> {
    let mut hash = StreamingSha256::new();
    let size = file.size();
    let mut at = 0.0;
    while at < size {
        let end = (at + HASH_PIECE).min(size);
        let piece = file
            .slice_with_f64_and_f64(at, end)
            .map_err(|_| "the file could not be read".to_owned())?;
        hash.update(&bytes_of(&piece).await?);
        at = end;
    }
    Ok(FileEvidence::from_stream(&name, hash))
}

async fn answer(job: Job, files: Vec<Given>) -> Outcome {
    let q = Questionnaire::builtin();
    match (&job, files.first(), job.reads()) {
        (Job::Hash { name }, Some(Given::File(file)), _) => match hash(name.clone(), file).await {
            Ok(evidence) => Outcome::Hashed(evidence),
            Err(e) => Outcome::Failed(e),
        },
        (_, Some(_), Some(kind)) => {
            let mut contents = Vec::with_capacity(files.len());
            for file in &files {
                match read_limited(file, kind).await {
                    Ok(bytes) => contents.push(bytes),
                    Err(e) => return Outcome::Failed(format!("{}: {e}", file.name())),
                }
            }
            let slices: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
            jobs::run(job, &slices, q)
        }
        (_, _, _) => jobs::run(job, &[], q),
    }
}

async fn handle_task(task: JsValue) -> JsValue {
    let job = get(&task, "job").as_string().unwrap_or_default();
    let files: Vec<Given> = ["file", "file2"]
        .iter()
        .filter_map(|key| Given::of(get(&task, key)))
        .collect();
    let outcome = match serde_json::from_str::<Job>(&job) {
        Ok(job) => answer(job, files).await,
        Err(e) => Outcome::Failed(format!(
            "the page sent a job this worker does not know: {e}"
        )),
    };
    let done = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&done, &"id".into(), &get(&task, "id"));
    let _ = js_sys::Reflect::set(&done, &"outcome".into(), &outcome.to_wire().into());
    done.into()
}

async fn handle(data: JsValue) {
    let answers = js_sys::Array::new();
    for task in js_sys::Array::from(&get(&data, "batch")).iter() {
        answers.push(&handle_task(task).await);
    }
    let reply = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&reply, &"batch".into(), &answers);
    let _ = scope().post_message(&reply);
}

/// Starts the message loop.
pub fn start() {
    // Sealing and verifying need the whole questionnaire (its digest, its migrations).
    crate::core::questionnaire::use_full_data();
    let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
        wasm_bindgen_futures::spawn_local(handle(e.data()))
    });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The loop lives as long as the worker.
    onmessage.forget();
}
