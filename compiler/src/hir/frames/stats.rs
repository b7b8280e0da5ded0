//! Operations over every column of a DataFrame: reductions (`df.mean()`: a
//! Series of one value per column, labelled by the column names),
//! `describe()` (count, mean, std, min, quartiles and max of each number
//! column; of a Series too), `dropna()`, `fillna(v)` and `round(k)`. Each
//! column's statistic is the Series reduction of its values
//! (`Rewriter::reduce`), so they skip NaN as pandas does. They depend on which columns the frame has, so they are
//! rewritten only in a round where no column store is pending
//! (`Request::columns_final`).

use super::{Lab, Part, Rewriter, Shape};
use crate::hir::build::BuildHir;
use crate::hir::*;
use crate::types::{const_str, Ty};

/// The operations on a frame's missing values (`frame_missing`).
pub(super) const MISSING_OPS: &[&str] = &["dropna", "fillna", "isna", "isnull", "notna", "notnull"];

/// `describe()`'s statistics, in pandas' order (its row labels).
const DESCRIBE: [&str; 8] = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"];

impl Rewriter<'_> {
    /// `df.NAME()` of a reduction or `describe`, once the columns are final.
    pub(super) fn frame_stats(
        &mut self,
        id: ExprId,
        recv: Expr,
        name: String,
        args: Vec<Expr>,
        kwargs: Vec<Kwarg>,
        span: Span,
    ) -> Expr {
        let Some(cols) = self.final_columns(id, &recv) else {
            return Expr { id, kind: ExprKind::MethodCall { recv: Box::new(recv), name, args, kwargs }, span };
        };
        if name == "describe" {
            let numeric: Vec<String> =
                cols.into_iter().filter(|c| matches!(c.1, Ty::Int | Ty::Float)).map(|c| c.0).collect();
            let mut parts = Vec::new();
            for c in &numeric {
                let v = self.values_of_column(&recv, c, span);
                parts.push(self.describe_values(v, span));
            }
            let names: Vec<Expr> = numeric.iter().map(|c| self.string(c, span)).collect();
            let mut args = vec![self.expr(ExprKind::Tuple(names), span), self.str_labels(&DESCRIBE, span)];
            args.extend(parts);
            let e = self.pd("$frame", args, span);
            self.shapes.insert(e.id, Shape::Frame(false));
            return e;
        }
        let mut stats = Vec::new();
        for c in &cols {
            let v = self.values_of_column(&recv, &c.0, span);
            stats.push(self.reduce(&name, v, span));
        }
        let values = self.expr(ExprKind::List(stats), span);
        let values = self.np("array", vec![values], span);
        let names: Vec<&str> = cols.iter().map(|c| c.0.as_str()).collect();
        let lab = Lab::Labels(self.str_labels(&names, span));
        self.boxed(Part { lab, values, name: None }, span)
    }

    /// `df.dropna()` (the rows with no NaN in any float column nor missing
    /// value in a str column), `df.fillna(v)` (each float or str column's
    /// missing values replaced) and `df.isna()` / `df.notna()` (each value tested), once
    /// the columns are final. Columns of other types hold no NaN.
    pub(super) fn frame_missing(
        &mut self,
        id: ExprId,
        recv: Expr,
        name: String,
        args: Vec<Expr>,
        kwargs: Vec<Kwarg>,
        span: Span,
    ) -> Expr {
        let Some(cols) = self.final_columns(id, &recv) else {
            return Expr { id, kind: ExprKind::MethodCall { recv: Box::new(recv), name, args, kwargs }, span };
        };
        if matches!(name.as_str(), "isna" | "isnull" | "notna" | "notnull") {
            // `v != v` is true exactly for NaN.
            let op = if name.starts_with("is") { CmpOp::Ne } else { CmpOp::Eq };
            let mut frame = recv.clone();
            for (c, _) in &cols {
                let v = self.values_of_column(&recv, c, span);
                let x = self.copy_expr(&v);
                let test = self.expr(ExprKind::Compare(Box::new(v), vec![(op, x)]), span);
                let name = self.string(c, span);
                frame = self.pd("$with", vec![frame, name, test], span);
            }
            self.shape_as(&frame, id);
            return frame;
        }
        // A str column's missing values are null elements, which `v == v`
        // finds as it finds NaN.
        let of = |t: Ty| cols.iter().filter(|c| c.1 == t).map(|c| c.0.clone()).collect::<Vec<String>>();
        let (floats, strs) = (of(Ty::Float), of(Ty::Str));
        let kept = |w: &mut Self, c: &str| {
            let v = w.values_of_column(&recv, c, span);
            let x = w.copy_expr(&v);
            w.expr(ExprKind::Compare(Box::new(v), vec![(CmpOp::Eq, x)]), span)
        };
        if name == "dropna" {
            let tests: Vec<Expr> = floats.iter().chain(&strs).map(|c| kept(self, c)).collect();
            let Some(mask) = tests
                .into_iter()
                .reduce(|a, b| self.expr(ExprKind::Bin(BinOp::BitAnd, Box::new(a), Box::new(b)), span))
            else {
                // Nothing can be missing: every row, with its labels.
                let e = self.pd("$copy", vec![recv], span);
                self.shape_as(&e, id);
                return e;
            };
            let e = self.pd("$filter", vec![recv, mask], span);
            self.shape_as(&e, id);
            return e;
        }
        let Some(fill) = args.into_iter().chain(kwargs.into_iter().map(|k| k.value)).next() else {
            return self.int(0, span);
        };
        // `df.fillna(v)` fills the columns of `v`'s kind and makes sure the
        // others have nothing missing (`types/pandas_fillna.rs`); a dict
        // display names the columns it fills, the last value for a name
        // counting, as in Python.
        let text = self.shape(fill.id) == Some(&Shape::TextFill);
        let mut frame = recv.clone();
        for (c, t) in &cols {
            let value = match &fill.kind {
                ExprKind::Dict(items) => {
                    let Some((_, v)) = items.iter().rev().find(|(k, _)| const_str(k) == Some(c)) else {
                        continue;
                    };
                    v
                }
                _ if matches!(t, Ty::Str | Ty::Float) && text != (*t == Ty::Str) => {
                    let (v, name) = (self.values_of_column(&recv, c, span), self.string(c, span));
                    let checked = self.pd("$none_missing", vec![v, name], span);
                    let name = self.string(c, span);
                    frame = self.pd("$with", vec![frame, name, checked], span);
                    continue;
                }
                _ => &fill,
            };
            let filled = match t {
                Ty::Float => {
                    let (test, v, f) = (kept(self, c), self.values_of_column(&recv, c, span), self.copy_expr(value));
                    self.np("where", vec![test, v, f], span)
                }
                Ty::Str => {
                    let (v, f) = (self.values_of_column(&recv, c, span), self.copy_expr(value));
                    self.pd("$fill_strs", vec![v, f], span)
                }
                _ => continue,
            };
            let name = self.string(c, span);
            frame = self.pd("$with", vec![frame, name, filled], span);
        }
        self.shape_as(&frame, id);
        frame
    }

    /// `np.round(df, k)` (`df.round(k)`, `decimals=k`, `k` an int or a dict
    /// display of one per column) as the frame with each int and float
    /// column's values rounded (`np.round` of ints is
    /// the identity for `k >= 0` and rounds to tens, hundreds, ... below),
    /// once the columns are final; other columns are kept as pandas keeps
    /// them.
    pub(super) fn frame_round(
        &mut self,
        id: ExprId,
        func: Box<Expr>,
        args: Vec<Expr>,
        kwargs: Vec<Kwarg>,
        span: Span,
    ) -> Expr {
        let recv = &args[0];
        // A dict key that is no literal is inference's error (kept pending
        // until the rounds stop): the call stays as it is.
        let literal_keys = args[1..].iter().chain(kwargs.iter().map(|k| &k.value)).all(|d| match &d.kind {
            ExprKind::Dict(items) => items.iter().all(|(k, _)| const_str(k).is_some()),
            _ => true,
        });
        let (Some(cols), true) = (self.final_columns(id, recv), literal_keys) else {
            return Expr { id, kind: ExprKind::Call { func, args, kwargs }, span };
        };
        let mut args = args.into_iter();
        let recv = args.next().expect("a frame");
        let decimals = args.chain(kwargs.into_iter().map(|k| k.value)).next().unwrap_or_else(|| self.int(0, span));
        // Each number column's decimals: the one given, or its entry in a
        // dict (a column the dict does not name is kept).
        let of_column = |c: &str| match &decimals.kind {
            ExprKind::Dict(items) => items
                .iter()
                .rev()
                .find(|(k, _)| matches!(&k.kind, ExprKind::Const(Const::Str(n)) if n == c))
                .map(|(_, v)| v.clone()),
            _ => Some(decimals.clone()),
        };
        let numbers: Vec<(String, Expr)> = cols
            .into_iter()
            .filter(|c| matches!(c.1, Ty::Int | Ty::Float))
            .filter_map(|c| of_column(&c.0).map(|k| (c.0, k)))
            .collect();
        let mut frame = if numbers.is_empty() { self.pd("$copy", vec![recv.clone()], span) } else { recv.clone() };
        for (c, k) in &numbers {
            let v = self.values_of_column(&recv, c, span);
            let k = self.copy_expr(k);
            let rounded = self.np("round", vec![v, k], span);
            let name = self.string(c, span);
            frame = self.pd("$with", vec![frame, name, rounded], span);
        }
        self.shape_as(&frame, id);
        frame
    }

    /// The columns of frame `recv`, when the call `id` on it is typed and
    /// no later round can add a column.
    fn final_columns(&self, id: ExprId, recv: &Expr) -> Option<Vec<(String, Ty)>> {
        match (self.shape(id), self.columns.get(&recv.id), self.columns_final) {
            (Some(_), Some(cols), true) => Some(cols.clone()),
            _ => None,
        }
    }

    /// `s.describe()` of a Series of numbers.
    pub(super) fn series_describe(&mut self, id: ExprId, s: Expr, span: Span) -> Expr {
        let Some(Shape::Series(name, _)) = self.shape(id).cloned() else {
            let kind = ExprKind::MethodCall {
                recv: Box::new(s),
                name: "describe".into(),
                args: Vec::new(),
                kwargs: Vec::new(),
            };
            return Expr { id, kind, span };
        };
        let v = self.values(s, span);
        let values = self.describe_values(v, span);
        let lab = Lab::Labels(self.str_labels(&DESCRIBE, span));
        self.boxed(Part { lab, values, name }, span)
    }

    /// The values of column `c` of frame `recv` (evaluated again for each use).
    /// A frame made here column by column (`df.isna()`, `df.fillna(v)`, a
    /// chain of `pd.$with`) gives the column's own values, not a copy of
    /// the whole chain: `df.isna().sum()` would otherwise evaluate every
    /// column's test once per column.
    pub(super) fn values_of_column(&mut self, recv: &Expr, c: &str, span: Span) -> Expr {
        if let Some(v) = stored_column(recv, c) {
            return self.copy_expr(v);
        }
        let frame = self.copy_expr(recv);
        self.shape_as(&frame, recv.id);
        let col = self.column(frame, c, span);
        self.values(col, span)
    }

    /// `describe()`'s statistics of values `v`, as a float array.
    fn describe_values(&mut self, v: Expr, span: Span) -> Expr {
        // count, mean, std and min; the three quartiles of the values that
        // are not NaN, interpolated linearly as pandas does, in one
        // percentile call (one filter of the values, not three); max.
        let mut head = Vec::new();
        for stat in &DESCRIBE[..4] {
            let x = self.copy_expr(&v);
            head.push(self.reduce(stat, x, span));
        }
        let (a, b, x) = (self.copy_expr(&v), self.copy_expr(&v), self.copy_expr(&v));
        let kept = self.expr(ExprKind::Compare(Box::new(a), vec![(CmpOp::Eq, b)]), span);
        let present = self.expr(ExprKind::Index(Box::new(x), Box::new(kept)), span);
        let qs = DESCRIBE[4..7]
            .iter()
            .map(|q| self.expr(ExprKind::Const(Const::Float(q.trim_end_matches('%').parse().unwrap_or(50.0))), span))
            .collect();
        let qs = self.expr(ExprKind::List(qs), span);
        let quartiles = self.np("percentile", vec![present, qs], span);
        let max = self.reduce(DESCRIBE[7], v, span);
        let floats = |w: &mut Self, items: Vec<Expr>| {
            let list = w.expr(ExprKind::List(items), span);
            let arr = w.np("array", vec![list], span);
            let dt = w.expr(ExprKind::ModAttr(Module::Numpy, "float64".into()), span);
            w.expr(
                ExprKind::MethodCall { recv: Box::new(arr), name: "astype".into(), args: vec![dt], kwargs: Vec::new() },
                span,
            )
        };
        let (head, tail) = (floats(self, head), floats(self, vec![max]));
        let parts = self.expr(ExprKind::Tuple(vec![head, quartiles, tail]), span);
        self.np("concatenate", vec![parts], span)
    }

    /// An array of the strings `names` (row labels).
    fn str_labels(&mut self, names: &[&str], span: Span) -> Expr {
        let items: Vec<Expr> = names.iter().map(|n| self.string(n, span)).collect();
        let list = self.expr(ExprKind::List(items), span);
        self.np("array", vec![list], span)
    }
}

/// The values `pd.$with` stored as column `c` in the chain of stores `e`,
/// if `e` is one that stores `c`.
fn stored_column<'e>(e: &'e Expr, c: &str) -> Option<&'e Expr> {
    let ExprKind::Call { func, args, .. } = &e.kind else { return None };
    match (&func.kind, args.as_slice()) {
        (ExprKind::ModAttr(Module::Pandas, n), [frame, name, values]) if n == "$with" => match &name.kind {
            ExprKind::Const(Const::Str(s)) if s == c => Some(values),
            _ => stored_column(frame, c),
        },
        _ => None,
    }
}
