//! Read-modify-write of one entry of a dict of numbers in a single probe:
//! `d[k] = d.get(k, c) op e` (counting: `counts[w] = counts.get(w, 0) + 1`),
//! `d[k] = d[k] op e` and `d[k] op= e`. Plain lowering looks the key up
//! twice (hash and probe for the read, again for the write); here the
//! runtime returns the address of the entry's value, which the update
//! writes through. A missing key takes the usual paths: the default then
//! an insertion for `get`, the KeyError of `d[k]` otherwise.
//!
//! The address stays valid only while nothing inserts into the dict, so
//! the shape is taken only when `e`, `c` and `k` are pure
//! (`Expr::is_repeatable`): then nothing runs between the probe and the
//! write but their evaluation and `op`, in CPython's order (the lookup,
//! then `e`, then `op`, whose ZeroDivisionError leaves the dict as it was).

use super::lower::Lower;
use super::*;
use crate::diagnostics::Span;
use crate::hir::{BinOp, Expr, ExprKind, Target};

/// How the statement reads the entry's current value.
enum Current<'a> {
    /// `d.get(k, default)`.
    Get(&'a Expr),
    /// `d[k]`: KeyError when missing.
    Item,
}

impl<'a> Lower<'a> {
    /// Lowers `target = value` when it is `d[k] = <d[k] or d.get(k, c)> op e`
    /// on a dict of numbers; false (nothing emitted) otherwise.
    pub fn dict_update_assign(&mut self, target: &'a Target, value: &'a Expr) -> bool {
        let (Target::Index(obj, key, _), ExprKind::Bin(op, read, e)) = (target, &value.kind) else { return false };
        let current = match &read.kind {
            ExprKind::MethodCall { recv, name, args, kwargs }
                if name == "get" && args.len() == 2 && kwargs.is_empty() && same_place(recv, obj, &args[0], key) =>
            {
                Current::Get(&args[1])
            }
            ExprKind::Index(recv, k) if same_place(recv, obj, k, key) => Current::Item,
            _ => return false,
        };
        // The read must have the dict's value type (a `get` default of
        // another type widens it).
        match self.ty(obj) {
            Ty::Dict(_, v) if self.ty(read) == *v => self.dict_update(obj, key, current, *op, e, value.span),
            _ => false,
        }
    }

    /// Lowers `d[k] op= e` on a dict of numbers; false otherwise.
    pub fn dict_update_aug(&mut self, obj: &'a Expr, key: &'a Expr, op: BinOp, e: &'a Expr, span: Span) -> bool {
        is_local(obj) && self.dict_update(obj, key, Current::Item, op, e, span)
    }

    fn dict_update(
        &mut self,
        obj: &'a Expr,
        key: &'a Expr,
        current: Current<'a>,
        op: BinOp,
        e: &'a Expr,
        span: Span,
    ) -> bool {
        let dt = self.ty(obj);
        let Ty::Dict(kt, vt) = &dt else { return false };
        let et = self.ty(e);
        let numeric = matches!(**vt, Ty::Int | Ty::Float | Ty::Bool);
        let default_pure = match current {
            Current::Get(c) => c.is_repeatable(),
            Current::Item => true,
        };
        if !numeric || self.binop_ty(op, vt, &et) != **vt || !e.is_repeatable() || !key.is_repeatable() || !default_pure
        {
            return false;
        }
        let o = self.expr_borrow(obj);
        let mark = self.in_flight_mark();
        self.hold_in_flight(o, &dt);
        // A split piece kept as bytes (`piece_keys.rs`) is probed as such
        // and made a string only to be inserted.
        let probe_bytes = **kt == Ty::Str && matches!(current, Current::Get(_)) && self.is_piece(key);
        let piece = if probe_bytes { self.piece_of(key) } else { None };
        let (at, key_slot) = match piece {
            Some(p) => {
                let args = vec![o.0, p.s, p.start, p.stop];
                (self.emit(Op::Rt("bodo_dict_piece_value_slot", args), IrTy::Ptr), None)
            }
            None => {
                let k_src = self.ty(key);
                let kv = self.expr(key);
                let kv = self.coerce(kv, &k_src, kt);
                let ks = self.slot_of(kv);
                self.hold_in_flight((kv, true), kt);
                (self.emit(Op::Rt("bodo_dict_value_slot", vec![o.0, ks]), IrTy::Ptr), Some((kv, ks)))
            }
        };
        self.check();
        let missing = self.emit(Op::IsNull(at), IrTy::Bool);

        // The current value: through the address, or the missing key's.
        let cur = self.new_temp(IrTy::of(vt));
        let (absent, present, read) = (self.new_block(), self.new_block(), self.new_block());
        self.branch(missing, absent, present);
        self.cur = present;
        let s = self.emit(Op::LoadField { ptr: at, of: Obj::Any, offset: 0, index: None }, IrTy::Slot);
        let x = self.slot_value(s, vt);
        self.emit_void(Op::Store(cur, x));
        self.jump_to(read);
        self.cur = absent;
        match current {
            Current::Get(c) => {
                let ct = self.ty(c);
                let x = self.expr(c);
                let x = self.coerce(x, &ct, vt);
                self.emit_void(Op::Store(cur, x));
                self.jump_to(read);
            }
            Current::Item => {
                // The KeyError of `d[k]`, with its message (piece keys are
                // only taken in `get` updates).
                let ks = key_slot.map_or_else(|| self.cint(0), |k| k.1);
                self.emit(Op::Rt("bodo_dict_getitem", vec![o.0, ks]), IrTy::Slot);
                self.check();
                self.term(Term::Unreachable);
            }
        }

        self.cur = read;
        let a = self.emit(Op::Load(cur), IrTy::of(vt));
        let b = self.expr_borrow(e);
        let r = self.binop_values(op, a, vt, b.0, &et, vt, span);
        self.release(b, &et);
        let r = self.slot_of(r);
        let (insert, write, done) = (self.new_block(), self.new_block(), self.new_block());
        self.branch(missing, insert, write);
        self.cur = write;
        self.emit_void(Op::StoreField { ptr: at, of: Obj::Any, offset: 0, value: r });
        self.jump_to(done);
        self.cur = insert;
        match (piece, key_slot) {
            (Some(p), _) => {
                let kv = self.piece_string(p);
                let ks = self.slot_of(kv);
                self.emit_void(Op::Rt("bodo_dict_setitem", vec![o.0, ks, r]));
                self.emit_void(Op::DecRef(kv));
            }
            (None, Some((_, ks))) => self.emit_void(Op::Rt("bodo_dict_setitem", vec![o.0, ks, r])),
            (None, None) => {}
        }
        self.check();
        self.jump_to(done);
        self.cur = done;
        self.let_go(mark);
        if let Some((kv, _)) = key_slot {
            self.decref(kv, kt);
        }
        self.release(o, &dt);
        true
    }
}

/// Whether `recv[k]` names the same entry as the target `obj[key]`: the
/// same local dict and the same local or constant key.
fn same_place(recv: &Expr, obj: &Expr, k: &Expr, key: &Expr) -> bool {
    let same = |a: &Expr, b: &Expr| match (&a.kind, &b.kind) {
        (ExprKind::Local(x), ExprKind::Local(y)) => x == y,
        (ExprKind::Const(x), ExprKind::Const(y)) => x == y,
        _ => false,
    };
    is_local(obj) && same(recv, obj) && same(k, key)
}

fn is_local(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Local(_))
}
