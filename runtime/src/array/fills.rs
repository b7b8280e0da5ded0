//! pandas' `fillna` of str columns (`pd.$fill_strs`), and the check that
//! `df.fillna(v)` makes of its columns of the other kind (`pd.$none_missing`):
//! pandas would fill those with a value of a foreign type, an object column.

use super::object::{new_like_unfilled, ArrObj};
use super::strs;
use crate::errors::{PyErr, PyResult};
use crate::object::{incref, Header, StrObj};
use bodo_abi::{dtype, exc};

/// STR array `a` with each missing value replaced by `text`: a new array
/// of the same shape and distribution, holding a reference to each element.
///
/// # Safety
/// `a` is a live STR array, `text` a live str.
pub unsafe fn fill_strs(a: &ArrObj, text: *mut StrObj) -> PyResult<*mut ArrObj> {
    let out = new_like_unfilled(a, a.shape())?;
    let dst = std::slice::from_raw_parts_mut((*out).data as *mut *mut StrObj, a.nelems());
    for (d, &s) in dst.iter_mut().zip(strs::elems(a)) {
        *d = if s.is_null() { text } else { s };
        incref(*d as *mut Header);
    }
    Ok(out)
}

/// A ValueError unless float or STR column `a`, named `name`, has no missing
/// value on any rank (collective when distributed): `df.fillna(v)` with a
/// `v` of the other kind would make it an object column.
///
/// # Safety
/// `a` is a live array.
pub unsafe fn none_missing(a: &ArrObj, name: &str) -> PyResult<()> {
    let (missing, fill) = match a.dtype {
        dtype::STR => (strs::elems(a).iter().any(|s| s.is_null()), "a number"),
        dtype::FLOAT64 => {
            let xs = std::slice::from_raw_parts(a.data as *const f64, a.nelems());
            (xs.iter().any(|x| x.is_nan()), "a string")
        }
        _ => (false, ""),
    };
    let r = if missing {
        Err(PyErr::new(
            exc::VALUE_ERROR,
            format!(
                "fillna(): column '{name}' has missing values, which pandas would fill with {fill}, making an \
                 object column (not supported): fill the columns one kind at a time, \
                 `df.fillna({{\"{name}\": ...}})`"
            ),
        ))
    } else {
        Ok(())
    };
    crate::io::agreed(r, a.is_dist())
}
