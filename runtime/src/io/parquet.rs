//! `pd.read_parquet(path, columns=...)` at run time, with the columns and
//! kinds the compiler read at build time (`bodo_parquet`): each rank reads
//! its 1D_Block of the files' global rows (the row count comes from the
//! files' footers), or all of them for a replicated read.

use super::table::{Table, Values};
use super::{agreed, os_error};
use crate::errors::{PyErr, PyResult};
use crate::mpi_env;
use crate::str::new_str;
use bodo_abi::{block_range, exc};
use bodo_csv::Kind;
use bodo_parquet::{read_rows, schema, Col, Error};

/// Reads `columns` (names and kinds) of the parquet file or directory
/// `path`: this rank's block of rows when `distributed` (collective), else
/// all rows.
pub fn read_parquet(path: &str, columns: &[(String, Kind)], distributed: bool) -> PyResult<Table> {
    let total = agreed(schema(path, None).map(|s| s.rows).map_err(|e| py_err(e, path)), distributed)?;
    let (rank, nranks) = if distributed { (mpi_env::rank(), mpi_env::size()) } else { (0, 1) };
    let (lo, len) = block_range(total as i64, rank, nranks);
    let (lo, len) = (lo as usize, len as usize);
    let cols = agreed(read_rows(path, columns, lo, lo + len).map_err(|e| py_err(e, path)), distributed)?;
    let columns = cols
        .into_iter()
        .map(|c| match c {
            Col::Int(v) => Values::Int(v),
            Col::Float(v) => Values::Float(v),
            Col::Bool(v) => Values::Bool(v),
            Col::Str(v) => Values::Str(v.iter().map(|s| s.as_deref().map_or(std::ptr::null_mut(), new_str)).collect()),
        })
        .collect();
    Ok(Table { columns, len, offset: lo, total })
}

fn py_err(e: Error, path: &str) -> PyErr {
    match e {
        Error::Io(e, _) => os_error(&e, path),
        Error::Format(msg) => PyErr::new(exc::VALUE_ERROR, msg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_row_with_one_rank() {
        let path = format!("{}/../tests/conformance/tier3/data/cities.pq", env!("CARGO_MANIFEST_DIR"));
        let cols = [("base_fee".to_string(), Kind::Float), ("city".to_string(), Kind::Str)];
        let t = read_parquet(&path, &cols, false).unwrap();
        assert_eq!((t.len, t.offset, t.total), (6, 0, 6));
        let Values::Str(names) = &t.columns[1] else { panic!() };
        // SAFETY: the items are live strs.
        assert!(names.iter().all(|&s| !s.is_null() && !unsafe { crate::str::as_str(s) }.is_empty()));
        let e = read_parquet("no/such.pq", &cols, false).err().unwrap();
        assert_eq!(
            (e.class, e.msg.as_str()),
            (exc::FILE_NOT_FOUND_ERROR, "[Errno 2] No such file or directory: 'no/such.pq'")
        );
        let wrong = [("city".to_string(), Kind::Int)];
        let e = read_parquet(&path, &wrong, false).err().unwrap();
        assert!(e.msg.contains("column 'city' is no longer int64"), "{}", e.msg);
    }
}
