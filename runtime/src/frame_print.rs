//! The text of a pandas DataFrame or Series value: its tuple of parts
//! (`bodo_abi::kind::FRAME` / `SERIES`: row labels, then 1D arrays, whole on
//! this rank when printed; `PIVOT`: row labels, column labels and a 2D
//! block) handed to the formatter `frame_fmt`, only the rows pandas shows.

use crate::array::{strs, ArrObj, Data};
use crate::frame_fmt::{self, Cells, Labels, Level, ShownRows};
use crate::object::{StrObj, TupleObj, TypeDesc};
use crate::tuple;
use bodo_abi::{dtype, kind};

/// The values of the shown rows of one array, owned (strings borrowed
/// from the array, which outlives the printing).
enum Shown {
    Int(Vec<i64>),
    Float(Vec<f64>),
    Bool(Vec<bool>),
    Str(Vec<Option<&'static str>>),
    /// datetime64[ns] values (an int64 array whose descriptor's element is
    /// `kind::DATETIME`).
    DateTime(Vec<i64>),
}

impl Shown {
    /// Rows `0..head` and `n - tail..n` of array `a`.
    ///
    /// # Safety
    /// `a` is a live 1D array held whole, `ad` its static descriptor.
    unsafe fn of(a: *const ArrObj, ad: &TypeDesc, rows: ShownRows) -> Shown {
        let n = (*a).nelems();
        let keep = |k: usize| k < rows.head || k >= n.saturating_sub(rows.tail);
        if (*a).dtype == dtype::STR {
            let shown = strs::elems(&*a).iter().enumerate().filter(|(k, _)| keep(*k));
            return Shown::Str(shown.map(|(_, &p)| (!p.is_null()).then(|| crate::str::as_str(p))).collect());
        }
        match (*a).data() {
            Data::Int(v) if ad.child(0).kind == kind::DATETIME => {
                Shown::DateTime(v.iter().enumerate().filter(|(k, _)| keep(*k)).map(|(_, x)| *x).collect())
            }
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
            // A str array's null element is a missing value, shown as pandas shows NaN.
            Shown::Str(v) => Cells::StrNaN(v),
            Shown::DateTime(v) => Cells::DateTime(v),
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
    let (label_parts, first) = match levels(d) {
        Some(l) => (l.n as usize, 0),
        None if d.child(0).kind == kind::INT => (2, 2),
        None => (1, 0),
    };
    let first = items[first] as *const ArrObj;
    (label_parts, (*first).glen.max(0) as usize, items)
}

/// The descriptor of a named index's levels (a record of their names), if
/// the labels are one.
fn levels(d: &TypeDesc) -> Option<&'static TypeDesc> {
    // SAFETY: frame and series descriptors hold this entry after the item types.
    unsafe {
        let p = *d.children.add(d.n as usize);
        (!p.is_null()).then(|| &*p)
    }
}

/// One level's labels of the shown rows (bools are written `True`/`False`).
enum LevelLabels {
    Int(Vec<i64>),
    Float(Vec<f64>),
    Words(Vec<&'static str>),
    DateTime(Vec<i64>),
}

impl LevelLabels {
    fn of(s: Shown) -> LevelLabels {
        match s {
            Shown::Int(v) => LevelLabels::Int(v),
            Shown::Float(v) => LevelLabels::Float(v),
            Shown::DateTime(v) => LevelLabels::DateTime(v),
            Shown::Bool(v) => LevelLabels::Words(v.iter().map(|&b| if b { "True" } else { "False" }).collect()),
            // A missing label prints as pandas prints a missing object.
            Shown::Str(v) => LevelLabels::Words(v.into_iter().map(|s| s.unwrap_or("NaN")).collect()),
        }
    }

    fn labels(&self) -> Labels<'_> {
        match self {
            LevelLabels::Int(v) => Labels::Int(v),
            LevelLabels::Float(v) => Labels::Float(v),
            LevelLabels::DateTime(v) => Labels::DateTime(v),
            LevelLabels::Words(v) => Labels::Str(v),
        }
    }
}

/// Row labels: a RangeIndex's start and step, or the shown rows' labels of
/// each level, with the level's name.
enum Lab {
    Range(i64, i64),
    Levels(Vec<(Option<&'static str>, LevelLabels)>),
}

impl Lab {
    /// # Safety
    /// As for [`parts`].
    unsafe fn of(items: &[u64], d: &TypeDesc, label_parts: usize, rows: ShownRows) -> Lab {
        let lv = levels(d);
        if label_parts == 2 && lv.is_none() {
            return Lab::Range(items[0] as i64, items[1] as i64);
        }
        // An unnamed level (a Series without a name counted by
        // `value_counts`) is held as the empty name.
        let name = |k: usize| lv.and_then(|l| name_at(l, l.n as usize + k)).filter(|n| !n.is_empty());
        let level = |k: usize| LevelLabels::of(Shown::of(items[k] as *const ArrObj, d.child(k), rows));
        Lab::Levels((0..label_parts).map(|k| (name(k), level(k))).collect())
    }

    /// The labels and the index's name (a MultiIndex's levels, held in
    /// `levels`, carry their own).
    fn labels<'a>(&'a self, levels: &'a mut Vec<Level<'a>>) -> (Labels<'a>, Option<&'a str>) {
        match self {
            Lab::Range(start, step) => (Labels::Range { start: *start, step: *step }, None),
            Lab::Levels(ls) if ls.len() == 1 => (ls[0].1.labels(), ls[0].0),
            Lab::Levels(ls) => {
                levels.extend(ls.iter().map(|(name, l)| Level { name: *name, labels: l.labels() }));
                (Labels::Multi(levels), None)
            }
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
    let lab = Lab::of(items, d, label_parts, rows);
    let ncols = d.n as usize - label_parts;
    let shown: Vec<Shown> = (0..ncols)
        .map(|c| Shown::of(items[label_parts + c] as *const ArrObj, d.child(label_parts + c), rows))
        .collect();
    let names: Vec<&str> = (0..ncols).map(|c| name_at(d, d.n as usize + 1 + c).unwrap_or_default()).collect();
    let columns = names.iter().zip(&shown).map(|(n, s)| (*n, s.cells())).collect();
    let mut levels = Vec::new();
    let (index, index_name) = lab.labels(&mut levels);
    frame_fmt::frame_repr(&frame_fmt::Frame { nrows, columns, index, index_name, columns_name: None })
}

/// `str(p)` / `print(p)` of pivot table `v` (descriptor `d`,
/// `kind::PIVOT`): its column labels written as `str` writes them.
///
/// # Safety
/// `v` is a live pivot tuple of `d`'s layout.
pub unsafe fn pivot_text(v: u64, d: &TypeDesc) -> String {
    let items = tuple::items(v as *const TupleObj);
    let (row_labels, col_labels) = (items[0] as *const ArrObj, items[1] as *const ArrObj);
    let block = &*(items[2] as *const ArrObj);
    let nrows = (*row_labels).glen.max(0) as usize;
    let ncols = (*col_labels).glen.max(0) as usize;
    let rows = frame_fmt::shown_rows(nrows);
    let lab = LevelLabels::of(Shown::of(row_labels, d.child(0), rows));
    let names: Vec<String> = match Shown::of(col_labels, d.child(1), ShownRows { head: ncols, tail: 0 }) {
        Shown::Str(v) => v.iter().map(|s| s.unwrap_or("NaN").to_string()).collect(),
        Shown::Int(v) => int_labels(&v),
        _ => Vec::new(),
    };
    let keep = |r: &usize| *r < rows.head || *r >= nrows.saturating_sub(rows.tail);
    let column = |c: usize| match block.data() {
        Data::Int(v) => Shown::Int((0..nrows).filter(keep).map(|r| v[r * ncols + c]).collect()),
        Data::Float(v) => Shown::Float((0..nrows).filter(keep).map(|r| v[r * ncols + c]).collect()),
        Data::Bool(v) => Shown::Bool((0..nrows).filter(keep).map(|r| v[r * ncols + c] != 0).collect()),
    };
    let shown: Vec<Shown> = (0..ncols).map(column).collect();
    let columns = names.iter().zip(&shown).map(|(n, s)| (n.as_str(), s.cells())).collect();
    let (index_name, columns_name) = (name_at(d, d.n as usize), name_at(d, d.n as usize + 1));
    frame_fmt::frame_repr(&frame_fmt::Frame { nrows, columns, index: lab.labels(), index_name, columns_name })
}

/// The text of int column labels as pandas writes an int Index for a
/// header (`Index._format_flat`): each with a sign or a space, padded on
/// the right to the widest, then the leading spaces all of them have
/// removed (`trim_front`), so `[-1, 2, 10]` is `["-1 ", " 2 ", " 10"]`.
fn int_labels(v: &[i64]) -> Vec<String> {
    let signed: Vec<String> = v.iter().map(|&x| if x < 0 { x.to_string() } else { format!(" {x}") }).collect();
    let width = signed.iter().map(String::len).max().unwrap_or(0);
    let trim = signed.iter().map(|s| s.len() - s.trim_start().len()).min().unwrap_or(0);
    signed.iter().map(|s| format!("{s:<width$}")[trim..].to_string()).collect()
}

/// `str(s)` / `print(s)` of series `v` (descriptor `d`, `kind::SERIES`).
///
/// # Safety
/// `v` is a live series tuple of `d`'s layout, its values whole.
pub unsafe fn series_text(v: u64, d: &TypeDesc) -> String {
    let (label_parts, nrows, items) = parts(v, d);
    let rows = frame_fmt::shown_rows(nrows);
    let lab = Lab::of(items, d, label_parts, rows);
    let values = Shown::of(items[label_parts] as *const ArrObj, d.child(label_parts), rows);
    let name = name_at(d, d.n as usize + 1);
    let mut levels = Vec::new();
    let (index, index_name) = lab.labels(&mut levels);
    frame_fmt::series_repr(&frame_fmt::Series { nrows, cells: values.cells(), index, index_name, name })
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
