//! Verifies picked score files for the compare page in the worker pool, in the batches
//! the core's [`Scheduler`] hands out (16 files per message, two batches in hand per
//! worker, a dead worker's files again one by one); each file's bytes are streamed here
//! (no synchronous disk access on the main thread) and handed to a worker that verifies
//! and re-scores it; results reach the page a few times a second so the table stays
//! usable while a thousand files come in. Also the compare page's other worker jobs: a file's
//! detail, a vendor's progress between two files, and the hash of an evidence file.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use gloo::timers::callback::Interval;

use crate::core::answers::FileEvidence;
use crate::core::buyer::compare::{Detail, Summary};
use crate::core::buyer::import::Scheduler;
use crate::core::buyer::progress::Progress;
use crate::core::buyer::session::{BuyerChange, Checked};
use crate::core::evidence::GivenFile;
use crate::core::files::score_file::MAX_FILE_BYTES;
use crate::core::jobs::{Job as WorkerJob, WARM_UP_FILES};
use crate::web::io::file_import;
use crate::web::io::worker_pool::{self, Payload};

/// How often verified files are handed to the page, in milliseconds.
const REPORT_EVERY_MS: u32 = 150;

/// One file to verify, with its queue number.
pub struct Job {
    /// Queue number given by the session.
    pub seq: u64,
    /// The file.
    pub file: web_sys::File,
}

fn change_of(seq: u64, file_name: String, outcome: Result<Summary, String>) -> BuyerChange {
    BuyerChange::Verified {
        seq,
        file_name,
        result: outcome.map(|summary| {
            Box::new(Checked {
                summary,
                detail: None,
            })
        }),
    }
}

thread_local! {
    static PREPARED: Cell<bool> = const { Cell::new(false) };
}

/// Starts every worker of the pool, once per page, and has each verify a sample file
/// ([`WARM_UP_FILES`] times; why: see there), so the first picked files are verified at
/// full speed. A worker that fails to start or to warm up only costs that head start.
pub fn prepare() {
    if PREPARED.with(|p| p.replace(true)) {
        return;
    }
    // Each job goes to an idle worker, or starts one while the pool has room: one each.
    for _ in 0..worker_pool::capacity() {
        wasm_bindgen_futures::spawn_local(async {
            let job = WorkerJob::WarmUp {
                files: WARM_UP_FILES,
            };
            let _ = worker_pool::run::<u32>(&job, None).await;
        });
    }
}

/// Verifies every job in the worker pool, as the core's [`Scheduler`] hands them out,
/// reporting results in batches through `report`.
pub fn verify_all(jobs: Vec<Job>, report: impl Fn(Vec<BuyerChange>) + 'static) {
    let scheduler = Rc::new(RefCell::new(Scheduler::new(jobs.iter().map(|j| j.seq))));
    let files: Rc<HashMap<u64, web_sys::File>> =
        Rc::new(jobs.into_iter().map(|j| (j.seq, j.file)).collect());
    let ready = Rc::new(RefCell::new(Vec::new()));
    let report = Rc::new(report);
    let ticker = Rc::new(RefCell::new(None::<Interval>));
    let flush = {
        let (ready, report) = (ready.clone(), report.clone());
        move || {
            let changes = std::mem::take(&mut *ready.borrow_mut());
            if !changes.is_empty() {
                report(changes);
            }
        }
    };
    *ticker.borrow_mut() = Some(Interval::new(REPORT_EVERY_MS, flush.clone()));
    let loops = scheduler.borrow().loops(worker_pool::capacity());
    for _ in 0..loops {
        let (scheduler, files, ready, ticker, flush) = (
            scheduler.clone(),
            files.clone(),
            ready.clone(),
            ticker.clone(),
            flush.clone(),
        );
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let Some(batch) = scheduler.borrow_mut().next_batch() else {
                    break;
                };
                // Every queue number handed out is one of `files`: both come from `jobs`.
                let picked: Vec<&web_sys::File> =
                    batch.iter().filter_map(|seq| files.get(seq)).collect();
                let outcomes = verify_batch(&picked).await;
                let done = scheduler.borrow_mut().finish(&batch, outcomes);
                let mut ready = ready.borrow_mut();
                for (seq, outcome) in done {
                    let name = files.get(&seq).map(|f| f.name()).unwrap_or_default();
                    ready.push(change_of(seq, name, outcome));
                }
            }
            if scheduler.borrow().done() && ticker.borrow_mut().take().is_some() {
                flush();
            }
        });
    }
}

/// Reads a batch of files here (all at once, each streamed) and verifies them in one
/// message to a worker. A file over the limit, or one that cannot be read, goes as the
/// file itself: the worker looks at it and says which.
async fn verify_batch(files: &[&web_sys::File]) -> Vec<Result<Summary, String>> {
    let reads = files
        .iter()
        .map(|file| file_import::read_bounded(file, MAX_FILE_BYTES));
    let payloads: Vec<[Payload; 1]> = futures::future::join_all(reads)
        .await
        .into_iter()
        .zip(files)
        .map(|(bytes, file)| match bytes {
            Some(bytes) => [Payload::Bytes(bytes)],
            None => [Payload::File(file)],
        })
        .collect();
    let tasks: Vec<(&WorkerJob, &[Payload])> = payloads
        .iter()
        .map(|p| (&WorkerJob::Verify, p.as_slice()))
        .collect();
    worker_pool::run_batch::<Summary>(&tasks).await
}

/// The whole verified content of a file, for the detail and difference views.
pub async fn detail(file: web_sys::File) -> Result<Rc<Detail>, String> {
    worker_pool::run::<Detail>(&WorkerJob::Detail, Some(&file))
        .await
        .map(Rc::new)
}

/// What changed between two files of one vendor, older first: both read and verified
/// again by one worker (the page keeps only their summaries).
pub async fn progress(older: web_sys::File, newer: web_sys::File) -> Result<Rc<Progress>, String> {
    worker_pool::run_files::<Progress>(&WorkerJob::Progress, &[&older, &newer])
        .await
        .map(Rc::new)
}

/// An evidence file's name, size and SHA-256, hashed by a worker piece by piece (any
/// size; nothing leaves the machine).
pub async fn hash(file: &web_sys::File) -> Result<GivenFile, String> {
    let job = WorkerJob::Hash { name: file.name() };
    worker_pool::run::<FileEvidence>(&job, Some(file))
        .await
        .map(GivenFile::from)
}
