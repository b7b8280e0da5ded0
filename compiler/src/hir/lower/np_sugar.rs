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
}
