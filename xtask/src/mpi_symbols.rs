//! Checks that the runtime can run without MPICH linked: every `MPI_*`
//! function `libbodo_rt.a` calls must have a trampoline in
//! `runtime/src/mpi_lazy.rs`, or a program that reaches it fails to link.
//! Data symbols (MPICH's `MPI_UNWEIGHTED`, read only by rsmpi's graph
//! topology helpers, which the runtime never calls) cannot be trampolined
//! and are left out.

use crate::{paths, Result};
use std::collections::BTreeSet;
use std::process::Command;

/// MPICH data symbols rsmpi's C shim mentions and the runtime never uses.
const DATA: [&str; 1] = ["MPI_UNWEIGHTED"];

pub fn check() -> Result {
    let lib = paths::root().join("target/release/libbodo_rt.a");
    let symbols = |flag: &str| -> Result<BTreeSet<String>> {
        let out = Command::new("nm").arg(flag).arg(&lib).output()?;
        if !out.status.success() {
            return Err(format!("nm {flag} {} failed", paths::show(&lib)).into());
        }
        Ok(String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.split_whitespace().last())
            .filter(|s| s.starts_with("MPI_"))
            .map(str::to_string)
            .collect())
    };
    let called = symbols("--undefined-only")?;
    let defined = symbols("--defined-only")?;
    let missing: Vec<_> = called.iter().filter(|s| !defined.contains(*s) && !DATA.contains(&s.as_str())).collect();
    if missing.is_empty() {
        eprintln!("MPI trampolines: all {} MPI functions the runtime calls have one", called.len() - DATA.len());
        Ok(())
    } else {
        let names: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
        Err(format!("runtime/src/mpi_lazy.rs has no trampoline for {}", names.join(", ")).into())
    }
}
