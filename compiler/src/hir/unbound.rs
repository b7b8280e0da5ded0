//! Definite assignment: the reads of a local that some path reaches before
//! any binding of it, where Python raises `UnboundLocalError` (`NameError`
//! in module code). `for i in range(n): w = i` then `return w` with `n == 0`
//! is one. Lowering checks a runtime flag at exactly these reads
//! (`ir/unbound_checks.rs`); every other read is proven bound here.
//!
//! The walk follows the structured control flow of the HIR with the set of
//! locals bound on every path so far. Where paths merge (after an `if`, a
//! loop, a `try`) the sets intersect; a path that leaves (return, raise,
//! break, continue) stops counting. A loop body starts from the state
//! before the loop, which every iteration has at least.

use std::collections::HashSet;

use super::{Block, ExprId, ExprKind, Func, LocalId, Stmt, StmtKind, Target};
use crate::diagnostics::Span;
use crate::hir::{visit, Const, Expr};

/// The reads that may find their local unbound.
#[derive(Debug, Default)]
pub struct MaybeUnbound {
    /// Reads `Local(l)`, by expression id.
    pub reads: HashSet<ExprId>,
    /// `l op= v` statements, by the span of their target `l`.
    pub updates: HashSet<Span>,
}

/// The locals bound on every path to a point; `None` where no path
/// arrives (after a return), which any merge ignores.
type State = Option<HashSet<LocalId>>;

/// The reads of `f` that may find their local unbound.
pub fn maybe_unbound(f: &Func) -> MaybeUnbound {
    let mut w = Walk { out: MaybeUnbound::default(), breaks: Vec::new() };
    let mut state = Some(f.params.iter().map(|p| p.local).collect());
    w.block(&f.body, &mut state);
    w.out
}

struct Walk {
    out: MaybeUnbound,
    /// The states at the `break`s of each enclosing loop, innermost last.
    breaks: Vec<State>,
}

/// The locals bound on both paths.
fn meet(a: State, b: State) -> State {
    match (a, b) {
        (None, s) | (s, None) => s,
        (Some(a), Some(b)) => Some(a.intersection(&b).copied().collect()),
    }
}

impl Walk {
    fn block(&mut self, b: &Block, state: &mut State) {
        for s in b {
            self.stmt(s, state);
        }
    }

    fn stmt(&mut self, s: &Stmt, state: &mut State) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e, state),
            StmtKind::Assign(t, v) => {
                self.expr(v, state);
                self.bind(t, state);
            }
            StmtKind::AugAssign(t, _, v) => {
                if let (Target::Local(l, span), Some(bound)) = (t, state.as_ref()) {
                    if !bound.contains(l) {
                        self.out.updates.insert(*span);
                    }
                }
                self.target_reads(t, state);
                self.expr(v, state);
                self.bind(t, state);
            }
            StmtKind::If(c, then, orelse) => {
                self.expr(c, state);
                let mut other = state.clone();
                self.block(then, state);
                self.block(orelse, &mut other);
                *state = meet(state.take(), other);
            }
            StmtKind::While(c, body, orelse) => {
                self.expr(c, state);
                let forever = matches!(c.kind, ExprKind::Const(Const::Bool(true)) | ExprKind::Const(Const::Int(1..)));
                self.looped(body, orelse, state, None, forever);
            }
            StmtKind::For(t, iter, body, orelse) => {
                self.expr(iter, state);
                self.looped(body, orelse, state, Some(t), false);
            }
            StmtKind::Break => {
                let here = state.take();
                if let Some(at) = self.breaks.last_mut() {
                    *at = meet(at.take(), here);
                }
            }
            StmtKind::Continue => *state = None,
            StmtKind::Return(e) | StmtKind::Raise(e) => {
                if let Some(e) = e {
                    self.expr(e, state);
                }
                *state = None;
            }
            StmtKind::Try { body, handlers, orelse, finally } => {
                let before = state.clone();
                self.block(body, state);
                self.block(orelse, state);
                for h in handlers {
                    // An exception may leave the body anywhere.
                    let mut entry = before.clone();
                    if let (Some(l), Some(bound)) = (h.name, entry.as_mut()) {
                        bound.insert(l);
                    }
                    self.block(&h.body, &mut entry);
                    *state = meet(state.take(), entry);
                }
                // `finally` runs on every path, the exceptional ones too:
                // its reads see what was bound before the `try`, and what
                // it binds adds to what the normal path had.
                let mut fin = before;
                self.block(finally, &mut fin);
                *state = match (state.take(), fin) {
                    (Some(s), Some(f)) => Some(s.union(&f).copied().collect()),
                    _ => None,
                };
            }
            StmtKind::Assert(c, msg) => {
                self.expr(c, state);
                if let Some(m) = msg {
                    self.expr(m, state);
                }
            }
            StmtKind::Pass => {}
        }
    }

    /// A loop's body (with its target bound each time round) and `else`.
    /// After it: the `else` path (the loop ran out, never for `while True`)
    /// met with every `break`.
    fn looped(&mut self, body: &Block, orelse: &Block, state: &mut State, target: Option<&Target>, forever: bool) {
        let mut inner = state.clone();
        if let Some(t) = target {
            self.bind(t, &mut inner);
        }
        self.breaks.push(None);
        self.block(body, &mut inner);
        let broke = self.breaks.pop().flatten();
        if forever {
            *state = broke;
        } else {
            self.block(orelse, state);
            *state = meet(state.take(), broke);
        }
    }

    fn bind(&mut self, t: &Target, state: &mut State) {
        match t {
            Target::Local(l, _) => {
                if let Some(bound) = state.as_mut() {
                    bound.insert(*l);
                }
            }
            Target::Tuple(items, _) => items.iter().for_each(|t| self.bind(t, state)),
            Target::Index(obj, idx, _) => {
                self.expr(obj, state);
                self.expr(idx, state);
            }
        }
    }

    /// The reads in an updated target (`a[i] += v` reads `a` and `i`).
    fn target_reads(&mut self, t: &Target, state: &State) {
        if let Target::Index(obj, idx, _) = t {
            self.expr(obj, state);
            self.expr(idx, state);
        }
    }

    /// Records the reads in `e` of locals not bound in `state`. Expressions
    /// bind nothing outside themselves: a comprehension's targets are its
    /// own, and bound wherever it reads them.
    fn expr(&mut self, e: &Expr, state: &State) {
        let Some(bound) = state else { return };
        let mut own = HashSet::new();
        visit::expr(e, &mut |x| {
            if let ExprKind::Comp { gens, .. } = &x.kind {
                for g in gens {
                    target_locals(&g.target, &mut own);
                }
            }
        });
        visit::expr(e, &mut |x| {
            if let ExprKind::Local(l) = x.kind {
                if !bound.contains(&l) && !own.contains(&l) {
                    self.out.reads.insert(x.id);
                }
            }
        });
    }
}

fn target_locals(t: &Target, out: &mut HashSet<LocalId>) {
    match t {
        Target::Local(l, _) => {
            out.insert(*l);
        }
        Target::Tuple(items, _) => items.iter().for_each(|t| target_locals(t, out)),
        Target::Index(..) => {}
    }
}
