//! `zip(*rows)` over a run-time number of rows: the columns, each a
//! run-time-length tuple (`bodo_abi::kind::VTUPLE`, laid out as a list),
//! as many as the shortest row has items.

use crate::list;
use crate::object::{decref, Header, ListObj, StrObj, TupleObj, TypeDesc};
use crate::str as pystr;
use crate::tuple;
use bodo_abi::kind;
use std::borrow::Cow;

/// A list of type `out` of the columns of `rows` (a list-layout sequence of
/// lists, run-time-length tuples, fixed tuples or strings), each column a
/// tuple of type `col`.
///
/// # Safety
/// `rows` is a live list-layout object whose items are rows of its element
/// type, and `out`/`col` are list/tuple descriptors of the rows' item type.
pub unsafe fn zip_rows(rows: *const ListObj, out: *const TypeDesc, col: *const TypeDesc) -> *mut ListObj {
    let row_kind = list::elem_desc(rows).kind;
    // Strings are walked as lists of their characters, made here.
    let chars: Vec<*mut ListObj> = match row_kind {
        kind::STR => list::items(rows).iter().map(|&r| pystr::chars(pystr::as_str(r as *const StrObj))).collect(),
        _ => Vec::new(),
    };
    let rows: Vec<Cow<[u64]>> = match row_kind {
        kind::STR => chars.iter().map(|&l| list::items(l)).collect(),
        kind::TUPLE => list::items(rows).iter().map(|&r| Cow::Borrowed(tuple::items(r as *const TupleObj))).collect(),
        _ => list::items(rows).iter().map(|&r| list::items(r as *const ListObj)).collect(),
    };
    // CPython's zip() of no iterables yields nothing.
    let n = rows.iter().map(|r| r.len()).min().unwrap_or(0);
    let result = list::new(out, n as i64);
    let mut column = Vec::with_capacity(rows.len());
    for i in 0..n {
        column.clear();
        column.extend(rows.iter().map(|r| r[i]));
        list::push_owned(result, list::from_slots(col, &column) as u64);
    }
    for l in chars {
        decref(l as *mut Header);
    }
    result
}
