//! `np.gradient(f, dx)` of a 1D array: central differences
//! `(f[i + 1] - f[i - 1]) / (2 dx)` inside and one-sided ones at the ends,
//! as NumPy computes them (`edge_order=1`); a REP float64 array
//! (collective when `f` is distributed: gathered).

use super::object::{data_mut, desc_for, new_checked, ArrObj, DataMut, Shape};
use super::redist::gather;
use crate::errors::{PyErr, PyResult};
use crate::object::{decref, Header};
use bodo_abi::{dtype, exc};

/// # Safety
/// `f` is a live 1D array.
pub unsafe fn gradient(f: *mut ArrObj, dx: f64) -> PyResult<*mut ArrObj> {
    let w = gather(f)?;
    let d = (*w).data();
    let v: Vec<f64> = (0..d.len()).map(|k| d.f64_at(k)).collect();
    decref(w as *mut Header);
    let n = v.len();
    if n < 2 {
        let msg = "Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.";
        return Err(PyErr::new(exc::VALUE_ERROR, msg));
    }
    let r = new_checked(desc_for(dtype::FLOAT64), Shape::rep1(dtype::FLOAT64, n as i64))?;
    if let DataMut::Float(out) = data_mut(r) {
        for i in 1..n - 1 {
            out[i] = (v[i + 1] - v[i - 1]) / (2.0 * dx);
        }
        out[0] = (v[1] - v[0]) / dx;
        out[n - 1] = (v[n - 1] - v[n - 2]) / dx;
    }
    Ok(r)
}
