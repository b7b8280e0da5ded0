//! Reads `x[k].$or_na()` (`hir::OR_NA`), the body of a `CompKind::Array`
//! map: the item, or a jump to the map's missing-value block where Python
//! raises (an index outside a list or a string, a key the dict lacks), as
//! pandas' `.str[i]`, `.str.get(i)` and `s.map(d)` give NaN there.

use super::lower::Lower;
use super::*;
use crate::hir::Expr;
use bodo_abi::layout;

impl<'a> Lower<'a> {
    /// `obj[key]` owned, continuing in a new block; jumps to `missing`
    /// (after releasing what it evaluated) when there is no such item.
    pub(super) fn item_or_na(&mut self, obj: &'a Expr, key: &'a Expr, missing: B) -> V {
        let (ot, kt) = (self.ty(obj), self.ty(key));
        let mark = self.in_flight_mark();
        let o = self.expr_borrow(obj);
        self.hold_in_flight(o, &ot);
        let k = self.expr_borrow(key);
        self.hold_in_flight(k, &kt);
        let absent = self.new_block();
        let item = match &ot {
            Ty::List(_) | Ty::VarTuple(_) | Ty::Str => {
                let i = if kt == Ty::Bool { self.emit(Op::Conv(Conv::BoolToInt, k.0), IrTy::Int) } else { k.0 };
                let n = self.len_of(o.0, &ot);
                let j = self.position_or(i, n, absent);
                match &ot {
                    Ty::List(el) | Ty::VarTuple(el) => {
                        let data = self.emit(
                            Op::LoadField { ptr: o.0, of: Obj::List, offset: layout::list::DATA, index: None },
                            IrTy::Ptr,
                        );
                        let x = self.list_item(data, j, el);
                        self.incref(x, el);
                        x
                    }
                    _ => {
                        let r = self.emit(Op::Rt("bodo_str_getitem", vec![o.0, j]), IrTy::Ptr);
                        self.check();
                        r
                    }
                }
            }
            Ty::Dict(kd, v) => {
                let ks = self.slot_as(k.0, &kt, kd);
                let at = self.emit(Op::Rt("bodo_dict_value_slot", vec![o.0, ks.1]), IrTy::Ptr);
                self.drop_slot_tmp(ks, kd);
                self.check();
                let (none, found) = (self.emit(Op::IsNull(at), IrTy::Bool), self.new_block());
                self.branch(none, absent, found);
                self.cur = found;
                let s = self.emit(Op::LoadField { ptr: at, of: Obj::Any, offset: 0, index: None }, IrTy::Slot);
                let x = self.slot_value(s, v);
                self.incref(x, v);
                x
            }
            // Inference reported other containers read at a run-time key.
            _ => self.index_value(o.0, &ot, k.0, &kt).0,
        };
        self.let_go(mark);
        self.release(o, &ot);
        self.release(k, &kt);
        let here = self.cur;
        self.cur = absent;
        self.release(o, &ot);
        self.release(k, &kt);
        self.jump_to(missing);
        self.cur = here;
        item
    }
}
