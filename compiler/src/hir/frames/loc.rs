//! `df.loc[rows, cols]` and `df.iloc[rows, cols]` (also of a Series, rows
//! only): what each selects ([`loc_of`], shared with `types/pandas_loc.rs`),
//! and the rewrite into the internals of whole frames: a row slice is
//! `pd.$slice(x, lo, hi, by_label)`, a mask `pd.$filter`, columns by name
//! `pd.$select`/`$column_of`, by position `pd.$select_at`/`$column_at`.

use super::{Rewriter, Shape};
use crate::hir::build::BuildHir;
use crate::hir::*;

/// The rows a `loc`/`iloc` selects.
pub enum Rows<'e> {
    /// `:`.
    All,
    /// `lo:hi` (either may be omitted), `step` if given.
    Slice(Option<&'e Expr>, Option<&'e Expr>, Option<&'e Expr>),
    /// Anything else: a mask, or one row's label or position.
    One(&'e Expr),
}

/// A `loc`/`iloc` selection: by label (`loc`) or position, of what, which
/// rows, and which columns (none: all).
pub struct Loc<'e> {
    pub by_label: bool,
    pub of: &'e Expr,
    pub rows: Rows<'e>,
    pub cols: Option<&'e Expr>,
}

/// `x.loc` / `x.iloc`: whether by label, and `x`.
fn accessor(x: &Expr) -> Option<(bool, &Expr)> {
    match &x.kind {
        ExprKind::Attr(of, a) if a == "loc" || a == "iloc" => Some((a == "loc", &**of)),
        _ => None,
    }
}

type Bounds<'e> = (Option<&'e Expr>, Option<&'e Expr>, Option<&'e Expr>);

fn bounds<'e>(lo: &'e Option<Box<Expr>>, hi: &'e Option<Box<Expr>>, st: &'e Option<Box<Expr>>) -> Bounds<'e> {
    (lo.as_deref(), hi.as_deref(), st.as_deref())
}

/// `e` as a `loc`/`iloc` selection, if it is one.
pub fn loc_of(e: &Expr) -> Option<Loc<'_>> {
    match &e.kind {
        ExprKind::Slice(x, lo, hi, st) => {
            let (by_label, of) = accessor(x)?;
            let (lo, hi, st) = bounds(lo, hi, st);
            Some(Loc { by_label, of, rows: Rows::Slice(lo, hi, st), cols: None })
        }
        ExprKind::Index(x, idx) => {
            let (by_label, of) = accessor(x)?;
            let (r, cols) = match &idx.kind {
                ExprKind::Tuple(items) if items.len() == 2 => (&items[0], Some(&items[1])),
                _ => (&**idx, None),
            };
            let rows = match &r.kind {
                ExprKind::SliceBounds(None, None, None) => Rows::All,
                ExprKind::SliceBounds(lo, hi, st) => {
                    let (lo, hi, st) = bounds(lo, hi, st);
                    Rows::Slice(lo, hi, st)
                }
                _ => Rows::One(r),
            };
            Some(Loc { by_label, of, rows, cols })
        }
        _ => None,
    }
}

impl Rewriter<'_> {
    /// `e`, a `loc`/`iloc` selection typed as a frame or series, rewritten.
    pub(super) fn loc(&mut self, e: Expr) -> Expr {
        let (id, span) = (e.id, e.span);
        let Some(Loc { by_label, of, rows, cols }) = loc_of(&e) else { return e };
        let Some(range) = (match self.shape(of.id) {
            Some(Shape::Frame(r) | Shape::Series(_, r)) => Some(*r),
            _ => None,
        }) else {
            return e;
        };
        let frame = matches!(self.shape(of.id), Some(Shape::Frame(_)));
        let (of, cols) = (of.clone(), cols.cloned());
        let (x, range) = match rows {
            Rows::All => (of, range),
            Rows::Slice(lo, hi, _) => {
                let bound = |w: &mut Self, b: Option<&Expr>| match b {
                    Some(b) => b.clone(),
                    None => w.int(bodo_abi::SLICE_NONE, span),
                };
                let (lo, hi) = (bound(self, lo), bound(self, hi));
                let flag = self.expr(ExprKind::Const(Const::Bool(by_label)), span);
                let x = self.pd("$slice", vec![of, lo, hi, flag], span);
                (x, range)
            }
            Rows::One(m) => {
                let m = m.clone();
                (self.filter(id, of, m, span), false)
            }
        };
        let Some(cols) = cols else {
            self.shape_as(&x, id);
            return x;
        };
        self.shapes.insert(x.id, if frame { Shape::Frame(range) } else { Shape::Series(None, range) });
        let out = match (&cols.kind, by_label) {
            (ExprKind::SliceBounds(None, None, None), _) => x,
            (ExprKind::Const(Const::Str(name)), true) => {
                let col = self.string(name, span);
                self.pd("$column_of", vec![x, col], span)
            }
            (ExprKind::List(names), true) => {
                let names = self.expr(ExprKind::Tuple(names.clone()), span);
                self.pd("$select", vec![x, names], span)
            }
            (ExprKind::List(_) | ExprKind::SliceBounds(..), false) => {
                let at = cols.clone();
                self.pd("$select_at", vec![x, at], span)
            }
            _ => self.pd("$column_at", vec![x, cols.clone()], span),
        };
        self.shape_as(&out, id);
        out
    }
}
