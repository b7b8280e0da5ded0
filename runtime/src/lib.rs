//! `bodo_rt`: the runtime library linked into every executable produced by
//! bodoc. Generated code calls it through the C ABI in [`abi`]; the other
//! modules implement Python's objects and semantics behind it.

pub mod abi;
mod array;
mod boxed;
mod dict;
mod errors;
pub mod format;
pub mod frame_fmt;
mod frame_print;
mod fstring;
mod generic;
mod heap;
mod index;
mod io;
mod kwargs;
mod list;
mod mpi_env;
mod mpi_lazy;
mod numeric;
mod object;
mod pool;
mod print;
mod set;
mod short_copy;
mod str;
mod str_builder;
mod str_classes;
mod str_hash;
mod str_pieces;
mod str_translate;
#[cfg(test)]
mod test_descs;
mod thread_heap;
mod tuple;
mod wire;
mod zip_rows;
