//! The import scheduler the page's verifier follows: batches of 16 files in order, two
//! in hand per worker, and after a worker dies its batch's unfinished files again one by
//! one, so only the file that stops a worker is refused. Driven here as the page drives
//! it, together with the buyer's session.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use vendor_readiness::core::buyer::import::{
    Scheduler, BATCHES_PER_WORKER, FILES_PER_BATCH, WORKER_STOPPED,
};

type Outcome = Result<&'static str, String>;

fn stopped() -> Outcome {
    Err(WORKER_STOPPED.to_owned())
}

#[test]
fn files_go_sixteen_to_a_batch_in_order_with_two_batches_per_worker() {
    assert_eq!((FILES_PER_BATCH, BATCHES_PER_WORKER), (16, 2));
    let mut s = Scheduler::new(0..40);
    assert_eq!(s.loops(2), 3, "no more loops than batches");
    assert_eq!(
        Scheduler::new(0..1000).loops(2),
        4,
        "two batches in hand per worker"
    );
    assert_eq!(Scheduler::new(0..1000).loops(0), 2, "at least one worker");
    let batches: Vec<Vec<u64>> = std::iter::from_fn(|| s.next_batch()).collect();
    assert_eq!(
        batches,
        [
            (0..16).collect::<Vec<u64>>(),
            (16..32).collect(),
            (32..40).collect()
        ]
    );
    assert!(!s.done(), "handed out is not finished");
    for b in &batches {
        let done = s.finish(b, b.iter().map(|_| Ok("ok")).collect());
        assert_eq!(done.iter().map(|(seq, _)| *seq).collect::<Vec<_>>(), *b);
    }
    assert!(s.done());
    let empty = Scheduler::new(std::iter::empty());
    assert!(empty.done() && empty.loops(4) == 0);
}

#[test]
fn a_dead_workers_files_go_again_one_by_one_before_any_new_batch() {
    let mut s = Scheduler::new(0..20);
    let first = s.next_batch().unwrap();
    assert_eq!(first.len(), 16);
    // The worker finished files 0 to 2, then died on 3 (and so failed the rest).
    let outcomes: Vec<Outcome> = (0..16)
        .map(|i| if i < 3 { Ok("ok") } else { stopped() })
        .collect();
    let done = s.finish(&first, outcomes);
    assert_eq!(
        done,
        [(0, Ok("ok")), (1, Ok("ok")), (2, Ok("ok"))],
        "no file of a dead worker's batch is refused for it"
    );
    for seq in 3..16 {
        assert_eq!(s.next_batch(), Some(vec![seq]), "alone, before new files");
    }
    assert_eq!(s.next_batch(), Some((16..20).collect()));
    assert_eq!(s.next_batch(), None);
    // Alone, file 3 stops its worker again: that is its outcome. The others verify.
    assert_eq!(s.finish(&[3], vec![stopped()]), [(3, stopped())]);
    for seq in 4..16 {
        assert_eq!(s.finish(&[seq], vec![Ok("ok")]), [(seq, Ok("ok"))]);
    }
    assert!(!s.done());
    let last: Vec<u64> = (16..20).collect();
    assert_eq!(
        s.finish(&last, last.iter().map(|_| Ok("ok")).collect())
            .len(),
        4
    );
    assert!(s.done());
}

#[test]
fn a_refusal_is_final_and_missing_or_stray_outcomes_do_not_count() {
    let mut s = Scheduler::new(0..3);
    let b = s.next_batch().unwrap();
    // The worker answered only the first file: the others count as stopped.
    let done = s.finish::<&str>(&b, vec![Err("file is empty".to_owned())]);
    assert_eq!(
        done,
        [(0, Err("file is empty".to_owned()))],
        "a refusal is not retried"
    );
    assert_eq!(s.next_batch(), Some(vec![1]));
    assert_eq!(s.next_batch(), Some(vec![2]));
    assert_eq!(s.finish(&[1], Vec::<Outcome>::new()), [(1, stopped())]);
    assert!(
        s.finish(&[1], vec![Ok("late")]).is_empty(),
        "reported twice: dropped"
    );
    assert!(
        s.finish(&[99], vec![Ok("stray")]).is_empty(),
        "never handed out: dropped"
    );
    assert!(!s.done());
    assert_eq!(s.finish(&[2], vec![Ok("ok")]), [(2, Ok("ok"))]);
    assert!(s.done());
}

/// The page's verifier over a pool whose workers die on one file, with the loops taking
/// batches in turn and finishing them out of order: every file gets exactly one outcome,
/// only the fatal one is refused, and the session ends with every file recorded.
#[test]
fn an_import_of_many_files_with_one_fatal_file_finishes_with_every_file_recorded() {
    use time::macros::datetime;
    use vendor_readiness::buyer_profile::BuyerProfile;
    use vendor_readiness::buyer_session::{BuyerChange, BuyerSession};

    const FILES: u64 = 70;
    const FATAL: u64 = 37;
    let mut session = BuyerSession::new(BuyerProfile::default(), datetime!(2026-11-28 00:00 UTC));
    session.update(BuyerChange::Enqueue(FILES as usize));
    let mut s = Scheduler::new(0..FILES);
    let mut in_flight: Vec<Vec<u64>> = (0..s.loops(2)).filter_map(|_| s.next_batch()).collect();
    assert_eq!(in_flight.len(), 4);
    let mut outcomes: BTreeMap<u64, Outcome> = BTreeMap::new();
    let mut turn = 0;
    while !in_flight.is_empty() {
        // Finish the batches in a shifting order, as workers do.
        turn += 1;
        let batch = in_flight.remove(turn % in_flight.len());
        let answers: Vec<Outcome> = if batch.contains(&FATAL) {
            batch.iter().map(|_| stopped()).collect()
        } else {
            batch.iter().map(|_| Ok("verified")).collect()
        };
        for (seq, outcome) in s.finish(&batch, answers) {
            assert!(
                outcomes.insert(seq, outcome).is_none(),
                "{seq} reported twice"
            );
            // What the page hands the session (a refusal has no summary to record here).
            session.update(BuyerChange::Verified {
                seq,
                file_name: format!("{seq}.json"),
                result: Err("recorded".into()),
            });
        }
        // The loop that finished asks again; it ends when nothing is waiting.
        in_flight.extend(s.next_batch());
    }
    assert!(s.done());
    assert_eq!(outcomes.len() as u64, FILES);
    let refused: Vec<u64> = outcomes
        .iter()
        .filter(|(_, o)| o.is_err())
        .map(|(seq, _)| *seq)
        .collect();
    assert_eq!(
        refused,
        [FATAL],
        "only the file that stops a worker is refused"
    );
    assert_eq!(outcomes[&FATAL], stopped());
    assert!(!session.queue.busy());
    assert_eq!(
        session.files.len() as u64,
        FILES,
        "every file recorded once"
    );
    assert_eq!(session.queue.progress(), None);
}
