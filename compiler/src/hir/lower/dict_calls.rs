//! Dict calls that are other constructs in disguise:
//! `dict.fromkeys(keys, v)` is `{k: v for k in keys}` and
//! `d.update(a=1, b=2)` is `d.update({"a": 1, "b": 2})`.

use rustpython_parser::ast;

use super::*;

impl FnLower<'_> {
    /// The HIR of `c` if it is one of these dict calls.
    pub(super) fn dict_call(&mut self, c: &ast::ExprCall, sp: Span) -> Option<Expr> {
        let ast::Expr::Attribute(a) = &*c.func else { return None };
        match a.attr.as_str() {
            "fromkeys" if self.is_builtin_name(&a.value, "dict") => Some(self.fromkeys(c, sp)),
            "update" if c.args.is_empty() && !c.keywords.is_empty() && c.keywords.iter().all(|k| k.arg.is_some()) => {
                let r = c.range;
                let (keys, values) = c
                    .keywords
                    .iter()
                    .map(|k| {
                        let name = k.arg.as_ref().map_or(String::new(), |n| n.to_string());
                        let key = ast::Expr::Constant(ast::ExprConstant {
                            range: k.range,
                            value: ast::Constant::Str(name),
                            kind: None,
                        });
                        (Some(key), k.value.clone())
                    })
                    .unzip();
                let display = ast::Expr::Dict(ast::ExprDict { range: r, keys, values });
                let call = ast::ExprCall { range: r, func: c.func.clone(), args: vec![display], keywords: vec![] };
                Some(self.call(&call, sp))
            }
            _ => None,
        }
    }

    /// `dict.fromkeys(keys, v)`: `{k: v for k in keys}`. The value is
    /// evaluated per key, which is the same only for a literal or a name
    /// (every key then shares the one object, as in CPython).
    fn fromkeys(&mut self, c: &ast::ExprCall, sp: Span) -> Expr {
        let simple = |e: &ast::Expr| match e {
            ast::Expr::Constant(_) | ast::Expr::Name(_) => true,
            ast::Expr::UnaryOp(u) => matches!(&*u.operand, ast::Expr::Constant(_)),
            _ => false,
        };
        if !c.keywords.is_empty() || c.args.is_empty() || c.args.len() > 2 || !c.args.get(1).is_none_or(simple) {
            self.unsupported(
                sp,
                "dict.fromkeys() with these arguments",
                "pass the keys and a literal or a variable as the value, or use {k: v for k in keys}",
            );
            return self.error_expr(sp);
        }
        let r = c.range;
        let none = ast::Expr::Constant(ast::ExprConstant { range: r, value: ast::Constant::None, kind: None });
        let value = c.args.get(1).cloned().unwrap_or(none);
        let var = |ctx| ast::Expr::Name(ast::ExprName { range: r, id: "$k".into(), ctx });
        let generator = ast::Comprehension {
            range: Default::default(),
            target: var(ast::ExprContext::Store),
            iter: c.args[0].clone(),
            ifs: vec![],
            is_async: false,
        };
        self.comp(CompKind::Dict, &var(ast::ExprContext::Load), Some(&value), &[generator], sp)
    }
}
