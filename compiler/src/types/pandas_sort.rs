//! pandas: the types of `sort_values` and `sort_index` on DataFrames and
//! Series, and of the internal `pd.$sort(x, by, ascending)` `hir/frames.rs`
//! makes of them (and of the index changes `reset_index`/`set_index`, as
//! `pd.$reset(x, drop)` and `pd.$set_index(df, ("k", ...))`): `by` a tuple of column names (`()` for a Series' values,
//! `None` for the row labels), `ascending` a tuple of bools, one per key
//! (one for all the levels of the labels). The runtime sorts the rows
//! (`bodo_frame_sort`): the result keeps each row's label (a RangeIndex
//! becomes the labels array), 1D_Block_Var when distributed.

use super::infer::Infer;
use super::pandas::kept;
use super::records::const_str;
use super::ty::{py_name, Dist, FrameTy, Labels, SeriesTy, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{Const, Expr, ExprKind, Kwarg};

/// What a sort call asks for: the key columns (`None`: the row labels;
/// empty: a Series' values) and each key's direction.
pub struct SortSpec {
    pub by: Option<Vec<String>>,
    pub ascending: Vec<bool>,
    /// `ignore_index=True`: a RangeIndex from 0 instead of the rows' labels.
    pub ignore_index: bool,
}

/// A bool constant.
fn const_bool(e: &Expr) -> Option<bool> {
    match e.kind {
        ExprKind::Const(Const::Bool(b)) => Some(b),
        _ => None,
    }
}

/// The argument named `name` (or at position `pos`) of a call.
pub fn arg<'e>(args: &'e [Expr], kwargs: &'e [Kwarg], pos: Option<usize>, name: &str) -> Option<&'e Expr> {
    kwargs.iter().find(|k| k.name == name).map(|k| &k.value).or_else(|| pos.and_then(|p| args.get(p)))
}

/// A string constant or a list of them (`"A"`, `["A", "B"]`).
pub fn names_of(e: &Expr) -> Option<Vec<String>> {
    match &e.kind {
        ExprKind::List(items) => items.iter().map(|i| const_str(i).map(str::to_string)).collect(),
        _ => const_str(e).map(|s| vec![s.to_string()]),
    }
}

/// The keys and directions of `x.sort_values(...)` (`index` false) or
/// `x.sort_index(...)` of a Series or DataFrame, or what is wrong with them.
pub fn sort_spec(
    name: &str,
    args: &[Expr],
    kwargs: &[Kwarg],
    series: bool,
    span: Span,
) -> Result<SortSpec, (Span, String)> {
    let index = name == "sort_index";
    let by = if index || series {
        None
    } else {
        let Some(b) = arg(args, kwargs, Some(0), "by") else {
            return Err((span, "sort_values() needs the column(s) to sort by".to_string()));
        };
        let Some(names) = names_of(b) else {
            return Err((b.span, "sort_values(by=...) takes a column name or a list of them, as constants".into()));
        };
        Some(names)
    };
    let keys = by.as_ref().map_or(1, Vec::len);
    let pos = if index || series { None } else { Some(1) };
    let ascending = match arg(args, kwargs, pos, "ascending") {
        None => vec![true; keys],
        Some(a) => match (&a.kind, const_bool(a)) {
            (_, Some(b)) => vec![b; keys],
            (ExprKind::List(items), None) if items.len() == keys => match items.iter().map(const_bool).collect() {
                Some(v) => v,
                None => return Err((a.span, format!("{name}(ascending=...) takes True/False constants"))),
            },
            (ExprKind::List(_), None) => {
                return Err((a.span, format!("{name}(ascending=...) needs one bool per key ({keys})")));
            }
            _ => {
                return Err((
                    a.span,
                    format!("{name}(ascending=...) takes True, False or a list of them, as constants"),
                ))
            }
        },
    };
    if let Some(na) = arg(args, kwargs, None, "na_position") {
        if const_str(na) != Some("last") {
            return Err((na.span, "na_position other than \"last\" is not supported yet".into()));
        }
    }
    let by = match by {
        Some(b) => Some(b),
        None if series && !index => Some(Vec::new()),
        None => None,
    };
    let ignore_index = match arg(args, kwargs, None, "ignore_index") {
        None => false,
        Some(i) => const_bool(i).ok_or((i.span, format!("{name}(ignore_index=...) takes True or False")))?,
    };
    Ok(SortSpec { by, ascending, ignore_index })
}

/// The keyword arguments sorts accept.
const SORT_KWARGS: &[&str] = &["by", "ascending", "na_position", "kind", "ignore_index"];

impl Infer<'_> {
    /// Whether every keyword of a pandas call is one it takes (the others
    /// are reported; the call is then left untyped, so no rewrite drops
    /// them and the final round reports them again).
    pub(super) fn known_kwargs(&mut self, name: &str, kwargs: &[Kwarg], allowed: &[&str]) -> bool {
        self.no_kwargs(name, kwargs, allowed);
        kwargs.iter().all(|k| allowed.contains(&k.name.as_str()))
    }

    /// Whether frame `f` has every column of `names`, else a diagnostic
    /// (pandas' KeyError) on the first it lacks.
    pub(super) fn has_columns(&mut self, span: Span, f: &FrameTy, names: &[String]) -> bool {
        let Some(missing) = names.iter().find(|n| !f.cols.iter().any(|c| &c.0 == *n)) else { return true };
        self.error(
            Diagnostic::error(span, format!("the DataFrame has no column '{missing}'"))
                .label("KeyError in pandas")
                .help(format!(
                    "its columns are {}",
                    f.cols.iter().map(|c| format!("'{}'", c.0)).collect::<Vec<_>>().join(", ")
                )),
        );
        false
    }

    /// Whether the runtime can move the rows of frame `f` as a table (its
    /// columns and labels of ints, floats and bools), else a diagnostic on
    /// `what` it was asked for.
    pub(super) fn table_columns(&mut self, span: Span, f: &FrameTy, what: &str) -> bool {
        let levels = match &f.labels {
            Labels::Levels(ls) => ls.clone(),
            _ => Vec::new(),
        };
        let other = f
            .cols
            .iter()
            .chain(&levels)
            .find(|c| !matches!(c.1, Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::Datetime));
        let Some((name, t)) = other else { return true };
        self.error(
            Diagnostic::error(
                span,
                format!("{what} a DataFrame or Series with {} values is not supported yet", py_name(t)),
            )
            .label(format!("'{name}' holds {} values", py_name(t)))
            .help("sorts and groupby take int, float, bool and str columns so far"),
        );
        false
    }

    /// `x.sort_values(...)` / `x.sort_index(...)` of frame or series `t`.
    pub(super) fn sort_method(&mut self, e: &Expr, t: &Ty, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        if !self.known_kwargs(name, kwargs, SORT_KWARGS) {
            return Ty::Unknown;
        }
        let series = matches!(t, Ty::Series(_));
        let spec = match sort_spec(name, args, kwargs, series, e.span) {
            Ok(s) => s,
            Err((span, msg)) => {
                self.error(Diagnostic::error(span, msg).label("not supported here"));
                return Ty::Unknown;
            }
        };
        if let (Ty::Frame(f), Some(by)) = (t, &spec.by) {
            if !self.has_columns(e.span, f, by) {
                return Ty::Unknown;
            }
        }
        let table = match t {
            Ty::Frame(f) => (**f).clone(),
            Ty::Series(s) => FrameTy {
                cols: vec![(String::new(), s.elem.clone())],
                labels: s.labels.clone(),
                dist: s.dist,
                group: None,
            },
            _ => return Ty::Unknown,
        };
        if !self.table_columns(e.span, &table, "sorting") {
            return Ty::Unknown;
        }
        if spec.ignore_index {
            return reset(&sorted(t), true);
        }
        sorted(t)
    }
}

/// Frame or series `t` with its rows reordered: each keeps its label (a
/// RangeIndex becomes an array of them), held in ranges of rows by the
/// ranks when distributed.
pub fn sorted(t: &Ty) -> Ty {
    let var = |d: Dist| if d.is_dist() { Dist::OneDVar } else { Dist::Rep };
    match t {
        Ty::Frame(f) => Ty::Frame(Box::new(FrameTy { labels: kept(&f.labels), dist: var(f.dist), ..(**f).clone() })),
        Ty::Series(s) => Ty::Series(Box::new(SeriesTy { labels: kept(&s.labels), dist: var(s.dist), ..(**s).clone() })),
        _ => Ty::Unknown,
    }
}

/// The columns a frame or series' labels become with `reset_index()`: a
/// named index's levels, else one column "index".
fn label_columns(labels: &Labels) -> Vec<(String, Ty)> {
    match labels {
        Labels::Levels(ls) => ls.clone(),
        _ => vec![("index".to_string(), Ty::Int)],
    }
}

/// `x.reset_index(drop=...)`: a RangeIndex, the old labels dropped or made
/// the first columns (a Series then becomes a frame, its values the column
/// named after it, or 0).
pub fn reset(t: &Ty, drop: bool) -> Ty {
    match (t, drop) {
        (Ty::Frame(f), true) => Ty::Frame(Box::new(FrameTy { labels: Labels::Range, ..(**f).clone() })),
        (Ty::Series(s), true) => Ty::Series(Box::new(SeriesTy { labels: Labels::Range, ..(**s).clone() })),
        (Ty::Frame(f), false) => {
            let mut cols = label_columns(&f.labels);
            cols.extend(f.cols.iter().cloned());
            Ty::Frame(Box::new(FrameTy { cols, labels: Labels::Range, ..(**f).clone() }))
        }
        (Ty::Series(s), false) => {
            let mut cols = label_columns(&s.labels);
            cols.push((s.name.clone().unwrap_or_else(|| "0".into()), s.elem.clone()));
            Ty::Frame(Box::new(FrameTy { cols, labels: Labels::Range, dist: s.dist, group: None }))
        }
        _ => Ty::Unknown,
    }
}

/// `df.set_index(keys)`: those columns become the labels (a named index),
/// the old labels are dropped.
pub fn with_index(f: &FrameTy, keys: &[String]) -> Ty {
    let levels = keys.iter().filter_map(|k| f.cols.iter().find(|c| &c.0 == k).cloned()).collect();
    let cols = f.cols.iter().filter(|c| !keys.contains(&c.0)).cloned().collect();
    Ty::Frame(Box::new(FrameTy { cols, labels: Labels::Levels(levels), ..f.clone() }))
}

impl Infer<'_> {
    /// `x.reset_index(drop=...)`, `df.set_index(keys)`.
    pub(super) fn index_method(&mut self, e: &Expr, t: &Ty, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        if name == "reset_index" {
            if !self.known_kwargs(name, kwargs, &["drop"]) {
                return Ty::Unknown;
            }
            let drop = match arg(args, kwargs, None, "drop") {
                None => false,
                Some(d) => match const_bool(d) {
                    Some(b) => b,
                    None => {
                        self.error(
                            Diagnostic::error(d.span, "reset_index(drop=...) takes True or False")
                                .label("not a constant"),
                        );
                        return Ty::Unknown;
                    }
                },
            };
            if !args.is_empty() {
                self.error(Diagnostic::error(e.span, "reset_index() takes only drop= here").label("arguments"));
                return Ty::Unknown;
            }
            return reset(t, drop);
        }
        if !self.known_kwargs(name, kwargs, &["keys"]) {
            return Ty::Unknown;
        }
        let (Ty::Frame(f), Some(keys)) = (t, arg(args, kwargs, Some(0), "keys").and_then(names_of)) else {
            self.error(
                Diagnostic::error(e.span, "set_index() takes a column name or a list of them, as constants")
                    .label("not supported here"),
            );
            return Ty::Unknown;
        };
        if let Some(k) = keys.iter().find(|k| !f.cols.iter().any(|c| &c.0 == *k)) {
            self.error(
                Diagnostic::error(e.span, format!("the DataFrame has no column '{k}'")).label("KeyError in pandas"),
            );
            return Ty::Unknown;
        }
        with_index(f, &keys)
    }
}
