//! `pd.$shift(values, n, diff)` and `pd.$rolling(values, w, mean)`
//! (`types/pandas_windows.rs`): one runtime call on a Series' values.

use super::lower::Lower;
use super::*;
use crate::hir::Expr;
use bodo_abi::shift_mode;

impl<'a> Lower<'a> {
    pub(super) fn window_internal(&mut self, name: &str, args: &'a [Expr]) -> V {
        let at = self.ty(&args[0]);
        let a = self.expr(&args[0]);
        let mark = self.in_flight_mark();
        self.hold_in_flight((a, true), &at);
        let n = self.int_value(&args[1]);
        let flag = self.int_value(&args[2]);
        let r = if name == "$shift" {
            // Datetimes shift as datetimes; differences are of numbers only.
            let datetimes = matches!(&at, Ty::Array(e, ..) if **e == Ty::Datetime);
            let shift = self.cint(if datetimes { shift_mode::DATETIMES } else { shift_mode::FLOATS });
            let diff = self.cint(shift_mode::DIFF);
            let z = self.cint(0);
            let is_diff = self.emit(Op::ICmp(Cmp::Ne, flag, z), IrTy::Bool);
            let mode = self.emit(Op::Select(is_diff, diff, shift), IrTy::Int);
            self.emit(Op::Rt("bodo_arr_shift", vec![a, n, mode]), IrTy::Ptr)
        } else {
            self.emit(Op::Rt("bodo_arr_rolling", vec![a, n, flag]), IrTy::Ptr)
        };
        self.check();
        self.let_go(mark);
        self.emit_void(Op::DecRef(a));
        r
    }
}
