//! pandas' row sorts and groupby (`types/pandas_sort.rs`,
//! `types/pandas_groupby.rs`) as runtime calls on the frame's tuple:
//! `pd.$sort` is `bodo_frame_sort`, `pd.$gagg` `bodo_frame_groupby`,
//! `pd.$grows` `bodo_frame_group_rows`, `pd.$distinct` `bodo_frame_distinct`; a groupby object (`pd.$groupby`,
//! `pd.$gselect`) is the frame itself. The runtime sees the frame's arrays
//! as a table whose first columns are the labels (a RangeIndex's made an
//! array), then the frame's columns; keys and aggregations name table
//! positions. `reset_index` and `set_index` (`pd.$reset`, `pd.$set_index`)
//! rebuild the tuple with other labels.

use super::lower::Lower;
use super::*;
use crate::hir::{Const as HConst, Expr, ExprKind};
use crate::types::pandas_distinct::distinct_keys;
use crate::types::pandas_groupby::{agg_specs, grouped, row_code};
use crate::types::ty::Labels;

/// The table position of the first column after labels `l`.
pub(super) fn label_columns(l: &Labels) -> usize {
    match l {
        Labels::Levels(ls) => ls.len(),
        _ => 1,
    }
}

impl<'a> Lower<'a> {
    /// `pd.$sort`, `pd.$groupby`, `pd.$gselect`, `pd.$gagg`, `pd.$grows`, `pd.$distinct`.
    pub fn table_internal(&mut self, e: &'a Expr, name: &str, args: &'a [Expr]) -> V {
        if matches!(name, "$groupby" | "$gselect") {
            return self.expr(&args[0]);
        }
        let (labels, cols) = self.frame_layout(&args[0]);
        let lc = label_columns(&labels);
        let at = |c: &str| lc + cols.iter().position(|n| n == c).unwrap_or_default();
        let xt = self.exact_ty(&args[0]);
        // The runtime function, its lists of ints, then its int arguments.
        let (func, lists, tail): (&'static str, Vec<Vec<i64>>, Vec<i64>) = match name {
            "$sort" => {
                let asc: Vec<i64> = match &args[2].kind {
                    ExprKind::Tuple(flags) => {
                        flags.iter().map(|f| i64::from(matches!(f.kind, ExprKind::Const(HConst::Bool(true))))).collect()
                    }
                    _ => vec![1],
                };
                let keys: Vec<i64> = match &args[1].kind {
                    // The labels, every level in the one direction.
                    ExprKind::Const(HConst::None) => (0..lc).map(|k| 2 * k as i64 + asc[0]).collect(),
                    // A Series' values.
                    ExprKind::Tuple(names) if names.is_empty() => vec![2 * lc as i64 + asc[0]],
                    ExprKind::Tuple(names) => names
                        .iter()
                        .zip(&asc)
                        .map(|(n, &a)| match &n.kind {
                            ExprKind::Const(HConst::Str(c)) => 2 * at(c) as i64 + a,
                            _ => a,
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                ("bodo_frame_sort", vec![keys], Vec::new())
            }
            "$distinct" => {
                let ExprKind::Const(HConst::Int(flags)) = args[2].kind else { return self.null() };
                let keys: Vec<i64> = match distinct_keys(&args[1]) {
                    // A Series' values.
                    Some(names) if names.is_empty() => vec![lc as i64],
                    Some(names) => names.iter().map(|n| at(n) as i64).collect(),
                    None => (lc..lc + cols.len()).map(|c| c as i64).collect(),
                };
                ("bodo_frame_distinct", vec![keys], vec![flags])
            }
            _ => {
                let Some((f, g)) = grouped(&xt) else { return self.null() };
                let keys: Vec<i64> = g.keys.iter().map(|k| at(k) as i64).collect();
                if name == "$gagg" {
                    let specs = agg_specs(f, g, &args[1]).unwrap_or_default();
                    let aggs = specs.iter().map(|s| 16 * at(&s.col) as i64 + s.code).collect();
                    ("bodo_frame_groupby", vec![keys, aggs], vec![i64::from(g.as_index)])
                } else {
                    let col = g.select.as_ref().and_then(|s| s.first()).map_or(0, |c| at(c));
                    let code = match &args[1].kind {
                        ExprKind::Const(HConst::Str(s)) => row_code(s).unwrap_or_default(),
                        _ => 0,
                    };
                    ("bodo_frame_group_rows", vec![keys], vec![col as i64, code])
                }
            }
        };
        let t = self.ty(e);
        let x = self.expr_borrow(&args[0]);
        let mut call = vec![x.0, self.cint(labels.first_array() as i64)];
        for list in &lists {
            call.push(self.int_slots(list));
            call.push(self.cint(list.len() as i64));
        }
        for &k in &tail {
            call.push(self.cint(k));
        }
        // A new frame or series is made of the result's descriptor.
        if name != "$grows" {
            call.push(self.desc(&t));
        }
        let r = self.emit(Op::Rt(func, call), IrTy::Ptr);
        self.check();
        self.release(x, &xt.lowered());
        r
    }

    /// `pd.$aligned_labels(values, labels, labels2)`: the values laid out
    /// as the first labels once the two are found equal at run time (each a
    /// labels array, or the index frame of a named index's levels).
    pub fn aligned_labels(&mut self, args: &'a [Expr]) -> V {
        let mark = self.in_flight_mark();
        let vt = self.ty(&args[0]);
        let v = self.expr(&args[0]);
        self.hold_in_flight((v, true), &vt);
        let mut held = Vec::new();
        let mut levels = Vec::new();
        for l in &args[1..] {
            let lt = self.ty(l);
            let x = self.expr_borrow(l);
            self.hold_in_flight(x, &lt);
            let arrays = match &lt {
                Ty::Tuple(items) => (0..items.len()).map(|i| self.tuple_item(x.0, i, IrTy::Ptr)).collect(),
                _ => vec![x.0],
            };
            levels.push(self.emit(Op::PtrArray(arrays.clone()), IrTy::Ptr));
            held.push((x, lt, arrays.len()));
        }
        let n = self.cint(held[0].2 as i64);
        let r = self.emit(Op::Rt("bodo_arr_labels_aligned", vec![v, levels[0], levels[1], n]), IrTy::Ptr);
        self.check();
        self.let_go(mark);
        self.decref(v, &vt);
        for (x, lt, _) in held {
            self.release(x, &lt);
        }
        r
    }

    /// `pd.$reset(x, drop)` / `pd.$set_index(df, keys)`: a new tuple of
    /// `x`'s arrays with a RangeIndex from 0 (the old labels dropped or
    /// made the first columns, a RangeIndex's as an array), or with the
    /// key columns as the labels.
    pub fn reindexed(&mut self, e: &'a Expr, args: &'a [Expr]) -> V {
        let (t, xt) = (self.ty(e), self.ty(&args[0]));
        let (Ty::Tuple(ins), Ty::Tuple(outs)) = (&xt, &t) else { return self.null() };
        let (labels, cols) = self.frame_layout(&args[0]);
        let x = self.expr_borrow(&args[0]);
        let mut vals: Vec<(V, Ty)> = Vec::new();
        let item = |w: &mut Self, i: usize| {
            let s = w.tuple_item(x.0, i, IrTy::Slot);
            let v = w.slot_value(s, &ins[i]);
            w.incref(v, &ins[i]);
            (v, ins[i].clone())
        };
        match &args[1].kind {
            ExprKind::Tuple(keys) => {
                let key_at = |k: &Expr| match &k.kind {
                    ExprKind::Const(HConst::Str(c)) => cols.iter().position(|n| n == c),
                    _ => None,
                };
                let picked: Vec<usize> = keys.iter().filter_map(key_at).collect();
                for &c in &picked {
                    vals.push(item(self, labels.count() + c));
                }
                for c in (0..cols.len()).filter(|c| !picked.contains(c)) {
                    vals.push(item(self, labels.count() + c));
                }
            }
            kind => {
                for v in [0, 1] {
                    let c = self.cint(v);
                    vals.push((c, Ty::Int));
                }
                if !matches!(kind, ExprKind::Const(HConst::Bool(true))) {
                    if labels == Labels::Range {
                        let (start, step) = (self.tuple_item(x.0, 0, IrTy::Int), self.tuple_item(x.0, 1, IrTy::Int));
                        let arr = self.tuple_item(x.0, 2, IrTy::Ptr);
                        let l = self.emit(Op::Rt("bodo_arr_range_labels", vec![arr, start, step]), IrTy::Ptr);
                        self.check();
                        vals.push((l, outs[2].clone()));
                    } else {
                        for i in 0..labels.count() {
                            vals.push(item(self, i));
                        }
                    }
                }
                for i in labels.count()..ins.len() {
                    vals.push(item(self, i));
                }
            }
        }
        let slots: Vec<V> = vals.iter().map(|(v, _)| self.slot_of(*v)).collect();
        let r = self.make_tuple(&t, &slots);
        for (v, ty) in vals {
            self.decref(v, &ty);
        }
        self.release(x, &xt);
        r
    }

    /// `pd.$frame(names, index, columns...)` / `pd.$series(name, index,
    /// values)` whose labels are a named index, given as the index frame
    /// `pd.$labels` makes: its level arrays, then the columns.
    pub fn with_index(&mut self, e: &'a Expr, args: &'a [Expr]) -> V {
        let (t, it) = (self.ty(e), self.ty(&args[1]));
        let (Ty::Tuple(items), Ty::Tuple(levels)) = (&t, &it) else { return self.null() };
        let mark = self.in_flight_mark();
        let x = self.expr_borrow(&args[1]);
        self.hold_in_flight(x, &it);
        let mut vals = Vec::new();
        for (i, lt) in levels.iter().enumerate() {
            let s = self.tuple_item(x.0, i, IrTy::Slot);
            let v = self.slot_value(s, lt);
            self.incref(v, lt);
            let v = self.coerce(v, lt, &items[i]);
            self.hold_in_flight((v, true), &items[i]);
            vals.push(v);
        }
        for (a, want) in args[2..].iter().zip(&items[levels.len()..]) {
            let at = self.ty(a);
            let v = self.expr(a);
            let v = self.coerce(v, &at, want);
            self.hold_in_flight((v, true), want);
            vals.push(v);
        }
        let slots: Vec<V> = vals.iter().map(|v| self.slot_of(*v)).collect();
        let r = self.make_tuple(&t, &slots);
        self.let_go(mark);
        for (v, want) in vals.into_iter().zip(items) {
            self.decref(v, want);
        }
        self.release(x, &it);
        r
    }

    /// `pd.$labels(x)` of a frame or series `x` whose labels are a named
    /// index: the index frame of its level arrays (the first items).
    pub fn index_of(&mut self, e: &'a Expr, x: &'a Expr) -> V {
        let (t, xt) = (self.ty(e), self.ty(x));
        let Ty::Tuple(levels) = &t else { return self.null() };
        let v = self.expr_borrow(x);
        let slots: Vec<V> = (0..levels.len()).map(|i| self.tuple_item(v.0, i, IrTy::Slot)).collect();
        let r = self.make_tuple(&t, &slots);
        self.release(v, &xt);
        r
    }
}
