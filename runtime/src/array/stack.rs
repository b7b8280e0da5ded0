//! Joining arrays along a new or the column axis: `np.vstack`/`np.stack`
//! (1D inputs become rows of a 2D array) and `np.column_stack`/`np.hstack`
//! of 2D arrays (inputs side by side, 1D inputs as columns).

use super::object::{data_mut, desc_for, new_checked, new_like, promote, ArrObj, Shape};
use super::ops::{concat, size_mismatch};
use super::redist::{fetch_rows, gather};
use crate::errors::{PyErr, PyResult};
use crate::mpi_env;
use crate::object::{decref, Header};
use bodo_abi::{block_range, dist, exc};

/// `np.vstack(arrs)`, or `np.stack(arrs)` (`same_shape`: NumPy requires
/// equal shapes there): a 1D input is one row (gathered: its elements lie
/// along the columns, which are never split across ranks), a 2D input its
/// rows; then the rows are concatenated as `np.concatenate` does.
///
/// # Safety
/// Every array is live.
pub unsafe fn vstack(arrs: &[&ArrObj], same_shape: bool) -> PyResult<*mut ArrObj> {
    if same_shape && arrs.iter().any(|a| a.shape().text() != arrs[0].shape().text()) {
        return Err(PyErr::new(exc::VALUE_ERROR, "all input arrays must have the same shape"));
    }
    let mut rows: Vec<*mut ArrObj> = Vec::with_capacity(arrs.len());
    let mut res = Ok(());
    for &a in arrs {
        let p = a as *const ArrObj as *mut ArrObj;
        if a.ndim == 2 {
            crate::object::incref(p as *mut Header);
            rows.push(p);
            continue;
        }
        match gather(p).and_then(|w| {
            let r = new_like(&*w, Shape::rep((*w).dtype, 2, 1, (*w).glen));
            if let Ok(r) = r {
                std::ptr::copy_nonoverlapping((*w).data, (*r).data, (*w).len.max(0) as usize * (*w).row_bytes());
            }
            decref(w as *mut Header);
            r
        }) {
            Ok(r) => rows.push(r),
            Err(e) => {
                res = Err(e);
                break;
            }
        }
    }
    let out = res.and_then(|()| concat(&rows.iter().map(|&r| &*r).collect::<Vec<_>>()));
    for r in rows {
        decref(r as *mut Header);
    }
    out
}

/// `np.column_stack(arrs)` (and `np.hstack` of 2D arrays): every input's
/// columns side by side (a 1D input is one column), converted to the widest
/// dtype. All REP gives REP; otherwise the result is 1D_Block (collective),
/// each input's rows of this rank's block fetched from wherever they are.
///
/// # Safety
/// Every array is live.
pub unsafe fn column_stack(arrs: &[&ArrObj]) -> PyResult<*mut ArrObj> {
    let Some(first) = arrs.first() else {
        return Err(PyErr::new(exc::VALUE_ERROR, "need at least one array to concatenate"));
    };
    for (i, a) in arrs.iter().enumerate().skip(1) {
        if a.glen != first.glen {
            return Err(size_mismatch(0, first.glen, i, a.glen));
        }
    }
    let dt = arrs.iter().fold(first.dtype, |d, a| promote(d, a.dtype));
    let width: i64 = arrs.iter().map(|a| a.ncols).sum();
    let shape = if arrs.iter().any(|a| a.is_dist()) {
        let (bs, bc) = block_range(first.glen, mpi_env::rank(), mpi_env::size());
        Shape { dtype: dt, ndim: 2, len: bc, ncols: width, glen: first.glen, offset: bs, dist: dist::ONE_D }
    } else {
        Shape::rep(dt, 2, first.glen, width)
    };
    let r = new_checked(desc_for(dt), shape)?;
    let (rows, w) = (shape.len.max(0) as usize, width.max(0) as usize);
    let mut col = 0;
    for a in arrs {
        // This rank's rows of `a`: its own data when replicated, else fetched.
        let piece = if shape.dist == dist::REP {
            Ok(*a as *const ArrObj as *mut ArrObj)
        } else {
            new_like(a, Shape { len: shape.len, offset: shape.offset, dist: dist::ONE_D_VAR, ..a.shape() }).and_then(
                |p| {
                    fetch_rows(a, shape.offset, shape.len, (*p).data).map(|()| p).inspect_err(|_| {
                        decref(p as *mut Header);
                    })
                },
            )
        };
        let piece = match piece {
            Ok(p) => p,
            Err(e) => {
                decref(r as *mut Header);
                return Err(e);
            }
        };
        let (s, aw) = ((*piece).data(), a.ncols.max(0) as usize);
        let mut d = data_mut(r);
        for i in 0..rows {
            d.put_run(i * w + col, &s, i * aw, aw);
        }
        if shape.dist != dist::REP {
            decref(piece as *mut Header);
        }
        col += aw;
    }
    Ok(r)
}
