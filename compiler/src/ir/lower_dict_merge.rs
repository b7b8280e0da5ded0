//! `{**a, "k": v, **b}` (the builtin `DictMerge`, typed in
//! `types/dict_merge.rs`) and plain dict displays. Parts are evaluated left
//! to right, as in CPython. A record result is a tuple of the values that
//! last set each field (overwritten ones are evaluated and dropped); a dict
//! result is a new dict filled part by part: a display's items stored one
//! by one, a dict part's with `bodo_dict_update` (inference gave it the
//! result's type).

use super::lower::Lower;
use super::*;
use crate::hir::{Expr, ExprKind};
use crate::types::dict_merge::{merged_fields, static_keys};

impl<'a> Lower<'a> {
    /// `DictMerge` over `parts`, of type `t`.
    pub fn dict_merge(&mut self, parts: &'a [Expr], t: &Ty) -> V {
        match t {
            Ty::Record(fields) => self.merge_record(parts, fields, t),
            _ => self.merge_dict(parts, t),
        }
    }

    /// A new dict of type `t` holding the parts' items in order.
    pub fn merge_dict(&mut self, parts: &'a [Expr], t: &Ty) -> V {
        let Ty::Dict(kt, vt) = t else { return self.null() };
        let d = self.desc(t);
        let m = self.emit(Op::Rt("bodo_dict_new", vec![d]), IrTy::Ptr);
        let mark = self.in_flight_mark();
        self.hold_in_flight((m, true), t);
        for p in parts {
            let ExprKind::Dict(items) = &p.kind else {
                let pt = self.ty(p);
                let v = self.expr_borrow(p);
                self.emit_void(Op::Rt("bodo_dict_update", vec![m, v.0]));
                self.release(v, &pt);
                continue;
            };
            for (k, v) in items {
                self.dict_store(m, k, v, kt, vt);
            }
        }
        self.let_go(mark);
        m
    }

    /// `m[k] = v` of the key and value expressions into the new dict `m`
    /// of key type `kt` and value type `vt` (a display's item, a
    /// comprehension's element).
    pub fn dict_store(&mut self, m: V, k: &'a Expr, v: &'a Expr, kt: &Ty, vt: &Ty) {
        let (tk, tv) = (self.ty(k), self.ty(v));
        let kv = self.expr(k);
        let kv = self.coerce(kv, &tk, kt);
        let key_mark = self.in_flight_mark();
        self.hold_in_flight((kv, true), kt);
        let vv = self.expr(v);
        let vv = self.coerce(vv, &tv, vt);
        self.hold_in_flight((vv, true), vt);
        let ks = self.slot_of(kv);
        let vs = self.slot_of(vv);
        // An unhashable key (a list or record in it) raises TypeError.
        self.emit_void(Op::Rt("bodo_dict_setitem", vec![m, ks, vs]));
        self.check();
        self.let_go(key_mark);
        self.decref(kv, kt);
        self.decref(vv, vt);
    }

    /// The record `t` (fields `fields`) merged from displays of literal
    /// keys and records.
    fn merge_record(&mut self, parts: &'a [Expr], fields: &[(String, Ty)], t: &Ty) -> V {
        let tys: Vec<Ty> = parts.iter().map(|p| self.ty(p)).collect();
        let keys: Vec<Vec<String>> =
            parts.iter().zip(&tys).map(|(p, pt)| static_keys(p, pt).unwrap_or_default()).collect();
        let merged = merged_fields(&keys);
        let mark = self.in_flight_mark();
        let mut held: Vec<(V, Ty)> = Vec::new();
        let mut slots: Vec<V> = vec![0; merged.len()];
        for (p, (part, pt)) in parts.iter().zip(&tys).enumerate() {
            let ExprKind::Dict(items) = &part.kind else {
                let r = self.expr(part);
                self.hold_in_flight((r, true), pt);
                for (j, f) in merged.iter().enumerate().filter(|(_, f)| f.1 == p) {
                    slots[j] = self.tuple_item(r, f.2, IrTy::Slot);
                }
                held.push((r, pt.clone()));
                continue;
            };
            for (i, (_, ve)) in items.iter().enumerate() {
                let mut vt = self.ty(ve);
                let mut v = self.expr(ve);
                // The value a field keeps takes the field's type (arrays become REP).
                let kept = merged.iter().position(|f| f.1 == p && f.2 == i);
                if let Some(j) = kept {
                    v = self.coerce(v, &vt, &fields[j].1);
                    vt = fields[j].1.clone();
                    slots[j] = self.slot_of(v);
                }
                self.hold_in_flight((v, true), &vt);
                held.push((v, vt));
            }
        }
        let r = self.make_tuple(t, &slots);
        self.let_go(mark);
        for (v, vt) in held {
            self.decref(v, &vt);
        }
        r
    }
}
