//! Writing a file so that nobody sees it half written: through a temporary
//! file renamed into place. A replicated value is written by each rank
//! alone through a temporary of its own; a distributed one by all ranks
//! together, rank 0 making the temporary of the final size, each rank
//! writing its bytes at their offset and rank 0 renaming it once all
//! succeeded (removing it otherwise), with every step's error agreed on.

use super::{agreed, os_error};
use crate::errors::PyResult;
use crate::mpi_env;
use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::path::Path;

/// `bytes` as the whole file `path`, written by this rank alone.
pub fn write_alone(path: &str, bytes: &[u8]) -> PyResult<()> {
    write_alone_with(path, |tmp| {
        File::create(tmp).and_then(|f| f.write_all_at(bytes, 0)).map_err(|e| os_error(&e, path))
    })
}

/// The file `path`, made by this rank alone by `write` (given the path to
/// write to).
pub fn write_alone_with(path: &str, write: impl FnOnce(&Path) -> PyResult<()>) -> PyResult<()> {
    let tmp = format!("{path}.bodo-partial-{}-{}", mpi_env::rank(), std::process::id());
    let placed = write(Path::new(&tmp)).and_then(|()| std::fs::rename(&tmp, path).map_err(|e| os_error(&e, path)));
    if placed.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    placed
}

/// This rank's `bytes` at byte `at` of the file `path` of `total` bytes
/// that all ranks write together (collective).
pub fn write_part(path: &str, bytes: &[u8], at: u64, total: u64) -> PyResult<()> {
    let rank0 = mpi_env::rank() == 0;
    let tmp = format!("{path}.bodo-partial");
    let made =
        if rank0 { File::create(&tmp).and_then(|f| f.set_len(total)).map_err(|e| os_error(&e, path)) } else { Ok(()) };
    agreed(made, true)?;
    let wrote = if bytes.is_empty() {
        Ok(())
    } else {
        OpenOptions::new()
            .write(true)
            .open(&tmp)
            .and_then(|f| f.write_all_at(bytes, at))
            .map_err(|e| os_error(&e, path))
    };
    let wrote = agreed(wrote, true);
    let placed = match (&wrote, rank0) {
        (Ok(()), true) => std::fs::rename(&tmp, path).map_err(|e| os_error(&e, path)),
        (Err(_), true) => {
            let _ = std::fs::remove_file(&tmp);
            Ok(())
        }
        _ => Ok(()),
    };
    wrote?;
    agreed(placed, true)
}
