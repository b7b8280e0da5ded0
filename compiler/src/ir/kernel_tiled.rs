//! A `for` loop over a range whose body is one in-place update of an array
//! variable, `for c in range(d): dist += (X[:, c] - C[j, c]) ** 2`, as one
//! pass over the array instead of one per step: the array is cut into
//! blocks small enough to stay in cache and each block takes every step
//! in turn, so the array (and the matrix whose columns the steps read) is
//! streamed from memory once.
//!
//! Every element still receives the steps' updates in step order with the
//! same operations, so results are bit for bit those of the plain loop.
//! That needs the steps to be independent across elements: the updated
//! variable owns its array alone (`private_arrays.rs`) and the update reads
//! it nowhere, and every part of the value is pure (no user code, no
//! random numbers, no int powers with their deferred errors). What varies
//! with the loop variable is evaluated for every step before the pass, in
//! step order (scalars such as `C[j, c]`, column numbers of `X[:, c]`), so
//! collectives run on every rank alike; when a step raises, the steps
//! before it are applied and the exception then goes on as the loop would
//! have raised it.

use super::kernel::{is_elementwise, Kernel, Leaf, Read};
use super::lower::Lower;
use super::lower_range::RangeBounds;
use super::*;
use crate::hir::{BinOp, Block as HBlock, Builtin, Expr, ExprKind, LocalId, Module, StmtKind, Target, UnOp};
use crate::types::Dist;
use bodo_abi::layout::array as AL;

/// Elements per block: the block of the array and of a narrow matrix's
/// rows stay in L1 across the steps.
const TILE: i64 = 512;

/// What the loop variable changes in the updating value.
pub(super) enum Step<'a> {
    /// A scalar subexpression (`C[j, c]`), one value per step.
    Scalar(&'a Expr),
    /// `M[:, j]` of a matrix `M` the steps share, one column per step.
    Column { e: &'a Expr, col: &'a Expr },
}

/// A step-dependent part of the kernel with its table of per-step values.
pub(super) struct Tabled<'a> {
    step: Step<'a>,
    ty: Ty,
    data: V,
}

impl<'a> Lower<'a> {
    /// `for target in iter: body` as a tiled in-place update when it is
    /// one (see the module comment); false, with nothing emitted, otherwise.
    pub fn tiled_update(&mut self, target: &'a Target, iter: &'a Expr, body: &'a HBlock, orelse: &'a HBlock) -> bool {
        let (Target::Local(c, _), [stmt], true) = (target, body.as_slice(), orelse.is_empty()) else { return false };
        let StmtKind::AugAssign(Target::Local(a, _), op, value) = &stmt.kind else { return false };
        let at = self.local_ty(*a);
        let Ty::Array(el, nd, dist) = &at else { return false };
        let Ty::Array(rel, rnd, _) = self.binop_ty(*op, &at, &self.ty(value)) else { return false };
        let applies = iter.is_range_call() && self.prange.is_none() && *op != BinOp::MatMul;
        if !applies || rel != *el || rnd != *nd || !self.private.contains(a) || mentions(value, *a) {
            return false;
        }
        let mut steps = Vec::new();
        if !self.pure_value(value) || !self.step_parts(value, *c, *nd, &mut steps) || steps.is_empty() {
            return false;
        }
        let RangeBounds { start, stop, step, .. } = self.range_bounds(iter);
        let n = self.range_len(start, stop, step);
        self.set_line(stmt.span);
        let (run, done) = (self.new_block(), self.new_block());
        let z = self.cint(0);
        let any = self.emit(Op::ICmp(Cmp::Gt, n, z), IrTy::Bool);
        self.branch(any, run, done);
        self.cur = run;
        let dst = self.emit(Op::Load(*a), IrTy::Ptr);
        let mut k = Kernel::in_place(dst);
        self.prepare_tiled(&mut k, value, *c, *nd, *dist);
        self.align_inputs(&mut k, *dist);
        let tables = self.step_tables(&mut k, steps, n);
        let completed = self.new_temp(IrTy::Int);
        self.emit_void(Op::Store(completed, z));
        let landing = self.new_block();
        self.handlers.push(landing);
        self.fill_tables(&k, &tables, target, (start, step, n), completed);
        self.handlers.pop();
        let filled = self.new_block();
        self.jump_to(filled);
        self.cur = landing;
        self.jump_to(filled);
        let stash = self.new_stash();
        self.stash_pending(stash);
        let ns = self.emit(Op::Load(completed), IrTy::Int);
        let (some, after) = (self.new_block(), self.new_block());
        let any_done = self.emit(Op::ICmp(Cmp::Gt, ns, z), IrTy::Bool);
        self.branch(any_done, some, after);
        self.cur = some;
        self.tiled_pass(&mut k, (dst, &at), *op, value, &tables, ns);
        self.jump_to(after);
        self.release_kernel(&k);
        // An exception a step raised leaves from here.
        self.raise_stashed(stash);
        self.jump_to(done);
        true
    }

    /// A new owned hidden local for an exception taken aside (null).
    pub(super) fn new_stash(&mut self) -> u32 {
        let slot = self.new_owned_temp();
        // A previous run of this code may have left one here.
        let stale = self.emit(Op::Load(slot), IrTy::Ptr);
        self.emit_void(Op::DecRef(stale));
        let none = self.null();
        self.emit_void(Op::Store(slot, none));
        slot
    }

    /// Take the pending exception, if any, aside into `slot`: the code
    /// that runs before it is raised must not see it pending.
    pub(super) fn stash_pending(&mut self, slot: u32) {
        let e = self.emit(Op::Rt("bodo_err_fetch", vec![]), IrTy::Ptr);
        self.emit_void(Op::Store(slot, e));
    }

    /// Raise the exception taken aside into `slot`, if there is one.
    pub(super) fn raise_stashed(&mut self, slot: u32) {
        let e = self.emit(Op::Load(slot), IrTy::Ptr);
        let none = self.emit(Op::IsNull(e), IrTy::Bool);
        let (raise, done) = (self.new_block(), self.new_block());
        self.branch(none, done, raise);
        self.cur = raise;
        self.emit_void(Op::Rt("bodo_raise_exc", vec![e]));
        self.check();
        self.term(Term::Unreachable);
        self.cur = done;
    }

    /// A table of `n` values for each step-dependent part.
    pub(super) fn step_tables(&mut self, k: &mut Kernel, steps: Vec<Step<'a>>, n: V) -> Vec<Tabled<'a>> {
        steps
            .into_iter()
            .map(|step| {
                let ty = match step {
                    Step::Scalar(e) => self.ty(e),
                    Step::Column { .. } => Ty::Int,
                };
                let (_, data) = self.rep_buffer(k, &ty, n);
                Tabled { step, ty, data }
            })
            .collect()
    }

    /// Phase 1 for a value whose parts `step_parts` accepted: the parts
    /// the loop variable does not touch are prepared once, as for a plain
    /// update; a column that changes per step joins the loop with its matrix.
    pub(super) fn prepare_tiled(&mut self, k: &mut Kernel, e: &'a Expr, c: LocalId, parent_nd: u8, dist: Dist) {
        if !mentions(e, c) {
            self.prepare_operand(k, e, parent_nd, dist);
            return;
        }
        let Ty::Array(_, nd, _) = self.ty(e) else { return };
        match &e.kind {
            ExprKind::Index(m, _) => {
                let mt = self.ty(m);
                let v = self.expr(m);
                let v = self.convert_dist(v, &mt, &mt.with_dist(dist));
                let data = self.add_input(k, v, Read::Column);
                let ncols =
                    self.emit(Op::LoadField { ptr: v, of: Obj::Array, offset: AL::NCOLS, index: None }, IrTy::Int);
                // The column is set per step (`tiled_pass`).
                let col = self.cint(0);
                k.leaves.insert(e.id, Leaf::Col { arr: v, data, ncols, col });
            }
            ExprKind::Bin(_, x, y) => {
                self.prepare_tiled(k, x, c, nd, dist);
                self.prepare_tiled(k, y, c, nd, dist);
            }
            ExprKind::Compare(x, chain) => {
                self.prepare_tiled(k, x, c, nd, dist);
                self.prepare_tiled(k, &chain[0].1, c, nd, dist);
            }
            ExprKind::Unary(_, x) | ExprKind::MethodCall { recv: x, .. } => self.prepare_tiled(k, x, c, nd, dist),
            ExprKind::Call { args, .. } => args.iter().for_each(|x| self.prepare_tiled(k, x, c, nd, dist)),
            _ => {}
        }
    }

    /// Evaluate the step-dependent parts for every step, in step order,
    /// with the loop variable set as the loop sets it, counting the
    /// completed steps in `completed`: errors go to the caller's landing.
    pub(super) fn fill_tables(
        &mut self,
        k: &Kernel,
        tables: &[Tabled<'a>],
        target: &'a Target,
        (start, step, n): (V, V, V),
        completed: u32,
    ) {
        let (s, head, exit) = self.loop_begin(n);
        let sv = self.emit(Op::Load(s), IrTy::Int);
        let off = self.emit(Op::Int(IntOp::Mul, sv, step), IrTy::Int);
        let cv = self.emit(Op::Int(IntOp::Add, start, off), IrTy::Int);
        self.assign(target, cv, &Ty::Int);
        for t in tables {
            let v = match t.step {
                Step::Scalar(e) => self.expr(e),
                Step::Column { e, col } => {
                    let Some(Leaf::Col { arr, .. }) = k.leaves.get(&e.id).cloned() else { continue };
                    let j = self.int_value(col);
                    let v = self.emit(Op::Rt("bodo_arr_col_index", vec![arr, j]), IrTy::Int);
                    self.check();
                    v
                }
            };
            self.emit_void(Op::StoreElem { ptr: t.data, index: sv, value: v, elem: Elem::of(&t.ty) });
        }
        let one = self.cint(1);
        let next = self.emit(Op::Int(IntOp::Add, sv, one), IrTy::Int);
        self.emit_void(Op::Store(completed, next));
        self.loop_end(s, head, exit);
    }

    /// Step `s`'s values of the step-dependent parts become the kernel's leaves.
    pub(super) fn set_step_leaves(&mut self, k: &mut Kernel, tables: &[Tabled<'a>], s: V) {
        for t in tables {
            let v = self.emit(Op::LoadElem { ptr: t.data, index: s, elem: Elem::of(&t.ty) }, IrTy::of(&t.ty));
            let (id, leaf) = match t.step {
                Step::Scalar(e) => (e.id, Leaf::Scalar(v, t.ty.clone())),
                Step::Column { e, .. } => match k.leaves.get(&e.id).cloned() {
                    Some(Leaf::Col { arr, data, ncols, .. }) => (e.id, Leaf::Col { arr, data, ncols, col: v }),
                    _ => continue,
                },
            };
            k.leaves.insert(id, leaf);
        }
    }

    /// The update itself: per block of elements, steps `0..ns` in order,
    /// each over the block.
    fn tiled_pass(
        &mut self,
        k: &mut Kernel,
        (dst, dt): (V, &Ty),
        op: BinOp,
        value: &'a Expr,
        tables: &[Tabled<'a>],
        ns: V,
    ) {
        let Ty::Array(el, nd, dist) = dt else { return };
        let lay = self.layout(k, *dist);
        let data = self.emit(Op::LoadField { ptr: dst, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
        let elem = Elem::of(el);
        let (b, bhead, bexit, first, len) = self.blocks_begin(lay.count, TILE);
        let (s, shead, sexit) = self.loop_begin(ns);
        let sv = self.emit(Op::Load(s), IrTy::Int);
        self.set_step_leaves(k, tables, sv);
        let (r, head, exit) = self.loop_begin(len);
        let rv = self.emit(Op::Load(r), IrTy::Int);
        let i = self.emit(Op::Int(IntOp::Add, first, rv), IrTy::Int);
        let gi = self.global_row(i, &lay, *nd);
        let x = self.emit(Op::LoadElem { ptr: data, index: i, elem }, IrTy::of(el));
        let (y, ty) = self.elem(k, value, i, gi);
        let out = self.np_binop(op, x, el, y, &ty, el);
        self.emit_void(Op::StoreElem { ptr: data, index: i, value: out, elem });
        self.loop_end(r, head, exit);
        self.loop_end(s, shead, sexit);
        self.loop_end(b, bhead, bexit);
    }

    /// Collect the parts of `e` that change with loop variable `c`; false
    /// when one is not a scalar, a column `M[:, j]` of a 1D loop, or an
    /// elementwise node over such parts.
    pub(super) fn step_parts(&self, e: &'a Expr, c: LocalId, parent_nd: u8, out: &mut Vec<Step<'a>>) -> bool {
        if !mentions(e, c) {
            return true;
        }
        let Ty::Array(_, nd, _) = self.ty(e) else {
            let scalar = matches!(self.ty(e), Ty::Int | Ty::Float | Ty::Bool);
            out.push(Step::Scalar(e));
            return scalar;
        };
        // A vector broadcast along a 2D loop's rows is made whole before
        // the loop: it cannot change per step.
        if nd != parent_nd {
            return false;
        }
        match &e.kind {
            ExprKind::Index(m, idx) => match idx.full_slice_pair() {
                Some((0, col)) if parent_nd == 1 && !mentions(m, c) => {
                    out.push(Step::Column { e, col });
                    true
                }
                _ => false,
            },
            ExprKind::Bin(op, x, y) => {
                *op != BinOp::MatMul && self.step_parts(x, c, nd, out) && self.step_parts(y, c, nd, out)
            }
            ExprKind::Compare(x, chain) => {
                chain.len() == 1 && self.step_parts(x, c, nd, out) && self.step_parts(&chain[0].1, c, nd, out)
            }
            ExprKind::Unary(op, x) => *op != UnOp::Not && self.step_parts(x, c, nd, out),
            ExprKind::MethodCall { recv, name, args, .. } => {
                name == "astype" && !args.iter().any(|a| mentions(a, c)) && self.step_parts(recv, c, nd, out)
            }
            ExprKind::Call { func, args, kwargs } => {
                let elementwise = match &func.kind {
                    ExprKind::ModAttr(Module::Numpy, n) => is_elementwise(n),
                    ExprKind::Builtin(b) => *b == Builtin::Abs,
                    _ => false,
                };
                elementwise
                    && !kwargs.iter().any(|kw| mentions(&kw.value, c))
                    && args.iter().all(|a| self.step_parts(a, c, nd, out))
            }
            _ => false,
        }
    }

    /// Whether evaluating `e` has no effect but its value: no user code,
    /// methods that only read, no random numbers, no int array powers
    /// (whose errors a loop defers), no containers built.
    pub(super) fn pure_value(&self, e: &Expr) -> bool {
        let mut pure = true;
        crate::hir::visit::expr(e, &mut |x| {
            pure &= match &x.kind {
                ExprKind::Const(_)
                | ExprKind::Local(_)
                | ExprKind::Attr(..)
                | ExprKind::Unary(..)
                | ExprKind::Compare(..)
                | ExprKind::BoolOp(..)
                | ExprKind::IfExp(..)
                | ExprKind::Tuple(_)
                | ExprKind::Index(..)
                | ExprKind::Slice(..)
                | ExprKind::SliceBounds(..) => true,
                ExprKind::ModAttr(Module::Numpy, n) => !n.starts_with("random"),
                ExprKind::ModAttr(..) | ExprKind::Builtin(_) => true,
                ExprKind::Bin(op, ..) => !matches!((op, self.ty(x)), (BinOp::Pow, Ty::Array(el, ..)) if *el == Ty::Int),
                ExprKind::Call { func, .. } => match &func.kind {
                    ExprKind::ModAttr(..) => true,
                    ExprKind::Builtin(b) => matches!(
                        b,
                        Builtin::Len
                            | Builtin::Abs
                            | Builtin::Min
                            | Builtin::Max
                            | Builtin::Int
                            | Builtin::Float
                            | Builtin::Bool
                            | Builtin::Round
                            | Builtin::Pow
                            | Builtin::Range
                    ),
                    _ => false,
                },
                ExprKind::MethodCall { recv, name, .. } => {
                    matches!(self.ty(recv), Ty::Array(..))
                        && matches!(
                            name.as_str(),
                            "astype" | "sum" | "mean" | "std" | "var" | "min" | "max" | "prod" | "any" | "all"
                        )
                }
                _ => false,
            };
        });
        pure
    }
}

/// Whether `e` reads local `l`.
pub(super) fn mentions(e: &Expr, l: LocalId) -> bool {
    let mut found = false;
    crate::hir::visit::expr(e, &mut |x| found |= matches!(x.kind, ExprKind::Local(m) if m == l));
    found
}
