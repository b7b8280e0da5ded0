//! Starred call arguments. A display's items are spliced in place
//! (`f(*[a, b], c)` is `f(a, b, c)`); `zip(*rows)` of a value whose length
//! is only known at run time is the builtin `ZipRows` (its columns are
//! run-time-length tuples); a starred value beside other `zip` arguments
//! gets a diagnostic saying what to write.

use rustpython_parser::ast::{self, Ranged};

use super::*;

impl FnLower<'_> {
    /// `zip(*rows)` (the only argument, of no display) as a `ZipRows` call.
    pub(super) fn zip_rows(&mut self, c: &ast::ExprCall, sp: Span) -> Option<Expr> {
        let [ast::Expr::Starred(st)] = c.args.as_slice() else { return None };
        if !c.keywords.is_empty()
            || matches!(&*st.value, ast::Expr::List(_) | ast::Expr::Tuple(_))
            || !self.is_builtin_name(&c.func, "zip")
        {
            return None;
        }
        let rows = self.expr(&st.value);
        let f = self.mk(ExprKind::Builtin(Builtin::ZipRows), sp);
        Some(self.mk(ExprKind::Call { func: Box::new(f), args: vec![rows], kwargs: Vec::new() }, sp))
    }

    /// `c` with starred displays spliced, if it had any; `Err(())` after
    /// reporting a starred `zip` argument that cannot be spliced.
    pub(super) fn splice_starred(&mut self, c: &ast::ExprCall) -> Result<Option<ast::ExprCall>, ()> {
        let display = |e: &ast::Expr| match e {
            ast::Expr::Starred(st) => match &*st.value {
                ast::Expr::List(l) => Some(l.elts.clone()),
                ast::Expr::Tuple(t) => Some(t.elts.clone()),
                _ => None,
            },
            _ => None,
        };
        if !c.args.iter().any(|a| display(a).is_some()) {
            let zip = self.is_builtin_name(&c.func, "zip");
            if let Some(st) = c.args.iter().find(|a| matches!(a, ast::Expr::Starred(_))).filter(|_| zip) {
                self.diags.push(
                    Diagnostic::error(
                        self.sp(st.range()),
                        "zip() of a starred value and other arguments is not supported",
                    )
                    .label("rows of a run-time number, beside other iterables")
                    .help("zip the rows alone, `zip(*rows)`, or put every iterable in the list: `zip(*([a] + rows))`"),
                );
                return Err(());
            }
            return Ok(None);
        }
        let args = c.args.iter().flat_map(|a| display(a).unwrap_or_else(|| vec![a.clone()])).collect();
        Ok(Some(ast::ExprCall { range: c.range, func: c.func.clone(), args, keywords: c.keywords.clone() }))
    }
}
