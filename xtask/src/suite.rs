//! `cargo xtask test`: the whole suite, as CI runs it. Setup, release build
//! of the workspace, unit tests, rustfmt check, the runtime's MPI
//! trampolines, then the end-to-end harness.
//! Every stage after the build runs even when an earlier one failed.

use crate::args::Args;
use crate::{cargo, e2e, mpi_symbols, process, setup, Result};

pub fn main(args: &[String]) -> Result {
    let args = Args::parse_options(args, &["--filter", "--ranks"])?;
    let opts = e2e::Options {
        filter: args.value("--filter").map(str::to_string),
        ranks: e2e::parse_ranks(args.value("--ranks").unwrap_or("1,2,3"))?,
    };
    setup::ensure()?;
    cargo::build_workspace()?;
    let mut failed: Vec<&str> = Vec::new();
    if opts.filter.is_none() {
        let stages: [(&str, &[&str]); 2] =
            [("unit tests", &["test", "--release", "--workspace"]), ("rustfmt", &["fmt", "--all", "--", "--check"])];
        for (stage, cargo_args) in stages {
            if let Err(e) = process::step(&mut cargo::command(cargo_args)) {
                eprintln!("error: {e}");
                failed.push(stage);
            }
        }
        if let Err(e) = mpi_symbols::check() {
            eprintln!("error: {e}");
            failed.push("MPI trampolines");
        }
    } else {
        eprintln!("test: --filter given, skipping unit tests and the rustfmt check");
    }
    match e2e::run(&opts) {
        Ok(true) => {}
        Ok(false) => failed.push("end-to-end"),
        Err(e) => {
            eprintln!("error: {e}");
            failed.push("end-to-end");
        }
    }
    if failed.is_empty() {
        println!("test: all stages passed");
        Ok(())
    } else {
        Err(format!("test: failed stages: {}", failed.join(", ")).into())
    }
}
