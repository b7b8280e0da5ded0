//! Row labels of pandas frames as arrays: a RangeIndex's labels laid out
//! like one of the frame's columns (the same rows on each rank), so a mask
//! selects labels and values alike.

use super::object::{data_mut, new_like_unfilled, ArrObj, DataMut, Shape};
use crate::errors::PyResult;
use bodo_abi::dtype;

/// `start + step * g` for the global row `g` of each row of 1D array `a`.
pub fn range_labels_like(a: &ArrObj, start: i64, step: i64) -> PyResult<*mut ArrObj> {
    let s = Shape { dtype: dtype::INT64, ndim: 1, len: a.len, ncols: 1, glen: a.glen, offset: a.offset, dist: a.dist };
    let r = new_like_unfilled(a, s)?;
    // SAFETY: `r` is new, and nothing else holds it.
    if let DataMut::Int(out) = unsafe { data_mut(r) } {
        for (k, x) in out.iter_mut().enumerate() {
            *x = start.wrapping_add(step.wrapping_mul(a.offset + k as i64));
        }
    }
    Ok(r)
}
