//! NumPy arrays (`numpy.ndarray` of int64, float64 or bool, 1D or row-major
//! 2D), local part plus distribution metadata, and everything about them the
//! generated code does not inline: allocation, MPI collectives and
//! redistribution, indexing with masks and slices, and the whole-array
//! operations (cumsum/cumprod, sort, unique, concatenate, dot, reshape, roll, convolve,
//! reductions along an axis), and pandas' row sorts and groupby on a frame's
//! arrays as a table (`table.rs`, `table_sort.rs`, `groupby.rs`).
//!
//! Generated code reads `ArrObj` fields directly and compiles elementwise
//! kernels and reductions itself. Functions documented as *collective* must
//! be called on every rank; they decide every error from values all ranks
//! share (global lengths, distributions, reduced flags), so no rank ever
//! skips a collective another rank entered.

mod axis;
mod broadcast;
pub(crate) mod buffers;
mod collective;
pub(crate) mod comm;
mod concat;
mod convolve;
mod cov;
mod cum_axis;
mod datetime;
mod distinct;
mod dot;
mod dot_kernels;
mod fills;
mod frame_table;
mod gradient;
mod group_aggs;
mod groupby;
mod histogram;
mod index;
mod join;
mod labels;
mod linalg;
mod mask;
mod matrix;
mod object;
mod ops;
mod pairs;
pub mod pairwise;
mod pivot;
mod quantile;
mod radix;
mod rand;
mod rank;
mod redist;
mod repeat;
mod reshape;
mod roll;
mod search;
mod sort;
mod split;
mod stack;
pub mod strs;
mod table;
mod table_sort;
mod windows;
mod zero_sign;

pub use axis::reduce_axis;
pub use broadcast::broadcast_like;
pub use collective::{
    agree_on_exception, allreduce_f64, allreduce_i64, argbest_f64, argbest_i64, fold_ranks, identity_like,
    list_concat_gather, nodes_first_ranks,
};
pub use concat::{frame_concat, frame_concat_ranks, frame_empty_like};
pub use convolve::convolve;
pub use cov::cov;
pub use cum_axis::cumulative_axis;
pub use datetime::{field as dt_field, from_strs as dt_from_strs, parse_timestamp};
pub use dot::{
    check_mv as dot_check_mv, dot_mm, dot_tm, dot_tv, dot_vm, dot_vv, matmul_wording, mv_rows as dot_mv_rows,
    vm_add_block as dot_vm_add_block, vm_finish as dot_vm_finish, vm_result as dot_vm_result,
};
pub use fills::{fill_strs, none_missing};
pub use frame_table::{frame_distinct, frame_group_rows, frame_groupby, frame_sort};
pub use gradient::gradient;
pub use histogram::{bincount, histogram_counts, histogram_edges};
pub use index::{
    col_index, getitem, getrow, localrow, select_cols, set_line, set_line_arr, set_slice, set_slice_arr, set_sub,
    set_take, set_take_arr, setitem, slice, take, SubValue,
};
pub use join::frame_merge;
pub use labels::{aligned_to_labels, range_labels_like};
pub use linalg::{det, inv, solve};
pub use mask::{filter, nonzero, set_mask, set_selected};
pub use matrix::{diag_matrix, diagonal, transpose, triangle};
pub use object::{copy, desc_for, elem_size, free, new_unfilled, ArrObj, Data, Shape};
pub use ops::{concat, cumulative, from_list, rows_to_lists};
pub use pairs::{take_pairs, Part as PairPart};
pub use pivot::{frame_pivot, pivot_labels, PivotFill};
pub use quantile::{quantile, quantile_axis, quantiles};
pub use rand::{rand_key, rand_seed};
pub use rank::rank_values;
pub use redist::{align, align_rows, gather, rebalance, replica_limit, replica_whole, scatter, write_back};
pub use repeat::{pad, repeat, tile};
pub use reshape::reshape;
pub use roll::roll;
pub use search::{contains_float, contains_int, digitize, interp, interp_scalar, isin, searchsorted, searchsorted_one};
pub use sort::{argsort, sort, unique, unique_counts};
pub use split::split;
pub use stack::{column_stack, vstack};
pub use windows::{rolling, shift};
pub use zero_sign::zero_sign;
