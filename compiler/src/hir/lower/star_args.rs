//! Starred call arguments. A display's items are spliced in place
//! (`f(*[a, b], c)` is `f(a, b, c)`); `zip(*rows)` of a value whose length
//! is only known at run time would give tuples of unknown length, which
//! no static type describes, so it gets a diagnostic saying what to write.

use rustpython_parser::ast::{self, Ranged};

use super::*;

impl FnLower<'_> {
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
            let zip = matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "zip")
                && self.lookup_local("zip").is_none()
                && !self.ctx.globals.contains_key("zip");
            if let Some(st) = c.args.iter().find(|a| matches!(a, ast::Expr::Starred(_))).filter(|_| zip) {
                self.diags.push(
                    Diagnostic::error(self.sp(st.range()), "zip(*rows) of a list is not supported")
                        .label("the number of rows, so the length of each tuple, is not known at compile time")
                        .help("transpose with a comprehension: [[r[i] for r in rows] for i in range(len(rows[0]))]"),
                );
                return Err(());
            }
            return Ok(None);
        }
        let args = c.args.iter().flat_map(|a| display(a).unwrap_or_else(|| vec![a.clone()])).collect();
        Ok(Some(ast::ExprCall { range: c.range, func: c.func.clone(), args, keywords: c.keywords.clone() }))
    }
}
