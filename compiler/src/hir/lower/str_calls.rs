//! `str.maketrans(x, y[, z])` is a method of its first string in disguise:
//! `x.$maketrans(y, z)` (the table `s.translate` reads; `types/methods.rs`).

use rustpython_parser::ast;

use super::*;

impl FnLower<'_> {
    /// The HIR of `c` if it is `str.maketrans(...)`.
    pub(super) fn str_call(&mut self, c: &ast::ExprCall, sp: Span) -> Option<Expr> {
        let ast::Expr::Attribute(a) = &*c.func else { return None };
        if a.attr.as_str() != "maketrans" || !self.is_builtin_name(&a.value, "str") {
            return None;
        }
        let [from, rest @ ..] = c.args.as_slice() else {
            self.unsupported(sp, "str.maketrans() without arguments", "pass the characters and their replacements");
            return Some(self.error_expr(sp));
        };
        if rest.is_empty() || rest.len() > 2 || !c.keywords.is_empty() {
            self.unsupported(
                sp,
                "str.maketrans() with these arguments",
                "pass two strings of equal length, and optionally a string of characters to delete",
            );
            return Some(self.error_expr(sp));
        }
        let kind = ExprKind::MethodCall {
            recv: self.boxed(from),
            name: "$maketrans".into(),
            args: rest.iter().map(|e| self.expr(e)).collect(),
            kwargs: Vec::new(),
        };
        Some(self.mk(kind, sp))
    }
}
