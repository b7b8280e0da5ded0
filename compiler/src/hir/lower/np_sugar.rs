//! NumPy calls that are other calls in disguise.
//!
//! `np.linalg.norm(x)` (the 2-norm of a vector, the Frobenius norm of a
//! matrix) is `np.sqrt(np.square(x).sum())`, and with `axis=k` the norms
//! along that axis, `np.sqrt(np.square(x).sum(axis=k))` (NumPy computes
//! them the same way; the whole-array form differs from its `dot` only in
//! the last bits). Other keywords (`ord=`) are left for inference to
//! report.
//!
//! `np.unique(x, return_counts=True)` is `np.$unique_counts(x)`, the tuple
//! of the distinct values and their counts; `return_counts=False` is the
//! default and is dropped.
//!
//! Outer products: `np.outer(v, w)` is `v.reshape(-1, 1) * w`, and in
//! `v[:, None] op w[None, :]` the row `w[None, :]` is `w` (broadcasting a
//! column `(n, 1)` against `(1, m)` or `(m,)` gives the same `(n, m)`),
//! `w[None, lo:hi]` is `w[lo:hi]`.
//! `np.trace(A)` is `np.diag(A).sum()`, `np.transpose(A)` is `A.T`.
//! `np.argsort(X, axis=0)` is `np.argsort(X.T).T` (each column's order).
//! `np.expand_dims(v, 1)` (or `-1`) is the column `v[:, None]` and
//! `np.expand_dims(v, 0)` the row `v[None, :]` (1D `v`; inference reports
//! others).

use super::*;

impl FnLower<'_> {
    /// The HIR of `np.linalg.norm(args, **kwargs)` if it is one of these forms.
    pub(super) fn linalg_norm(&mut self, args: &mut Vec<Expr>, kwargs: &mut Vec<Kwarg>, sp: Span) -> Option<Expr> {
        if args.len() != 1 || kwargs.iter().any(|k| k.name != "axis") {
            return None;
        }
        let np = |me: &mut Self, name: &str, args: Vec<Expr>| {
            let f = me.mk(ExprKind::ModAttr(Module::Numpy, name.into()), sp);
            me.mk(ExprKind::Call { func: Box::new(f), args, kwargs: Vec::new() }, sp)
        };
        let squares = np(self, "square", std::mem::take(args));
        let kwargs = std::mem::take(kwargs);
        let sum =
            self.mk(ExprKind::MethodCall { recv: Box::new(squares), name: "sum".into(), args: vec![], kwargs }, sp);
        Some(np(self, "sqrt", vec![sum]))
    }

    /// The HIR of `np.unique(args, return_counts=...)`, or None to leave the
    /// call as it is (other keywords are reported by inference).
    pub(super) fn unique_counts(&mut self, args: &mut Vec<Expr>, kwargs: &mut Vec<Kwarg>, sp: Span) -> Option<Expr> {
        let at = kwargs.iter().position(|k| k.name == "return_counts")?;
        let counts = match kwargs[at].value.kind {
            ExprKind::Const(Const::Bool(b)) => b,
            _ => return None,
        };
        kwargs.remove(at);
        if !counts || !kwargs.is_empty() {
            return None;
        }
        let f = self.mk(ExprKind::ModAttr(Module::Numpy, "$unique_counts".into()), sp);
        Some(self.mk(ExprKind::Call { func: Box::new(f), args: std::mem::take(args), kwargs: Vec::new() }, sp))
    }

    /// `np.argsort(X, axis=0)` as `np.argsort(X.T).T`, or None to leave
    /// the call as it is.
    pub(super) fn argsort_columns(&mut self, args: &mut Vec<Expr>, kwargs: &mut Vec<Kwarg>, sp: Span) -> Option<Expr> {
        let at = kwargs.iter().position(|k| k.name == "axis")?;
        let others_kind = kwargs.iter().all(|k| matches!(k.name.as_str(), "axis" | "kind"));
        if args.len() != 1 || !others_kind || !matches!(kwargs[at].value.kind, ExprKind::Const(Const::Int(0))) {
            return None;
        }
        kwargs.remove(at);
        let t = |me: &mut Self, e: Expr| me.mk(ExprKind::Attr(Box::new(e), "T".into()), sp);
        let rows = t(self, args.remove(0));
        let f = self.mk(ExprKind::ModAttr(Module::Numpy, "argsort".into()), sp);
        // `kind=` stays with the sort.
        let kind = std::mem::take(kwargs);
        let order = self.mk(ExprKind::Call { func: Box::new(f), args: vec![rows], kwargs: kind }, sp);
        Some(t(self, order))
    }

    /// `np.expand_dims(v, axis)` of a literal axis as `v[:, None]` or
    /// `v[None, :]`, or None to leave the call for inference to report.
    pub(super) fn expand_dims(&mut self, args: &mut Vec<Expr>, kwargs: &mut Vec<Kwarg>, sp: Span) -> Option<Expr> {
        if args.len() == 1 && kwargs.len() == 1 && kwargs[0].name == "axis" {
            args.push(kwargs.remove(0).value);
        }
        let column = match (args.as_slice(), kwargs.is_empty()) {
            ([_, Expr { kind: ExprKind::Const(Const::Int(-1 | 1)), .. }], true) => true,
            ([_, Expr { kind: ExprKind::Const(Const::Int(-2 | 0)), .. }], true) => false,
            _ => return None,
        };
        args.pop();
        let all = self.mk(ExprKind::SliceBounds(None, None, None), sp);
        let new = self.mk(ExprKind::Const(Const::None), sp);
        let items = if column { vec![all, new] } else { vec![new, all] };
        let idx = self.mk(ExprKind::Tuple(items), sp);
        Some(self.mk(ExprKind::Index(Box::new(args.remove(0)), Box::new(idx)), sp))
    }

    /// `np.outer(v, w)` as `v.reshape(-1, 1) * w`, or None to leave the call
    /// for inference to report.
    pub(super) fn outer(&mut self, args: &mut Vec<Expr>, kwargs: &[Kwarg], sp: Span) -> Option<Expr> {
        if args.len() != 2 || !kwargs.is_empty() {
            return None;
        }
        let w = args.pop()?;
        let v = args.pop()?;
        let shape = vec![self.mk(ExprKind::Const(Const::Int(-1)), sp), self.mk(ExprKind::Const(Const::Int(1)), sp)];
        let col = ExprKind::MethodCall { recv: Box::new(v), name: "reshape".into(), args: shape, kwargs: Vec::new() };
        let col = self.mk(col, sp);
        Some(self.mk(ExprKind::Bin(BinOp::Mul, Box::new(col), Box::new(w)), sp))
    }

    /// `np.trace(A)` as `np.diag(A).sum()`, or None to leave the call.
    pub(super) fn trace(&mut self, args: &mut Vec<Expr>, kwargs: &[Kwarg], sp: Span) -> Option<Expr> {
        if args.len() != 1 || !kwargs.is_empty() {
            return None;
        }
        let f = self.mk(ExprKind::ModAttr(Module::Numpy, "diag".into()), sp);
        let diag = self.mk(ExprKind::Call { func: Box::new(f), args: std::mem::take(args), kwargs: Vec::new() }, sp);
        Some(
            self.mk(
                ExprKind::MethodCall { recv: Box::new(diag), name: "sum".into(), args: vec![], kwargs: vec![] },
                sp,
            ),
        )
    }
}

/// The operands of a binary operator with `w[None, :]` made `w` when the
/// other side is a column `v[:, None]`.
pub(super) fn outer_operands(l: Box<Expr>, r: Box<Expr>) -> (Box<Expr>, Box<Expr>) {
    let is_col = |e: &Expr| matches!(&e.kind, ExprKind::Index(_, idx) if idx.is_new_column());
    let unrow = |e: Box<Expr>| match e.kind {
        ExprKind::Index(w, idx) if idx.is_new_row() => {
            let bounds = match idx.kind {
                ExprKind::Tuple(mut items) => items.pop().map(|b| b.kind),
                _ => None,
            };
            match bounds {
                // `w[None, lo:hi]` is the row of `w[lo:hi]`, in the index's place.
                Some(ExprKind::SliceBounds(lo, hi, st)) if lo.is_some() || hi.is_some() || st.is_some() => {
                    Box::new(Expr { kind: ExprKind::Slice(w, lo, hi, st), ..*e })
                }
                _ => w,
            }
        }
        kind => Box::new(Expr { kind, ..*e }),
    };
    match (is_col(&l), is_col(&r)) {
        (true, false) => (l, unrow(r)),
        (false, true) => (unrow(l), r),
        _ => (l, r),
    }
}
