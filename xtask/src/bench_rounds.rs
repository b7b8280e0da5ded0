//! Interleaved timing: a workload's ways of running (bodoc on 1 and 2 ranks,
//! the alternatives) take turns, each one's runs spread evenly over the
//! whole measurement, so that every one of them sees the same machine.
//!
//! This machine's speed swings by tens of percent from one minute to the
//! next (other tenants). Timed one after the other, bodoc's short runs
//! would all fall in one window of a second or so and CPython's in the
//! next ten: whichever window happened to be slow would decide the ratio.
//! Interleaved, a best-of over each series samples the same stretch of
//! time.

use crate::bench_run::{self, Finished, Launch, Sample};
use crate::process::End;
use crate::Result;
use std::path::Path;

/// One way of running a workload: how to start it, how many untimed and
/// timed runs, and the tag of its scratch files.
pub struct Series<'a> {
    pub make: Box<dyn Fn() -> Launch + 'a>,
    pub warm_up: usize,
    pub repeats: usize,
    pub tag: String,
}

/// A series' result: its best wall time and largest peak memory with the
/// stdout of its last timed run, or why a run failed.
pub type Timed = std::result::Result<(Sample, String), String>;

/// Runs every series, interleaved (module doc); a series stops at its first
/// failed run. `describe` says why a failed run failed, from its stderr.
pub fn interleaved(series: &[Series], cwd: &Path, scratch: &Path, describe: fn(&str) -> String) -> Result<Vec<Timed>> {
    let totals: Vec<usize> = series.iter().map(|s| s.warm_up + s.repeats).collect();
    let rounds = totals.iter().copied().max().unwrap_or(0);
    let mut done = vec![0; series.len()];
    let none = Sample { seconds: f64::INFINITY, peak_mb: 0.0 };
    let mut results: Vec<Timed> = series.iter().map(|_| Ok((none, String::new()))).collect();
    for round in 1..=rounds {
        for (i, s) in series.iter().enumerate() {
            while done[i] < due(round, totals[i], rounds) && results[i].is_ok() {
                let mut launch = (s.make)();
                launch.command.current_dir(cwd);
                let Finished { end, sample, stdout, stderr } =
                    bench_run::run(launch, crate::bench::TIMEOUT, scratch, &s.tag)?;
                let timed = done[i] >= s.warm_up;
                done[i] += 1;
                results[i] = match (&results[i], end) {
                    (_, end) if end != End::Exited(0) => Err(format!("{}: {}", end.describe(), describe(&stderr))),
                    (Ok((best, _)), _) if timed => Ok((
                        Sample { seconds: best.seconds.min(sample.seconds), peak_mb: best.peak_mb.max(sample.peak_mb) },
                        stdout,
                    )),
                    (kept, _) => kept.clone(),
                };
            }
        }
    }
    Ok(results)
}

/// How many of a series' `total` runs are due by the end of round `round`
/// (from 1) of `rounds`: its share of the rounds so far, rounded up, so its
/// first run is in the first round and its last in the last.
fn due(round: usize, total: usize, rounds: usize) -> usize {
    (round * total).div_ceil(rounds)
}

#[cfg(test)]
mod tests {
    use super::due;

    #[test]
    fn each_series_is_spread_over_all_rounds() {
        let runs = |total: usize, rounds: usize| (1..=rounds).map(|r| due(r, total, rounds)).collect::<Vec<_>>();
        // 5 runs among 15 rounds: one in every third round, from the first.
        assert_eq!(runs(5, 15), [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5]);
        // The longest series runs once a round.
        assert_eq!(runs(4, 4), [1, 2, 3, 4]);
        // A warm-up and 3 runs among 15 rounds.
        assert_eq!(runs(4, 15).last(), Some(&4));
        assert_eq!(runs(4, 15)[0], 1);
    }
}
