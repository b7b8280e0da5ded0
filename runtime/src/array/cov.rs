//! `np.cov(x, y, ddof=1)` and `np.corrcoef(x, y)` of two 1D arrays: the
//! 2x2 REP matrix of their covariances (or correlations), computed as NumPy
//! does: each array less its mean, the sums of the products divided by
//! `n - ddof`; correlations divide by both standard deviations and are
//! clipped to [-1, 1]. `y` is brought to `x`'s rows, and the sums are
//! reduced over ranks (collective when either is distributed).

use super::comm::{self, Op};
use super::object::{data_mut, desc_for, new_unfilled, ArrObj, DataMut, Shape};
use super::redist::align;
use crate::errors::{PyErr, PyResult};
use crate::object::{decref, Header};
use bodo_abi::{dtype, exc};

/// The sums of `f` over the local elements of `x` and `y` (aligned), added
/// over ranks when `x` is distributed.
unsafe fn sums<const K: usize>(x: &ArrObj, y: &ArrObj, f: impl Fn(f64, f64) -> [f64; K]) -> [f64; K] {
    let (dx, dy) = (x.data(), y.data());
    let mut acc = [0.0; K];
    for k in 0..dx.len() {
        for (a, v) in acc.iter_mut().zip(f(dx.f64_at(k), dy.f64_at(k))) {
            *a += v;
        }
    }
    if x.is_dist() {
        comm::allreduce(&mut acc, Op::Sum);
    }
    acc
}

/// `np.cov(x, y, ddof=ddof)`, or `np.corrcoef(x, y)` when `corr`.
///
/// # Safety
/// `x` and `y` are live 1D arrays.
pub unsafe fn cov(x: &ArrObj, y: *mut ArrObj, ddof: i64, corr: bool) -> PyResult<*mut ArrObj> {
    if (*y).glen != x.glen {
        let msg = format!(
            "all the input array dimensions except for the concatenation axis must match exactly, \
             but along dimension 1, the array at index 0 has size {} and the array at index 1 has size {}",
            x.glen,
            (*y).glen
        );
        return Err(PyErr::new(exc::VALUE_ERROR, msg));
    }
    let yy = align(y, x)?;
    let n = x.glen as f64;
    let [sx, sy] = sums(x, &*yy, |a, b| [a, b]);
    let (mx, my) = (sx / n, sy / n);
    let [cxx, cxy, cyy] = sums(x, &*yy, |a, b| [(a - mx) * (a - mx), (a - mx) * (b - my), (b - my) * (b - my)]);
    decref(yy as *mut Header);
    let fact = (x.glen - ddof) as f64;
    let mut c = [cxx / fact, cxy / fact, cxy / fact, cyy / fact];
    if corr {
        let s = [c[0].sqrt(), c[3].sqrt()];
        for (k, v) in c.iter_mut().enumerate() {
            *v = (*v / s[k / 2] / s[k % 2]).clamp(-1.0, 1.0);
        }
    }
    let r = new_unfilled(desc_for(dtype::FLOAT64), Shape::rep(dtype::FLOAT64, 2, 2, 2))?;
    if let DataMut::Float(out) = data_mut(r) {
        out.copy_from_slice(&c);
    }
    Ok(r)
}
