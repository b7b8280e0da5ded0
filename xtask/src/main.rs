//! `cargo xtask`: the project's developer commands (setup, demo, test, bench,
//! oracle helpers). This file only dispatches; each command lives in the
//! module named after it. Std only: xtask must run on a fresh machine before
//! LLVM or MPI are installed.

mod args;
mod bench;
mod bench_alternatives;
mod bench_bodo;
mod bench_ceiling;
mod bench_rounds;
mod bench_run;
mod bench_table;
mod cargo;
mod compare;
mod demo;
mod diagnostics;
mod e2e;
mod expected;
mod machine;
mod mpi_symbols;
mod paths;
mod pool;
mod process;
mod program;
mod selection;
mod setup;
mod suite;
mod sync;

use std::process::ExitCode;

/// The error type of every command: a message for the user.
pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

const USAGE: &str = "\
usage: cargo xtask COMMAND [OPTIONS]

commands:
  setup                      check build requirements (LLVM 19, MPICH, libclang, zstd); apt-get install what is missing
  demo [PROG.py] [-n N]      setup, build the workspace, compile examples/word_stats.py (or PROG.py), run it on N=2 ranks
  test [--filter S] [--ranks 1,2,3]
                             the whole suite (what CI runs): setup, build, unit tests, rustfmt check,
                             the runtime's MPI trampolines, then conformance programs and diagnostics fixtures end to end;
                             --filter keeps the end-to-end items whose name contains S and skips unit tests and rustfmt
  bench [--filter S]         time bench/*.py compiled by bodoc (1 and 2 ranks) against the alternatives each declares
                             (CPython, NumPy, the real Bodo); writes bench/RESULTS.md
  expected FILE.py|DIR...    regenerate reference .out files with the CPython oracle
  bless-diagnostics [--filter S]
                             rewrite tests/diagnostics/*.stderr from the current `bodoc check` output (review the diff!)
  sync-shared                refresh tests/conformance and tests/oracle from ../shared
";

fn main() -> ExitCode {
    let mut argv = std::env::args().skip(1);
    let command = argv.next().unwrap_or_default();
    let rest: Vec<String> = argv.collect();
    let outcome = match command.as_str() {
        "setup" => setup::main(&rest),
        "demo" => demo::main(&rest),
        "test" => suite::main(&rest),
        "bench" => bench::main(&rest),
        "expected" => expected::main(&rest),
        "bless-diagnostics" => diagnostics::bless_main(&rest),
        "sync-shared" => sync::main(&rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
