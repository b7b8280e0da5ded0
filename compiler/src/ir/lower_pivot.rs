//! pandas' pivot tables (`types/pandas_pivot.rs`): `pd.$pivot(s, fill)` is
//! the runtime's `bodo_frame_pivot` of the groupby Series `s`; `len(p)` is the
//! length of its row labels and `p.shape` those of both labels, `p.columns`
//! and `p.index` lists of them (printed as pandas Indexes);
//! `p.sort_index()` is the table itself, whose row labels are sorted already.

use super::lower::Lower;
use super::*;
use crate::hir::Expr;
use crate::types::pandas_pivot::{fill_of, Fill};

impl<'a> Lower<'a> {
    /// `pd.$pivot(s, fill)`: the runtime's fill is a kind (`0` none, `1`
    /// an int, `2` a float) and the value's bits.
    pub fn pivot_table(&mut self, e: &'a Expr, s: &'a Expr, fill: &'a Expr) -> V {
        let (t, st) = (self.ty(e), self.ty(s));
        let (kind, bits) = match fill_of(fill) {
            None => (0, 0),
            Some(Fill::Int(i)) => (1, i),
            Some(Fill::Float(f)) => (2, f.to_bits() as i64),
        };
        let x = self.expr_borrow(s);
        let d = self.desc(&t);
        let (kind, bits) = (self.cint(kind), self.cint(bits));
        let r = self.emit(Op::Rt("bodo_frame_pivot", vec![x.0, kind, bits, d]), IrTy::Ptr);
        self.check();
        self.release(x, &st);
        r
    }

    /// `len(p)` of pivot table `p`: its number of rows.
    pub fn pivot_len(&mut self, p: &'a Expr) -> V {
        let v = self.expr_borrow(p);
        let n = self.labels_len(v.0, 0);
        self.release(v, &self.ty(p));
        n
    }

    /// `p.shape`, `p.columns` or `p.index` (of type `t`): its numbers of
    /// rows and columns, or a list of its column or row labels.
    pub fn pivot_attr(&mut self, p: &'a Expr, name: &str, t: &Ty) -> V {
        let v = self.expr_borrow(p);
        let r = if name == "shape" {
            let slots: Vec<V> = (0..2)
                .map(|k| {
                    let n = self.labels_len(v.0, k);
                    self.slot_of(n)
                })
                .collect();
            self.make_tuple(t, &slots)
        } else {
            let k = self.cint(i64::from(name == "columns"));
            let d = self.desc(t);
            self.emit(Op::Rt("bodo_pivot_labels", vec![v.0, k, d]), IrTy::Ptr)
        };
        self.release(v, &self.ty(p));
        r
    }

    /// The length of item `k` of borrowed pivot table `v` (its row or column labels).
    fn labels_len(&mut self, v: V, k: usize) -> V {
        let labels = self.tuple_item(v, k, IrTy::Ptr);
        self.emit(
            Op::LoadField { ptr: labels, of: Obj::Array, offset: bodo_abi::layout::array::GLEN, index: None },
            IrTy::Int,
        )
    }

    /// Method `name` of pivot table `p`, if it is one this file lowers.
    pub fn pivot_method(&mut self, p: &'a Expr, name: &str) -> Option<V> {
        match (self.exact_ty(p), name) {
            (Ty::Pivot(_), "sort_index") => Some(self.expr(p)),
            _ => None,
        }
    }
}
