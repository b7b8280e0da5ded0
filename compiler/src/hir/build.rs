//! Building HIR inside an existing function, for the rewrites that run
//! after lowering (loop unrolling, view writes): fresh expression ids,
//! compiler temporaries, and renumbered copies of expressions.

use super::*;

/// The expression and temporary makers of a rewrite over one function;
/// implementors only say which function they extend.
pub trait BuildHir {
    fn func(&mut self) -> &mut Func;

    /// An expression with a fresh id.
    fn expr(&mut self, kind: ExprKind, span: Span) -> Expr {
        let f = self.func();
        let id = f.num_exprs;
        f.num_exprs += 1;
        Expr { id, kind, span }
    }

    fn local(&mut self, l: LocalId, span: Span) -> Expr {
        self.expr(ExprKind::Local(l), span)
    }

    fn int(&mut self, v: i64, span: Span) -> Expr {
        self.expr(ExprKind::Const(Const::Int(v)), span)
    }

    /// A compiler temporary; `$` keeps it out of reports of user variables.
    fn temp(&mut self, what: &str, span: Span) -> LocalId {
        let f = self.func();
        f.locals.push(Local { name: format!("${what}"), span });
        (f.locals.len() - 1) as LocalId
    }

    /// Give every expression of `b` a fresh id (for a copy of a block).
    fn renumber(&mut self, b: &mut Block) {
        let next = &mut self.func().num_exprs;
        visit::block_exprs_mut(b, &mut |e| {
            e.id = *next;
            *next += 1;
        });
    }

    /// Replaces every statement of `b` by the statements `each` makes of it,
    /// the blocks inside a statement first (so a copied body is already
    /// rewritten).
    fn rewrite_stmts(&mut self, b: &mut Block, each: &mut dyn FnMut(&mut Self, Stmt) -> Vec<Stmt>)
    where
        Self: Sized,
    {
        for mut s in std::mem::take(b) {
            for sub in visit::sub_blocks_mut(&mut s) {
                self.rewrite_stmts(sub, each);
            }
            b.extend(each(self, s));
        }
    }

    /// A copy of `e` with fresh ids (an expression evaluated a second time).
    fn copy_expr(&mut self, e: &Expr) -> Expr {
        let mut c = e.clone();
        let next = &mut self.func().num_exprs;
        visit::expr_mut(&mut c, &mut |x| {
            x.id = *next;
            *next += 1;
        });
        c
    }
}
