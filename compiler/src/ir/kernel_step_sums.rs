//! Float sums and means that a loop over a range takes once per step of a
//! value the loop variable changes, `for c in range(d): C[j, c] =
//! np.sum(np.where(m, X[:, c], 0.0)) / cnt`, computed for every step in
//! one pass before the loop: blocks of rows (the leaves of NumPy's
//! pairwise order, in cache) are summed for each step in turn, so the
//! matrix is streamed once instead of once per step. The loop then runs
//! as written, reading step `s`'s result where it took the sum.
//!
//! Each step's sum keeps the order of the plain reduction (the same
//! leaves, accumulators and combination, then the same allreduce, or the
//! same gathered sum for small distributed data), so results are bit for
//! bit those of the loop. Sums are taken early only
//! when nothing in the loop can change what they read: their parts are
//! pure (`kernel_tiled.rs`), the loop assigns none of the variables they
//! read, writes into no array they could be reading (only arrays owned
//! alone, `private_arrays.rs`, or of another element type and rank), runs
//! no user code and leaves no step early (no `break`/`continue`). The sum
//! is reached at every step (it is not under a condition of its statement,
//! a statement of the loop body itself). An exception taking the sums
//! early is kept, and raised where the loop would have met it: when step
//! `s` reaches the sum that failed at `s`.

use std::collections::HashSet;

use super::kernel::Kernel;
use super::kernel_tiled::{mentions, Step, Tabled};
use super::lower::Lower;
use super::lower_range::RangeBounds;
use super::*;
use crate::hir::{visit, Block as HBlock, Expr, ExprId, ExprKind, LocalId, Module, StmtKind, Target};

/// A sum taken before the loop: its per-step results and how far they go.
#[derive(Clone, Copy)]
pub(super) struct StepSum {
    /// float64 data: step `s`'s result.
    results: V,
    /// Steps whose sum was taken; step `completed` raises `stash`.
    completed: u32,
    /// The exception (owned) that stopped the sums early, or null.
    stash: u32,
    /// The loop's current step (counted from 0 at the top of the body).
    step: u32,
}

/// A sum or mean the loop takes, with its input and step-dependent parts.
struct Candidate<'a> {
    e: &'a Expr,
    input: &'a Expr,
    mean: bool,
    steps: Vec<Step<'a>>,
}

impl<'a> Lower<'a> {
    /// `for target in iter: body` with its per-step sums taken first (see
    /// the module comment); false, with nothing emitted, when there are none.
    pub fn loop_with_step_sums(
        &mut self,
        target: &'a Target,
        iter: &'a Expr,
        body: &'a HBlock,
        orelse: &'a HBlock,
    ) -> bool {
        let Target::Local(c, _) = target else { return false };
        if !iter.is_range_call() || self.prange.is_some() || !self.pure_value(iter) {
            return false;
        }
        let mut cands = Vec::new();
        for s in body {
            if let StmtKind::Assign(_, v) | StmtKind::AugAssign(_, _, v) | StmtKind::Expr(v) | StmtKind::If(v, ..) =
                &s.kind
            {
                self.collect_step_sums(v, *c, &mut cands);
            }
        }
        if cands.is_empty() || !self.loop_keeps(body, *c, &cands) {
            return false;
        }
        let RangeBounds { start, stop, step, .. } = self.range_bounds(iter);
        let n = self.range_len(start, stop, step);
        let counter = self.new_temp(IrTy::Int);
        // The results live until the loop is done.
        let mut keep = Kernel::default();
        let sums: Vec<(ExprId, StepSum)> = cands
            .into_iter()
            .map(|cand| {
                let (_, results) = self.rep_buffer(&mut keep, &Ty::Float, n);
                (cand.e.id, self.take_step_sums(cand, target, (start, step, n), (results, counter)))
            })
            .collect();
        let first = self.cint(-1);
        self.emit_void(Op::Store(counter, first));
        self.step_sums.extend(sums.iter().copied());
        self.emit_loop(
            iter,
            target,
            &mut |l: &mut Self| {
                let s = l.emit(Op::Load(counter), IrTy::Int);
                let one = l.cint(1);
                let next = l.emit(Op::Int(IntOp::Add, s, one), IrTy::Int);
                l.emit_void(Op::Store(counter, next));
                l.block(body);
            },
            Some(orelse),
            &[],
        );
        for (id, _) in &sums {
            self.step_sums.remove(id);
        }
        self.release_kernel(&keep);
        true
    }

    /// The sums and means of `e` (outside conditional parts) over values
    /// that change with `c` only through scalars and columns.
    fn collect_step_sums(&self, e: &'a Expr, c: LocalId, out: &mut Vec<Candidate<'a>>) {
        let mut conditional: HashSet<ExprId> = HashSet::new();
        visit::expr(e, &mut |x| {
            let skipped: Vec<&Expr> = match &x.kind {
                ExprKind::IfExp(_, a, b) => vec![a, b],
                ExprKind::BoolOp(_, vs) => vs.iter().skip(1).collect(),
                ExprKind::Compare(_, chain) => chain.iter().skip(1).map(|(_, b)| b).collect(),
                ExprKind::Comp { .. } => vec![x],
                _ => Vec::new(),
            };
            for part in skipped {
                visit::expr(part, &mut |y| {
                    conditional.insert(y.id);
                });
            }
        });
        visit::expr(e, &mut |x| {
            let (input, name) = match &x.kind {
                ExprKind::Call { func, args, kwargs } if args.len() == 1 && kwargs.is_empty() => match &func.kind {
                    ExprKind::ModAttr(Module::Numpy, n) => (&args[0], n.as_str()),
                    _ => return,
                },
                ExprKind::MethodCall { recv, name, args, kwargs } if args.is_empty() && kwargs.is_empty() => {
                    (&**recv, name.as_str())
                }
                _ => return,
            };
            let float_vector = matches!(self.ty(input), Ty::Array(el, 1, _) if *el == Ty::Float);
            if !matches!(name, "sum" | "mean") || !float_vector || conditional.contains(&x.id) || !mentions(input, c) {
                return;
            }
            let mut steps = Vec::new();
            if self.pure_value(input) && self.step_parts(input, c, 1, &mut steps) {
                out.push(Candidate { e: x, input, mean: name == "mean", steps });
            }
        });
    }

    /// Whether running `body` leaves the candidates' inputs as they were.
    fn loop_keeps(&self, body: &'a HBlock, c: LocalId, cands: &[Candidate<'a>]) -> bool {
        let mut read: HashSet<LocalId> = HashSet::new();
        for cand in cands {
            visit::expr(cand.input, &mut |x| {
                if let ExprKind::Local(l) = x.kind {
                    read.insert(l);
                }
            });
        }
        read.remove(&c);
        let arrays: Vec<Ty> = read.iter().map(|&l| self.local_ty(l)).filter(|t| matches!(t, Ty::Array(..))).collect();
        // An array written may be one read when it is not owned alone and
        // has the element type and rank of one (the distribution aside).
        let may_be_read = |l: LocalId| {
            let Ty::Array(el, nd, _) = self.local_ty(l) else { return false };
            !self.private.contains(&l) && arrays.iter().any(|t| matches!(t, Ty::Array(e, n, _) if *e == el && *n == nd))
        };
        let mut keeps = true;
        visit::statements(body, &mut |s| {
            keeps &= match &s.kind {
                StmtKind::Break | StmtKind::Continue => false,
                StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..) | StmtKind::For(t, ..) => {
                    let mut ok = true;
                    let aug = matches!(s.kind, StmtKind::AugAssign(..));
                    target_writes(t, aug, &mut |l, in_place| {
                        ok &= l.is_some_and(|l| l != c && !read.contains(&l) && !(in_place && may_be_read(l)));
                    });
                    ok
                }
                _ => true,
            };
            visit::stmt_exprs(s, &mut |x| {
                keeps &= match &x.kind {
                    ExprKind::Call { func, .. } => !matches!(func.kind, ExprKind::Func(_)),
                    ExprKind::MethodCall { recv, .. } => !matches!(self.ty(recv), Ty::Array(..)) || self.pure_value(x),
                    ExprKind::Comp { gens, .. } => gens.iter().all(|g| {
                        let mut ok = true;
                        target_writes(&g.target, false, &mut |l, _| {
                            ok &= l.is_some_and(|l| !read.contains(&l) && l != c)
                        });
                        ok
                    }),
                    _ => true,
                };
            });
        });
        keeps
    }

    /// Take one candidate's sums for every step before the loop into
    /// `results`; `counter` is the loop's step.
    fn take_step_sums(
        &mut self,
        cand: Candidate<'a>,
        target: &'a Target,
        range: (V, V, V),
        (results, counter): (V, u32),
    ) -> StepSum {
        let (_, _, n) = range;
        let Ty::Array(_, _, dist) = self.ty(cand.input) else { unreachable!("a float vector") };
        let Target::Local(c, _) = target else { unreachable!("a local loop variable") };
        let completed = self.new_temp(IrTy::Int);
        let z = self.cint(0);
        self.emit_void(Op::Store(completed, z));
        let stash = self.new_stash();
        let mut k = Kernel::default();
        let (before, during, after) = (self.new_block(), self.new_block(), self.new_block());
        let (run, skip) = (self.new_block(), self.new_block());
        let any = self.emit(Op::ICmp(Cmp::Gt, n, z), IrTy::Bool);
        self.branch(any, run, skip);
        self.cur = run;
        // An error of the parts every step shares stops the sums at step 0.
        self.handlers.push(before);
        self.prepare_tiled(&mut k, cand.input, *c, 1, dist);
        self.align_inputs(&mut k, dist);
        let lay = self.layout(&k, dist);
        let tables = self.step_tables(&mut k, cand.steps, n);
        self.handlers.pop();
        self.handlers.push(during);
        self.fill_tables(&k, &tables, target, range, completed);
        self.handlers.pop();
        let sum = self.new_block();
        self.jump_to(sum);
        self.cur = during;
        self.jump_to(sum);
        self.stash_pending(stash);
        let ns = self.emit(Op::Load(completed), IrTy::Int);
        // Step `s`'s result: the total over all ranks, or the mean.
        let store = |l: &mut Self, s: V, total: V| {
            let v = if cand.mean {
                let count = l.total_count(&lay);
                l.emit(Op::Float(FloatOp::NpDiv, total, count), IrTy::Float)
            } else {
                total
            };
            l.emit_void(Op::StoreElem { ptr: results, index: s, value: v, elem: Elem::F64 });
        };
        let summed = self.new_block();
        if dist.is_dist() {
            // Small distributed sums are gathered and summed in NumPy's
            // order (`kernel_exact_sum.rs`), step by step, as the plain
            // reduction is.
            let small = self.gathers(&lay);
            let (gathered, split) = (self.new_block(), self.new_block());
            self.branch(small, gathered, split);
            self.cur = gathered;
            for_each_step(self, ns, |l, s| {
                l.set_step_leaves(&mut k, &tables, s);
                let total = l.gathered_sum(&mut k, cand.input, &lay, 1, None);
                store(l, s, total);
            });
            self.jump_to(summed);
            self.cur = split;
        }
        self.sum_steps(&mut k, cand.input, &lay, &tables, ns, results);
        for_each_step(self, ns, |l, s| {
            let at = l.emit(Op::LoadElem { ptr: results, index: s, elem: Elem::F64 }, IrTy::Float);
            let total = l.allreduce(at, &Ty::Float, "sum", dist);
            store(l, s, total);
        });
        self.jump_to(summed);
        self.cur = summed;
        self.release_kernel(&k);
        self.jump_to(after);
        self.cur = before;
        self.stash_pending(stash);
        self.jump_to(after);
        self.cur = skip;
        self.jump_to(after);
        StepSum { results, completed, stash, step: counter }
    }

    /// This rank's partial sums of `input` for steps `0..ns` into
    /// `results`, each in NumPy's pairwise order: leaf by leaf, every step
    /// summing the leaf while it is in cache.
    fn sum_steps(
        &mut self,
        k: &mut Kernel,
        input: &'a Expr,
        lay: &super::kernel::Layout,
        tables: &[Tabled<'a>],
        ns: V,
        results: V,
    ) {
        let eight = self.cint(8);
        let small = self.emit(Op::ICmp(Cmp::Lt, lay.count, eight), IrTy::Bool);
        let (seq, pairwise, done) = (self.new_block(), self.new_block(), self.new_block());
        self.branch(small, seq, pairwise);
        self.cur = seq;
        for_each_step(self, ns, |l, s| {
            l.set_step_leaves(k, tables, s);
            let v = l.running_sum(k, input, lay, 1, None);
            l.emit_void(Op::StoreElem { ptr: results, index: s, value: v, elem: Elem::F64 });
        });
        self.jump_to(done);
        self.cur = pairwise;
        let plan = self.emit(Op::Rt("bodo_pw_plan", vec![lay.count]), IrTy::Ptr);
        let z = self.cint(0);
        let leaves = self.emit(Op::LoadElem { ptr: plan, index: z, elem: Elem::I64 }, IrTy::Int);
        let cells = self.emit(Op::Int(IntOp::Mul, ns, leaves), IrTy::Int);
        // Released on this branch: the values it holds are made here.
        let mut scratch = Kernel::default();
        let (sums, sums_data) = self.rep_buffer(&mut scratch, &Ty::Float, cells);
        let (l, lhead, lexit) = self.loop_begin(leaves);
        let lv = self.emit(Op::Load(l), IrTy::Int);
        let bounds = self.plan_leaf(plan, lv);
        for_each_step(self, ns, |this, s| {
            this.set_step_leaves(k, tables, s);
            let v = this.leaf_sum(k, input, lay, 1, None, bounds);
            let row = this.emit(Op::Int(IntOp::Mul, s, leaves), IrTy::Int);
            let at = this.emit(Op::Int(IntOp::Add, row, lv), IrTy::Int);
            this.emit_void(Op::StoreElem { ptr: sums_data, index: at, value: v, elem: Elem::F64 });
        });
        self.loop_end(l, lhead, lexit);
        for_each_step(self, ns, |l, s| {
            let v = l.emit(Op::Rt("bodo_pw_total", vec![plan, sums, s]), IrTy::Float);
            l.emit_void(Op::StoreElem { ptr: results, index: s, value: v, elem: Elem::F64 });
        });
        self.emit_void(Op::Rt("bodo_pw_free", vec![plan]));
        self.release_kernel(&scratch);
        self.jump_to(done);
        self.cur = done;
    }

    /// The value of sum `e` taken before the loop: the current step's
    /// result, or the exception that step met.
    pub(super) fn step_sum_value(&mut self, h: StepSum) -> V {
        let s = self.emit(Op::Load(h.step), IrTy::Int);
        let ns = self.emit(Op::Load(h.completed), IrTy::Int);
        let failed = self.emit(Op::ICmp(Cmp::Ge, s, ns), IrTy::Bool);
        let (raise, ok) = (self.new_block(), self.new_block());
        self.branch(failed, raise, ok);
        self.cur = raise;
        self.raise_stashed(h.stash);
        self.jump_to(ok);
        self.cur = ok;
        self.emit(Op::LoadElem { ptr: h.results, index: s, elem: Elem::F64 }, IrTy::Float)
    }
}

/// `for s in 0..n: f(s)` in generated code.
fn for_each_step<'a>(l: &mut Lower<'a>, n: V, mut f: impl FnMut(&mut Lower<'a>, V)) {
    let (s, head, exit) = l.loop_begin(n);
    let sv = l.emit(Op::Load(s), IrTy::Int);
    f(l, sv);
    l.loop_end(s, head, exit);
}

/// Calls `f` with each local a target assigns, and whether it writes into
/// the local's value (`x[i] = v`; `x += v` when `in_place`) rather than
/// rebinding it; `None` for a write through anything but a local, which
/// may reach any array.
fn target_writes(t: &Target, in_place: bool, f: &mut dyn FnMut(Option<LocalId>, bool)) {
    match t {
        Target::Local(l, _) => f(Some(*l), in_place),
        Target::Tuple(ts, _) => ts.iter().for_each(|t| target_writes(t, in_place, f)),
        Target::Index(obj, ..) => match obj.kind {
            ExprKind::Local(l) => f(Some(l), true),
            _ => f(None, true),
        },
    }
}
