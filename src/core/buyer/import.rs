//! Importing many score files: the session's queue ([`ImportQueue`]: which picked files
//! are still outstanding, the progress shown, late results dropped) and the verifier's
//! scheduler ([`Scheduler`]: which files go to a worker together, and what happens after
//! a worker dies). Both are plain Rust, so the page's import is decided and tested here;
//! the shell only reads files, posts messages and waits.

use std::collections::{BTreeSet, VecDeque};

/// Files verified per message to a worker: enough to spare the page a message per file,
/// few enough that a dead worker costs little (its unfinished files go again one by one).
pub const FILES_PER_BATCH: usize = 16;

/// Batches kept in hand per worker: one is read on the page while the other is verified.
pub const BATCHES_PER_WORKER: usize = 2;

/// The outcome of a job whose worker died under it (a trap, an out-of-memory).
pub const WORKER_STOPPED: &str = "the verifier stopped while working on this file (it may \
     be too complex or the browser ran out of memory); the other files are not affected";

/// Files picked and not yet verified, by queue number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportQueue {
    /// Queue numbers `0..issued` have been given out; they are never reused.
    issued: u64,
    /// Queued and not finished.
    outstanding: BTreeSet<u64>,
    /// Files in the current batch (since the queue was last empty), and those done.
    batch_total: usize,
    batch_done: usize,
}

impl ImportQueue {
    /// Queues `count` files, numbered from [`ImportQueue::issued`] on, in order.
    pub fn enqueue(&mut self, count: usize) {
        let first = self.issued;
        self.issued += count as u64;
        self.outstanding.extend(first..self.issued);
        self.batch_total += count;
    }

    /// How many queue numbers have been given out: the next file picked gets this one.
    pub fn issued(&self) -> u64 {
        self.issued
    }

    /// Marks a file done; false when it was not outstanding (cleared, or reported twice),
    /// in which case its result must be dropped.
    pub fn finish(&mut self, seq: u64) -> bool {
        if !self.outstanding.remove(&seq) {
            return false;
        }
        self.batch_done += 1;
        if self.outstanding.is_empty() {
            self.batch_total = 0;
            self.batch_done = 0;
        }
        true
    }

    /// Forgets every outstanding file; their late results will be ignored.
    pub fn clear(&mut self) {
        self.outstanding.clear();
        self.batch_total = 0;
        self.batch_done = 0;
    }

    /// `(done, total)` of the current batch while one is running.
    pub fn progress(&self) -> Option<(usize, usize)> {
        (self.batch_total > 0).then_some((self.batch_done, self.batch_total))
    }

    /// Whether files are waiting or being verified.
    pub fn busy(&self) -> bool {
        !self.outstanding.is_empty()
    }
}

/// How the files of one import go to the workers. Batches of up to [`FILES_PER_BATCH`]
/// queue numbers are handed out in order to the page's verifying loops
/// ([`Scheduler::loops`] of them); each batch's outcomes come back with
/// [`Scheduler::finish`]. A worker that dies fails its whole batch with
/// [`WORKER_STOPPED`]: the files of a batch of several that got that outcome are not
/// refused but handed out again one by one (before any new batch), so only the file that
/// stops a worker on its own is refused, with that message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scheduler {
    /// Never handed out, in order.
    fresh: VecDeque<u64>,
    /// To be verified again on their own.
    again: VecDeque<u64>,
    /// Without a final outcome yet (waiting or handed out).
    unfinished: BTreeSet<u64>,
}

impl Scheduler {
    /// A scheduler for these files (queue numbers), verified in the order given.
    pub fn new(seqs: impl IntoIterator<Item = u64>) -> Scheduler {
        let fresh: VecDeque<u64> = seqs.into_iter().collect();
        Scheduler {
            unfinished: fresh.iter().copied().collect(),
            fresh,
            again: VecDeque::new(),
        }
    }

    /// How many loops should take batches, for a pool of `workers`: two batches in hand
    /// per worker ([`BATCHES_PER_WORKER`]), but never more loops than batches.
    pub fn loops(&self, workers: usize) -> usize {
        (BATCHES_PER_WORKER * workers.max(1)).min(self.fresh.len().div_ceil(FILES_PER_BATCH))
    }

    /// The next batch to verify: a file to try again on its own if any, else up to
    /// [`FILES_PER_BATCH`] new ones; `None` when nothing is waiting (batches still out
    /// may yet put files back: a loop that has just finished one asks again).
    pub fn next_batch(&mut self) -> Option<Vec<u64>> {
        if let Some(seq) = self.again.pop_front() {
            return Some(vec![seq]);
        }
        let n = FILES_PER_BATCH.min(self.fresh.len());
        (n > 0).then(|| self.fresh.drain(..n).collect())
    }

    /// Records a batch's outcomes (one per file, in order) and returns those that are
    /// final, with their queue numbers. In a batch of several, a file whose worker died
    /// (its outcome is [`WORKER_STOPPED`], or missing) is put back to be tried alone; on
    /// its own, that outcome is final. Outcomes for files not handed out are dropped.
    pub fn finish<T>(
        &mut self,
        batch: &[u64],
        outcomes: Vec<Result<T, String>>,
    ) -> Vec<(u64, Result<T, String>)> {
        let alone = batch.len() == 1;
        let mut outcomes = outcomes.into_iter();
        let mut done = Vec::with_capacity(batch.len());
        for &seq in batch {
            let outcome = outcomes
                .next()
                .unwrap_or_else(|| Err(WORKER_STOPPED.to_owned()));
            if !self.unfinished.contains(&seq) {
                continue;
            }
            let stopped = matches!(&outcome, Err(e) if e == WORKER_STOPPED);
            if stopped && !alone {
                self.again.push_back(seq);
            } else {
                self.unfinished.remove(&seq);
                done.push((seq, outcome));
            }
        }
        done
    }

    /// Whether every file has its final outcome.
    pub fn done(&self) -> bool {
        self.unfinished.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_the_batch_and_late_or_repeated_results_are_dropped() {
        let mut q = ImportQueue::default();
        assert_eq!(q.progress(), None);
        q.enqueue(3);
        assert_eq!(q.progress(), Some((0, 3)));
        assert!(q.finish(1), "results may arrive out of order");
        assert_eq!(q.progress(), Some((1, 3)));
        q.enqueue(2);
        assert_eq!(q.progress(), Some((1, 5)));
        for seq in [0, 2, 3, 4] {
            assert!(q.busy());
            assert!(q.finish(seq));
        }
        assert!(!q.busy());
        assert_eq!(q.progress(), None, "an empty queue shows no progress");
        assert!(!q.finish(4), "a result reported twice is dropped");
        assert!(!q.finish(9), "a file never queued is dropped");
    }

    #[test]
    fn clearing_drops_late_results_and_never_reuses_numbers() {
        let mut q = ImportQueue::default();
        q.enqueue(2);
        q.clear();
        assert!(!q.busy());
        assert!(
            !q.finish(0),
            "a file verified after the list was cleared is dropped"
        );
        q.enqueue(1);
        assert_eq!(q.issued(), 3);
        assert_eq!(q.progress(), Some((0, 1)));
        assert!(q.finish(2));
    }
}
