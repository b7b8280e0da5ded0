//! `s.str.NAME(args)` and `s.str[i]` rewritten: a Series of the same labels
//! whose values are a `CompKind::Array` comprehension applying the scalar
//! string operation to each value (`types/pandas_str.rs` typed it); reads
//! of a split's pieces are `str_split.rs`'s.

use super::str_split::take_split;
use super::{Part, Rewriter, Shape};
use crate::hir::build::BuildHir;
use crate::hir::*;

impl Rewriter<'_> {
    /// `s.str.NAME(args)` (receiver `s`), once typed as a Series.
    pub(super) fn str_method(
        &mut self,
        id: ExprId,
        s: Expr,
        name: String,
        args: Vec<Expr>,
        kwargs: Vec<Kwarg>,
        span: Span,
    ) -> Expr {
        if self.shape(id).is_none() {
            // Not typed (yet): left as it is.
            let recv = self.expr(ExprKind::Attr(Box::new(s), "str".to_string()), span);
            return Expr { id, kind: ExprKind::MethodCall { recv: Box::new(recv), name, args, kwargs }, span };
        }
        let s = match take_split(s) {
            Ok(split) => {
                return self.split_read(id, split, span, |w, pieces| match (name.as_str(), args.into_iter().next()) {
                    ("get", Some(i)) => or_na(w.expr(ExprKind::Index(Box::new(pieces), Box::new(i)), span)),
                    ("join", Some(sep)) => {
                        ExprKind::MethodCall { recv: Box::new(sep), name, args: vec![pieces], kwargs: Vec::new() }
                    }
                    _ => ExprKind::Call {
                        func: Box::new(w.expr(ExprKind::Builtin(Builtin::Len), span)),
                        args: vec![pieces],
                        kwargs: Vec::new(),
                    },
                })
            }
            Err(s) => s,
        };
        self.str_map(id, s, span, |w, x| match name.as_str() {
            "len" => {
                ExprKind::Call { func: Box::new(w.expr(ExprKind::Builtin(Builtin::Len), span)), args: vec![x], kwargs }
            }
            // A pattern without regular-expression syntax is a substring.
            // `regex=False` (anything else was reported).
            "contains" => match args.into_iter().next() {
                Some(pat) => ExprKind::Compare(Box::new(pat), vec![(CmpOp::In, x)]),
                None => ExprKind::Const(Const::Bool(false)),
            },
            "slice" => {
                let mut bounds = args.into_iter().map(|a| Some(Box::new(a)));
                let (lo, hi, st) = (bounds.next().flatten(), bounds.next().flatten(), bounds.next().flatten());
                ExprKind::Slice(Box::new(x), lo, hi, st)
            }
            "get" => {
                let i = args.into_iter().next().unwrap_or_else(|| w.int(0, span));
                or_na(w.expr(ExprKind::Index(Box::new(x), Box::new(i)), span))
            }
            "replace" => ExprKind::MethodCall { recv: Box::new(x), name, args, kwargs: Vec::new() },
            _ => ExprKind::MethodCall { recv: Box::new(x), name, args, kwargs },
        })
    }

    /// `X.str[i]` (`inner` is `X`): character `i` of each value, or piece
    /// `i` of each value's split when `X` is `s.str.split(sep)`; missing
    /// where the value has no such character or piece, as in pandas.
    pub(super) fn str_index(&mut self, id: ExprId, inner: Expr, idx: Expr, span: Span) -> Expr {
        if self.shape(id).is_none() {
            let v = self.expr(ExprKind::Attr(Box::new(inner), "str".to_string()), span);
            return Expr { id, kind: ExprKind::Index(Box::new(v), Box::new(idx)), span };
        }
        let read = |w: &mut Self, x: Expr| or_na(w.expr(ExprKind::Index(Box::new(x), Box::new(idx)), span));
        match take_split(inner) {
            Ok(split) => self.split_read(id, split, span, read),
            Err(s) => self.str_map(id, s, span, read),
        }
    }

    /// Series `s` with each value `x` replaced by `elt(x)`, named as `id`'s type says.
    pub(super) fn str_map(
        &mut self,
        id: ExprId,
        s: Expr,
        span: Span,
        elt: impl FnOnce(&mut Self, Expr) -> ExprKind,
    ) -> Expr {
        let Some(Shape::Series(name, _)) = self.shape(id).cloned() else { return self.int(0, span) };
        let Some(Part { lab, values, .. }) = self.unbox(s) else { return self.int(0, span) };
        self.mapped(Part { lab, values, name }, span, elt)
    }

    /// The Series of parts `p` with each value `x` replaced by `elt(x)`.
    pub(super) fn mapped(&mut self, p: Part, span: Span, elt: impl FnOnce(&mut Self, Expr) -> ExprKind) -> Expr {
        let Part { lab, values, name } = p;
        let x = self.temp("value", span);
        let xv = self.local(x, span);
        let body = elt(self, xv);
        let body = self.expr(body, span);
        let gen = CompGen { target: Target::Local(x, span), iter: values, conds: Vec::new() };
        let values = self
            .expr(ExprKind::Comp { kind: CompKind::Array, elt: Box::new(body), value: None, gens: vec![gen] }, span);
        self.boxed(Part { lab, values, name }, span)
    }

    /// `a + b` of strings, Series on one side or both: a map over the
    /// values (zipped when both are Series), with the labels `elementwise`
    /// gives (checked equal when they may differ).
    pub(super) fn concat(&mut self, id: ExprId, a: Expr, b: Expr, span: Span) -> Expr {
        let (sa, sb) = (self.is_series(&a), self.is_series(&b));
        let (x, y) = (self.temp("left", span), self.temp("right", span));
        let (xv, yv) = (self.local(x, span), self.local(y, span));
        // The pieces of the map, made here (fresh ids) and put together in `make`.
        let left = if sa { xv } else { self.copy_expr(&a) };
        let right = if sb { yv } else { self.copy_expr(&b) };
        let elt = self.expr(ExprKind::Bin(BinOp::Add, Box::new(left), Box::new(right)), span);
        let zip_fn = self.expr(ExprKind::Builtin(Builtin::Zip), span);
        let zip_id = self.expr(ExprKind::Const(Const::None), span).id;
        let make = move |va: Expr, vb: Option<Expr>| {
            let (target, iter) = match vb {
                Some(vb) => {
                    let call = ExprKind::Call { func: Box::new(zip_fn), args: vec![va, vb], kwargs: Vec::new() };
                    let both = Target::Tuple(vec![Target::Local(x, span), Target::Local(y, span)], span);
                    (both, Expr { id: zip_id, kind: call, span })
                }
                None if sa => (Target::Local(x, span), va),
                None => (Target::Local(y, span), va),
            };
            let gen = CompGen { target, iter, conds: Vec::new() };
            ExprKind::Comp { kind: CompKind::Array, elt: Box::new(elt), value: None, gens: vec![gen] }
        };
        match (sa, sb) {
            (true, true) => self.elementwise(id, a, Some(b), span, make),
            (true, false) => self.elementwise(id, a, None, span, make),
            _ => self.elementwise(id, b, None, span, make),
        }
    }
}

/// Whether `e` is `X.str`.
pub(super) fn is_str_attr(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Attr(_, a) if a == "str")
}
