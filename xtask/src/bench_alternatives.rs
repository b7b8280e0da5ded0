//! What a benchmark workload is timed against. Each workload declares its
//! alternatives in a header comment, `# alternatives: numpy, bodo`; each
//! kind is a variant here with its column heading and command line.

use crate::bench_bodo;
use crate::bench_run::Launch;
use crate::{paths, Result};
use std::path::Path;
use std::process::Command;

/// A way of running a workload other than bodoc's executable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alternative {
    /// `python3 NAME.py` with the sequential `bodo` stand-in on PYTHONPATH.
    CPython,
    /// The same, with the oracle's Python that has NumPy and pandas
    /// (`$ORACLE_VENV`, default `~/.cache/bodo-oracle-venv`): the NumPy baseline.
    NumPy,
    /// The real Bodo from PyPI, SPMD on 2 ranks: the whole process, JIT
    /// compilation included (see `bench_bodo`).
    Bodo,
    /// The same with Bodo's JIT cache on and filled by an untimed run first:
    /// what is left once compilation is paid for.
    BodoCached,
}

impl Alternative {
    fn parse(name: &str) -> Result<Alternative> {
        match name {
            "cpython" => Ok(Alternative::CPython),
            "numpy" => Ok(Alternative::NumPy),
            "bodo" => Ok(Alternative::Bodo),
            "bodo-cached" => Ok(Alternative::BodoCached),
            other => {
                Err(format!("unknown benchmark alternative {other:?} (known: cpython, numpy, bodo, bodo-cached)")
                    .into())
            }
        }
    }

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            Alternative::CPython => "CPython",
            Alternative::NumPy => "NumPy",
            Alternative::Bodo => "Bodo",
            Alternative::BodoCached => "Bodo cached",
        }
    }

    /// Whether it needs the real Bodo installed.
    pub fn is_bodo(self) -> bool {
        matches!(self, Alternative::Bodo | Alternative::BodoCached)
    }

    /// How many processes share the work.
    pub fn ranks(self) -> usize {
        if self.is_bodo() {
            bench_bodo::RANKS
        } else {
            1
        }
    }

    /// Timed runs: Bodo's take seconds each (its JIT), CPython's and
    /// NumPy's a second or two, and more of them find the quiet moments of
    /// this noisy machine, as bodoc's own runs do.
    pub fn repeats(self) -> usize {
        if self.is_bodo() {
            3
        } else {
            5
        }
    }

    /// Untimed runs before the timed ones (to fill a cache).
    pub fn warm_up_runs(self) -> usize {
        usize::from(self == Alternative::BodoCached)
    }

    /// How to run the workload `source` this way; `work` is a path prefix in
    /// the scratch directory for this run's files.
    pub fn launch(self, source: &Path, work: &Path) -> Launch {
        let oracle_python = |python: &Path| {
            let mut command = Command::new(python);
            command.arg(source).env("PYTHONPATH", paths::oracle()).env("PYTHONHASHSEED", "0");
            Launch { command, rank0_stdout: None }
        };
        match self {
            Alternative::CPython => oracle_python(Path::new("python3")),
            Alternative::NumPy => {
                let venv = std::env::var_os("ORACLE_VENV").map(std::path::PathBuf::from).unwrap_or_else(|| {
                    let home = std::env::var_os("HOME").unwrap_or_default();
                    Path::new(&home).join(".cache/bodo-oracle-venv")
                });
                oracle_python(&venv.join("bin/python"))
            }
            Alternative::Bodo => bench_bodo::launch(source, work, None),
            Alternative::BodoCached => {
                let mut cache = work.as_os_str().to_owned();
                cache.push(".jit-cache");
                bench_bodo::launch(source, work, Some(Path::new(&cache)))
            }
        }
    }
}

/// The alternatives a workload's source declares with `# alternatives: a, b`.
pub fn declared(source: &str) -> Result<Vec<Alternative>> {
    let line = source
        .lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.trim_start_matches('#').trim().strip_prefix("alternatives:"))
        .ok_or("no `# alternatives: ...` line in the header comment")?;
    line.split(',').map(str::trim).filter(|n| !n.is_empty()).map(Alternative::parse).collect()
}

#[cfg(test)]
mod tests {
    use super::{declared, Alternative};

    #[test]
    fn header_declares_alternatives() {
        assert_eq!(
            declared("# nested loops\n# alternatives: cpython\nimport bodo\n").unwrap(),
            vec![Alternative::CPython]
        );
        assert_eq!(
            declared("# pi\n# alternatives: numpy, bodo, bodo-cached\n").unwrap(),
            vec![Alternative::NumPy, Alternative::Bodo, Alternative::BodoCached]
        );
        assert!(declared("import bodo\n# alternatives: cpython\n").is_err());
        assert!(declared("# alternatives: cpython, fortran\n").is_err());
    }
}
