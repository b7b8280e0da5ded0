//! Receivers of whole-frame operations held in temporaries. The rewrite of
//! `df.dropna()`, `df.fillna(v)`, `df.isna()`, `df.round(k)`, a reduction or `describe()`
//! reads every column of its receiver, each read a copy of the receiver's
//! expression: `df[df.id > 10].dropna().fillna(-1.0)` copied the filter
//! into every column's mask and the mask into every column's fill, and
//! compiled for a minute. A receiver that is not a variable is computed
//! by a statement of its own into a temporary, which the operation reads
//! (rewritten in the next round, once the temporary is typed).
//!
//! Only receivers the statement always evaluates are moved (not inside a
//! conditional expression, `and`/`or`, a comprehension or a chained
//! comparison), and only those calling no user function, so that moving
//! them ahead of the rest of the statement changes no output.

use super::{Rewriter, Shape};
use crate::hir::build::BuildHir;
use crate::hir::{visit, Builtin, Expr, ExprKind, Module, Stmt, StmtKind, Target};

/// The operations whose rewrite reads every column of their receiver.
fn whole_frame(name: &str) -> bool {
    name == "describe" || super::stats::MISSING_OPS.contains(&name) || crate::types::PANDAS_REDUCTIONS.contains(&name)
}

impl Rewriter<'_> {
    /// Statements to run before `s`, computing the receivers of its
    /// whole-frame operations into temporaries that `s` now reads.
    pub(super) fn hoist_receivers(&mut self, s: &mut Stmt) -> Vec<Stmt> {
        let mut pre = Vec::new();
        match &mut s.kind {
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) => self.hoist_in(e, &mut pre),
            StmtKind::Assign(Target::Local(..), e) => self.hoist_in(e, &mut pre),
            _ => {}
        }
        pre
    }

    /// Walks the parts of `e` it always evaluates, in order.
    fn hoist_in(&mut self, e: &mut Expr, pre: &mut Vec<Stmt>) {
        match &mut e.kind {
            ExprKind::MethodCall { recv, name, args, kwargs } => {
                self.hoist_in(recv, pre);
                for a in args.iter_mut() {
                    self.hoist_in(a, pre);
                }
                for k in kwargs.iter_mut() {
                    self.hoist_in(&mut k.value, pre);
                }
                if whole_frame(name) {
                    self.hoist_frame(recv, pre);
                }
            }
            ExprKind::Call { func, args, kwargs } => {
                for a in args.iter_mut() {
                    self.hoist_in(a, pre);
                }
                for k in kwargs.iter_mut() {
                    self.hoist_in(&mut k.value, pre);
                }
                // `df.round(k)`, which HIR lowering made `np.round(df, k)`.
                let round = matches!(&func.kind, ExprKind::ModAttr(Module::Numpy, n) if n == "round" || n == "around");
                if let (true, Some(frame)) = (round, args.first_mut()) {
                    self.hoist_frame(frame, pre);
                }
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter_mut().for_each(|x| self.hoist_in(x, pre)),
            ExprKind::Bin(_, a, b) | ExprKind::Index(a, b) => {
                self.hoist_in(a, pre);
                self.hoist_in(b, pre);
            }
            ExprKind::Compare(a, chain) if chain.len() == 1 => {
                self.hoist_in(a, pre);
                self.hoist_in(&mut chain[0].1, pre);
            }
            ExprKind::Attr(a, _) | ExprKind::Unary(_, a) => self.hoist_in(a, pre),
            _ => {}
        }
    }
}

impl Rewriter<'_> {
    /// Moves `recv`, when it is a frame computed by an expression that may
    /// move, into a temporary a statement in `pre` computes.
    fn hoist_frame(&mut self, recv: &mut Expr, pre: &mut Vec<Stmt>) {
        let movable = matches!(self.shape(recv.id), Some(Shape::Frame(_)))
            && !matches!(recv.kind, ExprKind::Local(_))
            && calls_no_user_code(recv);
        if movable {
            let span = recv.span;
            let tmp = self.temp("frame", span);
            let read = self.local(tmp, span);
            self.shape_as(&read, recv.id);
            let value = std::mem::replace(recv, read);
            pre.push(Stmt { kind: StmtKind::Assign(Target::Local(tmp, span), value), span });
        }
    }
}

/// Whether `e` calls no function of the program and prints nothing: its
/// evaluation may move ahead of the rest of its statement.
fn calls_no_user_code(e: &Expr) -> bool {
    let mut ok = true;
    visit::expr(e, &mut |x| {
        if let ExprKind::Call { func, .. } = &x.kind {
            ok &= !matches!(func.kind, ExprKind::Func(_) | ExprKind::Builtin(Builtin::Print));
        }
        ok &= !matches!(x.kind, ExprKind::Comp { .. });
    });
    ok
}
