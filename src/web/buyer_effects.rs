//! The buyer session's effects, run in the browser: picked files handed to the
//! verification workers (and kept while the session may ask for their content again),
//! the profile saved, a vendor's whole answers or the progress between two of its files
//! asked of a worker. The vendor's effects are run by [`crate::web::app`] the same way.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::buyer::session::{BuyerChange, BuyerEffect};
use crate::web::io::storage;
use crate::web::io::verifier::{self, Job};
use crate::web::state::BuyerContext;

/// Picked files still needed: queued for verification, or kept to show their answers.
pub type FileStore = Rc<RefCell<HashMap<u64, web_sys::File>>>;

/// Queues picked files and verifies them in the workers, a batch of results at a time.
pub fn import(buyer: &BuyerContext, files: &FileStore, picked: Vec<web_sys::File>) {
    if picked.is_empty() {
        return;
    }
    let first = buyer.queue.issued();
    let jobs: Vec<Job> = picked
        .into_iter()
        .enumerate()
        .map(|(i, file)| {
            let seq = first + i as u64;
            files.borrow_mut().insert(seq, file.clone());
            Job { seq, file }
        })
        .collect();
    buyer.dispatch(BuyerChange::Enqueue(jobs.len()));
    let buyer = buyer.clone();
    verifier::verify_all(jobs, move |batch| buyer.dispatch(BuyerChange::Batch(batch)));
}

/// Runs the effects the buyer session returned since the last call.
pub fn run_effects(
    buyer: &BuyerContext,
    files: &FileStore,
    save_error: &UseStateHandle<Option<String>>,
) {
    for effect in &buyer.take_effects() {
        match effect {
            BuyerEffect::SaveProfile => {
                save_error.set(storage::save_buyer_profile(&buyer.profile).err())
            }
            BuyerEffect::LoadDetail { file_name, seq } => {
                let file = files.borrow().get(seq).cloned();
                let (buyer, file_name) = (buyer.clone(), file_name.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match file {
                        Some(file) => verifier::detail(file).await,
                        None => Err("the file is no longer available; import it again".into()),
                    };
                    buyer.dispatch(BuyerChange::DetailLoaded { file_name, result });
                });
            }
            BuyerEffect::LoadProgress(pair) => {
                let picked = {
                    let files = files.borrow();
                    let file = |seq| files.get(seq).cloned();
                    file(&pair.older_seq).zip(file(&pair.newer_seq))
                };
                let (buyer, pair) = (buyer.clone(), pair.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match picked {
                        Some((a, b)) => verifier::progress(a, b).await,
                        None => Err("the files are no longer available; import them again".into()),
                    };
                    buyer.dispatch(BuyerChange::ProgressLoaded { pair, result });
                });
            }
        }
    }
}
