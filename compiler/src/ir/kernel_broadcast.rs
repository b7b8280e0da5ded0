//! NumPy broadcasting of a 1D vector along the rows of a 2D fused loop
//! (`X - X.mean(axis=0)`, `(X - mu) / sd`, `X * w`, `X > thresholds`):
//! element `(i, j)` reads `v[j]`. The vector is small and made whole on
//! every rank, so the 2D operand keeps its row distribution; its length
//! must be the loop's column count (or 1), checked with NumPy's error.
//!
//! A column vector (`v[:, None]`, `v.reshape(-1, 1)`, shape `(n, 1)`)
//! broadcasts along the columns instead: element `(i, j)` reads `v[i]`. It
//! has the loop's rows, so it keeps their distribution (realigned like any
//! input) and its row count is checked like any other input's. With no
//! wider input, its loop is as wide as the row vectors beside it: the
//! outer product `v[:, None] * w` of shape `(n, len(w))`.
//!
//! A one-row array `(1, m)` (`mu = X.mean(axis=0, keepdims=True)`,
//! `v[None, :]`, `hir/one_row.rs`) in a loop wider than one row is read as
//! such a row vector too: row stride 0, whole on every rank. Any other 2D
//! operand held in an array (a variable, an argument, `np.ones((n, 1))`
//! used twice) is broadcast from the shapes seen at run time: a row or a
//! column is expanded to the widest operand by the runtime before the
//! loop, whichever side of the operator it is on. A fill or 2D random
//! constructor inlined (`np.ones((n, 1))`, `np.random.rand(n, 1)`) reads
//! its elements by position, so it broadcasts as it is.

use std::collections::HashSet;

use super::kernel::{is_constructor, GenShape, Kernel, Leaf, Read};
use super::lower::Lower;
use super::*;
use crate::hir::{Const, Expr, ExprKind, LocalId};
use crate::types::Dist;
use bodo_abi::layout::array as AL;

impl<'a> Lower<'a> {
    /// Phase 1 for `child`, an operand of a node with `parent_nd` dimensions:
    /// a 1D array under a 2D node is a row vector, anything else part of the loop.
    pub(super) fn prepare_operand(&mut self, k: &mut Kernel, child: &'a Expr, parent_nd: u8, dist: Dist) {
        match self.ty(child) {
            // A vector's length is its global length, a one-row array's its columns.
            Ty::Array(_, 1, _) if parent_nd == 2 => self.row_vec_leaf(k, child, AL::GLEN),
            Ty::Array(_, 2, _) if parent_nd == 2 && k.wide == Some(true) && self.is_one_row(child) => {
                self.row_vec_leaf(k, child, AL::NCOLS)
            }
            Ty::Array(_, 2, _) if parent_nd == 2 && self.is_column_vector(child) => {
                let t = self.ty(child);
                let v = self.expr(child);
                let v = self.convert_dist(v, &t, &t.with_dist(dist));
                let data = self.add_input(k, v, Read::PerRow);
                k.leaves.insert(child.id, Leaf::ColVec { arr: v, data });
            }
            _ => self.prepare(k, child, dist),
        }
    }

    /// `child` read as a row vector whose length is its field `len_at`.
    fn row_vec_leaf(&mut self, k: &mut Kernel, child: &'a Expr, len_at: u64) {
        // NumPy's error names the operands in the expression's order.
        let before = k.has_no_shape();
        let (arr, data) = self.rep_vector(k, child);
        let len = self.emit(Op::LoadField { ptr: arr, of: Obj::Array, offset: len_at, index: None }, IrTy::Int);
        k.row_vecs.push((len, before));
        k.leaves.insert(child.id, Leaf::RowVec { data, len });
    }

    /// Every 2D input read element by element expanded by the runtime to
    /// the widest of them when it is a row `(1, m)` or a column `(n, 1)`
    /// that broadcasts to it (`c * X` with `c = np.ones((n, 1))`, a
    /// variable or an argument), decided from the shapes at run time. The
    /// array an in-place loop writes is the widest (NumPy never expands
    /// the output); a mismatch is left to the layout's shape check.
    pub(super) fn broadcast_inputs(&mut self, k: &mut Kernel) {
        let (mut widest, rest) = match (k.in_place, k.layout_arr) {
            (true, Some(dst)) => (dst.arr, &k.wide_inputs[..]),
            _ => match k.wide_inputs.split_first() {
                Some((&first, rest)) if !rest.is_empty() => (first, rest),
                _ => return,
            },
        };
        if !k.in_place {
            for &o in rest {
                let wider = self.covers(o, widest);
                widest = self.emit(Op::Select(wider, o, widest), IrTy::Ptr);
            }
        }
        for old in k.wide_inputs.clone() {
            let new = self.emit(Op::Rt("bodo_arr_broadcast_like", vec![old, widest]), IrTy::Ptr);
            self.check();
            self.replace_input(k, old, new);
        }
    }

    /// Whether array `a` has at least the rows and the columns of array `b`.
    fn covers(&mut self, a: V, b: V) -> V {
        let field = |l: &mut Self, arr, offset| {
            l.emit(Op::LoadField { ptr: arr, of: Obj::Array, offset, index: None }, IrTy::Int)
        };
        let (ar, br) = (field(self, a, AL::GLEN), field(self, b, AL::GLEN));
        let (ac, bc) = (field(self, a, AL::NCOLS), field(self, b, AL::NCOLS));
        let rows = self.emit(Op::ICmp(Cmp::Ge, ar, br), IrTy::Bool);
        let cols = self.emit(Op::ICmp(Cmp::Ge, ac, bc), IrTy::Bool);
        self.emit(Op::BoolAnd(rows, cols), IrTy::Bool)
    }

    /// The widest of constructor shapes `shapes` and `(rows, cols)`: the
    /// loop's shape when no array gives it (`np.ones((n, 1)) * np.random.rand(n, 3)`).
    pub(super) fn widest_shape(&mut self, shapes: &[GenShape], (mut rows, mut cols): (V, V)) -> (V, V) {
        for g in shapes {
            let r = self.emit(Op::ICmp(Cmp::Ge, g.rows, rows), IrTy::Bool);
            let c = self.emit(Op::ICmp(Cmp::Ge, g.cols, cols), IrTy::Bool);
            let wider = self.emit(Op::BoolAnd(r, c), IrTy::Bool);
            rows = self.emit(Op::Select(wider, g.rows, rows), IrTy::Int);
            cols = self.emit(Op::Select(wider, g.cols, cols), IrTy::Int);
        }
        (rows, cols)
    }

    /// Whether an operand's extent `have` fails to match the loop's `want`:
    /// it differs, and is not 1 where the operand `broadcasts`.
    pub(super) fn extent_differs(&mut self, have: V, want: V, broadcasts: bool) -> V {
        let differs = self.emit(Op::ICmp(Cmp::Ne, have, want), IrTy::Bool);
        if !broadcasts {
            return differs;
        }
        let one = self.cint(1);
        let not_one = self.emit(Op::ICmp(Cmp::Ne, have, one), IrTy::Bool);
        self.emit(Op::BoolAnd(differs, not_one), IrTy::Bool)
    }

    /// Whether `e` is a one-row array `(1, m)`.
    fn is_one_row(&self, e: &Expr) -> bool {
        e.is_one_row(&self.row_arrays, &|x| matches!(self.ty(x), Ty::Array(_, 2, _)))
    }

    /// Whether the fused tree `e` has a 2D operand of more than one row
    /// (as far as the program shows): a materialised array, a constructor
    /// or a column vector that is not a one-row array.
    pub(super) fn has_wide_operand(&self, e: &Expr) -> bool {
        if !matches!(self.ty(e), Ty::Array(_, 2, _)) || self.is_one_row(e) {
            return false;
        }
        if !self.is_fusable(e) {
            return true;
        }
        match &e.kind {
            ExprKind::Local(l) => self.has_wide_operand(self.fused[l]),
            ExprKind::Bin(_, a, b) => self.has_wide_operand(a) || self.has_wide_operand(b),
            ExprKind::Compare(a, chain) => self.has_wide_operand(a) || self.has_wide_operand(&chain[0].1),
            ExprKind::Unary(_, a) | ExprKind::MethodCall { recv: a, .. } => self.has_wide_operand(a),
            ExprKind::Call { func, args, .. } => match &func.kind {
                ExprKind::ModAttr(_, n) if is_constructor(n) => true,
                _ => args.iter().any(|a| self.has_wide_operand(a)),
            },
            _ => true,
        }
    }

    /// Whether `e` is a column vector of a 1D array: `v[:, None]`,
    /// `v.reshape(n, 1)` (also `reshape((n, 1))`) or a variable holding one.
    fn is_column_vector(&self, e: &Expr) -> bool {
        self.column_vector_in(e, &self.col_vectors)
    }

    /// `is_column_vector` with `cols` the locals known to hold column vectors.
    pub(super) fn column_vector_in(&self, e: &Expr, cols: &HashSet<LocalId>) -> bool {
        let one = |d: &Expr| matches!(d.kind, ExprKind::Const(Const::Int(1)));
        match &e.kind {
            ExprKind::Local(l) => cols.contains(l),
            ExprKind::Index(_, idx) => idx.is_new_column(),
            ExprKind::MethodCall { recv, name, args, .. } if name == "reshape" => {
                let cols = match args.as_slice() {
                    [_, c] => c,
                    [shape] => match &shape.kind {
                        ExprKind::Tuple(items) if items.len() == 2 => &items[1],
                        _ => return false,
                    },
                    _ => return false,
                };
                one(cols) && matches!(self.ty(recv), Ty::Array(_, 1, _))
            }
            _ => false,
        }
    }

    /// Phase 2: the column vector's element for global row `gi`; it is
    /// aligned with the loop, so its local row is `gi` less its offset.
    pub(super) fn col_vec_elem(&mut self, gi: V, arr: V, data: V, el: &Ty) -> V {
        let off = self.emit(Op::LoadField { ptr: arr, of: Obj::Array, offset: AL::OFFSET, index: None }, IrTy::Int);
        let at = self.emit(Op::Int(IntOp::Sub, gi, off), IrTy::Int);
        self.emit(Op::LoadElem { ptr: data, index: at, elem: Elem::of(el) }, IrTy::of(el))
    }

    /// The 1D array `e`, whole on every rank and held by the loop, and its
    /// data pointer. A loop writing an array in place reads a copy, since
    /// `e` may be (a view of) the array being written.
    pub(super) fn rep_vector(&mut self, k: &mut Kernel, e: &'a Expr) -> (V, V) {
        let t = self.ty(e);
        let v = self.expr(e);
        let mut v = self.convert_dist(v, &t, &t.with_dist(Dist::Rep));
        self.hold(k, v);
        if k.in_place || k.reuses {
            v = self.emit(Op::Rt("bodo_arr_copy", vec![v]), IrTy::Ptr);
            self.check();
            self.hold(k, v);
        }
        let data = self.emit(Op::LoadField { ptr: v, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
        (v, data)
    }

    /// Phase 2: the vector's element for local flat index `i` (its column;
    /// element 0 for a vector of length 1).
    pub(super) fn row_vec_elem(&mut self, i: V, data: V, len: V, el: &Ty) -> V {
        let at = self.emit(Op::Int(IntOp::NpMod, i, len), IrTy::Int);
        self.emit(Op::LoadElem { ptr: data, index: at, elem: Elem::of(el) }, IrTy::of(el))
    }

    /// NumPy's ValueError unless every row vector's length is `ncols` or 1.
    /// `rows` and `cols` are the loop's shape as NumPy shows it, `out` the
    /// written array's for an in-place loop.
    pub(super) fn check_row_vecs(&mut self, k: &Kernel, ncols: V, (rows, cols): (V, V), out: (V, V)) {
        for &(len, before) in &k.row_vecs {
            let one = self.cint(1);
            let wrong = self.emit(Op::ICmp(Cmp::Ne, len, ncols), IrTy::Bool);
            let not_one = self.emit(Op::ICmp(Cmp::Ne, len, one), IrTy::Bool);
            let bad = self.emit(Op::BoolAnd(wrong, not_one), IrTy::Bool);
            let flat = self.cint(-1);
            let args = if before {
                vec![len, flat, rows, cols, out.0, out.1]
            } else {
                vec![rows, cols, len, flat, out.0, out.1]
            };
            self.raise_broadcast_when(bad, args);
        }
    }
}
