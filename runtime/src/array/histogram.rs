//! Counting into bins: `np.histogram(x, bins, range=, density=)` (edges
//! equal-width over the given or the data's range, or given as an array)
//! and `np.bincount(x)`. Results are REP: each rank counts its own elements
//! and the counts are summed over ranks; the data's range and the largest
//! value are global.

use super::comm::{self, allgather_i64s, Op};
use super::object::{data_mut, desc_for, new_checked, ArrObj, Data, DataMut, Shape};
use super::redist::align;
use crate::errors::{PyErr, PyResult};
use crate::format::float_repr;
use crate::object::{decref, Header};
use bodo_abi::{dtype, exc};

/// The global (first, last) edges NumPy derives from the data: its min and
/// max, widened by 0.5 each way when equal, (0, 1) for no data.
///
/// # Safety
/// `x` is a live array.
unsafe fn outer_edges(x: &ArrObj) -> PyResult<(f64, f64)> {
    let s = x.data();
    let (mut lo, mut hi, n) = (f64::INFINITY, f64::NEG_INFINITY, s.len() as i64);
    for k in 0..s.len() {
        let v = s.f64_at(k);
        // NaN wins, as in NumPy's min/max.
        lo = if v.is_nan() || lo.is_nan() { f64::NAN } else { lo.min(v) };
        hi = if v.is_nan() || hi.is_nan() { f64::NAN } else { hi.max(v) };
    }
    if x.is_dist() {
        let all = allgather_i64s(&[lo.to_bits() as i64, hi.to_bits() as i64, n]);
        let (mut glo, mut ghi, mut gn) = (f64::INFINITY, f64::NEG_INFINITY, 0);
        for c in all.chunks_exact(3).filter(|c| c[2] > 0) {
            let (l, h) = (f64::from_bits(c[0] as u64), f64::from_bits(c[1] as u64));
            glo = if l.is_nan() || glo.is_nan() { f64::NAN } else { glo.min(l) };
            ghi = if h.is_nan() || ghi.is_nan() { f64::NAN } else { ghi.max(h) };
            gn += c[2];
        }
        (lo, hi) = (glo, ghi);
        if gn == 0 {
            return Ok((0.0, 1.0));
        }
    } else if n == 0 {
        return Ok((0.0, 1.0));
    }
    if !lo.is_finite() || !hi.is_finite() {
        let msg = format!("autodetected range of [{}, {}] is not finite", float_repr(lo), float_repr(hi));
        return Err(PyErr::new(exc::VALUE_ERROR, msg));
    }
    Ok(if lo == hi { (lo - 0.5, hi + 0.5) } else { (lo, hi) })
}

/// `np.linspace(first, last, bins + 1)` as NumPy computes it.
fn edges(first: f64, last: f64, bins: usize) -> Vec<f64> {
    let step = (last - first) / bins as f64;
    let mut e: Vec<f64> = (0..=bins).map(|i| i as f64 * step + first).collect();
    e[bins] = last;
    e
}

fn check_bins(bins: i64) -> PyResult<usize> {
    if bins < 1 {
        return Err(PyErr::new(exc::VALUE_ERROR, "`bins` must be positive, when an integer"));
    }
    Ok(bins as usize)
}

/// The (first, last) edges of `range=(lo, hi)`, checked as NumPy does and
/// widened by 0.5 each way when equal.
fn range_edges(lo: f64, hi: f64) -> PyResult<(f64, f64)> {
    if lo > hi {
        return Err(PyErr::new(exc::VALUE_ERROR, "max must be larger than min in range parameter."));
    }
    if !lo.is_finite() || !hi.is_finite() {
        let msg = format!("supplied range of [{}, {}] is not finite", float_repr(lo), float_repr(hi));
        return Err(PyErr::new(exc::VALUE_ERROR, msg));
    }
    Ok(if lo == hi { (lo - 0.5, hi + 0.5) } else { (lo, hi) })
}

/// `np.histogram(x, bins)[1]` for an int `bins`: the `bins + 1` equal-width
/// edges over `range` when given, else over the data's range (collective
/// when `x` is distributed); a REP float64 array.
///
/// # Safety
/// `x` is a live array.
pub unsafe fn histogram_edges(x: &ArrObj, bins: i64, range: Option<(f64, f64)>) -> PyResult<*mut ArrObj> {
    let bins = check_bins(bins)?;
    let (first, last) = match range {
        Some((lo, hi)) => range_edges(lo, hi)?,
        None => outer_edges(x)?,
    };
    let r = new_checked(desc_for(dtype::FLOAT64), Shape::rep1(dtype::FLOAT64, bins as i64 + 1))?;
    if let DataMut::Float(d) = data_mut(r) {
        d.copy_from_slice(&edges(first, last, bins));
    }
    Ok(r)
}

/// `np.histogram(x, bins=edges, weights=w)[0]`: how many elements fall in
/// each bin `[edges[i], edges[i + 1])` (the last bin includes its right
/// edge; elements outside the edges and NaN count nowhere), a REP int64
/// array; with `weights` (null for none; brought to `x`'s rows), the sum
/// of the weights of each bin's elements instead, of the weights' dtype;
/// with `density`, each count or sum divided by its bin's width and the
/// total, a REP float64 array. Collective when `x` is distributed.
///
/// # Safety
/// `x` and `edges` are live arrays, `edges` REP; `weights` null or a live array.
pub unsafe fn histogram_counts(
    x: &ArrObj,
    edges: &ArrObj,
    density: bool,
    weights: *mut ArrObj,
) -> PyResult<*mut ArrObj> {
    let ed = edges.data();
    let e: Vec<f64> = (0..ed.len()).map(|k| ed.f64_at(k)).collect();
    if e.is_empty() {
        return Err(PyErr::new(exc::VALUE_ERROR, "`bins` must have at least 1 edge"));
    }
    if e.windows(2).any(|w| w[0] > w[1]) {
        return Err(PyErr::new(exc::VALUE_ERROR, "`bins` must increase monotonically, when an array"));
    }
    if !weights.is_null() && (*weights).glen != x.glen {
        return Err(PyErr::new(exc::VALUE_ERROR, "weights should have the same shape as a."));
    }
    let s = x.data();
    let bins: Vec<Option<usize>> = (0..s.len()).map(|k| bin_of(&e, s.f64_at(k))).collect();
    let mut sums = vec![0.0f64; e.len() - 1];
    let mut counts = vec![0i64; e.len() - 1];
    if weights.is_null() {
        for b in bins.iter().flatten() {
            counts[*b] += 1;
        }
    } else {
        let w = align(weights, x)?;
        match (*w).data() {
            Data::Float(wd) => bins.iter().zip(wd).for_each(|(b, v)| b.iter().for_each(|&b| sums[b] += v)),
            wd => bins.iter().enumerate().for_each(|(k, b)| b.iter().for_each(|&b| counts[b] += wd.i64_at(k))),
        }
        decref(w as *mut Header);
    }
    let float = !weights.is_null() && matches!((*weights).data(), Data::Float(_));
    if x.is_dist() {
        comm::allreduce(&mut counts, Op::Sum);
        comm::allreduce(&mut sums, Op::Sum);
    }
    if !float && !density {
        return int_array(&counts);
    }
    let vals: Vec<f64> = if float { sums } else { counts.iter().map(|&c| c as f64).collect() };
    let total: f64 = if density { vals.iter().sum() } else { 1.0 };
    let r = new_checked(desc_for(dtype::FLOAT64), Shape::rep1(dtype::FLOAT64, vals.len() as i64))?;
    if let DataMut::Float(d) = data_mut(r) {
        for (i, o) in d.iter_mut().enumerate() {
            *o = if density { vals[i] / (e[i + 1] - e[i]) / total } else { vals[i] };
        }
    }
    Ok(r)
}

/// The bin of `v` among the increasing `edges`, NumPy's way: the last one
/// includes its right edge, and NaN or a value outside belongs to none.
fn bin_of(edges: &[f64], v: f64) -> Option<usize> {
    let last = edges.len() - 1;
    if v.is_nan() || v > edges[last] {
        return None;
    }
    edges[..last].partition_point(|&edge| edge <= v).checked_sub(1)
}

/// A REP int64 array of `counts`.
fn int_array(counts: &[i64]) -> PyResult<*mut ArrObj> {
    let r = new_checked(desc_for(dtype::INT64), Shape::rep1(dtype::INT64, counts.len() as i64))?;
    if let DataMut::Int(d) = unsafe { data_mut(r) } {
        d.copy_from_slice(counts);
    }
    Ok(r)
}

/// The REP int64 array of `counts`, summed over ranks when `x` is distributed.
///
/// # Safety
/// `x` is a live array.
unsafe fn finish_counts(x: &ArrObj, counts: &mut [i64]) -> PyResult<*mut ArrObj> {
    if x.is_dist() {
        comm::allreduce(counts, Op::Sum);
    }
    int_array(counts)
}

/// `np.bincount(x, weights, minlength=m)` of an int array: how often each
/// value `0..=max(x)` occurs (at least `m` counts), a REP int64 array; with
/// `weights` (brought to `x`'s rows), the sum of the weights of each value
/// instead, a REP float64 array. Collective when `x` is distributed.
///
/// # Safety
/// `x` is a live int array, `weights` null or a live array.
pub unsafe fn bincount(x: &ArrObj, weights: *mut ArrObj, minlength: i64) -> PyResult<*mut ArrObj> {
    if minlength < 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "'minlength' must not be negative"));
    }
    let s = x.data();
    let vals: Vec<i64> = (0..s.len()).map(|k| s.i64_at(k)).collect();
    let mut ext = [vals.iter().copied().max().unwrap_or(-1), -vals.iter().copied().min().unwrap_or(0)];
    if x.is_dist() {
        comm::allreduce(&mut ext, Op::Max);
    }
    if ext[1] > 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "'list' argument must have no negative elements"));
    }
    let n = (ext[0] + 1).max(minlength) as usize;
    if weights.is_null() {
        let mut counts = vec![0i64; n];
        for v in vals {
            counts[v as usize] += 1;
        }
        return finish_counts(x, &mut counts);
    }
    if (*weights).glen != x.glen {
        return Err(PyErr::new(exc::VALUE_ERROR, "The weights and list don't have the same length."));
    }
    let w = align(weights, x)?;
    let wd = (*w).data();
    let mut sums = vec![0.0f64; n];
    for (k, v) in vals.into_iter().enumerate() {
        sums[v as usize] += wd.f64_at(k);
    }
    decref(w as *mut Header);
    if x.is_dist() {
        comm::allreduce(&mut sums, Op::Sum);
    }
    let r = new_checked(desc_for(dtype::FLOAT64), Shape::rep1(dtype::FLOAT64, n as i64))?;
    if let DataMut::Float(d) = data_mut(r) {
        d.copy_from_slice(&sums);
    }
    Ok(r)
}
