//! pandas: the types of `df.groupby(...)` and what is done with it.
//!
//! A groupby object is the frame it groups with a [`Grouping`] (its key
//! columns, `as_index`, the columns selected by `g["v"]` / `g[["v", "w"]]`);
//! at run time it is the frame itself. `hir/frames.rs` rewrites its uses
//! into internal calls:
//!
//! * `pd.$groupby(df, ("k", ...), as_index)`, `pd.$gselect(g, ("v", ...), series)`;
//! * `pd.$gagg(g, "sum")` (an aggregation of every selected column, or
//!   `size`) and `pd.$gagg(g, (("out", "col", "func"), ...))` (`agg` with a
//!   dict or named aggregations): one row per group, sorted by key, the
//!   keys as the index (a MultiIndex for several) or, `as_index=False`, as
//!   columns beside a RangeIndex;
//! * `pd.$grows(g, "cumsum")` / `pd.$grows(g, "mean")` (`transform`): one
//!   value per row of the grouped frame, as an array its labels go with.

use super::infer::Infer;
use super::pandas_sort::{arg, names_of};
use super::records::const_str;
use super::ty::{Dist, FrameTy, Grouping, Labels, SeriesTy, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{Const, Expr, ExprKind, Kwarg};
use bodo_abi::agg;

/// One aggregated column: its name in the result, the column it reads and
/// the aggregation (`bodo_abi::agg`).
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub out: String,
    pub col: String,
    pub code: i64,
}

/// The aggregations a groupby method or `agg` may name.
pub const AGGS: &[&str] =
    &["sum", "mean", "median", "count", "min", "max", "size", "std", "var", "first", "last", "nunique"];

/// The code of aggregation `name`.
pub fn agg_code(name: &str) -> Option<i64> {
    AGGS.contains(&name).then(|| agg::NAMES.iter().position(|n| *n == name).map(|p| p as i64)).flatten()
}

/// The element type aggregation `code` gives of a column of `elem`.
pub fn agg_elem(code: i64, elem: &Ty) -> Ty {
    match (code, elem) {
        (agg::SUM | agg::CUMSUM, Ty::Bool) => Ty::Int,
        (agg::MEAN | agg::MEDIAN | agg::STD | agg::VAR, _) => Ty::Float,
        (agg::COUNT | agg::SIZE | agg::NUNIQUE, _) => Ty::Int,
        (_, el) => el.clone(),
    }
}

fn col_elem(f: &FrameTy, name: &str) -> Ty {
    f.cols.iter().find(|c| c.0 == name).map_or(Ty::Unknown, |c| c.1.clone())
}

/// The specs of `pd.$gagg(g, arg)` on grouped frame `f`: one aggregation
/// of every selected column (every column but the keys when none is), or
/// the listed ones; `None` when one is [`refused`].
pub fn agg_specs(f: &FrameTy, g: &Grouping, arg: &Expr) -> Option<Vec<Spec>> {
    listed_specs(f, g, arg).filter(|specs| refused(f, specs).is_none())
}

/// The specs `arg` names, as [`agg_specs`], refused ones included.
fn listed_specs(f: &FrameTy, g: &Grouping, arg: &Expr) -> Option<Vec<Spec>> {
    if let Some(func) = const_str(arg) {
        let code = agg_code(func)?;
        if code == agg::SIZE {
            // Named after the selected column, else "size".
            let out = g.select.as_ref().filter(|_| g.series).map_or("size", |s| &s[0]).to_string();
            return Some(vec![Spec { out, col: g.keys[0].clone(), code }]);
        }
        let cols: Vec<String> = match &g.select {
            Some(s) => s.clone(),
            None => f.cols.iter().map(|c| c.0.clone()).filter(|c| !g.keys.contains(c)).collect(),
        };
        return Some(cols.into_iter().map(|c| Spec { out: c.clone(), col: c, code }).collect());
    }
    let ExprKind::Tuple(items) = &arg.kind else { return None };
    let selected = g.select.as_ref().filter(|_| g.series).and_then(|s| s.first());
    items
        .iter()
        .map(|it| match &it.kind {
            // `g["v"].agg(["sum", "mean"])`: columns named after the functions.
            ExprKind::Const(Const::Str(func)) => {
                Some(Spec { out: func.clone(), col: selected?.clone(), code: agg_code(func)? })
            }
            ExprKind::Tuple(p) if p.len() == 3 => Some(Spec {
                out: const_str(&p[0])?.to_string(),
                col: const_str(&p[1])?.to_string(),
                code: agg_code(const_str(&p[2])?)?,
            }),
            _ => None,
        })
        .collect()
}

/// What the values of `elem` are called when aggregation `code` is number
/// arithmetic (a sum, mean, median, variance, running sum) pandas does
/// not do with them as numbers: strings (object columns), datetimes (a
/// TypeError, or a datetime mean or median, not supported yet). The
/// runtime computes such aggregations with ints and floats only.
fn not_numbers(code: i64, elem: &Ty) -> Option<&'static str> {
    if !matches!(code, agg::SUM | agg::MEAN | agg::MEDIAN | agg::STD | agg::VAR | agg::CUMSUM) {
        return None;
    }
    match elem {
        Ty::Str => Some("strings"),
        Ty::Datetime => Some("Timestamp values"),
        _ => None,
    }
}

/// The first of `specs` asking number arithmetic of a column that has no
/// numbers, and what that column holds.
fn refused<'a>(f: &FrameTy, specs: &'a [Spec]) -> Option<(&'a Spec, &'static str)> {
    specs.iter().find_map(|s| not_numbers(s.code, &col_elem(f, &s.col)).map(|what| (s, what)))
}

/// Whether `pd.$gagg(g, arg)` gives a Series: one aggregation of the
/// column `g["v"]` selects, or `size()` with the keys as the index.
fn series_result(g: &Grouping, arg: &Expr) -> bool {
    match const_str(arg) {
        Some("size") => g.as_index,
        Some(_) => g.series && g.as_index,
        None => false,
    }
}

/// The result of aggregations `specs` of grouped frame `f`.
fn agg_result(f: &FrameTy, g: &Grouping, specs: &[Spec], series: bool) -> Ty {
    let levels: Vec<(String, Ty)> = g.keys.iter().map(|k| (k.clone(), col_elem(f, k))).collect();
    let dist = if f.dist.is_dist() { Dist::OneDVar } else { Dist::Rep };
    let outs: Vec<(String, Ty)> =
        specs.iter().map(|s| (s.out.clone(), agg_elem(s.code, &col_elem(f, &s.col)))).collect();
    if series {
        let (out, elem) = outs.into_iter().next().unwrap_or((String::new(), Ty::Unknown));
        let name = (specs[0].code != agg::SIZE || g.series).then_some(out);
        return Ty::Series(Box::new(SeriesTy { elem, name, labels: Labels::Levels(levels), dist }));
    }
    if g.as_index {
        return Ty::Frame(Box::new(FrameTy { cols: outs, labels: Labels::Levels(levels), dist, group: None }));
    }
    let mut cols = levels;
    cols.extend(outs);
    Ty::Frame(Box::new(FrameTy { cols, labels: Labels::Range, dist, group: None }))
}

/// The grouped frame and its grouping of type `t`, if it is one.
pub fn grouped(t: &Ty) -> Option<(&FrameTy, &Grouping)> {
    match t {
        Ty::Frame(f) => f.group.as_deref().map(|g| (&**f, g)),
        _ => None,
    }
}

impl Infer<'_> {
    /// The internal calls `pd.$groupby`, `pd.$gselect`, `pd.$gagg`, `pd.$grows`.
    pub(super) fn group_internal(&mut self, name: &str, args: &[Expr]) -> Ty {
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        let t = self.top(&tys[0]);
        let flag = matches!(args.get(2).map(|a| &a.kind), Some(ExprKind::Const(Const::Bool(true))));
        match (name, &t) {
            ("$groupby", Ty::Frame(f)) => {
                let Some(keys) = tuple_names(&args[1]) else { return Ty::Unknown };
                let g = Grouping { keys, as_index: flag, select: None, series: false };
                Ty::Frame(Box::new(FrameTy { group: Some(Box::new(g)), ..(**f).clone() }))
            }
            ("$gselect", Ty::Frame(f)) => {
                let (Some(g), Some(select)) = (&f.group, tuple_names(&args[1])) else { return Ty::Unknown };
                let g = Grouping { select: Some(select), series: flag, ..(**g).clone() };
                Ty::Frame(Box::new(FrameTy { group: Some(Box::new(g)), ..(**f).clone() }))
            }
            ("$gagg", _) => {
                let Some((f, g)) = grouped(&t) else { return Ty::Unknown };
                match agg_specs(f, g, &args[1]) {
                    Some(specs) if !specs.is_empty() => agg_result(f, g, &specs, series_result(g, &args[1])),
                    _ => Ty::Unknown,
                }
            }
            ("$grows", _) => {
                let (Some((f, g)), Some(code)) = (grouped(&t), const_str(&args[1]).and_then(row_code)) else {
                    return Ty::Unknown;
                };
                let col = g.select.as_ref().and_then(|s| s.first()).map_or(Ty::Unknown, |c| col_elem(f, c));
                Ty::array(agg_elem(code, &col), 1, f.dist)
            }
            _ => Ty::Unknown,
        }
    }

    /// `df.groupby(by, as_index=...)`.
    pub(super) fn groupby_method(&mut self, e: &Expr, f: &FrameTy, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        if !self.known_kwargs("groupby", kwargs, &["by", "as_index", "sort", "dropna"]) {
            return Ty::Unknown;
        }
        let Some(keys) = arg(args, kwargs, Some(0), "by").and_then(names_of) else {
            self.error(
                Diagnostic::error(e.span, "groupby() takes a column name or a list of them, as constants")
                    .label("not supported here")
                    .help("group by columns: `df.groupby(\"k\")` or `df.groupby([\"k1\", \"k2\"])`"),
            );
            return Ty::Unknown;
        };
        let mut bad = false;
        for flag in ["as_index", "sort", "dropna"] {
            if let Some(v) = arg(args, kwargs, None, flag) {
                // The order of groups is unspecified in Bodo: `sort=False`
                // may keep pandas' sorted one.
                let msg = match v.kind {
                    ExprKind::Const(Const::Bool(false)) if flag == "dropna" => {
                        "groupby(dropna=False) is not supported yet".to_string()
                    }
                    ExprKind::Const(Const::Bool(_)) => continue,
                    _ => format!("groupby({flag}=...) takes True or False"),
                };
                bad = true;
                self.error(Diagnostic::error(v.span, msg).label("not supported"));
            }
        }
        if bad {
            return Ty::Unknown;
        }
        if let Some(k) = keys.iter().find(|k| !f.cols.iter().any(|c| &c.0 == *k)) {
            return self.no_column(e.span, f, k);
        }
        if !self.table_columns(e.span, f, "grouping") {
            return Ty::Unknown;
        }
        let as_index =
            !matches!(arg(args, kwargs, None, "as_index").map(|a| &a.kind), Some(ExprKind::Const(Const::Bool(false))));
        let g = Grouping { keys, as_index, select: None, series: false };
        Ty::Frame(Box::new(FrameTy { group: Some(Box::new(g)), ..f.clone() }))
    }

    /// A missing column's diagnostic.
    fn no_column(&mut self, span: Span, f: &FrameTy, name: &str) -> Ty {
        self.error(
            Diagnostic::error(span, format!("the DataFrame has no column '{name}'")).label("KeyError in pandas").help(
                format!(
                    "its columns are {}",
                    f.cols.iter().map(|c| format!("'{}'", c.0)).collect::<Vec<_>>().join(", ")
                ),
            ),
        );
        Ty::Unknown
    }

    /// `g["v"]`, `g[["v", "w"]]` (`idx`), `g.v` (`attr`) of a groupby object.
    pub(super) fn group_select(&mut self, f: &FrameTy, g: &Grouping, idx: Result<&Expr, (Span, &str)>) -> Ty {
        let (names, series, span) = match idx {
            Err((span, attr)) => (Some(vec![attr.to_string()]), true, span),
            Ok(i) => (names_of(i), !matches!(i.kind, ExprKind::List(_)), i.span),
        };
        let Some(names) = names else {
            self.error(
                Diagnostic::error(span, "a groupby selects columns by constant names").label("not a column name"),
            );
            return Ty::Unknown;
        };
        if let Some(missing) = names.iter().find(|n| !f.cols.iter().any(|c| &c.0 == *n)) {
            return self.no_column(span, f, missing);
        }
        let g = Grouping { select: Some(names), series, ..g.clone() };
        Ty::Frame(Box::new(FrameTy { group: Some(Box::new(g)), ..f.clone() }))
    }

    /// Methods of a groupby object: the aggregations, `agg`, `transform`, `cumsum`.
    pub(super) fn group_method(
        &mut self,
        e: &Expr,
        f: &FrameTy,
        g: &Grouping,
        name: &str,
        args: &[Expr],
        kwargs: &[Kwarg],
    ) -> Ty {
        let what = if g.series { "SeriesGroupBy" } else { "DataFrameGroupBy" };
        let form = match name {
            n if AGGS.contains(&n) && args.is_empty() && kwargs.is_empty() => Ok(AggForm::Func(n.to_string())),
            n if AGGS.contains(&n) => Err((e.span, format!("{what}.{n}() with arguments is not supported yet"))),
            "agg" | "aggregate" => agg_form(args, kwargs, e.span),
            "transform" | "cumsum" => return self.group_rows_method(e, f, g, name, args),
            _ => Err((e.span, format!("{what}.{name}() is not supported yet"))),
        };
        let (specs, series) = match form {
            Ok(AggForm::Func(func)) => {
                let arg = Expr { id: e.id, kind: ExprKind::Const(Const::Str(func)), span: e.span };
                (listed_specs(f, g, &arg).unwrap_or_default(), series_result(g, &arg))
            }
            Ok(AggForm::Specs(specs)) => (specs, false),
            Ok(AggForm::Funcs(_)) if !g.series => {
                return self.group_unsupported(
                    e.span,
                    "a list of aggregations of several columns (MultiIndex columns) is not supported yet".into(),
                );
            }
            Ok(AggForm::Funcs(funcs)) => {
                let col = g.select.as_ref().map_or(String::new(), |s| s[0].clone());
                let specs =
                    funcs.iter().filter_map(|f| Some(Spec { out: f.clone(), col: col.clone(), code: agg_code(f)? }));
                (specs.collect(), false)
            }
            Err((span, msg)) => return self.group_unsupported(span, msg),
        };
        if let Some(missing) = specs.iter().find(|s| !f.cols.iter().any(|c| c.0 == s.col)) {
            return self.no_column(e.span, f, &missing.col);
        }
        if let Some((s, values)) = refused(f, &specs) {
            let msg = format!("{what}.{name}() of the column of {values} '{}' is not supported yet", s.col);
            return self.group_unsupported(e.span, msg);
        }
        if specs.is_empty() {
            return self.group_unsupported(e.span, format!("{what}.{name}() of no columns"));
        }
        agg_result(f, g, &specs, series)
    }

    /// `g["v"].transform("mean")`, `g["v"].cumsum()`: a value per row of
    /// the grouped frame, with its labels.
    fn group_rows_method(&mut self, e: &Expr, f: &FrameTy, g: &Grouping, name: &str, args: &[Expr]) -> Ty {
        let func = if name == "cumsum" { Some("cumsum") } else { args.first().and_then(const_str) };
        let Some(code) = func.and_then(row_code).filter(|_| args.len() == usize::from(name == "transform")) else {
            return self.group_unsupported(e.span, format!("{name}() takes the name of an aggregation here"));
        };
        if !g.series {
            return self.group_unsupported(e.span, format!("DataFrameGroupBy.{name}() is not supported yet"));
        }
        let col = g.select.as_ref().and_then(|s| s.first()).cloned();
        let values = col.as_deref().map_or(Ty::Unknown, |c| col_elem(f, c));
        if let Some(what) = not_numbers(code, &values) {
            let call = if name == "cumsum" {
                "cumsum()".to_string()
            } else {
                format!("transform(\"{}\")", func.unwrap_or_default())
            };
            let msg = format!(
                "SeriesGroupBy.{call} of the column of {what} '{}' is not supported yet",
                col.unwrap_or_default()
            );
            return self.group_unsupported(e.span, msg);
        }
        let elem = agg_elem(code, &values);
        Ty::Series(Box::new(SeriesTy { elem, name: col, labels: f.labels.clone(), dist: f.dist }))
    }

    fn group_unsupported(&mut self, span: Span, msg: String) -> Ty {
        self.error(Diagnostic::error(span, msg).label("not supported").help(format!(
            "supported so far: {}; agg with a function name, a dict of them or named aggregations; transform and cumsum of one column",
            AGGS.join(", ")
        )));
        Ty::Unknown
    }
}

/// What `agg(...)` asks for: one aggregation (by name) of every selected
/// column, or the aggregations of a dict `{"col": "func"}` or named ones
/// `agg(out=("col", "func"))`.
pub enum AggForm {
    Func(String),
    /// `agg(["sum", "mean"])` of one column: a column per function.
    Funcs(Vec<String>),
    Specs(Vec<Spec>),
}

/// The aggregations of `agg(args, kwargs)`, or what is unsupported in them.
pub fn agg_form(args: &[Expr], kwargs: &[Kwarg], span: Span) -> Result<AggForm, (Span, String)> {
    let func = |e: &Expr| -> Result<i64, (Span, String)> {
        match const_str(e) {
            Some(f) => agg_code(f).ok_or((e.span, format!("the aggregation '{f}' is not supported yet"))),
            None if matches!(e.kind, ExprKind::List(_)) => {
                Err((e.span, "a list of aggregations per column is not supported yet".into()))
            }
            None => {
                Err((e.span, "agg() with a function is not supported yet: name the aggregation, e.g. \"sum\"".into()))
            }
        }
    };
    match (args, kwargs) {
        ([a], []) if const_str(a).is_some() => {
            func(a)?;
            Ok(AggForm::Func(const_str(a).unwrap_or_default().to_string()))
        }
        ([Expr { kind: ExprKind::List(items), .. }], []) => {
            let names = items.iter().map(|i| func(i).map(|_| const_str(i).unwrap_or_default().to_string()));
            Ok(AggForm::Funcs(names.collect::<Result<_, _>>()?))
        }
        ([d], []) if matches!(d.kind, ExprKind::Dict(_)) => {
            let ExprKind::Dict(items) = &d.kind else { return Err((d.span, String::new())) };
            let mut specs = Vec::new();
            for (k, v) in items {
                let Some(col) = const_str(k) else {
                    return Err((k.span, "column names must be string constants".into()));
                };
                specs.push(Spec { out: col.to_string(), col: col.to_string(), code: func(v)? });
            }
            Ok(AggForm::Specs(specs))
        }
        ([], [_, ..]) => {
            let mut specs = Vec::new();
            for k in kwargs {
                let ExprKind::Tuple(p) = &k.value.kind else {
                    return Err((k.value.span, "a named aggregation is a (column, \"func\") tuple".into()));
                };
                let (Some(col), [_, f]) = (p.first().and_then(const_str), p.as_slice()) else {
                    return Err((k.value.span, "a named aggregation is a (column, \"func\") tuple".into()));
                };
                specs.push(Spec { out: k.name.clone(), col: col.to_string(), code: func(f)? });
            }
            Ok(AggForm::Specs(specs))
        }
        ([a, ..], _) => Err((a.span, "agg() takes a function name, a dict of them or named aggregations here".into())),
        _ => Err((span, "agg() needs the aggregations to compute".into())),
    }
}

/// The per-row aggregation `transform(name)` / `cumsum()` asks for.
pub fn row_code(name: &str) -> Option<i64> {
    if name == "cumsum" {
        return Some(agg::CUMSUM);
    }
    agg_code(name)
}

/// The names of a tuple of string constants.
fn tuple_names(e: &Expr) -> Option<Vec<String>> {
    match &e.kind {
        ExprKind::Tuple(items) => items.iter().map(|i| const_str(i).map(str::to_string)).collect(),
        _ => None,
    }
}
