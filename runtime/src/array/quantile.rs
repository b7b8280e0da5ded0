//! `np.median`, `np.percentile` and `np.quantile` (NumPy's default linear
//! method; one `q` or an array of them) of a 1D array: the array sorted
//! (the distributed sample sort for split data, so no rank holds more than
//! its share) and its one or two middle elements read by global index,
//! combined as NumPy combines them. Along an axis of a 2D array, each
//! column (of the whole array) or each local row is sorted on its own.

use super::index::getitem;
use super::object::{data_mut, desc_for, new_unfilled, ArrObj, DataMut, Shape};
use super::sort::sort;
use crate::errors::{PyErr, PyResult};
use crate::object::{decref, Header};
use bodo_abi::{dtype, exc, quantile_kind};

/// The fraction of the data below `q` for a `bodo_abi::quantile_kind`
/// `kind` (None for the median), or NumPy's error for a `q` out of range.
fn fraction(q: f64, kind: i64) -> PyResult<Option<f64>> {
    match kind {
        quantile_kind::MEDIAN => Ok(None),
        quantile_kind::FRACTION if (0.0..=1.0).contains(&q) => Ok(Some(q)),
        quantile_kind::FRACTION => Err(PyErr::new(exc::VALUE_ERROR, "Quantiles must be in the range [0, 1]")),
        _ if (0.0..=100.0).contains(&q) => Ok(Some(q / 100.0)),
        _ => Err(PyErr::new(exc::VALUE_ERROR, "Percentiles must be in the range [0, 100]")),
    }
}

/// Collective when `a` is distributed: `np.median(a)`, `np.percentile(a, q)`
/// or `np.quantile(a, q)` by `kind`.
///
/// # Safety
/// `a` is a live 1D array.
pub unsafe fn quantile(a: *mut ArrObj, q: f64, kind: i64) -> PyResult<f64> {
    let f = fraction(q, kind)?;
    let s = sort(a)?;
    let r = pick(&*s, f);
    decref(s as *mut Header);
    r
}

/// Collective when `a` is distributed: `np.percentile(a, qs)` or
/// `np.quantile(a, qs)` of a REP array `qs`, one sort for all of them; a
/// REP float64 array.
///
/// # Safety
/// `a` and `qs` are live 1D arrays.
pub unsafe fn quantiles(a: *mut ArrObj, qs: &ArrObj, kind: i64) -> PyResult<*mut ArrObj> {
    let d = qs.data();
    let fs = (0..d.len()).map(|k| fraction(d.f64_at(k), kind)).collect::<PyResult<Vec<_>>>()?;
    let s = sort(a)?;
    let vals = fs.into_iter().map(|f| pick(&*s, f)).collect::<PyResult<Vec<f64>>>();
    decref(s as *mut Header);
    let vals = vals?;
    let r = new_unfilled(desc_for(dtype::FLOAT64), Shape::rep1(dtype::FLOAT64, vals.len() as i64))?;
    if let DataMut::Float(out) = data_mut(r) {
        out.copy_from_slice(&vals);
    }
    Ok(r)
}

/// `np.median(a, axis=k)`, `np.percentile(a, q, axis=k)` or
/// `np.quantile(a, q, axis=k)` (by `kind`) of a 2D array: along axis 0 one
/// value per column of `a`, which is whole on this rank (a REP result);
/// along axis 1 one per local row (the rows' layout). Float64.
///
/// # Safety
/// `a` is a live 2D array.
pub unsafe fn quantile_axis(a: &ArrObj, q: f64, kind: i64, axis: i64) -> PyResult<*mut ArrObj> {
    let f = fraction(q, kind)?;
    let (rows, m) = (a.len.max(0) as usize, a.ncols.max(0) as usize);
    let d = a.data();
    let line = |k: usize| -> Vec<f64> {
        if axis == 0 {
            (0..rows).map(|r| d.f64_at(r * m + k)).collect()
        } else {
            (k * m..(k + 1) * m).map(|i| d.f64_at(i)).collect()
        }
    };
    let vals = (0..if axis == 0 { m } else { rows })
        .map(|k| {
            let mut v = line(k);
            // NaN sorts last, as in NumPy, and makes the result NaN.
            v.sort_by(|x, y| x.partial_cmp(y).unwrap_or_else(|| x.is_nan().cmp(&y.is_nan())));
            pick_by(v.len() as i64, &|i| Ok(v[i as usize]), f)
        })
        .collect::<PyResult<Vec<f64>>>()?;
    let s = if axis == 0 {
        Shape::rep1(dtype::FLOAT64, m as i64)
    } else {
        Shape { dtype: dtype::FLOAT64, ndim: 1, len: a.len, ncols: 1, glen: a.glen, offset: a.offset, dist: a.dist }
    };
    let r = new_unfilled(desc_for(dtype::FLOAT64), s)?;
    if let DataMut::Float(out) = data_mut(r) {
        out.copy_from_slice(&vals);
    }
    Ok(r)
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

/// The median (`f` None) or the value below which a fraction `f` of sorted
/// `s` lies.
unsafe fn pick(s: &ArrObj, f: Option<f64>) -> PyResult<f64> {
    pick_by(s.glen, &|i| at(s, i), f)
}

/// `pick` of the `n` sorted values `at` reads by index.
fn pick_by(n: i64, at: &dyn Fn(i64) -> PyResult<f64>, f: Option<f64>) -> PyResult<f64> {
    if n == 0 {
        // NumPy: the median of nothing is NaN (with a warning); a percentile indexes.
        if f.is_none() {
            return Ok(f64::NAN);
        }
        return Err(PyErr::new(exc::INDEX_ERROR, "index -1 is out of bounds for axis 0 with size 0"));
    }
    // NaN sorts last and makes the result NaN.
    if at(n - 1)?.is_nan() {
        return Ok(f64::NAN);
    }
    let Some(f) = f else {
        let h = n / 2;
        return Ok(if n % 2 == 1 { at(h)? } else { (at(h - 1)? + at(h)?) / 2.0 });
    };
    let v = (n - 1) as f64 * f;
    let lo = v.floor();
    let t = v - lo;
    let (i, j) = ((lo as i64).min(n - 1), (lo as i64 + 1).min(n - 1));
    let (x, y) = (at(i)?, at(j)?);
    // NumPy's `_lerp`: from the nearer end, so t = 1 gives y exactly.
    let d = y - x;
    Ok(if t >= 0.5 { y - d * (1.0 - t) } else { x + d * t })
}
