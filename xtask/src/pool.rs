//! A fixed number of worker threads over a list of jobs; each result is
//! handed to the calling thread as soon as it is ready.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Runs `work` on every job with `workers` threads, calling `done` on the
/// calling thread, in completion order.
pub fn run<T: Sync, R: Send>(jobs: &[T], workers: usize, work: impl Fn(&T) -> R + Sync, mut done: impl FnMut(&T, R)) {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..workers.max(1) {
            let (tx, next, work) = (tx.clone(), &next, &work);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= jobs.len() || tx.send((i, work(&jobs[i]))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (i, result) in rx {
            done(&jobs[i], result);
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_job_once() {
        let jobs: Vec<u32> = (0..50).collect();
        let mut seen = Vec::new();
        super::run(&jobs, 3, |j| j * 2, |j, r| seen.push((*j, r)));
        seen.sort();
        assert_eq!(seen, jobs.iter().map(|j| (*j, j * 2)).collect::<Vec<_>>());
    }
}
