//! Many files on every core, with results in input order: what `verify` and `compare` run
//! on.
//!
//! Workers take the next file as they finish one, so a large file holds up only its own
//! worker. Results are handed back in input order as soon as every earlier one is in,
//! and a worker never runs more than [`WINDOW`] files ahead of the first result still
//! missing, so memory stays flat however many files are given: one file's bytes and
//! parse per worker, plus at most [`WINDOW`] finished results waiting for their turn.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// Most results waiting to be handed back, whatever the number of files.
pub const WINDOW: usize = 256;

/// How many workers: every core the process may use, never more than there are items.
pub fn workers(items: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items)
        .max(1)
}

/// Runs `work` on every item on [`workers`] threads and passes each result to `emit` in
/// the order of `items`. `emit` runs on the calling thread; when it fails, the workers
/// stop taking items and its error is returned.
pub fn for_each_ordered<T, R, E>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    let threads = workers(items.len());
    if threads == 1 {
        return items.iter().try_for_each(|item| emit(work(item)));
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The index of the first result not yet emitted; workers wait on `room` for it to move.
    let emitted = Mutex::new(0usize);
    let room = Condvar::new();
    let (send, receive) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let send = send.clone();
            let (next, stop, emitted, room, work) = (&next, &stop, &emitted, &room, &work);
            scope.spawn(move || {
                let _stop_on_panic = StopOnPanic {
                    stop,
                    emitted,
                    room,
                };
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= items.len() {
                        return;
                    }
                    {
                        // Every index below `i` is done or being worked on, so the first
                        // missing result is in progress and `emitted` keeps moving.
                        let mut first = emitted.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *first + WINDOW && !stop.load(Ordering::Relaxed) {
                            first = room.wait(first).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    if stop.load(Ordering::Relaxed) || send.send((i, work(&items[i]))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(send);
        let mut waiting: VecDeque<Option<R>> = VecDeque::with_capacity(WINDOW);
        let mut first = 0usize;
        let mut outcome = Ok(());
        for (i, result) in &receive {
            let slot = i - first;
            if waiting.len() <= slot {
                waiting.resize_with(slot + 1, || None);
            }
            waiting[slot] = Some(result);
            let before = first;
            while let Some(Some(_)) = waiting.front() {
                let ready = waiting.pop_front().flatten().expect("checked above");
                first += 1;
                if let Err(e) = emit(ready) {
                    outcome = Err(e);
                    break;
                }
            }
            if outcome.is_err() {
                break;
            }
            if first != before {
                *emitted.lock().unwrap_or_else(|e| e.into_inner()) = first;
                room.notify_all();
            }
        }
        if outcome.is_err() {
            stop.store(true, Ordering::Relaxed);
            // Wake the waiting workers under the lock, so none misses the stop.
            let _guard = emitted.lock().unwrap_or_else(|e| e.into_inner());
            room.notify_all();
        }
        drop(receive);
        outcome
    })
}

/// Stops every worker when one panics (a test build; release builds abort), so the
/// others do not wait forever for the result it will never send.
struct StopOnPanic<'a> {
    stop: &'a AtomicBool,
    emitted: &'a Mutex<usize>,
    room: &'a Condvar,
}

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.stop.store(true, Ordering::Relaxed);
            let _guard = self.emitted.lock().unwrap_or_else(|e| e.into_inner());
            self.room.notify_all();
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
