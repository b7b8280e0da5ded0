//! `sort_values` / `sort_index` of frames and series as the internal
//! `pd.$sort(x, by, ascending)` (`types/pandas_sort.rs`): `by` a tuple of
//! column names, `()` for a Series' values or `None` for the row labels;
//! `reset_index(drop=...)` as `pd.$reset(x, drop)` and `set_index(keys)` as
//! `pd.$set_index(df, keys)`.

use super::{Rewriter, Shape};
use crate::diagnostics::Span;
use crate::hir::build::BuildHir;
use crate::hir::{Const, Expr, ExprId, ExprKind, Kwarg};
use crate::types::pandas_sort::{arg, names_of, sort_spec};

impl Rewriter<'_> {
    /// `x.sort_values(...)` / `x.sort_index(...)`, `x.reset_index(drop=...)`
    /// / `df.set_index(keys)` (`id` the call's).
    pub(super) fn reorder_call(
        &mut self,
        id: ExprId,
        x: Expr,
        name: &str,
        args: &[Expr],
        kwargs: &[Kwarg],
        span: Span,
    ) -> Expr {
        if !name.starts_with("sort") {
            return self.index_call(id, x, name, args, kwargs);
        }
        let series = matches!(self.shape(x.id), Some(Shape::Series(..)));
        // Inference reported what is wrong with the arguments.
        let Ok(spec) = sort_spec(name, args, kwargs, series, span) else { return self.int(0, span) };
        let by = match spec.by {
            Some(names) => {
                let names = names.iter().map(|n| self.string(n, span)).collect();
                self.expr(ExprKind::Tuple(names), span)
            }
            None => self.expr(ExprKind::Const(Const::None), span),
        };
        let flags = spec.ascending.iter().map(|&b| self.expr(ExprKind::Const(Const::Bool(b)), span)).collect();
        let ascending = self.expr(ExprKind::Tuple(flags), span);
        let mut e = self.pd("$sort", vec![x, by, ascending], span);
        if spec.ignore_index {
            let drop = self.expr(ExprKind::Const(Const::Bool(true)), span);
            e = self.pd("$reset", vec![e, drop], span);
        }
        self.shape_as(&e, id);
        e
    }

    fn index_call(&mut self, id: ExprId, x: Expr, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Expr {
        let span = x.span;
        let e = if name == "reset_index" {
            let drop =
                matches!(arg(args, kwargs, None, "drop").map(|d| &d.kind), Some(ExprKind::Const(Const::Bool(true))));
            let drop = self.expr(ExprKind::Const(Const::Bool(drop)), span);
            self.pd("$reset", vec![x, drop], span)
        } else {
            let keys = arg(args, kwargs, Some(0), "keys").and_then(names_of).unwrap_or_default();
            let keys = keys.iter().map(|k| self.string(k, span)).collect();
            let keys = self.expr(ExprKind::Tuple(keys), span);
            self.pd("$set_index", vec![x, keys], span)
        };
        self.shape_as(&e, id);
        e
    }
}
