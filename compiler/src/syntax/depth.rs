//! The nesting-depth limit on the parsed AST.
//!
//! Every later stage (HIR lowering, name and web analysis, inference, IR
//! lowering) walks expressions and blocks recursively, so a program such as
//! `-(-(-...1))` or `1+1+...+1` with thousands of levels would overflow the
//! stack. CPython gives up on such input too ("maximum recursion depth
//! exceeded during compilation", around 3000 levels); bodoc rejects it
//! with a diagnostic at the node where the limit is crossed. The walk
//! itself stops descending there, so it never recurses deeper than the
//! limit.

use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;

/// Blocks may nest this deep (an `elif` is a block inside the `else` of the
/// `if` before it, as in the AST), and so may each statement's expressions,
/// counted separately.
pub const MAX_NESTING: usize = 1000;

/// Where the nesting first goes past [`MAX_NESTING`], and whether blocks or
/// an expression nest too deeply there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    pub range: TextRange,
    pub in_block: bool,
}

type Walk = Result<(), TooDeep>;

/// Check a whole module.
pub fn check(suite: &[ast::Stmt]) -> Walk {
    block(suite, 0)
}

fn block(stmts: &[ast::Stmt], depth: usize) -> Walk {
    stmts.iter().try_for_each(|s| stmt(s, depth))
}

fn exprs<'a>(es: impl IntoIterator<Item = &'a ast::Expr>, depth: usize) -> Walk {
    es.into_iter().try_for_each(|e| expr(e, depth))
}

fn opt(e: &Option<Box<ast::Expr>>, depth: usize) -> Walk {
    e.as_deref().map_or(Ok(()), |e| expr(e, depth))
}

fn stmt(s: &ast::Stmt, depth: usize) -> Walk {
    // Report the statement whose block would be too deep (the `elif`, say),
    // not the first statement inside that block.
    if depth + 1 >= MAX_NESTING && has_block(s) {
        return Err(TooDeep { range: s.range(), in_block: true });
    }
    // Blocks one level deeper; each statement's expressions count from 0.
    let (d, x) = (depth + 1, 0);
    use ast::Stmt as S;
    match s {
        S::FunctionDef(f) => {
            exprs(&f.decorator_list, x)?;
            arguments(&f.args, x)?;
            opt(&f.returns, x)?;
            block(&f.body, d)
        }
        S::AsyncFunctionDef(f) => {
            exprs(&f.decorator_list, x)?;
            arguments(&f.args, x)?;
            opt(&f.returns, x)?;
            block(&f.body, d)
        }
        S::ClassDef(c) => {
            exprs(c.decorator_list.iter().chain(&c.bases).chain(c.keywords.iter().map(|k| &k.value)), x)?;
            block(&c.body, d)
        }
        S::Return(r) => opt(&r.value, x),
        S::Delete(del) => exprs(&del.targets, x),
        S::Assign(a) => exprs(a.targets.iter().chain([&*a.value]), x),
        S::TypeAlias(t) => exprs([&*t.name, &*t.value], x),
        S::AugAssign(a) => exprs([&*a.target, &*a.value], x),
        S::AnnAssign(a) => {
            exprs([&*a.target, &*a.annotation], x)?;
            opt(&a.value, x)
        }
        S::For(f) => loop_parts(&f.target, &f.iter, &f.body, &f.orelse, d),
        S::AsyncFor(f) => loop_parts(&f.target, &f.iter, &f.body, &f.orelse, d),
        S::While(w) => {
            expr(&w.test, x)?;
            block(&w.body, d)?;
            block(&w.orelse, d)
        }
        S::If(i) => {
            expr(&i.test, x)?;
            block(&i.body, d)?;
            block(&i.orelse, d)
        }
        S::With(w) => with_parts(&w.items, &w.body, d),
        S::AsyncWith(w) => with_parts(&w.items, &w.body, d),
        S::Match(m) => {
            expr(&m.subject, x)?;
            m.cases.iter().try_for_each(|c| {
                opt(&c.guard, x)?;
                block(&c.body, d)
            })
        }
        S::Raise(r) => {
            opt(&r.exc, x)?;
            opt(&r.cause, x)
        }
        S::Try(t) => try_parts(&t.body, &t.handlers, &t.orelse, &t.finalbody, d),
        S::TryStar(t) => try_parts(&t.body, &t.handlers, &t.orelse, &t.finalbody, d),
        S::Assert(a) => {
            expr(&a.test, x)?;
            opt(&a.msg, x)
        }
        S::Expr(e) => expr(&e.value, x),
        S::Import(_) | S::ImportFrom(_) | S::Global(_) | S::Nonlocal(_) | S::Pass(_) | S::Break(_) | S::Continue(_) => {
            Ok(())
        }
    }
}

fn has_block(s: &ast::Stmt) -> bool {
    use ast::Stmt as S;
    matches!(
        s,
        S::FunctionDef(_)
            | S::AsyncFunctionDef(_)
            | S::ClassDef(_)
            | S::For(_)
            | S::AsyncFor(_)
            | S::While(_)
            | S::If(_)
            | S::With(_)
            | S::AsyncWith(_)
            | S::Match(_)
            | S::Try(_)
            | S::TryStar(_)
    )
}

fn loop_parts(target: &ast::Expr, iter: &ast::Expr, body: &[ast::Stmt], orelse: &[ast::Stmt], d: usize) -> Walk {
    exprs([target, iter], 0)?;
    block(body, d)?;
    block(orelse, d)
}

fn with_parts(items: &[ast::WithItem], body: &[ast::Stmt], d: usize) -> Walk {
    for it in items {
        expr(&it.context_expr, 0)?;
        opt(&it.optional_vars, 0)?;
    }
    block(body, d)
}

fn try_parts(
    body: &[ast::Stmt],
    handlers: &[ast::ExceptHandler],
    orelse: &[ast::Stmt],
    finalbody: &[ast::Stmt],
    d: usize,
) -> Walk {
    block(body, d)?;
    for h in handlers {
        let ast::ExceptHandler::ExceptHandler(h) = h;
        opt(&h.type_, 0)?;
        block(&h.body, d)?;
    }
    block(orelse, d)?;
    block(finalbody, d)
}

fn arguments(a: &ast::Arguments, d: usize) -> Walk {
    let with_defaults = a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs);
    for p in with_defaults {
        opt(&p.def.annotation, d)?;
        opt(&p.default, d)?;
    }
    for p in a.vararg.iter().chain(&a.kwarg) {
        opt(&p.annotation, d)?;
    }
    Ok(())
}

fn comprehension(elts: &[&ast::Expr], gens: &[ast::Comprehension], d: usize) -> Walk {
    for g in gens {
        exprs([&g.target, &g.iter].into_iter().chain(&g.ifs), d)?;
    }
    exprs(elts.iter().copied(), d)
}

fn expr(e: &ast::Expr, depth: usize) -> Walk {
    if depth >= MAX_NESTING {
        return Err(TooDeep { range: e.range(), in_block: false });
    }
    let d = depth + 1;
    use ast::Expr as E;
    match e {
        E::BoolOp(b) => exprs(&b.values, d),
        E::NamedExpr(n) => exprs([&*n.target, &*n.value], d),
        E::BinOp(b) => exprs([&*b.left, &*b.right], d),
        E::UnaryOp(u) => expr(&u.operand, d),
        E::Lambda(l) => {
            arguments(&l.args, d)?;
            expr(&l.body, d)
        }
        E::IfExp(i) => exprs([&*i.test, &*i.body, &*i.orelse], d),
        E::Dict(x) => exprs(x.keys.iter().flatten().chain(&x.values), d),
        E::Set(s) => exprs(&s.elts, d),
        E::ListComp(c) => comprehension(&[&c.elt], &c.generators, d),
        E::SetComp(c) => comprehension(&[&c.elt], &c.generators, d),
        E::GeneratorExp(c) => comprehension(&[&c.elt], &c.generators, d),
        E::DictComp(c) => comprehension(&[&c.key, &c.value], &c.generators, d),
        E::Await(a) => expr(&a.value, d),
        E::Yield(y) => opt(&y.value, d),
        E::YieldFrom(y) => expr(&y.value, d),
        E::Compare(c) => exprs([&*c.left].into_iter().chain(&c.comparators), d),
        E::Call(c) => exprs([&*c.func].into_iter().chain(&c.args).chain(c.keywords.iter().map(|k| &k.value)), d),
        E::FormattedValue(f) => {
            expr(&f.value, d)?;
            opt(&f.format_spec, d)
        }
        E::JoinedStr(j) => exprs(&j.values, d),
        E::Attribute(a) => expr(&a.value, d),
        E::Subscript(s) => exprs([&*s.value, &*s.slice], d),
        E::Starred(s) => expr(&s.value, d),
        E::List(l) => exprs(&l.elts, d),
        E::Tuple(t) => exprs(&t.elts, d),
        E::Slice(s) => {
            opt(&s.lower, d)?;
            opt(&s.upper, d)?;
            opt(&s.step, d)
        }
        E::Constant(_) | E::Name(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustpython_parser::Parse;

    fn depth_error(src: &str) -> Option<TooDeep> {
        let suite = ast::Suite::parse(src, "t.py").expect("parses");
        let r = check(&suite).err();
        // Dropping a very deep AST recurses once per level; these are small enough.
        drop(suite);
        r
    }

    #[test]
    fn moderate_nesting_passes() {
        assert_eq!(depth_error(&format!("x = {}1\n", "-".repeat(150))), None);
    }

    #[test]
    fn deep_unary_chain_is_rejected_where_it_crosses_the_limit() {
        let src = format!("x = {}1\n", "-".repeat(MAX_NESTING + 10));
        let e = depth_error(&src).expect("too deep");
        assert!(!e.in_block);
        // The statement's value is level 0, so the k-th `-` (from 0) is at level k.
        assert_eq!(usize::from(e.range.start()), 4 + MAX_NESTING);
    }

    #[test]
    fn long_elif_chains_are_deep_blocks() {
        let elifs: String = (1..MAX_NESTING).map(|i| format!("elif x == {i}:\n    pass\n")).collect();
        let src = format!("x = 1\nif x:\n    pass\n{elifs}");
        let e = depth_error(&src).expect("too deep");
        assert!(e.in_block);
        // The `if` is level 0 and the k-th `elif` level k: its block would be level MAX_NESTING.
        let line = "elif x == 999:";
        assert_eq!(&src[usize::from(e.range.start())..][..line.len()], line);
        assert_eq!(depth_error(&src[..src.find(line).unwrap()]), None);
    }
}
