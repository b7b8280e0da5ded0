//! What a prange reduction variable may be: each rank's partial result is
//! combined with the others' once after the loop (`ir/prange.rs`), with
//! one operator, for the types that have such a combination: numbers,
//! lists and frames (concatenation) and int or float arrays (elementwise
//! `+=` / `*=`, `tot += X[i]`). A frame reduction variable is replicated
//! too: each rank concatenates its iterations' rows to an empty frame,
//! and after the loop every rank's rows follow the rows from before it. An array reduction variable is replicated: every rank
//! starts from its identity and the ranks' arrays are added up at the end.

use super::arrays::Mode;
use super::infer::Infer;
use super::ty::{py_name, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::reductions::{indexed_accumulations, reduction_updates, reductions, Red};
use crate::hir::*;

/// Why an array reduction variable is replicated, for the distribution report.
const ARRAY_REDUCTION: &str = "prange reduction variable (every rank's partial arrays are combined after the loop)";
/// Why a frame concatenated into inside prange is replicated.
pub(super) const FRAME_REDUCTION: &str =
    "prange concatenation reduction (each rank appends its iterations' rows, all ranks' rows follow after the loop)";
const ACCUMULATION: &str =
    "accumulated into inside prange at rows other than the loop's (every rank's partial arrays are combined after the loop)";

impl Infer<'_> {
    fn list_expr(&self, e: &Expr) -> bool {
        matches!(self.exprs.get(e.id as usize), Some(Ty::List(_)))
    }

    /// The arrays (not lists) a parallel loop over `var` accumulates into.
    pub(super) fn array_accumulations(&self, body: &[Stmt], var: Option<LocalId>) -> Vec<(LocalId, Red, Span)> {
        let mut found = indexed_accumulations(body, var);
        found.retain(|&(l, ..)| matches!(self.resolve_keep_vars(&self.locals[l as usize]), Ty::Array(..)));
        found
    }

    /// Make the array reduction variables of a parallel loop over `var`
    /// replicated, and the local arrays its `body` accumulates into at rows
    /// of its choosing.
    pub fn prange_array_reductions(&mut self, var: Option<LocalId>, body: &[Stmt]) {
        if self.mode() != Mode::Parallel {
            return;
        }
        for (l, _) in reductions(body, &|e| self.list_expr(e)) {
            match self.resolve_keep_vars(&self.locals[l as usize]) {
                Ty::Array(..) => self.mark_rep(l, ARRAY_REDUCTION),
                Ty::Frame(_) => self.mark_rep(l, FRAME_REDUCTION),
                _ => {}
            }
        }
        // Parameters are taken replicated (`param_dists`), unless promised distributed.
        let func = &self.prog.funcs[self.insts[self.cur as usize].func as usize];
        for (l, ..) in self.array_accumulations(body, var) {
            if !func.params.iter().any(|p| p.local == l) {
                self.mark_rep(l, ACCUMULATION);
            }
        }
    }

    /// A prange reduction variable must be combined with one operator, and
    /// be of a type that operator combines across ranks.
    pub(super) fn check_prange_reductions(&mut self, var: Option<LocalId>, body: &[Stmt]) {
        let mut reds = reduction_updates(body, &|e| self.list_expr(e));
        if self.mode() == Mode::Parallel {
            reds.extend(self.array_accumulations(body, var));
        }
        let func = self.insts[self.cur as usize].func as usize;
        for (i, &(l, r, span)) in reds.iter().enumerate() {
            let name = self.prog.funcs[func].locals[l as usize].name.clone();
            if let Some(&(_, first, first_span)) = reds[..i].iter().find(|(m, q, _)| *m == l && *q != r) {
                self.error(
                    Diagnostic::error(
                        span,
                        format!(
                            "prange reduction variable '{name}' is updated with both {} and {}",
                            first.text(),
                            r.text()
                        ),
                    )
                    .label(format!("{} here", r.text()))
                    .with_secondary(first_span, format!("{} here", first.text()))
                    .help("reduce each variable with one operator; use a second variable for the other"),
                );
                return;
            }
            let t = self.resolve(&self.locals[l as usize]);
            let combines = match (&t, r) {
                (Ty::Int | Ty::Float | Ty::Bool, _) | (Ty::List(_), Red::Concat) => true,
                (Ty::Frame(f), Red::Concat) => f.group.is_none(),
                (Ty::Array(el, ..), Red::Sum | Red::Prod) => matches!(**el, Ty::Int | Ty::Float),
                _ => false,
            };
            if !combines && self.mode() == Mode::Parallel {
                self.error(
                    Diagnostic::error(
                        span,
                        format!("prange reduction of {} '{name}' with {} is not supported", py_name(&t), r.text()),
                    )
                    .label("each rank's partial value would have to be combined after the loop")
                    .help(
                        "reduce numbers (+=, *=, min(), max()), int or float arrays (+=, *=) or lists (.append()); \
                         collect other values in a list and combine them after the loop",
                    ),
                );
                return;
            }
        }
        // (Arrays accumulated into are never read in the body, by their definition.)
        if self.mode() == Mode::Parallel {
            let updates = reduction_updates(body, &|e| self.list_expr(e));
            self.check_reduction_reads(body, &updates);
        }
    }

    /// A reduction variable read inside the loop other than by its own
    /// updates (`s += x; if s > 10: ...`): each rank sees only the partial
    /// value of its own iterations there, so the result would depend on the
    /// number of ranks.
    fn check_reduction_reads(&mut self, body: &[Stmt], reds: &[(LocalId, Red, Span)]) {
        let Some((l, read, update)) = first_partial_read(body, reds) else { return };
        let func = self.insts[self.cur as usize].func as usize;
        let name = self.prog.funcs[func].locals[l as usize].name.clone();
        self.error(
            Diagnostic::error(read, format!("prange reduction variable '{name}' is read inside the loop"))
                .label("each rank sees only the partial value of its own iterations here")
                .with_secondary(update, "reduced here")
                .help("use the reduced value after the loop, or compute what the loop needs from other values"),
        );
    }
}

/// The first read of a reduction variable in `b` outside its own update
/// statements: the variable, the read and one of its updates.
fn first_partial_read(b: &[Stmt], reds: &[(LocalId, Red, Span)]) -> Option<(LocalId, Span, Span)> {
    for s in b {
        let mut found = None;
        let mut check = |e: &Expr| {
            if let ExprKind::Local(l) = e.kind {
                let own_update = reds.iter().any(|r| r.0 == l && r.2 == s.span);
                match reds.iter().find(|r| r.0 == l) {
                    Some(r) if found.is_none() && !own_update => found = Some((l, e.span, r.2)),
                    _ => {}
                }
            }
        };
        // A compound statement's own expressions here, its blocks below.
        match &s.kind {
            StmtKind::If(c, ..) | StmtKind::While(c, ..) => visit::expr(c, &mut check),
            StmtKind::For(_, it, ..) => visit::expr(it, &mut check),
            StmtKind::Try { .. } => {}
            _ => visit::stmt_exprs(s, &mut check),
        }
        if found.is_some() {
            return found;
        }
        if let Some(f) = visit::sub_blocks(s).into_iter().find_map(|sub| first_partial_read(sub, reds)) {
            return Some(f);
        }
    }
    None
}
