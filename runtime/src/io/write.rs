//! `df.to_parquet(path)` and `df.to_csv(path, index=...)`: a frame's
//! columns written as pandas writes them.
//!
//! A replicated frame is written whole by each rank that holds it, through
//! a temporary file of its own renamed into place (all ranks write the same
//! bytes). A distributed one is written by all ranks together
//! (collective): `to_parquet` makes `path` a directory of one part file
//! per rank, as Bodo does (`part-00000.parquet`, ...; a rank without rows
//! writes an empty part), which `read_parquet` reads back in rank order;
//! `to_csv` writes one file, each rank its rows' text at its offset.

use super::placed::{write_alone, write_alone_with, write_part};
use super::{agreed, os_error};
use crate::array::comm::allgather_i64s;
use crate::array::{strs, ArrObj, Data};
use crate::errors::{PyErr, PyResult};
use crate::format::float_repr;
use crate::mpi_env;
use bodo_abi::{dist, dtype, exc};
use bodo_parquet::ColRef;
use std::path::Path;

/// A frame's columns: names and this rank's values.
pub struct Columns {
    pub names: Vec<String>,
    pub arrays: Vec<*const ArrObj>,
}

/// The row labels `to_csv` writes before the columns.
pub enum Index {
    /// `index=False`.
    None,
    /// A RangeIndex (unnamed): `start + step * global row`.
    Range { start: i64, step: i64 },
    /// Arrays of labels (one per level), each with its name ("" for none).
    Levels(Vec<(String, *const ArrObj)>),
}

impl Columns {
    /// Rows on this rank, rows before them, and whether the rows are split.
    ///
    /// # Safety
    /// The arrays are live.
    unsafe fn layout(&self, index: &Index) -> (usize, usize, bool) {
        let first = self.arrays.first().copied().or(match index {
            Index::Levels(ls) => ls.first().map(|l| l.1),
            _ => None,
        });
        match first {
            Some(a) if (*a).dist != dist::REP => ((*a).nelems(), (*a).offset.max(0) as usize, true),
            Some(a) => ((*a).nelems(), 0, false),
            None => (0, 0, false),
        }
    }
}

/// `df.to_parquet(path)`.
///
/// # Safety
/// The arrays are live 1D arrays of one length.
pub unsafe fn to_parquet(cols: &Columns, path: &str) -> PyResult<()> {
    let (_, _, distributed) = cols.layout(&Index::None);
    let values: Vec<(String, ColRef)> =
        cols.names.iter().cloned().zip(cols.arrays.iter().map(|&a| col_ref(a))).collect();
    let err = |e: bodo_parquet::Error| match e {
        bodo_parquet::Error::Io(e, _) => os_error(&e, path),
        bodo_parquet::Error::Format(m) => PyErr::new(exc::OS_ERROR, m),
    };
    if !distributed {
        return write_alone_with(path, |tmp| bodo_parquet::write_file(tmp, &values).map_err(err));
    }
    let rank = mpi_env::rank();
    // A fresh directory: parts of an earlier run with more ranks must go.
    let made = if rank == 0 { fresh_dir(path).map_err(|e| os_error(&e, path)) } else { Ok(()) };
    agreed(made, true)?;
    let part = Path::new(path).join(format!("part-{rank:05}.parquet"));
    let tmp = Path::new(path).join(format!(".part-{rank:05}.parquet.partial"));
    let wrote = bodo_parquet::write_file(&tmp, &values)
        .map_err(err)
        .and_then(|()| std::fs::rename(&tmp, &part).map_err(|e| os_error(&e, path)));
    if wrote.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    agreed(wrote, true)
}

/// An empty directory at `path`, replacing whatever was there.
fn fresh_dir(path: &str) -> std::io::Result<()> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(path)?,
        Ok(_) => std::fs::remove_file(path)?,
        Err(_) => {}
    }
    std::fs::create_dir_all(path)
}

/// The values of array `a`, borrowed.
unsafe fn col_ref<'a>(a: *const ArrObj) -> ColRef<'a> {
    let a = &*a;
    if a.dtype == dtype::STR {
        let v = strs::elems(a).iter().map(|&p| (!p.is_null()).then(|| crate::str::as_str(p))).collect();
        return ColRef::Str(v);
    }
    match a.data() {
        Data::Int(v) => ColRef::Int(v),
        Data::Float(v) => ColRef::Float(v),
        Data::Bool(v) => ColRef::Bool(v),
    }
}

/// `df.to_csv(path, index=...)`: pandas' defaults (`,`, `"` quoting only
/// where needed, NaN and missing strings as empty fields, floats as
/// Python's `repr`).
///
/// # Safety
/// The arrays are live 1D arrays of one length.
pub unsafe fn to_csv(cols: &Columns, index: &Index, path: &str) -> PyResult<()> {
    let (len, offset, distributed) = cols.layout(index);
    let rank0 = !distributed || mpi_env::rank() == 0;
    let mut text = String::new();
    if rank0 {
        let mut header: Vec<&str> = match index {
            Index::None => Vec::new(),
            Index::Range { .. } => vec![""],
            Index::Levels(ls) => ls.iter().map(|l| l.0.as_str()).collect(),
        };
        header.extend(cols.names.iter().map(String::as_str));
        let fields: Vec<String> = header.iter().map(|h| field(h)).collect();
        text.push_str(&fields.join(","));
        text.push('\n');
    }
    let cells: Vec<ColRef> = cols.arrays.iter().map(|&a| col_ref(a)).collect();
    let labels: Vec<ColRef> = match index {
        Index::Levels(ls) => ls.iter().map(|l| col_ref(l.1)).collect(),
        _ => Vec::new(),
    };
    for i in 0..len {
        let mut first = true;
        let mut sep = |t: &mut String| {
            if !std::mem::take(&mut first) {
                t.push(',');
            }
        };
        if let Index::Range { start, step } = index {
            sep(&mut text);
            text.push_str(&(start + step * (offset + i) as i64).to_string());
        }
        for c in labels.iter().chain(&cells) {
            sep(&mut text);
            cell(&mut text, c, i);
        }
        text.push('\n');
    }
    if !distributed {
        return write_alone(path, text.as_bytes());
    }
    let sizes = allgather_i64s(&[text.len() as i64]);
    let at: i64 = sizes.iter().take(mpi_env::rank() as usize).sum();
    write_part(path, text.as_bytes(), at as u64, sizes.iter().sum::<i64>() as u64)
}

/// Value `i` of column `c` as a CSV field.
fn cell(out: &mut String, c: &ColRef, i: usize) {
    match c {
        ColRef::Int(v) => out.push_str(&v[i].to_string()),
        ColRef::Float(v) if v[i].is_nan() => {}
        ColRef::Float(v) => out.push_str(&float_repr(v[i])),
        ColRef::Bool(v) => out.push_str(if v[i] != 0 { "True" } else { "False" }),
        ColRef::Str(v) => out.push_str(&v[i].map(field).unwrap_or_default()),
    }
}

/// Text as a field: quoted (quotes doubled) when it holds the separator,
/// a quote or a line end, as Python's csv module quotes minimally.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
