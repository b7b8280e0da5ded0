//! `X[rows, cols]` of a 2D array with int index arrays (or an int beside
//! one): NumPy's paired fancy indexing, element `k` of the result being
//! `X[rows[k], cols[k]]` after the two indices are broadcast together. The
//! result is REP; each rank copies the elements of the rows it holds and an
//! OR over ranks completes it (the collective of `a[idx]`).

use super::comm::{self, Op};
use super::index::{local_row, resolve};
use super::object::{bytes_mut, elem_size, new_like, ArrObj, Shape};
use crate::errors::{PyErr, PyResult};
use bodo_abi::exc;

/// One part of the index: an int64 index array, or one int.
pub enum Part<'a> {
    Arr(&'a ArrObj),
    Int(i64),
}

impl Part<'_> {
    /// The number of indices, None for one int (it broadcasts to any length).
    fn len(&self) -> Option<i64> {
        match self {
            Part::Arr(a) => Some(a.glen),
            Part::Int(_) => None,
        }
    }

    /// Index `k` of the broadcast part, normalised against `size` on `axis`.
    ///
    /// # Safety
    /// An array part is live.
    unsafe fn at(&self, k: usize, size: i64, axis: u8) -> PyResult<i64> {
        let i = match self {
            Part::Arr(a) if a.glen == 1 => a.data().i64_at(0),
            Part::Arr(a) => a.data().i64_at(k),
            Part::Int(i) => *i,
        };
        resolve(i, size, axis)
    }
}

/// `a[rows, cols]` of 2D array `a`, with NumPy's errors: the indices'
/// shapes must broadcast, then every index be in bounds (rows first).
///
/// # Safety
/// `a` and the array parts are live; the parts are REP.
pub unsafe fn take_pairs(a: &ArrObj, rows: Part, cols: Part) -> PyResult<*mut ArrObj> {
    let n = match (rows.len(), cols.len()) {
        (Some(r), Some(c)) if r == c || c == 1 => r,
        (Some(1), Some(c)) => c,
        (Some(r), Some(c)) => {
            let msg =
                format!("shape mismatch: indexing arrays could not be broadcast together with shapes ({r},) ({c},) ");
            return Err(PyErr::new(exc::INDEX_ERROR, msg));
        }
        (r, c) => r.or(c).unwrap_or(1),
    };
    let n = n.max(0) as usize;
    let mut at = Vec::with_capacity(n);
    for k in 0..n {
        at.push((rows.at(k, a.glen, 0)?, 0));
    }
    for (k, p) in at.iter_mut().enumerate() {
        p.1 = cols.at(k, a.ncols, 1)?;
    }
    let r = new_like(a, Shape::rep1(a.dtype, n as i64))?;
    let (w, size) = (a.ncols.max(0) as usize, elem_size(a.dtype));
    let (src, out) = (a.bytes(), bytes_mut(r));
    for (k, &(g, j)) in at.iter().enumerate() {
        if let Some(lr) = local_row(a, g) {
            let from = (lr * w + j as usize) * size;
            out[k * size..(k + 1) * size].copy_from_slice(&src[from..from + size]);
        }
    }
    if a.is_dist() {
        comm::allreduce(out, Op::BitOr);
    }
    Ok(r)
}
