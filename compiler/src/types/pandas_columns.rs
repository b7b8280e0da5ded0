//! pandas: the types of `rename` and `drop`, which change which columns a
//! frame has (or a Series' name) but none of its values, and of the
//! internal calls `hir/frames/columns.rs` makes of them:
//! `pd.$rename(x, (("old", "new"), ...))` (a Series: `pd.$rename(s, "new")`)
//! and `pd.$drop(df, ("a", ...))`. Both share the frame's arrays.

use super::infer::Infer;
use super::pandas_sort::{arg, names_of};
use super::records::const_str;
use super::ty::{py_name, FrameTy, SeriesTy, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{Const, Expr, ExprKind, Kwarg};

/// What `rename` / `drop` asks for.
pub enum ColumnChange {
    /// Old and new names (unknown old names are left alone, as pandas does).
    Rename(Vec<(String, String)>),
    /// A Series' new name.
    Name(String),
    /// The columns dropped.
    Drop(Vec<String>),
}

/// Whether `axis` is `1` or `"columns"`.
fn columns_axis(axis: Option<&Expr>) -> bool {
    matches!(axis.map(|a| &a.kind), Some(ExprKind::Const(Const::Int(1)))) || axis.and_then(const_str) == Some("columns")
}

/// The change `x.NAME(...)` asks for (`series` when `x` is a Series), or
/// what is wrong with its arguments.
pub fn column_change(
    name: &str,
    args: &[Expr],
    kwargs: &[Kwarg],
    series: bool,
    span: Span,
) -> Result<ColumnChange, (Span, String)> {
    if let Some(k) = kwargs.iter().find(|k| k.name == "inplace") {
        return Err((k.span, format!("{name}(inplace=True) is not supported: assign the result instead")));
    }
    if name == "rename" {
        if series {
            return match arg(args, kwargs, Some(0), "index").and_then(const_str) {
                Some(n) => Ok(ColumnChange::Name(n.to_string())),
                None => Err((span, "Series.rename() takes the new name, a str constant".into())),
            };
        }
        if let Some(k) = kwargs.iter().find(|k| k.name == "index") {
            return Err((k.span, "renaming row labels is not supported yet".into()));
        }
        let mapping = match arg(args, kwargs, None, "columns") {
            Some(m) => m,
            None if columns_axis(arg(args, kwargs, Some(1), "axis")) && !args.is_empty() => &args[0],
            None => return Err((span, "rename() takes columns={\"old\": \"new\", ...}".into())),
        };
        let ExprKind::Dict(pairs) = &mapping.kind else {
            return Err((mapping.span, "rename(columns=...) takes a dict of str constants written here".into()));
        };
        let pairs: Option<Vec<(String, String)>> =
            pairs.iter().map(|(k, v)| Some((const_str(k)?.to_string(), const_str(v)?.to_string()))).collect();
        return pairs
            .map(ColumnChange::Rename)
            .ok_or((mapping.span, "rename() maps str constants to str constants".into()));
    }
    if series {
        return Err((span, "Series.drop() is not supported yet".into()));
    }
    if let Some(k) = kwargs.iter().find(|k| k.name == "index") {
        return Err((k.span, "dropping rows by label is not supported yet: filter with a mask".into()));
    }
    let names = match arg(args, kwargs, None, "columns") {
        Some(c) => c,
        None if columns_axis(arg(args, kwargs, Some(1), "axis")) => match arg(args, kwargs, Some(0), "labels") {
            Some(l) => l,
            None => return Err((span, "drop() needs the columns to drop".into())),
        },
        None => return Err((span, "drop() drops columns here: `drop(columns=[...])` or `drop([...], axis=1)`".into())),
    };
    names_of(names).map(ColumnChange::Drop).ok_or((names.span, "drop() takes column names, as constants".into()))
}

/// The result of `change` on frame or series `t`, or the name of a
/// column it lacks (dropping one is a KeyError in pandas) or would repeat.
pub fn changed(t: &Ty, change: &ColumnChange) -> Result<Ty, String> {
    match (t, change) {
        (Ty::Series(s), ColumnChange::Name(n)) => {
            Ok(Ty::Series(Box::new(SeriesTy { name: Some(n.clone()), ..(**s).clone() })))
        }
        (Ty::Frame(f), ColumnChange::Rename(pairs)) => {
            let cols: Vec<(String, Ty)> = f
                .cols
                .iter()
                .map(|(c, t)| (pairs.iter().find(|p| &p.0 == c).map_or(c, |p| &p.1).clone(), t.clone()))
                .collect();
            if let Some(dup) = cols.iter().enumerate().find(|(i, c)| cols[..*i].iter().any(|d| d.0 == c.0)) {
                return Err(format!("two columns would be named '{}'", dup.1 .0));
            }
            Ok(Ty::Frame(Box::new(FrameTy { cols, ..(**f).clone() })))
        }
        (Ty::Frame(f), ColumnChange::Drop(names)) => {
            if let Some(missing) = names.iter().find(|n| !f.cols.iter().any(|c| &c.0 == *n)) {
                return Err(format!("the DataFrame has no column '{missing}'"));
            }
            let cols = f.cols.iter().filter(|c| !names.contains(&c.0)).cloned().collect();
            Ok(Ty::Frame(Box::new(FrameTy { cols, ..(**f).clone() })))
        }
        _ => Ok(Ty::Unknown),
    }
}

/// The change a `pd.$rename` / `pd.$drop` call's second argument holds.
pub fn internal_change(name: &str, arg: &Expr) -> Option<ColumnChange> {
    let strs = |items: &[Expr]| items.iter().map(|i| const_str(i).map(str::to_string)).collect::<Option<Vec<_>>>();
    match (name, &arg.kind) {
        ("$rename", ExprKind::Const(Const::Str(n))) => Some(ColumnChange::Name(n.clone())),
        ("$rename", ExprKind::Tuple(pairs)) => pairs
            .iter()
            .map(|p| match &p.kind {
                ExprKind::Tuple(two) if two.len() == 2 => {
                    Some((const_str(&two[0])?.into(), const_str(&two[1])?.into()))
                }
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .map(ColumnChange::Rename),
        ("$drop", ExprKind::Tuple(items)) => strs(items).map(ColumnChange::Drop),
        _ => None,
    }
}

impl Infer<'_> {
    /// `x.rename(...)` / `df.drop(...)`.
    pub(super) fn columns_method(&mut self, e: &Expr, t: &Ty, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let allowed: &[&str] = if name == "rename" {
            &["columns", "axis", "index", "inplace"]
        } else {
            &["columns", "labels", "axis", "index", "inplace"]
        };
        if !self.known_kwargs(name, kwargs, allowed) {
            return Ty::Unknown;
        }
        let change = column_change(name, args, kwargs, matches!(t, Ty::Series(_)), e.span)
            .and_then(|c| changed(t, &c).map_err(|m| (e.span, m)));
        match change {
            Ok(r) => {
                self.frame_op();
                r
            }
            Err((span, msg)) => {
                let mut d = Diagnostic::error(span, msg).label(format!("in {}.{name}()", py_name(t)));
                if let Ty::Frame(f) = t {
                    let cols: Vec<String> = f.cols.iter().map(|c| format!("'{}'", c.0)).collect();
                    d = d.help(format!("its columns are {}", cols.join(", ")));
                }
                self.error(d);
                Ty::Unknown
            }
        }
    }

    /// `pd.$rename(x, ...)` / `pd.$drop(df, ...)`.
    pub(super) fn columns_internal(&mut self, name: &str, args: &[Expr]) -> Ty {
        let t = self.expr(&args[0]);
        let t = self.top(&t);
        match internal_change(name, &args[1]).map(|c| changed(&t, &c)) {
            Some(Ok(r)) => r,
            _ => Ty::Unknown,
        }
    }
}
