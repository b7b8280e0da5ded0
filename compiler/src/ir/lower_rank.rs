//! `pd.$rank(values, flags)` (`types/pandas_rank.rs`): one runtime call on
//! a Series' values, told here whether int64 values are datetimes.

use super::lower::Lower;
use super::*;
use crate::hir::{Const, Expr, ExprKind};
use bodo_abi::rank::DATETIMES;

impl<'a> Lower<'a> {
    pub(super) fn rank_internal(&mut self, args: &'a [Expr]) -> V {
        let at = self.ty(&args[0]);
        // Inference typed only constant flags.
        let ExprKind::Const(Const::Int(flags)) = args[1].kind else { return self.null() };
        // NaT is a missing value, not the earliest time.
        let datetimes = matches!(&at, Ty::Array(e, ..) if **e == Ty::Datetime);
        let a = self.expr(&args[0]);
        let mark = self.in_flight_mark();
        self.hold_in_flight((a, true), &at);
        let flags = self.cint(if datetimes { flags | DATETIMES } else { flags });
        let r = self.emit(Op::Rt("bodo_arr_rank", vec![a, flags]), IrTy::Ptr);
        self.check();
        self.let_go(mark);
        self.emit_void(Op::DecRef(a));
        r
    }
}
