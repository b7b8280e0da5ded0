//! A dict filled field by field right after it is made empty: `rec = {}`
//! (or `dict()`) followed by `rec["name"] = v1`, `rec["age"] = v2`, ...
//! (string-literal keys, each once) is `rec = {"name": v1, "age": v2, ...}`,
//! so values of different types make a record, as that display does. Each
//! value goes to a hidden local first, in order; a value reading an earlier
//! field (`rec["total"] = rec["qty"] * rec["price"]`) reads its local, and
//! a value using `rec` any other way ends the run (later stores are then
//! writes to the record's fields).

use std::collections::HashMap;

use rustpython_ast::Visitor;
use rustpython_parser::ast::{self, Ranged};

use super::*;

/// Whether an expression uses the name `name` other than as `name[k]` of a
/// key `k` in `fields`.
struct OtherUse<'a> {
    name: &'a str,
    fields: &'a [String],
    found: bool,
}

impl Visitor for OtherUse<'_> {
    fn visit_expr_subscript(&mut self, s: ast::ExprSubscript) {
        let read_of_field = matches!(&*s.value, ast::Expr::Name(n) if n.id.as_str() == self.name)
            && const_key(&s.slice).is_some_and(|k| self.fields.contains(&k));
        if !read_of_field {
            self.generic_visit_expr_subscript(s);
        }
    }
    fn visit_expr_name(&mut self, n: ast::ExprName) {
        self.found |= n.id.as_str() == self.name;
    }
}

/// The string of a string-literal key.
fn const_key(e: &ast::Expr) -> Option<String> {
    match e {
        ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(s), .. }) => Some(s.clone()),
        _ => None,
    }
}

impl FnLower<'_> {
    /// The HIR of `stmts[0..n]` if they are such a run (`n` > 1), and `n`.
    pub(super) fn record_fill(&mut self, stmts: &[ast::Stmt]) -> Option<(Stmt, usize)> {
        let (ast::Stmt::Assign(first), rest) = stmts.split_first()? else { return None };
        let ([ast::Expr::Name(name), ..], 1) = (first.targets.as_slice(), first.targets.len()) else { return None };
        let empty = match &*first.value {
            ast::Expr::Dict(d) => d.keys.is_empty(),
            ast::Expr::Call(c) => c.args.is_empty() && c.keywords.is_empty() && self.is_builtin_name(&c.func, "dict"),
            _ => false,
        };
        if !empty {
            return None;
        }
        let mut fields: Vec<String> = Vec::new();
        let mut values: Vec<&ast::Expr> = Vec::new();
        for s in rest {
            let ast::Stmt::Assign(a) = s else { break };
            let [ast::Expr::Subscript(sub)] = a.targets.as_slice() else { break };
            let key = match (&*sub.value, const_key(&sub.slice)) {
                (ast::Expr::Name(n), Some(k)) if n.id == name.id && !fields.contains(&k) => k,
                _ => break,
            };
            let mut uses = OtherUse { name: name.id.as_str(), fields: &fields, found: false };
            uses.visit_expr((*a.value).clone());
            if uses.found {
                break;
            }
            fields.push(key);
            values.push(&a.value);
        }
        if fields.is_empty() {
            return None;
        }
        let n = fields.len() + 1;
        let span = self.sp(first.range().cover(stmts[n - 1].range()));
        let target = self.target(&first.targets[0]);
        // A name's target is always a local.
        let Target::Local(rec, _) = target else { return None };
        let mut out = Vec::new();
        let mut locals: HashMap<String, LocalId> = HashMap::new();
        let mut items = Vec::new();
        for (key, value) in fields.iter().zip(values) {
            let vsp = self.sp(value.range());
            let mut v = self.expr(value);
            // Reads of earlier fields read their hidden locals.
            let mut block = vec![Stmt { kind: StmtKind::Expr(v), span: vsp }];
            visit::block_exprs_mut(&mut block, &mut |e| {
                if let ExprKind::Index(o, k) = &e.kind {
                    let field = match (&o.kind, &k.kind) {
                        (ExprKind::Local(l), ExprKind::Const(Const::Str(k))) if *l == rec => locals.get(k).copied(),
                        _ => None,
                    };
                    if let Some(l) = field {
                        e.kind = ExprKind::Local(l);
                    }
                }
            });
            let Some(Stmt { kind: StmtKind::Expr(e), .. }) = block.pop() else { unreachable!("one statement") };
            v = e;
            let l = self.new_local(&format!("${key}"), vsp);
            locals.insert(key.clone(), l);
            out.push(Stmt { kind: StmtKind::Assign(Target::Local(l, vsp), v), span: vsp });
            let k = self.mk(ExprKind::Const(Const::Str(key.clone())), vsp);
            items.push((k, self.mk(ExprKind::Local(l), vsp)));
        }
        let display = self.mk(ExprKind::Dict(items), span);
        out.push(Stmt { kind: StmtKind::Assign(target, display), span });
        let always = self.mk(ExprKind::Const(Const::Bool(true)), span);
        Some((Stmt { kind: StmtKind::If(always, out, Vec::new()), span }, n))
    }
}
