//! `s.map(f)` / `s.apply(f)` with one function of a value (a lambda, a
//! function's name, `str.upper`; `s.map(d)` of a dict variable looks each
//! value up, `hir::OR_NA`): the function's body over a new local,
//! kept as a `CompKind::Array` comprehension whose iterable is a
//! placeholder. No builtin type has these methods; on a pandas Series
//! (`types/pandas.rs`) `hir/frames.rs` puts the Series' values there, so
//! the map runs on each rank's own rows.
//!
//! `df.apply(f, axis=1)` of a lambda reading the row's columns (`r.a`,
//! `r["a"]`) is `df.$apply_rows(...)`: one new local per column read, the
//! comprehension's target their tuple and its placeholder iterable the
//! tuple of the column names, for which `hir/frames.rs` puts the zipped
//! columns.

use rustpython_parser::ast::{self, Ranged};

use super::*;

impl FnLower<'_> {
    /// The HIR of `c` if it is `x.map(f)` or `x.apply(f)` of one argument.
    pub(super) fn value_map_call(&mut self, c: &ast::ExprCall, sp: Span) -> Option<Expr> {
        let ast::Expr::Attribute(a) = &*c.func else { return None };
        if a.attr.as_str() == "apply" && c.args.len() == 1 && is_axis_one(&c.keywords) {
            return self.row_map_call(a, &c.args[0], sp);
        }
        let ([f], true) = (c.args.as_slice(), c.keywords.is_empty()) else { return None };
        if !matches!(a.attr.as_str(), "map" | "apply") {
            return None;
        }
        let recv = self.expr(&a.value);
        let (v, body) = match self.mapping_local(a, f) {
            // `s.map(d)` of a dict: each value looked up, missing (NaN)
            // where the dict lacks it, as pandas gives.
            Some(d) => {
                let fsp = self.sp(f.range());
                let v = self.new_local("$v", fsp);
                let (dict, key) = (self.mk(ExprKind::Local(d), fsp), self.mk(ExprKind::Local(v), fsp));
                let read = self.mk(ExprKind::Index(Box::new(dict), Box::new(key)), fsp);
                (v, self.mk(or_na(read), fsp))
            }
            None => self.apply_fn(f)?,
        };
        let placeholder = self.mk(ExprKind::Const(Const::None), sp);
        let gen = CompGen { target: Target::Local(v, sp), iter: placeholder, conds: Vec::new() };
        let map =
            self.mk(ExprKind::Comp { kind: CompKind::Array, elt: Box::new(body), value: None, gens: vec![gen] }, sp);
        let kind = ExprKind::MethodCall {
            recv: Box::new(recv),
            name: a.attr.to_string(),
            args: vec![map],
            kwargs: Vec::new(),
        };
        Some(self.mk(kind, sp))
    }

    /// The local `f` names in `x.map(f)` when it is a variable holding a
    /// value, not a function: locals hold functions only as lambdas.
    fn mapping_local(&self, a: &ast::ExprAttribute, f: &ast::Expr) -> Option<LocalId> {
        let ast::Expr::Name(n) = f else { return None };
        if a.attr.as_str() != "map" || self.lambda_named(n.id.as_str()).is_some() {
            return None;
        }
        self.lookup_local(n.id.as_str())
    }

    /// `x.apply(f, axis=1)`: `f`'s body with each read of a column of its
    /// row parameter a local of its own.
    fn row_map_call(&mut self, a: &ast::ExprAttribute, f: &ast::Expr, sp: Span) -> Option<Expr> {
        let recv = self.expr(&a.value);
        let (row, mut body) = self.apply_fn(f)?;
        let mut cols: Vec<(String, LocalId)> = Vec::new();
        let mut other_use = false;
        visit::expr_mut(&mut body, &mut |x| {
            let name = match &x.kind {
                ExprKind::Attr(r, n) if matches!(r.kind, ExprKind::Local(l) if l == row) => n.clone(),
                ExprKind::Index(r, i) if matches!(r.kind, ExprKind::Local(l) if l == row) => match &i.kind {
                    ExprKind::Const(Const::Str(n)) => n.clone(),
                    _ => {
                        other_use = true;
                        return;
                    }
                },
                ExprKind::Local(l) if *l == row => {
                    other_use = true;
                    return;
                }
                _ => return,
            };
            let l = match cols.iter().find(|c| c.0 == name) {
                Some(c) => c.1,
                None => {
                    let l = self.new_local(&format!("$row.{name}"), x.span);
                    cols.push((name, l));
                    l
                }
            };
            x.kind = ExprKind::Local(l);
        });
        if other_use || cols.is_empty() {
            self.unsupported(
                sp,
                "a row of apply(axis=1) used other than by its columns",
                "read its columns: `r.a` or `r[\"a\"]`",
            );
            return Some(self.error_expr(sp));
        }
        let targets = cols.iter().map(|c| Target::Local(c.1, sp)).collect();
        let names = cols.iter().map(|c| self.mk(ExprKind::Const(Const::Str(c.0.clone())), sp)).collect();
        let placeholder = self.mk(ExprKind::Tuple(names), sp);
        let gen = CompGen { target: Target::Tuple(targets, sp), iter: placeholder, conds: Vec::new() };
        let map =
            self.mk(ExprKind::Comp { kind: CompKind::Array, elt: Box::new(body), value: None, gens: vec![gen] }, sp);
        let kind = ExprKind::MethodCall {
            recv: Box::new(recv),
            name: "$apply_rows".into(),
            args: vec![map],
            kwargs: Vec::new(),
        };
        Some(self.mk(kind, sp))
    }
}

/// Whether the keywords are exactly `axis=1` (or `axis="columns"`).
fn is_axis_one(kws: &[ast::Keyword]) -> bool {
    match kws {
        [k] if k.arg.as_deref() == Some("axis") => match &k.value {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Int(i) => i.to_string() == "1",
                ast::Constant::Str(s) => s == "columns",
                _ => false,
            },
            _ => false,
        },
        _ => false,
    }
}
