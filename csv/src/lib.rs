//! pandas 2.3's `read_csv` with its default parser settings, as the pieces
//! bodoc needs on both sides of a build: the compiler reads a file's
//! schema (column names and the dtypes pandas infers, `schema.rs`) and
//! bakes it into the program, and the runtime reads the rows with that
//! schema (`bodo_rt`'s `io/csv.rs`), both splitting records the same way
//! (`records.rs`), finding the data after skipped and header rows the same
//! way (`layout.rs`) and reading each field's value the same way
//! (`values.rs`).

pub mod layout;
pub mod records;
pub mod schema;
pub mod values;

pub use layout::{Layout, Prefix, Skip};
pub use records::Records;
pub use schema::{infer_schema, schema_without_file, Column, Dtypes, Header, Kind, Options, Schema, UseCol};
