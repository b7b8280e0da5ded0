//! `pd.$merge` and `pd.$concat` (`types/pandas_merge.rs`) as runtime calls
//! on the frames' tuples: `bodo_frame_merge` and `bodo_frame_concat` /
//! `bodo_frame_concat_list`. As for groupby, the runtime sees each frame's
//! arrays as a table whose first columns are its labels (a RangeIndex's
//! made an array), then its columns; the compiler names table positions.

use super::lower::Lower;
use super::lower_groupby::label_columns;
use super::*;
use crate::hir::{Const as HConst, Expr, ExprKind};
use crate::types::pandas_merge::{merge_spec, merged, Source};
use bodo_abi::join;

impl<'a> Lower<'a> {
    /// A pointer to the ints `list` (an array of slots the call reads).
    pub(super) fn int_slots(&mut self, list: &[i64]) -> V {
        let slots: Vec<V> = list
            .iter()
            .map(|&k| {
                let c = self.cint(k);
                self.slot_of(c)
            })
            .collect();
        self.emit(Op::SlotArray(slots), IrTy::Ptr)
    }

    /// The first array item of frame variable `l`'s tuple (a RangeIndex's
    /// labels are two ints before it), `None` if `l` holds no frame: a
    /// prange concatenation reduction of frames (`ir/prange.rs`).
    pub(super) fn frame_labels_first(&self, l: crate::hir::LocalId) -> Option<i64> {
        match &self.inst.locals[l as usize] {
            Ty::Frame(f) => Some(f.labels.first_array() as i64),
            _ => None,
        }
    }

    /// `pd.$empty()`: a frame of no rows of the columns its type has.
    pub fn empty_frame(&mut self, e: &'a Expr) -> V {
        let (Ty::Frame(f), t) = (self.exact_ty(e), self.ty(e)) else { return self.null() };
        let Ty::Tuple(items) = &t else { return self.null() };
        let mut vals = Vec::new();
        for it in items {
            let v = match it {
                Ty::Array(el, ..) => {
                    let d = self.desc(it);
                    let dims = [Elem::of(el).dtype(), 1, 0, 1, 0, 0, f.dist.code()].map(|k| self.cint(k));
                    let mut call = vec![d];
                    call.extend(dims);
                    let a = self.emit(Op::Rt("bodo_arr_new", call), IrTy::Ptr);
                    self.check();
                    a
                }
                // A RangeIndex from 0 by 1.
                _ => self.cint(i64::from(!vals.is_empty())),
            };
            vals.push((v, it.clone()));
        }
        let slots: Vec<V> = vals.iter().map(|(v, _)| self.slot_of(*v)).collect();
        let r = self.make_tuple(&t, &slots);
        for (v, it) in vals {
            self.decref(v, &it);
        }
        r
    }

    /// `pd.$merge(left, right, how=..., on=..., ...)` (`e` the call).
    pub fn merge_frames(&mut self, e: &'a Expr, args: &'a [Expr]) -> V {
        let ExprKind::Call { kwargs, .. } = &e.kind else { return self.null() };
        let (Ty::Frame(lf), Ty::Frame(rf)) = (self.exact_ty(&args[0]), self.exact_ty(&args[1])) else {
            return self.null();
        };
        // Inference reported what is wrong.
        let Some(m) = merge_spec(kwargs).ok().and_then(|s| merged(&lf, &rf, &s).ok()) else { return self.null() };
        let (lc, rc) = (label_columns(&lf.labels), label_columns(&rf.labels));
        let lkeys: Vec<i64> = m.lkeys.iter().map(|&k| (lc + k) as i64).collect();
        let rkeys: Vec<i64> = m.rkeys.iter().map(|&k| (rc + k) as i64).collect();
        let outs: Vec<i64> = m
            .cols
            .iter()
            .map(|c| {
                let (pos, src) = match c.src {
                    Source::Left(i) => (lc + i, join::FROM_LEFT),
                    Source::Right(i) => (rc + i, join::FROM_RIGHT),
                    Source::Key(k) => (k, join::KEY),
                };
                8 * pos as i64 + 4 * i64::from(c.to_float) + src
            })
            .collect();
        let how = merge_spec(kwargs).map_or(join::INNER, |s| s.how);
        let (t, lt, rt) = (self.ty(e), self.ty(&args[0]), self.ty(&args[1]));
        let mark = self.in_flight_mark();
        let x = self.expr_borrow(&args[0]);
        self.hold_in_flight(x, &lt);
        let y = self.expr_borrow(&args[1]);
        self.let_go(mark);
        let mut call =
            vec![x.0, self.cint(lf.labels.first_array() as i64), y.0, self.cint(rf.labels.first_array() as i64)];
        call.push(self.int_slots(&lkeys));
        call.push(self.int_slots(&rkeys));
        call.push(self.cint(lkeys.len() as i64));
        call.push(self.int_slots(&outs));
        call.push(self.cint(outs.len() as i64));
        call.push(self.cint(how));
        call.push(self.desc(&t));
        let r = self.emit(Op::Rt("bodo_frame_merge", call), IrTy::Ptr);
        self.check();
        self.release(x, &lt);
        self.release(y, &rt);
        r
    }

    /// `pd.$concat(ignore_index, a, b, ...)` of frames or series, or
    /// `pd.$concat(ignore_index, xs)` of a list of them.
    pub fn concat_frames(&mut self, e: &'a Expr, args: &'a [Expr]) -> V {
        let t = self.ty(e);
        let ignore = matches!(args[0].kind, ExprKind::Const(HConst::Bool(true)));
        let out_cols: Vec<String> = match self.exact_ty(e) {
            Ty::Frame(f) => f.cols.iter().map(|c| c.0.clone()).collect(),
            _ => Vec::new(),
        };
        // Each input's labels' first item, its label columns and its
        // columns' table positions in the result's order.
        let layout = |x: &Ty| -> (i64, i64, Vec<i64>) {
            let (labels, cols) = match x {
                Ty::Frame(f) => (f.labels.clone(), f.cols.iter().map(|c| c.0.clone()).collect::<Vec<_>>()),
                Ty::Series(s) => (s.labels.clone(), Vec::new()),
                _ => return (0, 0, Vec::new()),
            };
            let lc = label_columns(&labels);
            let pos = if cols.is_empty() {
                vec![lc as i64]
            } else {
                out_cols.iter().map(|n| (lc + cols.iter().position(|c| c == n).unwrap_or_default()) as i64).collect()
            };
            (labels.first_array() as i64, lc as i64, pos)
        };
        let ignore_v = self.cint(i64::from(ignore));
        if let [list] = &args[1..] {
            if let Ty::List(el) = self.exact_ty(list) {
                let (first, lc, pos) = layout(&el);
                let lt = self.ty(list);
                let l = self.expr_borrow(list);
                let call = vec![
                    l.0,
                    self.cint(first),
                    self.cint(lc),
                    self.int_slots(&pos),
                    self.cint(pos.len() as i64),
                    ignore_v,
                    self.desc(&t),
                ];
                let r = self.emit(Op::Rt("bodo_frame_concat_list", call), IrTy::Ptr);
                self.check();
                self.release(l, &lt);
                return r;
            }
        }
        let mark = self.in_flight_mark();
        let (mut held, mut firsts, mut lcs, mut pos) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for a in &args[1..] {
            let (first, lc, p) = layout(&self.exact_ty(a));
            let at = self.ty(a);
            let x = self.expr_borrow(a);
            self.hold_in_flight(x, &at);
            held.push((x, at));
            firsts.push(first);
            lcs.push(lc);
            pos.extend(p);
        }
        self.let_go(mark);
        let ptrs = held.iter().map(|h| h.0 .0).collect();
        let call = vec![
            self.emit(Op::PtrArray(ptrs), IrTy::Ptr),
            self.cint(held.len() as i64),
            self.int_slots(&firsts),
            self.int_slots(&lcs),
            self.int_slots(&pos),
            self.cint(pos.len() as i64 / held.len().max(1) as i64),
            ignore_v,
            self.desc(&t),
        ];
        let r = self.emit(Op::Rt("bodo_frame_concat", call), IrTy::Ptr);
        self.check();
        for (x, at) in held {
            self.release(x, &at);
        }
        r
    }
}
