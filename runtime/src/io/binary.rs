//! `np.fromfile(path, dtype, count, offset)` and `a.tofile(path)`: raw
//! native-endian elements, no header, as NumPy reads and writes them.
//!
//! A distributed read gives a 1D_Block array: each rank reads only the
//! bytes of its block. A write of a distributed array goes to one file in
//! global row order: rank 0 makes a temporary file of the final size, every
//! rank writes its rows at their offset, and rank 0 renames it into place,
//! so the file is whole when `tofile` returns on any rank, and never seen
//! half written. Replicated arrays are read and written by each rank alone
//! (also where ranks run different code).

use super::placed::{write_alone, write_part};
use super::{agreed, os_error};
use crate::array::{desc_for, elem_size, new_unfilled, ArrObj, Shape};
use crate::errors::{PyErr, PyResult};
use crate::mpi_env;
use crate::object::{decref, Header};
use bodo_abi::{block_range, dist, dtype, exc};
use std::fs::File;
use std::os::unix::fs::FileExt;

/// `np.fromfile(path, dtype, count, offset)`: `count` elements (all that
/// fit, when negative) of `dt` starting `offset` bytes into the file, split
/// in blocks over the ranks when `dist` is `dist::ONE_D` (collective), whole
/// on this rank when it is `dist::REP`.
pub fn fromfile(path: &str, dt: i64, count: i64, offset: i64, dist_code: i64) -> PyResult<*mut ArrObj> {
    let collective = dist_code == dist::ONE_D;
    let opened = File::open(path).and_then(|f| Ok((f.metadata()?, f))).map_err(|e| os_error(&e, path));
    let (meta, file) = agreed(
        opened.and_then(|(meta, f)| {
            if meta.is_dir() {
                Err(os_error(&std::io::Error::from_raw_os_error(21), path))
            } else {
                Ok((meta, f))
            }
        }),
        collective,
    )?;
    if offset < 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "offset must be non-negative and no greater than file size"));
    }
    let esize = elem_size(dt) as u64;
    let fits = (meta.len().saturating_sub(offset as u64) / esize) as i64;
    let n = if count < 0 { fits } else { count.min(fits) };
    let s = if collective {
        let (start, len) = block_range(n, mpi_env::rank(), mpi_env::size());
        Shape { dtype: dt, ndim: 1, len, ncols: 1, glen: n, offset: start, dist: dist::ONE_D }
    } else {
        Shape::rep1(dt, n)
    };
    let a = new_unfilled(desc_for(dt), s)?;
    // SAFETY: `a` is the new array of `s.len` elements of `esize` bytes.
    let bytes = unsafe { std::slice::from_raw_parts_mut((*a).data, s.len as usize * esize as usize) };
    let read = file.read_exact_at(bytes, offset as u64 + s.offset as u64 * esize).map_err(|e| os_error(&e, path));
    if dt == dtype::BOOL {
        // NumPy's bool is one byte 0 or 1; any other byte reads as True.
        bytes.iter_mut().for_each(|b| *b = u8::from(*b != 0));
    }
    match agreed(read, collective) {
        Ok(()) => Ok(a),
        Err(e) => {
            // SAFETY: `a` is ours and nothing else holds it.
            unsafe { decref(a as *mut Header) };
            Err(e)
        }
    }
}

/// `a.tofile(path)`: the whole array, in global row order, written to
/// `path`; the file is complete on return. A distributed array is written
/// by all ranks together (collective), each its rows; a replicated one by
/// each rank that holds it, alone (all ranks write the same bytes, each
/// through a temporary file of its own, so a rank reading the file next
/// sees it whole whichever rank's copy is in place).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn tofile(a: *mut ArrObj, path: &str) -> PyResult<()> {
    let a = &*a;
    let local = std::slice::from_raw_parts(a.data, a.nelems() * elem_size(a.dtype));
    if !a.is_dist() {
        return write_alone(path, local);
    }
    let row_bytes = elem_size(a.dtype) as u64 * a.ncols.max(0) as u64;
    write_part(path, local, a.offset.max(0) as u64 * row_bytes, a.glen.max(0) as u64 * row_bytes)
}
