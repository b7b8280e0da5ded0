//! Inside a `prange` body, whose iterations differ between ranks, a
//! distributed array may only be read or written at the loop index, a
//! reduction variable is combined with one operator, and a local the body
//! assigns otherwise (private to each iteration) is not read after the loop.
//! Which expressions are collectives (`rank_flow.rs` keeps them out of
//! rank-dependent control flow).

use std::collections::HashSet;

use super::infer::Infer;
use super::ty::Ty;
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::visit;
use crate::hir::*;

impl Infer<'_> {
    /// A prange loop whose variable is `var`, a row position when the loop
    /// has no step (final reporting walk, after its body); not one inside
    /// another, which runs sequentially.
    pub fn check_prange(&mut self, var: Option<LocalId>, body: &[Stmt]) {
        self.check_prange_reductions(var, body);
        self.check_prange_body(var, body);
        if self.mode() == super::arrays::Mode::Parallel {
            self.check_prange_shared_updates(var, body);
            self.check_prange_exits(body);
        }
    }

    /// A `break` or `return` leaving a parallel loop early: each rank would
    /// stop at its own first such iteration (and a `return` would leave the
    /// others waiting where the loop ends), as Bodo does not support either.
    fn check_prange_exits(&mut self, body: &[Stmt]) {
        fn first_exit(b: &[Stmt], in_loop: bool) -> Option<(Span, &'static str)> {
            b.iter().find_map(|s| match &s.kind {
                StmtKind::Break if !in_loop => Some((s.span, "break")),
                StmtKind::Return(_) => Some((s.span, "return")),
                // A `break` there leaves the inner loop only.
                StmtKind::For(_, _, x, y) | StmtKind::While(_, x, y) => {
                    first_exit(x, true).or_else(|| first_exit(y, in_loop))
                }
                _ => visit::sub_blocks(s).into_iter().find_map(|sub| first_exit(sub, in_loop)),
            })
        }
        let Some((span, what)) = first_exit(body, false) else { return };
        self.error(
            Diagnostic::error(span, format!("'{what}' inside a prange loop"))
                .label("ranks run their iterations separately, so each would stop at its own first one")
                .help(
                    "use range() for a loop that stops early, or find the stopping position first \
                     (e.g. with np.argmax of a mask) and loop up to it",
                ),
        );
    }

    /// Ranks run different iterations of a parallel loop, each on its own
    /// copy of every replicated value: a replicated array, list, dict or
    /// set made before the loop and updated in place inside it (other than
    /// a distributed array at the loop index or a reduction's `append`)
    /// would end up different on every rank.
    fn check_prange_shared_updates(&mut self, var: Option<LocalId>, body: &[Stmt]) {
        let is_list = |e: &Expr| matches!(self.exprs.get(e.id as usize), Some(Ty::List(_)));
        let private = crate::hir::reductions::private_locals(body, &is_list);
        // Arrays accumulated into are reduced over ranks, not shared.
        let accumulated = self.array_accumulations(body, var);
        let concat: Vec<LocalId> = crate::hir::reductions::reductions(body, &is_list)
            .into_iter()
            .filter_map(|(l, r)| (r == crate::hir::reductions::Red::Concat).then_some(l))
            .collect();
        let shared = |e: &Expr| match e.kind {
            ExprKind::Local(l) if !private.iter().any(|(p, _)| *p == l) && !accumulated.iter().any(|a| a.0 == l) => {
                Some(l)
            }
            _ => None,
        };
        let mut found: Option<(LocalId, Span)> = None;
        visit::statements(body, &mut |s| {
            if let StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..) = &s.kind {
                index_targets(t, &mut |a, _, span| {
                    let rep = !matches!(self.exprs.get(a.id as usize), Some(Ty::Array(_, _, d)) if d.is_dist());
                    if let (None, Some(l), true) = (found, shared(a), rep) {
                        found = Some((l, span));
                    }
                });
            }
        });
        visit::block_exprs(body, &mut |e| {
            if let ExprKind::MethodCall { recv, name, .. } = &e.kind {
                let container =
                    matches!(self.exprs.get(recv.id as usize), Some(Ty::List(_) | Ty::Dict(..) | Ty::Set(_)));
                if let (None, Some(l), true) = (found, shared(recv), container && super::methods::mutates(name)) {
                    if !(name == "append" && concat.contains(&l)) {
                        found = Some((l, e.span));
                    }
                }
            }
        });
        let Some((l, span)) = found else { return };
        let func = self.insts[self.cur as usize].func;
        let name = self.prog.funcs[func as usize].locals[l as usize].name.clone();
        let d = Diagnostic::error(span, format!("'{name}' is updated in place inside a prange loop"))
            .label("each rank runs only its own iterations, so it would update only its own copy");
        // An array written at the loop index is replicated only because another use needs it whole.
        let d = match self.rep_uses.get(&(func, l)) {
            Some(why) => d.note(format!("'{name}' is replicated: {why}")).help(
                "compute it in a jit function of its own and pass it to the code that reads it: a distributed \
                 argument is gathered where it is needed whole",
            ),
            None => d.help(
                "write distributed arrays at the loop index (A[i] = ...), combine values with a reduction \
                 variable (s += ..., lst.append(...)), or accumulate into a NumPy array (counts[k] += 1)",
            ),
        };
        self.error(d);
    }

    /// A local a parallel loop's body assigns other than as a reduction is
    /// private to each iteration: after the loop each rank holds its own
    /// last iteration's value, so a read there would differ between ranks
    /// (and from the sequential program). Checks every outermost prange of
    /// the current (parallel) instance's body `b`, whose whole text is `all`.
    pub fn check_prange_private_reads(&mut self, b: &[Stmt], all: &[Stmt]) {
        for s in b {
            match &s.kind {
                StmtKind::For(_, it, body, _) if it.is_prange_call() => self.private_read_after(s.span.end, body, all),
                _ => visit::sub_blocks(s).into_iter().for_each(|sub| self.check_prange_private_reads(sub, all)),
            }
        }
    }

    fn private_read_after(&mut self, loop_end: u32, body: &[Stmt], all: &[Stmt]) {
        let private = crate::hir::reductions::private_locals(body, &|e| {
            matches!(self.exprs.get(e.id as usize), Some(Ty::List(_)))
        });
        let mut read = None;
        visit::block_exprs(all, &mut |e| match e.kind {
            ExprKind::Local(l) if read.is_none() && e.span.start >= loop_end => {
                read = private.iter().find(|(p, _)| *p == l).map(|&(_, at)| (l, e.span, at));
            }
            _ => {}
        });
        let Some((l, span, at)) = read else { return };
        let name = self.prog.funcs[self.insts[self.cur as usize].func as usize].locals[l as usize].name.clone();
        self.error(
            Diagnostic::error(span, format!("'{name}' is assigned inside a prange loop and read after it"))
                .label("each rank holds the value of its own last iteration here")
                .with_secondary(at, "assigned here, not as a reduction")
                .help(format!(
                    "combine it across iterations with a reduction ({name} += ..., {name} = max({name}, ...)), or compute it after the loop"
                )),
        );
    }

    /// Arrays a prange body over `var` reads at another index than `var`
    /// itself are needed whole on every rank: they become REP, as in Bodo.
    /// That covers lookup tables (`means[j]`, `table[idx[i]]`) and windows
    /// or neighbours (`x[i + k]`, `s[i - 1]`), whose rows may be another
    /// rank's, and arrays used whole (`base + i`). Writes at another index
    /// stay an error of `check_prange_body`.
    /// A stepped prange's variable (`var` is None) is no row position:
    /// every array it reads becomes REP.
    pub fn prange_lookup_arrays(&mut self, var: Option<LocalId>, body: &[Stmt]) {
        let mut found = Vec::new();
        // Distributed array variables in the body, and those read only for
        // their rows or size (`a[..]`, `a.shape`, `len(a)`); any other use
        // (`base + i`, `M[i, :] = base`) needs the whole array: REP too.
        // (Subscript targets are `a[..]` uses as well.)
        let (mut uses, mut partial) = (Vec::new(), HashSet::new());
        visit::block_exprs(body, &mut |e| match &e.kind {
            ExprKind::Local(l) if self.is_dist(e) => uses.push((e as *const Expr, *l)),
            ExprKind::Index(a, i) => {
                partial.insert(&**a as *const Expr);
                if let (ExprKind::Local(l), true) = (&a.kind, self.is_dist(a)) {
                    if !is_row_index(i, var) {
                        found.push(*l);
                    }
                }
            }
            ExprKind::Attr(a, _) => {
                partial.insert(&**a as *const Expr);
            }
            ExprKind::Call { func, args, .. } if matches!(func.kind, ExprKind::Builtin(Builtin::Len)) => {
                partial.extend(args.iter().map(|a| a as *const Expr));
            }
            _ => {}
        });
        visit::statements(body, &mut |s| {
            if let StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..) = &s.kind {
                index_targets(t, &mut |a, _, _| {
                    partial.insert(a as *const Expr);
                });
            }
        });
        found.extend(uses.into_iter().filter(|(e, _)| !partial.contains(e)).map(|(_, l)| l));
        // A lookup table passed as an argument (not promised distributed) is
        // gathered on entry, as Bodo broadcasts a REP argument.
        let (lookups, promised): (Vec<_>, Vec<_>) = found.into_iter().partition(|&l| !self.promised_distributed(l));
        for l in lookups {
            self.mark_rep(l, "array read inside prange at an index other than the loop variable");
        }
        for l in promised {
            self.require_rep(l, "array read inside prange at an index other than the loop variable");
        }
    }

    /// Whether local `l` is a parameter the `distributed=` (or
    /// `distributed_block=`) flag promises distributed.
    pub fn promised_distributed(&self, l: LocalId) -> bool {
        let f = &self.prog.funcs[self.insts[self.cur as usize].func as usize];
        f.params.iter().any(|p| {
            p.local == l
                && f.jit
                    .as_ref()
                    .is_some_and(|o| o.distributed.contains(&p.name) || o.distributed_block.contains(&p.name))
        })
    }

    /// A prange body over loop variable `var`: no collectives, and
    /// distributed arrays indexed only by `var` (local memory; never in a
    /// stepped loop, whose `var` is None).
    fn check_prange_body(&mut self, var: Option<LocalId>, body: &[Stmt]) {
        let is_var = |e: &Expr| is_row_index(e, var);
        // The span, and whether it is a `bodo` call (`bodo.barrier()`),
        // which involves no array of the loop.
        let mut found: Option<(Span, bool)> = None;
        visit::block_exprs(body, &mut |e| {
            if found.is_some() {
                return;
            }
            let bad = match &e.kind {
                ExprKind::Index(a, i) => self.is_dist(a) && !is_var(i),
                _ => self.is_collective(e),
            };
            if bad {
                let bodo_call = matches!(&e.kind, ExprKind::Call { func, .. }
                    if matches!(func.kind, ExprKind::ModAttr(Module::Bodo, _)));
                found = Some((e.span, bodo_call));
            }
        });
        // Writes too: `B[n - 1 - i] = x` may land in another rank's rows.
        visit::statements(body, &mut |s| {
            if let StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..) = &s.kind {
                index_targets(t, &mut |a, i, span| {
                    if found.is_none() && self.is_dist(a) && !is_var(i) {
                        found = Some((span, false));
                    }
                });
            }
        });
        let d = match found {
            None => return,
            Some((span, true)) => Diagnostic::error(span, "collective operation inside prange")
                .label("ranks run different iterations, so they would not all reach this together")
                .help("call it before or after the loop"),
            Some((span, false)) => Diagnostic::error(span, "distributed array accessed across ranks inside prange")
                .label("ranks run different iterations, so this cannot communicate")
                .help("index distributed arrays with the prange variable only (A[i]); compute other values before the loop"),
        };
        self.error(d);
    }

    /// Whether `e` is typed as a distributed array.
    pub(super) fn is_dist(&self, e: &Expr) -> bool {
        matches!(self.exprs.get(e.id as usize), Some(Ty::Array(_, _, d)) if d.is_dist())
    }

    /// A parallel loop outside any other: it ends with the ranks' agreement
    /// on exceptions and its reductions, collectives both.
    pub(super) fn is_parallel_loop(&self, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::Call { func, .. }
            if matches!(&func.kind, ExprKind::ModAttr(Module::Bodo, n) if n == "prange"))
            && self.mode() == super::arrays::Mode::Parallel
    }

    /// Operations that communicate when an operand is a distributed array,
    /// and the `bodo` calls that always do.
    pub(super) fn is_collective(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::MethodCall { recv, .. } => self.is_dist(recv),
            ExprKind::Call { func, args, .. } => {
                let dist_arg = args.iter().any(|a| self.is_dist(a));
                match &func.kind {
                    ExprKind::ModAttr(Module::Bodo, name)
                        if matches!(name.as_str(), "barrier" | "get_nodes_first_ranks") =>
                    {
                        true
                    }
                    ExprKind::ModAttr(Module::Bodo, name) if name == "rebalance" => !self.whole_arrays_jit(),
                    ExprKind::Builtin(Builtin::Print) | ExprKind::Func(_) | ExprKind::ModAttr(..) => dist_arg,
                    _ => false,
                }
            }
            // `v in a` combines every rank's answer.
            ExprKind::Compare(_, chain) => {
                chain.iter().any(|(op, r)| matches!(op, CmpOp::In | CmpOp::NotIn) && self.is_dist(r))
            }
            // A scalar read of a distributed array broadcasts from its owner.
            ExprKind::Index(a, _) => self.is_dist(a) && !matches!(self.exprs.get(e.id as usize), Some(Ty::Array(..))),
            _ => false,
        }
    }
}

/// Call `f` with the array, index and span of every subscript target in `t`.
pub(super) fn index_targets<'a>(t: &'a Target, f: &mut dyn FnMut(&'a Expr, &'a Expr, Span)) {
    match t {
        Target::Index(a, i, span) => f(a, i, *span),
        Target::Tuple(ts, _) => ts.iter().for_each(|t| index_targets(t, f)),
        Target::Local(..) => {}
    }
}

pub(super) use crate::hir::reductions::is_row_index;
