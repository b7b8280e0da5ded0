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
            let data = self.emit(Op::LoadField { ptr: v, offset: AL::DATA, index: None }, IrTy::Ptr);
            srcs.push((v, st, el, data));
        }
        let first = srcs[0].0;
        let field = |l: &mut Self, offset| l.emit(Op::LoadField { ptr: first, offset, index: None }, IrTy::Int);
        let (len, glen, offset) = (field(self, AL::LEN), field(self, AL::GLEN), field(self, AL::OFFSET));
        let d = self.desc(t);
        let (dt, one, dc) = (self.cint(Elem::of(out_el).dtype()), self.cint(1), self.cint(dist.code()));
        let out = self.emit(Op::Rt("bodo_arr_new", vec![d, dt, one, len, one, glen, offset, dc]), IrTy::Ptr);
        self.check();
        // The result being built is released if an element raises.
        self.hold_in_flight((out, true), t);
        let out_data = self.emit(Op::LoadField { ptr: out, offset: AL::DATA, index: None }, IrTy::Ptr);
        let (i, head, exit) = self.loop_begin(len);
        let iv = self.emit(Op::Load(i), IrTy::Int);
        for (k, (_, _, el, data)) in srcs.iter().enumerate() {
            let x = self.emit(Op::LoadElem { ptr: *data, index: iv, elem: Elem::of(el) }, IrTy::of(el));
            self.incref(x, el);
            match &g.target {
                Target::Tuple(ts, _) if sources.len() > 1 || ts.len() == 1 => self.assign(&ts[k], x, el),
                target => self.assign(target, x, el),
            }
        }
        let te = self.ty(elt);
        let v = self.expr(elt);
        let v = self.coerce(v, &te, out_el);
        // The array owns the stored value (a string's reference moves in).
        self.emit_void(Op::StoreElem { ptr: out_data, index: iv, value: v, elem: Elem::of(out_el) });
        self.loop_end(i, head, exit);
        self.let_go(mark);
        for (v, st, _, _) in srcs {
            self.decref(v, &st);
        }
        out
    }
}
