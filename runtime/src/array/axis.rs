//! Reductions of a row-major 2D array along one axis (`X.sum(axis=0)`,
//! `np.mean(X, axis=1)`, `X.argmax(axis=0)`, ...), in NumPy's order of
//! operations so one rank prints NumPy's digits: along axis 0 NumPy adds
//! whole rows into the result, so each column is folded row by row; along
//! axis 1 each row is a contiguous run, summed pairwise.
//!
//! Axis 1 keeps the rows' distribution (one value per local row, no
//! communication). Axis 0 of a distributed array is collective and gives a
//! REP vector: float sums and products (also behind mean/var/std) are
//! continued rank after rank in global row order, so the digits do not
//! depend on the number of ranks; the other reductions fold each rank's
//! partials, gathered, in row order.

use super::collective::{nan_max, nan_min};
use super::comm::allgather_i64s;
use super::object::{data_mut, desc_for, new_checked, ArrObj, Data, DataMut, Shape};
use super::pairwise;
use crate::errors::{PyErr, PyResult};
use crate::mpi_env;
use bodo_abi::{axis_op as op, dtype, exc};

/// A partial or final result per output element.
#[derive(Clone, Copy)]
enum Acc {
    Int(i64),
    Float(f64),
    /// argmin/argmax: the best value so far and its index along the axis.
    Best(f64, i64),
}

/// The dtype of the result of `op` on elements of `dt`.
fn result_dtype(op: i64, dt: i64) -> i64 {
    match op {
        op::MEAN | op::VAR | op::STD => dtype::FLOAT64,
        op::ARGMIN | op::ARGMAX => dtype::INT64,
        op::ANY | op::ALL => dtype::BOOL,
        op::MIN | op::MAX | op::NANMIN | op::NANMAX => dt,
        _ if dt == dtype::BOOL => dtype::INT64,
        _ => dt,
    }
}

/// Whether `x` beats `best` for argmin/argmax: strictly better, or the
/// first NaN (NumPy's argmin/argmax return the first NaN).
fn beats(x: f64, best: f64, is_max: bool) -> bool {
    if best.is_nan() {
        return false;
    }
    x.is_nan() || if is_max { x > best } else { x < best }
}

/// Folds one more element (value `k` of `src`, at index `at` along the
/// axis) into `acc`; `None` starts a fold.
fn step(op: i64, acc: Option<Acc>, src: &Data, k: usize, at: i64) -> Acc {
    let float = matches!(src, Data::Float(_));
    match (op, acc) {
        (op::ARGMIN | op::ARGMAX, Some(Acc::Best(b, i))) => {
            let x = src.f64_at(k);
            if beats(x, b, op == op::ARGMAX) {
                Acc::Best(x, at)
            } else {
                Acc::Best(b, i)
            }
        }
        (op::ARGMIN | op::ARGMAX, _) => Acc::Best(src.f64_at(k), at),
        (op::ANY, a) => Acc::Int(i64::from(matches!(a, Some(Acc::Int(1))) || src.f64_at(k) != 0.0)),
        (op::ALL, a) => Acc::Int(i64::from(!matches!(a, Some(Acc::Int(0))) && src.f64_at(k) != 0.0)),
        (_, None) if float => Acc::Float(src.f64_at(k)),
        (_, None) => Acc::Int(src.i64_at(k)),
        (_, Some(a)) => combine(op, a, if float { Acc::Float(src.f64_at(k)) } else { Acc::Int(src.i64_at(k)) }),
    }
}

/// `a` then `b` (which comes after it along the axis) under `op`.
fn combine(op: i64, a: Acc, b: Acc) -> Acc {
    match (a, b) {
        (Acc::Float(x), Acc::Float(y)) => Acc::Float(match op {
            op::PROD => x * y,
            // A tie keeps the later operand, as `np.minimum` does row by
            // row along axis 0 (so `-0.0` and `0.0` give NumPy's zero).
            op::MIN => nan_min(y, x),
            op::MAX => nan_max(y, x),
            // Rust's min and max skip a NaN operand, as np.fmin/np.fmax do.
            op::NANMIN => x.min(y),
            op::NANMAX => x.max(y),
            _ => x + y,
        }),
        (Acc::Int(x), Acc::Int(y)) => Acc::Int(match op {
            op::PROD => x.wrapping_mul(y),
            op::MIN | op::NANMIN => x.min(y),
            op::MAX | op::NANMAX => x.max(y),
            op::ANY => i64::from(x != 0 || y != 0),
            op::ALL => i64::from(x != 0 && y != 0),
            _ => x.wrapping_add(y),
        }),
        (Acc::Best(bx, ix), Acc::Best(by, iy)) => {
            if beats(by, bx, op == op::ARGMAX) {
                Acc::Best(by, iy)
            } else {
                Acc::Best(bx, ix)
            }
        }
        (a, _) => a,
    }
}

/// The error NumPy raises for a reduction over an empty axis, if any.
fn empty_error(op: i64) -> Option<PyErr> {
    let msg = match op {
        op::MIN => "zero-size array to reduction operation minimum which has no identity",
        op::MAX => "zero-size array to reduction operation maximum which has no identity",
        op::NANMIN => "zero-size array to reduction operation fmin which has no identity",
        op::NANMAX => "zero-size array to reduction operation fmax which has no identity",
        op::ARGMIN => "attempt to get argmin of an empty sequence",
        op::ARGMAX => "attempt to get argmax of an empty sequence",
        _ => return None,
    };
    Some(PyErr::new(exc::VALUE_ERROR, msg))
}

/// Sum-like reductions start from NumPy's identity (0, or 1 for products),
/// so `-0.0` columns sum to `0.0` as in NumPy and empty axes give it.
fn identity(op: i64, float: bool) -> Option<Acc> {
    match (op, float) {
        (op::SUM, true) => Some(Acc::Float(0.0)),
        (op::SUM, false) => Some(Acc::Int(0)),
        (op::PROD, true) => Some(Acc::Float(1.0)),
        (op::PROD, false) => Some(Acc::Int(1)),
        (op::ANY, _) => Some(Acc::Int(0)),
        (op::ALL, _) => Some(Acc::Int(1)),
        _ => None,
    }
}

/// The mean, or the variance `sum((x - mean)^2) / max(n - ddof, 0)` or its
/// root, of `n` values from their mean and their sum of squared deviations.
fn moments(op: i64, n: usize, ddof: i64, mean: f64, sq_sum: f64) -> f64 {
    if op == op::MEAN {
        return mean;
    }
    let var = sq_sum / (n as f64 - ddof as f64).max(0.0);
    if op == op::STD {
        var.sqrt()
    } else {
        var
    }
}

/// Collective: every rank's partials (one per column), in global row order
/// of the ranks holding rows, folded under `op` (ranks without rows skipped).
fn fold_ranks(a: &ArrObj, op: i64, local: &[Option<Acc>]) -> Vec<Option<Acc>> {
    if !a.is_dist() || mpi_env::world().is_none() {
        return local.to_vec();
    }
    // Per rank: offset, len, then per column a tag (0 none, 1 int, 2 float,
    // 3 best) and two words.
    let mut mine = vec![a.offset, a.len];
    for p in local {
        let (tag, x, y) = match *p {
            None => (0, 0, 0),
            Some(Acc::Int(v)) => (1, v, 0),
            Some(Acc::Float(v)) => (2, v.to_bits() as i64, 0),
            Some(Acc::Best(v, i)) => (3, v.to_bits() as i64, i),
        };
        mine.extend([tag, x, y]);
    }
    let all = allgather_i64s(&mine);
    let mut ranks: Vec<(i64, usize, &[i64])> =
        all.chunks_exact(mine.len()).enumerate().filter(|(_, c)| c[1] > 0).map(|(r, c)| (c[0], r, &c[2..])).collect();
    ranks.sort_unstable_by_key(|&(o, r, _)| (o, r));
    let mut out: Vec<Option<Acc>> = vec![None; local.len()];
    for (_, _, cols) in ranks {
        for (j, w) in cols.chunks_exact(3).enumerate() {
            let p = match w[0] {
                1 => Acc::Int(w[1]),
                2 => Acc::Float(f64::from_bits(w[1] as u64)),
                3 => Acc::Best(f64::from_bits(w[1] as u64), w[2]),
                _ => continue,
            };
            out[j] = Some(match out[j] {
                Some(o) => combine(op, o, p),
                None => p,
            });
        }
    }
    out
}

/// Collective: float partials (one per column) continued by each rank
/// holding rows, in global row order, from where the ranks before it left
/// them (`from` folds this rank's rows into its start; the first starts at
/// `start`), so every column is folded row by row as NumPy folds it; every
/// rank gets the final values. One small allgather per rank holding rows.
fn in_row_sequence(
    a: &ArrObj,
    start: Vec<Option<Acc>>,
    from: &dyn Fn(Vec<Option<Acc>>) -> Vec<Option<Acc>>,
) -> Vec<Option<Acc>> {
    if !a.is_dist() || mpi_env::world().is_none() {
        return from(start);
    }
    let places = allgather_i64s(&[a.offset, a.len]);
    let mut order: Vec<(i64, usize)> =
        places.chunks_exact(2).enumerate().filter(|(_, c)| c[1] > 0).map(|(r, c)| (c[0], r)).collect();
    order.sort_unstable();
    let (me, m) = (mpi_env::rank() as usize, start.len());
    let mut acc = start;
    for (_, r) in order {
        let mine = if r == me { from(acc.clone()) } else { vec![None; m] };
        let words: Vec<i64> = mine.iter().map(|p| float_of(*p).to_bits() as i64).collect();
        let all = allgather_i64s(&words);
        acc = all[r * m..(r + 1) * m].iter().map(|&w| Some(Acc::Float(f64::from_bits(w as u64)))).collect();
    }
    acc
}

/// Along axis 0: one value per column, REP.
unsafe fn along_rows(a: &ArrObj, op: i64, ddof: i64) -> PyResult<Vec<Acc>> {
    let (rows, m) = (a.len.max(0) as usize, a.ncols.max(0) as usize);
    let src = a.data();
    let float = matches!(src, Data::Float(_));
    // Each column folded over this rank's rows, then over the ranks; `term`
    // (for the sums behind mean/var/std) replaces the element by a float.
    let fold = |op: i64, term: Option<&dyn Fn(usize) -> f64>| -> Vec<Option<Acc>> {
        let float = float || term.is_some();
        // This rank's rows folded into `start`, one value per column.
        let from = |start: Vec<Option<Acc>>| -> Vec<Option<Acc>> {
            let mut accs = start;
            for (j, acc) in accs.iter_mut().enumerate() {
                for r in 0..rows {
                    let k = r * m + j;
                    *acc = Some(match term {
                        Some(t) => Acc::Float(acc.map_or(0.0, |a| float_of(Some(a))) + t(k)),
                        None => step(op, *acc, &src, k, a.offset + r as i64),
                    });
                }
            }
            accs
        };
        let start = vec![identity(op, float); m];
        // Float sums and products depend on the order: every row in turn.
        let parts = if float && matches!(op, op::SUM | op::PROD) {
            in_row_sequence(a, start, &from)
        } else {
            fold_ranks(a, op, &from(start))
        };
        parts.into_iter().map(|p| p.or(identity(op, float))).collect()
    };
    let n = a.glen.max(0) as usize;
    if matches!(op, op::MEAN | op::VAR | op::STD) {
        let sums = fold(op::SUM, Some(&|k| src.f64_at(k)));
        let means: Vec<f64> = sums.iter().map(|s| float_of(*s) / n as f64).collect();
        let sq = if op == op::MEAN {
            vec![None; m]
        } else {
            fold(
                op::SUM,
                Some(&|k| {
                    let d = src.f64_at(k) - means[k % m];
                    d * d
                }),
            )
        };
        return Ok((0..m).map(|j| Acc::Float(moments(op, n, ddof, means[j], float_of(sq[j])))).collect());
    }
    let parts = fold(op, None);
    parts.into_iter().map(|p| p.ok_or_else(|| empty_error(op).unwrap_or_else(internal))).collect()
}

fn internal() -> PyErr {
    PyErr::new(exc::RUNTIME_ERROR, "empty reduction without identity")
}

fn float_of(a: Option<Acc>) -> f64 {
    match a {
        Some(Acc::Float(v)) => v,
        Some(Acc::Int(v)) => v as f64,
        _ => 0.0,
    }
}

/// Along axis 1: one value per local row.
unsafe fn along_cols(a: &ArrObj, op: i64, ddof: i64) -> PyResult<Vec<Acc>> {
    let (rows, m) = (a.len.max(0) as usize, a.ncols.max(0) as usize);
    if m == 0 && a.glen > 0 {
        if let Some(e) = empty_error(op) {
            return Err(e);
        }
    }
    let src = a.data();
    let float = matches!(src, Data::Float(_));
    let row_f64 = |r: usize| -> Vec<f64> { (r * m..(r + 1) * m).map(|k| src.f64_at(k)).collect() };
    Ok((0..rows)
        .map(|r| match op {
            op::SUM if float => Acc::Float(pairwise::sum(&row_f64(r))),
            op::MEAN | op::VAR | op::STD => {
                let x = row_f64(r);
                let mean = pairwise::sum(&x) / m as f64;
                let sq: Vec<f64> = x.iter().map(|v| (v - mean) * (v - mean)).collect();
                Acc::Float(moments(op, m, ddof, mean, pairwise::sum(&sq)))
            }
            _ => {
                let mut acc = identity(op, float);
                for c in 0..m {
                    acc = Some(step(op, acc, &src, r * m + c, c as i64));
                }
                acc.unwrap_or(Acc::Int(0))
            }
        })
        .collect())
}

/// `a.<op>(axis=axis)` of a 2D array (`op` from `bodo_abi::axis_op`;
/// `ddof` for var and std). Collective along axis 0 when `a` is distributed.
///
/// # Safety
/// `a` is a live 2D array.
pub unsafe fn reduce_axis(a: &ArrObj, op: i64, axis: i64, ddof: i64) -> PyResult<*mut ArrObj> {
    let vals = if axis == 0 { along_rows(a, op, ddof)? } else { along_cols(a, op, ddof)? };
    let dt = result_dtype(op, a.dtype);
    let s = if axis == 0 {
        Shape::rep1(dt, a.ncols)
    } else {
        Shape { dtype: dt, ndim: 1, len: a.len, ncols: 1, glen: a.glen, offset: a.offset, dist: a.dist }
    };
    let r = new_checked(desc_for(dt), s)?;
    match data_mut(r) {
        DataMut::Float(out) => {
            for (o, v) in out.iter_mut().zip(&vals) {
                *o = match *v {
                    Acc::Float(x) => x,
                    Acc::Int(x) => x as f64,
                    Acc::Best(_, i) => i as f64,
                };
            }
        }
        DataMut::Int(out) => {
            for (o, v) in out.iter_mut().zip(&vals) {
                *o = match *v {
                    Acc::Int(x) => x,
                    Acc::Best(_, i) => i,
                    Acc::Float(x) => x as i64,
                };
            }
        }
        DataMut::Bool(out) => {
            for (o, v) in out.iter_mut().zip(&vals) {
                *o = u8::from(matches!(*v, Acc::Int(x) if x != 0) || matches!(*v, Acc::Float(x) if x != 0.0));
            }
        }
    }
    Ok(r)
}
