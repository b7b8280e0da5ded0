//! The build cache: a rebuild of an unchanged program copies the executable
//! made last time. The key covers everything that changes the output: the
//! source and its name, the compiler's own build, the runtime library and
//! the flags. Entries and outputs are written under a temporary name and
//! renamed, so concurrent builds never see half-written files.
//!
//! The cache is bounded, as ccache is: after each store the least recently
//! used entries go until the cache fits its limit (`BODOC_CACHE_SIZE_MB`,
//! default 1024). Every new compiler build changes every key, so without a
//! bound the entries of earlier builds would pile up forever.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

/// `$XDG_CACHE_HOME/bodoc`, else `~/.cache/bodoc`.
pub fn dir() -> PathBuf {
    if let Some(x) = std::env::var_os("XDG_CACHE_HOME").filter(|x| !x.is_empty()) {
        return PathBuf::from(x).join("bodoc");
    }
    if let Some(h) = std::env::var_os("HOME") {
        return PathBuf::from(h).join(".cache").join("bodoc");
    }
    std::env::temp_dir().join("bodoc-cache")
}

/// A file's identity for the key: its size and modification time (hashing
/// the compiler's whole binary on every build would cost more than a hit saves).
fn stamp(p: &Path) -> String {
    match std::fs::metadata(p) {
        Ok(m) => format!("{}:{:?}", m.len(), m.modified().ok()),
        Err(_) => "missing".into(),
    }
}

/// The cache key of a build: everything that changes the executable (the
/// compiler and runtime, the source and its name, and `flags`, the build
/// options that reach code generation, as text).
pub fn key(source: &str, name: &str, flags: &str, runtime: &Path) -> String {
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION"));
    if let Ok(exe) = std::env::current_exe() {
        h.update(stamp(&exe));
    }
    h.update(stamp(runtime));
    h.update(flags.as_bytes());
    h.update([0]);
    h.update(name.as_bytes());
    h.update([0]);
    h.update(source.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The cached executable for `key`, marked as just used. An entry built
/// from data files (their schemas are baked in) that changed since is
/// dropped, so the rebuild can take its place.
pub fn lookup(key: &str) -> Option<PathBuf> {
    let entry = dir().join(key);
    let p = entry.join("prog");
    if !p.exists() {
        return None;
    }
    let deps = std::fs::read_to_string(entry.join(DEPS)).unwrap_or_default();
    let stale = deps.lines().any(|l| {
        let mut parts = l.splitn(3, '\t');
        let (Some(stamped), Some(hash), Some(path)) = (parts.next(), parts.next(), parts.next()) else { return true };
        let p = Path::new(path);
        // The same size and modification time are taken for the same
        // contents, as for the compiler's own binary; else the hash decides.
        data_stamp(p) != stamped && data_hash(p) != hash
    });
    if stale {
        let _ = std::fs::remove_dir_all(&entry);
        return None;
    }
    // Pruning goes by the executable's modification time: a hit renews it.
    if let Ok(f) = std::fs::OpenOptions::new().write(true).open(&p) {
        let _ = f.set_modified(SystemTime::now());
    }
    Some(p)
}

/// The entry's list of the data files it was built from: `stamp\thash\tpath` lines.
const DEPS: &str = "deps";

/// The identity of a data file, or of a directory's files: sizes and
/// modification times.
fn data_stamp(p: &Path) -> String {
    data_files(p).iter().map(|f| format!("{}={} ", f.display(), stamp(f))).collect()
}

/// A data file, or a directory's files (parquet part files) in name order.
fn data_files(p: &Path) -> Vec<PathBuf> {
    if !p.is_dir() {
        return vec![p.to_path_buf()];
    }
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(p).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    files
}

/// The content hash of a data file, or of a directory's files (parquet
/// part files) in name order; empty when unreadable.
fn data_hash(p: &Path) -> String {
    let mut h = Sha256::new();
    for f in data_files(p).iter().filter(|f| f.is_file()) {
        h.update(f.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default());
        h.update([0]);
        // In pieces: a data file may be larger than memory.
        let Ok(mut file) = std::fs::File::open(f) else { return String::new() };
        let mut buf = vec![0u8; 1 << 20];
        loop {
            match std::io::Read::read(&mut file, &mut buf) {
                Ok(0) => break,
                Ok(n) => h.update(&buf[..n]),
                Err(_) => return String::new(),
            }
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Save an executable under `key`, with the data files `deps` it was built
/// from; a failure only costs a future rebuild.
pub fn store(key: &str, exe: &Path, deps: &[PathBuf]) {
    let d = dir();
    let entry = d.join(key);
    if entry.exists() {
        return;
    }
    let tmp = d.join(format!("{key}.tmp.{}", std::process::id()));
    let listed: String = deps
        .iter()
        .filter_map(|d| std::path::absolute(d).ok())
        .map(|d| format!("{}\t{}\t{}\n", data_stamp(&d), data_hash(&d), d.display()))
        .collect();
    let ok = std::fs::create_dir_all(&tmp).is_ok()
        && std::fs::copy(exe, tmp.join("prog")).is_ok()
        && std::fs::write(tmp.join(DEPS), listed).is_ok();
    if !ok || std::fs::rename(&tmp, &entry).is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    prune(&d, limit_bytes());
}

/// The cache's size limit: `BODOC_CACHE_SIZE_MB` megabytes, default 1024.
fn limit_bytes() -> u64 {
    let mb = std::env::var("BODOC_CACHE_SIZE_MB").ok().and_then(|v| v.trim().parse::<u64>().ok());
    mb.unwrap_or(1024).saturating_mul(1 << 20)
}

/// Removes the least recently used entries of the cache in `d` until it
/// holds at most `limit` bytes. Entries another build is writing (their
/// temporary directories) are left alone; a failed removal (a concurrent
/// prune got there first) is ignored.
fn prune(d: &Path, limit: u64) {
    let Ok(dir) = std::fs::read_dir(d) else { return };
    let mut entries: Vec<(SystemTime, u64, PathBuf)> = dir
        .filter_map(|e| {
            let path = e.ok()?.path();
            if path.file_name()?.to_str()?.contains(".tmp.") {
                return None;
            }
            let m = std::fs::metadata(path.join("prog")).ok()?;
            Some((m.modified().ok()?, m.len(), path))
        })
        .collect();
    let mut total: u64 = entries.iter().map(|e| e.1).sum();
    if total <= limit {
        return;
    }
    entries.sort_by_key(|e| e.0);
    for (_, len, path) in entries {
        if total <= limit {
            break;
        }
        let _ = std::fs::remove_dir_all(&path);
        total = total.saturating_sub(len);
    }
}

/// A private scratch directory for one build.
pub fn scratch_dir() -> Result<PathBuf, String> {
    let base = std::env::temp_dir();
    for i in 0..1000 {
        let p = base.join(format!("bodoc-{}-{i}", std::process::id()));
        if std::fs::create_dir(&p).is_ok() {
            return Ok(p);
        }
    }
    Err("cannot create a temporary directory".into())
}

fn temp_beside(dst: &Path) -> PathBuf {
    let name = dst.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    dst.with_file_name(format!(".{name}.tmp.{}", std::process::id()))
}

pub fn copy_atomically(src: &Path, dst: &Path) -> Result<(), String> {
    let tmp = temp_beside(dst);
    std::fs::copy(src, &tmp).map_err(|e| format!("cannot write {}: {e}", dst.display()))?;
    std::fs::rename(&tmp, dst).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot write {}: {e}", dst.display())
    })
}

pub fn move_atomically(src: &Path, dst: &Path) -> Result<(), String> {
    // A rename across file systems fails; fall back to copy + rename.
    if std::fs::rename(src, dst).is_ok() {
        return Ok(());
    }
    copy_atomically(src, dst)
}

pub fn write_atomically(dst: &Path, bytes: &[u8]) -> Result<(), String> {
    let tmp = temp_beside(dst);
    std::fs::write(&tmp, bytes).map_err(|e| format!("cannot write {}: {e}", dst.display()))?;
    std::fs::rename(&tmp, dst).map_err(|e| format!("cannot write {}: {e}", dst.display()))
}

pub fn clean() -> Result<(), String> {
    let d = dir();
    if d.exists() {
        std::fs::remove_dir_all(&d).map_err(|e| format!("cannot remove {}: {e}", d.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// An entry `name` whose executable has `len` bytes and was last used `age` s ago.
    fn entry(d: &Path, name: &str, len: usize, age: u64) {
        let e = d.join(name);
        std::fs::create_dir_all(&e).unwrap();
        std::fs::write(e.join("prog"), vec![0u8; len]).unwrap();
        let f = std::fs::OpenOptions::new().write(true).open(e.join("prog")).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(age)).unwrap();
    }

    #[test]
    fn prune_drops_least_recently_used_until_under_limit() {
        let d = std::env::temp_dir().join(format!("bodoc-prune-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        entry(&d, "old", 400, 300);
        entry(&d, "mid", 400, 200);
        entry(&d, "new", 400, 100);
        entry(&d, "busy.tmp.1", 400, 900);
        prune(&d, 900);
        let left = |n: &str| d.join(n).exists();
        assert!(!left("old") && left("mid") && left("new") && left("busy.tmp.1"));
        prune(&d, 2000);
        assert!(left("mid") && left("new"));
        let _ = std::fs::remove_dir_all(&d);
    }
}
