//! The runtime ABI as the code generator sees it: the machine signature of
//! every `bodo_*` function generated code may call. It mirrors
//! `runtime/src/abi.rs`; a unit test checks that every name here is
//! exported there.

use crate::types::methods::{self, Recv, P, R};

/// Machine kinds of ABI parameters and results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum K {
    I64,
    F64,
    /// A bool passed as a byte.
    I8,
    I32,
    /// An 8-byte container slot.
    Slot,
    Ptr,
    Void,
}

#[derive(Debug, Clone)]
pub struct Sig {
    pub params: Vec<K>,
    pub ret: K,
}

use K::*;

/// Fixed-signature functions (method implementations come from the method table).
const FIXED: &[(&str, &[K], K)] = &[
    ("bodo_init", &[I32, Ptr, Ptr], Void),
    ("bodo_finalize", &[], I32),
    ("bodo_decref", &[Ptr], Void),
    ("bodo_get_rank", &[], I64),
    ("bodo_get_size", &[], I64),
    ("bodo_barrier", &[], Void),
    ("bodo_perf_counter", &[], F64),
    ("bodo_argv", &[], Ptr),
    ("bodo_raise", &[I64, Ptr], Void),
    ("bodo_raise_exc", &[Ptr], Void),
    ("bodo_err_set_line", &[I64], Void),
    ("bodo_err_matches", &[I64], I8),
    ("bodo_err_fetch", &[], Ptr),
    ("bodo_exc_new", &[I64, Ptr, I8], Ptr),
    ("bodo_exc_new_args", &[I64, Ptr, Ptr], Ptr),
    ("bodo_err_report_and_exit", &[], Void),
    ("bodo_print", &[Ptr, Ptr, I64, Ptr, Ptr, I64], Void),
    ("bodo_str", &[Slot, Ptr], Ptr),
    ("bodo_repr", &[Slot, Ptr], Ptr),
    ("bodo_fstring", &[Ptr, Ptr, Ptr, Ptr, I64], Ptr),
    ("bodo_str_to_int", &[Ptr], I64),
    ("bodo_str_to_float", &[Ptr], F64),
    ("bodo_float_to_int", &[F64], I64),
    ("bodo_round_int", &[F64], I64),
    ("bodo_round_float", &[F64, I64], F64),
    ("bodo_round_int_digits", &[I64, I64], I64),
    ("bodo_int_pow", &[I64, I64], I64),
    ("bodo_np_int_pow", &[I64, I64], I64),
    ("bodo_np_pow_check", &[I64], Void),
    ("bodo_float_pow", &[F64, F64], F64),
    ("bodo_float_mod", &[F64, F64], F64),
    ("bodo_float_floordiv", &[F64, F64], F64),
    ("bodo_math_sqrt", &[F64], F64),
    ("bodo_math_log", &[F64], F64),
    ("bodo_math_log10", &[F64], F64),
    ("bodo_math_log2", &[F64], F64),
    ("bodo_math_exp", &[F64], F64),
    ("bodo_math_sin", &[F64], F64),
    ("bodo_math_cos", &[F64], F64),
    ("bodo_math_tan", &[F64], F64),
    ("bodo_math_asin", &[F64], F64),
    ("bodo_math_acos", &[F64], F64),
    ("bodo_math_atan", &[F64], F64),
    ("bodo_math_sinh", &[F64], F64),
    ("bodo_math_cosh", &[F64], F64),
    ("bodo_math_tanh", &[F64], F64),
    ("bodo_math_fabs", &[F64], F64),
    ("bodo_math_log1p", &[F64], F64),
    ("bodo_math_expm1", &[F64], F64),
    ("bodo_math_atan2", &[F64, F64], F64),
    ("bodo_math_pow", &[F64, F64], F64),
    ("bodo_math_hypot", &[F64, F64], F64),
    ("bodo_math_fmod", &[F64, F64], F64),
    ("bodo_math_log_base", &[F64, F64], F64),
    ("bodo_math_floor", &[F64], I64),
    ("bodo_math_ceil", &[F64], I64),
    ("bodo_math_isnan", &[F64], I8),
    ("bodo_math_isinf", &[F64], I8),
    ("bodo_math_isfinite", &[F64], I8),
    ("bodo_math_gcd", &[I64, I64], I64),
    ("bodo_math_lcm", &[I64, I64], I64),
    ("bodo_math_factorial", &[I64], I64),
    ("bodo_math_isqrt", &[I64], I64),
    ("bodo_math_comb", &[I64, I64], I64),
    ("bodo_math_perm", &[I64, I64], I64),
    ("bodo_math_isclose", &[F64, F64, F64, F64], I8),
    ("bodo_math_degrees", &[F64], F64),
    ("bodo_math_radians", &[F64], F64),
    ("bodo_math_asinh", &[F64], F64),
    ("bodo_math_acosh", &[F64], F64),
    ("bodo_math_atanh", &[F64], F64),
    ("bodo_math_cbrt", &[F64], F64),
    ("bodo_math_exp2", &[F64], F64),
    ("bodo_math_erf", &[F64], F64),
    ("bodo_math_erfc", &[F64], F64),
    ("bodo_math_copysign", &[F64, F64], F64),
    ("bodo_int_powmod", &[I64, I64, I64], I64),
    ("bodo_prange_agree", &[], Void),
    ("bodo_prange_print_begin", &[], Void),
    ("bodo_prange_print_end", &[], Void),
    ("bodo_exc_type_name", &[Ptr], Ptr),
    ("bodo_str_to_int_base", &[Ptr, I64], I64),
    ("bodo_eq", &[Slot, Slot, Ptr], I8),
    ("bodo_compare", &[Slot, Slot, Ptr, I64], I8),
    ("bodo_hash", &[Slot, Ptr], I64),
    ("bodo_kwargs_check", &[Ptr, Ptr, Ptr, Ptr], Void),
    ("bodo_star_args_check", &[I64, Ptr, I64, Ptr, Ptr], Void),
    ("bodo_len", &[Ptr], I64),
    ("bodo_str_append", &[Ptr, Ptr], Ptr),
    ("bodo_str_concat", &[Ptr, Ptr], Ptr),
    ("bodo_str_repeat", &[Ptr, I64], Ptr),
    ("bodo_str_getitem", &[Ptr, I64], Ptr),
    ("bodo_str_slice", &[Ptr, I64, I64, I64], Ptr),
    ("bodo_str_eq", &[Ptr, Ptr], I8),
    ("bodo_str_cmp", &[Ptr, Ptr], I64),
    ("bodo_str_contains", &[Ptr, Ptr], I8),
    ("bodo_str_ord", &[Ptr], I64),
    ("bodo_chr", &[I64], Ptr),
    ("bodo_str_chars", &[Ptr], Ptr),
    ("bodo_str_split_end", &[Ptr, Ptr, I64], I64),
    ("bodo_str_skip_space", &[Ptr, I64], I64),
    ("bodo_str_byte_piece", &[Ptr, I64, I64], Ptr),
    ("bodo_list_new", &[Ptr, I64], Ptr),
    ("bodo_list_from_slots", &[Ptr, Ptr, I64], Ptr),
    ("bodo_zip_rows", &[Ptr, Ptr, Ptr], Ptr),
    ("bodo_list_getitem", &[Ptr, I64], Slot),
    ("bodo_list_slice", &[Ptr, I64, I64, I64], Ptr),
    ("bodo_list_set_slice", &[Ptr, I64, I64, I64, Ptr], Void),
    ("bodo_list_del_slice", &[Ptr, I64, I64, I64], Void),
    ("bodo_list_concat", &[Ptr, Ptr], Ptr),
    ("bodo_list_repeat", &[Ptr, I64], Ptr),
    ("bodo_list_contains", &[Ptr, Slot], I8),
    ("bodo_list_reversed", &[Ptr], Ptr),
    ("bodo_list_min", &[Ptr], Slot),
    ("bodo_list_max", &[Ptr], Slot),
    ("bodo_tuple_new", &[Ptr, Ptr, I64], Ptr),
    ("bodo_record_set", &[Ptr, I64, Slot], Void),
    ("bodo_dict_new", &[Ptr], Ptr),
    ("bodo_dict_setitem", &[Ptr, Slot, Slot], Void),
    ("bodo_dict_getitem", &[Ptr, Slot], Slot),
    ("bodo_dict_get", &[Ptr, Slot, Slot], Slot),
    ("bodo_dict_value_slot", &[Ptr, Slot], Ptr),
    ("bodo_dict_contains", &[Ptr, Slot], I8),
    ("bodo_dict_pop", &[Ptr, Slot, Slot, I8], Slot),
    ("bodo_set_new", &[Ptr], Ptr),
    ("bodo_set_contains", &[Ptr, Slot], I8),
    ("bodo_set_lt", &[Ptr, Ptr], I8),
    ("bodo_set_to_list", &[Ptr, Ptr], Ptr),
    ("bodo_set_from_list", &[Ptr, Ptr], Ptr),
    ("bodo_box_new", &[Ptr, Slot], Ptr),
    ("bodo_arr_new", &[Ptr, I64, I64, I64, I64, I64, I64, I64], Ptr),
    ("bodo_block_start", &[I64], I64),
    ("bodo_block_count", &[I64], I64),
    ("bodo_arr_identity_like", &[Ptr, I64], Ptr),
    ("bodo_arr_fold_ranks", &[Ptr, Ptr, I64], Void),
    ("bodo_allreduce_i64", &[I64, I64], I64),
    ("bodo_allreduce_f64", &[F64, I64], F64),
    ("bodo_allreduce_argbest_f64", &[F64, I64, I64], I64),
    ("bodo_allreduce_argbest_i64", &[I64, I64, I64], I64),
    ("bodo_arr_gather", &[Ptr], Ptr),
    ("bodo_arr_replica_whole", &[Ptr], Ptr),
    ("bodo_arr_replica_limit", &[Ptr], I64),
    ("bodo_arr_scatter", &[Ptr], Ptr),
    ("bodo_arr_rebalance", &[Ptr, Ptr, I64], Ptr),
    ("bodo_arr_align", &[Ptr, Ptr], Ptr),
    ("bodo_arr_align_rows", &[Ptr, Ptr], Ptr),
    ("bodo_arr_write_back", &[Ptr, Ptr], Void),
    ("bodo_arr_filter", &[Ptr, Ptr], Ptr),
    ("bodo_frame_sort", &[Ptr, I64, Ptr, I64, Ptr], Ptr),
    ("bodo_arr_labels_aligned", &[Ptr, Ptr, Ptr, I64], Ptr),
    ("bodo_frame_groupby", &[Ptr, I64, Ptr, I64, Ptr, I64, I64, Ptr], Ptr),
    ("bodo_frame_group_rows", &[Ptr, I64, Ptr, I64, I64, I64], Ptr),
    ("bodo_arr_slice", &[Ptr, I64, I64, I64], Ptr),
    ("bodo_arr_range_labels", &[Ptr, I64, I64], Ptr),
    ("bodo_arr_set_mask", &[Ptr, Ptr, Slot], Void),
    ("bodo_arr_set_selected", &[Ptr, Ptr, Ptr], Void),
    ("bodo_arr_set_slice", &[Ptr, I64, I64, I64, Slot], Void),
    ("bodo_arr_set_slice_arr", &[Ptr, I64, I64, I64, Ptr], Void),
    ("bodo_arr_getitem", &[Ptr, I64], Slot),
    ("bodo_arr_getitem2", &[Ptr, I64, I64], Slot),
    ("bodo_arr_col_index", &[Ptr, I64], I64),
    ("bodo_pw_plan", &[I64], Ptr),
    ("bodo_pw_gathered", &[I64], I8),
    ("bodo_pw_gather_begin", &[I64], Ptr),
    ("bodo_pw_gather_sum", &[Ptr, I64], F64),
    ("bodo_pw_combine", &[Ptr], F64),
    ("bodo_pw_total", &[Ptr, Ptr, I64], F64),
    ("bodo_pw_free", &[Ptr], Void),
    ("bodo_arr_setitem", &[Ptr, I64, Slot], Void),
    ("bodo_arr_setitem2", &[Ptr, I64, I64, Slot], Void),
    ("bodo_arr_set_line", &[Ptr, I64, I64, Slot], Void),
    ("bodo_arr_set_line_arr", &[Ptr, I64, I64, Ptr], Void),
    ("bodo_arr_getrow", &[Ptr, I64], Ptr),
    ("bodo_arr_localrow", &[Ptr, I64], Ptr),
    ("bodo_arr_cumulative", &[Ptr, I64], Ptr),
    ("bodo_arr_cumulative_axis", &[Ptr, I64, I64], Ptr),
    ("bodo_arr_quantile", &[Ptr, F64, I64], F64),
    ("bodo_arr_quantiles", &[Ptr, Ptr, I64], Ptr),
    ("bodo_arr_quantile_axis", &[Ptr, F64, I64, I64], Ptr),
    ("bodo_linalg_solve", &[Ptr, Ptr], Ptr),
    ("bodo_arr_triangle", &[Ptr, I64, I64], Ptr),
    ("bodo_arr_broadcast_like", &[Ptr, Ptr], Ptr),
    ("bodo_arr_repeat", &[Ptr, I64], Ptr),
    ("bodo_arr_tile", &[Ptr, I64], Ptr),
    ("bodo_arr_pad", &[Ptr, I64, I64, F64], Ptr),
    ("bodo_arr_gradient", &[Ptr, F64], Ptr),
    ("bodo_linalg_inv", &[Ptr], Ptr),
    ("bodo_linalg_det", &[Ptr], F64),
    ("bodo_arr_nonzero", &[Ptr, I64], Ptr),
    ("bodo_arr_isin", &[Ptr, Ptr], Ptr),
    ("bodo_arr_digitize", &[Ptr, Ptr, I64], Ptr),
    ("bodo_arr_interp", &[Ptr, Ptr, Ptr], Ptr),
    ("bodo_arr_interp_scalar", &[F64, Ptr, Ptr], F64),
    ("bodo_arr_cov", &[Ptr, Ptr, I64, I64], Ptr),
    ("bodo_arr_searchsorted_one", &[Ptr, F64, I64], I64),
    ("bodo_arr_contains_int", &[Ptr, I64], I8),
    ("bodo_arr_contains_float", &[Ptr, F64], I8),
    ("bodo_arr_searchsorted", &[Ptr, Ptr, I64], Ptr),
    ("bodo_arr_take", &[Ptr, Ptr], Ptr),
    ("bodo_arr_set_take", &[Ptr, Ptr, Slot], Void),
    ("bodo_arr_select_cols", &[Ptr, I64, I64, I64, I64], Ptr),
    ("bodo_arr_set_sub", &[Ptr, I64, I64, I64, I64, I64, I64, I64, Slot], Void),
    ("bodo_arr_set_sub_arr", &[Ptr, I64, I64, I64, I64, I64, I64, I64, Ptr], Void),
    ("bodo_arr_set_take_arr", &[Ptr, Ptr, Ptr], Void),
    ("bodo_arr_argsort", &[Ptr], Ptr),
    ("bodo_arr_reduce_axis", &[Ptr, I64, I64, I64], Ptr),
    ("bodo_arr_sort", &[Ptr], Ptr),
    ("bodo_arr_roll", &[Ptr, I64, I64], Ptr),
    ("bodo_arr_convolve", &[Ptr, Ptr, I64], Ptr),
    ("bodo_arr_unique", &[Ptr], Ptr),
    ("bodo_arr_unique_counts", &[Ptr], Ptr),
    ("bodo_arr_concat", &[Ptr, I64], Ptr),
    ("bodo_arr_vstack", &[Ptr, I64, I64], Ptr),
    ("bodo_arr_column_stack", &[Ptr, I64], Ptr),
    ("bodo_arr_transpose", &[Ptr], Ptr),
    ("bodo_arr_diag", &[Ptr], Ptr),
    ("bodo_arr_histogram_edges", &[Ptr, I64, I64, F64, F64], Ptr),
    ("bodo_arr_histogram_counts", &[Ptr, Ptr, I64, Ptr], Ptr),
    ("bodo_arr_bincount", &[Ptr, Ptr, I64], Ptr),
    ("bodo_arr_dot_mm", &[Ptr, Ptr], Ptr),
    ("bodo_err_as_matmul", &[], Void),
    ("bodo_arr_take_pairs", &[Ptr, Ptr, I64, Ptr, I64], Ptr),
    ("bodo_arr_split", &[Ptr, Ptr, I64, I8, Ptr], Ptr),
    ("bodo_arr_zero_sign", &[Ptr, F64], F64),
    ("bodo_raise_broadcast", &[I64, I64, I64, I64, I64, I64], Void),
    ("bodo_raise_index", &[I64, I64, I64], Void),
    ("bodo_raise_unpack", &[I64, I64], Void),
    ("bodo_unravel_index", &[I64, Ptr, I64, Ptr], Ptr),
    ("bodo_arr_dot_vv", &[Ptr, Ptr], Slot),
    ("bodo_arr_dot_vm", &[Ptr, Ptr], Ptr),
    ("bodo_arr_dot_mv_check", &[Ptr, Ptr], Void),
    ("bodo_arr_dot_mv_rows", &[Ptr, Ptr, I64, I64, Ptr], Void),
    ("bodo_arr_dot_vm_begin", &[I64, Ptr, I64, I8], Ptr),
    ("bodo_arr_dot_tv", &[Ptr, Ptr], Ptr),
    ("bodo_arr_dot_tm", &[Ptr, Ptr], Ptr),
    ("bodo_arr_dot_vm_block", &[Ptr, I64, Ptr, I64, Ptr], Void),
    ("bodo_arr_dot_vm_finish", &[Ptr, I64], Void),
    ("bodo_arr_from_list", &[Ptr, Ptr, I64], Ptr),
    ("bodo_arr_rows_to_lists", &[Ptr, Ptr], Ptr),
    ("bodo_list_concat_gather", &[Ptr], Ptr),
    ("bodo_nodes_first_ranks", &[Ptr], Ptr),
    ("bodo_rand_key", &[], I64),
    ("bodo_rand_seed", &[I64], Void),
    ("bodo_arr_copy", &[Ptr], Ptr),
    ("bodo_arr_reshape", &[Ptr, I64, I64, I64], Ptr),
];

/// The signature of a runtime function, or `None` if it is not in the ABI.
pub fn signature(name: &str) -> Option<Sig> {
    if let Some((_, p, r)) = FIXED.iter().find(|(n, _, _)| *n == name) {
        return Some(Sig { params: p.to_vec(), ret: *r });
    }
    let m = methods::METHODS.iter().find(|m| m.rt == name)?;
    // The receiver: an object, or a number passed as its value.
    let mut params = vec![match m.recv {
        Recv::Int => I64,
        Recv::Float => F64,
        Recv::Str | Recv::List | Recv::Dict | Recv::Set => Ptr,
    }];
    for (_, p) in m.params {
        if *p == P::Affix {
            params.push(Ptr);
        }
        params.push(match p {
            P::Str | P::OptStr | P::Same | P::Iter | P::ListStr | P::Table => Ptr,
            P::Affix => I8,
            P::Int(_) => I64,
            P::Bool(_) => I8,
            P::Elem | P::Key | P::Val => Slot,
        });
    }
    if m.ret.takes_desc() {
        params.push(Ptr);
    }
    let ret = match m.ret {
        R::None => Void,
        R::Int => I64,
        R::Bool => I8,
        R::Elem | R::Val => Slot,
        _ => Ptr,
    };
    Some(Sig { params, ret })
}

/// Every name of the ABI, for the drift test.
pub fn all_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = FIXED.iter().map(|(n, _, _)| *n).collect();
    v.extend(methods::METHODS.iter().map(|m| m.rt));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_abi_function_is_exported_by_the_runtime() {
        let rt = include_str!("../../../runtime/src/abi.rs");
        let missing: Vec<_> = all_names().into_iter().filter(|n| !rt.contains(&format!("fn {n}("))).collect();
        assert!(missing.is_empty(), "runtime/src/abi.rs lacks: {missing:?}");
    }
}
