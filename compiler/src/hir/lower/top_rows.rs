//! `df.nlargest(n, columns)` / `df.nsmallest(n, columns)` and
//! `s.nlargest(n)` / `s.nsmallest(n)` as the stable sort they are, then
//! `head(n)`: `df.sort_values(columns, ascending=False, kind="stable")
//! .head(n)`. pandas keeps the first of equal values (`keep="first"`, the
//! default), which a stable sort gives; other `keep`s are left for
//! inference to report. A `columns` argument tells the frame's form from
//! the Series' (which has none).

use super::*;

impl FnLower<'_> {
    /// The rewrite of `recv.name(args, kwargs)` when it is one of these
    /// calls, else the parts given back unchanged.
    pub(super) fn top_rows(
        &mut self,
        recv: Expr,
        name: &str,
        mut args: Vec<Expr>,
        mut kwargs: Vec<Kwarg>,
        sp: Span,
    ) -> Result<Expr, (Expr, Vec<Expr>, Vec<Kwarg>)> {
        let ascending = match name {
            "nlargest" => false,
            "nsmallest" => true,
            _ => return Err((recv, args, kwargs)),
        };
        let first_kept = kwargs.iter().all(|k| match (k.name.as_str(), &k.value.kind) {
            ("keep", ExprKind::Const(Const::Str(s))) => s == "first",
            (n, _) => matches!(n, "n" | "columns"),
        });
        if !first_kept || args.len() > 2 {
            return Err((recv, args, kwargs));
        }
        let take = |args: &mut Vec<Expr>, kwargs: &mut Vec<Kwarg>, name: &str| match args.is_empty() {
            false => Some(args.remove(0)),
            true => kwargs.iter().position(|k| k.name == name).map(|i| kwargs.remove(i).value),
        };
        let Some(n) = take(&mut args, &mut kwargs, "n") else { return Err((recv, args, kwargs)) };
        let by = take(&mut args, &mut kwargs, "columns");
        let flag = self.mk(ExprKind::Const(Const::Bool(ascending)), sp);
        let stable = self.mk(ExprKind::Const(Const::Str("stable".into())), sp);
        let sort_kwargs = vec![
            Kwarg { name: "ascending".into(), value: flag, span: sp },
            Kwarg { name: "kind".into(), value: stable, span: sp },
        ];
        let sort = ExprKind::MethodCall {
            recv: Box::new(recv),
            name: "sort_values".into(),
            args: by.into_iter().collect(),
            kwargs: sort_kwargs,
        };
        let sorted = self.mk(sort, sp);
        let head =
            ExprKind::MethodCall { recv: Box::new(sorted), name: "head".into(), args: vec![n], kwargs: Vec::new() };
        Ok(self.mk(head, sp))
    }
}
