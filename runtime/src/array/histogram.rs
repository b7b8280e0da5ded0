//! Counting into bins: `np.histogram(x, bins=k)` (equal-width bins over
//! the data's range) and `np.bincount(x)`. Results are REP: each rank
//! counts its own elements and the counts are summed over ranks; the range
//! and the largest value are global.

use super::comm::{self, allgather_i64s, Op};
use super::object::{data_mut, desc_for, new_checked, ArrObj, DataMut, Shape};
use crate::errors::{PyErr, PyResult};
use crate::format::float_repr;
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

/// `np.histogram(x, bins)[1]`: the `bins + 1` edges, a REP float64 array.
/// Collective when `x` is distributed.
///
/// # Safety
/// `x` is a live array.
pub unsafe fn histogram_edges(x: &ArrObj, bins: i64) -> PyResult<*mut ArrObj> {
    let bins = check_bins(bins)?;
    let (first, last) = outer_edges(x)?;
    let r = new_checked(desc_for(dtype::FLOAT64), Shape::rep1(dtype::FLOAT64, bins as i64 + 1))?;
    if let DataMut::Float(d) = data_mut(r) {
        d.copy_from_slice(&edges(first, last, bins));
    }
    Ok(r)
}

/// `np.histogram(x, bins)[0]`: the count of elements in each bin (the last
/// bin includes its right edge), a REP int64 array. Each element's bin is
/// found the way NumPy does: scaled from the range, then corrected against
/// the edges. Collective when `x` is distributed.
///
/// # Safety
/// `x` is a live array.
pub unsafe fn histogram_counts(x: &ArrObj, bins: i64) -> PyResult<*mut ArrObj> {
    let bins = check_bins(bins)?;
    let (first, last) = outer_edges(x)?;
    let e = edges(first, last, bins);
    let mut counts = vec![0i64; bins];
    let s = x.data();
    for k in 0..s.len() {
        let v = s.f64_at(k);
        let mut i = (((v - first) / (last - first)) * bins as f64) as usize;
        i = i.min(bins - 1);
        if v < e[i] {
            i = i.saturating_sub(1);
        } else if v >= e[i + 1] && i != bins - 1 {
            i += 1;
        }
        counts[i] += 1;
    }
    finish_counts(x, &mut counts)
}

/// The REP int64 array of `counts`, summed over ranks when `x` is distributed.
///
/// # Safety
/// `x` is a live array.
unsafe fn finish_counts(x: &ArrObj, counts: &mut [i64]) -> PyResult<*mut ArrObj> {
    if x.is_dist() {
        comm::allreduce(counts, Op::Sum);
    }
    let r = new_checked(desc_for(dtype::INT64), Shape::rep1(dtype::INT64, counts.len() as i64))?;
    if let DataMut::Int(d) = data_mut(r) {
        d.copy_from_slice(counts);
    }
    Ok(r)
}

/// `np.bincount(x, minlength=m)` of an int array: how often each value
/// `0..=max(x)` occurs (at least `m` counts). Collective when `x` is
/// distributed.
///
/// # Safety
/// `x` is a live int array.
pub unsafe fn bincount(x: &ArrObj, minlength: i64) -> PyResult<*mut ArrObj> {
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
    let mut counts = vec![0i64; (ext[0] + 1).max(minlength) as usize];
    for v in vals {
        counts[v as usize] += 1;
    }
    finish_counts(x, &mut counts)
}
