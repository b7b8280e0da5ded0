//! Build-time schemas of the data files a program reads from constant
//! paths: the column names and pandas' dtypes of `pd.read_csv`
//! (`bodo_csv`) and `pd.read_parquet` (`bodo_parquet`), baked into the
//! program so its frames have static types. The runtime checks that the
//! files it reads still have the columns seen here.
//!
//! A relative path means what it will mean when the program runs: relative
//! to the working directory (where bodoc is run, usually the program's
//! folder), else to the script's folder.

use crate::diagnostics::Diagnostics;
use crate::hir::Program;
use crate::types::file_reads::{collect, SchemaAnswer, SchemaQuery, Tables};
use bodo_csv::{infer_schema, Options, Schema};
use bodo_parquet::Schema as ParquetSchema;
use std::path::{Path, PathBuf};

/// The schemas of every file `prog` reads (the script at `script`), and
/// the files they came from (what a cached build of it depends on).
pub fn program_tables(prog: &Program, script: &str, diags: &mut Diagnostics) -> (Tables, Vec<PathBuf>) {
    let dir = Path::new(script).parent().unwrap_or(Path::new("")).to_path_buf();
    let mut used = Vec::new();
    let mut read = |q: SchemaQuery| {
        let path = match q {
            SchemaQuery::Csv(p, _) | SchemaQuery::Parquet(p, _) => p,
        };
        if let Ok(file) = locate(path, &dir) {
            used.push(file);
        }
        match q {
            SchemaQuery::Csv(p, o) => csv_schema(p, &dir, o).map(SchemaAnswer::Csv),
            SchemaQuery::Parquet(p, cols) => parquet_schema(p, &dir, cols).map(SchemaAnswer::Parquet),
        }
    };
    let tables = collect(prog, &mut read, diags);
    used.sort();
    used.dedup();
    (tables, used)
}

/// The schema `pd.read_csv(path, **opts)` gives, or why it cannot be
/// read (a message for a diagnostic at the call).
pub fn csv_schema(path: &str, script_dir: &Path, opts: &Options) -> Result<Schema, String> {
    let file = locate(path, script_dir)?;
    let data = std::fs::read(&file).map_err(|e| format!("cannot read '{path}' for its schema: {e}"))?;
    infer_schema(&data, opts).map_err(|e| format!("pd.read_csv('{path}'): {e}"))
}

/// The schema `pd.read_parquet(path, columns=columns)` gives (`path` a
/// file or a directory of part files), or why it cannot be read.
pub fn parquet_schema(path: &str, script_dir: &Path, columns: Option<&[String]>) -> Result<ParquetSchema, String> {
    let file = locate(path, script_dir)?;
    bodo_parquet::schema(&file.to_string_lossy(), columns).map_err(|e| match e {
        bodo_parquet::Error::Io(e, _) => format!("cannot read '{path}' for its schema: {e}"),
        bodo_parquet::Error::Format(msg) => format!("pd.read_parquet('{path}'): {msg}"),
    })
}

/// The file a program's `path` names, at build time.
fn locate(path: &str, script_dir: &Path) -> Result<PathBuf, String> {
    let p = Path::new(path);
    if p.is_absolute() || p.exists() {
        return Ok(p.to_path_buf());
    }
    let beside = script_dir.join(p);
    if beside.exists() {
        return Ok(beside);
    }
    Err(format!(
        "cannot read the schema of '{path}': no such file in the working directory or beside the script \
         (the file must exist at build time; with a computed path give names= and dtype=)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bodo_csv::{Dtypes, Header, Kind, Skip, UseCol};

    fn tier3() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance/tier3")
    }

    /// The columns as `name:dtype` words.
    fn kinds(file: &str, opts: &Options) -> String {
        let s = csv_schema(file, &tier3(), opts).unwrap();
        s.columns.iter().map(|c| format!("{}:{}", c.name, c.kind.pandas_name())).collect::<Vec<_>>().join(" ")
    }

    // The expectations are pandas 2.3's dtypes for the same calls.
    #[test]
    fn tier3_files() {
        let d = Options::default();
        assert_eq!(
            kinds("data/purchases.csv", &d),
            "Name:object Age:float64 Purchase_Date:object Purchase_Amount:float64 Product:object"
        );
        let dates = Options { parse_dates: vec![UseCol::Name("when".into())], ..Options::default() };
        assert_eq!(
            kinds("data/events.csv", &dates),
            "event_id:int64 user:int64 kind:object when:datetime64[ns] value:float64"
        );
        assert_eq!(kinds("data/reviews.csv", &d), "review_id:int64 product:object stars:int64 text:object");
        let sensors = Options {
            sep: b';',
            header: Header::None,
            skiprows: Skip::Count(2),
            names: Some(["station", "hour", "temp", "humidity", "ok"].map(String::from).to_vec()),
            ..Options::default()
        };
        assert_eq!(
            kinds("data/sensors.csv", &sensors),
            "station:object hour:int64 temp:float64 humidity:int64 ok:bool"
        );
        let some = Options {
            usecols: Some(vec![UseCol::Name("temp".into()), UseCol::Name("station".into())]),
            dtype: Dtypes::By(vec![("temp".into(), Kind::Float)]),
            nrows: Some(6),
            ..sensors
        };
        assert_eq!(kinds("data/sensors.csv", &some), "station:object temp:float64");
        let s = csv_schema("data/sales_2023.csv", &tier3(), &Options { header: Header::None, ..Options::default() })
            .unwrap();
        assert!(s.int_names && s.nfields == 3);
    }

    #[test]
    fn parquet_files() {
        let s = parquet_schema("data/trips", &tier3(), None).unwrap();
        let names: Vec<&str> = s.columns.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["trip_id", "city", "distance_km", "fare", "passengers", "night"]);
        assert_eq!(s.rows, 2400);
        let e = parquet_schema("data/cities.pq", &tier3(), Some(&["x".to_string()])).unwrap_err();
        assert!(e.starts_with("pd.read_parquet('data/cities.pq'): "), "{e}");
    }

    #[test]
    fn missing_file() {
        let e = csv_schema("data/nope.csv", &tier3(), &Options::default()).unwrap_err();
        assert!(e.contains("cannot read the schema of 'data/nope.csv'"), "{e}");
    }
}
