//! What a benchmark workload is timed against. Each workload declares its
//! alternatives in a header comment, `# alternatives: cpython`; new kinds
//! (a NumPy rewrite, Bodo itself) become new variants here.

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
}

impl Alternative {
    fn parse(name: &str) -> Result<Alternative> {
        match name {
            "cpython" => Ok(Alternative::CPython),
            "numpy" => Ok(Alternative::NumPy),
            other => Err(format!("unknown benchmark alternative {other:?} (known: cpython, numpy)").into()),
        }
    }

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            Alternative::CPython => "CPython",
            Alternative::NumPy => "NumPy",
        }
    }

    /// The command that runs the workload `source` this way.
    pub fn command(self, source: &Path) -> Command {
        match self {
            Alternative::CPython => {
                let mut cmd = Command::new("python3");
                cmd.arg(source).env("PYTHONPATH", paths::oracle()).env("PYTHONHASHSEED", "0");
                cmd
            }
            Alternative::NumPy => {
                let venv = std::env::var_os("ORACLE_VENV").map(std::path::PathBuf::from).unwrap_or_else(|| {
                    let home = std::env::var_os("HOME").unwrap_or_default();
                    Path::new(&home).join(".cache/bodo-oracle-venv")
                });
                let mut cmd = Command::new(venv.join("bin/python"));
                cmd.arg(source).env("PYTHONPATH", paths::oracle()).env("PYTHONHASHSEED", "0");
                cmd
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
        assert!(declared("import bodo\n# alternatives: cpython\n").is_err());
        assert!(declared("# alternatives: cpython, fortran\n").is_err());
    }
}
