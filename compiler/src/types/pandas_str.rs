//! pandas' `Series.str` accessor on a Series of strings: `s.str.upper()`,
//! `s.str.len()`, `s.str.contains("x")`, `s.str[0]`, ... Each is the
//! scalar string operation applied to every value, so only its result type
//! is decided here; `hir/frames.rs` rewrites it into a `CompKind::Array`
//! comprehension over the values, whose body inference then types (and
//! checks the arguments of) as ordinary Python.

use super::infer::Infer;
use super::methods::{self, Recv};
use super::pandas_split::split_of;
use super::ty::{article, SeriesTy, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{Const, Expr, ExprKind, Kwarg};

/// `.str` methods with no Python str method of the same name: their
/// result's element type.
const PANDAS_ONLY: &[(&str, Ty)] = &[("len", Ty::Int), ("contains", Ty::Bool), ("slice", Ty::Str), ("get", Ty::Str)];

impl Infer<'_> {
    /// Whether `s` is the Series of strings that `.str` may follow; other
    /// receivers are reported (`.str` of numbers).
    pub(super) fn str_receiver(&mut self, t: &Ty, span: Span) -> Option<SeriesTy> {
        match self.top(t) {
            Ty::Series(s) if s.elem == Ty::Str => Some(*s),
            Ty::Series(s) if matches!(s.elem, Ty::Unknown | Ty::Var(_)) => None,
            Ty::Series(s) => {
                self.error(
                    Diagnostic::error(span, "Can only use .str accessor with string values!")
                        .label(format!("a Series of {} values", article(&s.elem)))
                        .help("convert it first: `s.astype(str).str...`"),
                );
                None
            }
            _ => None,
        }
    }

    /// `s.str.NAME(args)` for `s` of type `t`, or `None` when `t` is no Series.
    pub fn series_str_method(&mut self, e: &Expr, t: &Ty, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Option<Ty> {
        if !matches!(self.top(t), Ty::Series(_)) {
            return None;
        }
        for a in args.iter().chain(kwargs.iter().map(|k| &k.value)) {
            self.expr(a);
        }
        let s = self.str_receiver(t, e.span)?;
        // Left unrewritten when reported, so that the report survives the rewrite rounds.
        if matches!(name, "contains" | "replace") && !self.literal_pattern(e, name, args, kwargs) {
            return Some(Ty::Unknown);
        }
        let elem = match (PANDAS_ONLY.iter().find(|p| p.0 == name), methods::lookup(Recv::Str, name)) {
            (Some((_, el)), _) => el.clone(),
            (None, Some(m)) => match methods::ret_ty(m.ret, &Ty::Str) {
                el @ (Ty::Str | Ty::Int | Ty::Bool) => el,
                other => {
                    self.error(
                        Diagnostic::error(e.span, format!("Series.str.{name}() is not supported yet"))
                            .label(format!("a Series of {other} values"))
                            .help("a Series of lists is not supported yet; the pieces of `s.str.split(sep)` are"),
                    );
                    return Some(Ty::Unknown);
                }
            },
            (None, None) => {
                self.error(
                    Diagnostic::error(e.span, format!("Series.str.{name}() is not supported yet"))
                        .label("not supported")
                        .help("the `str` methods of Python strings are, with `len`, `contains`, `slice` and `[i]`"),
                );
                return Some(Ty::Unknown);
            }
        };
        self.frame_op();
        Some(Ty::Series(Box::new(SeriesTy { elem, ..s })))
    }

    /// `s.str.contains(pat)` / `s.str.replace(pat, repl)` match `pat` as
    /// plain text: `contains` reads a regular expression by default, so a
    /// pattern with its syntax needs `regex=False`; other options are not
    /// supported. Whether the call is fine.
    fn literal_pattern(&mut self, e: &Expr, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> bool {
        let mut literal = name == "replace";
        let mut ok = true;
        for k in kwargs {
            match (k.name.as_str(), &k.value.kind) {
                ("regex", ExprKind::Const(Const::Bool(false))) => literal = true,
                _ => {
                    ok = false;
                    self.error(
                        Diagnostic::error(
                            k.value.span,
                            format!("Series.str.{name}()'s `{}=` is not supported yet", k.name),
                        )
                        .label("not supported")
                        .help("the pattern is matched as plain text (`regex=False`), case-sensitively"),
                    );
                }
            }
        }
        let special = |p: &str| p.chars().any(|c| ".^$*+?{}[]\\|()".contains(c));
        if let (false, Some(ExprKind::Const(Const::Str(p)))) = (literal, args.first().map(|a| &a.kind)) {
            if special(p) {
                ok = false;
                self.error(
                    Diagnostic::error(args[0].span, "regular expressions are not supported yet")
                        .label("pandas reads this pattern as a regular expression")
                        .help("pass `regex=False` to match it as plain text"),
                );
            }
        } else if !literal && args.first().is_some_and(|a| !matches!(a.kind, ExprKind::Const(_))) {
            ok = false;
            self.error(
                Diagnostic::error(e.span, "a pattern that is not a constant needs `regex=False` here")
                    .label("pandas reads the pattern as a regular expression")
                    .help("pass `regex=False` to match it as plain text"),
            );
        }
        ok
    }

    /// `X.str[i]` where `X` is `inner`: one character of each value, or
    /// one piece when `X` is `s.str.split(sep)` (`types/pandas_split.rs`);
    /// `None` when `X` is no Series.
    pub fn series_str_index(&mut self, span: Span, inner: &Expr, idx: &Expr) -> Option<Ty> {
        let t = match self.series_split(inner) {
            Some(Ty::Series(s)) => Ty::Series(s),
            Some(_) => return Some(Ty::Unknown),
            None if split_of(inner).is_some() => return None,
            None => self.expr(inner),
        };
        if !matches!(self.top(&t), Ty::Series(_)) {
            return None;
        }
        let it = self.expr(idx);
        self.expect(&Ty::Int, &it, idx.span, "a .str index");
        let s = self.str_receiver(&t, span)?;
        self.frame_op();
        Some(Ty::Series(Box::new(SeriesTy { elem: Ty::Str, ..s })))
    }
}
