//! `cargo xtask demo [PROG.py] [-n N]`: from a fresh machine to a compiled
//! program running under MPI: setup, workspace build, `bodoc build`, then
//! `mpiexec -n N` on the executable (default `examples/word_stats.py`, 2 ranks).

use crate::args::Args;
use crate::{cargo, paths, process, setup, Result};
use std::path::PathBuf;
use std::process::Command;

pub fn main(args: &[String]) -> Result {
    let args = Args::parse(args, &["-n"])?;
    if args.positional.len() > 1 {
        return Err("demo takes at most one program".into());
    }
    let root = paths::root();
    let source = match args.positional.first() {
        Some(p) => std::fs::canonicalize(p).map_err(|e| format!("{p}: {e}"))?,
        None => PathBuf::from("examples/word_stats.py"),
    };
    let ranks: usize = args.value("-n").unwrap_or("2").parse().map_err(|_| "-n wants a rank count")?;
    setup::ensure()?;
    cargo::build_workspace()?;
    let out_dir = paths::fresh_scratch("demo")?;
    let stem = source.file_stem().ok_or("the program needs a file name")?;
    let exe = PathBuf::from(paths::show(&out_dir.join(stem)));
    let mut build = Command::new(paths::bodoc());
    build.arg("build").arg(&source).arg("-o").arg(&exe).current_dir(&root);
    process::step(&mut build)?;
    let mut run = Command::new("mpiexec");
    run.arg("-n").arg(ranks.to_string()).arg(&exe).current_dir(&root);
    process::step(&mut run)
}
