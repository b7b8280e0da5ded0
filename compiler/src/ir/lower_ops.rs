//! Lowering of expressions other than calls and iteration: constants,
//! locals, operators, comparisons, truthiness, containers and subscripts.

use super::lower::Lower;
use super::*;
use crate::diagnostics::Span;
use crate::hir::{self, BinOp, CmpOp, Const as HConst, Expr, ExprKind, UnOp};
use bodo_abi::{layout, order_op};

impl<'a> Lower<'a> {
    /// Evaluate `e` to an owned value.
    pub fn expr(&mut self, e: &'a Expr) -> V {
        let b = self.expr_borrow(e);
        let t = self.ty(e);
        self.own(b, &t)
    }

    /// Evaluate `e`; the flag says whether the result is owned.
    pub fn expr_borrow(&mut self, e: &'a Expr) -> (V, bool) {
        let t = self.ty(e);
        if let Some(&h) = self.step_sums.get(&e.id) {
            return (self.step_sum_value(h), true);
        }
        match &e.kind {
            ExprKind::Local(l) if self.fused.contains_key(l) => (self.kernel_map(e, &t), true),
            ExprKind::Local(l) if self.inst.unwrap.contains_key(&e.id) => {
                self.check_bound_read(e, *l);
                (self.unwrap_local(e, *l, &t), false)
            }
            ExprKind::Index(obj, idx)
                if self.inst.unwrap.contains_key(&e.id) && record_field(&self.ty(obj), idx).is_some() =>
            {
                (self.unwrap_field(e, obj, idx, &t), true)
            }
            _ if self.inst.unwrap.contains_key(&e.id) => (self.unwrap_read(e, &t), true),
            ExprKind::Local(_) | ExprKind::Index(..) if self.is_piece(e) => {
                let p = self.piece_of(e).expect("checked");
                (self.piece_string(p), true)
            }
            ExprKind::Local(l) if self.accumulators.contains(l) => {
                self.check_bound_read(e, *l);
                (self.accumulated_text(*l), true)
            }
            ExprKind::Local(l) => {
                self.check_bound_read(e, *l);
                if IrTy::of(&t) == IrTy::Unit {
                    return (self.emit(Op::Const(Const::Unit), IrTy::Unit), true);
                }
                (self.emit(Op::Load(*l), IrTy::of(&t)), false)
            }
            _ => (self.expr_owned(e, &t), true),
        }
    }

    /// The content of optional local `l` read by `e` (inference typed the
    /// read as the content `t`), borrowed; TypeError when it is None.
    fn unwrap_local(&mut self, e: &'a Expr, l: hir::LocalId, t: &Ty) -> V {
        let raw = self.local_ty(l);
        let v = self.emit(Op::Load(l), IrTy::of(&raw));
        self.unwrap_value(e, v, t)
    }

    /// The content of the optional field read `e` (`obj[idx]` of a record),
    /// owned; as [`Self::unwrap_local`].
    fn unwrap_field(&mut self, e: &'a Expr, obj: &'a Expr, idx: &'a Expr, t: &Ty) -> V {
        let ot = self.ty(obj);
        let (Ty::Record(fields), Some(i)) = (&ot, record_field(&ot, idx)) else { return self.null() };
        let raw = fields[i].1.clone();
        let o = self.expr_borrow(obj);
        let mark = self.in_flight_mark();
        self.hold_in_flight(o, &ot);
        let s = self.tuple_item(o.0, i, IrTy::Slot);
        let v = self.slot_value(s, &raw);
        let v = self.unwrap_value(e, v, t);
        self.incref(v, t);
        self.let_go(mark);
        self.release(o, &ot);
        v
    }

    /// The content `t` of any other optional read `e` (a dict's item, a
    /// call's result), owned; as [`Self::unwrap_local`].
    fn unwrap_read(&mut self, e: &'a Expr, t: &Ty) -> V {
        let raw_t = Ty::optional(t.clone());
        let outer = self.raw_read.replace(e.id);
        let raw = self.expr_owned(e, &raw_t);
        self.raw_read = outer;
        let mark = self.in_flight_mark();
        self.hold_in_flight((raw, true), &raw_t);
        let v = self.unwrap_value(e, raw, t);
        self.incref(v, t);
        self.let_go(mark);
        self.decref(raw, &raw_t);
        v
    }

    /// The content `t` of the borrowed optional value `v` that `e` reads;
    /// TypeError (or the exception inference chose) when it is None.
    fn unwrap_value(&mut self, e: &'a Expr, v: V, t: &Ty) -> V {
        let isnull = self.emit(Op::IsNull(v), IrTy::Bool);
        let (none, some) = (self.new_block(), self.new_block());
        self.branch(isnull, none, some);
        self.cur = none;
        self.set_line(e.span);
        let (class, msg) = self.inst.unwrap[&e.id].clone();
        self.raise_msg(class, &msg);
        self.cur = some;
        if t.is_heap() || IrTy::of(t) == IrTy::Unit {
            return v;
        }
        let s =
            self.emit(Op::LoadField { ptr: v, of: Obj::Boxed, offset: layout::boxed::VALUE, index: None }, IrTy::Slot);
        self.slot_value(s, t)
    }

    fn expr_owned(&mut self, e: &'a Expr, t: &Ty) -> V {
        if matches!(t, Ty::Array(..)) && self.is_fusable(e) {
            self.set_line(e.span);
            return self.kernel_map(e, t);
        }
        if let Some(v) = self.piece_reader(e) {
            return v;
        }
        match &e.kind {
            ExprKind::Index(..) if self.is_piece(e) => {
                let p = self.piece_of(e).expect("checked");
                self.piece_string(p)
            }
            ExprKind::Index(a, i) if matches!(self.ty(a), Ty::Array(..)) => self.array_index(e, a, i),
            ExprKind::Slice(a, lo, hi, st) if matches!(self.ty(a), Ty::Array(..)) => {
                self.array_slice(e, a, [lo, hi, st])
            }
            ExprKind::Attr(v, name) if matches!(self.ty(v), Ty::Array(..)) => self.array_attr(v, name, t),
            ExprKind::Attr(v, name) if matches!(self.exact_ty(v), Ty::Pivot(_)) => self.pivot_attr(v, name, t),
            ExprKind::SliceBounds(..) => self.emit(Op::Const(Const::Unit), IrTy::Unit),
            ExprKind::Const(c) => self.constant(c),
            ExprKind::Local(_) => unreachable!("locals are read by expr_borrow"),
            ExprKind::ModAttr(m, name) => self.module_value(*m, name),
            ExprKind::Call { func, args, kwargs } => self.call(e, func, args, kwargs),
            ExprKind::MethodCall { recv, name, args, kwargs } => self.method_call(e, recv, name, args, kwargs),
            ExprKind::Bin(BinOp::Pow, a, b)
                if *t == Ty::Float
                    && (matches!(b.kind, ExprKind::Const(HConst::Float(c)) if c >= 0.0 && c.is_finite())
                        || crate::types::const_int(b).is_some_and(|c| c >= 0)) =>
            {
                // A non-negative constant exponent cannot divide by zero: inline pow.
                let ta = self.ty(a);
                let x = self.expr(a);
                let x = self.coerce(x, &ta, &Ty::Float);
                let tb = self.ty(b);
                let y = self.expr(b);
                let y = self.coerce(y, &tb, &Ty::Float);
                let r = self.emit(Op::FPow(x, y), IrTy::Float);
                // A finite base giving an infinite result overflows (CPython's float_pow).
                self.set_line(e.span);
                let inf = self.emit(Op::Const(Const::Float(f64::INFINITY)), IrTy::Float);
                let ar = self.emit(Op::FMath(MathFn::Fabs, r), IrTy::Float);
                let ax = self.emit(Op::FMath(MathFn::Fabs, x), IrTy::Float);
                let big = self.emit(Op::FCmp(Cmp::Eq, ar, inf), IrTy::Bool);
                let fin = self.emit(Op::FCmp(Cmp::Lt, ax, inf), IrTy::Bool);
                let over = self.emit(Op::BoolAnd(big, fin), IrTy::Bool);
                self.raise_when(over, bodo_abi::exc::OVERFLOW_ERROR, "(34, 'Numerical result out of range')");
                r
            }
            ExprKind::Bin(op, a, b) => {
                let (ta, tb) = (self.ty(a), self.ty(b));
                let mark = self.in_flight_mark();
                let va = self.expr_borrow(a);
                self.hold_in_flight(va, &ta);
                let vb = self.expr_borrow(b);
                self.hold_in_flight(vb, &tb);
                self.set_line(e.span);
                let r = self.binop_values(*op, va.0, &ta, vb.0, &tb, t, e.span);
                self.let_go(mark);
                self.release(va, &ta);
                self.release(vb, &tb);
                r
            }
            ExprKind::Unary(op, a) => {
                let ta = self.ty(a);
                match op {
                    UnOp::Not => {
                        let c = self.truthy_expr(a);
                        self.emit(Op::Not(c), IrTy::Bool)
                    }
                    UnOp::Pos => {
                        let v = self.expr(a);
                        self.coerce(v, &ta, t)
                    }
                    UnOp::Neg => {
                        let v = self.expr(a);
                        let v = self.coerce(v, &ta, t);
                        if *t == Ty::Float {
                            self.emit(Op::FNeg(v), IrTy::Float)
                        } else {
                            let z = self.cint(0);
                            self.emit(Op::Int(IntOp::Sub, z, v), IrTy::Int)
                        }
                    }
                    UnOp::Invert => {
                        let v = self.expr(a);
                        let v = self.coerce(v, &ta, &Ty::Int);
                        let m = self.cint(-1);
                        self.emit(Op::Int(IntOp::Xor, v, m), IrTy::Int)
                    }
                }
            }
            ExprKind::Compare(first, chain) => self.compare_chain(first, chain),
            ExprKind::BoolOp(is_and, vs) => self.bool_op(*is_and, vs, t),
            ExprKind::IfExp(c, a, b) => {
                let cv = self.cond(c);
                // Only the branch a condition known at compile time takes is typed.
                if let Some(yes) = crate::types::static_cond::static_truth(c, &|e| self.ty(e)) {
                    let x = if yes { a } else { b };
                    let tx = self.ty(x);
                    let v = self.expr(x);
                    return self.coerce(v, &tx, t);
                }
                let tmp = self.new_temp(IrTy::of(t));
                let (yes, no, join) = (self.new_block(), self.new_block(), self.new_block());
                self.branch(cv, yes, no);
                for (blk, x) in [(yes, a), (no, b)] {
                    self.cur = blk;
                    let tx = self.ty(x);
                    let v = self.expr(x);
                    let v = self.coerce(v, &tx, t);
                    if IrTy::of(t) != IrTy::Unit {
                        self.emit_void(Op::Store(tmp, v));
                    }
                    self.jump_to(join);
                }
                self.cur = join;
                self.emit(Op::Load(tmp), IrTy::of(t))
            }
            ExprKind::List(items) => {
                let Ty::List(el) = t else { return self.null() };
                let mark = self.in_flight_mark();
                let slots = self.owned_slots(items, el);
                let d = self.desc(t);
                let arr = self.emit(Op::SlotArray(slots.iter().map(|s| s.1).collect()), IrTy::Ptr);
                let n = self.cint(items.len() as i64);
                let r = self.emit(Op::Rt("bodo_list_from_slots", vec![d, arr, n]), IrTy::Ptr);
                self.let_go(mark);
                for (v, _) in slots {
                    self.decref(v, el);
                }
                r
            }
            ExprKind::Tuple(items) => {
                let Ty::Tuple(tys) = t else { return self.null() };
                self.tuple_of(items.iter().zip(tys), t)
            }
            ExprKind::Set(items) => {
                let Ty::Set(el) = t else { return self.null() };
                let d = self.desc(t);
                let s = self.emit(Op::Rt("bodo_set_new", vec![d]), IrTy::Ptr);
                let mark = self.in_flight_mark();
                self.hold_in_flight((s, true), t);
                for it in items {
                    let item_mark = self.in_flight_mark();
                    let (v, slot) = self.owned_slots(std::slice::from_ref(it), el)[0];
                    // Adding raises TypeError for an unhashable item (a list, a record).
                    self.emit_void(Op::Rt("bodo_set_add", vec![s, slot]));
                    self.check();
                    self.let_go(item_mark);
                    self.decref(v, el);
                }
                self.let_go(mark);
                s
            }
            ExprKind::Dict(items) => {
                // A record's keys are literals, part of its type.
                if let Ty::Record(fields) = t {
                    return self.tuple_of(items.iter().map(|kv| &kv.1).zip(fields.iter().map(|f| &f.1)), t);
                }
                // A display is a merge of itself alone.
                self.merge_dict(std::slice::from_ref(e), t)
            }
            ExprKind::Index(obj, idx) if obj.is_range_call() => self.range_item(obj, idx),
            ExprKind::Index(obj, idx) => {
                let (ot, it) = (self.ty(obj), self.ty(idx));
                if let (Ty::Tuple(items), Some(i)) = (&ot, crate::types::const_int(idx)) {
                    let n = items.len() as i64;
                    return self.item_of(obj, if i < 0 { i + n } else { i } as usize, t);
                }
                if let Some(i) = record_field(&ot, idx) {
                    return self.item_of(obj, i, t);
                }
                // The container and the key are held in flight until the lookup is done.
                let mark = self.in_flight_mark();
                let o = self.expr_borrow(obj);
                self.hold_in_flight(o, &ot);
                let i = self.expr_borrow(idx);
                self.hold_in_flight(i, &it);
                self.set_line(e.span);
                let (r, _) = self.index_value(o.0, &ot, i.0, &it);
                self.let_go(mark);
                self.release(o, &ot);
                self.release(i, &it);
                r
            }
            ExprKind::Slice(obj, lo, hi, st) => {
                let ot = self.ty(obj);
                if let Ty::Tuple(_) = ot {
                    return self.tuple_slice(e, t);
                }
                let mark = self.in_flight_mark();
                let o = self.expr_borrow(obj);
                self.hold_in_flight(o, &ot);
                let bounds = self.slice_bounds([lo, hi, st]);
                let f = if ot == Ty::Str { "bodo_str_slice" } else { "bodo_list_slice" };
                let r = self.emit(Op::Rt(f, vec![o.0, bounds[0], bounds[1], bounds[2]]), IrTy::Ptr);
                self.check();
                self.let_go(mark);
                self.release(o, &ot);
                r
            }
            ExprKind::Comp { kind, elt, value, gens } => self.comprehension(*kind, elt, value.as_deref(), gens, t),
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::Func(_)
            | ExprKind::Builtin(_)
            | ExprKind::Module(_)
            | ExprKind::ExcClass(_)
            | ExprKind::Attr(..) => self.null(),
        }
    }

    pub fn constant(&mut self, c: &HConst) -> V {
        match c {
            HConst::Int(i) => self.cint(*i),
            HConst::Float(f) => self.emit(Op::Const(Const::Float(*f)), IrTy::Float),
            HConst::Bool(b) => self.cbool(*b),
            HConst::Str(s) => self.cstr(s),
            HConst::None => self.emit(Op::Const(Const::Unit), IrTy::Unit),
        }
    }

    /// Owned element values converted to `el`, with their slots.
    /// The items as owned values and their slots, each held in flight
    /// while the later ones are evaluated (the caller lets go of them).
    fn owned_slots(&mut self, items: &'a [Expr], el: &Ty) -> Vec<(V, V)> {
        let mut out = Vec::new();
        for it in items {
            let ti = self.ty(it);
            let v = self.expr(it);
            let v = self.coerce(v, &ti, el);
            self.hold_in_flight((v, true), el);
            let s = self.slot_of(v);
            out.push((v, s));
        }
        out
    }

    /// A new tuple (or record) of type `t` from item expressions, each
    /// converted to its item type.
    pub fn tuple_of<'t>(&mut self, items: impl Iterator<Item = (&'a Expr, &'t Ty)>, t: &Ty) -> V {
        let mark = self.in_flight_mark();
        let mut vals = Vec::new();
        for (it, want) in items {
            let ti = self.ty(it);
            let v = self.expr(it);
            let v = self.coerce(v, &ti, want);
            self.hold_in_flight((v, true), want);
            let s = self.slot_of(v);
            vals.push((v, s, want.clone()));
        }
        let r = self.make_tuple(t, &vals.iter().map(|x| x.1).collect::<Vec<_>>());
        self.let_go(mark);
        for (v, _, ty) in vals {
            self.decref(v, &ty);
        }
        r
    }

    /// Item `i` (of type `t`) of the tuple or record `obj`, owned.
    pub(super) fn item_of(&mut self, obj: &'a Expr, i: usize, t: &Ty) -> V {
        let ot = self.ty(obj);
        let o = self.expr_borrow(obj);
        let s = self.tuple_item(o.0, i, IrTy::Slot);
        let x = self.slot_value(s, t);
        self.incref(x, t);
        self.release(o, &ot);
        x
    }

    pub fn make_tuple(&mut self, t: &Ty, slots: &[V]) -> V {
        let d = self.desc(t);
        let arr = self.emit(Op::SlotArray(slots.to_vec()), IrTy::Ptr);
        let n = self.cint(slots.len() as i64);
        self.emit(Op::Rt("bodo_tuple_new", vec![d, arr, n]), IrTy::Ptr)
    }

    fn tuple_slice(&mut self, e: &'a Expr, t: &Ty) -> V {
        let ExprKind::Slice(obj, lo, hi, st) = &e.kind else { return self.null() };
        let ot = self.ty(obj);
        let Ty::Tuple(src) = &ot else { return self.null() };
        let idx = crate::types::tuple_slice_indices(src.len(), lo, hi, st).unwrap_or_default();
        let o = self.expr_borrow(obj);
        let mut slots = Vec::new();
        for i in idx {
            slots.push(self.tuple_item(o.0, i, IrTy::Slot));
        }
        let r = self.make_tuple(t, &slots);
        self.release(o, &ot);
        r
    }

    /// The slot position of index `i` (of type `it`, int or bool) in list
    /// `o`: a negative index counts from the end, and one out of range
    /// raises IndexError with `msg`. Inline, as list indexing is the inner
    /// loop of much scalar code.
    fn list_position(&mut self, o: V, i: V, it: &Ty, msg: &str) -> V {
        let i = if *it == Ty::Bool { self.emit(Op::Conv(Conv::BoolToInt, i), IrTy::Int) } else { i };
        let n = self.emit(Op::LoadField { ptr: o, of: Obj::List, offset: layout::list::LEN, index: None }, IrTy::Int);
        self.checked_position(i, n, msg)
    }

    /// Index `i` of a sequence of `n` items as a position: negative counts
    /// from the end, out of range raises IndexError with `msg`. An index
    /// already in `0..n`, the common case, costs one unsigned compare on
    /// the way (hot list loops); the end-relative fix-up is off that path.
    pub(super) fn checked_position(&mut self, i: V, n: V, msg: &str) -> V {
        let bad = self.new_block();
        let pos = self.position_or(i, n, bad);
        let done = self.cur;
        self.cur = bad;
        self.raise_msg(bodo_abi::exc::INDEX_ERROR, msg);
        self.cur = done;
        pos
    }

    /// Index `i` of a sequence of `n` items as a position, negative
    /// counting from the end, continuing in a new block; an index out of
    /// range jumps to `bad` instead.
    pub(super) fn position_or(&mut self, i: V, n: V, bad: B) -> V {
        let pos = self.new_temp(IrTy::Int);
        self.emit_void(Op::Store(pos, i));
        let zero = self.cint(0);
        let (outside, negative, from_end, done) =
            (self.new_block(), self.new_block(), self.new_block(), self.new_block());
        let in_range = self.emit(Op::ICmp(Cmp::ULt, i, n), IrTy::Bool);
        self.branch(in_range, done, outside);
        self.cur = outside;
        let below = self.emit(Op::ICmp(Cmp::Lt, i, zero), IrTy::Bool);
        self.branch(below, negative, bad);
        self.cur = negative;
        let plus = self.emit(Op::Int(IntOp::Add, i, n), IrTy::Int);
        let ok = self.emit(Op::ICmp(Cmp::Ge, plus, zero), IrTy::Bool);
        self.branch(ok, from_end, bad);
        self.cur = from_end;
        self.emit_void(Op::Store(pos, plus));
        self.jump_to(done);
        self.cur = done;
        self.emit(Op::Load(pos), IrTy::Int)
    }

    /// Item `j` of a list of `el` whose data pointer is `data`, borrowed. A
    /// list of bool keeps one byte per item (`runtime/src/list.rs`), any
    /// other list a slot.
    pub(super) fn list_item(&mut self, data: V, j: V, el: &Ty) -> V {
        if *el == Ty::Bool {
            return self.emit(Op::LoadElem { ptr: data, index: j, elem: Elem::U8 }, IrTy::Bool);
        }
        let s = self.emit(Op::LoadField { ptr: data, of: Obj::Any, offset: 0, index: Some(j) }, IrTy::Slot);
        self.slot_value(s, el)
    }

    /// Stores `x` (of type `el`) as item `j` of the list data at `data`, as
    /// [`Self::list_item`] reads it.
    fn set_list_item(&mut self, data: V, j: V, x: V, el: &Ty) {
        if *el == Ty::Bool {
            self.emit_void(Op::StoreElem { ptr: data, index: j, value: x, elem: Elem::U8 });
        } else {
            let s = self.slot_of(x);
            self.emit_void(Op::StoreElem { ptr: data, index: j, value: s, elem: Elem::I64 });
        }
    }

    /// `l[i] = x` for list `o` with elements of type `el`; `x` is owned and
    /// its reference moves into the list. The old element is released after
    /// the store, as CPython does.
    pub fn list_store(&mut self, o: V, i: V, it: &Ty, x: V, el: &Ty) {
        let j = self.list_position(o, i, it, "list assignment index out of range");
        let data =
            self.emit(Op::LoadField { ptr: o, of: Obj::List, offset: layout::list::DATA, index: None }, IrTy::Ptr);
        let old = self.list_item(data, j, el);
        self.set_list_item(data, j, x, el);
        self.decref(old, el);
    }

    /// `l.append(x)` for list `l` with elements of type `el`; `x` is owned
    /// and its reference moves into the list. Inline while there is spare
    /// capacity (the common case: the runtime grows lists geometrically).
    pub fn list_push(&mut self, l: V, x: V, el: &Ty) {
        let len = self.emit(Op::LoadField { ptr: l, of: Obj::List, offset: layout::list::LEN, index: None }, IrTy::Int);
        let cap = self.emit(Op::LoadField { ptr: l, of: Obj::List, offset: layout::list::CAP, index: None }, IrTy::Int);
        let room = self.emit(Op::ICmp(Cmp::Lt, len, cap), IrTy::Bool);
        let (fast, slow, done) = (self.new_block(), self.new_block(), self.new_block());
        self.branch(room, fast, slow);
        self.cur = fast;
        let data =
            self.emit(Op::LoadField { ptr: l, of: Obj::List, offset: layout::list::DATA, index: None }, IrTy::Ptr);
        self.set_list_item(data, len, x, el);
        let one = self.cint(1);
        let len1 = self.emit(Op::Int(IntOp::Add, len, one), IrTy::Int);
        self.emit_void(Op::StoreField { ptr: l, of: Obj::List, offset: layout::list::LEN, value: len1 });
        self.jump_to(done);
        self.cur = slow;
        // The runtime takes its own reference.
        let s = self.slot_of(x);
        self.emit_void(Op::Rt("bodo_list_append", vec![l, s]));
        self.decref(x, el);
        self.jump_to(done);
    }

    /// `xs[i]` of a list variable `xs`, borrowed from the list, for a caller
    /// that copies the item out before anything else is evaluated (so no
    /// callee can replace the item and free it meanwhile): `w += xs[i]` of
    /// an accumulated str. `None` for any other read, which
    /// [`Self::expr_borrow`] serves.
    pub(super) fn list_item_in_place(&mut self, e: &'a Expr) -> Option<V> {
        let ExprKind::Index(obj, idx) = &e.kind else { return None };
        let ExprKind::Local(l) = obj.kind else { return None };
        let (ot, it) = (self.ty(obj), self.ty(idx));
        let Ty::List(el) = &ot else { return None };
        let special = self.is_piece(e)
            || self.inst.unwrap.contains_key(&e.id)
            || self.step_sums.contains_key(&e.id)
            || self.builders.contains_key(&l)
            || self.fused.contains_key(&l);
        if special || !matches!(it, Ty::Int | Ty::Bool) {
            return None;
        }
        // A plain list variable and an int are read without a reference.
        let o = self.expr_borrow(obj).0;
        let i = self.expr_borrow(idx).0;
        self.set_line(e.span);
        let j = self.list_position(o, i, &it, "list index out of range");
        let data =
            self.emit(Op::LoadField { ptr: o, of: Obj::List, offset: layout::list::DATA, index: None }, IrTy::Ptr);
        Some(self.list_item(data, j, el))
    }

    /// Whether `v`, made in the current block, is a constant number other
    /// than zero (a float, or an int converted to one).
    fn nonzero_constant(&self, v: V) -> bool {
        let insts = &self.f.blocks[self.cur as usize].insts;
        let def = |v: V| insts.iter().rev().find(|i| i.dst == Some(v)).map(|i| &i.op);
        match def(v) {
            Some(Op::Const(Const::Float(x))) => *x != 0.0,
            Some(Op::Conv(Conv::IntToFloat, i)) => matches!(def(*i), Some(Op::Const(Const::Int(k))) if *k != 0),
            _ => false,
        }
    }

    /// Read `obj[idx]` (owned result) and its type.
    pub fn index_value(&mut self, o: V, ot: &Ty, i: V, it: &Ty) -> (V, Ty) {
        match ot {
            Ty::List(el) | Ty::VarTuple(el) => {
                let what = if let Ty::List(_) = ot { "list" } else { "tuple" };
                let j = self.list_position(o, i, it, &format!("{what} index out of range"));
                let data = self
                    .emit(Op::LoadField { ptr: o, of: Obj::List, offset: layout::list::DATA, index: None }, IrTy::Ptr);
                let x = self.list_item(data, j, el);
                self.incref(x, el);
                (x, (**el).clone())
            }
            Ty::Str => {
                let r = self.emit(Op::Rt("bodo_str_getitem", vec![o, i]), IrTy::Ptr);
                self.check();
                (r, Ty::Str)
            }
            Ty::Dict(k, v) => {
                // A fixed tuple key of a dict keyed by run-time-length tuples is converted.
                let ks = self.slot_as(i, it, k);
                let s = self.emit(Op::Rt("bodo_dict_getitem", vec![o, ks.1]), IrTy::Slot);
                self.drop_slot_tmp(ks, k);
                self.check();
                (self.slot_value(s, v), (**v).clone())
            }
            Ty::Tuple(items) => {
                // A homogeneous tuple indexed by a runtime int.
                let el = items.first().cloned().unwrap_or(Ty::Int);
                let n = self.cint(items.len() as i64);
                let j = self.checked_position(i, n, "tuple index out of range");
                let s = self.emit(
                    Op::LoadField { ptr: o, of: Obj::Tuple, offset: layout::tuple::ITEMS, index: Some(j) },
                    IrTy::Slot,
                );
                let x = self.slot_value(s, &el);
                self.incref(x, &el);
                (x, el)
            }
            _ => (self.null(), Ty::Unknown),
        }
    }

    /// Convert a borrowed scalar for use as a key (heap values pass through).
    pub fn coerce_borrowed(&mut self, v: V, from: &Ty, to: &Ty) -> V {
        if from.is_heap() || to.is_heap() {
            return v;
        }
        self.coerce(v, from, to)
    }

    /// The type of `a op b` (for augmented assignment, where no expression holds it).
    pub fn binop_ty(&self, op: BinOp, a: &Ty, b: &Ty) -> Ty {
        use BinOp::*;
        if let (Ty::Array(..), _) | (_, Ty::Array(..)) = (a, b) {
            return crate::types::arrays::elementwise_ty(op, a, b);
        }
        match (a, b) {
            (x, y) if x.is_numeric() && y.is_numeric() => {
                let float = *x == Ty::Float || *y == Ty::Float;
                match op {
                    Div => Ty::Float,
                    BitAnd | BitOr | BitXor if *x == Ty::Bool && *y == Ty::Bool => Ty::Bool,
                    _ if float => Ty::Float,
                    _ => Ty::Int,
                }
            }
            (Ty::Str, _) | (_, Ty::Str) => Ty::Str,
            (Ty::List(_) | Ty::VarTuple(_), _) => a.clone(),
            (_, Ty::List(_) | Ty::VarTuple(_)) => b.clone(),
            (Ty::Tuple(x), Ty::Tuple(y)) => Ty::Tuple(x.iter().chain(y).cloned().collect()),
            _ => a.clone(),
        }
    }

    /// `a op b` on borrowed operands; the result (of type `t`) is owned.
    #[allow(clippy::too_many_arguments)]
    pub fn binop_values(&mut self, op: BinOp, a: V, ta: &Ty, b: V, tb: &Ty, t: &Ty, _span: Span) -> V {
        use BinOp::*;
        if let Ty::Array(..) = t {
            return self.array_binop_values(op, (a, ta), (b, tb), t);
        }
        if ta.is_numeric() && tb.is_numeric() {
            if *t == Ty::Bool {
                let r = match op {
                    BitAnd => Op::BoolAnd(a, b),
                    BitOr => Op::BoolOr(a, b),
                    _ => {
                        let ne = Op::ICmp(Cmp::Ne, a, b);
                        return self.emit(ne, IrTy::Bool);
                    }
                };
                return self.emit(r, IrTy::Bool);
            }
            if op == Div {
                let float_in = *ta == Ty::Float || *tb == Ty::Float;
                let x = self.coerce(a, ta, &Ty::Float);
                let y = self.coerce(b, tb, &Ty::Float);
                let fop = if float_in { FloatOp::Div } else { FloatOp::IntDiv };
                let r = self.emit(Op::Float(fop, x, y), IrTy::Float);
                // A constant divisor other than zero never raises: no check
                // (which would also keep a loop around it from vectorizing).
                if !self.nonzero_constant(y) {
                    self.check();
                }
                return r;
            }
            let x = self.coerce(a, ta, t);
            let y = self.coerce(b, tb, t);
            if *t == Ty::Float {
                let r = match op {
                    Add => self.emit(Op::Float(FloatOp::Add, x, y), IrTy::Float),
                    Sub => self.emit(Op::Float(FloatOp::Sub, x, y), IrTy::Float),
                    Mul => self.emit(Op::Float(FloatOp::Mul, x, y), IrTy::Float),
                    FloorDiv => self.emit(Op::Rt("bodo_float_floordiv", vec![x, y]), IrTy::Float),
                    Mod => self.emit(Op::Rt("bodo_float_mod", vec![x, y]), IrTy::Float),
                    _ => self.emit(Op::Rt("bodo_float_pow", vec![x, y]), IrTy::Float),
                };
                if matches!(op, FloorDiv | Mod | Pow) {
                    self.check();
                }
                return r;
            }
            let iop = match op {
                Add => IntOp::Add,
                Sub => IntOp::Sub,
                Mul => IntOp::Mul,
                FloorDiv => IntOp::FloorDiv,
                Mod => IntOp::Mod,
                BitAnd => IntOp::And,
                BitOr => IntOp::Or,
                BitXor => IntOp::Xor,
                LShift => IntOp::Shl,
                RShift => IntOp::Shr,
                Pow => {
                    if *t == Ty::Float {
                        unreachable!()
                    }
                    let r = self.emit(Op::Rt("bodo_int_pow", vec![x, y]), IrTy::Int);
                    self.check();
                    return r;
                }
                _ => IntOp::Mul,
            };
            let r = self.emit(Op::Int(iop, x, y), IrTy::Int);
            // Only a zero divisor raises: `n % 2` and `n // 10` cannot.
            if matches!(iop, IntOp::FloorDiv | IntOp::Mod) && self.int_const(y).is_none_or(|d| d == 0) {
                self.check();
            }
            return r;
        }
        if *t == Ty::Float && op == Pow {
            // int ** negative int literal
            let x = self.coerce_borrowed(a, ta, &Ty::Float);
            let y = self.coerce_borrowed(b, tb, &Ty::Float);
            let r = self.emit(Op::Rt("bodo_float_pow", vec![x, y]), IrTy::Float);
            self.check();
            return r;
        }
        match (ta, tb, op) {
            (Ty::Str, Ty::Str, Add) => self.emit(Op::Rt("bodo_str_concat", vec![a, b]), IrTy::Ptr),
            (Ty::Str, tn, Mul) | (tn, Ty::Str, Mul) => {
                let (s, n) = if *ta == Ty::Str { (a, b) } else { (b, a) };
                let n = self.coerce_borrowed(n, tn, &Ty::Int);
                let r = self.emit(Op::Rt("bodo_str_repeat", vec![s, n]), IrTy::Ptr);
                // A text longer than memory can address is an OverflowError.
                self.check();
                r
            }
            (Ty::List(_), Ty::List(_), Add) => self.emit(Op::Rt("bodo_list_concat", vec![a, b]), IrTy::Ptr),
            // Either side may be a fixed tuple widened to the result's type.
            (Ty::VarTuple(_), _, Add) | (_, Ty::VarTuple(_), Add) => {
                let sa = self.slot_as(a, ta, t);
                let sb = self.slot_as(b, tb, t);
                let (x, y) = (sa.0.unwrap_or(a), sb.0.unwrap_or(b));
                let r = self.emit(Op::Rt("bodo_list_concat", vec![x, y]), IrTy::Ptr);
                self.drop_slot_tmp(sa, t);
                self.drop_slot_tmp(sb, t);
                r
            }
            // A fixed tuple repeated is first the run-time-length one it widens to.
            (Ty::List(_) | Ty::VarTuple(_) | Ty::Tuple(_), n, Mul) => self.repeat(a, ta, b, n, t),
            (n, Ty::List(_) | Ty::VarTuple(_) | Ty::Tuple(_), Mul) => self.repeat(b, tb, a, n, t),
            (Ty::Tuple(x), Ty::Tuple(y), Add) => {
                let mut slots = Vec::new();
                for (src, n) in [(a, x.len()), (b, y.len())] {
                    for i in 0..n {
                        let s = self.tuple_item(src, i, IrTy::Slot);
                        slots.push(s);
                    }
                }
                self.make_tuple(t, &slots)
            }
            // Set operators; a dict view operand (a list underneath) is
            // made a set first.
            (Ty::List(_) | Ty::Set(_), Ty::List(_) | Ty::Set(_), _) if matches!(t, Ty::Set(_)) => {
                let d = self.desc(t);
                let mut temps = Vec::new();
                let mut as_set = |this: &mut Self, v: V, tv: &Ty| {
                    if matches!(tv, Ty::List(_)) {
                        let s = this.emit(Op::Rt("bodo_set_from_list", vec![d, v]), IrTy::Ptr);
                        temps.push(s);
                        s
                    } else {
                        v
                    }
                };
                let (x, y) = (as_set(self, a, ta), as_set(self, b, tb));
                let f = match op {
                    BitOr => "bodo_set_union",
                    BitAnd => "bodo_set_intersection",
                    Sub => "bodo_set_difference",
                    _ => "bodo_set_symmetric_difference",
                };
                let r = self.emit(Op::Rt(f, vec![x, y]), IrTy::Ptr);
                for s in temps {
                    self.emit_void(Op::DecRef(s));
                }
                r
            }
            (Ty::Dict(..), Ty::Dict(..), _) => {
                let r = self.emit(Op::Rt("bodo_dict_copy", vec![a]), IrTy::Ptr);
                self.emit_void(Op::Rt("bodo_dict_update", vec![r, b]));
                r
            }
            _ => self.null(),
        }
    }

    // ---- comparisons and truthiness -------------------------------------

    fn compare_chain(&mut self, first: &'a Expr, chain: &'a [(CmpOp, Expr)]) -> V {
        if chain.len() == 1 {
            let (op, mut rhs) = (&chain[0].0, &chain[0].1);
            // `k in d.keys()` is `k in d`: a hash lookup, not a scan of a copy of the keys.
            if let ExprKind::MethodCall { recv, name, args, kwargs } = &rhs.kind {
                if matches!(op, CmpOp::In | CmpOp::NotIn)
                    && name == "keys"
                    && args.is_empty()
                    && kwargs.is_empty()
                    && matches!(self.ty(recv), Ty::Dict(..))
                {
                    rhs = recv;
                }
            }
            if matches!(op, CmpOp::In | CmpOp::NotIn) && rhs.is_range_call() {
                let tl = self.ty(first);
                let x = self.expr(first);
                let x = self.coerce(x, &tl, &Ty::Int);
                let c = self.range_contains(x, rhs);
                return if *op == CmpOp::NotIn { self.emit(Op::Not(c), IrTy::Bool) } else { c };
            }
            let (tl, tr) = (self.ty(first), self.ty(rhs));
            let mark = self.in_flight_mark();
            let l = self.expr_borrow(first);
            self.hold_in_flight(l, &tl);
            let r = self.expr_borrow(rhs);
            self.hold_in_flight(r, &tr);
            let c = self.compare(*op, l.0, &tl, r.0, &tr);
            self.let_go(mark);
            self.release(l, &tl);
            self.release(r, &tr);
            return c;
        }
        // a < b < c: each operand evaluated once, stopping at the first false.
        let result = self.new_temp(IrTy::Bool);
        let f = self.cbool(false);
        self.emit_void(Op::Store(result, f));
        let done = self.new_block();
        let mut lt = self.ty(first);
        let mut l = self.expr(first);
        for (k, (op, rhs)) in chain.iter().enumerate() {
            let rt = self.ty(rhs);
            let mark = self.in_flight_mark();
            self.hold_in_flight((l, true), &lt);
            let r = self.expr(rhs);
            self.let_go(mark);
            let c = self.compare(*op, l, &lt, r, &rt);
            self.decref(l, &lt);
            if k + 1 == chain.len() {
                self.decref(r, &rt);
                self.emit_void(Op::Store(result, c));
                self.jump_to(done);
                break;
            }
            let next = self.new_block();
            let fail = self.new_block();
            self.branch(c, next, fail);
            self.cur = fail;
            self.decref(r, &rt);
            self.term(Term::Jump(done));
            self.cur = next;
            l = r;
            lt = rt;
        }
        self.cur = done;
        self.emit(Op::Load(result), IrTy::Bool)
    }

    /// Compare two borrowed values.
    pub fn compare(&mut self, op: CmpOp, a: V, ta: &Ty, b: V, tb: &Ty) -> V {
        match op {
            CmpOp::Is | CmpOp::IsNot => {
                let eq = self.identity(a, ta, b, tb);
                return if op == CmpOp::IsNot { self.emit(Op::Not(eq), IrTy::Bool) } else { eq };
            }
            CmpOp::In | CmpOp::NotIn => {
                let c = self.contains(b, tb, a, ta);
                return if op == CmpOp::NotIn { self.emit(Op::Not(c), IrTy::Bool) } else { c };
            }
            _ => {}
        }
        let cmp = match op {
            CmpOp::Eq => Cmp::Eq,
            CmpOp::Ne => Cmp::Ne,
            CmpOp::Lt => Cmp::Lt,
            CmpOp::Le => Cmp::Le,
            CmpOp::Gt => Cmp::Gt,
            _ => Cmp::Ge,
        };
        if *ta == Ty::Datetime && *tb == Ty::Datetime {
            // NaT (the smallest int64) is unequal to everything and unordered.
            let c = self.emit(Op::ICmp(cmp, a, b), IrTy::Bool);
            let nat = self.cint(i64::MIN);
            let (na, nb) =
                (self.emit(Op::ICmp(Cmp::Eq, a, nat), IrTy::Bool), self.emit(Op::ICmp(Cmp::Eq, b, nat), IrTy::Bool));
            let either = self.emit(Op::BoolOr(na, nb), IrTy::Bool);
            let when_nat = self.cbool(cmp == Cmp::Ne);
            return self.emit(Op::Select(either, when_nat, c), IrTy::Bool);
        }
        if ta.is_numeric() && tb.is_numeric() {
            if *ta == Ty::Float || *tb == Ty::Float {
                let x = self.coerce(a, ta, &Ty::Float);
                let y = self.coerce(b, tb, &Ty::Float);
                return self.emit(Op::FCmp(cmp, x, y), IrTy::Bool);
            }
            let x = self.coerce(a, ta, &Ty::Int);
            let y = self.coerce(b, tb, &Ty::Int);
            return self.emit(Op::ICmp(cmp, x, y), IrTy::Bool);
        }
        if *ta == Ty::Str && *tb == Ty::Str {
            if matches!(cmp, Cmp::Eq | Cmp::Ne) {
                let e = self.emit(Op::Rt("bodo_str_eq", vec![a, b]), IrTy::Bool);
                return if cmp == Cmp::Ne { self.emit(Op::Not(e), IrTy::Bool) } else { e };
            }
            let c = self.emit(Op::Rt("bodo_str_cmp", vec![a, b]), IrTy::Int);
            let z = self.cint(0);
            return self.emit(Op::ICmp(cmp, c, z), IrTy::Bool);
        }
        // Sets are ordered by inclusion (a partial order: `a <= b` is not
        // `not b < a`).
        if let (Ty::Set(_), Ty::Set(_), Cmp::Lt | Cmp::Le | Cmp::Gt | Cmp::Ge) = (ta, tb, cmp) {
            let (x, y) = if matches!(cmp, Cmp::Lt | Cmp::Le) { (a, b) } else { (b, a) };
            let f = if matches!(cmp, Cmp::Lt | Cmp::Gt) { "bodo_set_lt" } else { "bodo_set_issubset" };
            return self.emit(Op::Rt(f, vec![x, y]), IrTy::Bool);
        }
        // None compared with anything by value.
        if *ta == Ty::None || *tb == Ty::None {
            let eq = self.identity(a, ta, b, tb);
            return match cmp {
                Cmp::Ne => self.emit(Op::Not(eq), IrTy::Bool),
                _ => eq,
            };
        }
        // Values of unrelated types are never equal (`(0.0, 10) == 9.0`).
        if matches!(cmp, Cmp::Eq | Cmp::Ne) && !same_kind(ta, tb) {
            return self.cbool(cmp == Cmp::Ne);
        }
        // Containers, tuples and optionals: the runtime compares by descriptor.
        let tuples = var_tuple_join(ta, tb);
        let t = match &tuples {
            Some(Some(j)) => j,
            // Tuples of unrelated item types are equal only when both are empty.
            Some(None) => {
                let (na, nb) = (self.len_of(a, ta), self.len_of(b, tb));
                let z = self.cint(0);
                let sum = self.emit(Op::Int(IntOp::Or, na, nb), IrTy::Int);
                return self.emit(Op::ICmp(if cmp == Cmp::Ne { Cmp::Ne } else { Cmp::Eq }, sum, z), IrTy::Bool);
            }
            None if ta.is_heap() => ta,
            None => tb,
        };
        let sa = self.slot_as(a, ta, t);
        let sb = self.slot_as(b, tb, t);
        let d = self.desc(t);
        match cmp {
            Cmp::Eq | Cmp::Ne => {
                let e = self.emit(Op::Rt("bodo_eq", vec![sa.1, sb.1, d]), IrTy::Bool);
                self.drop_slot_tmp(sa, t);
                self.drop_slot_tmp(sb, t);
                if cmp == Cmp::Ne {
                    self.emit(Op::Not(e), IrTy::Bool)
                } else {
                    e
                }
            }
            _ => {
                let op = self.cint(match cmp {
                    Cmp::Lt => order_op::LT,
                    Cmp::Le => order_op::LE,
                    Cmp::Gt => order_op::GT,
                    _ => order_op::GE,
                });
                // Unorderable values (dicts, None) raise CPython's TypeError.
                let r = self.emit(Op::Rt("bodo_compare", vec![sa.1, sb.1, d, op]), IrTy::Bool);
                self.drop_slot_tmp(sa, t);
                self.drop_slot_tmp(sb, t);
                self.check();
                r
            }
        }
    }

    /// `xs * n` of a list or tuple `xs` (borrowed) of type `ts`, as the result type `t`.
    fn repeat(&mut self, xs: V, ts: &Ty, n: V, tn: &Ty, t: &Ty) -> V {
        let n = self.coerce_borrowed(n, tn, &Ty::Int);
        let sx = self.slot_as(xs, ts, t);
        let r = self.emit(Op::Rt("bodo_list_repeat", vec![sx.0.unwrap_or(xs), n]), IrTy::Ptr);
        self.drop_slot_tmp(sx, t);
        // A result too large to hold is a MemoryError.
        self.check();
        r
    }

    /// A borrowed value as a slot of type `t`, with a temporary to drop if converted.
    pub(super) fn slot_as(&mut self, v: V, from: &Ty, t: &Ty) -> (Option<V>, V) {
        if from == t {
            return (None, self.slot_of(v));
        }
        self.incref(v, from);
        let c = self.coerce(v, from, t);
        (Some(c), self.slot_of(c))
    }

    pub(super) fn drop_slot_tmp(&mut self, (tmp, _): (Option<V>, V), t: &Ty) {
        if let Some(v) = tmp {
            self.decref(v, t);
        }
    }

    /// `a is b`: for None, a null test; otherwise equality.
    fn identity(&mut self, a: V, ta: &Ty, b: V, tb: &Ty) -> V {
        match (ta, tb) {
            (Ty::None, Ty::None) => self.cbool(true),
            (Ty::None, Ty::Optional(_)) => self.emit(Op::IsNull(b), IrTy::Bool),
            (Ty::Optional(_), Ty::None) => self.emit(Op::IsNull(a), IrTy::Bool),
            (Ty::None, _) | (_, Ty::None) => self.cbool(false),
            // Heap objects of one type: the same object, not equal contents.
            _ if ta == tb && ta.is_heap() && !matches!(ta, Ty::Str | Ty::Optional(_)) => {
                let (x, y) = (self.emit(Op::ToSlot(a), IrTy::Slot), self.emit(Op::ToSlot(b), IrTy::Slot));
                self.emit(Op::ICmp(Cmp::Eq, x, y), IrTy::Bool)
            }
            // Immutable scalars (and strings, which CPython interns) of one type.
            _ if ta == tb || matches!((ta, tb), (Ty::Optional(_), _) | (_, Ty::Optional(_))) => {
                self.compare(CmpOp::Eq, a, ta, b, tb)
            }
            // Values of different types are never the same object (`1.0 is True`).
            _ => self.cbool(false),
        }
    }

    /// `x in container` on borrowed values.
    fn contains(&mut self, c: V, tc: &Ty, x: V, tx: &Ty) -> V {
        match tc {
            Ty::Str => self.emit(Op::Rt("bodo_str_contains", vec![c, x]), IrTy::Bool),
            Ty::List(el) | Ty::VarTuple(el) | Ty::Set(el) | Ty::Dict(el, _) => {
                let el = (**el).clone();
                let s = self.slot_as(x, tx, &el);
                let f = match tc {
                    Ty::List(_) | Ty::VarTuple(_) => "bodo_list_contains",
                    Ty::Set(_) => "bodo_set_contains",
                    _ => "bodo_dict_contains",
                };
                let r = self.emit(Op::Rt(f, vec![c, s.1]), IrTy::Bool);
                self.drop_slot_tmp(s, &el);
                r
            }
            Ty::Tuple(items) => {
                let mut acc = self.cbool(false);
                for (i, it) in items.iter().enumerate() {
                    let s = self.tuple_item(c, i, IrTy::Slot);
                    let v = self.slot_value(s, it);
                    let e = self.compare(CmpOp::Eq, x, tx, v, it);
                    acc = self.emit(Op::BoolOr(acc, e), IrTy::Bool);
                }
                acc
            }
            // A record's keys are its field names.
            Ty::Record(fields) => {
                let mut acc = self.cbool(false);
                for (name, _) in fields {
                    let k = self.cstr(name);
                    let e = self.compare(CmpOp::Eq, x, tx, k, &Ty::Str);
                    acc = self.emit(Op::BoolOr(acc, e), IrTy::Bool);
                }
                acc
            }
            // NumPy's `(c == x).any()`: ints compared exactly, else as floats.
            Ty::Array(..) if *tx == Ty::Float => self.emit(Op::Rt("bodo_arr_contains_float", vec![c, x]), IrTy::Bool),
            Ty::Array(..) => {
                let v = self.coerce(x, tx, &Ty::Int);
                self.emit(Op::Rt("bodo_arr_contains_int", vec![c, v]), IrTy::Bool)
            }
            _ => self.cbool(false),
        }
    }

    fn bool_op(&mut self, is_and: bool, vs: &'a [Expr], t: &Ty) -> V {
        let tmp = self.new_temp(IrTy::of(t));
        let done = self.new_block();
        let vs = &vs[..crate::types::static_cond::live_operands(is_and, vs, &|e| self.ty(e))];
        for (k, x) in vs.iter().enumerate() {
            let tx = self.ty(x);
            let v = if *t == Ty::Bool && tx != Ty::Bool {
                // A test mixing types (inference typed it bool): only the
                // operands' truthiness matters.
                self.truthy_expr(x)
            } else {
                let v = self.expr(x);
                self.coerce(v, &tx, t)
            };
            if IrTy::of(t) != IrTy::Unit {
                self.emit_void(Op::Store(tmp, v));
            }
            if k + 1 == vs.len() {
                self.jump_to(done);
                break;
            }
            let c = self.truthy(v, t);
            let next = self.new_block();
            let stop = self.new_block();
            if is_and {
                self.branch(c, next, stop);
            } else {
                self.branch(c, stop, next);
            }
            self.cur = stop;
            self.term(Term::Jump(done));
            self.cur = next;
            // The value is replaced by the next operand's.
            self.decref(v, t);
        }
        self.cur = done;
        self.emit(Op::Load(tmp), IrTy::of(t))
    }

    /// A condition: the truthiness of `e` as a bool value.
    pub fn cond(&mut self, e: &'a Expr) -> V {
        self.set_line(e.span);
        self.truthy_expr(e)
    }

    pub fn truthy_expr(&mut self, e: &'a Expr) -> V {
        let t = self.ty(e);
        let v = self.expr_borrow(e);
        let c = self.truthy(v.0, &t);
        self.release(v, &t);
        c
    }

    /// Python truthiness of a borrowed value.
    pub fn truthy(&mut self, v: V, t: &Ty) -> V {
        match t {
            Ty::Bool => v,
            Ty::Int => {
                let z = self.cint(0);
                self.emit(Op::ICmp(Cmp::Ne, v, z), IrTy::Bool)
            }
            Ty::Float => {
                let z = self.emit(Op::Const(Const::Float(0.0)), IrTy::Float);
                self.emit(Op::FCmp(Cmp::Ne, v, z), IrTy::Bool)
            }
            Ty::None | Ty::Unknown | Ty::Var(_) => self.cbool(false),
            Ty::Str | Ty::List(_) | Ty::VarTuple(_) | Ty::Dict(..) | Ty::Set(_) => {
                let n = self.len_of(v, t);
                let z = self.cint(0);
                self.emit(Op::ICmp(Cmp::Ne, n, z), IrTy::Bool)
            }
            Ty::View(..) => self.truthy(v, &t.clone().decayed()),
            Ty::Tuple(items) => self.cbool(!items.is_empty()),
            Ty::Record(fields) => self.cbool(!fields.is_empty()),
            Ty::Exc | Ty::Datetime => self.cbool(true),
            Ty::Array(..) | Ty::Frame(_) | Ty::Series(_) | Ty::Pivot(_) => {
                // NumPy and pandas refuse the truth value of an array or frame.
                let cls = self.cint(bodo_abi::exc::VALUE_ERROR);
                let m = self.cstr(&match t {
                    Ty::Array(..) => {
                        "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()"
                            .to_string()
                    }
                    _ => format!(
                        "The truth value of a {} is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().",
                        crate::types::ty::py_name(t)
                    ),
                });
                self.emit_void(Op::Rt("bodo_raise", vec![cls, m]));
                self.check();
                self.cbool(false)
            }
            Ty::Optional(inner) => {
                let isnull = self.emit(Op::IsNull(v), IrTy::Bool);
                let res = self.new_temp(IrTy::Bool);
                let f = self.cbool(false);
                self.emit_void(Op::Store(res, f));
                let (some, done) = (self.new_block(), self.new_block());
                self.branch(isnull, done, some);
                self.cur = some;
                let x = if inner.is_heap() {
                    v
                } else {
                    let s = self.emit(
                        Op::LoadField { ptr: v, of: Obj::Boxed, offset: layout::boxed::VALUE, index: None },
                        IrTy::Slot,
                    );
                    self.slot_value(s, inner)
                };
                let c = self.truthy(x, inner);
                self.emit_void(Op::Store(res, c));
                self.jump_to(done);
                self.emit(Op::Load(res), IrTy::Bool)
            }
        }
    }

    /// `len(v)` of a borrowed str/list/tuple/dict/set.
    pub fn len_of(&mut self, v: V, t: &Ty) -> V {
        match t {
            Ty::Str => {
                self.emit(Op::LoadField { ptr: v, of: Obj::Str, offset: layout::str::NCHARS, index: None }, IrTy::Int)
            }
            Ty::List(_) | Ty::VarTuple(_) => {
                self.emit(Op::LoadField { ptr: v, of: Obj::List, offset: layout::list::LEN, index: None }, IrTy::Int)
            }
            Ty::Tuple(items) => self.cint(items.len() as i64),
            Ty::Record(fields) => self.cint(fields.len() as i64),
            Ty::Array(..) => {
                self.emit(Op::LoadField { ptr: v, of: Obj::Array, offset: layout::array::GLEN, index: None }, IrTy::Int)
            }
            _ => self.emit(Op::Rt("bodo_len", vec![v]), IrTy::Int),
        }
    }

    /// `str(e)` as an owned Str.
    pub fn expr_str(&mut self, e: &'a Expr) -> V {
        let t = self.exact_ty(e);
        let v = self.expr_borrow(e);
        let s = self.str_of(v.0, &t);
        self.release(v, &t);
        s
    }

    /// Whether `class(arg)`'s message is the `str` of a value that is not a
    /// str (a KeyError's is always its key's repr), so `repr(e)` shows it
    /// unquoted, `ValueError(3)`.
    pub fn exc_arg_shown(&self, class: i64, arg: Option<&'a Expr>) -> bool {
        class != bodo_abi::exc::KEY_ERROR && arg.is_some_and(|a| self.ty(a) != Ty::Str)
    }

    /// The message an exception `class(arg)` keeps, owned (null without
    /// `arg`): `str(arg)`, except a KeyError's, which is `repr(arg)` as
    /// CPython's `str` of a KeyError shows it.
    pub fn exc_msg(&mut self, class: i64, arg: Option<&'a Expr>) -> V {
        let Some(a) = arg else { return self.null() };
        if class != bodo_abi::exc::KEY_ERROR {
            return self.expr_str(a);
        }
        let t = self.ty(a);
        let v = self.expr_borrow(a);
        let s = self.slot_of(v.0);
        let d = self.desc(&t);
        let r = self.emit(Op::Rt("bodo_repr", vec![s, d]), IrTy::Ptr);
        self.release(v, &t);
        r
    }

    /// Item `i` of a tuple object, loaded as `ty`.
    pub fn tuple_item(&mut self, tuple: V, i: usize, ty: IrTy) -> V {
        self.emit(
            Op::LoadField { ptr: tuple, of: Obj::Tuple, offset: layout::tuple::ITEMS + 8 * i as u64, index: None },
            ty,
        )
    }

    /// `str(v)` of a borrowed value, owned.
    pub fn str_of(&mut self, v: V, t: &Ty) -> V {
        if *t == Ty::Str {
            self.emit_void(Op::IncRef(v));
            return v;
        }
        let s = self.slot_of(v);
        let d = self.desc(t);
        self.emit(Op::Rt("bodo_str", vec![s, d]), IrTy::Ptr)
    }

    fn module_value(&mut self, m: hir::Module, name: &str) -> V {
        use hir::Module::{Math, Numpy};
        use std::f64::consts;
        let f = match (m, name) {
            (Math | Numpy, "pi") => consts::PI,
            (Math | Numpy, "e") => consts::E,
            (Math, "tau") => consts::TAU,
            (Math, "inf") | (Numpy, "inf" | "Inf") => f64::INFINITY,
            (Math, "nan") | (Numpy, "nan" | "NaN") => f64::NAN,
            (hir::Module::Sys, "argv") => return self.emit(Op::Rt("bodo_argv", vec![]), IrTy::Ptr),
            _ => return self.null(),
        };
        self.emit(Op::Const(Const::Float(f)), IrTy::Float)
    }
}

/// The position of the field a constant key names, when `ot` is a record.
pub fn record_field(ot: &Ty, key: &Expr) -> Option<usize> {
    match ot {
        Ty::Record(fields) => crate::types::field_index(fields, key),
        _ => None,
    }
}

/// The run-time-length tuple type two tuples compare as, when either is
/// one: items of one type, ints widened to floats beside floats
/// (`Some(None)` when the items' types are unrelated).
fn var_tuple_join(a: &Ty, b: &Ty) -> Option<Option<Ty>> {
    let items = |t: &Ty| match t {
        Ty::VarTuple(e) => Some(vec![(**e).clone()]),
        Ty::Tuple(items) => Some(items.clone()),
        _ => None,
    };
    if !matches!((a, b), (Ty::VarTuple(_), _) | (_, Ty::VarTuple(_))) {
        return None;
    }
    let all: Vec<Ty> = items(a)?.into_iter().chain(items(b)?).collect();
    let e = if all.iter().all(|t| t.is_numeric()) && all.contains(&Ty::Float) {
        Ty::Float
    } else {
        let e = all.iter().find(|t| **t != Ty::Unknown).cloned().unwrap_or(Ty::Int);
        if !all.iter().all(|t| *t == e || *t == Ty::Unknown) {
            return Some(None);
        }
        e
    };
    Some(Some(Ty::VarTuple(Box::new(e))))
}

/// Whether values of types `a` and `b` can be equal: numbers with numbers,
/// otherwise the same kind of value (an optional counts as its content).
fn same_kind(a: &Ty, b: &Ty) -> bool {
    let strip = |t: &Ty| match t {
        Ty::Optional(x) => (**x).clone(),
        // Either tuple representation compares with the other by items.
        Ty::VarTuple(_) => Ty::Tuple(Vec::new()),
        t => t.clone(),
    };
    let (a, b) = (strip(a), strip(b));
    (a.is_numeric() && b.is_numeric()) || std::mem::discriminant(&a) == std::mem::discriminant(&b)
}
