//! Rank-dependent code: locals computed from `bodo.get_rank()` and the
//! branches they guard. Inference uses this to reject collectives only some
//! ranks would reach; here it also decides which driver prints are meant
//! for the rank that runs them.
//!
//! In SPMD launch mode driver code runs on every rank, and a plain `print`
//! prints on rank 0 only so that a line the program prints once comes out
//! once. A `print` under a branch that tests the rank is different: the
//! program chose the rank (`if rank == size - 1: print(...)`), so it becomes
//! `bodo.parallel_print`, which prints on whichever rank runs it.
//!
//! In the default (spawn) launch mode driver code is one process, as Bodo's
//! is: every rank runs it in step, but it sees rank 0 of a world of one.

use std::collections::HashSet;

use super::visit;
use super::*;

/// In SPMD launch mode, turn the prints of driver code (functions without
/// `@bodo.jit`) under rank-dependent branches into `bodo.parallel_print`.
pub fn route_rank_guarded_prints(prog: &mut Program) {
    for f in prog.funcs.iter_mut().filter(|f| f.jit.is_none()) {
        let rank = rank_dependent_locals(&f.body);
        route_in(&mut f.body, &rank);
    }
}

fn route_in(b: &mut [Stmt], rank: &HashSet<LocalId>) {
    for s in b {
        match &mut s.kind {
            StmtKind::If(c, x, y) | StmtKind::While(c, x, y) if mentions_rank(c, rank) => {
                for blk in [x, y] {
                    visit::block_exprs_mut(blk, &mut |e| {
                        if let ExprKind::Call { func, .. } = &mut e.kind {
                            if matches!(func.kind, ExprKind::Builtin(Builtin::Print)) {
                                func.kind = ExprKind::ModAttr(Module::Bodo, "parallel_print".to_string());
                            }
                        }
                    });
                }
            }
            _ => visit::sub_blocks_mut(s).into_iter().for_each(|sub| route_in(sub, rank)),
        }
    }
}

/// In the default launch mode, make driver code (functions without
/// `@bodo.jit`) see itself as Bodo's single driver process: `get_rank()` is
/// 0, `get_size()` is 1 and `parallel_print` prints once, like `print`.
/// Every rank then takes the same branches there, so a branch on the rank
/// may hold collectives.
pub fn single_driver_process(prog: &mut Program) {
    for f in prog.funcs.iter_mut().filter(|f| f.jit.is_none()) {
        visit::block_exprs_mut(&mut f.body, &mut |e| {
            let ExprKind::Call { func, args, kwargs } = &mut e.kind else { return };
            let ExprKind::ModAttr(Module::Bodo, name) = &func.kind else { return };
            match name.as_str() {
                "get_rank" | "get_size" if args.is_empty() && kwargs.is_empty() => {
                    e.kind = ExprKind::Const(Const::Int(i64::from(name == "get_size")));
                }
                "parallel_print" => func.kind = ExprKind::Builtin(Builtin::Print),
                _ => {}
            }
        });
    }
}

/// Locals whose value depends on `bodo.get_rank()` (assigned from an
/// expression mentioning it or another such local), to a fixpoint.
pub fn rank_dependent_locals(body: &[Stmt]) -> HashSet<LocalId> {
    let mut assigns: Vec<(LocalId, &Expr)> = Vec::new();
    visit::statements(body, &mut |s| {
        if let StmtKind::Assign(Target::Local(l, _), v) | StmtKind::AugAssign(Target::Local(l, _), _, v) = &s.kind {
            assigns.push((*l, v));
        }
    });
    let mut rank = HashSet::new();
    loop {
        let before = rank.len();
        for (l, v) in &assigns {
            if mentions_rank(v, &rank) {
                rank.insert(*l);
            }
        }
        if rank.len() == before {
            return rank;
        }
    }
}

/// Whether `e` calls `bodo.get_rank()` or reads a rank-dependent local.
pub fn mentions_rank(e: &Expr, rank: &HashSet<LocalId>) -> bool {
    let mut hit = false;
    visit::expr(e, &mut |x| match &x.kind {
        ExprKind::ModAttr(Module::Bodo, n) if n == "get_rank" => hit = true,
        ExprKind::Local(l) if rank.contains(l) => hit = true,
        _ => {}
    });
    hit
}
