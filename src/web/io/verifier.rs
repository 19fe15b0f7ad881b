//! Verifies picked score files for the compare page: reads each one (refusing it by size
//! first) and runs the core's verification, yielding to the browser between slices of
//! work so a thousand files show progress instead of freezing the page. Results are
//! reported in batches a few times a second.

use crate::core::buyer::session::{BuyerChange, Checked};
use crate::core::files::score_file;
use crate::core::questionnaire::Questionnaire;
use crate::core::verify::{self, VerifiedScore};
use crate::web::io::file_import;

/// One file to verify, with its queue number.
pub struct Job {
    /// Queue number given by the session.
    pub seq: u64,
    /// The file.
    pub file: web_sys::File,
}

async fn verify_one(file: web_sys::File) -> (String, Result<VerifiedScore, String>) {
    let picked = file_import::read(file, &score_file::KIND).await;
    let result = picked.bytes.and_then(|bytes| {
        verify::load_score(&bytes, Questionnaire::builtin()).map_err(|e| e.to_string())
    });
    (picked.name, result)
}

/// Verifies every job, reporting results in batches through `report`.
pub fn verify_all(jobs: Vec<Job>, report: impl Fn(Vec<BuyerChange>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut batch = Vec::new();
        let (mut slice_start, mut last_report) = (js_sys::Date::now(), js_sys::Date::now());
        let total = jobs.len();
        for (i, job) in jobs.into_iter().enumerate() {
            let (file_name, result) = verify_one(job.file).await;
            batch.push(BuyerChange::Verified {
                seq: job.seq,
                file_name,
                result: result.map(|v| Box::new(Checked::of(v))),
            });
            let now = js_sys::Date::now();
            let done = i + 1 == total;
            if done || now - last_report > 250.0 {
                report(std::mem::take(&mut batch));
                last_report = now;
            }
            if done || now - slice_start > 12.0 {
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                slice_start = js_sys::Date::now();
            }
        }
    });
}

/// The whole verified content of a file, for the detail and difference views.
pub async fn detail(file: web_sys::File) -> Result<std::rc::Rc<VerifiedScore>, String> {
    verify_one(file).await.1.map(std::rc::Rc::new)
}
