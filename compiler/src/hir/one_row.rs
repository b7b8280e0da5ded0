//! Arrays of one row, shape `(1, m)`, known from how they are made:
//! `v[None, :]`, `a.reshape(1, m)` (also `reshape((1, m))`),
//! `np.zeros((1, m))` and the other constant fills, `np.array([[...]])`,
//! a reduction
//! along axis 0 with `keepdims=True` (which `hir/lower/keepdims.rs` makes
//! `v[None, :]`), elementwise operations of such rows with scalars, and
//! variables every definition of which is one. NumPy broadcasts such a row
//! along the rows of an `(n, m)` operand: the fused loops read it as a row
//! vector (`ir/kernel_broadcast.rs`) and the result keeps the wide
//! operand's distribution (`types/ops.rs`).

use std::collections::HashSet;

use super::{Const, Expr, ExprKind, LocalId, Module};

impl Expr {
    /// Whether this array has one row by construction (`is_2d` tells
    /// which expressions are 2D arrays, as far as types are known: with
    /// final types the answer is exact); `rows`
    /// are the locals known to hold such rows. The forms that make a row
    /// are 2D whenever they are typed at all, so they need no types.
    pub fn is_one_row(&self, rows: &HashSet<LocalId>, is_2d: &dyn Fn(&Expr) -> bool) -> bool {
        // An elementwise node is a row when one operand is and no other is
        // a 2D array of more rows (an operand whose type is not known yet
        // counts as none: inference only learns a wider distribution).
        let rows_only = |ops: &[&Expr]| {
            let mut any = false;
            for o in ops {
                if o.is_one_row(rows, is_2d) {
                    any = true;
                } else if is_2d(o) {
                    return false;
                }
            }
            any
        };
        match &self.kind {
            ExprKind::Local(l) => rows.contains(l),
            ExprKind::Index(_, idx) => idx.is_new_row(),
            ExprKind::MethodCall { recv, name, args, .. } => match name.as_str() {
                "reshape" => is_row_shape(args),
                "astype" | "copy" => rows_only(&[recv]),
                _ => false,
            },
            ExprKind::Call { func, args, .. } => match &func.kind {
                ExprKind::ModAttr(Module::Numpy, n) if matches!(n.as_str(), "zeros" | "ones" | "full" | "empty") => {
                    matches!(args.first(), Some(Expr { kind: ExprKind::Tuple(dims), .. }) if is_row_shape(dims))
                }
                // np.array([[a, b, c]]): one row of numbers.
                ExprKind::ModAttr(Module::Numpy, n) if n == "array" => matches!(
                    args.first().map(|a| &a.kind),
                    Some(ExprKind::List(rows)) if matches!(rows.as_slice(), [Expr { kind: ExprKind::List(_), .. }])
                ),
                _ => false,
            },
            ExprKind::Bin(_, a, b) => rows_only(&[a, b]),
            ExprKind::Compare(a, chain) if chain.len() == 1 => rows_only(&[a, &chain[0].1]),
            ExprKind::Unary(_, a) => rows_only(&[a]),
            _ => false,
        }
    }
}

/// Whether a shape, given as its dimensions or as one tuple of them, is
/// two dimensions, the first the literal 1.
fn is_row_shape(dims: &[Expr]) -> bool {
    let dims = match dims {
        [Expr { kind: ExprKind::Tuple(items), .. }] => items.as_slice(),
        _ => dims,
    };
    matches!(dims, [Expr { kind: ExprKind::Const(Const::Int(1)), .. }, _])
}
