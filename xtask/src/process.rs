//! Child processes: steps streamed to the terminal, and captured runs with a
//! timeout that kill the child's whole process group (mpiexec and its ranks)
//! when it expires or when the child exits leaving strays behind.

use crate::Result;
use std::fs::File;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How a captured run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Exited(i32),
    Signaled(i32),
    TimedOut(Duration),
}

impl End {
    fn from_status(status: ExitStatus) -> End {
        match (status.code(), status.signal()) {
            (Some(code), _) => End::Exited(code),
            (None, Some(sig)) => End::Signaled(sig),
            (None, None) => End::Exited(-1),
        }
    }

    /// "exit status 1", "killed by signal 11", "timed out after 60 s".
    pub fn describe(self) -> String {
        match self {
            End::Exited(code) => format!("exit status {code}"),
            End::Signaled(sig) => format!("killed by signal {sig}"),
            End::TimedOut(limit) => format!("timed out after {} s", limit.as_secs()),
        }
    }
}

/// The result of [`capture`].
pub struct Captured {
    pub end: End,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

/// Runs `cmd` with stdin closed and stdout/stderr written to `DIR/TAG.stdout`
/// and `DIR/TAG.stderr` (files, so a stray grandchild holding the pipe can
/// never block us), in its own process group, killed after `timeout`.
pub fn capture(cmd: &mut Command, timeout: Duration, dir: &Path, tag: &str) -> Result<Captured> {
    let out_path = dir.join(format!("{tag}.stdout"));
    let err_path = dir.join(format!("{tag}.stderr"));
    cmd.stdin(Stdio::null()).stdout(File::create(&out_path)?).stderr(File::create(&err_path)?).process_group(0);
    let start = Instant::now();
    let mut child = cmd.spawn().map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait());
    });
    let end = match rx.recv_timeout(timeout) {
        Ok(status) => {
            let elapsed = start.elapsed();
            kill_group(pid);
            (End::from_status(status?), elapsed)
        }
        Err(_) => {
            kill_group(pid);
            rx.recv().map_err(|e| format!("lost the child process: {e}"))??;
            (End::TimedOut(timeout), start.elapsed())
        }
    };
    Ok(Captured {
        end: end.0,
        stdout: String::from_utf8_lossy(&std::fs::read(&out_path)?).into_owned(),
        stderr: String::from_utf8_lossy(&std::fs::read(&err_path)?).into_owned(),
        elapsed: end.1,
    })
}

/// Sends SIGKILL to every process of the group led by `pid`.
fn kill_group(pid: u32) {
    extern "C" {
        fn kill(pid: i32, sig: i32) -> i32;
    }
    const SIGKILL: i32 = 9;
    if let Ok(pgid) = i32::try_from(pid) {
        // SAFETY: kill(2) takes plain integers and touches no memory of ours;
        // a group that is already gone just yields ESRCH.
        unsafe {
            kill(-pgid, SIGKILL);
        }
    }
}

/// Runs `cmd` with the terminal's stdio after echoing it; an error when it
/// cannot start or exits unsuccessfully.
pub fn step(cmd: &mut Command) -> Result {
    eprintln!("$ {}", render(cmd));
    let status = cmd.status().map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", render(cmd)).into())
    }
}

/// The command line of `cmd`, for display.
pub fn render(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    parts.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

/// Whether an executable named `name` is on `PATH`.
pub fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(name).is_file()))
        .unwrap_or(false)
}
