//! `df.pivot_table(...)` / `pd.pivot_table(df, ...)` as the groupby it is,
//! reshaped: `pd.$pivot(pd.$gagg(pd.$gselect(pd.$groupby(pd.$select(df,
//! (i, c, v)), (i, c), True), (v,), True), func), fill_value or None)`
//! (`types/pandas_pivot.rs`).
//! Only the three columns are grouped, as pandas filters the frame first.

use super::Rewriter;
use crate::diagnostics::Span;
use crate::hir::build::BuildHir;
use crate::hir::{Const, Expr, ExprKind, Kwarg};
use crate::types::pandas_pivot::pivot_spec;

impl Rewriter<'_> {
    /// A pivot table of frame `df`; `args` are the arguments after the frame.
    pub(super) fn pivot_call(&mut self, df: Expr, args: &[Expr], kwargs: &[Kwarg], span: Span) -> Expr {
        // Inference reported anything unsupported.
        let Ok(spec) = pivot_spec(span, args, kwargs) else { return self.int(0, span) };
        let used = self.names_tuple(&[spec.index.clone(), spec.columns.clone(), spec.values.clone()], span);
        let data = self.pd("$select", vec![df, used], span);
        let keys = self.names_tuple(&[spec.index, spec.columns], span);
        let as_index = self.flag(true, span);
        let grouped = self.pd("$groupby", vec![data, keys, as_index], span);
        let values = self.names_tuple(&[spec.values], span);
        let series = self.flag(true, span);
        let selected = self.pd("$gselect", vec![grouped, values, series], span);
        let func = self.string(&spec.func, span);
        let aggregated = self.pd("$gagg", vec![selected, func], span);
        let fill = spec.fill.unwrap_or_else(|| self.expr(ExprKind::Const(Const::None), span));
        self.pd("$pivot", vec![aggregated, fill], span)
    }
}
