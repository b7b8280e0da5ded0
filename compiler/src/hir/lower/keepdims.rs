//! `keepdims=` of the reductions along an axis of a 2D array (and of
//! `np.linalg.norm`):
//! `X.sum(axis=1, keepdims=True)` (also `np.sum(X, axis=1, keepdims=True)`)
//! is the column vector `X.sum(axis=1)[:, None]`, which broadcasts along
//! the columns as NumPy's `(n, 1)` result does (per-row normalisation), and
//! `X.mean(axis=0, keepdims=True)` the row `X.mean(axis=0)[None, :]`, shape
//! `(1, m)` (`hir/one_row.rs`); `keepdims=False` is the default and is
//! dropped. Without a literal axis the keyword stays, which inference
//! reports as unsupported (as it reports the new axis of a 1D array's
//! reduction, a scalar).

use rustpython_parser::ast;

use super::*;

/// The reductions that take `keepdims=`.
const KEEPDIMS: &[&str] = &[
    "sum",
    "mean",
    "max",
    "min",
    "prod",
    "std",
    "var",
    "any",
    "all",
    "median",
    "norm",
    "percentile",
    "quantile",
    "nansum",
    "nanmean",
    "nanmax",
    "nanmin",
];

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
        // The literal axis, 0 or 1 (-2 and -1 of a 2D array).
        let axis = c.keywords.iter().find(|k| k.arg.as_deref() == Some("axis")).and_then(|k| match literal(&k.value) {
            Some(ast::Constant::Int(i)) if i == 0.into() || i == (-2).into() => Some(0),
            Some(ast::Constant::Int(i)) if i == 1.into() || i == (-1).into() => Some(1),
            _ => None,
        });
        let keep = match literal(&c.keywords[at].value) {
            Some(ast::Constant::Bool(false)) => None,
            Some(ast::Constant::Bool(true)) if axis.is_some() => axis,
            _ => return None,
        };
        let mut plain = c.clone();
        plain.keywords.remove(at);
        let reduced = self.call(&plain, sp);
        let Some(axis) = keep else { return Some(reduced) };
        // reduced[:, None] or reduced[None, :]
        let all = self.mk(ExprKind::SliceBounds(None, None, None), sp);
        let new_axis = self.mk(ExprKind::Const(Const::None), sp);
        let items = if axis == 1 { vec![all, new_axis] } else { vec![new_axis, all] };
        let idx = self.mk(ExprKind::Tuple(items), sp);
        Some(self.mk(ExprKind::Index(Box::new(reduced), Box::new(idx)), sp))
    }
}
