//! `df.nlargest(n, columns)` / `df.nsmallest(n, columns)` and
//! `s.nlargest(n)` / `s.nsmallest(n)` as the stable sort they are, then
//! `head(n)`: `df.sort_values(columns, ascending=False, kind="stable")
//! .head(n)`. pandas keeps the first of equal values (`keep="first"`, the
//! default), which a stable sort gives; other `keep`s are left for
//! inference to report. A `columns` argument tells the frame's form from
//! the Series' (which has none).

use super::*;

/// The sort order of `recv.name(args, kwargs)` when it is one of these
/// calls with `keep="first"`: ascending for `nsmallest`.
pub(super) fn top_rows_order(name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Option<bool> {
    let ascending = match name {
        "nlargest" => false,
        "nsmallest" => true,
        _ => return None,
    };
    let first_kept = kwargs.iter().all(|k| match (k.name.as_str(), &k.value.kind) {
        ("keep", ExprKind::Const(Const::Str(s))) => s == "first",
        (n, _) => matches!(n, "n" | "columns"),
    });
    (first_kept && args.len() <= 2).then_some(ascending)
}

impl FnLower<'_> {
    /// The rewrite of a call [`top_rows_order`] accepted.
    pub(super) fn top_rows(
        &mut self,
        recv: Expr,
        ascending: bool,
        mut args: Vec<Expr>,
        mut kwargs: Vec<Kwarg>,
        sp: Span,
    ) -> Expr {
        let take = |args: &mut Vec<Expr>, kwargs: &mut Vec<Kwarg>, name: &str| match args.is_empty() {
            false => Some(args.remove(0)),
            true => kwargs.iter().position(|k| k.name == name).map(|i| kwargs.remove(i).value),
        };
        // `n` is 5 when not given, as in pandas' Series methods.
        let n = take(&mut args, &mut kwargs, "n").unwrap_or_else(|| self.mk(ExprKind::Const(Const::Int(5)), sp));
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
        self.mk(head, sp)
    }
}
