//! NumPy's broadcasting of a 2D operand whose one-row (`(1, m)`) or
//! one-column (`(n, 1)`) shape the compiler could not see (a variable, a
//! function's argument, a value returned by another function): before a
//! fused loop, such an operand is expanded to the widest operand's shape. Operands whose shape
//! is known to be a row or a column never get here (`ir/kernel_broadcast.rs`
//! reads them in place).

use super::object::{data_mut, new_like, ArrObj, Shape};
use super::redist::gather;
use crate::errors::PyResult;
use crate::object::{decref, incref, Header};

/// `v` expanded to the shape and layout of `like` when `v` is a row
/// `(1, m)` or a column `(n, 1)` that broadcasts to `like`'s `(n, m)`, else
/// `v` itself (a new reference; the loop's shape check reports a mismatch).
/// Collective when `v` is a distributed row (every rank sees the same
/// global shapes, so all take this branch).
///
/// # Safety
/// `v` and `like` are live arrays.
pub unsafe fn broadcast_like(v: *mut ArrObj, like: &ArrObj) -> PyResult<*mut ArrObj> {
    let a = &*v;
    let both_2d = a.ndim == 2 && like.ndim == 2;
    let row = both_2d && a.glen == 1 && like.glen != 1 && a.ncols == like.ncols;
    // A column is aligned with the loop's rows already (same rows held here).
    let col = both_2d && a.ncols == 1 && like.ncols != 1 && a.glen == like.glen && a.len == like.len;
    if !row && !col {
        incref(v as *mut Header);
        return Ok(v);
    }
    let w = if row { gather(v)? } else { v };
    let r = new_like(a, Shape { dtype: a.dtype, ..like.shape() });
    if let Ok(r) = r {
        let (s, mut d, m) = ((*w).data(), data_mut(r), like.ncols.max(0) as usize);
        for i in 0..like.len.max(0) as usize {
            for j in 0..m {
                d.put(i * m + j, &s, if row { j } else { i });
            }
        }
    }
    if row {
        decref(w as *mut Header);
    }
    r
}
