//! Batch: runs jobs on several threads and hands their results over in input order, with
//! a bounded number of jobs in flight so memory does not grow with the number of inputs.
//!
//! Method: a producer thread pulls jobs from the (lazy) input iterator and numbers them;
//! workers take jobs from a bounded channel and send results back; the calling thread keeps
//! results that arrive early in a reorder buffer and delivers them in order. The calling
//! thread is one of the `threads`: when the next result is not there yet, it takes a job
//! itself rather than wait. The producer may run at most `window` jobs ahead of the last
//! delivered result, which bounds the jobs queued, running and waiting in the buffer. With
//! one thread everything runs inline.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Condvar, Mutex};

/// How far ahead of the output the inputs may be read: jobs per thread.
pub const WINDOW_PER_THREAD: usize = 8;

/// Runs `work` over `jobs` on `threads` threads and calls `deliver` with each result in
/// input order. `deliver` may stop the run early (`ControlFlow::Break`), whose value is
/// returned.
pub fn run_ordered<J, R, B, I, W, D>(jobs: I, threads: usize, work: W, mut deliver: D) -> Option<B>
where
    I: Iterator<Item = J> + Send,
    J: Send,
    R: Send,
    W: Fn(J) -> R + Sync,
    D: FnMut(R) -> ControlFlow<B>,
{
    if threads <= 1 {
        for job in jobs {
            if let ControlFlow::Break(b) = deliver(work(job)) {
                return Some(b);
            }
        }
        return None;
    }
    let window = threads * WINDOW_PER_THREAD;
    let stop = AtomicBool::new(false);
    // results delivered so far; the producer sleeps on the condvar only when it is a
    // window ahead, and is woken only then
    let delivered = Arc::new(Gate::default());
    let (job_tx, job_rx) = sync_channel::<(u64, J)>(window);
    let job_rx = Mutex::new(job_rx);
    let (res_tx, res_rx) = sync_channel::<(u64, R)>(window);

    std::thread::scope(|scope| {
        // producer
        {
            let stop = &stop;
            let delivered = Arc::clone(&delivered);
            scope.spawn(move || produce(jobs, job_tx, window as u64, stop, &delivered));
        }
        // workers; the calling thread works too
        for _ in 1..threads {
            let res_tx: SyncSender<(u64, R)> = res_tx.clone();
            let job_rx = &job_rx;
            let work = &work;
            let stop = &stop;
            scope.spawn(move || {
                loop {
                    let next = job_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok((i, job))) = next else { break };
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    if res_tx.send((i, work(job))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(res_tx);
        let out = deliver_in_order(&res_rx, &job_rx, &work, &mut deliver, &delivered);
        if out.is_some() {
            stop.store(true, Ordering::Relaxed);
            // wake the producer and let workers drain
            delivered.advance(u64::MAX);
            while res_rx.recv().is_ok() {}
        }
        out
    })
}

/// The count of delivered results, which the producer may wait on.
struct Gate {
    done: AtomicU64,
    /// The count the waiting producer needs, `u64::MAX` when it is not waiting.
    wake_at: AtomicU64,
    lock: Mutex<()>,
    cv: Condvar,
}

impl Default for Gate {
    fn default() -> Gate {
        Gate {
            done: AtomicU64::new(0),
            wake_at: AtomicU64::new(u64::MAX),
            lock: Mutex::new(()),
            cv: Condvar::new(),
        }
    }
}

impl Gate {
    fn advance(&self, done: u64) {
        self.done.store(done, Ordering::SeqCst);
        if done >= self.wake_at.load(Ordering::SeqCst) {
            let _guard = self.lock.lock();
            self.cv.notify_all();
        }
    }

    /// Waits until job `i` may start: fewer than `window` jobs ahead of the output. A
    /// producer that has to wait waits until half the window is free, then runs on
    /// without waking for every result (fewer context switches).
    fn wait_for(&self, i: u64, window: u64) -> bool {
        let d = self.done.load(Ordering::SeqCst);
        if d == u64::MAX || i < d.saturating_add(window) {
            return true;
        }
        // i < done + window / 2
        let need = (i + 1).saturating_sub(window / 2);
        let Ok(mut guard) = self.lock.lock() else {
            return false;
        };
        self.wake_at.store(need, Ordering::SeqCst);
        while self.done.load(Ordering::SeqCst) < need {
            guard = match self.cv.wait(guard) {
                Ok(g) => g,
                Err(_) => return false,
            };
        }
        self.wake_at.store(u64::MAX, Ordering::SeqCst);
        true
    }
}

fn produce<J, I: Iterator<Item = J>>(
    jobs: I,
    tx: SyncSender<(u64, J)>,
    window: u64,
    stop: &AtomicBool,
    delivered: &Gate,
) {
    for (i, job) in (0u64..).zip(jobs) {
        if !delivered.wait_for(i, window) {
            return;
        }
        if stop.load(Ordering::Relaxed) || tx.send((i, job)).is_err() {
            return;
        }
    }
}

/// Delivers the results in order as they come from the workers. While the next one is
/// not there, a queued job is done here; with none queued, the next result is being worked
/// on by a worker (it is neither queued nor delivered), and its coming is waited for.
fn deliver_in_order<J, R, B, W, D>(
    rx: &Receiver<(u64, R)>,
    jobs: &Mutex<Receiver<(u64, J)>>,
    work: &W,
    deliver: &mut D,
    delivered: &Gate,
) -> Option<B>
where
    W: Fn(J) -> R,
    D: FnMut(R) -> ControlFlow<B>,
{
    let mut pending: BTreeMap<u64, R> = BTreeMap::new();
    let mut next = 0u64;
    loop {
        if let Some(b) = deliver_ready(&mut pending, &mut next, deliver, delivered) {
            return Some(b);
        }
        while let Ok((i, r)) = rx.try_recv() {
            pending.insert(i, r);
        }
        if pending.contains_key(&next) {
            continue;
        }
        // a worker waiting for a job holds the lock: then none is queued
        let queued = jobs.try_lock().ok().and_then(|rx| rx.try_recv().ok());
        match queued {
            Some((i, job)) => {
                pending.insert(i, work(job));
            }
            None => match rx.recv() {
                Ok((i, r)) => {
                    pending.insert(i, r);
                }
                // the workers are done (or one failed): what is left here goes out
                Err(_) => return deliver_ready(&mut pending, &mut next, deliver, delivered),
            },
        }
    }
}

/// Delivers the results of `pending` from `next` on while they follow each other.
fn deliver_ready<R, B, D: FnMut(R) -> ControlFlow<B>>(
    pending: &mut BTreeMap<u64, R>,
    next: &mut u64,
    deliver: &mut D,
    delivered: &Gate,
) -> Option<B> {
    while let Some(r) = pending.remove(next) {
        *next += 1;
        if let ControlFlow::Break(b) = deliver(r) {
            return Some(b);
        }
        delivered.advance(*next);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order() {
        for threads in [1, 2, 4, 8] {
            let mut got = Vec::new();
            let out: Option<()> = run_ordered(
                0..1000u32,
                threads,
                |i| {
                    // uneven work so results finish out of order
                    let spin = (i * 7919) % 97;
                    (0..spin).fold(i, |a, b| a.wrapping_add(b)) - (0..spin).sum::<u32>()
                },
                |r| {
                    got.push(r);
                    ControlFlow::Continue(())
                },
            );
            assert_eq!(out, None);
            assert_eq!(got, (0..1000).collect::<Vec<_>>(), "threads {threads}");
        }
    }

    #[test]
    fn the_calling_thread_is_one_of_the_threads() {
        let caller = std::thread::current().id();
        let workers = Mutex::new(std::collections::HashSet::new());
        let out: Option<()> = run_ordered(
            0..1000u32,
            2,
            |i| {
                workers.lock().unwrap().insert(std::thread::current().id());
                (0..i % 97).fold(i, |a, b| a.wrapping_add(b))
            },
            |_| ControlFlow::Continue(()),
        );
        assert_eq!(out, None);
        let workers = workers.into_inner().unwrap();
        assert_eq!(workers.len(), 2, "two threads work");
        assert!(workers.contains(&caller), "the calling thread works too");
    }

    #[test]
    fn stopping_early_ends_the_run() {
        for threads in [1, 3] {
            let mut seen = 0;
            let out = run_ordered(
                0..100_000u32,
                threads,
                |i| i,
                |r| {
                    seen += 1;
                    if r == 10 {
                        ControlFlow::Break("stopped")
                    } else {
                        ControlFlow::Continue(())
                    }
                },
            );
            assert_eq!(out, Some("stopped"));
            assert_eq!(seen, 11);
        }
    }
}
