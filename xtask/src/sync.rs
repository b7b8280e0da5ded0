//! `cargo xtask sync-shared`: refreshes the vendored copies
//! `tests/conformance` and `tests/oracle` from `../shared`, so that a clone
//! without `shared/` beside it (CI) still has the corpus and the oracle.

use crate::args::Args;
use crate::{paths, Result};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

pub fn main(args: &[String]) -> Result {
    Args::parse_options(args, &[])?;
    let shared = paths::shared().ok_or("no ../shared beside the workspace")?;
    for part in ["conformance", "oracle"] {
        let (from, to) = (shared.join(part), paths::tests().join(part));
        if to.exists() {
            fs::remove_dir_all(&to)?;
        }
        let files = copy_tree(&from, &to)?;
        println!("{} -> {}: {files} files", from.display(), paths::show(&to));
    }
    println!("review with `git status tests/` and commit");
    Ok(())
}

/// Copies `from` into `to` (mode 0644, or 0755 for executables), leaving out
/// run-time debris: `out/` folders and Python caches. Returns the file count.
fn copy_tree(from: &Path, to: &Path) -> Result<usize> {
    fs::create_dir_all(to)?;
    let mut count = 0;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        let (src, dst) = (entry.path(), to.join(&name));
        if entry.file_type()?.is_dir() {
            if name != "out" && name != "__pycache__" {
                count += copy_tree(&src, &dst)?;
            }
        } else if src.extension().is_none_or(|e| e != "pyc") {
            fs::copy(&src, &dst)?;
            let executable = entry.metadata()?.permissions().mode() & 0o111 != 0;
            fs::set_permissions(&dst, fs::Permissions::from_mode(if executable { 0o755 } else { 0o644 }))?;
            count += 1;
        }
    }
    Ok(count)
}
