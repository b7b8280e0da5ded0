//! `np.median` and `np.percentile` (NumPy's default linear method) of a
//! 1D array: the array sorted (the distributed sample sort for split
//! data, so no rank holds more than its share) and its one or two middle
//! elements read by global index, combined as NumPy combines them.

use super::index::getitem;
use super::object::ArrObj;
use super::sort::sort;
use crate::errors::{PyErr, PyResult};
use crate::object::{decref, Header};
use bodo_abi::{dtype, exc};

/// Collective when `a` is distributed: `np.median(a)` when `median`, else
/// `np.percentile(a, q)`.
///
/// # Safety
/// `a` is a live 1D array.
pub unsafe fn quantile(a: *mut ArrObj, q: f64, median: bool) -> PyResult<f64> {
    if !median && !(0.0..=100.0).contains(&q) {
        return Err(PyErr::new(exc::VALUE_ERROR, "Percentiles must be in the range [0, 100]"));
    }
    let s = sort(a)?;
    let r = pick(&*s, q, median);
    decref(s as *mut Header);
    r
}

/// Element `i` of sorted `s` as a float.
unsafe fn at(s: &ArrObj, i: i64) -> PyResult<f64> {
    let bits = getitem(s, i, None)?;
    Ok(match s.dtype {
        dtype::FLOAT64 => f64::from_bits(bits),
        dtype::BOOL => f64::from(u8::from(bits != 0)),
        _ => bits as i64 as f64,
    })
}

unsafe fn pick(s: &ArrObj, q: f64, median: bool) -> PyResult<f64> {
    let n = s.glen;
    if n == 0 {
        // NumPy: the median of nothing is NaN (with a warning); a percentile indexes.
        if median {
            return Ok(f64::NAN);
        }
        return Err(PyErr::new(exc::INDEX_ERROR, "index -1 is out of bounds for axis 0 with size 0"));
    }
    // NaN sorts last and makes the result NaN.
    if at(s, n - 1)?.is_nan() {
        return Ok(f64::NAN);
    }
    if median {
        let h = n / 2;
        return Ok(if n % 2 == 1 { at(s, h)? } else { (at(s, h - 1)? + at(s, h)?) / 2.0 });
    }
    let v = (n - 1) as f64 * (q / 100.0);
    let lo = v.floor();
    let t = v - lo;
    let (i, j) = ((lo as i64).min(n - 1), (lo as i64 + 1).min(n - 1));
    let (x, y) = (at(s, i)?, at(s, j)?);
    // NumPy's `_lerp`: from the nearer end, so t = 1 gives y exactly.
    let d = y - x;
    Ok(if t >= 0.5 { y - d * (1.0 - t) } else { x + d * t })
}
