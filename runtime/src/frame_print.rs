//! The text of a pandas DataFrame or Series value: its tuple of parts
//! (`bodo_abi::kind::FRAME` / `SERIES`: row labels, then 1D arrays, whole on
//! this rank when printed) handed to the formatter `frame_fmt`, only the
//! rows pandas shows.

use crate::array::{strs, ArrObj, Data};
use crate::frame_fmt::{self, Cells, Labels, ShownRows};
use crate::object::{StrObj, TupleObj, TypeDesc};
use crate::tuple;
use bodo_abi::{dtype, kind};

/// The values of the shown rows of one array (strings borrowed from it).
enum Shown<'a> {
    Int(Vec<i64>),
    Float(Vec<f64>),
    Bool(Vec<bool>),
    Str(Vec<Option<&'a str>>),
}

impl<'a> Shown<'a> {
    /// Rows `0..head` and `n - tail..n` of array `a`.
    ///
    /// # Safety
    /// `a` is a live 1D array held whole, alive while the result is.
    unsafe fn of(a: *const ArrObj, rows: ShownRows) -> Shown<'a> {
        let n = (*a).nelems();
        let keep = |k: usize| k < rows.head || k >= n.saturating_sub(rows.tail);
        if (*a).dtype == dtype::STR {
            let shown = strs::elems(&*a).iter().enumerate().filter(|(k, _)| keep(*k));
            return Shown::Str(shown.map(|(_, &p)| (!p.is_null()).then(|| crate::str::as_str(p))).collect());
        }
        match (*a).data() {
            Data::Int(v) => Shown::Int(v.iter().enumerate().filter(|(k, _)| keep(*k)).map(|(_, x)| *x).collect()),
            Data::Float(v) => Shown::Float(v.iter().enumerate().filter(|(k, _)| keep(*k)).map(|(_, x)| *x).collect()),
            Data::Bool(v) => {
                Shown::Bool(v.iter().enumerate().filter(|(k, _)| keep(*k)).map(|(_, x)| *x != 0).collect())
            }
        }
    }

    fn cells(&self) -> Cells<'_> {
        match self {
            Shown::Int(v) => Cells::Int(v),
            Shown::Float(v) => Cells::Float(v),
            Shown::Bool(v) => Cells::Bool(v),
            Shown::Str(v) => Cells::Str(v),
        }
    }
}

/// The parts of frame or series `v` of descriptor `d`: the labels' parts
/// count, the number of rows, and the tuple's items.
///
/// # Safety
/// `v` is a live tuple of `d`'s layout.
unsafe fn parts(v: u64, d: &TypeDesc) -> (usize, usize, &'static [u64]) {
    let items = tuple::items(v as *const TupleObj);
    let label_parts = if d.child(0).kind == kind::INT { 2 } else { 1 };
    let first = items[if label_parts == 2 { 2 } else { 0 }] as *const ArrObj;
    (label_parts, (*first).glen.max(0) as usize, items)
}

/// Row labels: a RangeIndex's start and step, or the shown rows' labels.
enum Lab<'a> {
    Range(i64, i64),
    Shown(Shown<'a>),
    Strs(Vec<&'a str>),
}

impl Lab<'_> {
    /// # Safety
    /// As for [`parts`].
    unsafe fn of(items: &[u64], label_parts: usize, rows: ShownRows) -> Lab<'static> {
        if label_parts == 2 {
            return Lab::Range(items[0] as i64, items[1] as i64);
        }
        match Shown::of(items[0] as *const ArrObj, rows) {
            // A missing label prints as pandas prints a missing object.
            Shown::Str(v) => Lab::Strs(v.into_iter().map(|s| s.unwrap_or("NaN")).collect()),
            shown => Lab::Shown(shown),
        }
    }

    fn labels(&self) -> Labels<'_> {
        match self {
            Lab::Range(start, step) => Labels::Range { start: *start, step: *step },
            Lab::Shown(Shown::Int(l)) => Labels::Int(l),
            Lab::Shown(Shown::Float(l)) => Labels::Float(l),
            // Labels are never bools; print them as ints if they were.
            Lab::Shown(Shown::Bool(_) | Shown::Str(_)) => Labels::Int(&[]),
            Lab::Strs(v) => Labels::Str(v),
        }
    }
}

/// `str(df)` / `print(df)` of frame `v` (descriptor `d`, `kind::FRAME`).
///
/// # Safety
/// `v` is a live frame tuple of `d`'s layout, its arrays whole.
pub unsafe fn frame_text(v: u64, d: &TypeDesc) -> String {
    let (label_parts, nrows, items) = parts(v, d);
    let rows = frame_fmt::shown_rows(nrows);
    let lab = Lab::of(items, label_parts, rows);
    let ncols = d.n as usize - label_parts;
    let shown: Vec<Shown> = (0..ncols).map(|c| Shown::of(items[label_parts + c] as *const ArrObj, rows)).collect();
    let names: Vec<&str> = (0..ncols).map(|c| name_at(d, d.n as usize + c).unwrap_or_default()).collect();
    let columns = names.iter().zip(&shown).map(|(n, s)| (*n, s.cells())).collect();
    let index = lab.labels();
    frame_fmt::frame_repr(&frame_fmt::Frame { nrows, columns, index, index_name: None, columns_name: None })
}

/// `str(s)` / `print(s)` of series `v` (descriptor `d`, `kind::SERIES`).
///
/// # Safety
/// `v` is a live series tuple of `d`'s layout, its values whole.
pub unsafe fn series_text(v: u64, d: &TypeDesc) -> String {
    let (label_parts, nrows, items) = parts(v, d);
    let rows = frame_fmt::shown_rows(nrows);
    let lab = Lab::of(items, label_parts, rows);
    let values = Shown::of(items[label_parts] as *const ArrObj, rows);
    let name = name_at(d, d.n as usize);
    let index = lab.labels();
    frame_fmt::series_repr(&frame_fmt::Series { nrows, cells: values.cells(), index, index_name: None, name })
}

/// The name string at position `i` of `d`'s children (after the item
/// types), or none for a null entry.
fn name_at(d: &TypeDesc, i: usize) -> Option<&'static str> {
    // SAFETY: frame and series descriptors hold their names (immortal
    // strings, or null for a series without one) after the item types.
    unsafe {
        let p = *d.children.add(i) as *const StrObj;
        (!p.is_null()).then(|| crate::str::as_str(p))
    }
}
