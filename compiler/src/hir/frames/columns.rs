//! `rename` and `drop` of frames and series as the internal
//! `pd.$rename(x, (("old", "new"), ...))` / `pd.$rename(s, "new")` and
//! `pd.$drop(df, ("a", ...))` (`types/pandas_columns.rs`).

use super::Rewriter;
use crate::diagnostics::Span;
use crate::hir::build::BuildHir;
use crate::hir::{Expr, ExprId, ExprKind, Kwarg};
use crate::types::pandas_columns::{column_change, ColumnChange};

impl Rewriter<'_> {
    /// `x.rename(...)` / `df.drop(...)` (`id` the call's).
    pub(super) fn columns_call(
        &mut self,
        id: ExprId,
        x: Expr,
        name: &str,
        args: &[Expr],
        kwargs: &[Kwarg],
        span: Span,
    ) -> Expr {
        // Inference reported what is wrong with the arguments.
        let Ok(change) = column_change(name, args, kwargs, self.is_series(&x), span) else { return self.int(0, span) };
        let (internal, arg) = match change {
            ColumnChange::Name(n) => ("$rename", self.string(&n, span)),
            ColumnChange::Rename(pairs) => {
                let items = pairs
                    .iter()
                    .map(|(a, b)| {
                        let two = vec![self.string(a, span), self.string(b, span)];
                        self.expr(ExprKind::Tuple(two), span)
                    })
                    .collect();
                ("$rename", self.expr(ExprKind::Tuple(items), span))
            }
            ColumnChange::Drop(names) => {
                let items = names.iter().map(|n| self.string(n, span)).collect();
                ("$drop", self.expr(ExprKind::Tuple(items), span))
            }
        };
        let e = self.pd(internal, vec![x, arg], span);
        self.shape_as(&e, id);
        e
    }
}
