//! pandas: the types of the methods that find distinct values or rows,
//! `value_counts`, `unique`, `nunique` and `drop_duplicates` of Series and
//! DataFrames, and of the internal `pd.$distinct(x, keys, flags)`
//! `hir/frames/distinct.rs` makes of them: `keys` a tuple of column names
//! (`()` for a Series' values, `None` for every column of a frame) and
//! `flags` those of `bodo_abi::distinct`. The runtime
//! (`bodo_frame_distinct`) keeps each key's first row, or counts the rows
//! of each key; the result is 1D_Block_Var when distributed and in the
//! order pandas gives (first appearance, or by count).
//!
//! `s.unique()` is the values of `$distinct`, `s.nunique()` its length.

use super::infer::Infer;
use super::pandas_sort::{arg, names_of, reset, sorted};
use super::records::const_str;
use super::ty::{Dist, FrameTy, Labels, SeriesTy, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{Const, Expr, ExprKind, Kwarg};
use bodo_abi::distinct::{ASCENDING, BY_COUNT, BY_KEYS, COUNTS, DROPNA, NORMALIZE};

/// The methods typed here.
pub const DISTINCT_METHODS: &[&str] = &["value_counts", "unique", "drop_duplicates"];

/// What a distinct-values call asks for.
pub struct DistinctSpec {
    /// The key columns: `None` every column of a frame, empty a Series' values.
    pub keys: Option<Vec<String>>,
    pub flags: i64,
    /// `drop_duplicates(ignore_index=True)`: a RangeIndex from 0.
    pub ignore_index: bool,
}

fn const_bool(e: &Expr) -> Option<bool> {
    match e.kind {
        ExprKind::Const(Const::Bool(b)) => Some(b),
        _ => None,
    }
}

/// The spec of `x.NAME(...)` (`series` when `x` is a Series), or what is
/// wrong with its arguments.
pub fn distinct_spec(
    name: &str,
    args: &[Expr],
    kwargs: &[Kwarg],
    series: bool,
) -> Result<DistinctSpec, (Option<Span>, String)> {
    let flag = |n: &str, default: bool| match arg(args, kwargs, None, n) {
        None => Ok(default),
        Some(v) => const_bool(v).ok_or((Some(v.span), format!("{name}({n}=...) takes True or False"))),
    };
    let values = if series { Some(Vec::new()) } else { None };
    match name {
        "value_counts" => {
            let keys = match arg(args, kwargs, Some(0), "subset").filter(|_| !series) {
                Some(s) => {
                    Some(names_of(s).ok_or((Some(s.span), "value_counts(subset=...) takes column names".into()))?)
                }
                None => values,
            };
            // A frame's rows are counted by groupby, in the order of its keys.
            let mut flags = if series { COUNTS } else { COUNTS | BY_KEYS };
            for (n, default, bit) in [
                ("sort", true, BY_COUNT),
                ("ascending", false, ASCENDING),
                ("dropna", true, DROPNA),
                ("normalize", false, NORMALIZE),
            ] {
                if flag(n, default)? {
                    flags |= bit;
                }
            }
            Ok(DistinctSpec { keys, flags, ignore_index: false })
        }
        "unique" => Ok(DistinctSpec { keys: values, flags: 0, ignore_index: false }),
        "nunique" => {
            let flags = if flag("dropna", true)? { DROPNA } else { 0 };
            Ok(DistinctSpec { keys: values, flags, ignore_index: false })
        }
        _ => {
            match arg(args, kwargs, None, "keep").map(|k| (k, const_str(k))) {
                None | Some((_, Some("first"))) => {}
                Some((k, _)) => {
                    return Err((Some(k.span), "drop_duplicates(keep=...) supports only \"first\" so far".into()))
                }
            }
            let keys = match arg(args, kwargs, Some(0), "subset").filter(|_| !series) {
                Some(s) => {
                    Some(names_of(s).ok_or((Some(s.span), "drop_duplicates(subset=...) takes column names".into()))?)
                }
                None => values,
            };
            Ok(DistinctSpec { keys, flags: 0, ignore_index: flag("ignore_index", false)? })
        }
    }
}

/// The keyword arguments each method takes.
fn allowed_kwargs(name: &str) -> &'static [&'static str] {
    match name {
        "value_counts" => &["subset", "normalize", "sort", "ascending", "dropna"],
        "nunique" => &["dropna"],
        "drop_duplicates" => &["subset", "keep", "ignore_index"],
        _ => &[],
    }
}

/// The result of `pd.$distinct(x, keys, flags)` of frame or series `t`.
pub fn distinct_result(t: &Ty, keys: Option<&[String]>, flags: i64) -> Ty {
    if flags & COUNTS == 0 {
        return sorted(t);
    }
    let (levels, dist): (Vec<(String, Ty)>, Dist) = match (t, keys) {
        (Ty::Series(s), _) => (vec![(s.name.clone().unwrap_or_default(), s.elem.clone())], s.dist),
        (Ty::Frame(f), None) => (f.cols.clone(), f.dist),
        (Ty::Frame(f), Some(ks)) => {
            (ks.iter().filter_map(|k| f.cols.iter().find(|c| &c.0 == k)).cloned().collect(), f.dist)
        }
        _ => return Ty::Unknown,
    };
    let dist = if dist.is_dist() { Dist::OneDVar } else { Dist::Rep };
    let (elem, name) = if flags & NORMALIZE == 0 { (Ty::Int, "count") } else { (Ty::Float, "proportion") };
    Ty::Series(Box::new(SeriesTy { elem, name: Some(name.into()), labels: Labels::Levels(levels), dist }))
}

/// The key names of a `pd.$distinct` call's second argument.
pub fn distinct_keys(e: &Expr) -> Option<Vec<String>> {
    match &e.kind {
        ExprKind::Tuple(names) => names.iter().map(|n| const_str(n).map(str::to_string)).collect(),
        _ => None,
    }
}

impl Infer<'_> {
    /// `x.value_counts(...)`, `x.unique()`, `x.nunique()`, `x.drop_duplicates(...)`.
    pub(super) fn distinct_method(&mut self, e: &Expr, t: &Ty, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        if !self.known_kwargs(name, kwargs, allowed_kwargs(name)) {
            return Ty::Unknown;
        }
        let series = matches!(t, Ty::Series(_));
        if !series && name == "unique" {
            self.error(
                Diagnostic::error(e.span, "DataFrame.unique() does not exist in pandas")
                    .label("not a Series")
                    .help("ask a column: `df.A.unique()`"),
            );
            return Ty::Unknown;
        }
        let spec = match distinct_spec(name, args, kwargs, series) {
            Ok(s) => s,
            Err((span, msg)) => {
                let help = match name {
                    "drop_duplicates" => "sort the rows so the one to keep comes first",
                    _ => "flags are True or False constants, and subset= takes column names",
                };
                self.error(Diagnostic::error(span.unwrap_or(e.span), msg).label("not supported here").help(help));
                return Ty::Unknown;
            }
        };
        let table = match t {
            Ty::Frame(f) => (**f).clone(),
            Ty::Series(s) => FrameTy {
                cols: vec![(s.name.clone().unwrap_or_default(), s.elem.clone())],
                labels: s.labels.clone(),
                dist: s.dist,
                group: None,
            },
            _ => return Ty::Unknown,
        };
        if let (Ty::Frame(f), Some(keys)) = (t, &spec.keys) {
            if !self.has_columns(e.span, f, keys) {
                return Ty::Unknown;
            }
        }
        if !self.table_columns(e.span, &table, &format!("{name}() of")) {
            return Ty::Unknown;
        }
        self.frame_op();
        let r = distinct_result(t, spec.keys.as_deref(), spec.flags);
        match (name, &r) {
            ("unique", Ty::Series(s)) => Ty::array(s.elem.clone(), 1, s.dist),
            ("nunique", _) => Ty::Int,
            _ if spec.ignore_index => reset(&r, true),
            _ => r,
        }
    }

    /// `pd.$distinct(x, keys, flags)`.
    pub(super) fn distinct_internal(&mut self, args: &[Expr]) -> Ty {
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        let t = self.top(&tys[0]);
        let ExprKind::Const(Const::Int(flags)) = args[2].kind else { return Ty::Unknown };
        let keys = distinct_keys(&args[1]);
        match &t {
            Ty::Frame(_) | Ty::Series(_) => distinct_result(&t, keys.as_deref(), flags),
            _ => Ty::Unknown,
        }
    }
}
