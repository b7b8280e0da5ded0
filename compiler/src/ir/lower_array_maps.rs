//! `CompKind::Array` comprehensions: `elt` of each element of a 1D array,
//! stored into a new array laid out as the source (same rows on every
//! rank, no communication). `hir/frames.rs` makes them for a Series'
//! `str` methods and element conversions, so string columns get every
//! scalar string operation through the scalar lowering.

use super::lower::Lower;
use super::*;
use crate::hir::{CompGen, Expr};
use bodo_abi::layout::array as AL;

impl<'a> Lower<'a> {
    /// `[elt for target in src]` into an array of type `t`.
    pub fn array_map(&mut self, elt: &'a Expr, g: &'a CompGen, t: &Ty) -> V {
        let (Ty::Array(out_el, _, dist), Ty::Array(src_el, ..)) = (t, self.ty(&g.iter)) else { return self.null() };
        let src_t = self.ty(&g.iter);
        let mark = self.in_flight_mark();
        let src = self.expr(&g.iter);
        self.hold_in_flight((src, true), &src_t);
        let field = |l: &mut Self, offset| l.emit(Op::LoadField { ptr: src, offset, index: None }, IrTy::Int);
        let (len, glen, offset) = (field(self, AL::LEN), field(self, AL::GLEN), field(self, AL::OFFSET));
        let d = self.desc(t);
        let (dt, one, dc) = (self.cint(Elem::of(out_el).dtype()), self.cint(1), self.cint(dist.code()));
        let out = self.emit(Op::Rt("bodo_arr_new", vec![d, dt, one, len, one, glen, offset, dc]), IrTy::Ptr);
        self.check();
        // The result being built is released if an element raises.
        self.hold_in_flight((out, true), t);
        let src_data = self.emit(Op::LoadField { ptr: src, offset: AL::DATA, index: None }, IrTy::Ptr);
        let out_data = self.emit(Op::LoadField { ptr: out, offset: AL::DATA, index: None }, IrTy::Ptr);
        let (i, head, exit) = self.loop_begin(len);
        let iv = self.emit(Op::Load(i), IrTy::Int);
        let x = self.emit(Op::LoadElem { ptr: src_data, index: iv, elem: Elem::of(&src_el) }, IrTy::of(&src_el));
        self.incref(x, &src_el);
        self.assign(&g.target, x, &src_el);
        let te = self.ty(elt);
        let v = self.expr(elt);
        let v = self.coerce(v, &te, out_el);
        // The array owns the stored value (a string's reference moves in).
        self.emit_void(Op::StoreElem { ptr: out_data, index: iv, value: v, elem: Elem::of(out_el) });
        self.loop_end(i, head, exit);
        self.let_go(mark);
        self.decref(src, &src_t);
        out
    }
}
