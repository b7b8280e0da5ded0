//! The cargo invocations the commands share.

use crate::{paths, process, Result};
use std::process::Command;

/// `cargo ARGS...` in the workspace root, using the cargo that runs xtask.
pub fn command(args: &[&str]) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args(args).current_dir(paths::root());
    cmd
}

/// `cargo build --release --workspace`: bodoc and libbodo_rt.a side by side
/// in target/release, where bodoc looks for the runtime.
pub fn build_workspace() -> Result {
    process::step(&mut command(&["build", "--release", "--workspace"]))
}
