//! `**` in a dict display: `{**a, "k": v, **b}` is
//! `{$k: $v for $d in [a, {"k": v}, b] for $k, $v in $d.items()}`.
//! Later keys overwrite earlier ones and keep their first position, as in
//! CPython; the parts must be dicts of one type (their values join as in a
//! list display).

use rustpython_parser::ast;

use super::*;

impl FnLower<'_> {
    /// The HIR of a dict display with at least one `**` part.
    pub(super) fn dict_unpack(&mut self, d: &ast::ExprDict, sp: Span) -> Expr {
        let r = d.range;
        // Consecutive `k: v` items form one small display between the unpacked dicts.
        let mut parts: Vec<ast::Expr> = Vec::new();
        let mut pending: Option<ast::ExprDict> = None;
        for (k, v) in d.keys.iter().zip(&d.values) {
            match k {
                Some(k) => {
                    let display =
                        pending.get_or_insert_with(|| ast::ExprDict { range: r, keys: vec![], values: vec![] });
                    display.keys.push(Some(k.clone()));
                    display.values.push(v.clone());
                }
                None => {
                    parts.extend(pending.take().map(ast::Expr::Dict));
                    parts.push(v.clone());
                }
            }
        }
        parts.extend(pending.map(ast::Expr::Dict));
        let var = |id: &str, ctx| ast::Expr::Name(ast::ExprName { range: r, id: id.into(), ctx });
        let generator =
            |target, iter| ast::Comprehension { range: Default::default(), target, iter, ifs: vec![], is_async: false };
        let outer = generator(
            var("$d", ast::ExprContext::Store),
            ast::Expr::List(ast::ExprList { range: r, elts: parts, ctx: ast::ExprContext::Load }),
        );
        let items = ast::Expr::Call(ast::ExprCall {
            range: r,
            func: Box::new(ast::Expr::Attribute(ast::ExprAttribute {
                range: r,
                value: Box::new(var("$d", ast::ExprContext::Load)),
                attr: "items".into(),
                ctx: ast::ExprContext::Load,
            })),
            args: vec![],
            keywords: vec![],
        });
        let pair = ast::Expr::Tuple(ast::ExprTuple {
            range: r,
            elts: vec![var("$k", ast::ExprContext::Store), var("$v", ast::ExprContext::Store)],
            ctx: ast::ExprContext::Store,
        });
        let inner = generator(pair, items);
        self.comp(
            CompKind::Dict,
            &var("$k", ast::ExprContext::Load),
            Some(&var("$v", ast::ExprContext::Load)),
            &[outer, inner],
            sp,
        )
    }
}
