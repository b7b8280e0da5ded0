//! Sequential walks over distributed arrays. A plain `for` or `while` loop
//! that runs over a distributed array's positions (`for i in
//! range(len(x)): ... x[i]`, `while i < len(x): ... x[i]`) would fetch
//! each element from its owner with a collective per iteration (10 000
//! elements: 10 000 broadcasts). The arrays such a loop reads at a position
//! it advances become REP instead: gathered once, then read locally on
//! every rank, the same values in the same order.
//!
//! Only loops bounded by a distributed array's size qualify: a loop over a
//! few centroids reading `X[3 * j, c]` keeps `X` distributed (a handful of
//! broadcasts beat gathering it). An array promised distributed by the
//! `distributed=` flag keeps its promise; its walk stays per element.

use std::collections::HashSet;

use super::infer::Infer;
use crate::hir::*;
use crate::hir::{reductions, visit};

impl Infer<'_> {
    /// `for t in it: body` (not a prange): a walk when `it` is a range over
    /// a distributed array's size and `t` the position.
    pub fn for_walk_arrays(&mut self, t: &Target, it: &Expr, body: &[Stmt]) {
        if let Target::Local(var, _) = t {
            if it.is_range_call() && self.mentions_dist_size(it) {
                self.walk_reads(&HashSet::from([*var]), body);
            }
        }
    }

    /// `while cond: body`: a walk when `cond` compares with a distributed
    /// array's size; the positions are the locals the body assigns.
    pub fn while_walk_arrays(&mut self, cond: &Expr, body: &[Stmt]) {
        if !self.mentions_dist_size(cond) {
            return;
        }
        let mut advanced = Vec::new();
        visit::statements(body, &mut |s| {
            if let StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..) = &s.kind {
                reductions::assigned(t, &mut advanced);
            }
        });
        self.walk_reads(&advanced.into_iter().collect(), body);
    }

    /// Marks REP the distributed arrays `body` reads at an index that
    /// mentions one of `positions`.
    fn walk_reads(&mut self, positions: &HashSet<LocalId>, body: &[Stmt]) {
        let mut found = Vec::new();
        visit::block_exprs(body, &mut |e| {
            if let ExprKind::Index(a, i) = &e.kind {
                if let (ExprKind::Local(l), true) = (&a.kind, self.is_dist(a)) {
                    if mentions_any(i, positions) {
                        found.push(*l);
                    }
                }
            }
        });
        found.retain(|&l| !self.promised_distributed(l));
        for l in found {
            self.mark_rep(l, "array read element by element in a sequential loop over its length");
        }
    }

    /// Whether `e` uses the size of a distributed array (`len(x)`,
    /// `x.shape`, `x.size`).
    fn mentions_dist_size(&self, e: &Expr) -> bool {
        let mut hit = false;
        visit::expr(e, &mut |x| match &x.kind {
            ExprKind::Call { func, args, .. } if matches!(func.kind, ExprKind::Builtin(Builtin::Len)) => {
                hit |= args.iter().any(|a| self.is_dist(a));
            }
            ExprKind::Attr(a, name) if name == "shape" || name == "size" => hit |= self.is_dist(a),
            _ => {}
        });
        hit
    }
}

fn mentions_any(e: &Expr, locals: &HashSet<LocalId>) -> bool {
    let mut hit = false;
    visit::expr(e, &mut |x| {
        if let ExprKind::Local(l) = x.kind {
            hit |= locals.contains(&l);
        }
    });
    hit
}
