//! `fillna` of str columns: the internal calls `pd.$fill_strs(values,
//! text)` and `pd.$none_missing(values, name)` its rewrite leaves
//! (`types/pandas_fillna.rs`), one runtime call each.

use super::lower::Lower;
use super::*;
use crate::hir::Expr;

impl<'a> Lower<'a> {
    /// `pd.$fill_strs` (a new str array holding `text` where `values` has a
    /// missing value) or `pd.$none_missing` (`values` itself, once no value
    /// is missing: else a ValueError, as pandas would make an object column).
    pub(super) fn fill_missing(&mut self, name: &str, args: &'a [Expr]) -> V {
        let (at, st) = (self.ty(&args[0]), self.ty(&args[1]));
        let mark = self.in_flight_mark();
        let a = self.expr(&args[0]);
        self.hold_in_flight((a, true), &at);
        let s = self.expr_borrow(&args[1]);
        self.hold_in_flight(s, &st);
        let fills = name == "$fill_strs";
        let r = if fills {
            self.emit(Op::Rt("bodo_strs_fillna", vec![a, s.0]), IrTy::Ptr)
        } else {
            self.emit_void(Op::Rt("bodo_arr_none_missing", vec![a, s.0]));
            a
        };
        self.check();
        self.let_go(mark);
        if fills {
            self.decref(a, &at);
        }
        self.release(s, &st);
        r
    }
}
