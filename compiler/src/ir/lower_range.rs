//! `range(...)` consumed as a value without building it: its bounds, its
//! length (CPython's formula, any step sign), indexing and the O(1)
//! membership test. Iteration over a range lives in `lower_iter`.

use super::lower::Lower;
use super::*;
use crate::hir::{Expr, ExprKind};

/// The evaluated bounds of a `range(...)` call.
pub(super) struct RangeBounds {
    pub start: V,
    pub stop: V,
    pub step: V,
    /// The step when it is a literal (loops pick their exit test from its sign).
    pub step_const: Option<i64>,
}

impl<'a> Lower<'a> {
    /// Evaluate the arguments of `range(...)` call `e`, left to right; a
    /// step not known to be nonzero is checked (ValueError, as CPython).
    pub(super) fn range_bounds(&mut self, e: &'a Expr) -> RangeBounds {
        let ExprKind::Call { args, .. } = &e.kind else { unreachable!("range_bounds of a non-call") };
        let mut v: Vec<V> = Vec::new();
        for a in args {
            let t = self.ty(a);
            let x = self.expr(a);
            v.push(self.coerce(x, &t, &Ty::Int));
        }
        let (start, stop, step) = match v.len() {
            1 => (self.cint(0), v[0], self.cint(1)),
            2 => (v[0], v[1], self.cint(1)),
            _ => (v[0], v[1], v[2]),
        };
        let step_const = match args.len() {
            3 => crate::types::const_int(&args[2]),
            _ => Some(1),
        };
        if step_const.is_none() {
            let z = self.cint(0);
            let bad = self.emit(Op::ICmp(Cmp::Eq, step, z), IrTy::Bool);
            self.raise_when(bad, bodo_abi::exc::VALUE_ERROR, "range() arg 3 must not be zero");
        }
        RangeBounds { start, stop, step, step_const }
    }

    /// The number of items of `range(start, stop, step)` (step nonzero):
    /// `max(0, ceil((stop - start) / step))`.
    pub(super) fn range_len(&mut self, start: V, stop: V, step: V) -> V {
        let z = self.cint(0);
        let w = self.emit(Op::Int(IntOp::Sub, start, stop), IrTy::Int);
        let q = self.emit(Op::Int(IntOp::NpFloorDiv, w, step), IrTy::Int);
        let n = self.emit(Op::Int(IntOp::Sub, z, q), IrTy::Int);
        let pos = self.emit(Op::ICmp(Cmp::Gt, n, z), IrTy::Bool);
        self.emit(Op::Select(pos, n, z), IrTy::Int)
    }

    /// `len(range(...))`.
    pub(super) fn range_call_len(&mut self, e: &'a Expr) -> V {
        let b = self.range_bounds(e);
        self.range_len(b.start, b.stop, b.step)
    }

    /// `range(...)[i]`: negative counts from the end, out of range raises
    /// IndexError as CPython does.
    pub(super) fn range_item(&mut self, e: &'a Expr, idx: &'a Expr) -> V {
        let b = self.range_bounds(e);
        let it = self.ty(idx);
        let i = self.expr(idx);
        let i = self.coerce(i, &it, &Ty::Int);
        let n = self.range_len(b.start, b.stop, b.step);
        let j = self.checked_position(i, n, "range object index out of range");
        let off = self.emit(Op::Int(IntOp::Mul, j, b.step), IrTy::Int);
        self.emit(Op::Int(IntOp::Add, b.start, off), IrTy::Int)
    }

    /// `x in range(...)` for int `x`: within the bounds (on the side the
    /// step's sign gives) and on the step's grid.
    pub(super) fn range_contains(&mut self, x: V, e: &'a Expr) -> V {
        let b = self.range_bounds(e);
        let z = self.cint(0);
        let up = self.emit(Op::ICmp(Cmp::Gt, b.step, z), IrTy::Bool);
        let ge_start = self.emit(Op::ICmp(Cmp::Ge, x, b.start), IrTy::Bool);
        let lt_stop = self.emit(Op::ICmp(Cmp::Lt, x, b.stop), IrTy::Bool);
        let in_up = self.emit(Op::BoolAnd(ge_start, lt_stop), IrTy::Bool);
        let le_start = self.emit(Op::ICmp(Cmp::Le, x, b.start), IrTy::Bool);
        let gt_stop = self.emit(Op::ICmp(Cmp::Gt, x, b.stop), IrTy::Bool);
        let in_down = self.emit(Op::BoolAnd(le_start, gt_stop), IrTy::Bool);
        let within = self.emit(Op::Select(up, in_up, in_down), IrTy::Bool);
        let d = self.emit(Op::Int(IntOp::Sub, x, b.start), IrTy::Int);
        // The step is nonzero here, so NumPy's floor modulo is Python's.
        let r = self.emit(Op::Int(IntOp::NpMod, d, b.step), IrTy::Int);
        let on_grid = self.emit(Op::ICmp(Cmp::Eq, r, z), IrTy::Bool);
        self.emit(Op::BoolAnd(within, on_grid), IrTy::Bool)
    }
}
