//! The 2-rank speedup this machine allows a workload, measured beside it.
//!
//! A perfect split of a workload over 2 ranks does half the work on each
//! core at once, and pays MPI's start-up, which a one-rank run never does.
//! Two cores of a virtual machine need not run two computations as fast as
//! one: they share memory bandwidth, caches and the host. So the harness
//! times two copies of the one-rank executable started together (each does
//! the whole work; together they do twice the work on both cores) and, once
//! per bench run, MPI's start-up under `mpiexec -n 2` (a trivial compiled
//! program's 2-rank time less its direct time). The ceiling is
//!
//!     one-rank time / (two copies' time / 2 + MPI start-up)
//!
//! which no 2-rank run of the workload can beat by more than noise.

use crate::bench_run::{Launch, Sample};
use crate::bench_table::Measured;
use crate::{paths, process, Result};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// The program whose 2-rank run is all MPI start-up: a jit function, so
/// the executable initialises MPI when it has ranks to talk to.
const TRIVIAL: &str = "import bodo\n\n\n@bodo.jit\ndef one(n):\n    return n + 1\n\n\nprint(one(0))\n";

/// Two copies of `exe`, started together by one shell that waits for both.
pub fn pair(exe: &Path) -> Launch {
    let mut command = Command::new("sh");
    command.args(["-c", "\"$0\" & \"$0\" & wait"]).arg(exe).env_remove("BODO_NUM_WORKERS");
    Launch { command, rank0_stdout: None }
}

/// Seconds MPI start-up adds to a 2-rank run: a trivial program's best
/// `mpiexec -n 2` time less its best direct time.
pub fn mpi_startup(
    scratch: &Path,
    timeout: Duration,
    best_of: impl Fn(&dyn Fn() -> Launch, &str) -> Result<Measured>,
) -> Result<Measured> {
    let source = scratch.join("mpi_startup.py");
    let exe = scratch.join("mpi_startup");
    std::fs::write(&source, TRIVIAL)?;
    let mut build = Command::new(paths::bodoc());
    build.arg("build").arg(&source).arg("-o").arg(&exe).arg("--quiet");
    let built = process::capture(&mut build, timeout, scratch, "mpi_startup.build")?;
    if built.end != process::End::Exited(0) {
        return Ok(Err(format!("the trivial program did not build: {}", built.stderr.trim())));
    }
    let alone = best_of(&|| Launch::direct(&exe), "mpi_startup.1")?;
    let two = best_of(&|| Launch::two_ranks(&exe), "mpi_startup.2")?;
    Ok(match (alone, two) {
        (Ok(a), Ok(t)) => Ok(Sample { seconds: (t.seconds - a.seconds).max(0.0), peak_mb: t.peak_mb }),
        (Err(why), _) | (_, Err(why)) => Err(why),
    })
}

/// `one_rank / (pair / 2 + startup)`, or why it cannot be given.
pub fn ceiling(one_rank: &Measured, pair: &Measured, startup: &Measured) -> std::result::Result<f64, String> {
    match (one_rank, pair, startup) {
        (Ok(one), Ok(two), Ok(start)) => Ok(one.seconds / (two.seconds / 2.0 + start.seconds)),
        (Err(why), ..) | (_, Err(why), _) | (.., Err(why)) => Err(why.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::ceiling;
    use crate::bench_run::Sample;

    fn s(seconds: f64) -> Sample {
        Sample { seconds, peak_mb: 1.0 }
    }

    #[test]
    fn ceiling_is_half_the_pair_plus_startup() {
        // Two copies at once as fast as one alone, free start-up: 2x.
        assert_eq!(ceiling(&Ok(s(1.0)), &Ok(s(1.0)), &Ok(s(0.0))), Ok(2.0));
        // Copies slowed by a quarter and 0.1 s of start-up: 1 / (0.625 + 0.1).
        let c = ceiling(&Ok(s(1.0)), &Ok(s(1.25)), &Ok(s(0.1))).unwrap();
        assert!((c - 1.0 / 0.725).abs() < 1e-12);
        assert_eq!(ceiling(&Ok(s(1.0)), &Err("failed".into()), &Ok(s(0.0))), Err("failed".to_string()));
    }
}
