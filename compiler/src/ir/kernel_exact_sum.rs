//! Float sums of distributed data with NumPy's bits at any rank count,
//! when they are small enough to gather (`array::pairwise::GATHERED_MAX`
//! in the runtime): every rank writes its terms (the fused loop's
//! elements, or their squared deviations for `var`/`std`) to a buffer, and
//! the runtime sums all ranks' terms in NumPy's pairwise order. A per-rank
//! pairwise sum combined by an allreduce adds in another order, which
//! shows when a sum cancels: NumPy's `x - x.mean()` holds `-4.3e-16` where
//! that gives `0.`, and the whole printed array changes format. Larger sums
//! keep the per-rank sums and the allreduce.

use super::kernel::{Kernel, Layout};
use super::lower::Lower;
use super::*;
use crate::hir::Expr;
use crate::types::Dist;

/// Terms written per block, so that blocked `np.dot(M, v)` leaves
/// (`kernel_dot.rs`) fill their row buffers a block at a time.
const TERM_BLOCK: i64 = 128;

impl<'a> Lower<'a> {
    /// The total over all ranks of the float terms of `input` (minus
    /// `mean`, squared, when given): gathered when small, else this rank's
    /// pairwise sum allreduced.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn float_total(
        &mut self,
        k: &mut Kernel,
        input: &'a Expr,
        lay: &Layout,
        ndim: u8,
        mean: Option<V>,
        dist: Dist,
    ) -> V {
        if !dist.is_dist() {
            return self.pairwise_fold(k, input, lay, ndim, mean);
        }
        let acc = self.new_temp(IrTy::Float);
        let small = self.gathers(lay);
        let (gathered, split, done) = (self.new_block(), self.new_block(), self.new_block());
        self.branch(small, gathered, split);
        self.cur = gathered;
        let exact = self.gathered_sum(k, input, lay, ndim, mean);
        self.emit_void(Op::Store(acc, exact));
        self.jump_to(done);
        self.cur = split;
        let part = self.pairwise_fold(k, input, lay, ndim, mean);
        let total = self.allreduce(part, &Ty::Float, "sum", dist);
        self.emit_void(Op::Store(acc, total));
        self.jump_to(done);
        self.cur = done;
        self.emit(Op::Load(acc), IrTy::Float)
    }

    /// Whether the sum over the whole layout is small enough to gather (the
    /// same answer on every rank).
    pub(super) fn gathers(&mut self, lay: &Layout) -> V {
        let total = self.emit(Op::Int(IntOp::Mul, lay.glen, lay.ncols), IrTy::Int);
        self.emit(Op::Rt("bodo_pw_gathered", vec![total]), IrTy::Bool)
    }

    /// Collective: writes this rank's terms into a runtime buffer and
    /// returns the sum of every rank's terms in NumPy's order.
    pub(super) fn gathered_sum(
        &mut self,
        k: &mut Kernel,
        input: &'a Expr,
        lay: &Layout,
        ndim: u8,
        mean: Option<V>,
    ) -> V {
        let buf = self.emit(Op::Rt("bodo_pw_gather_begin", vec![lay.count]), IrTy::Ptr);
        let (b, bhead, bexit, first, n) = self.blocks_begin(lay.count, TERM_BLOCK);
        self.fill_row_dots(k, (first, n));
        let (r, head, exit) = self.loop_begin(n);
        let rv = self.emit(Op::Load(r), IrTy::Int);
        let i = self.emit(Op::Int(IntOp::Add, first, rv), IrTy::Int);
        let x = self.sum_term(k, input, i, lay, ndim, mean);
        self.emit_void(Op::StoreElem { ptr: buf, index: i, value: x, elem: Elem::F64 });
        self.loop_end(r, head, exit);
        self.loop_end(b, bhead, bexit);
        self.emit(Op::Rt("bodo_pw_gather_sum", vec![buf, lay.count]), IrTy::Float)
    }
}
