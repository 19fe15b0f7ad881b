//! The import queue: which picked files are waiting, which are being verified, and the
//! progress shown. The page hands queued files to workers as they become free
//! ([`ImportQueue::take_next`]) and reports each result ([`ImportQueue::finish`]); a
//! result for a file no longer outstanding (the list was cleared meanwhile) is ignored.

use std::collections::BTreeSet;

/// Files picked and not yet verified, by queue number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportQueue {
    /// Queue numbers `0..issued` have been given out; they are never reused.
    issued: u64,
    /// Queue numbers `0..started` have been handed to a verifier.
    started: u64,
    /// Queued or started, not finished.
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

    /// The next queued file to verify, oldest first, if any is waiting.
    pub fn take_next(&mut self) -> Option<u64> {
        while self.started < self.issued {
            let seq = self.started;
            self.started += 1;
            if self.outstanding.contains(&seq) {
                return Some(seq);
            }
        }
        None
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
        self.started = self.issued;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_handed_out_in_order_and_progress_counts_the_batch() {
        let mut q = ImportQueue::default();
        assert_eq!(q.progress(), None);
        q.enqueue(3);
        assert_eq!(q.progress(), Some((0, 3)));
        assert_eq!((q.take_next(), q.take_next()), (Some(0), Some(1)));
        assert!(q.finish(1), "results may arrive out of order");
        assert_eq!(q.progress(), Some((1, 3)));
        q.enqueue(2);
        assert_eq!(q.progress(), Some((1, 5)));
        assert_eq!(
            [q.take_next(), q.take_next(), q.take_next(), q.take_next()],
            [Some(2), Some(3), Some(4), None]
        );
        for seq in [0, 2, 3, 4] {
            assert!(q.finish(seq));
        }
        assert!(!q.busy());
        assert_eq!(q.progress(), None, "an empty queue shows no progress");
        assert!(!q.finish(4), "a result reported twice is dropped");
    }

    #[test]
    fn clearing_drops_late_results_and_never_reuses_numbers() {
        let mut q = ImportQueue::default();
        q.enqueue(2);
        assert_eq!(q.take_next(), Some(0));
        q.clear();
        assert!(
            !q.finish(0),
            "a file verified after the list was cleared is dropped"
        );
        assert_eq!(q.take_next(), None, "cleared files are not handed out");
        q.enqueue(1);
        assert_eq!(q.issued(), 3);
        assert_eq!(q.take_next(), Some(2));
        assert_eq!(q.progress(), Some((0, 1)));
        assert!(q.finish(2));
    }
}
