//! `np.unravel_index(index, shape)` (`types/unravel.rs`): the shape's
//! extents passed as one array to the runtime, which checks the index and
//! builds the tuple of coordinates.

use super::lower::Lower;
use super::*;
use crate::hir::Expr;

impl<'a> Lower<'a> {
    /// The coordinates tuple (of type `t`) of `np.unravel_index(args)`.
    pub(super) fn unravel_index(&mut self, args: &'a [Expr], t: &Ty) -> V {
        let index = self.int_value(&args[0]);
        let shape_ty = self.ty(&args[1]);
        let dims = match &shape_ty {
            // One int is the shape of a 1D array.
            Ty::Int => {
                let n = self.int_value(&args[1]);
                vec![self.slot_of(n)]
            }
            _ => {
                let Ty::Tuple(items) = &shape_ty else { return self.null() };
                let shape = self.expr_borrow(&args[1]);
                let dims = (0..items.len()).map(|i| self.tuple_item(shape.0, i, IrTy::Slot)).collect();
                self.release(shape, &shape_ty);
                dims
            }
        };
        let k = self.cint(dims.len() as i64);
        let dims = self.emit(Op::SlotArray(dims), IrTy::Ptr);
        let d = self.desc(t);
        let r = self.emit(Op::Rt("bodo_unravel_index", vec![index, dims, k, d]), IrTy::Ptr);
        self.check();
        r
    }
}
