//! `np.split(a, sections)` and `np.array_split(a, sections)` along the rows:
//! a list of REP arrays (the pieces of the gathered array), cut into
//! `sections` nearly equal pieces (the first `n % sections` one row
//! longer) or at the given row indices, as NumPy cuts them.

use super::object::{bytes_mut, new_like, ArrObj, Shape};
use super::redist::gather;
use crate::errors::{PyErr, PyResult};
use crate::list;
use crate::object::{decref, Header, ListObj, TypeDesc};
use bodo_abi::exc;

/// The row ranges of the pieces of `n` rows: at `indices` (each a slice
/// bound, normalised as Python's slices are), or `sections` pieces, all
/// equal when `equal` (`np.split`), with NumPy's errors.
///
/// # Safety
/// `indices` is a live int64 array.
unsafe fn pieces(n: i64, indices: Option<&ArrObj>, sections: i64, equal: bool) -> PyResult<Vec<(i64, i64)>> {
    if let Some(ix) = indices {
        let bound = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
        let data = ix.data();
        let mut cuts = vec![0];
        cuts.extend((0..ix.glen.max(0) as usize).map(|k| bound(data.i64_at(k))));
        cuts.push(n);
        return Ok(cuts.windows(2).map(|w| (w[0], w[1].max(w[0]))).collect());
    }
    if equal && sections == 0 {
        return Err(PyErr::new(exc::ZERO_DIVISION_ERROR, "integer modulo by zero"));
    }
    if equal && n % sections != 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "array split does not result in an equal division"));
    }
    if sections <= 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "number sections must be larger than 0."));
    }
    let (each, extra) = (n / sections, n % sections);
    let mut lo = 0;
    Ok((0..sections)
        .map(|k| {
            let hi = lo + each + i64::from(k < extra);
            let r = (lo, hi);
            lo = hi;
            r
        })
        .collect())
}

/// The pieces of array `a` along its rows, a new list of type `d`.
/// Collective when `a` is distributed (it is gathered).
///
/// # Safety
/// `a` and `indices` are live arrays; `d` is the descriptor of a list of
/// arrays of `a`'s dtype.
pub unsafe fn split(
    a: *mut ArrObj,
    indices: Option<&ArrObj>,
    sections: i64,
    equal: bool,
    d: *const TypeDesc,
) -> PyResult<*mut ListObj> {
    let ranges = pieces((*a).glen, indices, sections, equal)?;
    let g = gather(a)?;
    let whole = &*g;
    let out = list::new(d, ranges.len() as i64);
    let rb = whole.row_bytes();
    for (lo, hi) in ranges {
        let piece = new_like(whole, Shape::rep(whole.dtype, whole.ndim, hi - lo, whole.ncols));
        match piece {
            Ok(p) => {
                let (lo, hi) = (lo as usize * rb, hi as usize * rb);
                bytes_mut(p).copy_from_slice(&whole.bytes()[lo..hi]);
                list::push_owned(out, p as u64);
            }
            Err(e) => {
                decref(out as *mut Header);
                decref(g as *mut Header);
                return Err(e);
            }
        }
    }
    decref(g as *mut Header);
    Ok(out)
}
