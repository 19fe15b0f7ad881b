//! Many files on every core, with results in input order: what `verify` and `compare` run
//! on.
//!
//! One worker per core (the calling thread is one of them) takes the next file as it
//! finishes one, so a large file holds up only its own worker. A finished result waits
//! until every earlier one is in; the worker that completes the first missing one hands
//! it and every waiting result after it to `emit`, in order. A worker never runs more
//! than [`WINDOW`] files ahead of the first missing result, so memory stays flat however
//! many files are given: one file's bytes and parse per worker, plus at most [`WINDOW`]
//! finished results waiting for their turn.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// Most results waiting to be handed on, whatever the number of files.
pub const WINDOW: usize = 256;

/// How many workers: every core the process may use, never more than there are items.
pub fn workers(items: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items)
        .max(1)
}

/// The results waiting for their turn, and what receives them.
struct Queue<R, F, E> {
    /// Results from index `first` on (`None`: not finished yet).
    waiting: VecDeque<Option<R>>,
    /// The index of the first result not yet emitted.
    first: usize,
    emit: F,
    /// The first error `emit` returned.
    error: Option<E>,
    /// Workers waiting for room in the window.
    sleepers: usize,
}

/// Runs `work` on every item on [`workers`] threads and passes each result to `emit` in
/// the order of `items`, one call at a time. When `emit` fails, the workers stop taking
/// items and its error is returned.
pub fn for_each_ordered<T, R, E, F>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut emit: F,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
    E: Send,
    F: FnMut(R) -> Result<(), E> + Send,
{
    let threads = workers(items.len());
    if threads == 1 {
        return items.iter().try_for_each(|item| emit(work(item)));
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let queue = Mutex::new(Queue {
        waiting: VecDeque::with_capacity(WINDOW),
        first: 0,
        emit,
        error: None,
        sleepers: 0,
    });
    let room = Condvar::new();
    let lock = || queue.lock().unwrap_or_else(|e| e.into_inner());
    let worker = || {
        let _stop_on_panic = StopOnPanic {
            stop: &stop,
            wake: || {
                let _queue = lock();
                room.notify_all();
            },
        };
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= items.len() || stop.load(Ordering::Relaxed) {
                return;
            }
            {
                // Every index below `i` is done or being worked on, so the first missing
                // result is in progress and `first` keeps moving.
                let mut q = lock();
                while i >= q.first + WINDOW && !stop.load(Ordering::Relaxed) {
                    q.sleepers += 1;
                    q = room.wait(q).unwrap_or_else(|e| e.into_inner());
                    q.sleepers -= 1;
                }
            }
            if stop.load(Ordering::Relaxed) {
                return;
            }
            let result = work(&items[i]);
            let mut q = lock();
            let slot = i - q.first;
            if q.waiting.len() <= slot {
                q.waiting.resize_with(slot + 1, || None);
            }
            q.waiting[slot] = Some(result);
            if slot == 0 {
                emit_ready(&mut q, &stop);
                if q.sleepers > 0 {
                    room.notify_all();
                }
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(worker);
        }
        worker();
    });
    let q = queue.into_inner().unwrap_or_else(|e| e.into_inner());
    q.error.map_or(Ok(()), Err)
}

/// Hands the results at the front of the queue to `emit`, up to the first one missing.
fn emit_ready<R, E, F: FnMut(R) -> Result<(), E>>(
    q: &mut MutexGuard<'_, Queue<R, F, E>>,
    stop: &AtomicBool,
) {
    let Queue {
        waiting,
        first,
        emit,
        error,
        ..
    } = &mut **q;
    while let Some(Some(_)) = waiting.front() {
        let ready = waiting.pop_front().flatten().expect("checked above");
        *first += 1;
        if error.is_none() {
            if let Err(e) = emit(ready) {
                *error = Some(e);
                stop.store(true, Ordering::Relaxed);
            }
        }
    }
}

/// Stops every worker when one panics (a test build; release builds abort), so the
/// others do not wait forever for the result it will never finish.
struct StopOnPanic<'a, W: Fn()> {
    stop: &'a AtomicBool,
    wake: W,
}

impl<W: Fn()> Drop for StopOnPanic<'_, W> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.stop.store(true, Ordering::Relaxed);
            (self.wake)();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order_whatever_the_work_takes() {
        let items: Vec<u64> = (0..2_000).collect();
        let mut seen = Vec::new();
        for_each_ordered(
            &items,
            |&i| {
                // Uneven work: every seventh item takes much longer.
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
                i * 2
            },
            |r| {
                seen.push(r);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_slow_item_holds_back_at_most_the_window() {
        // Item 0 is slow; the others must wait for it once they are a window ahead.
        let items: Vec<usize> = (0..2_000).collect();
        let ahead = AtomicUsize::new(0);
        let mut seen = 0;
        for_each_ordered(
            &items,
            |&i| {
                if i == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                    ahead.load(Ordering::Relaxed)
                } else {
                    ahead.fetch_add(1, Ordering::Relaxed);
                    0
                }
            },
            |done_while_first_ran| {
                if seen == 0 {
                    assert!(
                        done_while_first_ran <= WINDOW,
                        "{done_while_first_ran} items ran ahead"
                    );
                }
                seen += 1;
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, items.len());
    }

    #[test]
    fn a_failing_emit_stops_the_work_and_returns_its_error() {
        let items: Vec<usize> = (0..100_000).collect();
        let done = AtomicUsize::new(0);
        let mut emitted = 0;
        let outcome = for_each_ordered(
            &items,
            |&i| {
                done.fetch_add(1, Ordering::Relaxed);
                i
            },
            |i| {
                emitted += 1;
                if i == 10 {
                    Err("closed")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(outcome, Err("closed"));
        assert_eq!(emitted, 11);
        assert!(
            done.load(Ordering::Relaxed) < 11 + WINDOW + 64,
            "workers stop within the window"
        );
    }

    #[test]
    fn no_items_and_one_item() {
        let mut seen = Vec::new();
        for_each_ordered(
            &[] as &[u8],
            |&b| b,
            |b| {
                seen.push(b);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert!(seen.is_empty());
        for_each_ordered(
            &[5u8],
            |&b| b + 1,
            |b| {
                seen.push(b);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, [6]);
    }
}
