//! pandas datetimes rewritten (`types/pandas_datetime.rs` typed them):
//! `pd.to_datetime(s)` of a Series of strings and `s.dt.<field>` are Series
//! of the same labels whose values are the runtime's conversion of the
//! values (`pd.$to_datetime`, `pd.$dt_field`). Comparisons and `min`/`max`
//! of datetime values need nothing here: they are the NumPy operations on
//! the values, whose element type tells lowering NaT's rules.

use super::{Part, Rewriter, Shape};
use crate::hir::build::BuildHir;
use crate::hir::*;

impl Rewriter<'_> {
    /// `pd.to_datetime(s)` of Series `s`, once typed as a Series.
    pub(super) fn parsed_datetimes(&mut self, id: ExprId, s: Expr, span: Span) -> Expr {
        let Some(Shape::Series(name, _)) = self.shape(id).cloned() else { return self.int(0, span) };
        let Some(Part { lab, values, .. }) = self.unbox(s) else { return self.int(0, span) };
        let values = self.pd("$to_datetime", vec![values], span);
        self.boxed(Part { lab, values, name }, span)
    }

    /// `s.dt.<field>` (`dt` is `s.dt`), once typed as a Series.
    pub(super) fn dt_field(&mut self, id: ExprId, dt: Expr, field: String, span: Span) -> Expr {
        let ExprKind::Attr(s, _) = dt.kind else { return self.int(0, span) };
        let code = bodo_abi::dt_field::by_name(&field);
        let (Some(Shape::Series(name, _)), Some(code)) = (self.shape(id).cloned(), code) else {
            // Not typed (yet): left as it is.
            let dt = self.expr(ExprKind::Attr(s, "dt".to_string()), span);
            return Expr { id, kind: ExprKind::Attr(Box::new(dt), field), span };
        };
        let Some(Part { lab, values, .. }) = self.unbox(*s) else { return self.int(0, span) };
        let code = self.int(code, span);
        let values = self.pd("$dt_field", vec![values, code], span);
        self.boxed(Part { lab, values, name }, span)
    }
}

/// Whether `e` is `X.dt`.
pub(super) fn is_dt_attr(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Attr(_, a) if a == "dt")
}
