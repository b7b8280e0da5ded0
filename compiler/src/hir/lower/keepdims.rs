//! `keepdims=` of the reductions along an axis of a 2D array (and of
//! `np.linalg.norm`):
//! `X.sum(axis=1, keepdims=True)` (also `np.sum(X, axis=1, keepdims=True)`)
//! is the column vector `X.sum(axis=1)[:, None]`, which broadcasts along
//! the columns as NumPy's `(n, 1)` result does (per-row normalisation);
//! `keepdims=False` is the default and is dropped. Other axes keep the
//! keyword, which inference reports as unsupported.

use rustpython_parser::ast;

use super::*;

/// The reductions that take `keepdims=`.
const KEEPDIMS: &[&str] = &["sum", "mean", "max", "min", "prod", "std", "var", "any", "all", "median", "norm"];

impl FnLower<'_> {
    /// The HIR of `c` if it is a reduction with a `keepdims=` this sugar handles.
    pub(super) fn keepdims_call(&mut self, c: &ast::ExprCall, sp: Span) -> Option<Expr> {
        let ast::Expr::Attribute(a) = &*c.func else { return None };
        if !KEEPDIMS.contains(&a.attr.as_str()) {
            return None;
        }
        let at = c.keywords.iter().position(|k| k.arg.as_deref() == Some("keepdims"))?;
        let literal = |e: &ast::Expr| match e {
            ast::Expr::Constant(k) => Some(k.value.clone()),
            _ => None,
        };
        let axis_one = c.keywords.iter().any(|k| {
            k.arg.as_deref() == Some("axis")
                && matches!(literal(&k.value), Some(ast::Constant::Int(i)) if i == 1.into())
        });
        let keep = match literal(&c.keywords[at].value) {
            Some(ast::Constant::Bool(false)) => false,
            Some(ast::Constant::Bool(true)) if axis_one => true,
            _ => return None,
        };
        let mut plain = c.clone();
        plain.keywords.remove(at);
        let reduced = self.call(&plain, sp);
        if !keep {
            return Some(reduced);
        }
        // reduced[:, None]
        let all = self.mk(ExprKind::SliceBounds(None, None, None), sp);
        let new_axis = self.mk(ExprKind::Const(Const::None), sp);
        let idx = self.mk(ExprKind::Tuple(vec![all, new_axis]), sp);
        Some(self.mk(ExprKind::Index(Box::new(reduced), Box::new(idx)), sp))
    }
}
