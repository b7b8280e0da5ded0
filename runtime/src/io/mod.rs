//! Files: raw binary arrays (`np.fromfile`/`ndarray.tofile`, `binary.rs`)
//! and tables read into one array per column (`table.rs`) from CSV
//! (`csv.rs`) and parquet (`parquet.rs`) files, and frames written to
//! them (`write.rs`). Every rank opens
//! the files itself (the ranks share one file system) and reads or writes
//! only its own rows; what fails on one rank of a distributed read or
//! write fails on all of them ([`agreed`]), so no rank waits in a
//! collective the others never reach. Replicated reads and writes never
//! communicate: each rank does the whole work alone.

mod binary;
pub mod csv;
pub mod parquet;
mod placed;
#[cfg(test)]
mod rank_tests;
mod table;
pub mod write;

pub use binary::{fromfile, tofile};
pub use table::into_tuple;

use crate::array::comm::{self, Op};
use crate::errors::{PyErr, PyResult};
use crate::mpi_env;
use bodo_abi::exc;

/// Python's exception for an OS error on `path`, as `open()` raises it:
/// `FileNotFoundError: [Errno 2] No such file or directory: 'x.bin'`.
pub fn os_error(e: &std::io::Error, path: &str) -> PyErr {
    let class = match e.kind() {
        std::io::ErrorKind::NotFound => exc::FILE_NOT_FOUND_ERROR,
        std::io::ErrorKind::PermissionDenied => exc::PERMISSION_ERROR,
        _ => exc::OS_ERROR,
    };
    let msg = match e.raw_os_error() {
        // Rust appends " (os error N)" to strerror's text; Python prefixes it.
        Some(n) => {
            let text = std::io::Error::from_raw_os_error(n).to_string();
            let text = text.split(" (os error").next().unwrap_or_default().to_string();
            format!("[Errno {n}] {text}: {}", quoted(path))
        }
        None => format!("{e}: {}", quoted(path)),
    };
    PyErr::new(class, msg)
}

/// `repr` of a path as Python shows it in an error (single quotes unless
/// the path holds one).
fn quoted(path: &str) -> String {
    if path.contains('\'') && !path.contains('"') {
        format!("\"{path}\"")
    } else {
        format!("'{}'", path.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

/// `r` on every rank if every rank succeeded, else the error of the
/// lowest-numbered rank that failed, on all of them: a collective when
/// `collective`, else `r` itself (a replicated read or write runs where
/// ranks may run different code, a parallel loop's body or a branch on the
/// rank, so it must not wait for the others).
pub fn agreed<T>(r: PyResult<T>, collective: bool) -> PyResult<T> {
    if !collective || mpi_env::world().is_none() {
        return r;
    }
    let (rank, size) = (mpi_env::rank(), mpi_env::size());
    let mut first = [if r.is_err() { rank } else { size }];
    comm::allreduce(&mut first, Op::Min);
    if first[0] == size {
        return r;
    }
    let (class, msg) = match (&r, rank == first[0]) {
        (Err(e), true) => (e.class, e.msg.clone()),
        _ => (0, String::new()),
    };
    let mut class = [class];
    comm::allreduce(&mut class, Op::Sum);
    let text = comm::allgatherv_vec(msg.as_bytes())?;
    Err(PyErr::new(class[0], String::from_utf8_lossy(&text).into_owned()))
}
