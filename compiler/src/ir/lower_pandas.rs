//! pandas frames and series: the internal calls `hir/frames.rs` leaves
//! (`types/pandas.rs`), which build a frame or series (a tuple of its
//! parts), read one part, or work on a whole frame whose columns this
//! instance's type tells. Every other pandas operation was rewritten into
//! NumPy operations on the parts before lowering.

use super::lower::Lower;
use super::*;
use crate::hir::{Const as HConst, Expr, ExprKind};
use crate::types::ty::Labels;
use crate::types::Dist;

/// The distribution of a frame's or series' tuple (that of its arrays).
fn xt_dist(t: &Ty) -> Option<Dist> {
    let Ty::Tuple(items) = t else { return None };
    items.iter().find_map(|i| match i {
        Ty::Array(_, _, d) => Some(*d),
        _ => None,
    })
}

impl<'a> Lower<'a> {
    /// `pd.$NAME(args)`.
    pub fn pandas_internal(&mut self, e: &'a Expr, name: &str, args: &'a [Expr]) -> V {
        let t = self.ty(e);
        match name {
            "$frame" | "$series" if matches!(self.exact_ty(&args[1]), Ty::Frame(_)) => self.with_index(e, args),
            "$labels" if matches!(self.exact_ty(e), Ty::Frame(_)) => self.index_of(e, &args[0]),
            "$series" if args.len() == 3 => {
                // Labels of their own (`pd.Series(v, index=labels)`): as
                // many as values, else pandas' ValueError.
                let Ty::Tuple(items) = &t else { return self.null() };
                let s = self.tuple_of(args[1..].iter().zip(items), &t);
                let mark = self.in_flight_mark();
                self.hold_in_flight((s, true), &t);
                let (labels, values) = (self.tuple_item(s, 0, IrTy::Ptr), self.tuple_item(s, 1, IrTy::Ptr));
                let [nl, nv] = [labels, values].map(|a| {
                    self.emit(
                        Op::LoadField { ptr: a, of: Obj::Array, offset: bodo_abi::layout::array::LEN, index: None },
                        IrTy::Int,
                    )
                });
                self.emit_void(Op::Rt("bodo_check_index_len", vec![nv, nl]));
                self.check();
                self.let_go(mark);
                s
            }
            "$frame" | "$series" => {
                let Ty::Tuple(items) = &t else { return self.null() };
                self.tuple_of(args[1..].iter().zip(items), &t)
            }
            "$with" | "$select" | "$column_of" | "$head" | "$tail" | "$copy" | "$slice" | "$select_at"
            | "$column_at" | "$rename" | "$drop" => self.frame_rebuilt(e, name, args),
            "$filter" => self.frame_filtered(e, args),
            "Timestamp" | "to_datetime" | "$to_datetime" | "$dt_field" => self.datetime_internal(name, args),
            "$shift" | "$rolling" => self.window_internal(name, args),
            "$rank" => self.rank_internal(args),
            "$fill_strs" | "$none_missing" => self.fill_missing(name, args),
            "$sort" | "$groupby" | "$gselect" | "$gagg" | "$grows" | "$distinct" => self.table_internal(e, name, args),
            "$merge" => self.merge_frames(e, args),
            "$pivot" => self.pivot_table(e, &args[0], &args[1]),
            "$empty" => self.empty_frame(e),
            "$concat" => self.concat_frames(e, args),
            "$aligned_labels" => self.aligned_labels(args),
            "$reset" | "$set_index" => self.reindexed(e, args),
            "$aligned" => {
                let mark = self.in_flight_mark();
                let v = self.expr(&args[0]);
                self.hold_in_flight((v, true), &t);
                let [s1, t1, s2, t2] = [1, 2, 3, 4].map(|i| self.int_value(&args[i]));
                let other_start = self.emit(Op::ICmp(Cmp::Ne, s1, s2), IrTy::Bool);
                let other_step = self.emit(Op::ICmp(Cmp::Ne, t1, t2), IrTy::Bool);
                let other = self.emit(Op::BoolOr(other_start, other_step), IrTy::Bool);
                self.raise_when(
                    other,
                    bodo_abi::exc::VALUE_ERROR,
                    "Series with different row labels: aligning them by label is not supported yet",
                );
                self.let_go(mark);
                v
            }
            "$len" => self.rows_of(&args[0]),
            "$columns" => {
                let v = self.expr_borrow(&args[0]);
                self.release(v, &self.ty(&args[0]));
                let (_, cols) = self.frame_layout(&args[0]);
                let d = self.desc(&t);
                let n = self.cint(cols.len() as i64);
                let l = self.emit(Op::Rt("bodo_list_new", vec![d, n]), IrTy::Ptr);
                for c in &cols {
                    let s = self.cstr(c);
                    self.list_push(l, s, &Ty::Str);
                }
                l
            }
            "$shape" => {
                let n = self.rows_of(&args[0]);
                let mut slots = vec![self.slot_of(n)];
                if let Ty::Frame(f) = self.exact_ty(&args[0]) {
                    let c = self.cint(f.cols.len() as i64);
                    slots.push(self.slot_of(c));
                }
                self.make_tuple(&t, &slots)
            }
            _ => {
                let (labels, cols) = self.frame_layout(&args[0]);
                let label_parts = labels.count();
                let at = match name {
                    "$col" => {
                        let ExprKind::Const(HConst::Str(c)) = &args[1].kind else { return self.null() };
                        label_parts + cols.iter().position(|n| n == c).unwrap_or_default()
                    }
                    "$values" => label_parts,
                    "$step" => 1,
                    _ => 0,
                };
                self.item_of(&args[0], at, &t)
            }
        }
    }

    /// The labels of frame or series `x` (which items of its tuple hold
    /// them), and its column names (none for a series).
    pub(super) fn frame_layout(&self, x: &Expr) -> (Labels, Vec<String>) {
        match self.exact_ty(x) {
            Ty::Frame(f) => (f.labels, f.cols.iter().map(|c| c.0.clone()).collect()),
            Ty::Series(s) => (s.labels, Vec::new()),
            _ => (Labels::Range, Vec::new()),
        }
    }

    /// The number of rows of frame or series `x`, evaluated here.
    fn rows_of(&mut self, x: &'a Expr) -> V {
        let v = self.expr_borrow(x);
        let n = self.frame_len(v.0, x);
        self.release(v, &self.ty(x));
        n
    }

    /// The number of rows of frame or series `x` (borrowed value `v`): the
    /// global length of its first array (a column, or the labels).
    fn frame_len(&mut self, v: V, x: &Expr) -> V {
        let arr = self.tuple_item(v, self.frame_layout(x).0.first_array(), IrTy::Ptr);
        self.emit(
            Op::LoadField { ptr: arr, of: Obj::Array, offset: bodo_abi::layout::array::GLEN, index: None },
            IrTy::Int,
        )
    }

    /// `$with(df, "C", values)`, `$select(df, names)`, `$head(x, n)`,
    /// `$tail(x, n)`: a new tuple of the input's parts, chosen, cut or
    /// converted to the result's distribution.
    fn frame_rebuilt(&mut self, e: &'a Expr, name: &str, args: &'a [Expr]) -> V {
        let (t, xt) = (self.ty(e), self.ty(&args[0]));
        let (Ty::Tuple(out), Ty::Tuple(ins)) = (&t, &xt) else { return self.null() };
        let (labels, cols) = self.frame_layout(&args[0]);
        let label_parts = labels.count();
        let mark = self.in_flight_mark();
        // The new column's values or the row count, before the frame (Python
        // evaluates an assigned value first).
        let extra = match name {
            "$with" => {
                let vt = self.ty(&args[2]);
                let v = self.expr(&args[2]);
                self.hold_in_flight((v, true), &vt);
                Some((v, vt))
            }
            "$head" | "$tail" | "$slice" => Some((self.int_value(&args[1]), Ty::Int)),
            _ => None,
        };
        let hi = (name == "$slice").then(|| self.int_value(&args[2]));
        let x = self.expr_borrow(&args[0]);
        self.hold_in_flight(x, &xt);
        // Which input item each output item is (None: the new column).
        let picks: Vec<Option<usize>> = match name {
            "$select" | "$column_of" => {
                let names = match &args[1].kind {
                    ExprKind::Tuple(names) => names.as_slice(),
                    _ => std::slice::from_ref(&args[1]),
                };
                let mut p: Vec<Option<usize>> = (0..label_parts).map(Some).collect();
                for n in names {
                    let ExprKind::Const(HConst::Str(n)) = &n.kind else { return self.null() };
                    p.push(cols.iter().position(|c| c == n).map(|i| label_parts + i));
                }
                p
            }
            "$with" => {
                let ExprKind::Const(HConst::Str(col)) = &args[1].kind else { return self.null() };
                let mut p: Vec<Option<usize>> = (0..ins.len()).map(Some).collect();
                match cols.iter().position(|c| c == col) {
                    Some(i) => p[label_parts + i] = None,
                    None => p.push(None),
                }
                p
            }
            // By position, or those not dropped: the output's columns, found by
            // name among the input's.
            "$select_at" | "$column_at" | "$drop" => {
                let chosen: Vec<String> = match self.exact_ty(e) {
                    Ty::Frame(f) => f.cols.iter().map(|c| c.0.clone()).collect(),
                    Ty::Series(s) => s.name.into_iter().collect(),
                    _ => Vec::new(),
                };
                let mut p: Vec<Option<usize>> = (0..label_parts).map(Some).collect();
                p.extend(chosen.iter().map(|n| cols.iter().position(|c| c == n).map(|i| label_parts + i)));
                p
            }
            _ => (0..ins.len()).map(Some).collect(),
        };
        // The rows `$head`/`$tail` keep: `[lo, hi)` as slice bounds, and
        // the first one's position (where a RangeIndex now starts).
        let cut = match (name, &extra, hi) {
            ("$head" | "$tail", Some((n, _)), _) => Some(self.cut_bounds(name == "$tail", *n, x.0, &args[0])),
            ("$slice", Some((lo, _)), Some(hi)) => {
                let by_label = matches!(args[3].kind, ExprKind::Const(HConst::Bool(true)));
                Some(self.row_slice_bounds(*lo, hi, by_label, x.0, &args[0]))
            }
            _ => None,
        };
        let mut vals = Vec::new();
        for (k, (pick, want)) in picks.iter().zip(out).enumerate() {
            let v = match pick {
                Some(i) => {
                    let s = self.tuple_item(x.0, *i, IrTy::Slot);
                    let v = self.slot_value(s, &ins[*i]);
                    self.incref(v, &ins[*i]);
                    match (&cut, &ins[*i]) {
                        (Some((lo, hi, _)), Ty::Array(..)) => {
                            let none = self.cint(bodo_abi::SLICE_NONE);
                            let r = self.emit(Op::Rt("bodo_arr_slice", vec![v, *lo, *hi, none]), IrTy::Ptr);
                            self.check();
                            self.decref(v, &ins[*i]);
                            self.coerce(r, &ins[*i].with_dist(crate::types::Dist::OneDVar), want)
                        }
                        // A RangeIndex's start moves to the first row kept.
                        (Some((_, _, first)), Ty::Int) if k == 0 && labels == Labels::Range => {
                            let step = self.tuple_item(x.0, 1, IrTy::Slot);
                            let step = self.slot_value(step, &Ty::Int);
                            let moved = self.emit(Op::Int(IntOp::Mul, step, *first), IrTy::Int);
                            self.emit(Op::Int(IntOp::Add, v, moved), IrTy::Int)
                        }
                        _ => self.coerce(v, &ins[*i], want),
                    }
                }
                None => {
                    let (v, vt) = extra.clone().expect("the new column");
                    self.incref(v, &vt);
                    self.coerce(v, &vt, want)
                }
            };
            vals.push((v, want.clone()));
        }
        let slots: Vec<V> = vals.iter().map(|(v, _)| self.slot_of(*v)).collect();
        let r = self.make_tuple(&t, &slots);
        self.let_go(mark);
        for (v, ty) in vals {
            self.decref(v, &ty);
        }
        if let Some((v, vt)) = extra.filter(|_| name == "$with") {
            self.decref(v, &vt);
        }
        self.release(x, &xt);
        r
    }

    /// `$filter(x, mask)`: every array part of `x` cut to the rows where the
    /// bool array `mask` is true, a RangeIndex first made the labels of the
    /// rows (which the filtered rows keep).
    fn frame_filtered(&mut self, e: &'a Expr, args: &'a [Expr]) -> V {
        let (t, xt, mt) = (self.ty(e), self.ty(&args[0]), self.ty(&args[1]));
        let (Ty::Tuple(ins), Some(dist)) = (&xt, xt_dist(&xt)) else { return self.null() };
        let labels = self.frame_layout(&args[0]).0;
        let mark = self.in_flight_mark();
        let x = self.expr_borrow(&args[0]);
        self.hold_in_flight(x, &xt);
        let first = self.tuple_item(x.0, labels.first_array(), IrTy::Ptr);
        let m = self.mask_for(&args[1], &mt, first, dist);
        self.hold_in_flight((m, true), &mt);
        let mut parts = Vec::new();
        if labels == Labels::Range {
            let (start, step) = (self.tuple_item(x.0, 0, IrTy::Int), self.tuple_item(x.0, 1, IrTy::Int));
            let labels = self.emit(Op::Rt("bodo_arr_range_labels", vec![first, start, step]), IrTy::Ptr);
            self.check();
            parts.push(labels);
        }
        // The labels array too, when the labels are one.
        for (i, it) in ins.iter().enumerate().skip(labels.first_array()) {
            let a = self.tuple_item(x.0, i, IrTy::Ptr);
            self.incref(a, it);
            parts.push(a);
        }
        let mut vals = Vec::new();
        for p in parts {
            let r = self.emit(Op::Rt("bodo_arr_filter", vec![p, m]), IrTy::Ptr);
            self.emit_void(Op::DecRef(p));
            self.check();
            self.hold_in_flight((r, true), &Ty::array(Ty::Int, 1, dist));
            vals.push(r);
        }
        let slots: Vec<V> = vals.iter().map(|v| self.slot_of(*v)).collect();
        let r = self.make_tuple(&t, &slots);
        self.let_go(mark);
        for v in vals {
            self.emit_void(Op::DecRef(v));
        }
        self.emit_void(Op::DecRef(m));
        self.release(x, &xt);
        r
    }

    /// Slice bounds `(lo, hi)` of `.iloc[lo:hi]` (`SLICE_NONE` for an
    /// omitted bound), or of `.loc[lo:hi]` on a RangeIndex (labels, `hi`
    /// included, turned into positions), and the first row kept.
    fn row_slice_bounds(&mut self, lo: V, hi: V, by_label: bool, x: V, xe: &Expr) -> (V, V, V) {
        let (none, zero, one) = (self.cint(bodo_abi::SLICE_NONE), self.cint(0), self.cint(1));
        let (lo, hi) = if by_label {
            let (start, step) = (self.tuple_item(x, 0, IrTy::Int), self.tuple_item(x, 1, IrTy::Int));
            // Position of the first label >= lo: ceil((lo - start) / step), at least 0.
            let off = self.emit(Op::Int(IntOp::Sub, start, lo), IrTy::Int);
            let q = self.emit(Op::Int(IntOp::NpFloorDiv, off, step), IrTy::Int);
            let first = self.emit(Op::Int(IntOp::Sub, zero, q), IrTy::Int);
            // One past the last label <= hi: floor((hi - start) / step) + 1, at least 0.
            let off = self.emit(Op::Int(IntOp::Sub, hi, start), IrTy::Int);
            let q = self.emit(Op::Int(IntOp::NpFloorDiv, off, step), IrTy::Int);
            let last = self.emit(Op::Int(IntOp::Add, q, one), IrTy::Int);
            let clamp = |l: &mut Self, v: V| {
                let neg = l.emit(Op::ICmp(Cmp::Lt, v, zero), IrTy::Bool);
                l.emit(Op::Select(neg, zero, v), IrTy::Int)
            };
            let (first, last) = (clamp(self, first), clamp(self, last));
            let omitted = |l: &mut Self, b: V, v: V| {
                let is_none = l.emit(Op::ICmp(Cmp::Eq, b, none), IrTy::Bool);
                l.emit(Op::Select(is_none, none, v), IrTy::Int)
            };
            (omitted(self, lo, first), omitted(self, hi, last))
        } else {
            (lo, hi)
        };
        // Python's start of a slice: omitted is 0, negative counts from the end.
        let len = self.frame_len(x, xe);
        let plus = self.emit(Op::Int(IntOp::Add, lo, len), IrTy::Int);
        let neg = self.emit(Op::ICmp(Cmp::Lt, lo, zero), IrTy::Bool);
        let f = self.emit(Op::Select(neg, plus, lo), IrTy::Int);
        let below = self.emit(Op::ICmp(Cmp::Lt, f, zero), IrTy::Bool);
        let f = self.emit(Op::Select(below, zero, f), IrTy::Int);
        let above = self.emit(Op::ICmp(Cmp::Gt, f, len), IrTy::Bool);
        let f = self.emit(Op::Select(above, len, f), IrTy::Int);
        let is_none = self.emit(Op::ICmp(Cmp::Eq, lo, none), IrTy::Bool);
        let first = self.emit(Op::Select(is_none, zero, f), IrTy::Int);
        (lo, hi, first)
    }

    /// Slice bounds `(lo, hi)` of `head(n)` (`[:n]`, negative `n` counting
    /// from the end as in pandas) or `tail(n)` (the last `n` rows, all but
    /// the first `-n` for a negative one), and the first row kept.
    fn cut_bounds(&mut self, tail: bool, n: V, x: V, xe: &Expr) -> (V, V, V) {
        let len = self.frame_len(x, xe);
        let zero = self.cint(0);
        let none = self.cint(bodo_abi::SLICE_NONE);
        if !tail {
            return (none, n, zero);
        }
        // tail: first = n > 0 ? max(len - n, 0) : n == 0 ? len : min(-n, len).
        let rest = self.emit(Op::Int(IntOp::Sub, len, n), IrTy::Int);
        let pos = self.emit(Op::ICmp(Cmp::Gt, rest, zero), IrTy::Bool);
        let from_end = self.emit(Op::Select(pos, rest, zero), IrTy::Int);
        let neg = self.emit(Op::Int(IntOp::Sub, zero, n), IrTy::Int);
        let short = self.emit(Op::ICmp(Cmp::Lt, neg, len), IrTy::Bool);
        let from_start = self.emit(Op::Select(short, neg, len), IrTy::Int);
        let empty = self.emit(Op::ICmp(Cmp::Eq, n, zero), IrTy::Bool);
        let from_start = self.emit(Op::Select(empty, len, from_start), IrTy::Int);
        let positive = self.emit(Op::ICmp(Cmp::Gt, n, zero), IrTy::Bool);
        let first = self.emit(Op::Select(positive, from_end, from_start), IrTy::Int);
        (first, none, first)
    }
}
