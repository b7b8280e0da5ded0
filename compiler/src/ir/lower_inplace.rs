//! Augmented assignments that change a mutable container in place, as
//! CPython's in-place operators do: `xs += it` extends the list (with any
//! iterable), `xs *= n` repeats it, `s |= t` / `&=` / `-=` / `^=` update the
//! set and `d |= e` the dict. Whatever else holds the container (another
//! name, a list item, a dict value, a record field) sees the change.

use super::lower::Lower;
use super::*;
use crate::hir::{BinOp, Expr};
use crate::types::methods::{self, P};

impl<'a> Lower<'a> {
    /// `cur op= value` on the container `cur` of type `ct` (owned or not,
    /// as `expr_borrow` says), when `op` changes such a container in place
    /// (`methods::in_place`); false otherwise: the caller makes the new
    /// value and stores it. The caller still owns `cur`.
    pub fn update_in_place(&mut self, cur: (V, bool), ct: &Ty, op: BinOp, value: &'a Expr) -> bool {
        let Some(m) = methods::in_place(ct, op) else { return false };
        let mark = self.in_flight_mark();
        self.hold_in_flight(cur, ct);
        let p = m.params[0].1;
        let want = methods::param_ty(p, ct);
        let vt = self.ty(value);
        let arg = if p == P::Iter && vt != want {
            // Another iterable (`xs += (1, 2)`, `s |= d.keys()`): its
            // elements collected into the receiver's type.
            self.collect_into(value, &want)
        } else {
            let v = self.expr(value);
            self.coerce(v, &vt, &want)
        };
        self.hold_in_flight((arg, true), &want);
        self.emit_void(Op::Rt(m.rt, vec![cur.0, arg]));
        if m.raises {
            self.check();
        }
        self.let_go(mark);
        self.decref(arg, &want);
        true
    }
}
