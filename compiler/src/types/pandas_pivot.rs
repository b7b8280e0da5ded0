//! pandas: the types of `df.pivot_table(...)` / `pd.pivot_table(df, ...)`
//! and of what is done with its result.
//!
//! A pivot table's column labels are values of the data, so it is no
//! [`Ty::Frame`] (whose type names its columns) but a [`Ty::Pivot`]: row
//! labels, column labels and a 2D block of values, whole on every rank.
//! `hir/frames.rs` rewrites the call into the groupby it is,
//! `pd.$pivot(pd.$gagg(pd.$gselect(pd.$groupby(pd.$select(df, (i, c, v)),
//! (i, c), True), (v,), True), func), fill)`, and `pd.$pivot` reshapes that
//! Series of two key levels (runtime `array/pivot.rs`). Supported: one
//! `index=`, one `columns=` (int or str columns), one `values=` (an int or
//! float column), `aggfunc` "sum", "mean" (the default), "count", "min",
//! "max", "median", "std", "var", "first", "last" or "nunique", and a
//! number `fill_value` for the cells without rows (else NaN); the result
//! prints, has a `len` and a `shape`, its labels are `columns` and `index`
//! (pandas Indexes named after the two columns), and `sort_index()` gives
//! it back (its labels are sorted already).

use super::infer::Infer;
use super::pandas_groupby::{agg_code, agg_elem};
use super::pandas_sort::{arg, names_of};
use super::records::const_str;
use super::ty::{py_name, Labels, PivotTy, Ty, View};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{Const, Expr, ExprKind, Kwarg, UnOp};

/// The aggregations `pivot_table(aggfunc=...)` may name.
pub const PIVOT_AGGS: &[&str] =
    &["sum", "mean", "count", "min", "max", "median", "std", "var", "first", "last", "nunique"];

const PIVOT_HELP: &str = "supported so far: pivot_table(index=\"a\", columns=\"b\", values=\"c\", \
                          aggfunc=\"sum\"|\"mean\"|\"count\"|\"min\"|\"max\"|\"median\"|\"std\"|\"var\"|\"first\"|\
                          \"last\"|\"nunique\"), one column each: int or str `index`/`columns`, an int or float `values`";

const RESULT_HELP: &str =
    "a pivot_table result can be printed, returned, measured with len() and `shape`, sorted by sort_index(), \
     and its labels read as `columns` and `index`";

/// Keywords a pivot_table call may give, with the value each must have
/// when it is only pandas' default (`None`: any value this file reads).
const PIVOT_KWARGS: &[(&str, Option<Const>)] = &[
    ("values", None),
    ("index", None),
    ("columns", None),
    ("aggfunc", None),
    ("fill_value", None),
    ("margins", Some(Const::Bool(false))),
    ("dropna", Some(Const::Bool(true))),
    ("sort", Some(Const::Bool(true))),
];

/// What a supported pivot_table call names: the index, columns and values
/// columns, the aggregation and the value of missing cells.
pub struct PivotSpec {
    pub index: String,
    pub columns: String,
    pub values: String,
    pub func: String,
    /// `fill_value=`: the expression giving it (a number constant).
    pub fill: Option<Expr>,
}

/// A pivot table's `fill_value`, which sets its cells that have no rows
/// (else NaN). An int one keeps an int table int, as pandas' unstack does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fill {
    Int(i64),
    Float(f64),
}

/// The number constant `e` is (`0`, `-1`, `0.5`), if it is one.
pub fn fill_of(e: &Expr) -> Option<Fill> {
    match &e.kind {
        ExprKind::Const(Const::Int(i)) => Some(Fill::Int(*i)),
        ExprKind::Const(Const::Float(f)) => Some(Fill::Float(*f)),
        ExprKind::Unary(UnOp::Neg, x) => match fill_of(x)? {
            Fill::Int(i) => i.checked_neg().map(Fill::Int),
            Fill::Float(f) => Some(Fill::Float(-f)),
        },
        _ => None,
    }
}

/// The one column name of a pivot_table argument (`"a"`, or `["a"]` for
/// `index`/`columns`, which pandas treats alike).
fn one_name(e: &Expr, list_ok: bool) -> Option<String> {
    match (&e.kind, names_of(e)) {
        (ExprKind::List(_), Some(names)) if list_ok && names.len() == 1 => names.into_iter().next(),
        (ExprKind::List(_), _) => None,
        (_, names) => names.and_then(|n| n.into_iter().next()),
    }
}

/// The spec of a pivot_table call whose arguments after the frame are
/// `args` (values, index, columns, aggfunc by position) and `kwargs`, or
/// where and what is unsupported.
pub fn pivot_spec(call: Span, args: &[Expr], kwargs: &[Kwarg]) -> Result<PivotSpec, (Span, String)> {
    if let Some(a) = args.get(4) {
        return Err((a.span, "pivot_table() takes its options after `aggfunc` as keywords".into()));
    }
    for k in kwargs {
        match PIVOT_KWARGS.iter().find(|p| p.0 == k.name) {
            None => return Err((k.value.span, format!("pivot_table({}=...) is not supported yet", k.name))),
            Some((_, Some(default))) if !matches!(&k.value.kind, ExprKind::Const(c) if c == default) => {
                return Err((k.value.span, format!("pivot_table({}=...) is not supported yet", k.name)))
            }
            _ => {}
        }
    }
    let name = |pos: usize, key: &str| -> Result<String, (Span, String)> {
        let Some(e) = arg(args, kwargs, Some(pos), key) else {
            return Err((call, format!("pivot_table() needs `{key}=`, one column name")));
        };
        one_name(e, key != "values").ok_or_else(|| {
            let what = if matches!(e.kind, ExprKind::List(_)) { "several columns" } else { "not a column name" };
            (e.span, format!("pivot_table({key}=...) takes one column name here, not {what}"))
        })
    };
    let (values, index, columns) = (name(0, "values")?, name(1, "index")?, name(2, "columns")?);
    let func = match arg(args, kwargs, Some(3), "aggfunc") {
        None => "mean".to_string(),
        Some(e) => match const_str(e) {
            Some(f) if PIVOT_AGGS.contains(&f) => f.to_string(),
            Some(f) => return Err((e.span, format!("pivot_table(aggfunc=\"{f}\") is not supported yet"))),
            None => return Err((e.span, "pivot_table(aggfunc=...) takes the name of an aggregation here".into())),
        },
    };
    if index == columns || values == index || values == columns {
        return Err((call, "pivot_table() needs three different columns for `index`, `columns` and `values`".into()));
    }
    let fill = arg(args, kwargs, None, "fill_value").filter(|e| !matches!(e.kind, ExprKind::Const(Const::None)));
    if let Some(e) = fill.filter(|e| fill_of(e).is_none()) {
        return Err((e.span, "pivot_table(fill_value=...) takes a number constant here".into()));
    }
    Ok(PivotSpec { index, columns, values, func, fill: fill.cloned() })
}

impl Infer<'_> {
    /// `df.pivot_table(...)` (`frame` the receiver's type) or
    /// `pd.pivot_table(df, ...)`; `args` are the arguments after the frame.
    pub(super) fn pivot_table(&mut self, e: &Expr, frame: &Ty, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let f = match self.top(frame) {
            Ty::Frame(f) if f.group.is_none() => f,
            Ty::Unknown | Ty::Var(_) => return Ty::Unknown,
            other => {
                self.error(
                    Diagnostic::error(e.span, format!("pivot_table() of {} is not supported", py_name(&other)))
                        .label("not a DataFrame"),
                );
                return Ty::Unknown;
            }
        };
        let spec = match pivot_spec(e.span, args, kwargs) {
            Ok(s) => s,
            Err((span, msg)) => {
                self.error(Diagnostic::error(span, msg).label("not supported").help(PIVOT_HELP));
                return Ty::Unknown;
            }
        };
        let names = [spec.index.clone(), spec.columns.clone(), spec.values.clone()];
        if !self.has_columns(e.span, &f, &names) {
            return Ty::Unknown;
        }
        let elem = |n: &str| f.cols.iter().find(|c| c.0 == n).map_or(Ty::Unknown, |c| c.1.clone());
        let (it, ct, vt) = (elem(&spec.index), elem(&spec.columns), elem(&spec.values));
        let checks = [
            (&spec.index, &it, "index", matches!(it, Ty::Int | Ty::Str), "an int or str"),
            (&spec.columns, &ct, "columns", matches!(ct, Ty::Int | Ty::Str), "an int or str"),
            (&spec.values, &vt, "values", matches!(vt, Ty::Int | Ty::Float), "an int or float"),
        ];
        let bad = checks.into_iter().find(|c| !c.3).map(|(n, t, k, _, want)| (n, t, k, want));
        if let Some((n, t, k, want)) = bad {
            self.error(
                Diagnostic::error(e.span, format!("pivot_table({k}=\"{n}\") of a {} column is not supported yet", t))
                    .label(format!("`{k}` must name {want} column here"))
                    .help(PIVOT_HELP),
            );
            return Ty::Unknown;
        }
        let code = agg_code(&spec.func).unwrap_or_default();
        self.frame_op();
        let fill = spec.fill.as_ref().and_then(fill_of);
        pivot_of(spec.index, it, spec.columns, ct, filled_elem(agg_elem(code, &vt), fill))
    }

    /// `pd.$pivot(s, fill)`: the pivot table of Series `s` (a groupby
    /// result on two keys), its cells without rows `fill` (a number
    /// constant) or NaN (`None`).
    pub(super) fn pivot_internal(&mut self, args: &[Expr]) -> Ty {
        let t = self.expr(&args[0]);
        self.expr(&args[1]);
        let fill = fill_of(&args[1]);
        match self.top(&t) {
            Ty::Series(s) => match &s.labels {
                Labels::Levels(ls) if ls.len() == 2 => pivot_of(
                    ls[0].0.clone(),
                    ls[0].1.clone(),
                    ls[1].0.clone(),
                    ls[1].1.clone(),
                    filled_elem(s.elem.clone(), fill),
                ),
                _ => Ty::Unknown,
            },
            _ => Ty::Unknown,
        }
    }

    /// `p.NAME` of pivot table `p`: its `shape`, `columns` or `index`.
    pub(super) fn pivot_attr(&mut self, span: Span, p: &PivotTy, name: &str) -> Ty {
        match name {
            "shape" => return Ty::Tuple(vec![Ty::Int, Ty::Int]),
            "columns" => return Ty::View(View::Labels(p.columns.0.clone()), Box::new(p.columns.1.clone())),
            "index" => return Ty::View(View::Labels(p.index.0.clone()), Box::new(p.index.1.clone())),
            _ => {}
        }
        self.error(
            Diagnostic::error(span, format!("`{name}` of a pivot_table result is not supported yet"))
                .label("its columns are known only at run time")
                .help(RESULT_HELP),
        );
        Ty::Unknown
    }

    /// `p.NAME(...)` of pivot table `p`.
    pub(super) fn pivot_method(&mut self, e: &Expr, p: &Ty, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        for a in args.iter().chain(kwargs.iter().map(|k| &k.value)) {
            self.expr(a);
        }
        match (name, args, kwargs) {
            // Its row labels are sorted already.
            ("sort_index", [], []) => p.clone(),
            _ => {
                self.error(
                    Diagnostic::error(e.span, format!("{name}() of a pivot_table result is not supported yet"))
                        .label("its columns are known only at run time")
                        .help(RESULT_HELP),
                );
                Ty::Unknown
            }
        }
    }
}

/// The element type of an aggregation's table of `elem` whose missing
/// cells are `fill`: a float one makes ints floats.
fn filled_elem(elem: Ty, fill: Option<Fill>) -> Ty {
    match fill {
        Some(Fill::Float(_)) => Ty::Float,
        _ => elem,
    }
}

/// The pivot table of those labels and values.
fn pivot_of(index: String, it: Ty, columns: String, ct: Ty, elem: Ty) -> Ty {
    Ty::Pivot(Box::new(PivotTy { index: (index, it), columns: (columns, ct), elem }))
}
