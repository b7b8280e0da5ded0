//! Rows `lo..hi` of the concatenated part files: row groups outside the
//! range are never opened, and within the first and last ones the reader
//! skips to the range.

use crate::schema::{kind_of, open, part_files};
use crate::Error;
use bodo_csv::values::NAT;
use bodo_csv::Kind;
use parquet::basic::{LogicalType, TimeUnit};
use parquet::column::reader::{get_typed_column_reader, ColumnReader};
use parquet::data_type::{BoolType, ByteArrayType, DataType, DoubleType, Int64Type};
use parquet::file::reader::{FileReader, RowGroupReader};

/// One column's values.
#[derive(Debug, Clone, PartialEq)]
pub enum Col {
    /// int64, and datetimes as nanoseconds (NaT `i64::MIN`).
    Int(Vec<i64>),
    /// float64 (NaN for null).
    Float(Vec<f64>),
    /// bool, one byte 0 or 1.
    Bool(Vec<u8>),
    /// str (None for null).
    Str(Vec<Option<String>>),
}

/// Global rows `lo..hi` of `columns` (names and the kinds the schema gave
/// them at build time) of the files `path` names, which must still have
/// those columns with those kinds.
pub fn read_rows(path: &str, columns: &[(String, Kind)], lo: usize, hi: usize) -> Result<Vec<Col>, Error> {
    let mut out: Vec<Col> = columns
        .iter()
        .map(|(_, k)| match k {
            Kind::Int | Kind::Datetime => Col::Int(Vec::new()),
            Kind::Float => Col::Float(Vec::new()),
            Kind::Bool => Col::Bool(Vec::new()),
            Kind::Str => Col::Str(Vec::new()),
        })
        .collect();
    let mut g = 0;
    for file in part_files(path)? {
        if g >= hi {
            break;
        }
        let r = open(&file)?;
        let meta = r.metadata();
        let n = meta.file_metadata().num_rows().max(0) as usize;
        if g + n <= lo {
            g += n;
            continue;
        }
        let descr = meta.file_metadata().schema_descr();
        let mut leaves = Vec::new();
        for (name, kind) in columns {
            let i = descr.columns().iter().position(|c| c.path().string() == *name).ok_or_else(|| {
                Error::Format(format!("{}: no column named '{name}' (the program was built for it)", file.display()))
            })?;
            leaves.push(i);
            // Nulls in an int column the build saw without any make a float column.
            let fits = |k| k == *kind || (k == Kind::Int && *kind == Kind::Float);
            if !kind_of(&descr.column(i), false).is_ok_and(fits) {
                return Err(Error::Format(format!(
                    "{}: column '{name}' is no longer {} (the program was built for it)",
                    file.display(),
                    kind.pandas_name()
                )));
            }
        }
        for rg in 0..r.num_row_groups() {
            let rows = meta.row_group(rg).num_rows().max(0) as usize;
            let (from, to) = (lo.max(g), hi.min(g + rows));
            if from < to {
                let group = r.get_row_group(rg).map_err(|e| Error::parquet(&file, e))?;
                for (col, &leaf) in out.iter_mut().zip(&leaves) {
                    read_column(&*group, leaf, from - g, to - from, col).map_err(|e| Error::parquet(&file, e))?;
                }
            }
            g += rows;
        }
    }
    Ok(out)
}

type PResult<T> = parquet::errors::Result<T>;

/// Appends rows `skip..skip + take` of leaf column `leaf` of a row group to `col`.
fn read_column(group: &dyn RowGroupReader, leaf: usize, skip: usize, take: usize, col: &mut Col) -> PResult<()> {
    let descr = group.metadata().column(leaf).column_descr_ptr();
    let scale = match descr.logical_type_ref() {
        Some(LogicalType::Timestamp(t)) => match t.unit {
            TimeUnit::MILLIS => 1_000_000,
            TimeUnit::MICROS => 1_000,
            _ => 1,
        },
        _ => 1,
    };
    let reader = group.get_column_reader(leaf)?;
    match (col, reader) {
        (Col::Int(v), r @ ColumnReader::Int64ColumnReader(_)) => {
            let null = if scale == 1 && descr.logical_type_ref().is_none() { 0 } else { NAT };
            let vals = values::<Int64Type>(r, skip, take)?;
            v.extend(vals.into_iter().map(|x| x.map_or(null, |x| if x == NAT { x } else { x * scale })));
        }
        (Col::Float(v), r @ ColumnReader::Int64ColumnReader(_)) => {
            v.extend(values::<Int64Type>(r, skip, take)?.into_iter().map(|x| x.map_or(f64::NAN, |x| x as f64)))
        }
        (Col::Float(v), r) => v.extend(values::<DoubleType>(r, skip, take)?.into_iter().map(|x| x.unwrap_or(f64::NAN))),
        (Col::Bool(v), r) => {
            v.extend(values::<BoolType>(r, skip, take)?.into_iter().map(|x| u8::from(x.unwrap_or(false))))
        }
        (Col::Str(v), r) => v.extend(
            values::<ByteArrayType>(r, skip, take)?
                .into_iter()
                .map(|x| x.map(|b| String::from_utf8_lossy(b.data()).into_owned())),
        ),
        (Col::Int(_), _) => return Err(parquet::errors::ParquetError::General("not an int64 column".into())),
    }
    Ok(())
}

/// `take` values after `skip` of a column, None for a null.
fn values<T: DataType>(reader: ColumnReader, skip: usize, take: usize) -> PResult<Vec<Option<T::T>>> {
    let mut r = get_typed_column_reader::<T>(reader);
    let skipped = r.skip_records(skip)?;
    if skipped != skip {
        return Err(parquet::errors::ParquetError::EOF(format!("{skip} rows to skip, found {skipped}")));
    }
    let (mut defs, mut vals) = (Vec::with_capacity(take), Vec::with_capacity(take));
    let mut got = 0;
    while got < take {
        let (records, _, _) = r.read_records(take - got, Some(&mut defs), None, &mut vals)?;
        if records == 0 {
            return Err(parquet::errors::ParquetError::EOF(format!("{take} rows to read, found {got}")));
        }
        got += records;
    }
    let max_def = r_max_def(&defs, vals.len(), take);
    let mut vals = vals.into_iter();
    Ok(match max_def {
        // Required column: no levels, every row has a value.
        None => vals.map(Some).collect(),
        Some(max) => defs.iter().map(|&d| if d == max { vals.next() } else { None }).collect(),
    })
}

/// The definition level of a present value, or None when every row has
/// one (a required column leaves the levels empty).
fn r_max_def(defs: &[i16], nvals: usize, rows: usize) -> Option<i16> {
    if defs.is_empty() || nvals == rows {
        None
    } else {
        defs.iter().copied().max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier3(p: &str) -> String {
        format!("{}/../tests/conformance/tier3/{p}", env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn ranges_concatenate_to_the_whole() {
        let path = tier3("data/trips");
        let cols: Vec<(String, Kind)> =
            [("trip_id", Kind::Int), ("city", Kind::Str), ("fare", Kind::Float), ("night", Kind::Bool)]
                .iter()
                .map(|(n, k)| (n.to_string(), *k))
                .collect();
        let whole = read_rows(&path, &cols, 0, 2400).unwrap();
        // pandas' sums and ends of the same columns.
        let (Col::Int(ids), Col::Str(city), Col::Float(fare), Col::Bool(night)) =
            (&whole[0], &whole[1], &whole[2], &whole[3])
        else {
            panic!()
        };
        assert_eq!((ids.len(), ids.iter().sum::<i64>()), (2400, 2878800));
        assert_eq!((city[0].as_deref(), city[2399].as_deref()), (Some("lisbon"), Some("porto")));
        assert_eq!(fare.iter().sum::<f64>(), 30528.0);
        assert_eq!(night.iter().map(|&b| b as i64).sum::<i64>(), 400);
        for cut in [1, 699, 700, 701, 1150, 2399] {
            let (a, b) = (read_rows(&path, &cols, 0, cut).unwrap(), read_rows(&path, &cols, cut, 2400).unwrap());
            for ((w, x), y) in whole.iter().zip(&a).zip(&b) {
                let joined = match (x, y) {
                    (Col::Int(x), Col::Int(y)) => Col::Int([&x[..], y].concat()),
                    (Col::Float(x), Col::Float(y)) => Col::Float([&x[..], y].concat()),
                    (Col::Bool(x), Col::Bool(y)) => Col::Bool([&x[..], y].concat()),
                    (Col::Str(x), Col::Str(y)) => Col::Str([&x[..], y].concat()),
                    _ => panic!(),
                };
                assert_eq!(&joined, w, "cut at {cut}");
            }
        }
    }
}
