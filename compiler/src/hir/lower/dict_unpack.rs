//! `**` in a dict display and its keyword form: `{**a, "k": v, **b}` and
//! `dict(**a, k=v)` are the builtin `DictMerge` over the parts
//! `[a, {"k": v}, b]` (consecutive `k: v` items form one small display).
//! Whether the result is a record or a dict depends on the parts' types,
//! so inference decides it (`types/dict_merge.rs`), not this rewrite.

use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;

use super::*;

impl FnLower<'_> {
    /// The HIR of a dict display with at least one `**` part.
    pub(super) fn dict_unpack(&mut self, d: &ast::ExprDict, sp: Span) -> Expr {
        let items: Vec<(Option<ast::Expr>, ast::Expr)> = d.keys.iter().cloned().zip(d.values.iter().cloned()).collect();
        self.dict_merge(&items, sp)
    }

    /// `dict(**a, k=v)`: keyword arguments only, at least one of them `**`.
    pub(super) fn dict_keywords(&mut self, c: &ast::ExprCall, sp: Span) -> Option<Expr> {
        if !c.args.is_empty() || !c.keywords.iter().any(|k| k.arg.is_none()) || !self.is_builtin_name(&c.func, "dict") {
            return None;
        }
        let items: Vec<(Option<ast::Expr>, ast::Expr)> = c
            .keywords
            .iter()
            .map(|k| {
                let key = k.arg.as_ref().map(|name| {
                    ast::Expr::Constant(ast::ExprConstant {
                        range: k.range,
                        value: ast::Constant::Str(name.to_string()),
                        kind: None,
                    })
                });
                (key, k.value.clone())
            })
            .collect();
        Some(self.dict_merge(&items, sp))
    }

    /// `DictMerge` of `items`, where a `None` key marks a `**` part.
    fn dict_merge(&mut self, items: &[(Option<ast::Expr>, ast::Expr)], sp: Span) -> Expr {
        let mut parts: Vec<ast::Expr> = Vec::new();
        let mut pending: Option<ast::ExprDict> = None;
        for (k, v) in items {
            match k {
                Some(k) => {
                    // A display's range is from its first key to its last value.
                    let range = TextRange::new(k.range().start(), v.range().end());
                    let display = pending.get_or_insert_with(|| ast::ExprDict { range, keys: vec![], values: vec![] });
                    display.range = display.range.cover(range);
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
        let args = self.exprs(&parts);
        let f = self.mk(ExprKind::Builtin(Builtin::DictMerge), sp);
        self.mk(ExprKind::Call { func: Box::new(f), args, kwargs: Vec::new() }, sp)
    }
}
