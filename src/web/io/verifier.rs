//! Verifies picked score files for the compare page in the worker pool: two files in
//! hand per worker, each file's bytes streamed here (no synchronous disk access on the
//! main thread) and handed to a worker that verifies and re-scores it, results reported
//! in batches a few times a second so the table stays usable while a thousand files come
//! in. Also the compare page's other worker jobs: a file's
//! detail, a vendor's progress between two files, and the hash of an evidence file.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use gloo::timers::callback::Interval;

use crate::core::answers::FileEvidence;
use crate::core::buyer::compare::{Detail, Summary};
use crate::core::buyer::session::{BuyerChange, Checked};
use crate::core::evidence::GivenFile;
use crate::core::files::score_file::MAX_FILE_BYTES;
use crate::core::jobs::Job as WorkerJob;
use crate::core::progress::Progress;
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
    // Two files in hand per worker: one is read while the other is verified.
    for _ in 0..(2 * worker_pool::capacity()).min(total) {
        let (queue, batch, done, ticker, flush) = (
            queue.clone(),
            batch.clone(),
            done.clone(),
            ticker.clone(),
            flush.clone(),
        );
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let next = queue.borrow_mut().pop_front();
                let Some(job) = next else { break };
                let name = job.file.name();
                let outcome = match file_import::read_bounded(&job.file, MAX_FILE_BYTES).await {
                    Some(bytes) => {
                        worker_pool::run_with::<Summary>(
                            &WorkerJob::Verify,
                            &[Payload::Bytes(bytes)],
                        )
                        .await
                    }
                    // Too large or unreadable: the worker looks at the file and says which.
                    None => worker_pool::run::<Summary>(&WorkerJob::Verify, Some(&job.file)).await,
                };
                batch.borrow_mut().push(change_of(job.seq, name, outcome));
                *done.borrow_mut() += 1;
            }
            if *done.borrow() == total && ticker.borrow_mut().take().is_some() {
                flush();
            }
        });
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
