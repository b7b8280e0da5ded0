//! One timed benchmark run: whole-process wall time and the peak resident
//! memory of the largest single process of the run, with stdout and stderr
//! captured to files.
//!
//! The peak comes from the rusage that wait4(2) returns when we reap the
//! child. On Linux that is `RUSAGE_BOTH`: the larger of the child's own peak
//! and the peaks of the descendants it reaped, and every parent folds a
//! reaped child's figure into its own, so for `mpiexec` (which reaps the
//! hydra proxy, which reaps the ranks) it is the largest of all those
//! processes: the peak of the biggest rank. `process::capture` reaps with
//! std's `Child::wait`, which throws the rusage away, hence this module.

use crate::process::End;
use crate::Result;
use std::ffi::c_long;
use std::fs::File;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How to start a run and where its output lands.
pub struct Launch {
    pub command: Command,
    /// The file rank 0's stdout is written to, when every rank writes its
    /// own (SPMD Python prints on every rank); `None`: the process's stdout.
    pub rank0_stdout: Option<PathBuf>,
}

impl Launch {
    /// bodoc's executable `exe` started directly (one rank).
    pub fn direct(exe: &Path) -> Launch {
        let mut command = Command::new(exe);
        // Unset, or the executable would relaunch itself under mpiexec.
        command.env_remove("BODO_NUM_WORKERS");
        Launch { command, rank0_stdout: None }
    }

    /// bodoc's executable `exe` under `mpiexec -n 2`.
    pub fn two_ranks(exe: &Path) -> Launch {
        let mut command = Command::new("mpiexec");
        command.args(["-n", "2"]).arg(exe).env_remove("BODO_NUM_WORKERS");
        Launch { command, rank0_stdout: None }
    }
}

/// What one run measured.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub seconds: f64,
    /// Largest resident set of any one process of the run, in MB (10^6 bytes).
    pub peak_mb: f64,
}

/// A finished run.
pub struct Finished {
    pub end: End,
    pub sample: Sample,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `launch` with stdin closed, stdout/stderr in `DIR/TAG.stdout` and
/// `DIR/TAG.stderr`, in its own process group (killed whole after `timeout`,
/// and after the child exits so no stray rank outlives the run).
pub fn run(launch: Launch, timeout: Duration, dir: &Path, tag: &str) -> Result<Finished> {
    let Launch { mut command, rank0_stdout } = launch;
    let out_path = dir.join(format!("{tag}.stdout"));
    let err_path = dir.join(format!("{tag}.stderr"));
    if let Some(rank0) = &rank0_stdout {
        // mpiexec's -outfile-pattern appends to an existing file instead of
        // truncating it, so a previous run's text would linger at the end.
        remove_if_present(rank0)?;
    }
    command.stdin(Stdio::null()).stdout(File::create(&out_path)?).stderr(File::create(&err_path)?).process_group(0);
    let start = Instant::now();
    let child = command.spawn().map_err(|e| format!("cannot start {:?}: {e}", command.get_program()))?;
    let pid = i32::try_from(child.id()).map_err(|_| "process id out of range")?;
    // `child` is dropped unwaited: reap() below reaps it, and std never waits
    // on a dropped Child.
    drop(child);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(reap(pid));
    });
    let (end, elapsed, peak_kb) = match rx.recv_timeout(timeout) {
        Ok(reaped) => {
            let elapsed = start.elapsed();
            kill_group(pid);
            let (status, peak_kb) = reaped?;
            (end_of(status), elapsed, peak_kb)
        }
        Err(_) => {
            kill_group(pid);
            let (_, peak_kb) = rx.recv().map_err(|e| format!("lost the child process: {e}"))??;
            (End::TimedOut(timeout), start.elapsed(), peak_kb)
        }
    };
    let stdout_path = rank0_stdout.as_deref().unwrap_or(&out_path);
    Ok(Finished {
        end,
        sample: Sample { seconds: elapsed.as_secs_f64(), peak_mb: peak_kb as f64 * 1024.0 / 1e6 },
        stdout: read_lossy(stdout_path)?,
        stderr: read_lossy(&err_path)?,
    })
}

fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// The file's text; empty when the run never wrote it (a rank that died early).
fn read_lossy(path: &Path) -> std::io::Result<String> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(e),
    }
}

fn end_of(status: ExitStatus) -> End {
    match (status.code(), status.signal()) {
        (Some(code), _) => End::Exited(code),
        (None, Some(sig)) => End::Signaled(sig),
        (None, None) => End::Exited(-1),
    }
}

/// `struct rusage` of Linux: two `struct timeval` then fourteen longs.
#[repr(C)]
struct Rusage {
    /// ru_utime and ru_stime.
    times: [c_long; 4],
    /// ru_maxrss, in kilobytes (1024 bytes).
    maxrss: c_long,
    /// ru_ixrss to ru_nivcsw, unused.
    rest: [c_long; 13],
}

extern "C" {
    fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut Rusage) -> i32;
    fn kill(pid: i32, sig: i32) -> i32;
}

/// Waits for `pid` to end: its exit status and peak resident set in kB.
fn reap(pid: i32) -> std::io::Result<(ExitStatus, u64)> {
    let mut status = 0;
    let mut usage = Rusage { times: [0; 4], maxrss: 0, rest: [0; 13] };
    loop {
        // SAFETY: both pointers are to live locals of the layout wait4 expects.
        if unsafe { wait4(pid, &mut status, 0, &mut usage) } == pid {
            return Ok((ExitStatus::from_raw(status), u64::try_from(usage.maxrss).unwrap_or(0)));
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(error);
        }
    }
}

/// Sends SIGKILL to the process group led by `pid` (as `process` does for
/// its own runs; a group already gone just yields ESRCH).
fn kill_group(pid: i32) {
    const SIGKILL: i32 = 9;
    // SAFETY: kill(2) takes plain integers and touches no memory of ours.
    unsafe {
        kill(-pid, SIGKILL);
    }
}

#[cfg(test)]
mod tests {
    use super::{run, Launch};
    use crate::process::End;
    use std::process::Command;
    use std::time::Duration;

    /// The peak is that of a grandchild (as a rank is mpiexec's), not of
    /// the shell we start: python3 touches 200 MB under `sh -c`.
    #[test]
    fn peak_memory_counts_grandchildren() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-run-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut command = Command::new("sh");
        command.args(["-c", "python3 -c 'b = b\"x\" * 200000000; print(len(b))'; true"]);
        let done = run(Launch { command, rank0_stdout: None }, Duration::from_secs(60), &dir, "alloc").unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(done.end, End::Exited(0));
        assert_eq!(done.stdout.trim(), "200000000");
        assert!((200.0..400.0).contains(&done.sample.peak_mb), "peak {} MB", done.sample.peak_mb);
    }
}
