//! Row labels of pandas frames as arrays: a RangeIndex's labels laid out
//! like one of the frame's columns (the same rows on each rank), so a mask
//! selects labels and values alike.

use super::comm;
use super::object::{data_mut, new_like_unfilled, ArrObj, DataMut, Shape};
use super::redist::align;
use super::table::Col;
use crate::errors::{PyErr, PyResult};
use crate::object::{decref, incref, Header};
use bodo_abi::{dtype, exc};

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

/// Values `v` of a Series whose label levels are `b`, used beside labels
/// `a` (one array per level): laid out as `a`'s rows once the labels are
/// found equal, as pandas' alignment by label then changes nothing; a
/// ValueError otherwise, alignment by label being unsupported (collective).
///
/// # Safety
/// `v` and the arrays of `a` and `b` are live 1D arrays.
pub unsafe fn aligned_to_labels(v: *mut ArrObj, a: &[&ArrObj], b: &[*mut ArrObj]) -> PyResult<*mut ArrObj> {
    let mut same = 1i64;
    for (&x, &y) in a.iter().zip(b) {
        if x.glen != (*y).glen {
            same = 0;
            break;
        }
        let y = align(y, x)?;
        let (cx, cy) = (Col::of(x), Col::of(&*y));
        decref(y as *mut Header);
        same &= i64::from((0..cx.len()).all(|i| cx.order(i, &cy, i).is_eq()));
    }
    let mut all = [same];
    if a.first().is_some_and(|x| x.is_dist()) {
        comm::allreduce(&mut all, comm::Op::Min);
    }
    if all[0] == 0 {
        return Err(PyErr::new(
            exc::VALUE_ERROR,
            "Series with different row labels: aligning them by label is not supported yet",
        ));
    }
    match a.first() {
        Some(x) => align(v, x),
        None => {
            incref(v as *mut Header);
            Ok(v)
        }
    }
}
