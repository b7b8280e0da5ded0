//! pandas' `s.str.split(pat, n=...)` / `s.str.rsplit(...)`, read one
//! piece at a time: `.str[i]`, `.str.get(i)`, the number of pieces
//! `.str.len()` and the pieces joined again `.str.join(sep)`. A Series of
//! lists has no representation, so the split is only ever an operand of
//! one of these (`hir/held_splits.rs` re-reads a variable holding one);
//! here its arguments are checked and the result typed, and
//! `hir/frames/str_split.rs` makes each read a map over the strings.

use super::infer::Infer;
use super::ty::{SeriesTy, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{Const, Expr, ExprKind, Kwarg};

/// The characters that make a pattern a regular expression that does not
/// match its own text.
const REGEX_SYNTAX: &str = ".^$*+?{}[]\\|()";

/// `s.str.split(args)` / `s.str.rsplit(args)`: `s`, the method's name and its arguments.
pub fn split_of(e: &Expr) -> Option<(&Expr, &str, &[Expr], &[Kwarg])> {
    let ExprKind::MethodCall { recv, name, args, kwargs } = &e.kind else { return None };
    match &recv.kind {
        ExprKind::Attr(s, a) if a == "str" && matches!(name.as_str(), "split" | "rsplit") => {
            Some((s, name, args, kwargs))
        }
        _ => None,
    }
}

/// The pattern of a split's arguments (positional or `pat=`), if given.
pub fn split_pattern<'a>(args: &'a [Expr], kwargs: &'a [Kwarg]) -> Option<&'a Expr> {
    args.first().or_else(|| kwargs.iter().find(|k| k.name == "pat").map(|k| &k.value))
}

/// Whether pandas splits at matches of `pat` read as a regular expression:
/// `split` (not `rsplit`) does unless `regex=False`, or the pattern is one
/// character or absent (whitespace). Its `n` then reads differently.
pub fn splits_by_regex(name: &str, pat: Option<&Expr>, kwargs: &[Kwarg]) -> bool {
    let literal =
        kwargs.iter().any(|k| k.name == "regex" && matches!(k.value.kind, ExprKind::Const(Const::Bool(false))));
    let one_char = match pat.map(|p| &p.kind) {
        None | Some(ExprKind::Const(Const::None)) => true,
        Some(ExprKind::Const(Const::Str(p))) => p.chars().count() == 1,
        Some(_) => false,
    };
    name == "split" && !literal && !one_char
}

impl Infer<'_> {
    /// The type of the Series of strings that `split` (a [`split_of`]
    /// call) splits, its arguments checked: `None` when `split` splits no
    /// Series, `Ty::Unknown` when reported (left unrewritten, so that the
    /// report survives the rewrite rounds).
    pub(super) fn series_split(&mut self, split: &Expr) -> Option<Ty> {
        let (s, name, args, kwargs) = split_of(split)?;
        let t = self.expr(s);
        if !matches!(self.top(&t), Ty::Series(_)) {
            return None;
        }
        for a in args.iter().chain(kwargs.iter().map(|k| &k.value)) {
            self.expr(a);
        }
        let Some(s) = self.str_receiver(&t, split.span) else { return Some(Ty::Unknown) };
        let mut ok = true;
        if args.len() > 1 {
            ok = false;
            self.error(
                Diagnostic::error(args[1].span, format!("Series.str.{name}() takes at most 1 positional argument"))
                    .label("pandas takes `n` by keyword only")
                    .help(format!("write `s.str.{name}(pat, n=...)`")),
            );
        }
        let known: &[&str] = if name == "split" { &["pat", "n", "expand", "regex"] } else { &["pat", "n", "expand"] };
        for k in kwargs {
            ok &= self.split_option(name, k, known, !args.is_empty());
        }
        for p in args.first().into_iter().chain(kwargs.iter().filter(|k| k.name == "pat").map(|k| &k.value)) {
            self.typed_arg(&Ty::Str, p, "a split pattern");
        }
        if let Some(k) = kwargs.iter().find(|k| k.name == "n") {
            self.typed_arg(&Ty::Int, &k.value, "a split count `n`");
        }
        ok = ok && self.literal_split_pattern(split.span, name, args, kwargs);
        Some(if ok { Ty::Series(Box::new(s)) } else { Ty::Unknown })
    }

    /// Whether the keyword argument `k` of a split is one it takes, with a
    /// value supported; reported otherwise.
    fn split_option(&mut self, name: &str, k: &Kwarg, known: &[&str], pat_given: bool) -> bool {
        let d = match (k.name.as_str(), &k.value.kind) {
            (n, _) if !known.contains(&n) => {
                super::builtins::unexpected_kwarg(&format!("Series.str.{name}"), k, known.iter().copied())
            }
            ("pat", _) if pat_given => {
                Diagnostic::error(k.span, format!("Series.str.{name}() got multiple values for argument 'pat'"))
                    .label("also given by position")
            }
            ("pat" | "n", _) | ("expand" | "regex", ExprKind::Const(Const::Bool(false))) => return true,
            ("regex", ExprKind::Const(Const::None)) => return true,
            ("expand", _) => Diagnostic::error(k.span, format!("Series.str.{name}(expand=True) is not supported yet"))
                .label("a DataFrame of the pieces")
                .help(format!("take the pieces one at a time: `s.str.{name}(sep).str[0]`, `.str[1]`, ...")),
            _ => Diagnostic::error(k.span, "regular expressions are not supported yet")
                .label("splits at the matches of a regular expression")
                .help("pass `regex=False` to split at the pattern's text"),
        };
        self.error(d);
        false
    }

    /// `split` matches a pattern of more than one character as a regular
    /// expression unless told `regex=False`: only patterns that read the
    /// same either way are accepted. Whether the pattern is fine.
    fn literal_split_pattern(&mut self, span: Span, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> bool {
        let pat = split_pattern(args, kwargs);
        let Some(p) = pat.filter(|_| splits_by_regex(name, pat, kwargs)) else { return true };
        let d = match &p.kind {
            ExprKind::Const(Const::Str(text))
                if !text.is_empty() && !text.chars().any(|c| REGEX_SYNTAX.contains(c)) =>
            {
                return true;
            }
            ExprKind::Const(_) => Diagnostic::error(p.span, "regular expressions are not supported yet")
                .label("pandas reads this pattern as a regular expression"),
            _ => Diagnostic::error(span, "a split pattern that is not a constant needs `regex=False` here")
                .label("pandas reads a pattern longer than one character as a regular expression"),
        };
        self.error(d.help("pass `regex=False` to split at the pattern's text"));
        false
    }

    /// Checks that the argument `a`, typed already, is a `want` (or None).
    fn typed_arg(&mut self, want: &Ty, a: &Expr, what: &str) {
        let t = self.exprs[a.id as usize].clone();
        if t != Ty::None {
            self.expect(want, &t, a.span, what);
        }
    }

    /// `e`, a [`split_of`] call, used other than through `.str`: its
    /// arguments checked, then reported; `None` when it splits no Series.
    pub fn series_split_alone(&mut self, e: &Expr) -> Option<Ty> {
        if let Ty::Series(_) = self.series_split(e)? {
            self.error(
                Diagnostic::error(e.span, "a Series of lists is not supported yet")
                    .label("a Series of list[str] values")
                    .help(
                        "read its pieces through `.str`, in the same expression or through a variable read \
                         only that way: `s.str.split(sep).str[0]`, `.str.get(i)`, `.str.len()`, `.str.join(sep)`",
                    ),
            );
        }
        Some(Ty::Unknown)
    }

    /// `split.str.NAME(args)` (`e`) where `split` is a [`split_of`] call:
    /// the pieces of each value counted (`len`), one read (`get(i)`) or
    /// joined (`join(sep)`); `None` when `split` splits no Series.
    pub fn series_split_method(
        &mut self,
        e: &Expr,
        split: &Expr,
        name: &str,
        args: &[Expr],
        kwargs: &[Kwarg],
    ) -> Option<Ty> {
        let Ty::Series(s) = self.series_split(split)? else { return Some(Ty::Unknown) };
        for a in args.iter().chain(kwargs.iter().map(|k| &k.value)) {
            self.expr(a);
        }
        let (elem, arg) = match (name, args, kwargs) {
            ("len", [], []) => (Ty::Int, None),
            ("get", [i], []) => (Ty::Str, Some((i, Ty::Int, "a .str.get index"))),
            ("join", [sep], []) => (Ty::Str, Some((sep, Ty::Str, "a .str.join separator"))),
            _ => {
                self.error(
                    Diagnostic::error(e.span, format!("Series.str.{name}() of split strings is not supported yet"))
                        .label("a Series of lists")
                        .help("read the pieces as `.str[i]`, `.str.get(i)`, `.str.len()` or `.str.join(sep)`"),
                );
                return Some(Ty::Unknown);
            }
        };
        if let Some((a, want, what)) = arg {
            self.typed_arg(&want, a, what);
        }
        self.frame_op();
        Some(Ty::Series(Box::new(SeriesTy { elem, ..*s })))
    }
}
