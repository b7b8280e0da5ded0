//! Small dense linear algebra, `np.linalg.solve`, `inv` and `det`: the
//! matrices are gathered (collective when distributed) and every rank
//! factors them by LU decomposition with partial pivoting, as LAPACK's
//! `getrf` does (the first largest pivot of each column), so the results
//! are NumPy's up to rounding. Results are REP.

use super::object::{data_mut, desc_for, new_checked, ArrObj, DataMut, Shape};
use super::redist::gather;
use crate::errors::{PyErr, PyResult};
use crate::object::{decref, Header};
use bodo_abi::{dtype, exc};

/// The elements of `a` (gathered) as floats, with its global shape.
///
/// # Safety
/// `a` is a live array.
unsafe fn whole(a: *mut ArrObj) -> PyResult<(Vec<f64>, i64, i64)> {
    let w = gather(a)?;
    let d = (*w).data();
    let out = ((0..d.len()).map(|k| d.f64_at(k)).collect(), (*w).glen, (*w).ncols);
    decref(w as *mut Header);
    Ok(out)
}

fn linalg_error(msg: &str) -> PyErr {
    PyErr::new(exc::LINALG_ERROR, msg)
}

/// The `n x n` matrix `a` (row-major, gathered), checked square.
///
/// # Safety
/// `a` is a live 2D array.
unsafe fn square(a: *mut ArrObj) -> PyResult<(Vec<f64>, usize)> {
    let (m, rows, cols) = whole(a)?;
    if (*a).ndim != 2 || rows != cols {
        return Err(linalg_error("Last 2 dimensions of the array must be square"));
    }
    Ok((m, rows.max(0) as usize))
}

/// `a` factored in place into `L` (below the diagonal, unit diagonal) and
/// `U`, with the row swaps made; the swaps' parity. `Err` when singular.
fn lu(a: &mut [f64], n: usize, perm: &mut [usize]) -> Result<bool, ()> {
    let mut odd = false;
    for k in 0..n {
        let mut p = k;
        for i in k + 1..n {
            if a[i * n + k].abs() > a[p * n + k].abs() {
                p = i;
            }
        }
        if a[p * n + k] == 0.0 {
            return Err(());
        }
        if p != k {
            for j in 0..n {
                a.swap(k * n + j, p * n + j);
            }
            perm.swap(k, p);
            odd = !odd;
        }
        for i in k + 1..n {
            let f = a[i * n + k] / a[k * n + k];
            a[i * n + k] = f;
            for j in k + 1..n {
                a[i * n + j] -= f * a[k * n + j];
            }
        }
    }
    Ok(odd)
}

/// The solutions of `lu x = b` for the `k` right-hand sides `b` (row-major
/// `n x k`), `lu` and `perm` from [`lu`].
fn lu_solve(lu: &[f64], perm: &[usize], n: usize, b: &[f64], k: usize) -> Vec<f64> {
    let mut x: Vec<f64> = perm.iter().flat_map(|&p| b[p * k..(p + 1) * k].to_vec()).collect();
    for c in 0..k {
        for i in 0..n {
            for j in 0..i {
                x[i * k + c] -= lu[i * n + j] * x[j * k + c];
            }
        }
        for i in (0..n).rev() {
            for j in i + 1..n {
                x[i * k + c] -= lu[i * n + j] * x[j * k + c];
            }
            x[i * k + c] /= lu[i * n + i];
        }
    }
    x
}

/// A REP float64 array of `vals` shaped like `b` (1D or `rows x cols`).
fn float_array(vals: &[f64], ndim: i64, rows: i64, cols: i64) -> PyResult<*mut ArrObj> {
    let r = new_checked(desc_for(dtype::FLOAT64), Shape::rep(dtype::FLOAT64, ndim, rows, cols))?;
    if let DataMut::Float(d) = unsafe { data_mut(r) } {
        d.copy_from_slice(vals);
    }
    Ok(r)
}

/// `np.linalg.solve(a, b)`: `x` with `a @ x == b`, for a 1D `b` or a 2D
/// one (each column a right-hand side).
///
/// # Safety
/// `a` and `b` are live arrays, `a` 2D.
pub unsafe fn solve(a: *mut ArrObj, b: *mut ArrObj) -> PyResult<*mut ArrObj> {
    let (mut m, n) = square(a)?;
    let (bv, rows, cols) = whole(b)?;
    let nd = (*b).ndim;
    if rows != n as i64 {
        let (f, sig) = if nd == 2 { ("solve", "(m,m),(m,n)->(m,n)") } else { ("solve1", "(m,m),(m)->(m)") };
        let msg = format!(
            "{f}: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature {sig} \
             (size {rows} is different from {n})"
        );
        return Err(PyErr::new(exc::VALUE_ERROR, msg));
    }
    let mut perm: Vec<usize> = (0..n).collect();
    lu(&mut m, n, &mut perm).map_err(|()| linalg_error("Singular matrix"))?;
    let k = if nd == 2 { cols.max(0) as usize } else { 1 };
    float_array(&lu_solve(&m, &perm, n, &bv, k), nd, rows, if nd == 2 { cols } else { 1 })
}

/// `np.linalg.inv(a)`.
///
/// # Safety
/// `a` is a live 2D array.
pub unsafe fn inv(a: *mut ArrObj) -> PyResult<*mut ArrObj> {
    let (mut m, n) = square(a)?;
    let mut perm: Vec<usize> = (0..n).collect();
    lu(&mut m, n, &mut perm).map_err(|()| linalg_error("Singular matrix"))?;
    let eye: Vec<f64> = (0..n * n).map(|k| f64::from(u8::from(k / n == k % n))).collect();
    float_array(&lu_solve(&m, &perm, n, &eye, n), 2, n as i64, n as i64)
}

/// `np.linalg.det(a)`: the product of `U`'s diagonal, signed by the row
/// swaps; 0.0 for a singular matrix.
///
/// # Safety
/// `a` is a live 2D array.
pub unsafe fn det(a: *mut ArrObj) -> PyResult<f64> {
    let (mut m, n) = square(a)?;
    let mut perm: Vec<usize> = (0..n).collect();
    let Ok(odd) = lu(&mut m, n, &mut perm) else { return Ok(0.0) };
    let d: f64 = (0..n).map(|i| m[i * n + i]).product();
    Ok(if odd { -d } else { d })
}
