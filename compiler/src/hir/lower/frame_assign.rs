//! `df.assign(c=v, ...)`: a hidden frame variable given each new column by
//! a column store, so the stores' machinery (alignment by label, one value
//! for every row, arrays copied) applies; the statement then reads the
//! variable:
//!
//! ```text
//! $assign = df
//! $assign["c"] = v
//! $assign["d"] = <body of lambda x: ... with x naming $assign>
//! out = $assign.groupby(...)...        # was df.assign(c=v, d=lambda x: ...).groupby(...)
//! ```
//!
//! A lambda value is called with the frame so far, as pandas calls it. The
//! calls are found on the receiver chain of a statement's value (`x =
//! df.assign(...)`, `return df.assign(...).head()`, a chain of assigns) and
//! hoisted before the statement: frames are never changed in place, so
//! evaluating the receiver and values first gives the same columns. An
//! `assign` elsewhere (inside a lambda or a condition) is left for
//! inference to report.

use super::*;

/// Whether `c` is `x.assign(k=v, ...)`: keywords only, at least one.
fn is_assign(c: &ast::ExprCall) -> bool {
    matches!(&*c.func, ast::Expr::Attribute(a) if a.attr.as_str() == "assign")
        && c.args.is_empty()
        && !c.keywords.is_empty()
        && c.keywords.iter().all(|k| k.arg.is_some())
}

/// Whether the receiver chain of `e` holds an `assign` call.
fn has_assign(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Call(c) => is_assign(c) || matches!(&*c.func, ast::Expr::Attribute(a) if has_assign(&a.value)),
        ast::Expr::Attribute(a) => has_assign(&a.value),
        ast::Expr::Subscript(s) => has_assign(&s.value),
        ast::Expr::Tuple(t) => t.elts.iter().any(has_assign),
        _ => false,
    }
}

impl FnLower<'_> {
    /// The statements computing the `assign` calls on the receiver chain of
    /// `e`, and `e` reading their frames, or `None` when there are none.
    fn hoist_assigns(&mut self, e: &ast::Expr) -> Option<(Vec<Stmt>, ast::Expr)> {
        if !has_assign(e) {
            return None;
        }
        let mut pre = Vec::new();
        let e = self.chain(e, &mut pre);
        Some((pre, e))
    }

    /// Statement `s` with the `assign` calls of its value hoisted: the
    /// statements computing them and `s` reading their frames.
    pub(super) fn hoisted(&mut self, s: &ast::Stmt) -> Option<(Vec<Stmt>, ast::Stmt)> {
        match s {
            ast::Stmt::Assign(a) if a.targets.len() == 1 => {
                let (pre, value) = self.hoist_assigns(&a.value)?;
                Some((pre, ast::Stmt::Assign(ast::StmtAssign { value: Box::new(value), ..a.clone() })))
            }
            ast::Stmt::Return(r) => {
                let (pre, value) = self.hoist_assigns(r.value.as_deref()?)?;
                Some((pre, ast::Stmt::Return(ast::StmtReturn { value: Some(Box::new(value)), ..r.clone() })))
            }
            ast::Stmt::Expr(x) => {
                let (pre, value) = self.hoist_assigns(&x.value)?;
                Some((pre, ast::Stmt::Expr(ast::StmtExpr { value: Box::new(value), ..x.clone() })))
            }
            _ => None,
        }
    }

    /// `e` with each `assign` call of its receiver chain replaced by the
    /// name of a hidden frame `pre` computes.
    fn chain(&mut self, e: &ast::Expr, pre: &mut Vec<Stmt>) -> ast::Expr {
        match e {
            ast::Expr::Call(c) if is_assign(c) => {
                let ast::Expr::Attribute(a) = &*c.func else { return e.clone() };
                let recv = self.chain(&a.value, pre);
                let sp = self.sp(c.range());
                let name = format!("$assign{}", self.locals.len());
                let frame = self.new_local(&name, sp);
                self.scope.insert(name.clone(), frame);
                let value = self.expr(&recv);
                pre.push(Stmt { kind: StmtKind::Assign(Target::Local(frame, sp), value), span: sp });
                for k in &c.keywords {
                    let ksp = self.sp(k.range());
                    let col = k.arg.as_ref().map_or(String::new(), |a| a.to_string());
                    let value = match &k.value {
                        ast::Expr::Lambda(l) => self.lambda_on(l, frame, ksp),
                        v => self.expr(v),
                    };
                    let target = self.mk(ExprKind::Local(frame), ksp);
                    let key = self.mk(ExprKind::Const(Const::Str(col)), ksp);
                    pre.push(Stmt { kind: StmtKind::Assign(Target::Index(target, key, ksp), value), span: ksp });
                }
                ast::Expr::Name(ast::ExprName { id: name.into(), ctx: ast::ExprContext::Load, range: c.range() })
            }
            ast::Expr::Call(c) => match &*c.func {
                ast::Expr::Attribute(a) => {
                    let value = Box::new(self.chain(&a.value, pre));
                    let func = Box::new(ast::Expr::Attribute(ast::ExprAttribute { value, ..a.clone() }));
                    ast::Expr::Call(ast::ExprCall { func, ..c.clone() })
                }
                _ => e.clone(),
            },
            ast::Expr::Attribute(a) => {
                ast::Expr::Attribute(ast::ExprAttribute { value: Box::new(self.chain(&a.value, pre)), ..a.clone() })
            }
            ast::Expr::Subscript(s) => {
                ast::Expr::Subscript(ast::ExprSubscript { value: Box::new(self.chain(&s.value, pre)), ..s.clone() })
            }
            ast::Expr::Tuple(t) => {
                let elts = t.elts.iter().map(|x| self.chain(x, pre)).collect();
                ast::Expr::Tuple(ast::ExprTuple { elts, ..t.clone() })
            }
            _ => e.clone(),
        }
    }

    /// The body of `lambda x: ...` with `x` naming local `frame`.
    fn lambda_on(&mut self, l: &ast::ExprLambda, frame: LocalId, sp: Span) -> Expr {
        let Some(param) = one_plain_param(l) else {
            self.unsupported(sp, "an assign() lambda without exactly one plain parameter", "use lambda df: ...");
            return self.error_expr(sp);
        };
        self.comp_scopes.push(HashMap::from([(param, frame)]));
        let body = self.expr(&l.body);
        self.comp_scopes.pop();
        body
    }
}
