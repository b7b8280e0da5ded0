//! `a.reshape(shape)`: the same elements in row-major order under a new 1D
//! or 2D shape. A replicated array is copied; a distributed one becomes a
//! 1D_Block array of the new rows, each rank fetching the run of elements
//! its rows cover (collective).

use super::object::{bytes_mut, new_like, ArrObj, Shape};
use super::redist::fetch_rows;
use crate::errors::{PyErr, PyResult};
use crate::mpi_env;
use crate::object::{decref, Header};
use bodo_abi::{block_range, dist, exc};

/// NumPy's spelling of a requested shape in its error: leading unknown
/// (negative) sizes are left out, later ones are `newaxis`.
fn shape_text(dims: &[i64]) -> String {
    let Some(first) = dims.iter().position(|&d| d >= 0) else { return "()".to_string() };
    let parts: Vec<String> =
        dims[first..].iter().map(|&d| if d < 0 { "newaxis".to_string() } else { d.to_string() }).collect();
    if first + parts.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(","))
    }
}

/// The concrete sizes of `dims` for `total` elements (one may be -1).
fn resolve(dims: &[i64], total: i64) -> PyResult<Vec<i64>> {
    if dims.iter().filter(|&&d| d < 0).count() > 1 {
        return Err(PyErr::new(exc::VALUE_ERROR, "can only specify one unknown dimension"));
    }
    let known: i64 = dims.iter().filter(|&&d| d >= 0).product();
    let fits = if dims.iter().any(|&d| d < 0) { known != 0 && total % known == 0 } else { known == total };
    if !fits {
        return Err(PyErr::new(
            exc::VALUE_ERROR,
            format!("cannot reshape array of size {total} into shape {}", shape_text(dims)),
        ));
    }
    Ok(dims.iter().map(|&d| if d < 0 { total / known } else { d }).collect())
}

/// `a.reshape(rows)` (`ndim` 1) or `a.reshape(rows, cols)` (`ndim` 2).
///
/// # Safety
/// `a` is live.
pub unsafe fn reshape(a: &ArrObj, rows: i64, cols: i64, ndim: i64) -> PyResult<*mut ArrObj> {
    let dims: &[i64] = if ndim == 2 { &[rows, cols] } else { &[rows] };
    let total = a.glen * a.ncols;
    let got = resolve(dims, total)?;
    let (rows, cols) = (got[0], got.get(1).copied().unwrap_or(1));
    if !a.is_dist() {
        let r = new_like(a, Shape::rep(a.dtype, ndim, rows, cols))?;
        bytes_mut(r).copy_from_slice(a.bytes());
        return Ok(r);
    }
    let (start, count) = block_range(rows, mpi_env::rank(), mpi_env::size());
    let shape = Shape { dtype: a.dtype, ndim, len: count, ncols: cols, glen: rows, offset: start, dist: dist::ONE_D };
    let r = new_like(a, shape)?;
    let flat = a.flat_view();
    if let Err(e) = fetch_rows(&flat, start * cols, count * cols, (*r).data) {
        decref(r as *mut Header);
        return Err(e);
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_shapes_follow_numpy() {
        assert_eq!(shape_text(&[5, 3]), "(5,3)");
        assert_eq!(shape_text(&[5, -1]), "(5,newaxis)");
        assert_eq!(shape_text(&[-1, 5]), "(5)");
        assert_eq!(shape_text(&[7]), "(7,)");
        assert_eq!(resolve(&[-1, 4], 12).ok(), Some(vec![3, 4]));
        assert!(resolve(&[-1, -1], 12).is_err());
        assert!(resolve(&[5, -1], 12).is_err());
    }
}
