//! `value_counts`, `unique`, `nunique` and `drop_duplicates` of frames and
//! series as the internal `pd.$distinct(x, keys, flags)`
//! (`types/pandas_distinct.rs`): `s.unique()` is its values, `s.nunique()`
//! its length, `ignore_index=True` a `pd.$reset(..., True)` of it.

use super::Rewriter;
use crate::diagnostics::Span;
use crate::hir::build::BuildHir;
use crate::hir::{Const, Expr, ExprId, ExprKind, Kwarg};
use crate::types::pandas_distinct::distinct_spec;

impl Rewriter<'_> {
    /// `x.NAME(...)` (`id` the call's).
    pub(super) fn distinct_call(
        &mut self,
        id: ExprId,
        x: Expr,
        name: &str,
        args: &[Expr],
        kwargs: &[Kwarg],
        span: Span,
    ) -> Expr {
        // Inference reported what is wrong with the arguments.
        let Ok(spec) = distinct_spec(name, args, kwargs, self.is_series(&x)) else { return self.int(0, span) };
        let keys = match spec.keys {
            Some(names) => {
                let names = names.iter().map(|n| self.string(n, span)).collect();
                self.expr(ExprKind::Tuple(names), span)
            }
            None => self.expr(ExprKind::Const(Const::None), span),
        };
        let flags = self.int(spec.flags, span);
        let d = self.pd("$distinct", vec![x, keys, flags], span);
        match name {
            "unique" => self.pd("$values", vec![d], span),
            "nunique" => self.pd("$len", vec![d], span),
            _ => {
                let e = if spec.ignore_index {
                    let drop = self.expr(ExprKind::Const(Const::Bool(true)), span);
                    self.pd("$reset", vec![d, drop], span)
                } else {
                    d
                };
                self.shape_as(&e, id);
                e
            }
        }
    }
}
