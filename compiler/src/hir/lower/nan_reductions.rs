//! NumPy's NaN-ignoring reductions of an array variable `x`, as NumPy
//! defines them:
//! `np.nansum(x)` is `np.where(np.isnan(x), 0.0, x).sum()` (NaN counted as
//! zero, the same pairwise sum), `np.nanmean(x)` that sum over the count
//! `(~np.isnan(x)).sum()` (both keep an `axis=`), and `np.nanmax`,
//! `nanmin`, `nanstd`, `nanvar` (with `ddof=`), `nanmedian` and
//! `nanpercentile` the plain reduction of the numbers `x[~np.isnan(x)]`;
//! `np.nanmax` and `np.nanmin` along an axis stay calls, reductions of the
//! runtime (`array/axis.rs`).
//! The array is named twice, so its expression must be one that reads the
//! same value twice (variables, constants, operators and subscripts, as
//! `X[:, j]`); other forms are reported here.

use super::*;

/// The NaN-ignoring reductions and the plain reduction each stands for.
const NAN_REDUCTIONS: &[(&str, &str)] = &[
    ("nansum", "sum"),
    ("nanmean", "mean"),
    ("nanmax", "max"),
    ("nanmin", "min"),
    ("nanstd", "std"),
    ("nanvar", "var"),
    ("nanmedian", "median"),
    ("nanpercentile", "percentile"),
];

/// The plain reduction the NaN-ignoring `np.<name>` stands for, if any.
pub(super) fn nan_plain(name: &str) -> Option<&'static str> {
    NAN_REDUCTIONS.iter().find(|(n, _)| *n == name).map(|&(_, plain)| plain)
}

impl FnLower<'_> {
    /// The HIR of `np.<name>(args, **kwargs)`, the NaN-ignoring form of
    /// `plain` (an error placeholder after a diagnostic).
    pub(super) fn nan_reduction(
        &mut self,
        [name, plain]: [&str; 2],
        args: &mut Vec<Expr>,
        kwargs: &mut Vec<Kwarg>,
        sp: Span,
    ) -> Expr {
        // The array is read twice: a copy of its expression for each read.
        let Some(x) = args.first().cloned().filter(|x| self.copy_pure(x).is_some()) else {
            let what = format!("np.{name}() of this expression");
            self.unsupported(sp, &what, "it is read twice: assign the array to a variable first");
            return self.error_expr(sp);
        };
        // The axis may be positional (after `q` for nanpercentile).
        let axis_at = if plain == "percentile" { 2 } else { 1 };
        if args.len() > axis_at {
            let value = args.remove(axis_at);
            kwargs.push(Kwarg { name: "axis".into(), span: value.span, value });
        }
        let var = |me: &mut Self| me.copy_pure(&x).unwrap_or_else(|| me.error_expr(sp));
        let isnan = |me: &mut Self| {
            let v = var(me);
            me.np_call("isnan", vec![v], sp)
        };
        let numbers = |me: &mut Self| {
            let nan = isnan(me);
            me.mk(ExprKind::Unary(UnOp::Invert, Box::new(nan)), sp)
        };
        let method = |me: &mut Self, recv: Expr, name: &str, kwargs: Vec<Kwarg>| {
            me.mk(ExprKind::MethodCall { recv: Box::new(recv), name: name.into(), args: vec![], kwargs }, sp)
        };
        if matches!(plain, "sum" | "mean") {
            let (nan, zero, v) = (isnan(self), self.mk(ExprKind::Const(Const::Float(0.0)), sp), var(self));
            let cleaned = self.np_call("where", vec![nan, zero, v], sp);
            // The count takes the same keywords (an axis): copies of them.
            let mut copies = Vec::new();
            for k in kwargs.iter() {
                let value = self.copy_pure(&k.value).unwrap_or_else(|| self.error_expr(k.span));
                copies.push(Kwarg { name: k.name.clone(), value, span: k.span });
            }
            let total = method(self, cleaned, "sum", copies);
            if plain == "sum" {
                return total;
            }
            let valid = numbers(self);
            let count = method(self, valid, "sum", std::mem::take(kwargs));
            return self.mk(ExprKind::Bin(BinOp::Div, Box::new(total), Box::new(count)), sp);
        }
        if let Some(k) = kwargs.iter().find(|k| k.name == "axis") {
            if matches!(plain, "max" | "min") {
                // Along an axis of a 2D array: the runtime's reduction.
                let f = self.mk(ExprKind::ModAttr(Module::Numpy, name.into()), sp);
                let call =
                    ExprKind::Call { func: Box::new(f), args: std::mem::take(args), kwargs: std::mem::take(kwargs) };
                return self.mk(call, sp);
            }
            let ksp = k.span;
            let help = "np.nansum, np.nanmean, np.nanmax and np.nanmin take axis=";
            self.unsupported(ksp, &format!("np.{name}() along an axis"), help);
            return self.error_expr(sp);
        }
        let (v, valid) = (var(self), numbers(self));
        args[0] = self.mk(ExprKind::Index(Box::new(v), Box::new(valid)), x.span);
        let f = self.mk(ExprKind::ModAttr(Module::Numpy, plain.into()), sp);
        let call = ExprKind::Call { func: Box::new(f), args: std::mem::take(args), kwargs: std::mem::take(kwargs) };
        self.mk(call, sp)
    }
}
