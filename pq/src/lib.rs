//! `pd.read_parquet(path, columns=...)` as bodoc reads it: `path` is one
//! file or a directory of part files (in name order, hidden and `_` files
//! left out) whose rows follow each other. The compiler reads the schema
//! at build time (`schema`: column names and the dtypes pandas gives them,
//! as `bodo_csv::Kind`s, the same kinds `read_csv` columns have), and the
//! runtime reads any range of global rows (`read_rows`), so each rank
//! reads its block, opening only the row groups that hold it. `to_parquet`
//! writes one file of columns (`write_file`).
//!
//! Column types map as pandas (through pyarrow) maps them: int64, double,
//! boolean, UTF-8 strings and timestamps (as nanoseconds). An int64 column
//! with nulls is float64 in pandas, and is read as such. Others (int32,
//! float, dates, nested types, a bool column with nulls: types bodoc has no
//! array for) are errors naming the column.

mod read;
mod schema;
mod write;

pub use read::{read_rows, Col};
pub use schema::{part_files, schema, Schema};
pub use write::{write_file, ColRef};

/// Why a file could not be read.
#[derive(Debug)]
pub enum Error {
    /// The OS error, and the path it is about.
    Io(std::io::Error, String),
    /// The file is not what the schema says, or not parquet: the message.
    Format(String),
}

impl Error {
    fn parquet(path: &std::path::Path, e: parquet::errors::ParquetError) -> Error {
        Error::Format(format!("{}: {e}", path.display()))
    }
}
