//! Collectives under rank-dependent control flow: in SPMD code every rank
//! must reach every collective operation (a reduction, a print or scalar
//! read of a distributed array, a jit call taking one, a parallel loop),
//! or the ranks that did wait forever. Code only some ranks run may not
//! contain one; this is a compile-time error, as in Bodo. Such code is a
//! branch or loop whose condition or range depends on `bodo.get_rank()`
//! (directly or through locals assigned from it), what follows a `return`,
//! `break` or `continue` there, an arm of a conditional expression or
//! `and`/`or` on the rank, a `try` whose body raises on some ranks only,
//! and a function called inside a prange body or a branch on the rank (a
//! sequential instance) for `bodo.barrier()`.

use std::collections::HashSet;

use super::infer::Infer;
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::rank::{mentions_rank, rank_dependent_locals};
use crate::hir::visit;
use crate::hir::*;

impl Infer<'_> {
    /// Check the current instance's body (final reporting walk only).
    pub fn check_rank_dependent_collectives(&mut self, body: &[Stmt]) {
        let rank = rank_dependent_locals(body);
        self.scan_branches(body, &Around::default(), &rank);
        self.scan_rank_conditional_exprs(body, &rank);
    }

    fn scan_branches(&mut self, b: &[Stmt], around: &Around, rank: &HashSet<LocalId>) {
        for (k, s) in b.iter().enumerate() {
            let inside = around.within(&b[k + 1..]);
            let (cause, why, x, y): (Span, &str, &[Stmt], &[Stmt]) = match &s.kind {
                StmtKind::If(c, x, y) | StmtKind::While(c, x, y) if mentions_rank(c, rank) => {
                    (c.span, "only some ranks take this branch", x, y)
                }
                // `for i in range(bodo.get_rank())`: ranks run different numbers of iterations.
                StmtKind::For(_, it, x, y) if mentions_rank(it, rank) => {
                    (it.span, "ranks loop a different number of times", x, y)
                }
                // An exception raised on some ranks only and caught: those
                // ranks leave the `try` body early and run the handler alone.
                StmtKind::Try { body, handlers, orelse, .. } if rank_raise(body, rank).is_some() => {
                    let mut blocks: Vec<&[Stmt]> = vec![body, orelse];
                    blocks.extend(handlers.iter().map(|h| &h.body[..]));
                    let raise = rank_raise(body, rank).unwrap_or(s.span);
                    let found = self.first_collective(&blocks);
                    self.report_collective(found, raise, "raised on some ranks only, then caught by this `try`");
                    continue;
                }
                StmtKind::For(_, _, x, y) | StmtKind::While(_, x, y) => {
                    let inner =
                        Around { outer_loop: around.outer_loop.or(Some(x)), inner_loop: Some(x), ..inside.clone() };
                    self.scan_branches(x, &inner, rank);
                    self.scan_branches(y, &inside, rank);
                    continue;
                }
                _ => {
                    visit::sub_blocks(s).into_iter().for_each(|sub| self.scan_branches(sub, &inside, rank));
                    continue;
                }
            };
            let found = self.first_collective(&[x, y]);
            self.report_collective(found, cause, why);
            // Ranks that leave early skip the rest: of the function after a
            // `return` (and the later iterations of every loop around it),
            // of the loop's iterations after a `break` or `continue` (in a
            // loop on the rank, those leave that loop itself).
            if let Some(ret) = first_exit(&[x, y], true) {
                let found = self
                    .first_collective(&inside.after)
                    .or_else(|| around.outer_loop.and_then(|l| self.first_collective(&[l])));
                self.report_collective(found, ret, "some ranks return here, the others go on");
            } else if let (StmtKind::If(..), Some(exit), Some(l)) =
                (&s.kind, first_exit(&[x, y], false), around.inner_loop)
            {
                let found = self.first_collective(&[l]);
                self.report_collective(found, exit, "some ranks leave this iteration here, the others go on");
            }
        }
    }

    /// `a if <rank> else b`, `<rank> and a`, `<rank> or a`: only some ranks
    /// evaluate `a` (and `b`).
    fn scan_rank_conditional_exprs(&mut self, body: &[Stmt], rank: &HashSet<LocalId>) {
        let mut arms: Vec<(Span, &Expr)> = Vec::new();
        visit::block_exprs(body, &mut |e| match &e.kind {
            ExprKind::IfExp(c, a, b) if mentions_rank(c, rank) => arms.extend([(c.span, &**a), (c.span, &**b)]),
            ExprKind::BoolOp(_, xs) => {
                if let Some(k) = xs.iter().position(|x| mentions_rank(x, rank)) {
                    arms.extend(xs[k + 1..].iter().map(|x| (xs[k].span, x)));
                }
            }
            _ => {}
        });
        for (cause, arm) in arms {
            let mut found = None;
            visit::expr(arm, &mut |e| {
                if found.is_none() && self.communicates(e) {
                    found = Some(e.span);
                }
            });
            if found.is_some() {
                self.report_collective(found, cause, "decides on each rank whether the operand beside it is evaluated");
                return;
            }
        }
    }

    /// The first collective inside `blocks`.
    fn first_collective(&self, blocks: &[&[Stmt]]) -> Option<Span> {
        let mut found = None;
        for b in blocks {
            visit::block_exprs(b, &mut |e| {
                if found.is_none() && self.communicates(e) {
                    found = Some(e.span);
                }
            });
        }
        found
    }

    /// A collective operation or a parallel loop (which ends with one).
    fn communicates(&self, e: &Expr) -> bool {
        self.is_collective(e) || self.is_parallel_loop(e)
    }

    /// Report the collective at `found`, which only some ranks run because
    /// of what `why` (at `cause`) says.
    fn report_collective(&mut self, found: Option<Span>, cause: Span, why: &str) {
        if let Some(span) = found {
            self.error(
                Diagnostic::error(span, "collective operation under rank-dependent control flow")
                    .label("every rank must run this")
                    .with_secondary(cause, why)
                    .help("compute the value on every rank before the branch, then use it inside"),
            );
        }
    }

    /// `bodo.barrier()` / `bodo.get_nodes_first_ranks()` in a sequential
    /// instance (a function called inside a prange body or a branch on the
    /// rank): only the ranks running that call would reach it.
    pub fn forbid_sequential_collective(&mut self, e: &Expr, name: &str) {
        if !self.insts[self.cur as usize].sequential {
            return;
        }
        self.error(
            Diagnostic::error(e.span, format!("bodo.{name}() in a function called where ranks run different code"))
                .label("only the ranks running this call reach it; the others would wait forever")
                .help("call it outside the prange loop or rank-dependent branch that calls this function"),
        );
    }
}

/// What runs after a statement being scanned: the rest of each block
/// around it, innermost first, and the bodies of the loops around it.
#[derive(Clone, Default)]
struct Around<'a> {
    after: Vec<&'a [Stmt]>,
    outer_loop: Option<&'a [Stmt]>,
    inner_loop: Option<&'a [Stmt]>,
}

impl<'a> Around<'a> {
    /// The context of a statement nested in one followed by `rest`.
    fn within(&self, rest: &'a [Stmt]) -> Around<'a> {
        let mut after = vec![rest];
        after.extend(&self.after);
        Around { after, ..*self }
    }
}

/// The first `return` in `blocks` (`ret`), or else the first `break` or
/// `continue` leaving the loop around them (not one inside a loop of their own).
fn first_exit(blocks: &[&[Stmt]], ret: bool) -> Option<Span> {
    fn walk(b: &[Stmt], ret: bool, in_loop: bool) -> Option<Span> {
        b.iter().find_map(|s| match &s.kind {
            StmtKind::Return(_) if ret => Some(s.span),
            StmtKind::Break | StmtKind::Continue if !ret && !in_loop => Some(s.span),
            StmtKind::For(_, _, x, y) | StmtKind::While(_, x, y) => {
                walk(x, ret, true).or_else(|| walk(y, ret, in_loop))
            }
            _ => visit::sub_blocks(s).into_iter().find_map(|sub| walk(sub, ret, in_loop)),
        })
    }
    blocks.iter().find_map(|b| walk(b, ret, false))
}

/// The first `raise` (or `assert`) in `b` that only some ranks can reach:
/// under a branch or loop on the rank, or an assertion about the rank.
fn rank_raise(b: &[Stmt], rank: &HashSet<LocalId>) -> Option<Span> {
    b.iter().find_map(|s| match &s.kind {
        StmtKind::Assert(c, _) if mentions_rank(c, rank) => Some(s.span),
        StmtKind::If(c, x, y) | StmtKind::While(c, x, y) if mentions_rank(c, rank) => {
            any_raise(x).or_else(|| any_raise(y))
        }
        StmtKind::For(_, it, x, y) if mentions_rank(it, rank) => any_raise(x).or_else(|| any_raise(y)),
        _ => visit::sub_blocks(s).into_iter().find_map(|sub| rank_raise(sub, rank)),
    })
}

/// The first `raise` or `assert` statement in `b`.
fn any_raise(b: &[Stmt]) -> Option<Span> {
    let mut found = None;
    visit::statements(b, &mut |s| {
        if found.is_none() && matches!(s.kind, StmtKind::Raise(_) | StmtKind::Assert(..)) {
            found = Some(s.span);
        }
    });
    found
}
