//! The part files of a path and the schema pandas gives them.

use crate::Error;
use bodo_csv::Kind;
use parquet::basic::{LogicalType, Type as Physical};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::schema::types::ColumnDescriptor;
use std::fs::File;
use std::path::{Path, PathBuf};

/// The files `path` names: itself, or a directory's part files in name
/// order (names starting with `.` or `_`, like `_SUCCESS`, left out).
pub fn part_files(path: &str) -> Result<Vec<PathBuf>, Error> {
    let p = Path::new(path);
    let io = |e| Error::Io(e, path.to_string());
    if !p.is_dir() {
        // Opened here so a missing file is the OS's error about `path`.
        File::open(p).map_err(io)?;
        return Ok(vec![p.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(p).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !name.starts_with(['.', '_']) && entry.file_type().map_err(io)?.is_file() {
            files.push(entry.path());
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::Format(format!("{path}: the directory holds no parquet files")));
    }
    Ok(files)
}

/// What `pd.read_parquet` gives for a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    /// The columns read (`columns=`'s, in its order, else all but the
    /// stored index), with the kind pandas gives each.
    pub columns: Vec<(String, Kind)>,
    /// Columns pandas turns into the row labels (a stored non-range
    /// index, `__index_level_0__`), which `columns` leaves out.
    pub index_columns: Vec<String>,
    /// Rows in all files.
    pub rows: usize,
}

pub(crate) fn open(path: &Path) -> Result<SerializedFileReader<File>, Error> {
    let f = File::open(path).map_err(|e| Error::Io(e, path.display().to_string()))?;
    SerializedFileReader::new(f).map_err(|e| Error::parquet(path, e))
}

/// The schema of `pd.read_parquet(path, columns=columns)`; every part file
/// must have the first one's columns.
pub fn schema(path: &str, columns: Option<&[String]>) -> Result<Schema, Error> {
    let files = part_files(path)?;
    let mut all: Vec<(String, Kind)> = Vec::new();
    let mut index_columns = Vec::new();
    let mut rows = 0;
    for (n, file) in files.iter().enumerate() {
        let r = open(file)?;
        let meta = r.metadata();
        rows += meta.file_metadata().num_rows().max(0) as usize;
        let descr = meta.file_metadata().schema_descr();
        let mut here = Vec::new();
        for (i, c) in descr.columns().iter().enumerate() {
            let nulls: u64 = meta
                .row_groups()
                .iter()
                .filter_map(|rg| rg.column(i).statistics().and_then(|s| s.null_count_opt()))
                .sum();
            here.push((
                c.path().string(),
                kind_of(c, nulls > 0).map_err(|e| Error::Format(format!("{}: {e}", file.display())))?,
            ));
        }
        if n == 0 {
            all = here;
            index_columns = pandas_index_columns(meta.file_metadata().key_value_metadata());
        } else if here != all {
            return Err(Error::Format(format!(
                "{}: its columns differ from those of {}",
                file.display(),
                files[0].display()
            )));
        }
    }
    let columns = match columns {
        Some(wanted) => wanted
            .iter()
            .map(|w| {
                all.iter().find(|(n, _)| n == w).cloned().ok_or_else(|| {
                    Error::Format(format!("{path}: no column named '{w}'; its columns are {}", names(&all)))
                })
            })
            .collect::<Result<Vec<_>, _>>()?,
        None => all.into_iter().filter(|(n, _)| !index_columns.contains(n)).collect(),
    };
    Ok(Schema { columns, index_columns, rows })
}

fn names(cols: &[(String, Kind)]) -> String {
    cols.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", ")
}

/// The kind pandas gives a leaf column (`nulls`: some value is null).
pub(crate) fn kind_of(c: &ColumnDescriptor, nulls: bool) -> Result<Kind, String> {
    let name = c.path().string();
    if c.max_rep_level() > 0 || c.path().parts().len() > 1 {
        return Err(format!("column '{name}' is nested, which bodoc does not support"));
    }
    let logical = c.logical_type_ref();
    let kind = match (c.physical_type(), logical) {
        (Physical::INT64, Some(LogicalType::Timestamp(_))) => Kind::Datetime,
        (Physical::INT64, None | Some(LogicalType::Integer(_))) if nulls => Kind::Float,
        (Physical::INT64, None) => Kind::Int,
        (Physical::INT64, Some(LogicalType::Integer(t))) if t.is_signed => Kind::Int,
        (Physical::DOUBLE, None) => Kind::Float,
        (Physical::BOOLEAN, None) if nulls => {
            return Err(format!(
                "column '{name}' holds booleans and nulls (an object column in pandas), which bodoc does not support"
            ))
        }
        (Physical::BOOLEAN, None) => Kind::Bool,
        (Physical::BYTE_ARRAY, Some(LogicalType::String)) => Kind::Str,
        (p, l) => {
            let what = l.map_or_else(|| format!("{p}"), |l| format!("{p} ({l:?})"));
            return Err(format!(
                "column '{name}' is of parquet type {what}; bodoc reads int64, double, boolean, string and timestamp columns"
            ));
        }
    };
    Ok(kind)
}

/// The names in the `index_columns` of the `pandas` metadata pandas writes
/// (a RangeIndex is stored as a description, not a column: no name).
fn pandas_index_columns(kv: Option<&Vec<parquet::file::metadata::KeyValue>>) -> Vec<String> {
    let Some(json) = kv.into_iter().flatten().find(|k| k.key == "pandas").and_then(|k| k.value.as_deref()) else {
        return Vec::new();
    };
    let Some(start) = json.find("\"index_columns\"") else { return Vec::new() };
    let rest = &json[start..];
    let (Some(open), Some(close)) = (rest.find('['), rest.find(']')) else { return Vec::new() };
    // Names are the quoted strings directly in the list, not inside `{...}`.
    let mut out = Vec::new();
    let mut depth = 0;
    let mut chars = rest[open + 1..close].chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            '"' if depth == 0 => out.push(chars.by_ref().take_while(|&c| c != '"').collect()),
            '"' => {
                chars.by_ref().take_while(|&c| c != '"').for_each(drop);
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier3(p: &str) -> String {
        format!("{}/../tests/conformance/tier3/{p}", env!("CARGO_MANIFEST_DIR"))
    }

    fn pairs(v: &[(&str, Kind)]) -> Vec<(String, Kind)> {
        v.iter().map(|(a, b)| (a.to_string(), *b)).collect()
    }

    // The expectations are pandas 2.3's dtypes for the same files.
    #[test]
    fn tier3_files() {
        let s = schema(&tier3("data/cycling.pq"), None).unwrap();
        assert_eq!(s.rows, 3000);
        use Kind::*;
        assert_eq!(
            s.columns,
            pairs(&[
                ("time", Int),
                ("power", Float),
                ("speed", Float),
                ("cadence", Int),
                ("hr", Int),
                ("segment", Str)
            ])
        );
        let s = schema(&tier3("data/trips"), Some(&["night".to_string(), "fare".to_string()])).unwrap();
        assert_eq!(s.columns, pairs(&[("night", Bool), ("fare", Float)]));
        assert_eq!(s.rows, 700 + 450 + 950 + 300);
        let e = schema(&tier3("data/cities.pq"), Some(&["nope".to_string()])).unwrap_err();
        assert!(
            matches!(e, Error::Format(m) if m.contains("no column named 'nope'; its columns are city, region, base_fee"))
        );
        assert!(matches!(schema("no/such.pq", None), Err(Error::Io(e, _)) if e.kind() == std::io::ErrorKind::NotFound));
    }

    #[test]
    fn index_columns_from_pandas_metadata() {
        let kv = |v: &str| vec![parquet::file::metadata::KeyValue::new("pandas".to_string(), v.to_string())];
        let range = r#"{"index_columns": [{"kind": "range", "name": null, "start": 0}], "x": ["a"]}"#;
        assert!(pandas_index_columns(Some(&kv(range))).is_empty());
        let stored = r#"{"index_columns": ["__index_level_0__"], "columns": []}"#;
        assert_eq!(pandas_index_columns(Some(&kv(stored))), ["__index_level_0__"]);
    }
}
