//! Dropping an AST without recursion.
//!
//! The derived `Drop` of the AST recurses once per nesting level, so a
//! program that `depth` rejected for nesting (say a million `-` signs) would
//! overflow the stack while being freed. `dismantle` moves every node's
//! children onto an explicit stack first, so each node is dropped shallow.

use rustpython_parser::ast;

enum Node {
    Stmt(ast::Stmt),
    Expr(ast::Expr),
}

/// Free `suite` with a heap-allocated work list instead of recursion.
pub fn dismantle(suite: ast::Suite) {
    let mut work: Vec<Node> = suite.into_iter().map(Node::Stmt).collect();
    while let Some(node) = work.pop() {
        let mut out = Out(&mut work);
        match node {
            Node::Stmt(s) => stmt(s, &mut out),
            Node::Expr(e) => expr(e, &mut out),
        }
    }
}

/// Where a node's children go.
struct Out<'a>(&'a mut Vec<Node>);

impl Out<'_> {
    fn e(&mut self, e: ast::Expr) {
        self.0.push(Node::Expr(e));
    }
    fn opt(&mut self, e: Option<Box<ast::Expr>>) {
        if let Some(e) = e {
            self.e(*e);
        }
    }
    fn es(&mut self, es: Vec<ast::Expr>) {
        self.0.extend(es.into_iter().map(Node::Expr));
    }
    fn body(&mut self, stmts: Vec<ast::Stmt>) {
        self.0.extend(stmts.into_iter().map(Node::Stmt));
    }
    fn args(&mut self, a: ast::Arguments) {
        for p in a.posonlyargs.into_iter().chain(a.args).chain(a.kwonlyargs) {
            self.opt(p.default);
            self.opt(p.def.annotation);
        }
        for p in a.vararg.into_iter().chain(a.kwarg) {
            self.opt(p.annotation);
        }
    }
    fn keywords(&mut self, ks: Vec<ast::Keyword>) {
        self.es(ks.into_iter().map(|k| k.value).collect());
    }
    fn handlers(&mut self, hs: Vec<ast::ExceptHandler>) {
        for ast::ExceptHandler::ExceptHandler(h) in hs {
            self.opt(h.type_);
            self.body(h.body);
        }
    }
    fn with_items(&mut self, items: Vec<ast::WithItem>) {
        for it in items {
            self.e(it.context_expr);
            self.opt(it.optional_vars);
        }
    }
    fn generators(&mut self, gens: Vec<ast::Comprehension>) {
        for g in gens {
            self.e(g.target);
            self.e(g.iter);
            self.es(g.ifs);
        }
    }
}

fn stmt(s: ast::Stmt, out: &mut Out) {
    use ast::Stmt as S;
    match s {
        S::FunctionDef(f) => {
            out.es(f.decorator_list);
            out.args(*f.args);
            out.opt(f.returns);
            out.body(f.body);
        }
        S::AsyncFunctionDef(f) => {
            out.es(f.decorator_list);
            out.args(*f.args);
            out.opt(f.returns);
            out.body(f.body);
        }
        S::ClassDef(c) => {
            out.es(c.decorator_list);
            out.es(c.bases);
            out.keywords(c.keywords);
            out.body(c.body);
        }
        S::Return(r) => out.opt(r.value),
        S::Delete(d) => out.es(d.targets),
        S::Assign(a) => {
            out.es(a.targets);
            out.e(*a.value);
        }
        S::TypeAlias(t) => {
            out.e(*t.name);
            out.e(*t.value);
        }
        S::AugAssign(a) => {
            out.e(*a.target);
            out.e(*a.value);
        }
        S::AnnAssign(a) => {
            out.e(*a.target);
            out.e(*a.annotation);
            out.opt(a.value);
        }
        S::For(f) => {
            out.e(*f.target);
            out.e(*f.iter);
            out.body(f.body);
            out.body(f.orelse);
        }
        S::AsyncFor(f) => {
            out.e(*f.target);
            out.e(*f.iter);
            out.body(f.body);
            out.body(f.orelse);
        }
        S::While(w) => {
            out.e(*w.test);
            out.body(w.body);
            out.body(w.orelse);
        }
        S::If(i) => {
            out.e(*i.test);
            out.body(i.body);
            out.body(i.orelse);
        }
        S::With(w) => {
            out.with_items(w.items);
            out.body(w.body);
        }
        S::AsyncWith(w) => {
            out.with_items(w.items);
            out.body(w.body);
        }
        S::Match(m) => {
            out.e(*m.subject);
            for c in m.cases {
                out.opt(c.guard);
                out.body(c.body);
            }
        }
        S::Raise(r) => {
            out.opt(r.exc);
            out.opt(r.cause);
        }
        S::Try(t) => {
            out.body(t.body);
            out.handlers(t.handlers);
            out.body(t.orelse);
            out.body(t.finalbody);
        }
        S::TryStar(t) => {
            out.body(t.body);
            out.handlers(t.handlers);
            out.body(t.orelse);
            out.body(t.finalbody);
        }
        S::Assert(a) => {
            out.e(*a.test);
            out.opt(a.msg);
        }
        S::Expr(e) => out.e(*e.value),
        S::Import(_) | S::ImportFrom(_) | S::Global(_) | S::Nonlocal(_) | S::Pass(_) | S::Break(_) | S::Continue(_) => {
        }
    }
}

fn expr(e: ast::Expr, out: &mut Out) {
    use ast::Expr as E;
    match e {
        E::BoolOp(b) => out.es(b.values),
        E::NamedExpr(n) => {
            out.e(*n.target);
            out.e(*n.value);
        }
        E::BinOp(b) => {
            out.e(*b.left);
            out.e(*b.right);
        }
        E::UnaryOp(u) => out.e(*u.operand),
        E::Lambda(l) => {
            out.args(*l.args);
            out.e(*l.body);
        }
        E::IfExp(i) => {
            out.e(*i.test);
            out.e(*i.body);
            out.e(*i.orelse);
        }
        E::Dict(d) => {
            out.es(d.keys.into_iter().flatten().collect());
            out.es(d.values);
        }
        E::Set(s) => out.es(s.elts),
        E::ListComp(c) => {
            out.e(*c.elt);
            out.generators(c.generators);
        }
        E::SetComp(c) => {
            out.e(*c.elt);
            out.generators(c.generators);
        }
        E::GeneratorExp(c) => {
            out.e(*c.elt);
            out.generators(c.generators);
        }
        E::DictComp(c) => {
            out.e(*c.key);
            out.e(*c.value);
            out.generators(c.generators);
        }
        E::Await(a) => out.e(*a.value),
        E::Yield(y) => out.opt(y.value),
        E::YieldFrom(y) => out.e(*y.value),
        E::Compare(c) => {
            out.e(*c.left);
            out.es(c.comparators);
        }
        E::Call(c) => {
            out.e(*c.func);
            out.es(c.args);
            out.keywords(c.keywords);
        }
        E::FormattedValue(f) => {
            out.e(*f.value);
            out.opt(f.format_spec);
        }
        E::JoinedStr(j) => out.es(j.values),
        E::Attribute(a) => out.e(*a.value),
        E::Subscript(s) => {
            out.e(*s.value);
            out.e(*s.slice);
        }
        E::Starred(s) => out.e(*s.value),
        E::List(l) => out.es(l.elts),
        E::Tuple(t) => out.es(t.elts),
        E::Slice(s) => {
            out.opt(s.lower);
            out.opt(s.upper);
            out.opt(s.step);
        }
        E::Constant(_) | E::Name(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use rustpython_parser::{ast, Parse};

    #[test]
    fn frees_a_chain_deeper_than_the_stack_allows() {
        // A million levels would need far more than the test thread's stack to drop recursively.
        let src = format!("x = {}1\n", "-".repeat(1_000_000));
        let suite = ast::Suite::parse(&src, "t.py").expect("parses");
        super::dismantle(suite);
    }
}
