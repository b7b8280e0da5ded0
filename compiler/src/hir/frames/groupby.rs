//! `df.groupby(...)` and its uses as the internal calls of
//! `types/pandas_groupby.rs`: `pd.$groupby`, `pd.$gselect` (column
//! selections), `pd.$gagg` (aggregations, `agg`), and `pd.$grows` (`transform`,
//! `cumsum`: values for the grouped frame's rows, made a Series with its
//! labels); `len(g)`, the number of groups, is the length of `g.size()`.

use super::{Part, Rewriter, Shape};
use crate::diagnostics::Span;
use crate::hir::build::BuildHir;
use crate::hir::{Const, Expr, ExprId, ExprKind, Kwarg};
use crate::types::pandas_groupby::{agg_form, AggForm, AGGS};
use crate::types::pandas_sort::{arg, names_of};

impl Rewriter<'_> {
    pub(super) fn is_group(&self, e: &Expr) -> bool {
        matches!(self.shape(e.id), Some(Shape::Group(_)))
    }

    pub(super) fn names_tuple(&mut self, names: &[String], span: Span) -> Expr {
        let items = names.iter().map(|n| self.string(n, span)).collect();
        self.expr(ExprKind::Tuple(items), span)
    }

    pub(super) fn flag(&mut self, b: bool, span: Span) -> Expr {
        self.expr(ExprKind::Const(Const::Bool(b)), span)
    }

    /// `df.groupby(by, as_index=...)` (`id` the call's).
    pub(super) fn groupby_call(&mut self, id: ExprId, df: Expr, args: &[Expr], kwargs: &[Kwarg], span: Span) -> Expr {
        let keys = arg(args, kwargs, Some(0), "by").and_then(names_of).unwrap_or_default();
        let as_index =
            !matches!(arg(args, kwargs, None, "as_index").map(|a| &a.kind), Some(ExprKind::Const(Const::Bool(false))));
        let keys = self.names_tuple(&keys, span);
        let as_index = self.flag(as_index, span);
        let e = self.pd("$groupby", vec![df, keys, as_index], span);
        self.shape_as(&e, id);
        e
    }

    /// `g["v"]`, `g[["v", "w"]]` (`names` from `idx`) or `g.v` (`attr`).
    pub(super) fn group_select(&mut self, id: ExprId, g: Expr, idx: Result<Expr, &str>, span: Span) -> Expr {
        let (names, series) = match &idx {
            Ok(i) => (names_of(i).unwrap_or_default(), !matches!(i.kind, ExprKind::List(_))),
            Err(attr) => (vec![attr.to_string()], true),
        };
        let names = self.names_tuple(&names, span);
        let series = self.flag(series, span);
        let e = self.pd("$gselect", vec![g, names, series], span);
        self.shape_as(&e, id);
        e
    }

    /// A method of groupby object `g`.
    pub(super) fn group_method(
        &mut self,
        id: ExprId,
        g: Expr,
        name: &str,
        args: Vec<Expr>,
        kwargs: Vec<Kwarg>,
        span: Span,
    ) -> Expr {
        let form = match name {
            n if AGGS.contains(&n) => Ok(AggForm::Func(n.to_string())),
            "agg" | "aggregate" => agg_form(&args, &kwargs, span),
            "transform" | "cumsum" => {
                let func = match name {
                    "cumsum" => "cumsum".to_string(),
                    _ => args.first().and_then(names_of).and_then(|n| n.into_iter().next()).unwrap_or_default(),
                };
                return self.group_rows(id, g, &func, span);
            }
            _ => return self.int(0, span),
        };
        if !self.columns_final {
            // The grouped frame may still gain columns (a store this round):
            // which columns an aggregation takes is decided on its final type.
            let kind = ExprKind::MethodCall { recv: Box::new(g), name: name.to_string(), args, kwargs };
            return Expr { id, kind, span };
        }
        // Inference reported anything unsupported.
        let spec = match form {
            Ok(AggForm::Func(f)) => self.string(&f, span),
            Ok(AggForm::Funcs(fs)) => self.names_tuple(&fs, span),
            Ok(AggForm::Specs(specs)) => {
                let items = specs
                    .iter()
                    .map(|s| {
                        let parts = [&s.out, &s.col, &bodo_abi::agg::NAMES[s.code as usize].to_string()]
                            .map(|p| self.string(p, span))
                            .to_vec();
                        self.expr(ExprKind::Tuple(parts), span)
                    })
                    .collect();
                self.expr(ExprKind::Tuple(items), span)
            }
            Err(_) => return self.int(0, span),
        };
        let e = self.pd("$gagg", vec![g, spec], span);
        self.shape_as(&e, id);
        e
    }

    /// `g["v"].transform(func)` / `.cumsum()`: a Series of the grouped
    /// frame's labels whose values the runtime computes per row.
    fn group_rows(&mut self, id: ExprId, g: Expr, func: &str, span: Span) -> Expr {
        let (Some(Shape::Series(name, _)), Some(Shape::Group(range))) =
            (self.shape(id).cloned(), self.shape(g.id).cloned())
        else {
            return self.int(0, span);
        };
        let lab = self.labels_of(&g, range, span);
        let func = self.string(func, span);
        let values = self.pd("$grows", vec![g, func], span);
        self.boxed(Part { lab, values, name }, span)
    }

    /// `len(g)`: the number of groups, the length of `g.size()`.
    pub(super) fn group_len(&mut self, g: Expr, span: Span) -> Expr {
        let size = self.string("size", span);
        let sizes = self.pd("$gagg", vec![g, size], span);
        self.pd("$len", vec![sizes], span)
    }
}
