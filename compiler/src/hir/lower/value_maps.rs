//! `s.map(f)` / `s.apply(f)` with one function of a value (a lambda, a
//! function's name, `str.upper`): the function's body over a new local,
//! kept as a `CompKind::Array` comprehension whose iterable is a
//! placeholder. No builtin type has these methods; on a pandas Series
//! (`types/pandas.rs`) `hir/frames.rs` puts the Series' values there, so
//! the map runs on each rank's own rows.

use rustpython_parser::ast;

use super::*;

impl FnLower<'_> {
    /// The HIR of `c` if it is `x.map(f)` or `x.apply(f)` of one argument.
    pub(super) fn value_map_call(&mut self, c: &ast::ExprCall, sp: Span) -> Option<Expr> {
        let ast::Expr::Attribute(a) = &*c.func else { return None };
        let ([f], true) = (c.args.as_slice(), c.keywords.is_empty()) else { return None };
        if !matches!(a.attr.as_str(), "map" | "apply") {
            return None;
        }
        let recv = self.expr(&a.value);
        let (v, body) = self.apply_fn(f)?;
        let placeholder = self.mk(ExprKind::Const(Const::None), sp);
        let gen = CompGen { target: Target::Local(v, sp), iter: placeholder, conds: Vec::new() };
        let map =
            self.mk(ExprKind::Comp { kind: CompKind::Array, elt: Box::new(body), value: None, gens: vec![gen] }, sp);
        let kind = ExprKind::MethodCall {
            recv: Box::new(recv),
            name: a.attr.to_string(),
            args: vec![map],
            kwargs: Vec::new(),
        };
        Some(self.mk(kind, sp))
    }
}
