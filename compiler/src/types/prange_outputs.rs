//! Arrays a parallel loop writes at its index are its outputs, split over
//! the ranks like the loop's iterations.
//!
//! A stencil step reads a replicated grid at neighbour rows (which makes it
//! REP, see `prange_lookup_arrays`) and writes a copy of it:
//! `new = T.copy()`, then `new[i, j] = ...` inside `prange`. A replicated
//! `new` would have each rank update only its own copy; here it is made
//! distributed instead (each rank keeps its rows of the copy, no
//! communication), and stores of it to a replicated variable gather it.
//! Only local variables every assignment of which makes a new array (a
//! NumPy constructor or a copy) qualify: a distributed alias of a
//! replicated array would no longer share its memory, which NumPy code may
//! rely on. A later use needing the variable whole (`require_rep`) wins.

use super::arrays::{is_constructor_call, Mode};
use super::collectives::{index_targets, is_row_index};
use super::infer::Infer;
use super::ty::{Dist, Ty};
use crate::hir::*;
use crate::hir::{reductions, visit};

impl Infer<'_> {
    /// Mark the fresh local arrays a prange over `var` writes at row `var`
    /// (not yet distributed) as the loop's outputs: their stores are made
    /// distributed from the next round on.
    pub fn prange_output_arrays(&mut self, var: Option<LocalId>, body: &[Stmt]) {
        if var.is_none() || self.mode() != Mode::Parallel {
            return;
        }
        let func = self.insts[self.cur as usize].func;
        let mut written = Vec::new();
        visit::statements(body, &mut |s| {
            if let StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..) = &s.kind {
                index_targets(t, &mut |a, i, _| {
                    if let (ExprKind::Local(l), true, false) = (&a.kind, is_row_index(i, var), self.is_dist(a)) {
                        written.push(*l);
                    }
                });
            }
        });
        let f = &self.prog.funcs[func as usize];
        for l in written {
            let key = (func, l);
            let param = f.params.iter().any(|p| p.local == l);
            if param
                || self.rep_uses.contains_key(&key)
                || self.dist_outputs.contains(&key)
                || !always_fresh(&f.body, l)
            {
                continue;
            }
            self.dist_outputs.insert(key);
            // Stores only ever lower a variable's distribution, so the one
            // joined so far is raised here.
            if let Ty::Array(el, nd, Dist::Rep) = self.resolve_keep_vars(&self.locals[l as usize]) {
                self.locals[l as usize] = Ty::Array(el, nd, Dist::OneD);
            }
            self.changed = true;
        }
    }
}

/// Whether local `l` is assigned somewhere in `body` and every assignment
/// of it makes a new array: a NumPy constructor or a copy.
fn always_fresh(body: &[Stmt], l: LocalId) -> bool {
    let (mut any, mut fresh) = (false, true);
    visit::statements(body, &mut |s| match &s.kind {
        StmtKind::Assign(Target::Local(m, _), v) if *m == l => {
            any = true;
            fresh &= is_constructor_call(v) || is_copy(v);
        }
        StmtKind::Assign(t @ Target::Tuple(..), _) | StmtKind::For(t @ Target::Tuple(..), ..) => {
            let mut bound = Vec::new();
            reductions::assigned(t, &mut bound);
            fresh &= !bound.contains(&l);
        }
        StmtKind::For(Target::Local(m, _), ..) if *m == l => fresh = false,
        _ => {}
    });
    any && fresh
}

/// `x.copy()`, or `np.array(x)` (also what `np.copy(x)` is).
fn is_copy(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::MethodCall { name, args, .. } => name == "copy" && args.is_empty(),
        ExprKind::Call { func, .. } => matches!(&func.kind, ExprKind::ModAttr(Module::Numpy, n) if n == "array"),
        _ => false,
    }
}
