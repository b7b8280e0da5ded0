//! `CompKind::Array` comprehensions: `elt` of each element of a 1D array
//! (or of each row of several zipped ones laid out alike, unpacked into a
//! tuple target), stored into a new array laid out as the source: the same
//! rows on every rank, no communication. `hir/frames.rs` makes them for a
//! Series' `str` methods, conversions, `map`/`apply` and a frame's
//! `apply(axis=1)`, so columns get every scalar operation through the
//! scalar lowering.

use super::lower::Lower;
use super::*;
use crate::hir::{Builtin, CompGen, Expr, ExprKind, Target};
use bodo_abi::layout::array as AL;

impl<'a> Lower<'a> {
    /// `[elt for target in src]` into an array of type `t`.
    pub fn array_map(&mut self, elt: &'a Expr, g: &'a CompGen, t: &Ty) -> V {
        let Ty::Array(out_el, _, dist) = t else { return self.null() };
        let sources: Vec<&'a Expr> = match &g.iter.kind {
            ExprKind::Call { func, args, .. } if matches!(func.kind, ExprKind::Builtin(Builtin::Zip)) => {
                args.iter().collect()
            }
            _ => vec![&g.iter],
        };
        let mark = self.in_flight_mark();
        let mut srcs = Vec::new();
        for s in &sources {
            let st = self.ty(s);
            let Ty::Array(el, ..) = &st else { return self.null() };
            let el = (**el).clone();
            let v = self.expr(s);
            self.hold_in_flight((v, true), &st);
            let data = self.emit(Op::LoadField { ptr: v, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
            srcs.push((v, st, el, data));
        }
        let first = srcs[0].0;
        let field =
            |l: &mut Self, offset| l.emit(Op::LoadField { ptr: first, of: Obj::Array, offset, index: None }, IrTy::Int);
        let (len, glen, offset) = (field(self, AL::LEN), field(self, AL::GLEN), field(self, AL::OFFSET));
        let d = self.desc(t);
        let (dt, one, dc) = (self.cint(Elem::of(out_el).dtype()), self.cint(1), self.cint(dist.code()));
        let out = self.emit(Op::Rt("bodo_arr_new", vec![d, dt, one, len, one, glen, offset, dc]), IrTy::Ptr);
        self.check();
        // The result being built is released if an element raises.
        self.hold_in_flight((out, true), t);
        let out_data = self.emit(Op::LoadField { ptr: out, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
        // Missing values met where the result cannot hold one (ints): of
        // the source, and of a read that found nothing (`hir::OR_NA`).
        let (lost, unfound) = (self.new_temp(IrTy::Int), self.new_temp(IrTy::Int));
        let can_lose = srcs.iter().any(|s| s.2 == Ty::Str) && !matches!(**out_el, Ty::Str | Ty::Float | Ty::Bool);
        let or_na = elt.or_na_read();
        let can_miss = or_na.is_some() && !matches!(**out_el, Ty::Str | Ty::Float);
        let zero = self.cint(0);
        for (counter, used) in [(lost, can_lose), (unfound, can_miss)] {
            if used {
                self.emit_void(Op::Store(counter, zero));
            }
        }
        let (i, head, exit) = self.loop_begin(len);
        let iv = self.emit(Op::Load(i), IrTy::Int);
        let xs: Vec<V> = srcs
            .iter()
            .map(|(_, _, el, data)| self.emit(Op::LoadElem { ptr: *data, index: iv, elem: Elem::of(el) }, IrTy::of(el)))
            .collect();
        let cont = self.new_block();
        self.skip_missing(&srcs.iter().map(|s| &s.2).zip(&xs).collect::<Vec<_>>(), out_el, out_data, iv, lost, cont);
        for (k, ((_, _, el, _), &x)) in srcs.iter().zip(&xs).enumerate() {
            self.incref(x, el);
            match &g.target {
                Target::Tuple(ts, _) if sources.len() > 1 || ts.len() == 1 => self.assign(&ts[k], x, el),
                target => self.assign(target, x, el),
            }
        }
        let te = self.ty(elt);
        let v = match or_na {
            Some((obj, key)) => {
                let absent = self.new_block();
                let v = self.item_or_na(obj, key, absent);
                let found = self.cur;
                self.cur = absent;
                match self.missing_value(out_el) {
                    Some(na) => {
                        self.emit_void(Op::StoreElem { ptr: out_data, index: iv, value: na, elem: Elem::of(out_el) })
                    }
                    None => self.count(unfound),
                }
                self.jump_to(cont);
                self.cur = found;
                v
            }
            None => self.expr(elt),
        };
        let v = self.coerce(v, &te, out_el);
        // The array owns the stored value (a string's reference moves in).
        self.emit_void(Op::StoreElem { ptr: out_data, index: iv, value: v, elem: Elem::of(out_el) });
        self.jump_to(cont);
        self.loop_end(i, head, exit);
        let d = self.cint(i64::from(dist.is_dist()));
        if can_lose {
            let lost = self.emit(Op::Load(lost), IrTy::Int);
            self.emit_void(Op::Rt("bodo_missing_to_int_check", vec![lost, d]));
            self.check();
        }
        if can_miss {
            let unfound = self.emit(Op::Load(unfound), IrTy::Int);
            let is_bool = self.cint(i64::from(**out_el == Ty::Bool));
            self.emit_void(Op::Rt("bodo_unfound_to_int_check", vec![unfound, d, is_bool]));
            self.check();
        }
        self.let_go(mark);
        for (v, st, _, _) in srcs {
            self.decref(v, &st);
        }
        out
    }

    /// A row with a missing value (a null element of a str column) gives a
    /// missing result without running the map, as pandas' `.str` methods
    /// do: null for str, NaN for floats, False for bools (where pandas'
    /// object result holds NaN, which sums and counts skip alike); an int
    /// result is counted in `lost` (raised after the loop on every rank).
    /// Continues in the block for rows without one; those with one go to
    /// `cont`.
    fn skip_missing(&mut self, elems: &[(&Ty, &V)], out_el: &Ty, out_data: V, iv: V, lost: u32, cont: B) {
        let mut missing = None;
        for (el, &x) in elems {
            if **el == Ty::Str {
                let n = self.emit(Op::IsNull(x), IrTy::Bool);
                missing = Some(match missing {
                    Some(m) => self.emit(Op::BoolOr(m, n), IrTy::Bool),
                    None => n,
                });
            }
        }
        let Some(missing) = missing else { return };
        let (na, go) = (self.new_block(), self.new_block());
        self.branch(missing, na, go);
        self.cur = na;
        let value = match out_el {
            Ty::Bool => Some(self.cbool(false)),
            _ => self.missing_value(out_el),
        };
        match value {
            Some(v) => self.emit_void(Op::StoreElem { ptr: out_data, index: iv, value: v, elem: Elem::of(out_el) }),
            None => self.count(lost),
        }
        self.jump_to(cont);
        self.cur = go;
    }

    /// pandas' missing value as an element of type `el`, when that dtype
    /// holds one: null for str, NaN for floats.
    fn missing_value(&mut self, el: &Ty) -> Option<V> {
        match el {
            Ty::Str => Some(self.null()),
            Ty::Float => Some(self.emit(Op::Const(Const::Float(f64::NAN)), IrTy::Float)),
            _ => None,
        }
    }

    /// One more in the count held by temporary `counter`.
    fn count(&mut self, counter: u32) {
        let n = self.emit(Op::Load(counter), IrTy::Int);
        let one = self.cint(1);
        let n = self.emit(Op::Int(IntOp::Add, n, one), IrTy::Int);
        self.emit_void(Op::Store(counter, n));
    }
}
