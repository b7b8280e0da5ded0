//! Which zero `a.max()` / `a.min()` of a float array returns when it is a
//! zero and zeros of both signs are among the elements: NumPy's SIMD
//! reduction picks one by position (`runtime/src/array/zero_sign.rs`), so
//! a fused fold's result that is a zero is corrected by the runtime from
//! the materialised array. The array is evaluated again only then, and
//! only when that gives the same values (no random draws, no user calls).

use super::lower::Lower;
use super::*;
use crate::hir::{visit, Expr, ExprKind};

impl<'a> Lower<'a> {
    /// `r`, the float min or max of `input`, with NumPy's sign when it is zero.
    pub(super) fn numpy_zero_sign(&mut self, input: &'a Expr, r: V) -> V {
        if !self.repeatable(input) {
            return r;
        }
        let slot = self.new_temp(IrTy::Float);
        self.emit_void(Op::Store(slot, r));
        let zero = self.emit(Op::Const(Const::Float(0.0)), IrTy::Float);
        let is_zero = self.emit(Op::FCmp(Cmp::Eq, r, zero), IrTy::Bool);
        let (fix, join) = (self.new_block(), self.new_block());
        self.branch(is_zero, fix, join);
        self.cur = fix;
        let t = self.ty(input);
        let a = self.expr_borrow(input);
        let signed = self.emit(Op::Rt("bodo_arr_zero_sign", vec![a.0, r]), IrTy::Float);
        self.release(a, &t);
        self.emit_void(Op::Store(slot, signed));
        self.jump_to(join);
        self.emit(Op::Load(slot), IrTy::Float)
    }

    /// Whether evaluating `e` again gives the same values, through the
    /// definitions of the fused variables it reads.
    fn repeatable(&self, e: &Expr) -> bool {
        let mut ok = e.is_repeatable();
        visit::expr(e, &mut |x| {
            if let ExprKind::Local(l) = &x.kind {
                ok &= self.fused.get(l).is_none_or(|def| self.repeatable(def));
            }
        });
        ok
    }
}
