//! `str.maketrans(x, y[, z])` tables and `s.translate(table)`: a table is a
//! dict from code points to what replaces them, a code point, a string or
//! None (the character is deleted), read from the dict's descriptor.

use crate::boxed;
use crate::dict::{self, DictObj};
use crate::errors::{PyErr, PyResult};
use crate::object::{decref, BoxObj, Header, StrObj, TypeDesc};
use crate::str::{as_str, new_str};
use bodo_abi::{exc, kind};

/// The `dict[int, int | None]` of type `d` mapping each character of `x`
/// to the one at its position in `y`, and each character of `z` to None.
///
/// # Safety
/// `d` is that dict's descriptor.
pub unsafe fn maketrans(x: &str, y: &str, z: Option<&str>, d: *const TypeDesc) -> PyResult<*mut DictObj> {
    if x.chars().count() != y.chars().count() {
        return Err(PyErr::new(exc::VALUE_ERROR, "the first two maketrans arguments must have equal length"));
    }
    let m = dict::new(d);
    let boxes = (*d).child(1);
    let pairs = x.chars().zip(y.chars().map(Some)).chain(z.unwrap_or("").chars().map(|c| (c, None)));
    for (from, to) in pairs {
        // A box for a code point, null for None (the dict increfs what it stores).
        let value = to.map_or(std::ptr::null_mut(), |c| boxed::new(boxes, c as u64));
        let stored = dict::setitem(m, from as u64, value as u64);
        if !value.is_null() {
            decref(value as *mut Header);
        }
        if let Err(e) = stored {
            decref(m as *mut Header);
            return Err(e);
        }
    }
    Ok(m)
}

/// `s.translate(table)` as a new string.
///
/// # Safety
/// `table` is a live dict whose keys are ints and whose values are ints,
/// strs, None or optional ints or strs.
pub unsafe fn translate(s: &str, table: *mut DictObj) -> PyResult<*mut StrObj> {
    let (_, vd) = dict::descs(table);
    let (inner, optional) = if vd.kind == kind::OPTIONAL { (vd.child(0), true) } else { (vd, false) };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let slot = dict::value_slot(table, c as u64)?;
        if slot.is_null() {
            out.push(c);
            continue;
        }
        let v = *slot;
        match inner.kind {
            kind::NONE => {}
            _ if optional && v == 0 => {}
            kind::STR => out.push_str(as_str(v as *const StrObj)),
            _ => {
                let point = if optional { (*(v as *const BoxObj)).value } else { v } as i64;
                match u32::try_from(point).ok().and_then(char::from_u32) {
                    Some(r) => out.push(r),
                    None => {
                        return Err(PyErr::new(exc::VALUE_ERROR, "character mapping must be in range(0x110000)"));
                    }
                }
            }
        }
    }
    Ok(new_str(&out))
}
