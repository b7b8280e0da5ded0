//! `pivot_table`'s reshape (`bodo_abi::kind::PIVOT`): a groupby result on
//! two keys (a Series tuple: row key, column key, one aggregated value per
//! pair) gathered whole on every rank and laid out as pandas' `unstack`
//! does: the distinct row keys and column keys, each sorted, and a 2D block
//! of one row per row key holding each pair's value, NaN where a pair has
//! none. Pairs whose value is NaN are dropped first (pandas' `dropna`), so
//! a key whose values are all NaN gets no row or column. An int block
//! with a missing cell becomes float64, as in pandas, unless an int
//! `fill_value` fills it.

use super::object::{desc_for, new_checked, ArrObj, Data, Shape};
use super::table::Col;
use super::table_sort::{sorted_rows, Key};
use crate::errors::PyResult;
use crate::object::{decref, Header, ListObj, TupleObj, TypeDesc};
use crate::{list, tuple};
use bodo_abi::dtype;
use std::cmp::Ordering;

/// The distinct values of `c` in ascending order, as positions of `c`.
fn distinct_sorted(c: &Col) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for r in sorted_rows(std::slice::from_ref(c), &[Key { col: 0, ascending: true }]) {
        if out.last().is_none_or(|&p| c.order(p, c, r) != Ordering::Equal) {
            out.push(r);
        }
    }
    out
}

/// The place of row `i` of `c` among `labels` (positions of `c`'s distinct
/// values in order; it is one of them).
fn place(c: &Col, labels: &[usize], i: usize) -> usize {
    labels.partition_point(|&p| c.order(p, c, i) == Ordering::Less)
}

/// What a pivot table's cells without a value hold.
#[derive(Clone, Copy)]
pub enum PivotFill {
    NaN,
    /// An int, which keeps an int table int.
    Int(i64),
    Float(f64),
}

/// An int block of `n` cells, `empty` but for value `v[i]` at `cell(i)`.
fn int_block(v: &[i64], n: usize, empty: i64, cell: impl Fn(usize) -> usize) -> Col {
    let mut out = vec![empty; n];
    for (i, &x) in v.iter().enumerate() {
        out[cell(i)] = x;
    }
    Col::Int(out)
}

/// The pivot table of Series tuple `s` (items: row keys, column keys,
/// values; 1D arrays of one distribution) as a new tuple of descriptor
/// `out`: row labels, column labels, values (REP; collective when `s` is
/// distributed), `fill` where a pair has no value.
///
/// # Safety
/// `s` is a live tuple of three 1D arrays; `out` a tuple descriptor of
/// two 1D arrays and a 2D array.
pub unsafe fn frame_pivot(s: *const TupleObj, fill: PivotFill, out: *const TypeDesc) -> PyResult<*mut TupleObj> {
    let items = tuple::items(s);
    let like = &*(items[0] as *const ArrObj);
    let d = (*s).hdr.desc();
    let mut cols: Vec<Col> = (0..3).map(|k| Col::of_typed(&*(items[k] as *const ArrObj), d.child(k))).collect();
    if like.is_dist() {
        cols = cols.iter().map(Col::gather_all).collect::<PyResult<_>>()?;
    }
    let kept: Vec<usize> = (0..cols[2].len()).filter(|&i| !cols[2].missing(i)).collect();
    let (rows, columns, values) = (cols[0].take(&kept), cols[1].take(&kept), cols[2].take(&kept));
    let (row_labels, col_labels) = (distinct_sorted(&rows), distinct_sorted(&columns));
    let (nr, nc) = (row_labels.len(), col_labels.len());
    let cell = |i: usize| place(&rows, &row_labels, i) * nc + place(&columns, &col_labels, i);
    // pandas' unstack keeps ints when every cell has a value or the fill is an int.
    let block = match (&values, fill) {
        (Col::Int(v), PivotFill::Int(empty)) => int_block(v, nr * nc, empty, cell),
        (Col::Int(v), _) if v.len() == nr * nc => int_block(v, nr * nc, 0, cell),
        _ => {
            let empty = match fill {
                PivotFill::NaN => f64::NAN,
                PivotFill::Int(x) => x as f64,
                PivotFill::Float(x) => x,
            };
            let mut out = vec![empty; nr * nc];
            for i in 0..values.len() {
                out[cell(i)] = match &values {
                    Col::Int(v) => v[i] as f64,
                    Col::Float(v) => v[i],
                    Col::Bool(v) => f64::from(v[i]),
                    // The compiler pivots int and float values only.
                    Col::Time(_) | Col::Str(..) => f64::NAN,
                };
            }
            Col::Float(out)
        }
    };
    let row_arr = rows.take(&row_labels).into_array(Shape::rep1(rows.dtype(), nr as i64))?;
    let col_arr = match columns.take(&col_labels).into_array(Shape::rep1(columns.dtype(), nc as i64)) {
        Ok(a) => a,
        Err(e) => {
            decref(row_arr as *mut Header);
            return Err(e);
        }
    };
    let parts = [row_arr, col_arr];
    let dt = block.dtype();
    let block_arr = match new_checked(desc_for(dt), Shape::rep(dt, 2, nr as i64, nc as i64)) {
        Ok(a) => a,
        Err(e) => {
            parts.iter().for_each(|&a| decref(a as *mut Header));
            return Err(e);
        }
    };
    match &block {
        Col::Int(v) => std::ptr::copy_nonoverlapping(v.as_ptr(), (*block_arr).data as *mut i64, v.len()),
        Col::Float(v) => std::ptr::copy_nonoverlapping(v.as_ptr(), (*block_arr).data as *mut f64, v.len()),
        _ => {}
    }
    let slots = [row_arr as u64, col_arr as u64, block_arr as u64];
    let r = tuple::new(out, &slots);
    slots.iter().for_each(|&a| decref(a as *mut Header));
    Ok(r)
}

/// Item `k` of pivot tuple `p` (its row or column labels) as a new list
/// of descriptor `list_desc`.
///
/// # Safety
/// `p` is a live pivot tuple, `list_desc` a list descriptor of its labels' type.
pub unsafe fn pivot_labels(p: *const TupleObj, k: usize, list_desc: *const TypeDesc) -> *mut ListObj {
    let a = &*(tuple::items(p)[k] as *const ArrObj);
    let slots: Vec<u64> = if a.dtype == dtype::STR {
        super::strs::elems(a).iter().map(|&s| s as u64).collect()
    } else {
        match a.data() {
            Data::Int(v) => v.iter().map(|&x| x as u64).collect(),
            Data::Float(v) => v.iter().map(|x| x.to_bits()).collect(),
            Data::Bool(v) => v.iter().map(|&x| u64::from(x)).collect(),
        }
    };
    list::from_slots(list_desc, &slots)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::table::S;

    #[test]
    fn distinct_keys_sorted_once() {
        let c = Col::Str(vec![S(Some("b")), S(Some("a")), S(Some("b")), S(Some("c"))], Vec::new());
        let d = distinct_sorted(&c);
        assert_eq!(d.len(), 3);
        assert_eq!(place(&c, &d, 2), 1);
        assert_eq!(place(&c, &d, 1), 0);
        assert_eq!(place(&c, &d, 3), 2);
    }
}
