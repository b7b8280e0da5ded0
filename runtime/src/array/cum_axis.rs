//! `np.cumsum(X, axis=k)` / `X.cumprod(axis=k)` (and the running maximum
//! and minimum, `np.maximum.accumulate(X)`) of a row-major 2D array:
//! running totals down each column (axis 0) or along each row (axis 1),
//! each element added in turn as NumPy does. The result keeps `X`'s shape
//! and row layout. Along axis 1 every row is local; along axis 0 of a
//! distributed array each rank starts each column from the totals of the
//! rows before its own (every rank's column totals gathered, folded in
//! global row order: collective).

use super::collective::{nan_max, nan_min};
use super::comm::allgather_i64s;
use super::object::{data_mut, new_like, ArrObj, DataMut, Shape};
use crate::errors::PyResult;
use crate::mpi_env;
use bodo_abi::{cum_op, dtype};

/// An element type the running totals work in, exchanged as its bits.
trait Total: Copy {
    fn to_bits(self) -> i64;
    fn from_bits(b: i64) -> Self;
}

impl Total for f64 {
    fn to_bits(self) -> i64 {
        f64::to_bits(self) as i64
    }
    fn from_bits(b: i64) -> Self {
        f64::from_bits(b as u64)
    }
}

impl Total for i64 {
    fn to_bits(self) -> i64 {
        self
    }
    fn from_bits(b: i64) -> Self {
        b
    }
}

/// The float operation of a `bodo_abi::cum_op` code (NaN wins a maximum
/// or minimum, as `np.maximum` and `np.minimum` decide).
pub(super) fn float_op(op: i64) -> impl Fn(f64, f64) -> f64 + Copy {
    move |s, v| match op {
        cum_op::PROD => s * v,
        cum_op::MAX => nan_max(s, v),
        cum_op::MIN => nan_min(s, v),
        _ => s + v,
    }
}

/// The int64 operation of a `bodo_abi::cum_op` code (wrapping).
pub(super) fn int_op(op: i64) -> impl Fn(i64, i64) -> i64 + Copy {
    move |s, v| match op {
        cum_op::PROD => s.wrapping_mul(v),
        cum_op::MAX => s.max(v),
        cum_op::MIN => s.min(v),
        _ => s.wrapping_add(v),
    }
}

/// Collective when `a` is distributed and `axis` is 0: the running totals
/// under `op` (a `bodo_abi::cum_op` code) of 2D `a` along `axis`.
///
/// # Safety
/// `a` is a live 2D array.
pub unsafe fn cumulative_axis(a: &ArrObj, op: i64, axis: i64) -> PyResult<*mut ArrObj> {
    let dt = if a.dtype == dtype::FLOAT64 { dtype::FLOAT64 } else { dtype::INT64 };
    let r = new_like(a, Shape { dtype: dt, ..a.shape() })?;
    let src = a.data();
    let cols = a.ncols.max(0) as usize;
    match data_mut(r) {
        DataMut::Float(out) => {
            running(a, out, |k| src.f64_at(k), float_op(op), cols, axis);
        }
        DataMut::Int(out) => {
            running(a, out, |k| src.i64_at(k), int_op(op), cols, axis);
        }
        DataMut::Bool(_) => {}
    }
    Ok(r)
}

/// Fills `out` with the running totals under `op` of the elements `at`
/// reads (rows of `cols` elements of `a`'s local part) along `axis`. A
/// total without a predecessor starts at its first element, so `-0.0`
/// stays `-0.0`.
fn running<T: Total>(
    a: &ArrObj,
    out: &mut [T],
    at: impl Fn(usize) -> T,
    op: impl Fn(T, T) -> T,
    cols: usize,
    axis: i64,
) {
    if cols == 0 {
        return;
    }
    let step = |acc: Option<T>, v: T| acc.map_or(v, |s| op(s, v));
    if axis == 1 {
        for (i, row) in out.chunks_exact_mut(cols).enumerate() {
            let mut acc = None;
            for (j, o) in row.iter_mut().enumerate() {
                *o = step(acc, at(i * cols + j));
                acc = Some(*o);
            }
        }
        return;
    }
    let mut acc = if a.is_dist() { earlier_totals(a, &at, &op, cols) } else { vec![None; cols] };
    for (i, row) in out.chunks_exact_mut(cols).enumerate() {
        for (j, o) in row.iter_mut().enumerate() {
            *o = step(acc[j], at(i * cols + j));
            acc[j] = Some(*o);
        }
    }
}

/// Collective: per column, the total under `op` of the rows the ranks
/// before this one hold (in global row order), None when there are none.
fn earlier_totals<T: Total>(
    a: &ArrObj,
    at: &impl Fn(usize) -> T,
    op: &impl Fn(T, T) -> T,
    cols: usize,
) -> Vec<Option<T>> {
    let rows = a.len.max(0) as usize;
    let mut mine = vec![a.offset, a.len];
    for j in 0..cols {
        let total = (1..rows).fold(if rows > 0 { at(j) } else { T::from_bits(0) }, |s, i| op(s, at(i * cols + j)));
        mine.push(total.to_bits());
    }
    let all = allgather_i64s(&mine);
    let me = (a.offset, mpi_env::rank());
    let mut held: Vec<((i64, i64), &[i64])> = all
        .chunks_exact(cols + 2)
        .enumerate()
        .filter(|(_, c)| c[1] > 0)
        .map(|(r, c)| ((c[0], r as i64), &c[2..]))
        .collect();
    held.sort_unstable_by_key(|&(k, _)| k);
    let mut acc: Vec<Option<T>> = vec![None; cols];
    for (_, totals) in held.into_iter().filter(|&(k, _)| k < me) {
        for (a, &b) in acc.iter_mut().zip(totals) {
            let v = T::from_bits(b);
            *a = Some(a.map_or(v, |s| op(s, v)));
        }
    }
    acc
}
