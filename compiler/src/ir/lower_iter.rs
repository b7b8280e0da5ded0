//! Iteration: `for` loops, comprehensions, and the builtins that consume an
//! iterable (`list`, `sorted`, `sum`, `any`, ...), all through one
//! iteration plan so `range`, `enumerate`, `zip` and `reversed` never
//! allocate, and `str.split` cuts its pieces one at a time.

use super::lower::{LoopCtx, Lower};
use super::lower_range::RangeBounds;
use super::*;
use crate::hir::{Block as HBlock, Builtin, CompGen, CompKind, Const as HConst, Expr, ExprKind, Kwarg, Target, UnOp};
use crate::types::methods;
use bodo_abi::layout;

/// How to walk an iterable. Counters live in hidden locals.
enum Plan {
    Range {
        cur: u32,
        stop: V,
        step: V,
        step_const: Option<i64>,
    },
    /// A list (or a tuple, `tuple = true`) walked by index; `obj` is owned by the plan.
    /// `keep` is an owned hidden local holding `obj`, so a `return` from
    /// inside the loop releases it with the other locals.
    Seq {
        obj: V,
        keep: u32,
        idx: u32,
        elem: Ty,
        tuple_len: Option<i64>,
        reverse: bool,
        /// A (replicated) NumPy array rather than a list.
        array: bool,
    },
    /// `s.split(sep)` (`sep_len` Some) or `s.split()` (None): each piece is
    /// cut when the loop reaches it, never a list of them all. `pos` is the
    /// byte offset where the next piece starts, `end` where the current one
    /// ends; `keep` holds the owned `s` and `sep` as hidden owned locals.
    Split {
        s: V,
        sep: V,
        sep_len: Option<V>,
        /// The separator when it is a literal of one ASCII byte.
        sep_byte: Option<u8>,
        pos: u32,
        end: u32,
        keep: [u32; 2],
    },
    Enumerate {
        count: u32,
        inner: Box<Plan>,
    },
    Zip(Vec<Plan>),
}

impl<'a> Lower<'a> {
    fn plan(&mut self, e: &'a Expr) -> Plan {
        self.split_plan(e).unwrap_or_else(|| self.eager_plan(e))
    }

    /// The lazy plan of `s.split(sep)` / `s.split()` (no `maxsplit`): a
    /// loop over the pieces of a long text then allocates one short string
    /// at a time, reused by the allocator, instead of all of them at once.
    fn split_plan(&mut self, e: &'a Expr) -> Option<Plan> {
        let ExprKind::MethodCall { recv, name, args, kwargs } = &e.kind else { return None };
        let whitespace = args.is_empty();
        if name != "split" || !kwargs.is_empty() || args.len() > 1 || self.ty(recv) != Ty::Str {
            return None;
        }
        if !whitespace && self.ty(&args[0]) != Ty::Str {
            return None;
        }
        let sep_byte = match args.first().map(|a| &a.kind) {
            Some(ExprKind::Const(HConst::Str(t))) if t.len() == 1 && t.is_ascii() => Some(t.as_bytes()[0]),
            _ => None,
        };
        let s = self.expr(recv);
        let sep = if whitespace { self.null() } else { self.expr(&args[0]) };
        let keep = [self.hold_owned(s), self.hold_owned(sep)];
        let sep_len = (!whitespace).then(|| {
            self.emit(Op::LoadField { ptr: sep, of: Obj::Str, offset: layout::str::LEN, index: None }, IrTy::Int)
        });
        let z = self.cint(0);
        let first = if whitespace { self.emit(Op::Rt("bodo_str_skip_space", vec![s, z]), IrTy::Int) } else { z };
        let pos = self.new_temp(IrTy::Int);
        self.emit_void(Op::Store(pos, first));
        let end = self.new_temp(IrTy::Int);
        self.emit_void(Op::Store(end, z));
        Some(Plan::Split { s, sep, sep_len, sep_byte, pos, end, keep })
    }

    /// A hidden owned local holding `v`, so that leaving the function from
    /// inside a loop (a `return` or an exception) releases it.
    fn hold_owned(&mut self, v: V) -> u32 {
        let keep = self.new_temp(IrTy::Ptr);
        self.f.locals[keep as usize].owned = true;
        self.emit_void(Op::Store(keep, v));
        keep
    }

    /// Releases `v`, held by the hidden local `keep` since [`Self::hold_owned`].
    fn release_held(&mut self, v: V, keep: u32) {
        self.emit_void(Op::DecRef(v));
        let n = self.null();
        self.emit_void(Op::Store(keep, n));
    }

    /// The plan of `e` with every piece of a split made up front (what
    /// `reversed` needs).
    fn eager_plan(&mut self, e: &'a Expr) -> Plan {
        if let ExprKind::Call { func, args, kwargs } = &e.kind {
            if let ExprKind::Builtin(b) = func.kind {
                match b {
                    Builtin::Range => {
                        let RangeBounds { start, stop, step, step_const } = self.range_bounds(e);
                        let cur = self.new_temp(IrTy::Int);
                        self.emit_void(Op::Store(cur, start));
                        return Plan::Range { cur, stop, step, step_const };
                    }
                    Builtin::Enumerate => {
                        let inner = self.plan(&args[0]);
                        // enumerate(it, n) or enumerate(it, start=n)
                        let start = match args.get(1).or(crate::hir::kwarg(kwargs, "start")) {
                            Some(s) => self.expr(s),
                            None => self.cint(0),
                        };
                        let count = self.new_temp(IrTy::Int);
                        self.emit_void(Op::Store(count, start));
                        return Plan::Enumerate { count, inner: Box::new(inner) };
                    }
                    Builtin::Zip => return Plan::Zip(args.iter().map(|a| self.plan(a)).collect()),
                    Builtin::Reversed => {
                        let mut p = self.eager_plan(&args[0]);
                        if let Plan::Range { cur, stop, step, step_const } = &mut p {
                            // reversed(range(a, b, s)) is range(a + (n-1)*s, a - s, -s), n = len(range).
                            let z = self.cint(0);
                            let start = self.emit(Op::Load(*cur), IrTy::Int);
                            let n = self.range_len(start, *stop, *step);
                            let one = self.cint(1);
                            let k = self.emit(Op::Int(IntOp::Sub, n, one), IrTy::Int);
                            let off = self.emit(Op::Int(IntOp::Mul, k, *step), IrTy::Int);
                            let first = self.emit(Op::Int(IntOp::Add, start, off), IrTy::Int);
                            self.emit_void(Op::Store(*cur, first));
                            *stop = self.emit(Op::Int(IntOp::Sub, start, *step), IrTy::Int);
                            *step = self.emit(Op::Int(IntOp::Sub, z, *step), IrTy::Int);
                            *step_const = step_const.map(|s| -s);
                        }
                        if let Plan::Seq { reverse, idx, obj, tuple_len, array, .. } = &mut p {
                            *reverse = true;
                            let (of, len_at) =
                                if *array { (Obj::Array, layout::array::LEN) } else { (Obj::List, layout::list::LEN) };
                            let n = match tuple_len {
                                Some(n) => self.cint(*n),
                                None => {
                                    self.emit(Op::LoadField { ptr: *obj, of, offset: len_at, index: None }, IrTy::Int)
                                }
                            };
                            let one = self.cint(1);
                            let last = self.emit(Op::Int(IntOp::Sub, n, one), IrTy::Int);
                            self.emit_void(Op::Store(*idx, last));
                        }
                        return p;
                    }
                    _ => {}
                }
            }
        }
        let t = self.ty(e);
        let v = self.expr(e);
        self.plan_value(v, &t)
    }

    /// A plan over an owned container value.
    fn plan_value(&mut self, v: V, t: &Ty) -> Plan {
        let mut array = false;
        let (obj, elem, tuple_len) = match t {
            Ty::List(el) | Ty::VarTuple(el) => (v, (**el).clone(), None),
            Ty::Array(el, nd, _) => {
                // Sequential iteration sees the whole array, in order (a 2D array by rows).
                array = true;
                let elem =
                    if *nd > 1 { Ty::array((**el).clone(), nd - 1, crate::types::Dist::Rep) } else { (**el).clone() };
                (self.convert_dist(v, t, &t.with_dist(crate::types::Dist::Rep)), elem, None)
            }
            Ty::Tuple(items) => {
                // Mixed numbers iterate as their common type (ints and floats as float).
                let first = items.first().cloned().unwrap_or(Ty::Int);
                let elem = if items.iter().all(|t| *t == first) {
                    first
                } else if items.iter().all(|t| t.is_numeric()) {
                    if items.contains(&Ty::Float) {
                        Ty::Float
                    } else {
                        Ty::Int
                    }
                } else {
                    first
                };
                let uniform = Ty::Tuple(vec![elem.clone(); items.len()]);
                (self.coerce(v, t, &uniform), elem, Some(items.len() as i64))
            }
            Ty::Record(fields) => {
                let l = self.record_keys(fields);
                self.emit_void(Op::DecRef(v));
                (l, Ty::Str, None)
            }
            Ty::Str => {
                let l = self.emit(Op::Rt("bodo_str_chars", vec![v]), IrTy::Ptr);
                self.emit_void(Op::DecRef(v));
                (l, Ty::Str, None)
            }
            Ty::Set(el) => {
                let d = self.desc(&Ty::list((**el).clone()));
                let l = self.emit(Op::Rt("bodo_set_to_list", vec![v, d]), IrTy::Ptr);
                self.emit_void(Op::DecRef(v));
                (l, (**el).clone(), None)
            }
            Ty::Dict(k, _) => {
                let d = self.desc(&Ty::list((**k).clone()));
                let l = self.emit(Op::Rt("bodo_dict_keys", vec![v, d]), IrTy::Ptr);
                self.emit_void(Op::DecRef(v));
                (l, (**k).clone(), None)
            }
            _ => (self.null(), Ty::Int, Some(0)),
        };
        let keep = self.hold_owned(obj);
        let idx = self.new_temp(IrTy::Int);
        let z = self.cint(0);
        self.emit_void(Op::Store(idx, z));
        Plan::Seq { obj, keep, idx, elem, tuple_len, reverse: false, array }
    }

    /// A bool value: whether the plan has a current element.
    fn plan_cond(&mut self, p: &Plan) -> V {
        match p {
            Plan::Range { cur, stop, step, step_const } => {
                let i = self.emit(Op::Load(*cur), IrTy::Int);
                match step_const {
                    Some(s) if *s > 0 => self.emit(Op::ICmp(Cmp::Lt, i, *stop), IrTy::Bool),
                    Some(_) => self.emit(Op::ICmp(Cmp::Gt, i, *stop), IrTy::Bool),
                    None => {
                        let z = self.cint(0);
                        let pos = self.emit(Op::ICmp(Cmp::Gt, *step, z), IrTy::Bool);
                        let lt = self.emit(Op::ICmp(Cmp::Lt, i, *stop), IrTy::Bool);
                        let gt = self.emit(Op::ICmp(Cmp::Gt, i, *stop), IrTy::Bool);
                        self.emit(Op::Select(pos, lt, gt), IrTy::Bool)
                    }
                }
            }
            Plan::Seq { obj, idx, tuple_len, reverse, array, .. } => {
                let i = self.emit(Op::Load(*idx), IrTy::Int);
                if *array && !*reverse {
                    let n = self.emit(
                        Op::LoadField { ptr: *obj, of: Obj::Array, offset: layout::array::LEN, index: None },
                        IrTy::Int,
                    );
                    return self.emit(Op::ICmp(Cmp::Lt, i, n), IrTy::Bool);
                }
                if *reverse {
                    let z = self.cint(0);
                    return self.emit(Op::ICmp(Cmp::Ge, i, z), IrTy::Bool);
                }
                // A list's length is re-read each step: the body may append.
                let n = match tuple_len {
                    Some(n) => self.cint(*n),
                    None => self.emit(
                        Op::LoadField { ptr: *obj, of: Obj::List, offset: layout::list::LEN, index: None },
                        IrTy::Int,
                    ),
                };
                self.emit(Op::ICmp(Cmp::Lt, i, n), IrTy::Bool)
            }
            Plan::Split { s, sep_len, pos, .. } => {
                let at = self.emit(Op::Load(*pos), IrTy::Int);
                let n = self
                    .emit(Op::LoadField { ptr: *s, of: Obj::Str, offset: layout::str::LEN, index: None }, IrTy::Int);
                // A separator split has a piece after every separator, even
                // an empty one at the very end; a whitespace split stops at
                // the last non-space character.
                let cmp = if sep_len.is_some() { Cmp::Le } else { Cmp::Lt };
                self.emit(Op::ICmp(cmp, at, n), IrTy::Bool)
            }
            Plan::Enumerate { inner, .. } => self.plan_cond(inner),
            Plan::Zip(ps) => {
                let mut acc = self.cbool(true);
                for p in ps {
                    let c = self.plan_cond(p);
                    acc = self.emit(Op::BoolAnd(acc, c), IrTy::Bool);
                }
                acc
            }
        }
    }

    /// The current element (owned) and its type.
    fn plan_item(&mut self, p: &Plan) -> (V, Ty) {
        match p {
            Plan::Range { cur, .. } => (self.emit(Op::Load(*cur), IrTy::Int), Ty::Int),
            Plan::Seq { obj, idx, elem, array: true, .. } if matches!(elem, Ty::Array(..)) => {
                let i = self.emit(Op::Load(*idx), IrTy::Int);
                let row = self.emit(Op::Rt("bodo_arr_getrow", vec![*obj, i]), IrTy::Ptr);
                self.check();
                (row, elem.clone())
            }
            Plan::Seq { obj, idx, elem, array: true, .. } => {
                let i = self.emit(Op::Load(*idx), IrTy::Int);
                let data = self.emit(
                    Op::LoadField { ptr: *obj, of: Obj::Array, offset: layout::array::DATA, index: None },
                    IrTy::Ptr,
                );
                let x = self.emit(Op::LoadElem { ptr: data, index: i, elem: Elem::of(elem) }, IrTy::of(elem));
                // A string is the array's: the element is a new reference.
                self.incref(x, elem);
                (x, elem.clone())
            }
            Plan::Seq { obj, idx, elem, tuple_len, .. } => {
                let i = self.emit(Op::Load(*idx), IrTy::Int);
                let x = if tuple_len.is_some() {
                    let s = self.emit(
                        Op::LoadField { ptr: *obj, of: Obj::Tuple, offset: layout::tuple::ITEMS, index: Some(i) },
                        IrTy::Slot,
                    );
                    self.slot_value(s, elem)
                } else {
                    let data = self.emit(
                        Op::LoadField { ptr: *obj, of: Obj::List, offset: layout::list::DATA, index: None },
                        IrTy::Ptr,
                    );
                    self.list_item(data, i, elem)
                };
                self.incref(x, elem);
                (x, elem.clone())
            }
            Plan::Split { s, sep, sep_byte, pos, end, .. } => {
                let at = self.emit(Op::Load(*pos), IrTy::Int);
                let stop = self.split_end(*s, *sep, *sep_byte, at);
                self.emit_void(Op::Store(*end, stop));
                (self.emit(Op::Rt("bodo_str_byte_piece", vec![*s, at, stop]), IrTy::Ptr), Ty::Str)
            }
            Plan::Enumerate { count, inner } => {
                let c = self.emit(Op::Load(*count), IrTy::Int);
                let (x, t) = self.plan_item(inner);
                let tt = Ty::Tuple(vec![Ty::Int, t.clone()]);
                let sc = self.slot_of(c);
                let sx = self.slot_of(x);
                let tup = self.make_tuple(&tt, &[sc, sx]);
                self.decref(x, &t);
                (tup, tt)
            }
            Plan::Zip(ps) => {
                let mut items = Vec::new();
                for p in ps {
                    items.push(self.plan_item(p));
                }
                let tt = Ty::Tuple(items.iter().map(|x| x.1.clone()).collect());
                let slots: Vec<V> = items.iter().map(|x| x.0).collect::<Vec<_>>();
                let slots: Vec<V> = slots.into_iter().map(|v| self.slot_of(v)).collect();
                let tup = self.make_tuple(&tt, &slots);
                for (v, t) in items {
                    self.decref(v, &t);
                }
                (tup, tt)
            }
        }
    }

    /// Where the piece of a split loop starting at byte `at` ends: a literal
    /// one-byte separator is a byte search that cannot fail.
    fn split_end(&mut self, s: V, sep: V, sep_byte: Option<u8>, at: V) -> V {
        if let Some(byte) = sep_byte {
            let end =
                self.emit(Op::LoadField { ptr: s, of: Obj::Str, offset: layout::str::LEN, index: None }, IrTy::Int);
            return self.emit(Op::FindByte { s, pos: at, end, byte }, IrTy::Int);
        }
        let stop = self.emit(Op::Rt("bodo_str_split_end", vec![s, sep, at]), IrTy::Int);
        self.check();
        stop
    }

    /// Assign the current element to a target, without building tuples for
    /// `for i, x in enumerate(...)` / `for a, b in zip(...)`.
    fn plan_assign(&mut self, p: &Plan, target: &'a Target) {
        match (p, target) {
            (Plan::Enumerate { count, inner }, Target::Tuple(ts, _)) if ts.len() == 2 => {
                let c = self.emit(Op::Load(*count), IrTy::Int);
                self.assign(&ts[0], c, &Ty::Int);
                self.plan_assign(inner, &ts[1]);
            }
            (Plan::Zip(ps), Target::Tuple(ts, _)) if ts.len() == ps.len() => {
                for (p, t) in ps.iter().zip(ts) {
                    self.plan_assign(p, t);
                }
            }
            (Plan::Split { s, sep, sep_byte, pos, end, .. }, Target::Local(w, _)) if self.piece_locals.contains(w) => {
                // The piece stays bytes of `s` (`pieces.rs`).
                let start = self.emit(Op::Load(*pos), IrTy::Int);
                let stop = self.split_end(*s, *sep, *sep_byte, start);
                self.emit_void(Op::Store(*end, stop));
                self.pieces.insert(*w, super::pieces::PieceBounds { s: *s, start, stop });
            }
            _ => {
                let (x, t) = self.plan_item(p);
                self.assign(target, x, &t);
            }
        }
    }

    fn plan_advance(&mut self, p: &Plan) {
        match p {
            Plan::Range { cur, step, .. } => {
                let i = self.emit(Op::Load(*cur), IrTy::Int);
                let n = self.emit(Op::Int(IntOp::Add, i, *step), IrTy::Int);
                self.emit_void(Op::Store(*cur, n));
            }
            Plan::Seq { idx, reverse, .. } => {
                let i = self.emit(Op::Load(*idx), IrTy::Int);
                let d = self.cint(if *reverse { -1 } else { 1 });
                let n = self.emit(Op::Int(IntOp::Add, i, d), IrTy::Int);
                self.emit_void(Op::Store(*idx, n));
            }
            Plan::Split { s, sep_len, pos, end, .. } => {
                let stop = self.emit(Op::Load(*end), IrTy::Int);
                let next = match sep_len {
                    Some(n) => self.emit(Op::Int(IntOp::Add, stop, *n), IrTy::Int),
                    None => self.emit(Op::Rt("bodo_str_skip_space", vec![*s, stop]), IrTy::Int),
                };
                self.emit_void(Op::Store(*pos, next));
            }
            Plan::Enumerate { count, inner } => {
                let c = self.emit(Op::Load(*count), IrTy::Int);
                let one = self.cint(1);
                let n = self.emit(Op::Int(IntOp::Add, c, one), IrTy::Int);
                self.emit_void(Op::Store(*count, n));
                self.plan_advance(inner);
            }
            Plan::Zip(ps) => ps.iter().for_each(|p| self.plan_advance(p)),
        }
    }

    fn plan_release(&mut self, p: &Plan) {
        match p {
            Plan::Seq { obj, keep, .. } => self.release_held(*obj, *keep),
            Plan::Split { s, sep, keep, .. } => {
                self.release_held(*s, keep[0]);
                self.release_held(*sep, keep[1]);
            }
            Plan::Enumerate { inner, .. } => self.plan_release(inner),
            Plan::Zip(ps) => ps.iter().for_each(|p| self.plan_release(p)),
            Plan::Range { .. } => {}
        }
    }

    /// Emit `for target in iter: body` around a body-emitting closure.
    /// Returns the exit block (reached after the loop or by `break`).
    pub(super) fn emit_loop(
        &mut self,
        iter: &'a Expr,
        target: &'a Target,
        body: &mut dyn FnMut(&mut Self),
        orelse: Option<&'a HBlock>,
        replicate: &[crate::hir::LocalId],
    ) {
        let reserve = self.reserve_for.take();
        let p = self.plan(iter);
        if let Some(list) = reserve {
            self.reserve_len(list, &p);
        }
        let replicas = self.begin_replicas(replicate);
        let (head, bodyb, latch, elseb, exit) =
            (self.new_block(), self.new_block(), self.new_block(), self.new_block(), self.new_block());
        self.jump_to(head);
        let c = self.plan_cond(&p);
        self.branch(c, bodyb, elseb);
        self.cur = bodyb;
        self.plan_assign(&p, target);
        self.loops.push(LoopCtx { brk: exit, cont: latch, finally_depth: self.finally.len() });
        body(self);
        self.loops.pop();
        self.end_replicas(&replicas);
        self.jump_to(latch);
        self.plan_advance(&p);
        self.term(Term::Jump(head));
        // The walked sequence is let go before the `else` body, which may
        // leave through an enclosing loop's `break`/`continue`.
        self.cur = elseb;
        self.plan_release(&p);
        self.free_replicas(&replicas);
        if let Some(o) = orelse {
            self.block(o);
        }
        let done = self.new_block();
        self.jump_to(done);
        self.cur = exit;
        self.plan_release(&p);
        self.free_replicas(&replicas);
        self.jump_to(done);
        self.cur = done;
    }

    pub fn for_stmt(&mut self, target: &'a Target, iter: &'a Expr, body: &'a HBlock, orelse: &'a HBlock) {
        if self.tiled_update(target, iter, body, orelse) || self.loop_with_step_sums(target, iter, body, orelse) {
            return;
        }
        let replicate = self.replica_candidates(body, None);
        self.emit_loop(iter, target, &mut |l: &mut Self| l.block(body), Some(orelse), &replicate);
        if let Target::Local(w, _) = target {
            self.pieces.remove(w);
        }
    }

    /// Reserves room in `list` for one item per element of the walk `p`,
    /// when its length is known before it starts (a range, a list).
    fn reserve_len(&mut self, list: V, p: &Plan) {
        let n = match p {
            Plan::Range { cur, stop, step, .. } => {
                let start = self.emit(Op::Load(*cur), IrTy::Int);
                self.range_len(start, *stop, *step)
            }
            Plan::Seq { obj, tuple_len: None, array: false, .. } => {
                self.emit(Op::LoadField { ptr: *obj, of: Obj::List, offset: layout::list::LEN, index: None }, IrTy::Int)
            }
            _ => return,
        };
        self.emit_void(Op::Rt("bodo_list_reserve", vec![list, n]));
    }

    pub fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        gens: &'a [CompGen],
        t: &Ty,
    ) -> V {
        let d = self.desc(t);
        let result = match kind {
            CompKind::List | CompKind::Gen => {
                let z = self.cint(0);
                self.emit(Op::Rt("bodo_list_new", vec![d, z]), IrTy::Ptr)
            }
            CompKind::Set => self.emit(Op::Rt("bodo_set_new", vec![d]), IrTy::Ptr),
            CompKind::Dict => self.emit(Op::Rt("bodo_dict_new", vec![d]), IrTy::Ptr),
            CompKind::Array => return self.array_map(elt, &gens[0], t),
        };
        // The result being built is released if an element raises.
        let mark = self.in_flight_mark();
        self.hold_in_flight((result, true), t);
        if kind == CompKind::List && gens.len() == 1 && gens[0].conds.is_empty() {
            if self.literal_fill(result, elt, &gens[0], t) {
                self.let_go(mark);
                return result;
            }
            self.reserve_for = Some(result);
        }
        self.comp_level(kind, elt, value, gens, result, t);
        self.let_go(mark);
        result
    }

    /// `[c for _ in range(...)]` of a literal `c` (a cache of zeros, a
    /// sieve's flags) is `[c] * len(range)`: one item, then copies that
    /// double, instead of an append per item. Nothing is observable in
    /// between: the literal neither raises nor depends on the loop, and the
    /// loop variable is the comprehension's own.
    fn literal_fill(&mut self, result: V, elt: &'a Expr, g: &'a CompGen, t: &Ty) -> bool {
        let literal = match &elt.kind {
            ExprKind::Const(_) => true,
            ExprKind::Unary(UnOp::Neg, x) => matches!(x.kind, ExprKind::Const(HConst::Int(_) | HConst::Float(_))),
            _ => false,
        };
        let range = matches!(&g.iter.kind, ExprKind::Call { func, .. } if matches!(func.kind, ExprKind::Builtin(Builtin::Range)));
        let Ty::List(el) = t else { return false };
        if !literal || !range {
            return false;
        }
        let RangeBounds { start, stop, step, .. } = self.range_bounds(&g.iter);
        let n = self.range_len(start, stop, step);
        let te = self.ty(elt);
        let x = self.expr(elt);
        let x = self.coerce(x, &te, el);
        self.list_push(result, x, el);
        self.emit_void(Op::Rt("bodo_list_repeat_in_place", vec![result, n]));
        self.check();
        true
    }

    fn comp_level(
        &mut self,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        gens: &'a [CompGen],
        result: V,
        t: &Ty,
    ) {
        let Some((g, rest)) = gens.split_first() else {
            // The innermost body: add the element.
            match (kind, t) {
                (CompKind::Dict, Ty::Dict(kt, vt)) => {
                    let Some(value) = value else { return };
                    self.dict_store(result, elt, value, kt, vt);
                }
                (_, Ty::List(el) | Ty::Set(el)) => {
                    let te = self.ty(elt);
                    let x = self.expr(elt);
                    let x = self.coerce(x, &te, el);
                    if kind == CompKind::Set {
                        let s = self.slot_of(x);
                        self.emit_void(Op::Rt("bodo_set_add", vec![result, s]));
                        self.decref(x, el);
                    } else {
                        self.list_push(result, x, el);
                    }
                }
                _ => {}
            }
            return;
        };
        let t = t.clone();
        let replicate = self.comp_replica_candidates(g, rest, elt, value);
        self.emit_loop(
            &g.iter,
            &g.target,
            &mut |l: &mut Self| {
                let skip = l.new_block();
                for c in &g.conds {
                    let cv = l.cond(c);
                    let ok = l.new_block();
                    l.branch(cv, ok, skip);
                    l.cur = ok;
                }
                l.comp_level(kind, elt, value, rest, result, &t);
                l.jump_to(skip);
            },
            None,
            &replicate,
        );
    }

    /// The iterable `e` as a list (owned); may be `e` itself when it is one.
    pub fn materialize_list(&mut self, e: &'a Expr) -> V {
        if let Ty::List(_) = self.ty(e) {
            return self.expr(e);
        }
        self.collect_list(e)
    }

    /// A fresh list of the elements of `e` (never aliasing `e`).
    pub fn materialize_list_copy(&mut self, e: &'a Expr) -> V {
        if let Ty::List(_) = self.ty(e) {
            if !matches!(e.kind, ExprKind::Comp { .. } | ExprKind::List(_)) {
                let v = self.expr_borrow(e);
                let t = self.ty(e);
                let r = self.emit(Op::Rt("bodo_list_copy", vec![v.0]), IrTy::Ptr);
                self.release(v, &t);
                return r;
            }
            return self.expr(e);
        }
        self.collect_list(e)
    }

    /// An owned run-time-length tuple `v` of type `from` as a new one of
    /// type `to` (ints widened to floats), consuming `v`.
    pub fn widen_var_tuple(&mut self, v: V, from: &Ty, to: &Ty) -> V {
        let d = self.desc(to);
        let z = self.cint(0);
        let c = self.emit(Op::Rt("bodo_list_new", vec![d, z]), IrTy::Ptr);
        let elem = methods::iter_item_of(to);
        let p = self.plan_value(v, from);
        self.walk(&p, &mut |this: &mut Self, x: V, t: &Ty| {
            let x2 = this.coerce(x, t, &elem);
            this.list_push(c, x2, &elem);
        });
        c
    }

    pub fn collect_list(&mut self, e: &'a Expr) -> V {
        let lt = Ty::list(self.iter_elem_ty(e));
        self.collect_into(e, &lt)
    }

    /// A fresh list, set or dict of type `ct` holding the elements (the
    /// `(key, value)` pairs for a dict) of iterating `e`, each converted to
    /// `ct`'s element type.
    pub fn collect_into(&mut self, e: &'a Expr, ct: &Ty) -> V {
        let d = self.desc(ct);
        let c = match ct {
            Ty::Set(_) => self.emit(Op::Rt("bodo_set_new", vec![d]), IrTy::Ptr),
            Ty::Dict(..) => self.emit(Op::Rt("bodo_dict_new", vec![d]), IrTy::Ptr),
            _ => {
                let z = self.cint(0);
                self.emit(Op::Rt("bodo_list_new", vec![d, z]), IrTy::Ptr)
            }
        };
        let elem = methods::iter_item_of(ct);
        // The container is released if evaluating the iterable raises.
        let mark = self.in_flight_mark();
        self.hold_in_flight((c, true), ct);
        let p = self.plan(e);
        self.walk(&p, &mut |this: &mut Self, x: V, t: &Ty| {
            let x2 = this.coerce(x, t, &elem);
            match ct {
                Ty::Set(_) => {
                    let s = this.slot_of(x2);
                    this.emit_void(Op::Rt("bodo_set_add", vec![c, s]));
                    this.decref(x2, &elem);
                }
                Ty::Dict(..) => {
                    let k = this.tuple_item(x2, 0, IrTy::Slot);
                    let v = this.tuple_item(x2, 1, IrTy::Slot);
                    this.emit_void(Op::Rt("bodo_dict_setitem", vec![c, k, v]));
                    this.decref(x2, &elem);
                }
                _ => this.list_push(c, x2, &elem),
            }
        });
        self.let_go(mark);
        c
    }

    /// The element type of iterating `e`, from the types of its parts.
    pub fn iter_elem_ty(&self, e: &Expr) -> Ty {
        if let ExprKind::Call { func, args, .. } = &e.kind {
            if let ExprKind::Builtin(b) = func.kind {
                match b {
                    Builtin::Range => return Ty::Int,
                    Builtin::Enumerate => return Ty::Tuple(vec![Ty::Int, self.iter_elem_ty(&args[0])]),
                    Builtin::Zip => return Ty::Tuple(args.iter().map(|a| self.iter_elem_ty(a)).collect()),
                    Builtin::Reversed => return self.iter_elem_ty(&args[0]),
                    _ => {}
                }
            }
        }
        match self.ty(e) {
            Ty::List(el) | Ty::VarTuple(el) | Ty::Set(el) | Ty::Dict(el, _) => *el,
            // A record iterates its keys.
            Ty::Str | Ty::Record(_) => Ty::Str,
            Ty::Tuple(items) => items.first().cloned().unwrap_or(Ty::Int),
            // A 2D array iterates its rows.
            Ty::Array(el, nd, _) if nd > 1 => Ty::array(*el, nd - 1, crate::types::Dist::Rep),
            Ty::Array(el, ..) => *el,
            _ => Ty::Unknown,
        }
    }

    /// Walk a plan calling `f` with each owned element (no break/continue).
    fn walk(&mut self, p: &Plan, f: &mut dyn FnMut(&mut Self, V, &Ty)) {
        let (head, bodyb, exit) = (self.new_block(), self.new_block(), self.new_block());
        self.jump_to(head);
        let c = self.plan_cond(p);
        self.branch(c, bodyb, exit);
        self.cur = bodyb;
        let (x, t) = self.plan_item(p);
        f(self, x, &t);
        self.plan_advance(p);
        self.term(Term::Jump(head));
        self.cur = exit;
        self.plan_release(p);
    }

    /// `sum(xs, start)` (`mul` false, start 0) or `math.prod(xs, start=)`
    /// (`mul` true, start 1), accumulated in the result type `t`.
    pub fn numeric_fold(&mut self, args: &'a [Expr], kwargs: &'a [Kwarg], t: &Ty, mul: bool) -> V {
        let acc = self.new_temp(IrTy::of(t));
        let start = args.get(1).or(crate::hir::kwarg(kwargs, "start"));
        let init = match start {
            Some(s) => {
                let st = self.ty(s);
                let v = self.expr(s);
                self.coerce(v, &st, t)
            }
            None => {
                let z = self.cint(i64::from(mul));
                self.coerce(z, &Ty::Int, t)
            }
        };
        self.emit_void(Op::Store(acc, init));
        let p = self.plan(&args[0]);
        let tt = t.clone();
        self.walk(&p, &mut |this: &mut Self, x: V, xt: &Ty| {
            let x = this.coerce(x, xt, &tt);
            let a = this.emit(Op::Load(acc), IrTy::of(&tt));
            let op = match (tt == Ty::Float, mul) {
                (true, false) => Op::Float(FloatOp::Add, a, x),
                (true, true) => Op::Float(FloatOp::Mul, a, x),
                (false, false) => Op::Int(IntOp::Add, a, x),
                (false, true) => Op::Int(IntOp::Mul, a, x),
            };
            let n = this.emit(op, IrTy::of(&tt));
            this.emit_void(Op::Store(acc, n));
        });
        self.emit(Op::Load(acc), IrTy::of(t))
    }

    pub fn any_all(&mut self, is_any: bool, e: &'a Expr) -> V {
        let res = self.new_temp(IrTy::Bool);
        let init = self.cbool(!is_any);
        self.emit_void(Op::Store(res, init));
        let p = self.plan(e);
        let (head, bodyb, exit, done) = (self.new_block(), self.new_block(), self.new_block(), self.new_block());
        self.jump_to(head);
        let c = self.plan_cond(&p);
        self.branch(c, bodyb, exit);
        self.cur = bodyb;
        let (x, t) = self.plan_item(&p);
        let tv = self.truthy(x, &t);
        self.decref(x, &t);
        let (hit, next) = (self.new_block(), self.new_block());
        if is_any {
            self.branch(tv, hit, next);
        } else {
            self.branch(tv, next, hit);
        }
        self.cur = hit;
        let v = self.cbool(is_any);
        self.emit_void(Op::Store(res, v));
        self.term(Term::Jump(exit));
        self.cur = next;
        self.plan_advance(&p);
        self.term(Term::Jump(head));
        self.cur = exit;
        self.plan_release(&p);
        self.jump_to(done);
        self.emit(Op::Load(res), IrTy::Bool)
    }
}
