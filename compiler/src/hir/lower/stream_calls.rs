//! `sys.stdout.write(s)` / `sys.stderr.write(s)` statements as
//! `print(s, end="", file=sys.stdout)` (or `sys.stderr`), and their
//! `flush()` as nothing: bodoc's print keeps the order of everything a
//! rank writes to a stream. Only statements are rewritten: as a value,
//! `write` returns the number of characters written, and print None.

use rustpython_parser::ast;

use super::*;

impl FnLower<'_> {
    /// The statement `c` when it is `write(s)` or `flush()` of `sys.stdout`
    /// or `sys.stderr` (also imported by name), else None.
    pub(super) fn stream_stmt(&mut self, c: &ast::ExprCall, sp: Span) -> Option<StmtKind> {
        let ast::Expr::Attribute(m) = &*c.func else { return None };
        let stream = self.std_stream(&m.value)?;
        match (m.attr.as_str(), c.args.as_slice()) {
            ("flush", []) if c.keywords.is_empty() => Some(StmtKind::Pass),
            ("write", [text]) if c.keywords.is_empty() => {
                let text = self.expr(text);
                let print = self.mk(ExprKind::Builtin(Builtin::Print), sp);
                let empty = self.mk(ExprKind::Const(Const::Str(String::new())), sp);
                let file = self.mk(ExprKind::ModAttr(Module::Sys, stream.into()), sp);
                let kwargs = vec![
                    Kwarg { name: "end".into(), value: empty, span: sp },
                    Kwarg { name: "file".into(), value: file, span: sp },
                ];
                Some(StmtKind::Expr(self.mk(ExprKind::Call { func: Box::new(print), args: vec![text], kwargs }, sp)))
            }
            _ => None,
        }
    }

    /// "stdout" or "stderr" when `e` names that stream of module `sys`.
    fn std_stream(&self, e: &ast::Expr) -> Option<&'static str> {
        let global = |name: &str| self.lookup_local(name).is_none().then(|| self.ctx.globals.get(name)).flatten();
        let attr = match e {
            ast::Expr::Attribute(a) => match &*a.value {
                ast::Expr::Name(n) if matches!(global(n.id.as_str()), Some(Global::Module(Module::Sys))) => {
                    a.attr.as_str()
                }
                _ => return None,
            },
            ast::Expr::Name(n) => match global(n.id.as_str()) {
                Some(Global::ModAttr(Module::Sys, a)) => a.as_str(),
                _ => return None,
            },
            _ => return None,
        };
        ["stdout", "stderr"].into_iter().find(|s| *s == attr)
    }
}
