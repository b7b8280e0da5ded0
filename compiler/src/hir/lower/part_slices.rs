//! Reads of part of a column of a 2D array, as the column (supported on
//! distributed arrays) and a 1D slice of it: `X[lo:hi, j]` is
//! `X[:, j][lo:hi]` (the column is a strided view, never copied whole) and
//! `X[lo:hi, :]` is `X[lo:hi]`. `X[i, lo:hi]` stays whole: `i` may be a
//! row, or rows chosen by a mask or an int array, which only inference
//! tells apart (`types/views.rs`). Stores into such parts keep the general
//! path. pandas' `df.loc[...]`/`df.iloc[...]` stay whole (`hir/frames/loc.rs`).

use super::*;

impl FnLower<'_> {
    /// The read `v[index]`, with a part of a column split as above.
    pub(super) fn subscript_read(&mut self, v: Box<Expr>, index: Expr, sp: Span) -> Expr {
        let pandas = matches!(&v.kind, ExprKind::Attr(_, a) if a == "loc" || a == "iloc");
        let (Expr { kind: ExprKind::Tuple(items), span: isp, .. }, false) = (&index, pandas) else {
            return self.mk(ExprKind::Index(v, Box::new(index)), sp);
        };
        let (rows, cols) = match &items[..] {
            [rows, cols] if !rows.is_new_axis() && !cols.is_new_axis() => (rows, cols),
            _ => return self.mk(ExprKind::Index(v, Box::new(index)), sp),
        };
        let (whole, slice) = match (part_slice(rows), part_slice(cols)) {
            // X[lo:hi, :]
            (Some(Some(s)), Some(None)) => (*v, s),
            // X[lo:hi, j]: the column X[:, j]
            (Some(Some(s)), None) => {
                let all = self.mk(ExprKind::SliceBounds(None, None, None), rows.span);
                let pair = self.mk(ExprKind::Tuple(vec![all, cols.clone()]), *isp);
                (self.mk(ExprKind::Index(v, Box::new(pair)), sp), s)
            }
            _ => return self.mk(ExprKind::Index(v, Box::new(index)), sp),
        };
        let (lo, hi, st) = slice;
        self.mk(ExprKind::Slice(Box::new(whole), lo, hi, st), sp)
    }
}

type Bounds = (Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>);

/// For a slice index, `Some` of its bounds, or `Some(None)` for the full `:`;
/// `None` for any other index.
fn part_slice(e: &Expr) -> Option<Option<Bounds>> {
    match &e.kind {
        ExprKind::SliceBounds(None, None, None) => Some(None),
        ExprKind::SliceBounds(lo, hi, st) => Some(Some((lo.clone(), hi.clone(), st.clone()))),
        _ => None,
    }
}
