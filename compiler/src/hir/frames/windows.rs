//! `s.shift(n)`, `s.diff(n)` and `s.rolling(w).sum()`/`.mean()` rewritten
//! (`types/pandas_windows.rs` typed them): a Series of the same labels
//! whose values are the runtime's window over the values
//! (`pd.$shift(values, n, diff)`, `pd.$rolling(values, w, mean)`).

use super::{Part, Rewriter, Shape};
use crate::hir::build::BuildHir;
use crate::hir::*;

impl Rewriter<'_> {
    /// `s.shift(periods)` / `s.diff(periods)` (receiver `s`), once typed.
    pub(super) fn shift_call(
        &mut self,
        id: ExprId,
        s: Expr,
        name: &str,
        args: Vec<Expr>,
        kwargs: Vec<Kwarg>,
        span: Span,
    ) -> Expr {
        let Some(Shape::Series(out_name, _)) = self.shape(id).cloned() else { return self.int(0, span) };
        let Some(Part { lab, values, .. }) = self.unbox(s) else { return self.int(0, span) };
        let n = args.into_iter().chain(kwargs.into_iter().map(|k| k.value)).next().unwrap_or_else(|| self.int(1, span));
        let diff = self.int(i64::from(name == "diff"), span);
        let values = self.pd("$shift", vec![values, n, diff], span);
        self.boxed(Part { lab, values, name: out_name }, span)
    }

    /// `X.NAME()` where `X` is `s.rolling(window)`, once typed.
    pub(super) fn rolling_call(&mut self, id: ExprId, rolling: Expr, name: &str, span: Span) -> Expr {
        let Some(Shape::Series(out_name, _)) = self.shape(id).cloned() else { return self.int(0, span) };
        let ExprKind::MethodCall { recv, args, kwargs, .. } = rolling.kind else { return self.int(0, span) };
        let Some(Part { lab, values, .. }) = self.unbox(*recv) else { return self.int(0, span) };
        let w = args.into_iter().chain(kwargs.into_iter().map(|k| k.value)).next().unwrap_or_else(|| self.int(0, span));
        let mean = self.int(i64::from(name == "mean"), span);
        let values = self.pd("$rolling", vec![values, w, mean], span);
        self.boxed(Part { lab, values, name: out_name }, span)
    }
}

/// Whether `e` is `X.rolling(...)`.
pub(super) fn is_rolling(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::MethodCall { name, .. } if name == "rolling")
}
