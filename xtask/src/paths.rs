//! Where things are: the workspace root, the compiler binary, the scratch
//! space under `target/`, and `../shared` when it sits beside the checkout.

use std::path::{Path, PathBuf};

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits inside the workspace").to_path_buf()
}

/// The compiler under test: `target/release/bodoc`, unless the `BODOC`
/// environment variable names another binary (for example a stand-in used to
/// exercise the harness itself).
pub fn bodoc() -> PathBuf {
    match std::env::var_os("BODOC") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => root().join("target/release/bodoc"),
    }
}

/// The `tests/` directory.
pub fn tests() -> PathBuf {
    root().join("tests")
}

/// A scratch directory `target/xtask/NAME`, created empty, this process's
/// alone until it exits: a second `cargo xtask test` started meanwhile (in
/// another terminal, or by a helper) waits for the first instead of
/// emptying the folder under it, which failed the first run's items with
/// "No such file or directory". The lock is on `target/xtask/NAME.lock`
/// and goes with the process (xtask commands are one-shot).
pub fn fresh_scratch(name: &str) -> std::io::Result<PathBuf> {
    let base = root().join("target/xtask");
    std::fs::create_dir_all(&base)?;
    let lock = std::fs::File::create(base.join(format!("{name}.lock")))?;
    if lock.try_lock().is_err() {
        eprintln!("waiting for another `cargo xtask` using target/xtask/{name} to finish...");
        lock.lock()?;
    }
    // Held until the process exits, when the system releases it.
    std::mem::forget(lock);
    let dir = base.join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// `../shared` (specification, conformance corpus, oracle), when present.
pub fn shared() -> Option<PathBuf> {
    let dir = root().parent()?.join("shared");
    dir.is_dir().then_some(dir)
}

/// The oracle (sequential `bodo` stand-in and `expected.sh`): the shared one
/// when present, else the vendored copy in `tests/oracle`.
pub fn oracle() -> PathBuf {
    shared().map(|s| s.join("oracle")).filter(|o| o.is_dir()).unwrap_or_else(|| tests().join("oracle"))
}

/// `path` relative to the workspace root, for display.
pub fn show(path: &Path) -> String {
    let root = root();
    path.strip_prefix(&root).unwrap_or(path).display().to_string()
}
