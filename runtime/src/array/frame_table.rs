//! A DataFrame's or Series' tuple (`bodo_abi::kind::FRAME`/`SERIES`: row
//! labels, then 1D arrays) as a table, and the table operations' results as
//! new tuples: the runtime side of `sort_values`/`sort_index`, groupby and
//! the distinct rows (`drop_duplicates`, `unique`, `value_counts`).
//! A table holds the tuple's arrays from item `first` on, a RangeIndex's
//! labels (its start and step are items 0 and 1 when `first` is 2) made
//! the table's first column, so positions in the table are the compiler's
//! "label arrays, then columns".

use super::distinct::distinct_rows;
use super::groupby::{group_rows, group_table};
use super::labels::range_labels_like;
use super::object::{ArrObj, Shape};
use super::table::{var_layout, Col};
use super::table_sort::{sort_table, Key};
use crate::errors::PyResult;
use crate::object::{decref, Header, TupleObj, TypeDesc};
use crate::tuple;
use bodo_abi::dist;

/// The table of tuple `x` and its first array (whose layout all share).
/// The tuple's descriptor says which int64 arrays hold datetimes.
///
/// # Safety
/// `x` is a live frame or series tuple whose items from `first` are 1D arrays.
pub(super) unsafe fn table_of<'a>(x: *const TupleObj, first: usize) -> PyResult<(Vec<Col>, &'a ArrObj)> {
    let items = tuple::items(x);
    let d = (*x).hdr.desc();
    let like = &*(items[first] as *const ArrObj);
    let mut cols = Vec::new();
    if first == 2 {
        let labels = range_labels_like(like, items[0] as i64, items[1] as i64)?;
        cols.push(Col::of(&*labels));
        decref(labels as *mut Header);
    }
    cols.extend((first..items.len()).map(|k| Col::of_typed(&*(items[k] as *const ArrObj), d.child(k))));
    Ok((cols, like))
}

/// A new tuple of descriptor `out`: the ints `lead` (a RangeIndex's start
/// and step), then `cols` as 1D arrays, 1D_Block_Var when `distributed`
/// (collective then), else REP.
///
/// # Safety
/// `out` is a tuple descriptor of `lead.len()` ints and `cols.len()` arrays.
pub(super) unsafe fn tuple_from(
    out: *const TypeDesc,
    lead: &[i64],
    cols: Vec<Col>,
    distributed: bool,
) -> PyResult<*mut TupleObj> {
    let len = cols.first().map_or(0, Col::len);
    let (offset, glen, d) = if distributed {
        let (offset, glen) = var_layout(len);
        (offset, glen, dist::ONE_D_VAR)
    } else {
        (0, len as i64, dist::REP)
    };
    let mut arrays = Vec::new();
    for c in cols {
        let shape = Shape { dtype: c.dtype(), ndim: 1, len: len as i64, ncols: 1, glen, offset, dist: d };
        match c.into_array(shape) {
            Ok(a) => arrays.push(a),
            Err(e) => {
                arrays.iter().for_each(|&a| decref(a as *mut Header));
                return Err(e);
            }
        }
    }
    let slots: Vec<u64> = lead.iter().map(|&i| i as u64).chain(arrays.iter().map(|&a| a as u64)).collect();
    let r = tuple::new(out, &slots);
    arrays.iter().for_each(|&a| decref(a as *mut Header));
    Ok(r)
}

/// `sort_values` / `sort_index`: the rows of `x` sorted by `keys` (table
/// positions, `2 * position + ascending`), as a tuple of descriptor `out`
/// holding the labels array(s), then the columns (collective when `x` is
/// distributed; the result is then 1D_Block_Var).
///
/// # Safety
/// As for [`table_of`]; `out` describes the result.
pub unsafe fn frame_sort(
    x: *const TupleObj,
    first: usize,
    keys: &[i64],
    out: *const TypeDesc,
) -> PyResult<*mut TupleObj> {
    let (cols, like) = table_of(x, first)?;
    let keys: Vec<Key> = keys.iter().map(|&k| Key { col: (k >> 1) as usize, ascending: k & 1 == 1 }).collect();
    let sorted = sort_table(cols, &keys, like.offset, like.is_dist())?;
    tuple_from(out, &[], sorted, like.is_dist())
}

/// groupby aggregations: one row per group of `x`'s rows by the table
/// columns `keys`, holding the keys and aggregation `a & 15` of column
/// `a >> 4` for each `a` of `aggs`, sorted by key; the keys are the labels
/// (`as_index`) or columns after a new RangeIndex (collective when `x` is
/// distributed; the result is then 1D_Block_Var).
///
/// # Safety
/// As for [`frame_sort`].
pub unsafe fn frame_groupby(
    x: *const TupleObj,
    first: usize,
    keys: &[i64],
    aggs: &[i64],
    as_index: bool,
    out: *const TypeDesc,
) -> PyResult<*mut TupleObj> {
    let (cols, like) = table_of(x, first)?;
    let keys: Vec<usize> = keys.iter().map(|&k| k as usize).collect();
    let aggs: Vec<(usize, i64)> = aggs.iter().map(|&a| ((a >> 4) as usize, a & 15)).collect();
    let res = group_table(&cols, &keys, &aggs, like.offset, like.is_dist())?;
    let lead: &[i64] = if as_index { &[] } else { &[0, 1] };
    tuple_from(out, lead, res, like.is_dist())
}

/// The distinct keys of `x`'s rows by the table columns `keys`, as
/// [`distinct_rows`] makes them for `flags`, in a tuple of descriptor `out`
/// (collective when `x` is distributed; the result is then 1D_Block_Var).
///
/// # Safety
/// As for [`frame_sort`].
pub unsafe fn frame_distinct(
    x: *const TupleObj,
    first: usize,
    keys: &[i64],
    flags: i64,
    out: *const TypeDesc,
) -> PyResult<*mut TupleObj> {
    let (cols, like) = table_of(x, first)?;
    let keys: Vec<usize> = keys.iter().map(|&k| k as usize).collect();
    let res = distinct_rows(&cols, &keys, flags, like.offset, like.is_dist())?;
    tuple_from(out, &[], res, like.is_dist())
}

/// `groupby(keys)[col].cumsum()` / `.transform(code)`: one value per row of
/// `x`, laid out as its arrays (collective when `x` is distributed).
///
/// # Safety
/// As for [`table_of`].
pub unsafe fn frame_group_rows(
    x: *const TupleObj,
    first: usize,
    keys: &[i64],
    col: usize,
    code: i64,
) -> PyResult<*mut ArrObj> {
    let (cols, like) = table_of(x, first)?;
    let keys: Vec<usize> = keys.iter().map(|&k| k as usize).collect();
    let r = group_rows(&cols, &keys, col, code, like.offset, like.is_dist())?;
    r.into_array(like.shape())
}
