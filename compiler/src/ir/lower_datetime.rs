//! pandas datetimes (`types/pandas_datetime.rs`): `pd.Timestamp(s)` and
//! `pd.to_datetime(s)` of one string (a constant parsed here, anything
//! else by the runtime, which raises pandas' ValueError), and the internal
//! calls on a column's values, `pd.$to_datetime` and `pd.$dt_field`.

use super::lower::Lower;
use super::*;
use crate::hir::{Const as HConst, Expr, ExprKind};

impl<'a> Lower<'a> {
    /// `pd.Timestamp(x)`, `pd.to_datetime(x)` of a scalar, `pd.$to_datetime(values)`,
    /// `pd.$dt_field(values, code)`.
    pub(super) fn datetime_internal(&mut self, name: &str, args: &'a [Expr]) -> V {
        let at = self.ty(&args[0]);
        match (name, &at) {
            // Already datetimes: the value itself.
            (_, Ty::Datetime) | ("$to_datetime", Ty::Array(..)) if self.is_datetime(&at) => self.expr(&args[0]),
            ("Timestamp" | "to_datetime", _) => {
                if let ExprKind::Const(HConst::Str(s)) = &args[0].kind {
                    if let Some(v) = bodo_csv::values::parse_datetime(s.as_bytes()).filter(|_| s.trim() == s) {
                        return self.cint(v);
                    }
                }
                let s = self.expr_borrow(&args[0]);
                let mark = self.in_flight_mark();
                self.hold_in_flight(s, &at);
                let v = self.emit(Op::Rt("bodo_timestamp_parse", vec![s.0]), IrTy::Int);
                self.check();
                self.let_go(mark);
                self.release(s, &at);
                v
            }
            _ => {
                let a = self.expr(&args[0]);
                let mark = self.in_flight_mark();
                self.hold_in_flight((a, true), &at);
                let r = if name == "$dt_field" {
                    let code = self.int_value(&args[1]);
                    self.emit(Op::Rt("bodo_dt_field", vec![a, code]), IrTy::Ptr)
                } else {
                    self.emit(Op::Rt("bodo_dt_from_strs", vec![a]), IrTy::Ptr)
                };
                self.check();
                self.let_go(mark);
                self.emit_void(Op::DecRef(a));
                r
            }
        }
    }

    fn is_datetime(&self, t: &Ty) -> bool {
        match t {
            Ty::Array(e, ..) => **e == Ty::Datetime,
            t => *t == Ty::Datetime,
        }
    }
}
