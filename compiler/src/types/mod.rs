//! Type inference: one specialization ("instance") per function and
//! argument types, found by iterating to a fixpoint from `main`.
//!
//! Each local has one type per instance (the join of everything assigned to
//! it: int joins float as float, `None` joins `T` as `T | None`). The element
//! type of an empty container literal is a type variable that later appends
//! and stores widen. Errors are only reported in a final pass over the
//! reachable instances, once types are stable, so that intermediate states
//! of the iteration never produce spurious messages.

mod array_maps;
pub mod arrays;
mod builtins;
mod collectives;
pub mod convolve;
pub mod copies;
pub mod dict_merge;
pub mod file_options;
pub mod file_reads;
pub mod file_writes;
pub mod files;
pub mod histogram;
mod infer;
pub mod methods;
mod ops;
mod pandas;
pub mod pandas_columns;
mod pandas_datetime;
pub mod pandas_distinct;
mod pandas_fillna;
pub mod pandas_groupby;
mod pandas_loc;
pub mod pandas_merge;
pub mod pandas_pivot;
pub mod pandas_rank;
pub mod pandas_sort;
pub mod pandas_split;
mod pandas_str;
mod pandas_windows;
mod prange_outputs;
mod prange_reductions;
mod rank_flow;
mod records;
pub mod roll;
pub mod split;
mod spread;
pub mod static_cond;
mod str_arrays;
pub mod ty;
pub mod ufuncs;
mod unravel;
mod views;
mod walks;

pub use builtins::{math_float, MATH_INT};
pub use infer::{const_int, const_ty, infer_program, tuple_slice_indices, ArgSrc, Inferred, InstId, Instance, Typed};
pub use pandas::{MAPS as PANDAS_MAPS, REDUCTIONS as PANDAS_REDUCTIONS};
pub use records::{const_str, field_index};
pub use ty::{Dist, Ty};
