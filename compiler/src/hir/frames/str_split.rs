//! `s.str.split(...)` / `s.str.rsplit(...)` read one piece at a time
//! (`types/pandas_split.rs` typed it): `.str[i]`, `.str.get(i)`,
//! `.str.len()` and `.str.join(sep)` become a map over the strings of `s`
//! splitting each value with Python's `str.split(sep, maxsplit)`, pandas'
//! `pat` and `n` turned into those (a piece a value lacks is missing,
//! `hir::OR_NA`).

use super::Rewriter;
use crate::hir::build::BuildHir;
use crate::hir::*;
use crate::types::pandas_split::{split_pattern, splits_by_regex};

/// The parts of `s.str.split(args, kwargs)` (or `rsplit`).
pub(super) struct Split {
    s: Expr,
    name: String,
    args: Vec<Expr>,
    kwargs: Vec<Kwarg>,
}

/// `e` taken apart when it is a split of a Series' strings, else given back.
pub(super) fn take_split(e: Expr) -> Result<Split, Expr> {
    match e.kind {
        ExprKind::MethodCall { recv, name, args, kwargs }
            if matches!(name.as_str(), "split" | "rsplit")
                && matches!(&recv.kind, ExprKind::Attr(_, a) if a == "str") =>
        {
            let ExprKind::Attr(s, _) = recv.kind else { unreachable!("matched as `.str`") };
            Ok(Split { s: *s, name, args, kwargs })
        }
        kind => Err(Expr { kind, ..e }),
    }
}

impl Rewriter<'_> {
    /// The Series `id` whose value for each string `x` of the split's
    /// Series is `read(pieces)`, `pieces` being the list `x` splits into.
    pub(super) fn split_read(
        &mut self,
        id: ExprId,
        split: Split,
        span: Span,
        read: impl FnOnce(&mut Self, Expr) -> ExprKind,
    ) -> Expr {
        let Split { s, name, args, kwargs } = split;
        self.str_map(id, s, span, |w, x| {
            let pieces = w.pieces(x, name, args, kwargs, span);
            read(w, pieces)
        })
    }

    /// `x.split(pat, maxsplit)` (or `rsplit`) for pandas' arguments.
    fn pieces(&mut self, x: Expr, name: String, args: Vec<Expr>, kwargs: Vec<Kwarg>, span: Span) -> Expr {
        let regex = splits_by_regex(&name, split_pattern(&args, &kwargs), &kwargs);
        let mut pat = args.into_iter().next();
        let mut n = None;
        for k in kwargs {
            match k.name.as_str() {
                "pat" => pat = Some(k.value),
                "n" => n = Some(k.value),
                // `expand=False` and `regex=False`/`None`: what the call does anyway.
                _ => {}
            }
        }
        let pat = pat.unwrap_or_else(|| self.expr(ExprKind::Const(Const::None), span));
        let maxsplit = self.maxsplit(n, regex, span);
        self.expr(ExprKind::MethodCall { recv: Box::new(x), name, args: vec![pat, maxsplit], kwargs: Vec::new() }, span)
    }

    /// Python's `maxsplit` for pandas' `n`: every split for `n` None, 0 or
    /// negative (the literal split passes `n` on, 0 meaning -1); a regular
    /// expression's split (`re.split(pat, x, maxsplit)`) makes none for
    /// `n` below -1.
    fn maxsplit(&mut self, n: Option<Expr>, regex: bool, span: Span) -> Expr {
        let mapped = |v: i64| match v {
            v if v > 0 => v,
            v if v >= -1 || !regex => -1,
            _ => 0,
        };
        let n = match n {
            None => return self.int(-1, span),
            Some(n) => match n.kind {
                ExprKind::Const(Const::None) => return self.int(-1, span),
                ExprKind::Const(Const::Int(v)) => return self.int(mapped(v), span),
                _ => n,
            },
        };
        // `n if n > 0 else -1`, or for a regular expression
        // `n if n > 0 else (-1 if n >= -1 else 0)`.
        let test = |w: &mut Self, n: Expr, op: CmpOp, bound: i64| {
            let bound = w.int(bound, span);
            w.expr(ExprKind::Compare(Box::new(n), vec![(op, bound)]), span)
        };
        let all = self.int(-1, span);
        let otherwise = match regex {
            true => {
                let (none, n2) = (self.int(0, span), self.copy_expr(&n));
                let at_least = test(self, n2, CmpOp::Ge, -1);
                self.expr(ExprKind::IfExp(Box::new(at_least), Box::new(all), Box::new(none)), span)
            }
            false => all,
        };
        let n1 = self.copy_expr(&n);
        let positive = test(self, n1, CmpOp::Gt, 0);
        self.expr(ExprKind::IfExp(Box::new(positive), Box::new(n), Box::new(otherwise)), span)
    }
}
