//! The types of `df.loc[rows, cols]` / `df.iloc[rows, cols]` (and of a
//! Series' `loc`/`iloc`, rows only), which `hir/frames/loc.rs` rewrites:
//! rows as `:`, a slice (of labels, inclusive, on a RangeIndex; or of
//! positions) or a bool mask; columns as `:`, names (`loc`) or positions
//! (`iloc`: an int, a list of ints, a slice of constants).

use super::infer::Infer;
use super::ty::{Dist, FrameTy, Labels, SeriesTy, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::frames::loc::{loc_of, Loc, Rows};
use crate::hir::{Const, Expr, ExprKind, UnOp};

impl Infer<'_> {
    /// The type of `e` if it is a `loc`/`iloc` selection of a frame or
    /// series, else `None`.
    pub fn frame_loc(&mut self, e: &Expr) -> Option<Ty> {
        let Loc { by_label, of, rows, cols } = loc_of(e)?;
        let t = self.expr(of);
        let t = self.top(&t);
        if !matches!(t, Ty::Frame(_) | Ty::Series(_)) {
            return None;
        }
        let what = if by_label { "loc" } else { "iloc" };
        let rows_t = match rows {
            Rows::All => t.clone(),
            Rows::Slice(lo, hi, st) => {
                for b in [lo, hi].into_iter().flatten() {
                    let bt = self.expr(b);
                    self.expect(&Ty::Int, &bt, b.span, &format!("a .{what} slice bound"));
                }
                if let Some(st) = st {
                    self.expr(st);
                    return Some(self.loc_error(
                        st.span,
                        format!("a step in a .{what} slice is not supported yet"),
                        "a step",
                    ));
                }
                if by_label && labels_of(&t) != Some(Labels::Range) {
                    return Some(self.loc_error(
                        e.span,
                        "slicing .loc by label needs a RangeIndex here".to_string(),
                        "labels of their own",
                    ));
                }
                let d = dist_of(&t);
                t.with_dist(if d.is_dist() { Dist::OneDVar } else { Dist::Rep })
            }
            Rows::One(m) => {
                let mt = self.expr(m);
                let mask = match self.top(&mt) {
                    Ty::Array(el, 1, _) => *el == Ty::Bool,
                    Ty::Series(s) => s.elem == Ty::Bool,
                    _ => false,
                };
                if !mask {
                    return Some(self.loc_error(
                        m.span,
                        format!("selecting one row with .{what} is not supported yet"),
                        "one row",
                    ));
                }
                super::pandas::filtered(&t)
            }
        };
        let Some(cols) = cols else {
            self.frame_op();
            return Some(rows_t);
        };
        let Ty::Frame(f) = &rows_t else {
            return Some(self.loc_error(cols.span, "a Series has no columns to select".to_string(), "columns"));
        };
        if matches!(cols.kind, ExprKind::SliceBounds(None, None, None)) {
            self.frame_op();
            return Some(rows_t);
        }
        if by_label {
            // Names, as `df[name]` / `df[[names]]` take them.
            return Some(self.frame_index(&rows_t, cols));
        }
        let Some(at) = positions(cols, f.cols.len()) else {
            return Some(self.loc_error(
                cols.span,
                "columns of .iloc must be a constant position, a list of them or a slice of constants".to_string(),
                "not constant positions",
            ));
        };
        self.frame_op();
        Some(picked(f, &at, cols))
    }

    fn loc_error(&mut self, span: Span, msg: String, label: &str) -> Ty {
        self.error(
            Diagnostic::error(span, msg)
                .label(label.to_string())
                .help("`.loc` takes a bool mask or a label slice, `.iloc` a position slice, then columns"),
        );
        Ty::Unknown
    }
}

/// The frame or Series of the columns at positions `at` of `f`: a Series
/// for one position given alone (`df.iloc[:, 2]`), else a frame.
pub fn picked(f: &FrameTy, at: &[usize], cols: &Expr) -> Ty {
    let chosen: Vec<(String, Ty)> = at.iter().map(|&i| f.cols[i].clone()).collect();
    if matches!(cols.kind, ExprKind::List(_) | ExprKind::SliceBounds(..)) {
        return Ty::Frame(Box::new(FrameTy { cols: chosen, ..f.clone() }));
    }
    match chosen.into_iter().next() {
        Some((name, elem)) => {
            Ty::Series(Box::new(SeriesTy { elem, name: Some(name), labels: f.labels.clone(), dist: f.dist }))
        }
        None => Ty::Unknown,
    }
}

/// The column positions `cols` names among `n` (negative ones from the
/// end): a constant int, a list of them or a slice of constants.
pub fn positions(cols: &Expr, n: usize) -> Option<Vec<usize>> {
    let n = n as i64;
    let int = |e: &Expr| match &e.kind {
        ExprKind::Const(Const::Int(i)) => Some(*i),
        ExprKind::Unary(UnOp::Neg, x) => match x.kind {
            ExprKind::Const(Const::Int(i)) => Some(-i),
            _ => None,
        },
        _ => None,
    };
    let one = |e: &Expr| {
        let i = int(e)?;
        let i = if i < 0 { i + n } else { i };
        (0..n).contains(&i).then_some(i as usize)
    };
    match &cols.kind {
        ExprKind::List(items) => items.iter().map(one).collect(),
        ExprKind::SliceBounds(lo, hi, st) => {
            let bound = |b: &Option<Box<Expr>>, dflt: i64| match b {
                None => Some(dflt),
                Some(b) => int(b),
            };
            let (lo, hi) = (bound(lo, 0)?, bound(hi, n)?);
            if st.is_some() {
                return None;
            }
            let clamp = |i: i64| (if i < 0 { i + n } else { i }).clamp(0, n);
            Some((clamp(lo)..clamp(hi)).map(|i| i as usize).collect())
        }
        _ => one(cols).map(|i| vec![i]),
    }
}

fn labels_of(t: &Ty) -> Option<Labels> {
    match t {
        Ty::Frame(f) => Some(f.labels.clone()),
        Ty::Series(s) => Some(s.labels.clone()),
        _ => None,
    }
}

fn dist_of(t: &Ty) -> Dist {
    match t {
        Ty::Frame(f) => f.dist,
        Ty::Series(s) => s.dist,
        _ => Dist::Rep,
    }
}
