//! Which names a function body binds: Python's rule that a name assigned
//! anywhere in a function is local to all of it.

use rustpython_parser::ast;

/// Names bound by assignment, `for`, `except ... as`, `import` in `body`, in
/// first-binding order. Comprehension variables are not included: they live
/// in the comprehension's own scope.
pub fn assigned_names(body: &[ast::Stmt]) -> Vec<String> {
    let mut out = Vec::new();
    block(body, &mut out, true);
    out
}

/// Names bound in `body` only by augmented assignment (`x += 1` and no
/// `x = ...` anywhere): every read of them comes before any assignment,
/// usually a misspelling of another name.
pub fn aug_assigned_only(body: &[ast::Stmt]) -> Vec<String> {
    let mut plain = Vec::new();
    block(body, &mut plain, false);
    assigned_names(body).into_iter().filter(|n| !plain.contains(n)).collect()
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

/// `aug`: whether augmented assignments count as bindings.
fn block(b: &[ast::Stmt], out: &mut Vec<String>, aug: bool) {
    b.iter().for_each(|s| stmt(s, out, aug));
}

fn stmt(s: &ast::Stmt, out: &mut Vec<String>, aug: bool) {
    match s {
        ast::Stmt::Assign(a) => a.targets.iter().for_each(|t| target(t, out)),
        ast::Stmt::AugAssign(a) if aug => target(&a.target, out),
        ast::Stmt::AnnAssign(a) => target(&a.target, out),
        ast::Stmt::For(f) => {
            target(&f.target, out);
            block(&f.body, out, aug);
            block(&f.orelse, out, aug);
        }
        ast::Stmt::While(w) => {
            block(&w.body, out, aug);
            block(&w.orelse, out, aug);
        }
        ast::Stmt::If(i) => {
            block(&i.body, out, aug);
            block(&i.orelse, out, aug);
        }
        ast::Stmt::Try(t) => {
            block(&t.body, out, aug);
            for h in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                if let Some(n) = &h.name {
                    add(out, n.as_str());
                }
                block(&h.body, out, aug);
            }
            block(&t.orelse, out, aug);
            block(&t.finalbody, out, aug);
        }
        ast::Stmt::With(w) => block(&w.body, out, aug),
        _ => {}
    }
}
