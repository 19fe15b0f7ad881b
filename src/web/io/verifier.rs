//! Verifies picked score files for the compare page in the worker pool: files go in
//! batches of 16 per message, two batches in hand per worker; each file's bytes are
//! streamed here (no synchronous disk access on the main thread) and handed to a worker
//! that verifies and re-scores it; results reach the page a few times a second so the
//! table stays usable while a thousand files come in. Also the compare page's other worker jobs: a file's
//! detail, a vendor's progress between two files, and the hash of an evidence file.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use gloo::timers::callback::Interval;

use crate::core::answers::FileEvidence;
use crate::core::buyer::compare::{Detail, Summary};
use crate::core::buyer::progress::Progress;
use crate::core::buyer::session::{BuyerChange, Checked};
use crate::core::evidence::GivenFile;
use crate::core::files::score_file::MAX_FILE_BYTES;
use crate::core::jobs::Job as WorkerJob;
use crate::web::io::file_import;
use crate::web::io::worker_pool::{self, Payload};

/// How often verified files are handed to the page, in milliseconds.
const REPORT_EVERY_MS: u32 = 150;

/// Files verified per message to a worker.
const FILES_PER_MESSAGE: usize = 16;

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

/// Verifies every job in the worker pool, reporting results in batches through `report`.
pub fn verify_all(jobs: Vec<Job>, report: impl Fn(Vec<BuyerChange>) + 'static) {
    let total = jobs.len();
    let queue = Rc::new(RefCell::new(jobs.into_iter().collect::<VecDeque<Job>>()));
    let batch = Rc::new(RefCell::new(Vec::new()));
    let done = Rc::new(RefCell::new(0usize));
    let report = Rc::new(report);
    let ticker = Rc::new(RefCell::new(None::<Interval>));
    let flush = {
        let (batch, report) = (batch.clone(), report.clone());
        move || {
            let ready = std::mem::take(&mut *batch.borrow_mut());
            if !ready.is_empty() {
                report(ready);
            }
        }
    };
    *ticker.borrow_mut() = Some(Interval::new(REPORT_EVERY_MS, flush.clone()));
    // Two batches in hand per worker: one is read here while the other is verified.
    let loops = (2 * worker_pool::capacity()).min(total.div_ceil(FILES_PER_MESSAGE));
    for _ in 0..loops {
        let (queue, batch, done, ticker, flush) = (
            queue.clone(),
            batch.clone(),
            done.clone(),
            ticker.clone(),
            flush.clone(),
        );
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let taken: Vec<Job> = {
                    let mut queue = queue.borrow_mut();
                    let n = FILES_PER_MESSAGE.min(queue.len());
                    queue.drain(..n).collect()
                };
                if taken.is_empty() {
                    break;
                }
                let results = verify_batch(&taken).await;
                *done.borrow_mut() += taken.len();
                let mut ready = batch.borrow_mut();
                for (job, outcome) in taken.into_iter().zip(results) {
                    ready.push(change_of(job.seq, job.file.name(), outcome));
                }
            }
            if *done.borrow() == total && ticker.borrow_mut().take().is_some() {
                flush();
            }
        });
    }
}

/// Reads a batch of files here (all at once, each streamed) and verifies them in one
/// message to a worker. A file over the limit, or one that cannot be read, goes as the
/// file itself: the worker looks at it and says which.
async fn verify_batch(jobs: &[Job]) -> Vec<Result<Summary, String>> {
    let reads = jobs
        .iter()
        .map(|job| file_import::read_bounded(&job.file, MAX_FILE_BYTES));
    let payloads: Vec<[Payload; 1]> = futures::future::join_all(reads)
        .await
        .into_iter()
        .zip(jobs)
        .map(|(bytes, job)| match bytes {
            Some(bytes) => [Payload::Bytes(bytes)],
            None => [Payload::File(&job.file)],
        })
        .collect();
    let tasks: Vec<(&WorkerJob, &[Payload])> = payloads
        .iter()
        .map(|p| (&WorkerJob::Verify, p.as_slice()))
        .collect();
    let mut results = worker_pool::run_batch::<Summary>(&tasks).await;
    if jobs.len() > 1 {
        // A worker that died took its whole batch with it: the files it had not finished
        // go again one by one, so only the file that stops a worker is refused.
        for (job, result) in jobs.iter().zip(results.iter_mut()) {
            if matches!(result, Err(e) if e == worker_pool::STOPPED) {
                *result = verify_batch_of_one(job).await;
            }
        }
    }
    results
}

async fn verify_batch_of_one(job: &Job) -> Result<Summary, String> {
    match file_import::read_bounded(&job.file, MAX_FILE_BYTES).await {
        Some(bytes) => worker_pool::run_with(&WorkerJob::Verify, &[Payload::Bytes(bytes)]).await,
        None => worker_pool::run(&WorkerJob::Verify, Some(&job.file)).await,
    }
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
