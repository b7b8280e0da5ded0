//! Binary searches: `np.searchsorted(a, v, side)` of a sorted 1D array
//! `a`: where each value would be inserted to keep `a` sorted. One value:
//! the count of `a`'s elements before it (each rank counts in its sorted
//! chunk, the counts are summed: collective when `a` is distributed). An
//! array of values: `a` whole on every rank (gathered) and a binary search
//! per local element, so the result has the values' layout. `np.isin(x,
//! values)` and `np.interp(x, xp, fp)` search the (gathered) values and
//! points the same way for each element of `x`. `v in a` scans each rank's
//! chunk (unsorted) and combines the answers.

use super::comm::{self, Op};
use super::object::{data_mut, desc_for, new_unfilled, ArrObj, Data, DataMut, Shape};
use super::redist::gather;
use crate::errors::{PyErr, PyResult};
use crate::object::{decref, Header};
use bodo_abi::{dtype, exc};

/// NumPy's sort order: NaN after every number.
fn lt(x: f64, y: f64) -> bool {
    x < y || (y.is_nan() && !x.is_nan())
}

/// How many elements of sorted `s` go before `v`: those less than it
/// (`right` false, NumPy's "left"), or not greater than it.
fn position(s: &Data, v: f64, right: bool) -> i64 {
    let (mut lo, mut hi) = (0, s.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let x = s.f64_at(mid);
        let before = if right { !lt(v, x) } else { lt(x, v) };
        if before {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo as i64
}

/// `np.searchsorted(a, v, side)` of one value (collective when `a` is
/// distributed).
///
/// # Safety
/// `a` is a live 1D array.
pub unsafe fn searchsorted_one(a: &ArrObj, v: f64, right: bool) -> i64 {
    let mut n = [position(&a.data(), v, right)];
    if a.is_dist() {
        comm::allreduce(&mut n, Op::Sum);
    }
    n[0]
}

/// `v in a` for an integer `v`: NumPy's `(a == v).any()`, exact against
/// int64 elements (collective when `a` is distributed).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn contains_int(a: &ArrObj, v: i64) -> bool {
    let here = match a.data() {
        Data::Int(d) => d.contains(&v),
        Data::Float(d) => d.contains(&(v as f64)),
        Data::Bool(d) => d.iter().any(|&x| i64::from(x) == v),
    };
    on_any_rank(a, here)
}

/// `v in a` for a float `v` (never true for NaN; collective when `a` is
/// distributed).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn contains_float(a: &ArrObj, v: f64) -> bool {
    let d = a.data();
    on_any_rank(a, (0..d.len()).any(|k| d.f64_at(k) == v))
}

/// Whether `here` holds on some rank holding part of `a` (collective when
/// `a` is distributed).
fn on_any_rank(a: &ArrObj, here: bool) -> bool {
    let mut found = [i64::from(here)];
    if a.is_dist() {
        comm::allreduce(&mut found, Op::BitOr);
    }
    found[0] != 0
}

/// `np.searchsorted(a, v, side)` of a 1D array of values: an int64 array
/// of `v`'s layout (collective when `a` is distributed).
///
/// # Safety
/// `a` and `v` are live 1D arrays.
pub unsafe fn searchsorted(a: *mut ArrObj, v: &ArrObj, right: bool) -> PyResult<*mut ArrObj> {
    let whole = gather(a)?;
    let r = new_unfilled(desc_for(dtype::INT64), Shape { dtype: dtype::INT64, ..v.shape() });
    if let Ok(r) = r {
        let (s, vals) = ((*whole).data(), v.data());
        if let DataMut::Int(out) = data_mut(r) {
            for (k, o) in out.iter_mut().enumerate() {
                *o = position(&s, vals.f64_at(k), right);
            }
        }
    }
    decref(whole as *mut Header);
    r
}

/// The elements of `a` as floats.
///
/// # Safety
/// `a` is a live array.
unsafe fn floats(a: &ArrObj) -> Vec<f64> {
    let d = a.data();
    (0..d.len()).map(|k| d.f64_at(k)).collect()
}

/// `np.digitize(x, bins, right)`: for increasing `bins` (gathered when
/// distributed: collective), the `i` with `bins[i-1] <= v < bins[i]` (`<`
/// and `<=` swapped with `right`) for each element `v` of `x`; decreasing
/// bins count from the other end, as NumPy does. An int64 array of `x`'s
/// layout; NumPy's ValueError for bins neither increasing nor decreasing.
///
/// # Safety
/// `x` and `bins` are live arrays.
pub unsafe fn digitize(x: &ArrObj, bins: *mut ArrObj, right: bool) -> PyResult<*mut ArrObj> {
    let whole = gather(bins)?;
    let mut b = floats(&*whole);
    decref(whole as *mut Header);
    let increasing = b.windows(2).all(|w| w[0] <= w[1]);
    if !increasing && !b.windows(2).all(|w| w[0] >= w[1]) {
        return Err(PyErr::new(exc::VALUE_ERROR, "bins must be monotonically increasing or decreasing"));
    }
    if !increasing {
        b.reverse();
    }
    let (n, sorted) = (b.len() as i64, Data::Float(&b));
    let r = new_unfilled(desc_for(dtype::INT64), Shape { dtype: dtype::INT64, ..x.shape() })?;
    let d = x.data();
    if let DataMut::Int(out) = data_mut(r) {
        for (k, o) in out.iter_mut().enumerate() {
            let at = position(&sorted, d.f64_at(k), !right);
            *o = if increasing { at } else { n - at };
        }
    }
    Ok(r)
}

/// `np.isin(x, values)`: whether each element of `x` equals one of
/// `values` (gathered when distributed: collective), a bool array of `x`'s
/// layout.
///
/// # Safety
/// `x` and `values` are live arrays.
pub unsafe fn isin(x: &ArrObj, values: *mut ArrObj) -> PyResult<*mut ArrObj> {
    let whole = gather(values)?;
    let mut v = floats(&*whole);
    decref(whole as *mut Header);
    v.retain(|x| !x.is_nan());
    v.sort_unstable_by(f64::total_cmp);
    let r = new_unfilled(desc_for(dtype::BOOL), Shape { dtype: dtype::BOOL, ..x.shape() })?;
    let d = x.data();
    if let DataMut::Bool(out) = data_mut(r) {
        for (k, o) in out.iter_mut().enumerate() {
            let e = d.f64_at(k);
            let at = v.partition_point(|&y| y < e);
            *o = u8::from(at < v.len() && v[at] == e);
        }
    }
    Ok(r)
}

/// `np.interp(x, xp, fp)` of one value: NumPy's piecewise-linear
/// interpolation in the points (`xp` increasing), `fp[0]` left of them
/// and `fp[-1]` right of them.
fn interp_one(x: f64, xp: &[f64], fp: &[f64]) -> f64 {
    let n = xp.len();
    if x.is_nan() {
        return x;
    }
    if x < xp[0] {
        return fp[0];
    }
    if x > xp[n - 1] {
        return fp[n - 1];
    }
    let j = xp.partition_point(|&p| p <= x).saturating_sub(1);
    if j == n - 1 || xp[j] == x {
        return fp[j];
    }
    let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
    // NaN from one side (an infinite slope): try the other, as NumPy does.
    let y = slope * (x - xp[j]) + fp[j];
    if !y.is_nan() {
        return y;
    }
    let y = slope * (x - xp[j + 1]) + fp[j + 1];
    if y.is_nan() && fp[j] == fp[j + 1] {
        fp[j]
    } else {
        y
    }
}

/// The points of `np.interp` whole on every rank (collective when
/// distributed), checked as NumPy checks them.
///
/// # Safety
/// `xp` and `fp` are live 1D arrays.
unsafe fn interp_points(xp: *mut ArrObj, fp: *mut ArrObj) -> PyResult<(Vec<f64>, Vec<f64>)> {
    let (wx, wf) = (gather(xp)?, gather(fp));
    let xs = floats(&*wx);
    decref(wx as *mut Header);
    let wf = wf?;
    let fs = floats(&*wf);
    decref(wf as *mut Header);
    if xs.len() != fs.len() {
        return Err(PyErr::new(exc::VALUE_ERROR, "fp and xp are not of the same length."));
    }
    if xs.is_empty() {
        return Err(PyErr::new(exc::VALUE_ERROR, "array of sample points is empty"));
    }
    Ok((xs, fs))
}

/// `np.interp(x, xp, fp)` of one number (collective when `xp` or `fp` is
/// distributed).
///
/// # Safety
/// `xp` and `fp` are live 1D arrays.
pub unsafe fn interp_scalar(x: f64, xp: *mut ArrObj, fp: *mut ArrObj) -> PyResult<f64> {
    let (xs, fs) = interp_points(xp, fp)?;
    Ok(interp_one(x, &xs, &fs))
}

/// `np.interp(x, xp, fp)` of an array: a float array of `x`'s layout
/// (collective when `xp` or `fp` is distributed).
///
/// # Safety
/// `x`, `xp` and `fp` are live arrays.
pub unsafe fn interp(x: &ArrObj, xp: *mut ArrObj, fp: *mut ArrObj) -> PyResult<*mut ArrObj> {
    let (xs, fs) = interp_points(xp, fp)?;
    let r = new_unfilled(desc_for(dtype::FLOAT64), Shape { dtype: dtype::FLOAT64, ..x.shape() })?;
    let d = x.data();
    if let DataMut::Float(out) = data_mut(r) {
        for (k, o) in out.iter_mut().enumerate() {
            *o = interp_one(d.f64_at(k), &xs, &fs);
        }
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_and_nan() {
        let s = [1.0, 2.0, 2.0, 3.0, f64::NAN];
        let d = Data::Float(&s);
        assert_eq!(position(&d, 2.0, false), 1);
        assert_eq!(position(&d, 2.0, true), 3);
        assert_eq!(position(&d, 0.5, false), 0);
        assert_eq!(position(&d, 9.0, true), 4);
        assert_eq!(position(&d, f64::NAN, false), 4);
        assert_eq!(position(&d, f64::NAN, true), 5);
    }

    #[test]
    fn interp_like_numpy() {
        let (xp, fp) = ([1.0, 2.0, 4.0], [10.0, 20.0, 0.0]);
        let at = |x: f64| interp_one(x, &xp, &fp);
        assert_eq!([at(0.0), at(1.0), at(1.5), at(3.0), at(4.0), at(9.0)], [10.0, 10.0, 15.0, 10.0, 0.0, 0.0]);
        assert!(at(f64::NAN).is_nan());
    }
}
