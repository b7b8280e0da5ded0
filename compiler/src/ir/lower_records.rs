//! Records (`Ty::Record`, a dict display with values of different types)
//! lowered as tuples of their field values whose descriptor also names the
//! fields: a constant-key read is an item load, a write replaces the item
//! in place (`bodo_record_set`, records are mutable as dicts are), and the
//! keys are constants of the type.

use super::lower::Lower;
use super::*;
use crate::diagnostics::Span;
use crate::hir::{BinOp, Expr, ExprKind};
use crate::types::field_index;

impl<'a> Lower<'a> {
    /// `r["f"] = v`: stores the owned value `v` of type `t` as field `i`
    /// (of type `ft`) of the borrowed record `o`.
    pub fn field_store(&mut self, o: V, i: usize, v: V, t: &Ty, ft: &Ty) {
        let x = self.coerce(v, t, ft);
        let s = self.slot_of(x);
        let idx = self.cint(i as i64);
        self.emit_void(Op::Rt("bodo_record_set", vec![o, idx, s]));
        self.decref(x, ft);
    }

    /// `r["f"] op= value` on the owned record `o` of type `rt`, field `i`.
    pub fn field_aug_store(&mut self, o: V, rt: &Ty, i: usize, op: BinOp, value: &'a Expr, span: Span) {
        let Ty::Record(fields) = rt else { return };
        let ft = &fields[i].1;
        let mark = self.in_flight_mark();
        self.hold_in_flight((o, true), rt);
        let s = self.tuple_item(o, i, IrTy::Slot);
        let cur = self.slot_value(s, ft);
        self.incref(cur, ft);
        if self.update_in_place((cur, true), ft, op, value) {
            self.let_go(mark);
            self.decref(cur, ft);
            self.decref(o, rt);
            return;
        }
        self.hold_in_flight((cur, true), ft);
        let vt = self.ty(value);
        let rhs = self.expr_borrow(value);
        let result_t = self.binop_ty(op, ft, &vt);
        let r = self.binop_values(op, cur, ft, rhs.0, &vt, &result_t, span);
        self.let_go(mark);
        self.release(rhs, &vt);
        self.decref(cur, ft);
        self.field_store(o, i, r, &result_t, ft);
        self.decref(o, rt);
    }

    /// The owned record `v` of type `from` as one of type `to` (a field
    /// None in `from` is optional in `to`): a new record of the converted
    /// fields, whose descriptor prints them as `to` says.
    pub fn convert_record(&mut self, v: V, from: &Ty, to: &Ty) -> V {
        let (Ty::Record(src), Ty::Record(dst)) = (from, to) else { return v };
        let mut slots = Vec::new();
        let mut made = Vec::new();
        for (i, (a, b)) in src.iter().zip(dst).enumerate() {
            let s = self.tuple_item(v, i, IrTy::Slot);
            if a.1 == b.1 {
                slots.push(s);
                continue;
            }
            let x = self.slot_value(s, &a.1);
            self.incref(x, &a.1);
            let y = self.coerce(x, &a.1, &b.1);
            slots.push(self.slot_of(y));
            made.push((y, b.1.clone()));
        }
        let r = self.make_tuple(to, &slots);
        for (y, t) in made {
            self.decref(y, &t);
        }
        self.decref(v, from);
        r
    }

    /// A new list of a record's keys.
    pub fn record_keys(&mut self, fields: &[(String, Ty)]) -> V {
        let slots: Vec<V> = fields
            .iter()
            .map(|f| {
                let k = self.cstr(&f.0);
                self.slot_of(k)
            })
            .collect();
        let d = self.desc(&Ty::list(Ty::Str));
        let arr = self.emit(Op::SlotArray(slots), IrTy::Ptr);
        let n = self.cint(fields.len() as i64);
        self.emit(Op::Rt("bodo_list_from_slots", vec![d, arr, n]), IrTy::Ptr)
    }

    /// A shallow copy of the borrowed record `r` of type `t` (`dict(r)`, `r.copy()`).
    pub fn record_copy(&mut self, r: V, t: &Ty) -> V {
        let Ty::Record(fields) = t else { return self.null() };
        let slots: Vec<V> = (0..fields.len()).map(|i| self.tuple_item(r, i, IrTy::Slot)).collect();
        self.make_tuple(t, &slots)
    }

    /// `r.get(key[, default])` (of a constant key), `r.update({...})` of
    /// existing keys, `r.copy()` and `r.keys()` on the borrowed record `r`;
    /// the result has type `t`.
    pub fn record_method(&mut self, r: V, fields: &[(String, Ty)], name: &str, args: &'a [Expr], t: &Ty) -> V {
        match (name, args) {
            ("get", [key, rest @ ..]) => match field_index(fields, key) {
                Some(i) => {
                    let s = self.tuple_item(r, i, IrTy::Slot);
                    let x = self.slot_value(s, t);
                    self.incref(x, t);
                    x
                }
                None => match rest {
                    [d] => {
                        let dt = self.ty(d);
                        let v = self.expr(d);
                        self.coerce(v, &dt, t)
                    }
                    _ => self.emit(Op::Const(Const::Unit), IrTy::Unit),
                },
            },
            ("update", [Expr { kind: ExprKind::Dict(items), .. }]) => {
                // Every value first (CPython builds the dict), then the field writes.
                let mark = self.in_flight_mark();
                let mut vals = Vec::new();
                for (k, v) in items {
                    let vt = self.ty(v);
                    let x = self.expr(v);
                    self.hold_in_flight((x, true), &vt);
                    vals.push((field_index(fields, k), x, vt));
                }
                self.let_go(mark);
                for (i, x, vt) in vals {
                    let Some(i) = i else { continue };
                    self.field_store(r, i, x, &vt, &fields[i].1);
                }
                self.emit(Op::Const(Const::Unit), IrTy::Unit)
            }
            ("copy", _) => self.record_copy(r, t),
            _ => self.record_keys(fields),
        }
    }
}
