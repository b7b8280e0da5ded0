//! Small-matrix reshuffles: `A.T` / `np.transpose(A)` and `np.diag`.
//! Their results are REP: a transpose turns the distributed rows into
//! columns, which are never split across ranks, and a diagonal is short.

use super::comm::{self, Op};
use super::object::{bytes_mut, copy, data_mut, new_like, ArrObj, Shape};
use super::redist::gather;
use crate::errors::PyResult;
use crate::object::{decref, Header};

/// `a.T`: a REP copy of a 1D array (its own transpose), or the REP
/// transpose of a 2D array (collective when distributed: gathered).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn transpose(a: *mut ArrObj) -> PyResult<*mut ArrObj> {
    let w = gather(a)?;
    let wr = &*w;
    let r = if wr.ndim == 1 {
        copy(wr)
    } else {
        let (rows, cols) = (wr.glen.max(0) as usize, wr.ncols.max(0) as usize);
        new_like(wr, Shape::rep(wr.dtype, 2, cols as i64, rows as i64)).inspect(|&r| {
            let (s, mut d) = (wr.data(), data_mut(r));
            for i in 0..rows {
                for j in 0..cols {
                    d.put(j * rows + i, &s, i * cols + j);
                }
            }
        })
    };
    decref(w as *mut Header);
    r
}

/// `np.diag(v)` of a 1D array: the REP square matrix with `v` on its
/// diagonal (collective when `v` is distributed: gathered).
///
/// # Safety
/// `v` is a live 1D array.
pub unsafe fn diag_matrix(v: *mut ArrObj) -> PyResult<*mut ArrObj> {
    let w = gather(v)?;
    let n = (*w).glen.max(0) as usize;
    let r = new_like(&*w, Shape::rep((*w).dtype, 2, n as i64, n as i64)).inspect(|&r| {
        let (s, mut d) = ((*w).data(), data_mut(r));
        for i in 0..n {
            d.put(i * n + i, &s, i);
        }
    });
    decref(w as *mut Header);
    r
}

/// `np.diag(a)` of a 2D array: its main diagonal as a REP 1D array.
/// Collective when `a` is distributed: each rank fills the elements of
/// the rows it holds, and a bitwise-or allreduce gives every rank all.
///
/// # Safety
/// `a` is a live 2D array.
pub unsafe fn diagonal(a: &ArrObj) -> PyResult<*mut ArrObj> {
    let n = a.glen.min(a.ncols).max(0);
    let r = new_like(a, Shape::rep1(a.dtype, n))?;
    let off = if a.is_dist() { a.offset } else { 0 };
    let (s, mut d) = (a.data(), data_mut(r));
    for i in off.max(0)..(off + a.len).min(n) {
        d.put(i as usize, &s, (i - off) as usize * a.ncols as usize + i as usize);
    }
    if a.is_dist() {
        comm::allreduce(bytes_mut(r), Op::BitOr);
    }
    Ok(r)
}

/// `np.triu(a, k)` (`upper`) or `np.tril(a, k)` of a 2D array: a copy with
/// the elements below (above) the `k`-th diagonal zeroed, in `a`'s layout
/// (each rank its own rows).
///
/// # Safety
/// `a` is a live 2D array.
pub unsafe fn triangle(a: &ArrObj, k: i64, upper: bool) -> PyResult<*mut ArrObj> {
    let r = new_like(a, a.shape())?;
    let (s, mut d, m) = (a.data(), data_mut(r), a.ncols.max(0));
    let off = if a.is_dist() { a.offset } else { 0 };
    for i in 0..a.len.max(0) {
        for j in 0..m {
            let diag = j - (i + off);
            if (upper && diag >= k) || (!upper && diag <= k) {
                d.put((i * m + j) as usize, &s, (i * m + j) as usize);
            }
        }
    }
    Ok(r)
}
