//! Dict views held in variables stay live. In Python `ks = d.keys()` (or
//! `values()`/`items()`) is a view: inserts into `d` after it was taken
//! show in `list(ks)`, `len(ks)` and loops over `ks`. Views are list
//! snapshots here (`Ty::View`), so where the view is the variable's only
//! value and `d` is a local bound once outside any loop (or a parameter
//! never rebound), so that `d` names the same dict at every read of the
//! view, each read of the variable becomes `d.keys()` again: the view is
//! taken where it is used, as Python would read it there.

use std::collections::HashMap;

use super::{defs, visit, Expr, ExprKind, Func, LocalId, Stmt, StmtKind, Target};

/// Rewrites the reads of every held view of `func` that qualifies.
pub fn apply(func: &mut Func) {
    let mut counts = HashMap::new();
    defs::count_defs(&func.body, &mut counts);
    let params: Vec<LocalId> = func.params.iter().map(|p| p.local).collect();
    let mut outside_loops = HashMap::new();
    defs_outside_loops(&func.body, false, &mut outside_loops);
    // A dict that every read of its views sees the same: a parameter never
    // rebound, or a local bound once by a statement that runs once.
    let stable = |d: LocalId| match counts.get(&d).copied().unwrap_or(0) {
        0 => params.contains(&d),
        1 => !params.contains(&d) && outside_loops.get(&d) == Some(&1),
        _ => false,
    };
    let mut views: HashMap<LocalId, (LocalId, String)> = HashMap::new();
    visit::statements(&func.body, &mut |s| {
        let StmtKind::Assign(Target::Local(v, _), value) = &s.kind else { return };
        let ExprKind::MethodCall { recv, name, args, kwargs } = &value.kind else { return };
        let ExprKind::Local(d) = recv.kind else { return };
        let is_view = matches!(name.as_str(), "keys" | "values" | "items") && args.is_empty() && kwargs.is_empty();
        if is_view && *v != d && counts.get(v) == Some(&1) && stable(d) {
            views.insert(*v, (d, name.clone()));
        }
    });
    if views.is_empty() {
        return;
    }
    let mut next = func.num_exprs;
    let mut retake = |e: &mut Expr| {
        let ExprKind::Local(v) = e.kind else { return };
        let Some((d, name)) = views.get(&v) else { return };
        let recv = Expr { id: next, kind: ExprKind::Local(*d), span: e.span };
        next += 1;
        e.kind =
            ExprKind::MethodCall { recv: Box::new(recv), name: name.clone(), args: Vec::new(), kwargs: Vec::new() };
    };
    visit::block_exprs_mut(&mut func.body, &mut retake);
    func.num_exprs = next;
}

/// Counts, for each local, its definitions by statements of `b` outside
/// any loop body (`in_loop` says whether `b` itself is in one).
fn defs_outside_loops(b: &[Stmt], in_loop: bool, out: &mut HashMap<LocalId, usize>) {
    for s in b {
        let looping = in_loop || matches!(s.kind, StmtKind::While(..) | StmtKind::For(..));
        // Plain assignments only: the statement's nested blocks are counted
        // below, with their own loop depth.
        if !in_loop && matches!(s.kind, StmtKind::Assign(..) | StmtKind::AugAssign(..)) {
            defs::count_defs(std::slice::from_ref(s), out);
        }
        for sub in visit::sub_blocks(s) {
            defs_outside_loops(sub, looping, out);
        }
    }
}
