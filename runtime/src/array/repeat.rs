//! Arrays made of copies of a 1D array's elements: `np.repeat(a, k)` (each
//! element `k` times: every rank repeats its own elements, so a distributed
//! input gives a 1D_Block_Var result), `np.tile(a, k)` (the whole array `k`
//! times) and `np.pad(a, (before, after), constant_values=c)`, whose
//! results are REP (collective when `a` is distributed: gathered).

use super::object::{data_mut, new_like, ArrObj, Data, Shape};
use super::redist::gather;
use crate::errors::{PyErr, PyResult};
use crate::object::{decref, Header};
use bodo_abi::{dist, exc};

fn negative() -> PyErr {
    PyErr::new(exc::VALUE_ERROR, "negative dimensions are not allowed")
}

/// `np.repeat(a, k)` of a 1D array.
///
/// # Safety
/// `a` is a live 1D array.
pub unsafe fn repeat(a: &ArrObj, k: i64) -> PyResult<*mut ArrObj> {
    if k < 0 {
        return Err(negative());
    }
    let d = if a.is_dist() { dist::ONE_D_VAR } else { dist::REP };
    let s = Shape { len: a.len * k, glen: a.glen * k, offset: a.offset * k, dist: d, ..a.shape() };
    let r = new_like(a, s)?;
    let (src, mut out) = (a.data(), data_mut(r));
    for i in 0..a.len.max(0) as usize {
        for j in 0..k as usize {
            out.put(i * k as usize + j, &src, i);
        }
    }
    Ok(r)
}

/// The REP array of `n` elements whose element `i` is `at(whole, i)`
/// (an index into the gathered `a`, or `None` for `fill`).
///
/// # Safety
/// `a` is a live 1D array.
unsafe fn rebuilt(a: *mut ArrObj, n: i64, fill: f64, at: &dyn Fn(usize) -> Option<usize>) -> PyResult<*mut ArrObj> {
    let w = gather(a)?;
    let r = new_like(&*w, Shape::rep1((*w).dtype, n));
    if let Ok(r) = r {
        let (src, mut out, c) = ((*w).data(), data_mut(r), [fill]);
        for i in 0..n as usize {
            match at(i) {
                Some(x) => out.put(i, &src, x),
                None => out.put(i, &Data::Float(&c), 0),
            }
        }
    }
    decref(w as *mut Header);
    r
}

/// `np.tile(a, k)` of a 1D array.
///
/// # Safety
/// `a` is a live 1D array.
pub unsafe fn tile(a: *mut ArrObj, k: i64) -> PyResult<*mut ArrObj> {
    if k < 0 {
        return Err(negative());
    }
    let n = (*a).glen;
    rebuilt(a, n * k, 0.0, &|i| Some(i % n as usize))
}

/// `np.pad(a, (before, after), constant_values=c)` of a 1D array (`c`
/// cast to `a`'s dtype as NumPy casts it).
///
/// # Safety
/// `a` is a live 1D array.
pub unsafe fn pad(a: *mut ArrObj, before: i64, after: i64, c: f64) -> PyResult<*mut ArrObj> {
    if before < 0 || after < 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "index can't contain negative values"));
    }
    let n = (*a).glen;
    rebuilt(a, before + n + after, c, &|i| {
        let x = i as i64 - before;
        (0..n).contains(&x).then_some(x as usize)
    })
}
