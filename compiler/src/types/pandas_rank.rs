//! pandas: the type of `Series.rank(...)` and of the internal
//! `pd.$rank(values, flags)` `hir/frames/rank.rs` makes of it, `flags`
//! those of `bodo_abi::rank` ([`rank_flags`], shared with the rewrite).
//! The runtime (`bodo_arr_rank`) ranks the values of any rows layout in
//! place, so the result is a float64 Series of the input's labels, name and
//! distribution.
//!
//! Only pandas' default `na_option="keep"` is supported: missing values
//! (NaN, None, NaT) are ranked NaN and left out of `pct=True`'s count.

use super::infer::Infer;
use super::pandas_sort::arg;
use super::records::const_str;
use super::ty::{py_name, SeriesTy, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{Const, Expr, ExprKind, Kwarg};
use bodo_abi::rank::{DESCENDING, METHODS, PCT};

/// `Series.rank`'s parameters in pandas' order (all may be positional).
const PARAMS: [&str; 6] = ["axis", "method", "numeric_only", "na_option", "ascending", "pct"];

/// What is wrong with an argument of `rank()`: where, the message, the
/// label under the span and a help line.
pub struct RankError {
    pub span: Span,
    pub msg: String,
    pub label: &'static str,
    pub help: String,
}

fn error(span: Span, msg: impl Into<String>, label: &'static str, help: impl Into<String>) -> RankError {
    RankError { span, msg: msg.into(), label, help: help.into() }
}

/// The argument of parameter `name` of `s.rank(...)`, by keyword or position.
fn param<'e>(args: &'e [Expr], kwargs: &'e [Kwarg], name: &str) -> Option<&'e Expr> {
    arg(args, kwargs, PARAMS.iter().position(|p| *p == name), name)
}

/// The value of a True/False constant argument `name` (its default when absent).
fn flag(args: &[Expr], kwargs: &[Kwarg], name: &str, default: bool) -> Result<bool, RankError> {
    match param(args, kwargs, name) {
        None => Ok(default),
        Some(Expr { kind: ExprKind::Const(Const::Bool(b)), .. }) => Ok(*b),
        Some(v) => Err(error(
            v.span,
            format!("Series.rank({name}=...) takes True or False"),
            "not a bool constant",
            "bodoc needs the ranking options at compile time",
        )),
    }
}

/// The `bodo_abi::rank` flags of `s.rank(...)`, with whether it asks for
/// `numeric_only=True`, or what is wrong with its arguments.
pub fn rank_flags(args: &[Expr], kwargs: &[Kwarg], span: Span) -> Result<(i64, bool), RankError> {
    if args.len() > PARAMS.len() {
        let help = format!("its parameters are {}", PARAMS.join(", "));
        return Err(error(span, "Series.rank() takes at most 6 arguments", "too many arguments", help));
    }
    if let Some(a) = param(args, kwargs, "axis") {
        let index = matches!(a.kind, ExprKind::Const(Const::Int(0))) || const_str(a) == Some("index");
        if !index {
            return Err(error(
                a.span,
                "a Series has one axis: Series.rank() ranks along axis 0 only",
                "not axis 0",
                "leave axis out, or give 0 or \"index\"",
            ));
        }
    }
    let methods = || METHODS.map(|m| format!("\"{m}\"")).join(", ");
    let method = match param(args, kwargs, "method") {
        None => 0,
        Some(m) => match const_str(m) {
            Some(name) => match METHODS.iter().position(|x| *x == name) {
                Some(code) => code as i64,
                None => {
                    return Err(error(
                        m.span,
                        format!("unknown ranking method '{name}'"),
                        "ValueError in pandas",
                        format!("method is one of {}", methods()),
                    ))
                }
            },
            None => {
                return Err(error(
                    m.span,
                    "Series.rank(method=...) takes a string constant",
                    "not a string literal",
                    format!("bodoc needs the method at compile time: one of {}", methods()),
                ))
            }
        },
    };
    if let Some(na) = param(args, kwargs, "na_option") {
        match const_str(na) {
            Some("keep") => {}
            Some("top" | "bottom") => {
                return Err(error(
                    na.span,
                    "Series.rank(na_option=...) supports only \"keep\" so far",
                    "not supported yet",
                    "missing values are ranked NaN; fill them first to rank them: `s.fillna(v).rank()`",
                ))
            }
            _ => {
                return Err(error(
                    na.span,
                    "na_option must be one of 'keep', 'top', or 'bottom'",
                    "ValueError in pandas",
                    "bodoc supports \"keep\", the default, so far",
                ))
            }
        }
    }
    let mut flags = method;
    if !flag(args, kwargs, "ascending", true)? {
        flags |= DESCENDING;
    }
    if flag(args, kwargs, "pct", false)? {
        flags |= PCT;
    }
    Ok((flags, flag(args, kwargs, "numeric_only", false)?))
}

impl Infer<'_> {
    /// `s.rank(...)` of Series `s`.
    pub(super) fn series_rank(&mut self, e: &Expr, s: &SeriesTy, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        for a in args.iter().chain(kwargs.iter().map(|k| &k.value)) {
            self.expr(a);
        }
        if !self.known_kwargs("Series.rank", kwargs, &PARAMS) {
            return Ty::Unknown;
        }
        let numeric_only = match rank_flags(args, kwargs, e.span) {
            Ok((_, n)) => n,
            Err(RankError { span, msg, label, help }) => {
                self.error(Diagnostic::error(span, msg).label(label).help(help));
                return Ty::Unknown;
            }
        };
        match &s.elem {
            Ty::Int | Ty::Float | Ty::Bool => {}
            Ty::Str | Ty::Datetime if numeric_only => {
                self.error(
                    Diagnostic::error(e.span, "Series.rank does not allow numeric_only=True with non-numeric values")
                        .label(format!("a Series of {} values", py_name(&s.elem)))
                        .help("TypeError in pandas: leave numeric_only out"),
                );
                return Ty::Unknown;
            }
            Ty::Str | Ty::Datetime => {}
            other => {
                self.error(
                    Diagnostic::error(e.span, format!("ranking {} values is not supported", py_name(other)))
                        .label(format!("a Series of {} values", py_name(other)))
                        .help("rank() takes Series of numbers, bools, strings and datetimes"),
                );
                return Ty::Unknown;
            }
        }
        self.frame_op();
        Ty::Series(Box::new(SeriesTy { elem: Ty::Float, ..s.clone() }))
    }

    /// `pd.$rank(values, flags)` (constant `flags`): float64 values of
    /// the same layout.
    pub(super) fn rank_internal(&mut self, args: &[Expr]) -> Ty {
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        match (self.top(&tys[0]), &args[1].kind) {
            (Ty::Array(_, 1, d), ExprKind::Const(Const::Int(_))) => Ty::array(Ty::Float, 1, d),
            _ => Ty::Unknown,
        }
    }
}
