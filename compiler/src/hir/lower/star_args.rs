//! Starred call arguments. A display's items are spliced in place
//! (`f(*[a, b], c)` is `f(a, b, c)`); `zip(*rows)` of a value whose length
//! is only known at run time is the builtin `ZipRows` (its columns are
//! run-time-length tuples); a starred value beside other `zip` arguments
//! gets a diagnostic saying what to write. `min`/`max` of starred values
//! take one list of all their arguments (`max(a, *xs)` is `max([a, *xs])`),
//! and a display with starred items is the concatenation of its parts
//! (`[a, *xs]` is `[a] + list(xs)`, a tuple's parts `tuple(xs)`, a set the
//! set of the list). A user function's call keeps
//! `*t` (as the builtin `Spread`) and `**rec` (a keyword argument named
//! `**`) for inference to bind their items by the value's type.

use rustpython_parser::ast::{self, Ranged};

use super::*;

/// The kind of a display with starred items.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Display {
    List,
    Tuple,
    Set,
}

impl FnLower<'_> {
    /// `zip(*rows)` (the only argument, of no display) as a `ZipRows` call.
    pub(super) fn zip_rows(&mut self, c: &ast::ExprCall, sp: Span) -> Option<Expr> {
        let [ast::Expr::Starred(st)] = c.args.as_slice() else { return None };
        if !c.keywords.is_empty()
            || matches!(&*st.value, ast::Expr::List(_) | ast::Expr::Tuple(_))
            || !self.is_builtin_name(&c.func, "zip")
        {
            return None;
        }
        let rows = self.expr(&st.value);
        let f = self.mk(ExprKind::Builtin(Builtin::ZipRows), sp);
        Some(self.mk(ExprKind::Call { func: Box::new(f), args: vec![rows], kwargs: Vec::new() }, sp))
    }

    /// `c` with starred displays spliced, if it had any; `Err(())` after
    /// reporting a starred `zip` argument that cannot be spliced.
    pub(super) fn splice_starred(&mut self, c: &ast::ExprCall) -> Result<Option<ast::ExprCall>, ()> {
        let display = |e: &ast::Expr| match e {
            ast::Expr::Starred(st) => match &*st.value {
                ast::Expr::List(l) => Some(l.elts.clone()),
                ast::Expr::Tuple(t) => Some(t.elts.clone()),
                _ => None,
            },
            _ => None,
        };
        if !c.args.iter().any(|a| display(a).is_some()) {
            let zip = self.is_builtin_name(&c.func, "zip");
            if let Some(st) = c.args.iter().find(|a| matches!(a, ast::Expr::Starred(_))).filter(|_| zip) {
                self.diags.push(
                    Diagnostic::error(
                        self.sp(st.range()),
                        "zip() of a starred value and other arguments is not supported",
                    )
                    .label("rows of a run-time number, beside other iterables")
                    .help("zip the rows alone, `zip(*rows)`, or put every iterable in the list: `zip(*([a] + rows))`"),
                );
                return Err(());
            }
            return Ok(None);
        }
        let args = c.args.iter().flat_map(|a| display(a).unwrap_or_else(|| vec![a.clone()])).collect();
        Ok(Some(ast::ExprCall { range: c.range, func: c.func.clone(), args, keywords: c.keywords.clone() }))
    }

    /// `min(a, *xs)` / `max(...)` with a starred argument as the call of
    /// one list display of the arguments.
    pub(super) fn min_max_starred(&mut self, c: &ast::ExprCall, sp: Span) -> Option<Expr> {
        let starred = c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)));
        if !starred || !(self.is_builtin_name(&c.func, "min") || self.is_builtin_name(&c.func, "max")) {
            return None;
        }
        let list = ast::Expr::List(ast::ExprList { range: c.range, elts: c.args.clone(), ctx: ast::ExprContext::Load });
        let call =
            ast::ExprCall { range: c.range, func: c.func.clone(), args: vec![list], keywords: c.keywords.clone() };
        Some(self.call(&call, sp))
    }

    /// A list, tuple or set display with starred items (`[a, *xs, b]`) as
    /// the concatenation of its runs of items and its starred values.
    pub(super) fn starred_display(&mut self, elts: &[ast::Expr], kind: Display, sp: Span) -> Option<Expr> {
        if !elts.iter().any(|e| matches!(e, ast::Expr::Starred(_))) {
            return None;
        }
        let tuple = kind == Display::Tuple;
        let (mut parts, mut run) = (Vec::new(), Vec::new());
        let display = |this: &mut Self, items: Vec<Expr>| {
            this.mk(if tuple { ExprKind::Tuple(items) } else { ExprKind::List(items) }, sp)
        };
        for e in elts {
            match e {
                ast::Expr::Starred(st) => {
                    if !run.is_empty() {
                        parts.push(display(self, std::mem::take(&mut run)));
                    }
                    let v = self.expr(&st.value);
                    let conv = if tuple { Builtin::Tuple } else { Builtin::List };
                    parts.push(self.builtin_call(conv, vec![v], sp));
                }
                _ => run.push(self.expr(e)),
            }
        }
        if !run.is_empty() {
            parts.push(display(self, run));
        }
        let first = parts.remove(0);
        let all =
            parts.into_iter().fold(first, |acc, p| self.mk(ExprKind::Bin(BinOp::Add, Box::new(acc), Box::new(p)), sp));
        Some(if kind == Display::Set { self.builtin_call(Builtin::Set, vec![all], sp) } else { all })
    }

    fn builtin_call(&mut self, b: Builtin, args: Vec<Expr>, sp: Span) -> Expr {
        let f = self.mk(ExprKind::Builtin(b), sp);
        self.mk(ExprKind::Call { func: Box::new(f), args, kwargs: Vec::new() }, sp)
    }

    /// Whether `c` calls a user function (or a lambda bound to a name) with
    /// a starred or `**` argument.
    pub(super) fn spreads_into_user_fn(&mut self, c: &ast::ExprCall) -> bool {
        let spreads =
            c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) || c.keywords.iter().any(|k| k.arg.is_none());
        spreads && (self.lambda_named_expr(&c.func).is_some() || matches!(self.expr(&c.func).kind, ExprKind::Func(_)))
    }

    /// A user function's positional arguments, `*t` as `Spread(t)`.
    pub(super) fn spread_args(&mut self, args: &[ast::Expr]) -> Vec<Expr> {
        args.iter()
            .map(|a| match a {
                ast::Expr::Starred(st) => {
                    let sp = self.sp(st.range);
                    let v = self.expr(&st.value);
                    let f = self.mk(ExprKind::Builtin(Builtin::Spread), sp);
                    self.mk(ExprKind::Call { func: Box::new(f), args: vec![v], kwargs: Vec::new() }, sp)
                }
                _ => self.expr(a),
            })
            .collect()
    }
}

/// The keys of a dict display whose keys are all string literals
/// (`f(**{"a": x})` passes them as keyword arguments).
pub(super) fn literal_keys(e: &ast::Expr) -> Option<Vec<String>> {
    let ast::Expr::Dict(d) = e else { return None };
    d.keys
        .iter()
        .map(|k| match k {
            Some(ast::Expr::Constant(c)) => match &c.value {
                ast::Constant::Str(s) => Some(s.clone()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}
