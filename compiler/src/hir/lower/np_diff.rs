//! `np.diff(a, n=k, axis=...)` as slices of `a`: along the rows
//! `a[1:] - a[:-1]`, along the columns `a[:, 1:] - a[:, :-1]`, taken `k`
//! times. Without an axis NumPy takes the last one, which depends on
//! `a`'s dimensions: both forms are built under the condition
//! `a.ndim == 2`, which inference decides from `a`'s type
//! (`types/static_cond.rs`), so only the right one is typed and emitted.

use super::*;

impl FnLower<'_> {
    /// `np.diff(a, n=k)` (`args`, `kwargs`) made `np.diff(d)` where `d` is
    /// `a[1:] - a[:-1]` taken `k` times (the call left for inference to
    /// check that `a` is 1D) when `a` cannot be read again for the last
    /// axis' condition; with a constant `axis=0` (rows) or `axis=1`
    /// (columns, `a[:, 1:] - a[:, :-1]`), or without one, the result is
    /// returned (`Ok(Some(d))`). `Err` after a diagnostic.
    pub(super) fn np_diff(
        &mut self,
        args: &mut Vec<Expr>,
        kwargs: &mut Vec<Kwarg>,
        sp: Span,
    ) -> Result<Option<Expr>, ()> {
        let axis = match kwargs.iter().position(|k| k.name == "axis") {
            Some(i) => match kwargs.remove(i).value.kind {
                ExprKind::Const(Const::Int(0)) => Some(false),
                ExprKind::Const(Const::Int(1)) => Some(true),
                ExprKind::Const(Const::Int(-1)) => None,
                _ => {
                    self.unsupported(sp, "np.diff() along this axis", "give axis=0 or axis=1 as a literal");
                    return Err(());
                }
            },
            None => None,
        };
        if axis.is_none() {
            if let Some(last) = self.diff_last_axis(args, kwargs, sp) {
                return last.map(Some);
            }
        }
        if !self.diff_rounds(args, kwargs, axis == Some(true), sp) {
            return Err(());
        }
        Ok(axis.is_some().then(|| args.remove(0)))
    }

    /// `args[0]` replaced by its differences along the rows (along the
    /// columns when `cols`) taken `n` times (`args[1]` or `kwargs`' `n`);
    /// false after a diagnostic.
    fn diff_rounds(&mut self, args: &mut Vec<Expr>, kwargs: &mut Vec<Kwarg>, cols: bool, sp: Span) -> bool {
        let n_at = kwargs.iter().position(|k| k.name == "n");
        let n = match (args.len(), n_at) {
            (1, Some(i)) => Some(kwargs.remove(i).value),
            (2, None) => args.pop(),
            (1, None) => None,
            _ => return true,
        };
        let rounds = match n.map(|n| n.kind) {
            None => 1,
            Some(ExprKind::Const(Const::Int(k))) if k >= 0 => k,
            Some(_) => {
                self.unsupported(sp, "np.diff()'s n other than a constant", "give n as an int literal");
                return false;
            }
        };
        for _ in 0..rounds {
            let a = args.remove(0);
            let Some(again) = self.copy_pure(&a) else {
                self.unsupported(
                    a.span,
                    "np.diff() of this expression",
                    "it is read twice: assign it to a variable first",
                );
                return false;
            };
            let asp = a.span;
            let bound = |me: &mut Self, v: i64| Some(Box::new(me.mk(ExprKind::Const(Const::Int(v)), asp)));
            let (one, last) = (bound(self, 1), bound(self, -1));
            let (tail, head) = if cols {
                let all = |me: &mut Self| me.mk(ExprKind::SliceBounds(None, None, None), asp);
                let (from1, to_last) = (
                    self.mk(ExprKind::SliceBounds(one, None, None), asp),
                    self.mk(ExprKind::SliceBounds(None, last, None), asp),
                );
                let (i1, i2) = ([all(self), from1], [all(self), to_last]);
                let (i1, i2) = (self.mk(ExprKind::Tuple(i1.into()), asp), self.mk(ExprKind::Tuple(i2.into()), asp));
                (
                    self.mk(ExprKind::Index(Box::new(again), Box::new(i1)), asp),
                    self.mk(ExprKind::Index(Box::new(a), Box::new(i2)), asp),
                )
            } else {
                (
                    self.mk(ExprKind::Slice(Box::new(again), one, None, None), asp),
                    self.mk(ExprKind::Slice(Box::new(a), None, last, None), asp),
                )
            };
            args.insert(0, self.mk(ExprKind::Bin(BinOp::Sub, Box::new(tail), Box::new(head)), asp));
        }
        true
    }

    /// `np.diff(a, n=k)` along the last axis:
    /// `d_cols if a.ndim == 2 else np.diff(d_rows)`, the call left for
    /// inference to check that `a` is 1D. None (nothing taken) when `a` or
    /// `n` cannot be read twice.
    fn diff_last_axis(&mut self, args: &mut Vec<Expr>, kwargs: &mut Vec<Kwarg>, sp: Span) -> Option<Result<Expr, ()>> {
        let mut cols_args = args.iter().map(|a| self.copy_pure(a)).collect::<Option<Vec<_>>>()?;
        let mut cols_kwargs = Vec::new();
        for k in kwargs.iter() {
            cols_kwargs.push(Kwarg { value: self.copy_pure(&k.value)?, ..k.clone() });
        }
        let a = self.copy_pure(args.first()?)?;
        if !(self.diff_rounds(args, kwargs, false, sp) && self.diff_rounds(&mut cols_args, &mut cols_kwargs, true, sp))
        {
            return Some(Err(()));
        }
        let f = self.mk(ExprKind::ModAttr(Module::Numpy, "diff".into()), sp);
        let (args, kwargs) = (std::mem::take(args), std::mem::take(kwargs));
        let rows = self.mk(ExprKind::Call { func: Box::new(f), args, kwargs }, sp);
        let ndim = self.mk(ExprKind::Attr(Box::new(a), "ndim".into()), sp);
        let two = self.mk(ExprKind::Const(Const::Int(2)), sp);
        let is_2d = self.mk(ExprKind::Compare(Box::new(ndim), vec![(CmpOp::Eq, two)]), sp);
        Some(Ok(self.mk(ExprKind::IfExp(Box::new(is_2d), Box::new(cols_args.remove(0)), Box::new(rows)), sp)))
    }
}
