//! One parquet file of columns, as pandas (through pyarrow) writes a
//! DataFrame: int64 and boolean columns, doubles whose NaN are nulls, and
//! UTF-8 strings whose missing values are nulls, in one row group, snappy
//! compressed. No `pandas` metadata is written: a reader gives the rows a
//! RangeIndex from 0, which is what the frames bodoc writes have.

use crate::Error;
use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use std::path::Path;
use std::sync::Arc;

/// One column's values, borrowed.
pub enum ColRef<'a> {
    Int(&'a [i64]),
    /// NaN written as null.
    Float(&'a [f64]),
    /// One byte per value, 0 or 1.
    Bool(&'a [u8]),
    /// None written as null.
    Str(Vec<Option<&'a str>>),
}

/// Writes `columns` (names and values, all of one length) to `path`.
pub fn write_file(path: &Path, columns: &[(String, ColRef)]) -> Result<(), Error> {
    let fail = |e| Error::parquet(path, e);
    let fields = columns
        .iter()
        .map(|(name, c)| {
            let (physical, repetition) = match c {
                ColRef::Int(_) => (Physical::INT64, Repetition::REQUIRED),
                ColRef::Float(_) => (Physical::DOUBLE, Repetition::OPTIONAL),
                ColRef::Bool(_) => (Physical::BOOLEAN, Repetition::REQUIRED),
                ColRef::Str(_) => (Physical::BYTE_ARRAY, Repetition::OPTIONAL),
            };
            let logical = matches!(c, ColRef::Str(_)).then_some(LogicalType::String);
            Type::primitive_type_builder(name, physical)
                .with_repetition(repetition)
                .with_logical_type(logical)
                .build()
                .map(Arc::new)
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(fail)?;
    let schema = Type::group_type_builder("schema").with_fields(fields).build().map_err(fail)?;
    let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
    let file = std::fs::File::create(path).map_err(|e| Error::Io(e, path.display().to_string()))?;
    let mut w = SerializedFileWriter::new(file, Arc::new(schema), Arc::new(props)).map_err(fail)?;
    let mut rg = w.next_row_group().map_err(fail)?;
    for (_, c) in columns {
        let Some(mut col) = rg.next_column().map_err(fail)? else { break };
        match c {
            ColRef::Int(v) => col.typed::<Int64Type>().write_batch(v, None, None).map(drop),
            ColRef::Bool(v) => {
                let b: Vec<bool> = v.iter().map(|&x| x != 0).collect();
                col.typed::<BoolType>().write_batch(&b, None, None).map(drop)
            }
            ColRef::Float(v) => {
                let defs: Vec<i16> = v.iter().map(|x| i16::from(!x.is_nan())).collect();
                let kept: Vec<f64> = v.iter().copied().filter(|x| !x.is_nan()).collect();
                col.typed::<DoubleType>().write_batch(&kept, Some(&defs), None).map(drop)
            }
            ColRef::Str(v) => {
                let defs: Vec<i16> = v.iter().map(|x| i16::from(x.is_some())).collect();
                let kept: Vec<ByteArray> = v.iter().flatten().map(|s| ByteArray::from(*s)).collect();
                col.typed::<ByteArrayType>().write_batch(&kept, Some(&defs), None).map(drop)
            }
        }
        .map_err(fail)?;
        col.close().map_err(fail)?;
    }
    rg.close().map_err(fail)?;
    w.close().map_err(fail)?;
    Ok(())
}
