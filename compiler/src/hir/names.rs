//! Which names a function body binds: Python's rule that a name assigned
//! anywhere in a function is local to all of it.

use rustpython_parser::ast;

/// Names bound by assignment, `for`, `except ... as`, `import` in `body`, in
/// first-binding order. Comprehension variables are not included: they live
/// in the comprehension's own scope.
pub fn assigned_names(body: &[ast::Stmt]) -> Vec<String> {
    let mut out = Vec::new();
    for s in body {
        stmt(s, &mut out);
    }
    out
}

fn add(out: &mut Vec<String>, name: &str) {
    if !out.iter().any(|n| n == name) {
        out.push(name.to_string());
    }
}

fn target(e: &ast::Expr, out: &mut Vec<String>) {
    match e {
        ast::Expr::Name(n) => add(out, n.id.as_str()),
        ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| target(e, out)),
        ast::Expr::List(t) => t.elts.iter().for_each(|e| target(e, out)),
        ast::Expr::Starred(s) => target(&s.value, out),
        _ => {}
    }
}

fn block(b: &[ast::Stmt], out: &mut Vec<String>) {
    b.iter().for_each(|s| stmt(s, out));
}

fn stmt(s: &ast::Stmt, out: &mut Vec<String>) {
    match s {
        ast::Stmt::Assign(a) => a.targets.iter().for_each(|t| target(t, out)),
        ast::Stmt::AugAssign(a) => target(&a.target, out),
        ast::Stmt::AnnAssign(a) => target(&a.target, out),
        ast::Stmt::For(f) => {
            target(&f.target, out);
            block(&f.body, out);
            block(&f.orelse, out);
        }
        ast::Stmt::While(w) => {
            block(&w.body, out);
            block(&w.orelse, out);
        }
        ast::Stmt::If(i) => {
            block(&i.body, out);
            block(&i.orelse, out);
        }
        ast::Stmt::Try(t) => {
            block(&t.body, out);
            for h in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                if let Some(n) = &h.name {
                    add(out, n.as_str());
                }
                block(&h.body, out);
            }
            block(&t.orelse, out);
            block(&t.finalbody, out);
        }
        ast::Stmt::With(w) => block(&w.body, out),
        _ => {}
    }
}
