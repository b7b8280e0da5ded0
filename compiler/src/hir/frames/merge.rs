//! `pd.merge(a, b, ...)` / `a.merge(b, ...)` as `pd.$merge(a, b, ...)` (the
//! same keywords) and `pd.concat(objs, ignore_index=...)` as
//! `pd.$concat(ignore_index, a, b, ...)` for a list display of frames (each
//! kept whole where it lives: a list would hold them on every rank) or
//! `pd.$concat(ignore_index, frames)` for a list (`types/pandas_merge.rs`).

use super::Rewriter;
use crate::diagnostics::Span;
use crate::hir::build::BuildHir;
use crate::hir::{Const, Expr, ExprId, ExprKind, Kwarg, Module};
use crate::types::pandas_merge::ignore_index;

impl Rewriter<'_> {
    /// A merge of `left` and `right` (`id` the call's).
    pub(super) fn merge_call(&mut self, id: ExprId, left: Expr, right: Expr, kwargs: Vec<Kwarg>, span: Span) -> Expr {
        let func = self.expr(ExprKind::ModAttr(Module::Pandas, "$merge".into()), span);
        let e = self.expr(ExprKind::Call { func: Box::new(func), args: vec![left, right], kwargs }, span);
        self.shape_as(&e, id);
        e
    }

    /// `pd.concat(objs, ignore_index=...)` (`id` the call's).
    pub(super) fn concat_call(&mut self, id: ExprId, objs: Expr, kwargs: &[Kwarg], span: Span) -> Expr {
        // Inference reported a flag that is no constant.
        let flag = ignore_index(kwargs).unwrap_or_default();
        let mut args = vec![self.expr(ExprKind::Const(Const::Bool(flag)), span)];
        match objs.kind {
            ExprKind::List(items) => args.extend(items),
            kind => args.push(Expr { kind, ..objs }),
        }
        let e = self.pd("$concat", args, span);
        self.shape_as(&e, id);
        e
    }
}
