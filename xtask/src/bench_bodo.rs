//! The real Bodo from PyPI as a benchmark alternative: its virtualenv
//! (created on demand with `python3 -m venv` and `pip install bodo
//! 'pandas<3' scipy`) and the SPMD command line that runs a workload with it.

use crate::bench_run::Launch;
use crate::{process, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Ranks Bodo runs on, under `mpiexec`.
pub const RANKS: usize = 2;

/// Run by `python -c` before the workload when Bodo's JIT cache is wanted:
/// the sources say plain `@bodo.jit`, so `cache=True` is added to every
/// decorator by wrapping `bodo.jit` itself before the workload imports it.
/// `bodo.decorators` first: importing it (lazily, on the first `bodo.jit`
/// call otherwise) replaces `bodo.jit`, which would undo the wrapping.
const WITH_CACHE: &str = "\
import runpy, sys
import bodo, bodo.decorators
jit = bodo.jit
bodo.jit = lambda *args, **options: jit(*args, **{'cache': True, **options})
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name='__main__')
";

/// `${XDG_CACHE_HOME:-$HOME/.cache}/bodo-real-venv`.
fn venv() -> PathBuf {
    let cache = match std::env::var_os("XDG_CACHE_HOME") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(&std::env::var_os("HOME").unwrap_or_default()).join(".cache"),
    };
    cache.join("bodo-real-venv")
}

/// The venv's Python.
fn python() -> PathBuf {
    venv().join("bin/python")
}

/// The packages installed: Bodo, the pandas it supports, and SciPy, without
/// which Numba (so Bodo) cannot compile `np.dot` ("scipy 0.16+ is required
/// for linear algebra"); pip's bodo does not depend on it.
const PACKAGES: [&str; 3] = ["bodo", "pandas<3", "scipy"];

/// Whether Bodo is importable from the venv, installing it first when
/// missing; when it cannot be (for example offline), says why and is false.
pub fn ensure() -> bool {
    if has_packages(&python()) {
        return true;
    }
    eprintln!("bench: installing the real Bodo from PyPI into {}", venv().display());
    match install() {
        Ok(()) => true,
        Err(why) => {
            eprintln!("bench: no Bodo columns: {why}");
            false
        }
    }
}

/// `python3 -m venv VENV` unless it exists, then `pip install` the [`PACKAGES`].
fn install() -> Result {
    let (venv, python) = (venv(), python());
    if !python.is_file() {
        process::step(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    process::step(Command::new(venv.join("bin/pip")).arg("install").args(PACKAGES))?;
    if has_packages(&python) {
        Ok(())
    } else {
        Err(format!("bodo or scipy is still not importable with {}", python.display()).into())
    }
}

/// Whether `python` finds the `bodo` and `scipy` packages (without
/// importing them: that takes a second).
fn has_packages(python: &Path) -> bool {
    let check = "import importlib.util as u, sys; sys.exit(not all(u.find_spec(p) for p in ('bodo', 'scipy')))";
    Command::new(python).args(["-c", check]).output().is_ok_and(|out| out.status.success())
}

/// `mpiexec -n 2 PYTHON SOURCE` in SPMD mode (`BODO_SPAWN_MODE=0`: every
/// rank runs the script and the jit functions run on all ranks, as
/// bodoc's executable does, instead of a driver process spawning workers).
/// Every rank runs the driver code and prints, so each rank's stdout goes to
/// `WORK.rank<R>.stdout` and only rank 0's is kept. With `cache`, the JIT
/// cache is on and kept in that directory.
pub fn launch(source: &Path, work: &Path, cache: Option<&Path>) -> Launch {
    let mut command = Command::new("mpiexec");
    command.args(["-n", &RANKS.to_string(), "-outfile-pattern"]).arg(rank_stdout(work, "%r")).arg(python());
    if let Some(dir) = cache {
        command.args(["-c", WITH_CACHE]).env("NUMBA_CACHE_DIR", dir);
    }
    command.arg(source).env("BODO_SPAWN_MODE", "0");
    Launch { command, rank0_stdout: Some(rank_stdout(work, "0")) }
}

fn rank_stdout(work: &Path, rank: &str) -> PathBuf {
    let mut name = work.as_os_str().to_owned();
    name.push(format!(".rank{rank}.stdout"));
    PathBuf::from(name)
}
