//! `cargo xtask expected FILE.py|DIR...`: regenerates reference outputs with
//! the oracle's `expected.sh` (CPython, pinned NumPy/pandas, the sequential
//! `bodo` stand-in): `../shared/oracle` when present, else `tests/oracle`.

use crate::args::Args;
use crate::{paths, process, Result};
use std::process::Command;

pub fn main(args: &[String]) -> Result {
    let args = Args::parse(args, &[])?;
    if args.positional.is_empty() {
        return Err("usage: cargo xtask expected FILE.py|DIR... (writes FILE.out beside each FILE.py)".into());
    }
    let script = paths::oracle().join("expected.sh");
    process::step(Command::new("bash").arg(script).args(&args.positional))
}
