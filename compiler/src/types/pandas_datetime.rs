//! pandas datetimes: the types of `pd.Timestamp(s)`, `pd.to_datetime(x)`,
//! `Series.dt.<field>` and the internal calls `hir/frames/datetime.rs`
//! leaves. A datetime64[ns] column holds [`Ty::Datetime`] elements (int64
//! nanoseconds at run time, NaT the smallest int64) and a Timestamp scalar
//! is a `Ty::Datetime`; they compare with each other (NaT unordered) and
//! reduce with `min`/`max`, and anything else is a diagnostic here or in
//! the operator rules.
//!
//! * `pd.$to_datetime(values)`: a str array's values parsed (ISO formats);
//! * `pd.$dt_field(values, code)`: a `bodo_abi::dt_field` of each value.

use super::infer::Infer;
use super::ty::{article, SeriesTy, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{Expr, Kwarg};

/// The `Series.dt` fields supported, as the hint lists them.
const FIELDS: &str = "year, month, day, hour, minute, second, microsecond, nanosecond, dayofweek, weekday, quarter";

impl Infer<'_> {
    /// `pd.Timestamp(...)`, `pd.to_datetime(...)` and the internal calls.
    pub(super) fn datetime_call(&mut self, e: &Expr, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        match name {
            "$to_datetime" => match self.top(&tys[0]) {
                Ty::Array(_, _, d) => Ty::array(Ty::Datetime, 1, d),
                _ => Ty::Unknown,
            },
            "$dt_field" => match self.top(&tys[0]) {
                Ty::Array(_, _, d) => Ty::array(Ty::Int, 1, d),
                _ => Ty::Unknown,
            },
            _ => {
                self.no_kwargs(name, kwargs, &[]);
                let ([t], [a]) = (&tys[..], args) else {
                    self.error(
                        Diagnostic::error(e.span, format!("pd.{name}() takes one argument here"))
                            .label("expected one string")
                            .help(format!("write `pd.{name}(\"2023-01-05 13:07:00\")`")),
                    );
                    return Ty::Unknown;
                };
                match self.top(t) {
                    Ty::Str | Ty::Datetime => Ty::Datetime,
                    Ty::Series(s) if name == "to_datetime" && matches!(s.elem, Ty::Str | Ty::Datetime) => {
                        self.frame_op();
                        Ty::Series(Box::new(SeriesTy { elem: Ty::Datetime, ..*s }))
                    }
                    Ty::Unknown | Ty::Var(_) => Ty::Unknown,
                    other => {
                        let what = if name == "to_datetime" { "a str or a Series of str" } else { "a str" };
                        self.error(
                            Diagnostic::error(a.span, format!("pd.{name}() of {} is not supported", article(&other)))
                                .label(format!("not {what}"))
                                .help(
                                    "give ISO dates or date-times as strings: \"2023-01-05\", \"2023-01-05 13:07:00\"",
                                ),
                        );
                        Ty::Unknown
                    }
                }
            }
        }
    }

    /// `s.dt.<name>` (`inner` is `s`), or `None` when `s` is no Series
    /// (then `.dt` is an ordinary attribute).
    pub(super) fn series_dt(&mut self, span: Span, inner: &Expr, name: &str) -> Option<Ty> {
        let t = self.expr(inner);
        let Ty::Series(s) = self.top(&t) else { return None };
        if s.elem != Ty::Datetime {
            self.error(
                Diagnostic::error(inner.span, "Can only use .dt accessor with datetimelike values")
                    .label(format!("a Series of {} values", super::ty::dtype_name(&s.elem)))
                    .help("convert strings first: `pd.to_datetime(s)`"),
            );
            return Some(Ty::Unknown);
        }
        if bodo_abi::dt_field::by_name(name).is_none() {
            self.error(
                Diagnostic::error(span, format!("'DatetimeProperties' object has no attribute '{name}'"))
                    .label("not supported")
                    .help(format!("supported: {FIELDS}")),
            );
            return Some(Ty::Unknown);
        }
        self.frame_op();
        Some(Ty::Series(Box::new(SeriesTy { elem: Ty::Int, ..*s })))
    }

    /// Datetime values where only numbers go (a sum, a mean, a number
    /// filling them in): a diagnostic.
    pub(super) fn datetime_misuse(&mut self, span: Span) -> Ty {
        self.error(
            Diagnostic::error(span, "datetime values are not numbers")
                .label("datetime64[ns] values used as numbers")
                .help("datetimes support min(), max(), count(), nunique(), comparisons and `.dt` fields"),
        );
        Ty::Unknown
    }
}
