//! `print` with starred arguments.
//!
//! A statement `print(a, *xs, sep=s, end=e)` collects the str of each
//! argument into a hidden list, a starred one by a `for` loop over it, then
//! prints `s.join(parts)` with the other keywords:
//!
//! ```text
//! $parts = []
//! $parts.append(str(a))
//! for $v in xs: $parts.append(str($v))
//! print(s.join($parts), end=e)
//! ```
//!
//! The loop is what makes `print(*f())` of a tuple with items of different
//! types right: inference has such a loop unrolled, so each item is printed
//! as its own type (`45 2.5 10`, not the joined `45.0 2.5 10.0`) and items
//! such as arrays, which join with nothing, are allowed. Where print is used
//! as a value (rare, it is None) the line is one expression built from a
//! list comprehension instead.

use rustpython_parser::ast;

use super::*;

impl FnLower<'_> {
    /// Whether `c` has a `*xs` argument.
    pub(super) fn has_star_arg(c: &ast::ExprCall) -> bool {
        c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
    }

    /// Whether `c` calls the builtin `print` with a `*xs` argument.
    pub(super) fn is_starred_print(&self, c: &ast::ExprCall) -> bool {
        self.is_builtin_name(&c.func, "print") && Self::has_star_arg(c)
    }

    /// The statement `print(a, *xs, sep=s, end=e)` (see the module comment).
    pub(super) fn print_starred_stmt(&mut self, c: &ast::ExprCall, sp: Span) -> StmtKind {
        match self.splice_starred(c) {
            Ok(Some(spliced)) if self.is_starred_print(&spliced) => return self.print_starred_stmt(&spliced, sp),
            Ok(Some(spliced)) => return StmtKind::Expr(self.call(&spliced, sp)),
            Ok(None) => {}
            Err(()) => return StmtKind::Expr(self.error_expr(sp)),
        }
        let parts = self.new_local("$parts", sp);
        let empty = self.mk(ExprKind::List(Vec::new()), sp);
        let mut body = vec![Stmt { kind: StmtKind::Assign(Target::Local(parts, sp), empty), span: sp }];
        for a in &c.args {
            let stmt = match a {
                ast::Expr::Starred(st) => {
                    let iter = self.expr(&st.value);
                    let v = self.new_local("$v", sp);
                    let item = self.mk(ExprKind::Local(v), sp);
                    let append = self.append_str(parts, item, sp);
                    StmtKind::For(Target::Local(v, sp), iter, vec![append], Vec::new())
                }
                other => {
                    let item = self.expr(other);
                    self.append_str(parts, item, sp).kind
                }
            };
            body.push(Stmt { kind: stmt, span: sp });
        }
        let sep = match Self::print_sep(c) {
            Some(s) => self.expr(s),
            None => self.mk(ExprKind::Const(Const::Str(" ".into())), sp),
        };
        let list = self.mk(ExprKind::Local(parts), sp);
        let line =
            ExprKind::MethodCall { recv: Box::new(sep), name: "join".into(), args: vec![list], kwargs: Vec::new() };
        let line = self.mk(line, sp);
        let func = self.boxed(&c.func);
        let keywords: Vec<ast::Keyword> =
            c.keywords.iter().filter(|k| k.arg.as_deref() != Some("sep")).cloned().collect();
        let kwargs = self.kwargs(&keywords, false);
        let print = self.mk(ExprKind::Call { func, args: vec![line], kwargs }, sp);
        body.push(Stmt { kind: StmtKind::Expr(print), span: sp });
        let always = self.mk(ExprKind::Const(Const::Bool(true)), sp);
        StmtKind::If(always, body, Vec::new())
    }

    /// `parts.append(str(item))`.
    fn append_str(&mut self, parts: LocalId, item: Expr, sp: Span) -> Stmt {
        let str_fn = self.mk(ExprKind::Builtin(Builtin::Str), sp);
        let text = self.mk(ExprKind::Call { func: Box::new(str_fn), args: vec![item], kwargs: Vec::new() }, sp);
        let recv = self.mk(ExprKind::Local(parts), sp);
        let call =
            ExprKind::MethodCall { recv: Box::new(recv), name: "append".into(), args: vec![text], kwargs: Vec::new() };
        Stmt { kind: StmtKind::Expr(self.mk(call, sp)), span: sp }
    }

    /// The `sep=` of a print call, unless absent or None (a space).
    fn print_sep(c: &ast::ExprCall) -> Option<&ast::Expr> {
        c.keywords
            .iter()
            .find(|k| {
                k.arg.as_deref() == Some("sep")
                    && !matches!(k.value, ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::None, .. }))
            })
            .map(|k| &k.value)
    }

    /// The expression `print(a, *xs, sep=s, end=e)`: `print(s.join([str(a)] +
    /// [str(v) for v in xs]), end=e)`, each argument printed as its str.
    pub(super) fn print_starred(&mut self, c: &ast::ExprCall) -> Expr {
        let r = c.range;
        let name = |id: &str, ctx| ast::Expr::Name(ast::ExprName { range: r, id: id.into(), ctx });
        let call = |func: ast::Expr, args: Vec<ast::Expr>, keywords: Vec<ast::Keyword>| {
            ast::Expr::Call(ast::ExprCall { range: r, func: Box::new(func), args, keywords })
        };
        let to_str = |e: ast::Expr| call(name("str", ast::ExprContext::Load), vec![e], vec![]);
        let pieces = c.args.iter().map(|a| match a {
            ast::Expr::Starred(st) => {
                let generator = ast::Comprehension {
                    range: Default::default(),
                    target: name("$v", ast::ExprContext::Store),
                    iter: (*st.value).clone(),
                    ifs: vec![],
                    is_async: false,
                };
                let elt = Box::new(to_str(name("$v", ast::ExprContext::Load)));
                ast::Expr::ListComp(ast::ExprListComp { range: r, elt, generators: vec![generator] })
            }
            other => ast::Expr::List(ast::ExprList {
                range: r,
                elts: vec![to_str(other.clone())],
                ctx: ast::ExprContext::Load,
            }),
        });
        let joined_items = pieces
            .reduce(|acc, p| {
                ast::Expr::BinOp(ast::ExprBinOp {
                    range: r,
                    left: Box::new(acc),
                    op: ast::Operator::Add,
                    right: Box::new(p),
                })
            })
            .expect("print has a starred argument");
        let sep = Self::print_sep(c).cloned().unwrap_or_else(|| {
            ast::Expr::Constant(ast::ExprConstant { range: r, value: ast::Constant::Str(" ".into()), kind: None })
        });
        let join = ast::Expr::Attribute(ast::ExprAttribute {
            range: r,
            value: Box::new(sep),
            attr: "join".into(),
            ctx: ast::ExprContext::Load,
        });
        let line = call(join, vec![joined_items], vec![]);
        let keywords = c.keywords.iter().filter(|k| k.arg.as_deref() != Some("sep")).cloned().collect();
        let sp = self.sp(r);
        self.call(&ast::ExprCall { range: r, func: c.func.clone(), args: vec![line], keywords }, sp)
    }
}
