//! One conformance program end to end: `bodoc build` once, run at each rank
//! count (1 rank directly as an MPI singleton, more under `mpiexec -n K`),
//! and check exit status, stdout against `NAME.out`, and `NAME.err` lines;
//! runs also check that no object is alive at exit (`BODO_CHECK_LEAKS`).
//!
//! A program in a folder with `gen_data.py` (tier3) runs with that folder as
//! working directory and a fresh `out/` (removed after the run), one such
//! run at a time; other programs run in a private empty directory.

use crate::e2e::{Failure, Harness, Verdict};
use crate::process::{self, Captured, End};
use crate::selection::Item;
use crate::{compare, Result};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const BUILD_TIMEOUT: Duration = Duration::from_secs(300);
const RUN_TIMEOUT: Duration = Duration::from_secs(60);

/// What a program's run must show, from the files beside it.
struct Expectation {
    /// `NAME.out`: stdout, compared with the oracle's rule.
    stdout: Option<String>,
    /// `NAME.exit`: the exit status (0 without the file).
    exit: i32,
    /// `NAME.err`: lines that must each appear as a line of stderr.
    stderr_lines: Vec<String>,
}

impl Expectation {
    fn load(item: &Item) -> Result<Expectation> {
        let read = |ext: &str| match std::fs::read_to_string(item.sibling(ext)) {
            Ok(text) => Ok(Some(text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", item.sibling(ext).display())),
        };
        let stdout = read("out")?;
        let exit = match read("exit")? {
            Some(text) => {
                text.trim().parse().map_err(|_| format!("{}.exit: not an exit status: {text:?}", item.name))?
            }
            None => 0,
        };
        if stdout.is_none() && exit == 0 {
            return Err(format!("no {}.out (write it with `cargo xtask expected {}.py`)", item.name, item.name).into());
        }
        let stderr_lines = read("err")?.map_or_else(Vec::new, |t| {
            compare::lines(&t).into_iter().filter(|l| !l.is_empty()).map(str::to_string).collect()
        });
        Ok(Expectation { stdout, exit, stderr_lines })
    }

    /// The first way `run` falls short, if any.
    fn problem(&self, run: &Captured) -> Option<String> {
        if run.end != End::Exited(self.exit) {
            let first_err = run.stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("(no stderr)");
            return Some(format!("expected exit status {}, got {}: {first_err}", self.exit, run.end.describe()));
        }
        if let Some(diff) = self.stdout.as_deref().and_then(|out| compare::agree(out, &run.stdout)) {
            return Some(diff);
        }
        let got = compare::lines(&run.stderr);
        self.stderr_lines
            .iter()
            .find(|want| !got.contains(&want.as_str()))
            .map(|want| format!("stderr lacks the line {want:?}"))
    }
}

/// Builds and runs `item` at every rank count of `h`.
pub fn check(h: &Harness, item: &Item) -> Verdict {
    let mut log = String::new();
    match check_logged(h, item, &mut log) {
        Ok(Ok(note)) => Verdict::Pass(note),
        Ok(Err(summary)) => Verdict::Fail(Failure { summary, log }),
        Err(e) => Verdict::Fail(Failure { summary: format!("harness error: {e}"), log }),
    }
}

/// `Ok(Ok(note))` on success, `Ok(Err(summary))` on a failure of the program
/// or compiler, `Err` when the harness itself could not do its job. Every
/// command and its output is appended to `log`.
fn check_logged(h: &Harness, item: &Item, log: &mut String) -> Result<std::result::Result<String, String>> {
    let work = h.scratch.join(item.name.replace('/', "__"));
    let private_cwd = work.join("cwd");
    std::fs::create_dir_all(&private_cwd)?;
    let exe = work.join("prog");
    let expect = Expectation::load(item)?;

    let mut build = Command::new(&h.bodoc);
    build
        .arg("build")
        .arg(item.file_name())
        .arg("-o")
        .arg(&exe)
        .arg("--quiet")
        .current_dir(item.dir())
        .env("NO_COLOR", "1");
    let built = process::capture(&mut build, BUILD_TIMEOUT, &work, "build")?;
    record(log, &build, &built);
    if built.end != End::Exited(0) {
        let first = built.stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("(no stderr)");
        return Ok(Err(format!("build: {}: {first}", built.end.describe())));
    }
    if !exe.is_file() {
        return Ok(Err("build: exit status 0 but no executable at the -o path".to_string()));
    }

    let in_own_folder = item.dir().join("gen_data.py").is_file();
    let mut run_secs = 0.0;
    for &ranks in &h.ranks {
        let mut cmd = if ranks == 1 {
            Command::new(&exe)
        } else {
            let mut c = Command::new("mpiexec");
            c.arg("-n").arg(ranks.to_string()).arg(&exe);
            c
        };
        // No object may be alive at exit (else the runtime exits with 3).
        cmd.env("BODO_CHECK_LEAKS", "1");
        let run = if in_own_folder {
            let _turn = h.shared_folder.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let out = item.dir().join("out");
            empty_dir(&out)?;
            cmd.current_dir(item.dir());
            let run = process::capture(&mut cmd, RUN_TIMEOUT, &work, &format!("run{ranks}"));
            // The source tree is left as it was, whatever the run did.
            std::fs::remove_dir_all(&out)?;
            run?
        } else {
            cmd.current_dir(&private_cwd);
            process::capture(&mut cmd, RUN_TIMEOUT, &work, &format!("run{ranks}"))?
        };
        record(log, &cmd, &run);
        run_secs += run.elapsed.as_secs_f64();
        if let Some(problem) = expect.problem(&run) {
            let plural = if ranks == 1 { "" } else { "s" };
            return Ok(Err(format!("{ranks} rank{plural}: {problem}")));
        }
    }
    Ok(Ok(format!("build {:.1}s, runs {run_secs:.1}s", built.elapsed.as_secs_f64())))
}

/// Appends a command, how it ended, and its output to `log`.
pub fn record(log: &mut String, cmd: &Command, run: &Captured) {
    let cwd = cmd.get_current_dir().map(|d| d.display().to_string()).unwrap_or_default();
    log.push_str(&format!(
        "$ cd {cwd} && {}\n{} ({:.2} s)\n--- stdout ---\n{}\n--- stderr ---\n{}\n\n",
        process::render(cmd),
        run.end.describe(),
        run.elapsed.as_secs_f64(),
        run.stdout,
        run.stderr
    ));
}

fn empty_dir(dir: &Path) -> Result {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    Ok(())
}
