//! `fillna`: which values may fill which columns, and the internal calls
//! its rewrite (`hir/frames.rs`, `hir/frames/stats.rs`) leaves for str
//! columns.
//!
//! A column is filled with a value of its own kind: a number for a float
//! column (NumPy's `where`), a str for a str column (`pd.$fill_strs(values,
//! text)`, the runtime taking a reference to the text for each missing
//! value). pandas fills a str column with a number, or a float column with
//! a str, by making a column of mixed objects, which no type here holds:
//! for a Series or a column named in `df.fillna({...})` that is a
//! diagnostic. `df.fillna(v)` fills the columns of `v`'s kind and checks
//! the others at run time (`pd.$none_missing(values, name)`): pandas
//! changes them only when they have a missing value, which the types do
//! not tell.

use super::infer::Infer;
use super::records::const_str;
use super::ty::{article, dtype_name, FrameTy, SeriesTy, Ty};
use crate::diagnostics::Diagnostic;
use crate::hir::{Expr, ExprKind, Kwarg};

/// What filling a column of `col` values with a `value` gives: `Ok` when
/// the column keeps its type, else what is wrong.
fn fits(col: &Ty, value: &Ty) -> Result<(), &'static str> {
    match (col, value) {
        (Ty::Str, Ty::Str) | (Ty::Float, Ty::Int | Ty::Float | Ty::Bool) => Ok(()),
        (Ty::Str, _) => Err("pandas would mix numbers into a column of strings (an object column)"),
        (Ty::Float, _) => Err("pandas would mix strings into a column of numbers (an object column)"),
        (Ty::Datetime, _) => Err("filling the missing values of a datetime column is not supported yet"),
        // Ints and bools are never missing: nothing to fill.
        _ => Ok(()),
    }
}

impl Infer<'_> {
    /// `s.fillna(value)` of Series `s`: the element type of the result, or
    /// `None` after a diagnostic.
    pub(super) fn series_fillna(&mut self, e: &Expr, s: &SeriesTy, args: &[Expr], kwargs: &[Kwarg]) -> Option<Ty> {
        self.no_kwargs("fillna", kwargs, &["value"]);
        let Some(v) = args.first().or(kwargs.first().map(|k| &k.value)) else {
            self.error(Diagnostic::error(e.span, "fillna() needs the value to fill in").label("no value"));
            return None;
        };
        let vt = self.expr(v);
        let vt = self.shallow(&vt);
        if s.elem == Ty::Str {
            if let Err(why) = fits(&s.elem, &vt) {
                self.error(
                    Diagnostic::error(v.span, "fillna() of a str column takes a string")
                        .label(format!("this is {}", article(&vt)))
                        .note(why)
                        .help("fill with text: `s.fillna(\"0\")`, or convert first: `s.fillna(str(v))`"),
                );
                return None;
            }
            // Filled by the runtime, not by `np.where` (`hir/frames.rs`).
            let f = self.insts[self.cur as usize].func;
            self.frame_text_fills.insert((f, v.id));
            return Some(Ty::Str);
        }
        match self.join(&s.elem, &vt, true) {
            Some(t @ (Ty::Int | Ty::Float | Ty::Bool)) => Some(t),
            _ => {
                self.error(
                    Diagnostic::error(v.span, "fillna() of a number column takes a number")
                        .label(format!("this is {}", article(&vt)))
                        .note("pandas would mix strings into a column of numbers (an object column)"),
                );
                None
            }
        }
    }

    /// `df.fillna(value)`: one number or str for every column of its kind,
    /// or a dict display of one value per column name.
    pub(super) fn frame_fillna(&mut self, e: &Expr, f: &FrameTy, args: &[Expr], kwargs: &[Kwarg]) -> Option<()> {
        self.no_kwargs("fillna", kwargs, &["value"]);
        let given: Vec<&Expr> = args.iter().chain(kwargs.iter().map(|k| &k.value)).collect();
        let [v] = given.as_slice() else {
            self.error(
                Diagnostic::error(e.span, "DataFrame.fillna() takes one value here")
                    .label(if given.is_empty() { "no value" } else { "more than one value" })
                    .help(
                        "pass a number, a string, or a dict of one per column: `df.fillna({\"A\": 0.0, \"B\": \"-\"})`",
                    ),
            );
            return None;
        };
        if let ExprKind::Dict(items) = &v.kind {
            return self.fillna_by_column(f, items);
        }
        let vt = self.exprs[v.id as usize].clone();
        match self.shallow(&vt) {
            Ty::Str => {
                let func = self.insts[self.cur as usize].func;
                self.frame_text_fills.insert((func, v.id));
                Some(())
            }
            Ty::Int | Ty::Float | Ty::Bool => Some(()),
            other => {
                self.error(
                    Diagnostic::error(v.span, "DataFrame.fillna() takes a number or a string here")
                        .label(format!("this is {}", article(&other)))
                        .help("or a dict display of one value per column: `df.fillna({\"A\": 0.0, \"B\": \"-\"})`"),
                );
                None
            }
        }
    }

    /// `df.fillna({"A": a, ...})`: each value fits its column; names that
    /// are no column are ignored, as pandas does.
    fn fillna_by_column(&mut self, f: &FrameTy, items: &[(Expr, Expr)]) -> Option<()> {
        let mut ok = true;
        for (k, v) in items {
            let vt = self.exprs[v.id as usize].clone();
            let vt = self.shallow(&vt);
            let Some(name) = const_str(k) else {
                self.error(
                    Diagnostic::error(k.span, "the keys of fillna()'s dict must be column names")
                        .label("not a string literal")
                        .help("bodoc needs a DataFrame's column names at compile time"),
                );
                ok = false;
                continue;
            };
            let Some((_, col)) = f.cols.iter().find(|c| c.0 == name) else { continue };
            if let Err(why) = fits(col, &vt) {
                let held = if *col == Ty::Str { "strings".to_string() } else { format!("{} values", dtype_name(col)) };
                self.error(
                    Diagnostic::error(v.span, format!("column '{name}' holds {held}"))
                        .label(format!("this is {}", article(&vt)))
                        .note(why),
                );
                ok = false;
            }
        }
        ok.then_some(())
    }

    /// `pd.$fill_strs(values, text)` (the str array with each missing value
    /// replaced by `text`) and `pd.$none_missing(values, name)` (the
    /// values, once found to have no missing one).
    pub(super) fn fill_internal(&mut self, args: &[Expr]) -> Ty {
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        self.top(&tys[0])
    }
}
