//! `for i in prange(...)`: a parallel loop. Each rank runs the iterations
//! whose global index falls in its part of the data: the part of the first
//! distributed array the body indexes with `i` (other such arrays are
//! realigned to it, rows past its end on the last rank, which also runs
//! the iterations past its end), or a block of the range when none is.
//! Inside the body `A[i]` on those arrays is a direct access to local
//! memory; the body is emitted twice, unchecked for the iterations every
//! array has rows for and checked (IndexError) for the rest. Reduction
//! variables (`s += x`, `p *= x`, `m = min(m, x)`, `lst.append(x)`,
//! `lst += [x]`) start from their identity on every rank and are combined
//! after the loop with one allreduce each; everything else assigned in
//! the body is private. A stepped loop (`prange(a, b, step)`) splits its
//! iteration numbers in blocks; the arrays it indexes are REP. What the
//! body prints is held on each rank and printed in rank order where the
//! loop ends: the order of the iterations.

use std::collections::HashMap;

use super::lower::{LoopCtx, Lower};
use super::*;
use crate::hir::reductions::{indexed_accumulations, reductions, Red};
use crate::hir::{BinOp, Block as HBlock, Expr, ExprKind, LocalId, Stmt, StmtKind, Target};
use crate::types::arrays::Mode;
use bodo_abi::layout::array as AL;

/// The prange loop being lowered: its index variable and, per local array
/// it indexes, the hidden local holding that array's global row offset.
pub struct PrangeCtx {
    pub var: LocalId,
    pub arrays: HashMap<LocalId, (V, u32)>,
    /// Whether accesses check the index against the local rows (the
    /// iterations past the end of the shortest indexed array).
    pub checked: bool,
}

/// Local arrays the body indexes with the loop variable (`A[i]`, `A[i, k]`, reads or writes).
fn indexed_by(body: &[Stmt], var: LocalId, out: &mut Vec<LocalId>) {
    let is_var = |e: &Expr| match &e.kind {
        ExprKind::Local(l) => *l == var,
        ExprKind::Tuple(items) => matches!(items.first().map(|x| &x.kind), Some(ExprKind::Local(l)) if *l == var),
        _ => false,
    };
    let note = |arr: &Expr, idx: &Expr, out: &mut Vec<LocalId>| {
        if let ExprKind::Local(a) = arr.kind {
            if is_var(idx) && !out.contains(&a) {
                out.push(a);
            }
        }
    };
    let mut found = Vec::new();
    crate::hir::visit::block_exprs(body, &mut |e| {
        if let ExprKind::Index(a, i) = &e.kind {
            note(a, i, &mut found);
        }
    });
    fn targets(b: &[Stmt], f: &mut dyn FnMut(&Expr, &Expr)) {
        for s in b {
            match &s.kind {
                StmtKind::Assign(Target::Index(a, i, _), _) | StmtKind::AugAssign(Target::Index(a, i, _), ..) => {
                    f(a, i)
                }
                StmtKind::If(_, x, y) | StmtKind::While(_, x, y) | StmtKind::For(_, _, x, y) => {
                    targets(x, f);
                    targets(y, f);
                }
                _ => {}
            }
        }
    }
    targets(body, &mut |a, i| note(a, i, &mut found));
    for a in found {
        if !out.contains(&a) {
            out.push(a);
        }
    }
}

/// Whether `body` calls `print` (not `bodo.parallel_print`, which prints on every rank).
fn prints(body: &[Stmt]) -> bool {
    let mut found = false;
    crate::hir::visit::block_exprs(body, &mut |e| {
        if let ExprKind::Call { func, .. } = &e.kind {
            found |= matches!(func.kind, ExprKind::Builtin(crate::hir::Builtin::Print));
        }
    });
    found
}

impl<'a> Lower<'a> {
    pub fn prange_stmt(&mut self, target: &'a Target, iter: &'a Expr, body: &'a HBlock) {
        let ExprKind::Call { args, .. } = &iter.kind else { return };
        let Target::Local(var, _) = target else { return };
        let parallel = self.array_mode == Mode::Parallel && self.prange.is_none();
        let mut bounds: Vec<V> = Vec::new();
        for a in args {
            let t = self.ty(a);
            let v = self.expr(a);
            bounds.push(self.coerce(v, &t, &Ty::Int));
        }
        let (start, stop) = match bounds.len() {
            1 => (self.cint(0), bounds[0]),
            _ => (bounds[0], bounds[1]),
        };
        let mut arrays = HashMap::new();
        // A stepped loop runs a block of its iteration numbers `j` on each
        // rank, `var = start + j * step`; its arrays are REP (inference).
        let stepped = bounds.get(2).map(|&step| {
            let z = self.cint(0);
            let bad = self.emit(Op::ICmp(Cmp::Eq, step, z), IrTy::Bool);
            self.raise_when(bad, bodo_abi::exc::VALUE_ERROR, "range() arg 3 must not be zero");
            (start, step)
        });
        let (lo, hi, safe_end) = if let Some((start, step)) = stepped {
            // len(range(start, stop, step)) = max(0, -((start - stop) // step))
            let z = self.cint(0);
            let w = self.emit(Op::Int(IntOp::Sub, start, stop), IrTy::Int);
            let q = self.emit(Op::Int(IntOp::NpFloorDiv, w, step), IrTy::Int);
            let n = self.emit(Op::Int(IntOp::Sub, z, q), IrTy::Int);
            let pos = self.emit(Op::ICmp(Cmp::Gt, n, z), IrTy::Bool);
            let n = self.emit(Op::Select(pos, n, z), IrTy::Int);
            if parallel {
                self.block_of(z, n)
            } else {
                (z, n, None)
            }
        } else if parallel {
            let mut idx = Vec::new();
            indexed_by(body, *var, &mut idx);
            idx.retain(|a| self.local_ty(*a).has_dist());
            if let Some(&lead) = idx.first() {
                let lv = self.emit(Op::Load(lead), IrTy::Ptr);
                for &o in &idx[1..] {
                    let ov = self.emit(Op::Load(o), IrTy::Ptr);
                    let nv = self.emit(Op::Rt("bodo_arr_align_rows", vec![ov, lv]), IrTy::Ptr);
                    self.check();
                    self.emit_void(Op::Store(o, nv));
                    self.emit_void(Op::DecRef(ov));
                }
                let off =
                    self.emit(Op::LoadField { ptr: lv, of: Obj::Array, offset: AL::OFFSET, index: None }, IrTy::Int);
                let len = self.emit(Op::LoadField { ptr: lv, of: Obj::Array, offset: AL::LEN, index: None }, IrTy::Int);
                // Every array holds the rows `off .. off + its length` of
                // the iterations this rank runs.
                let mut short = len;
                for &o in &idx[1..] {
                    let ov = self.emit(Op::Load(o), IrTy::Ptr);
                    let ol =
                        self.emit(Op::LoadField { ptr: ov, of: Obj::Array, offset: AL::LEN, index: None }, IrTy::Int);
                    let lt = self.emit(Op::ICmp(Cmp::Lt, ol, short), IrTy::Bool);
                    short = self.emit(Op::Select(lt, ol, short), IrTy::Int);
                }
                let safe_end = self.emit(Op::Int(IntOp::Add, off, short), IrTy::Int);
                let slot = self.new_temp(IrTy::Int);
                self.emit_void(Op::Store(slot, off));
                for &a in &idx {
                    arrays.insert(a, (lv, slot));
                }
                let end = self.emit(Op::Int(IntOp::Add, off, len), IrTy::Int);
                let gt = self.emit(Op::ICmp(Cmp::Gt, start, off), IrTy::Bool);
                let lo = self.emit(Op::Select(gt, start, off), IrTy::Int);
                // The last rank also runs the iterations past the lead's
                // rows (the other arrays' rows there are its own).
                let rank = self.emit(Op::Rt("bodo_get_rank", vec![]), IrTy::Int);
                let size = self.emit(Op::Rt("bodo_get_size", vec![]), IrTy::Int);
                let one = self.cint(1);
                let last = self.emit(Op::Int(IntOp::Sub, size, one), IrTy::Int);
                let is_last = self.emit(Op::ICmp(Cmp::Eq, rank, last), IrTy::Bool);
                let end = self.emit(Op::Select(is_last, stop, end), IrTy::Int);
                let lt = self.emit(Op::ICmp(Cmp::Lt, stop, end), IrTy::Bool);
                let hi = self.emit(Op::Select(lt, stop, end), IrTy::Int);
                (lo, hi, Some(safe_end))
            } else {
                let n = self.emit(Op::Int(IntOp::Sub, stop, start), IrTy::Int);
                let z = self.cint(0);
                let pos = self.emit(Op::ICmp(Cmp::Gt, n, z), IrTy::Bool);
                let n = self.emit(Op::Select(pos, n, z), IrTy::Int);
                self.block_of(start, n)
            }
        } else {
            (start, stop, None)
        };
        // Reductions: remember the value before the loop, start from the identity.
        let mut reds: Vec<(LocalId, Red)> = Vec::new();
        if parallel {
            // As inference sees them: a stepped loop's variable is no row position.
            let position = if stepped.is_some() { None } else { Some(*var) };
            let accumulated = indexed_accumulations(body, position)
                .into_iter()
                .filter(|&(l, ..)| matches!(self.local_ty(l), Ty::Array(..)))
                .map(|(l, r, _)| (l, r));
            for (l, r) in reductions(body, &|e| matches!(self.ty(e), Ty::List(_))).into_iter().chain(accumulated) {
                if !reds.iter().any(|(m, _)| *m == l) {
                    reds.push((l, r));
                }
            }
        }
        let mut saved = Vec::new();
        for &(l, r) in &reds {
            let t = self.local_ty(l);
            let it = IrTy::of(&t);
            let before = self.emit(Op::Load(l), it);
            let keep = self.new_temp(it);
            self.emit_void(Op::Store(keep, before));
            let frame = self.frame_labels_first(l);
            let ident = match (r, &t) {
                (Red::Min | Red::Max, _) => None,
                // A frame concatenated into: each rank's rows start from none.
                (Red::Concat, _) if frame.is_some() => {
                    let (first, d) = (self.cint(frame.unwrap_or_default()), self.desc(&t));
                    let v = self.emit(Op::Rt("bodo_frame_empty_like", vec![before, first, d]), IrTy::Ptr);
                    self.check();
                    Some(v)
                }
                // A replicated array of the variable's shape (inference allows sums and products).
                (_, Ty::Array(..)) => {
                    let op = self.cint(i64::from(r == Red::Prod));
                    let v = self.emit(Op::Rt("bodo_arr_identity_like", vec![before, op]), IrTy::Ptr);
                    self.check();
                    Some(v)
                }
                (Red::Concat, _) => {
                    let d = self.desc(&t);
                    let z = self.cint(0);
                    Some(self.emit(Op::Rt("bodo_list_new", vec![d, z]), IrTy::Ptr))
                }
                (Red::Prod, Ty::Float) => Some(self.emit(Op::Const(Const::Float(1.0)), IrTy::Float)),
                (Red::Prod, _) => Some(self.cint(1)),
                (Red::And, _) => Some(self.cbool(true)),
                (_, Ty::Bool) => Some(self.cbool(false)),
                (_, t) => self.zero(IrTy::of(t)),
            };
            if let Some(v) = ident {
                self.emit_void(Op::Store(l, v));
            }
            saved.push((l, r, keep, t));
        }
        // The lines a parallel body prints are held and printed in
        // iteration order where the loop ends.
        let prints = parallel && prints(body);
        if prints {
            self.emit_void(Op::Rt("bodo_prange_print_begin", vec![]));
        }
        // The loop itself: the iterations whose rows every indexed array
        // holds, then (an index past an array's end) the rest, checked.
        let outer = self.prange.take();
        let exit = self.new_block();
        // An exception escaping the body of a parallel loop first meets the
        // other ranks where the loop ends (see below).
        let raised = self.new_block();
        if parallel {
            self.handlers.push(raised);
        }
        match safe_end {
            Some(se) => {
                let lt = self.emit(Op::ICmp(Cmp::Lt, se, hi), IrTy::Bool);
                let mid = self.emit(Op::Select(lt, se, hi), IrTy::Int);
                self.prange = Some(PrangeCtx { var: *var, arrays: arrays.clone(), checked: false });
                self.range_loop(*var, (lo, mid), stepped, body, exit);
                let gt = self.emit(Op::ICmp(Cmp::Gt, mid, lo), IrTy::Bool);
                let lo2 = self.emit(Op::Select(gt, mid, lo), IrTy::Int);
                self.prange = Some(PrangeCtx { var: *var, arrays, checked: true });
                self.range_loop(*var, (lo2, hi), stepped, body, exit);
            }
            None => {
                if parallel {
                    self.prange = Some(PrangeCtx { var: *var, arrays, checked: false });
                }
                self.range_loop(*var, (lo, hi), stepped, body, exit);
            }
        }
        self.jump_to(exit);
        self.prange = outer;
        if parallel {
            // Every rank, done or raised, agrees on the first rank's
            // exception before going on, so all take the same path.
            self.handlers.pop();
            self.cur = raised;
            self.term(Term::Jump(exit));
            self.cur = exit;
            if prints {
                self.emit_void(Op::Rt("bodo_prange_print_end", vec![]));
            }
            self.emit_void(Op::Rt("bodo_prange_agree", vec![]));
            self.check();
        }
        // Combine each rank's partial result with the value from before the loop.
        for (l, r, keep, t) in saved {
            let it = IrTy::of(&t);
            let part = self.emit(Op::Load(l), it);
            let before = self.emit(Op::Load(keep), it);
            let dist = crate::types::Dist::OneD;
            let combined = match r {
                _ if matches!(t, Ty::Array(..)) => {
                    // Into the array from before the loop, in place.
                    let op = self.cint(i64::from(r == Red::Prod));
                    self.emit_void(Op::Rt("bodo_arr_fold_ranks", vec![before, part, op]));
                    self.check();
                    self.emit_void(Op::DecRef(part));
                    before
                }
                Red::Concat if self.frame_labels_first(l).is_some() => {
                    // The rows from before the loop, then every rank's in rank order.
                    let first = self.cint(self.frame_labels_first(l).unwrap_or_default());
                    let d = self.desc(&t);
                    let all = self.emit(Op::Rt("bodo_frame_concat_ranks", vec![before, part, first, d]), IrTy::Ptr);
                    self.check();
                    self.emit_void(Op::DecRef(part));
                    self.emit_void(Op::DecRef(before));
                    all
                }
                Red::Concat => {
                    let g = self.emit(Op::Rt("bodo_list_concat_gather", vec![part]), IrTy::Ptr);
                    self.check();
                    let all = self.binop_values(BinOp::Add, before, &t, g, &t, &t, iter.span);
                    self.emit_void(Op::DecRef(g));
                    self.emit_void(Op::DecRef(part));
                    self.emit_void(Op::DecRef(before));
                    all
                }
                Red::Min | Red::Max => {
                    let name = if r == Red::Min { "min" } else { "max" };
                    self.allreduce(part, &t, name, dist)
                }
                _ => {
                    let (name, op) = match r {
                        Red::Sum => ("sum", BinOp::Add),
                        Red::Prod => ("prod", BinOp::Mul),
                        Red::Or => ("any", BinOp::BitOr),
                        _ => ("all", BinOp::BitAnd),
                    };
                    let total = self.allreduce(part, &t, name, dist);
                    self.binop_values(op, before, &t, total, &t, &t, iter.span)
                }
            };
            self.emit_void(Op::Store(l, combined));
        }
    }

    /// This rank's block of the `n` iterations from `start`: `(lo, hi, None)`.
    fn block_of(&mut self, start: V, n: V) -> (V, V, Option<V>) {
        let bs = self.emit(Op::Rt("bodo_block_start", vec![n]), IrTy::Int);
        let bc = self.emit(Op::Rt("bodo_block_count", vec![n]), IrTy::Int);
        let lo = self.emit(Op::Int(IntOp::Add, start, bs), IrTy::Int);
        let hi = self.emit(Op::Int(IntOp::Add, lo, bc), IrTy::Int);
        (lo, hi, None)
    }

    /// `for j in range(lo, hi)` over `body` with `var = j`, or
    /// `var = start + j * step` for a stepped loop; `break` jumps to `brk`.
    fn range_loop(&mut self, var: LocalId, (lo, hi): (V, V), stepped: Option<(V, V)>, body: &'a HBlock, brk: B) {
        let cur = self.new_temp(IrTy::Int);
        self.emit_void(Op::Store(cur, lo));
        let (head, bodyb, latch, exit) = (self.new_block(), self.new_block(), self.new_block(), self.new_block());
        self.jump_to(head);
        let iv = self.emit(Op::Load(cur), IrTy::Int);
        let c = self.emit(Op::ICmp(Cmp::Lt, iv, hi), IrTy::Bool);
        self.branch(c, bodyb, exit);
        self.cur = bodyb;
        let mut iv = self.emit(Op::Load(cur), IrTy::Int);
        if let Some((start, step)) = stepped {
            let off = self.emit(Op::Int(IntOp::Mul, iv, step), IrTy::Int);
            iv = self.emit(Op::Int(IntOp::Add, start, off), IrTy::Int);
        }
        self.emit_void(Op::Store(var, iv));
        self.loops.push(LoopCtx { brk, cont: latch, finally_depth: self.finally.len() });
        self.block(body);
        self.loops.pop();
        self.jump_to(latch);
        let iv = self.emit(Op::Load(cur), IrTy::Int);
        let one = self.cint(1);
        let nx = self.emit(Op::Int(IntOp::Add, iv, one), IrTy::Int);
        self.emit_void(Op::Store(cur, nx));
        self.term(Term::Jump(head));
        self.cur = exit;
    }
}
