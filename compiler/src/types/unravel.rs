//! `np.unravel_index(index, shape)`: the coordinates of a flat index into
//! an array of `shape` (a tuple of ints, or one int for a 1D shape), a
//! tuple of as many ints, computed by the runtime (`bodo_unravel_index`,
//! NumPy's ValueError for an index outside the array). The usual use is
//! `np.unravel_index(np.argmax(X), X.shape)`; an array of indices (a tuple
//! of index arrays in NumPy) and `order="F"` are not supported.

use super::builtins::unexpected_kwarg;
use super::infer::Infer;
use super::ty::{article, Ty};
use crate::hir::*;

impl Infer<'_> {
    /// The type of `np.unravel_index(args)` (`e`), reporting bad arguments.
    pub(super) fn unravel_ty(&mut self, e: &Expr, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        for kw in kwargs {
            self.expr(&kw.value);
            self.error(unexpected_kwarg("np.unravel_index", kw, std::iter::empty()).label("not supported here"));
        }
        if args.len() != 2 {
            let msg = "np.unravel_index() takes a flat index and a shape";
            return self.arr_error(e.span, msg, "bad arguments");
        }
        let index = self.shallow(&tys[0]);
        if let Ty::Array(..) = index {
            let msg = "np.unravel_index() of an array of indices is not supported";
            return self.arr_error(args[0].span, msg, "unravel one index at a time");
        }
        self.expect(&Ty::Int, &index, args[0].span, "np.unravel_index()'s index");
        let dims = match self.shallow(&tys[1]) {
            t if t.has_unknown() => return Ty::Unknown,
            Ty::Int => 1,
            Ty::Tuple(items) if !items.is_empty() => {
                for it in &items {
                    self.expect(&Ty::Int, it, args[1].span, "np.unravel_index()'s shape");
                }
                items.len()
            }
            t => {
                let t = self.resolve(&t);
                let msg = format!("np.unravel_index() of the shape {} is not supported", article(&t));
                return self.arr_error(args[1].span, msg, "expects a tuple of ints such as X.shape");
            }
        };
        Ty::Tuple(vec![Ty::Int; dims])
    }
}
