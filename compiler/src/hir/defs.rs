//! Which values reach a local: how often each local is defined, and the
//! locals every definition of which has a property (a NumPy scalar, a
//! column vector, a one-row array), shared by inference and IR lowering.

use std::collections::{HashMap, HashSet};

use super::{visit, Expr, ExprKind, LocalId, Stmt, StmtKind, Target};

/// The locals whose every definition is a plain assignment of a value that
/// `is_np(value, set)` accepts (a NumPy scalar, a column vector), the set
/// being the locals found so far (the greatest such set, so
/// `x = a[0]; x = x * 2` is one).
pub fn locals_always(body: &[Stmt], is_np: &dyn Fn(&Expr, &HashSet<LocalId>) -> bool) -> HashSet<LocalId> {
    let mut defs: HashMap<LocalId, usize> = HashMap::new();
    count_defs(body, &mut defs);
    let mut values: HashMap<LocalId, Vec<&Expr>> = HashMap::new();
    visit::statements(body, &mut |s| {
        if let StmtKind::Assign(Target::Local(l, _), value) = &s.kind {
            values.entry(*l).or_default().push(value);
        }
    });
    values.retain(|l, vs| defs.get(l) == Some(&vs.len()));
    let mut set: HashSet<LocalId> = values.keys().copied().collect();
    loop {
        let next: HashSet<LocalId> = set.iter().copied().filter(|l| values[l].iter().all(|v| is_np(v, &set))).collect();
        if next.len() == set.len() {
            return set;
        }
        set = next;
    }
}

/// How many times each local is read in `b` (comprehensions and lambdas
/// included).
pub fn count_reads(b: &[Stmt]) -> HashMap<LocalId, usize> {
    let mut reads = HashMap::new();
    visit::block_exprs(b, &mut |e| {
        if let ExprKind::Local(l) = e.kind {
            *reads.entry(l).or_default() += 1;
        }
    });
    reads
}

/// Add to `defs` how many times each local of `b` is assigned (assignments,
/// loop targets, exception names).
pub fn count_defs(b: &[Stmt], defs: &mut HashMap<LocalId, usize>) {
    fn target(t: &Target, defs: &mut HashMap<LocalId, usize>) {
        match t {
            Target::Local(l, _) => *defs.entry(*l).or_default() += 1,
            Target::Tuple(ts, _) => ts.iter().for_each(|t| target(t, defs)),
            Target::Index(..) => {}
        }
    }
    for s in b {
        match &s.kind {
            StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..) => target(t, defs),
            StmtKind::For(t, _, a, c) => {
                target(t, defs);
                count_defs(a, defs);
                count_defs(c, defs);
            }
            StmtKind::If(_, a, c) | StmtKind::While(_, a, c) => {
                count_defs(a, defs);
                count_defs(c, defs);
            }
            StmtKind::Try { body, handlers, orelse, finally } => {
                count_defs(body, defs);
                for h in handlers {
                    if let Some(l) = h.name {
                        *defs.entry(l).or_default() += 1;
                    }
                    count_defs(&h.body, defs);
                }
                count_defs(orelse, defs);
                count_defs(finally, defs);
            }
            _ => {}
        }
    }
}
