//! pandas windows over a Series' values: the types of `s.shift(n)`,
//! `s.diff(n)` and `s.rolling(w).sum()`/`.mean()`, and of the internal
//! calls `hir/frames/windows.rs` leaves:
//!
//! * `pd.$shift(values, n, diff)`: the values shifted (datetimes stay
//!   datetimes), or with `diff` 1 their differences;
//! * `pd.$rolling(values, w, mean)`: pandas' rolling sums or means.
//!
//! Numbers come out as float64, as pandas makes them (NaN where no value
//! comes in); datetimes shift as datetimes (NaT).

use super::infer::Infer;
use super::ty::{dtype_name, SeriesTy, Ty};
use crate::diagnostics::Diagnostic;
use crate::hir::{Expr, ExprKind, Kwarg};

impl Infer<'_> {
    /// `pd.$shift(...)` and `pd.$rolling(...)`.
    pub(super) fn window_internal(&mut self, name: &str, args: &[Expr]) -> Ty {
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        let Ty::Array(el, _, d) = self.top(&tys[0]) else { return Ty::Unknown };
        let shift = name == "$shift" && matches!(args[2].kind, ExprKind::Const(crate::hir::Const::Int(0)));
        Ty::array(if shift && *el == Ty::Datetime { Ty::Datetime } else { Ty::Float }, 1, d)
    }

    /// `s.shift(periods)` / `s.diff(periods)` of Series `s`.
    pub(super) fn series_shift(&mut self, e: &Expr, s: &SeriesTy, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        self.no_kwargs(name, kwargs, &["periods"]);
        let given: Vec<&Expr> = args.iter().chain(kwargs.iter().map(|k| &k.value)).collect();
        if given.len() > 1 {
            self.error(
                Diagnostic::error(e.span, format!("Series.{name}() takes one argument here, periods"))
                    .label("too many arguments"),
            );
        }
        for a in &given {
            let t = self.expr(a);
            self.expect(&Ty::Int, &t, a.span, &format!("Series.{name}()"));
        }
        let elem = match (&s.elem, name) {
            (Ty::Int | Ty::Float, _) => Ty::Float,
            (Ty::Datetime, "shift") => Ty::Datetime,
            (el, _) => {
                self.error(
                    Diagnostic::error(e.span, format!("Series.{name}() of {} values is not supported", dtype_name(el)))
                        .label(format!("a Series of {} values", dtype_name(el)))
                        .help(format!(
                            "{name}() takes int and float Series{}; convert first: `s.astype(np.float64)`",
                            if name == "shift" { " and datetimes" } else { "" }
                        )),
                );
                return Ty::Unknown;
            }
        };
        self.frame_op();
        Ty::Series(Box::new(SeriesTy { elem, ..s.clone() }))
    }

    /// `X.NAME(args)` where `X` is `inner.rolling(window)`: the rolling
    /// aggregation's Series, or `None` when `inner` is no Series.
    pub(super) fn series_rolling(
        &mut self,
        e: &Expr,
        rolling: &Expr,
        name: &str,
        args: &[Expr],
        kwargs: &[Kwarg],
    ) -> Option<Ty> {
        let ExprKind::MethodCall { recv: inner, args: wargs, kwargs: wkw, .. } = &rolling.kind else { return None };
        let t = self.expr(inner);
        let Ty::Series(s) = self.top(&t) else { return None };
        self.no_kwargs("rolling", wkw, &["window"]);
        let given: Vec<&Expr> = wargs.iter().chain(wkw.iter().map(|k| &k.value)).collect();
        let [w] = given[..] else {
            self.error(
                Diagnostic::error(rolling.span, "Series.rolling() takes one argument here, the window")
                    .label("expected `s.rolling(w)`"),
            );
            return Some(Ty::Unknown);
        };
        let wt = self.expr(w);
        self.expect(&Ty::Int, &wt, w.span, "the window of rolling()");
        for a in args {
            self.expr(a);
        }
        if !matches!(name, "sum" | "mean") {
            self.error(
                Diagnostic::error(e.span, format!("Rolling.{name}() is not supported yet"))
                    .label("not supported")
                    .help("rolling windows support sum() and mean() so far"),
            );
            return Some(Ty::Unknown);
        }
        if !args.is_empty() || !kwargs.is_empty() {
            self.error(
                Diagnostic::error(e.span, format!("Rolling.{name}() takes no arguments here")).label("arguments"),
            );
        }
        if !matches!(s.elem, Ty::Int | Ty::Float | Ty::Bool) {
            self.error(
                Diagnostic::error(
                    inner.span,
                    format!("rolling windows of {} values are not supported", dtype_name(&s.elem)),
                )
                .label(format!("a Series of {} values", dtype_name(&s.elem)))
                .help("rolling windows take int, float and bool Series"),
            );
            return Some(Ty::Unknown);
        }
        self.frame_op();
        Some(Ty::Series(Box::new(SeriesTy { elem: Ty::Float, ..*s })))
    }

    /// `s.rolling(w)` not aggregated where it is made: a diagnostic.
    pub(super) fn rolling_alone(&mut self, e: &Expr) -> Ty {
        self.error(
            Diagnostic::error(e.span, "a Rolling object is supported only aggregated where it is made")
                .label("not followed by .sum() or .mean()")
                .help("write the window and its aggregation together: `s.rolling(w).mean()`"),
        );
        Ty::Unknown
    }
}
