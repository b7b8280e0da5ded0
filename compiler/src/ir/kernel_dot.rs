//! `np.dot` inside fused loops. `np.dot(M, v)` (a 2D array with the loop's
//! rows by a replicated vector) is a leaf that computes one row's dot
//! product per element (of float arrays, the runtime computes a block of
//! rows' products before the loop takes the block's elements, so the loop
//! has no inner loop and vectorizes), and `np.dot(e, M)` of a fusable
//! vector expression `e` is a consumer that adds `e[i] * M[i, :]` into its
//! result row by row (computing `e` a block of rows at a time).
//! Together they make a gradient step such as logistic regression's
//! `np.dot(f(np.dot(X, w)), X)` one pass over `X` with no temporary vector.
//! Sums run over columns (leaf) and rows (consumer) left to right, the
//! order of a plain loop and of the runtime's unfused vector·matrix loop,
//! so fusing does not change results.

use super::kernel::{Kernel, Leaf, Read};
use super::lower::Lower;
use super::*;
use crate::hir::{BinOp, Expr, ExprId};
use crate::types::Dist;
use bodo_abi::layout::array as AL;

/// Rows per block of a fused vector-matrix product and of blocked row
/// products (the buffers stay in L1); at least a pairwise sum's leaf (128).
const VECMAT_BLOCK: i64 = 256;

/// A blocked `np.dot(M, v)` leaf: its expression, `M`, `v`, and the block
/// buffer with its data pointer.
pub(super) type RowDotBlock = (ExprId, V, V, (V, V));

impl<'a> Lower<'a> {
    /// `f`, lowering the parts of `np.name(a, b)` that check its shapes;
    /// for `np.matmul` (`a @ b`) the runtime rewords a mismatch the dot
    /// functions report as matmul's on its way to the handler.
    pub(super) fn matmul_wording<T>(&mut self, name: &str, f: impl FnOnce(&mut Self) -> T) -> T {
        if name != "matmul" {
            return f(self);
        }
        let outer = *self.handlers.last().unwrap_or(&self.unwind);
        let landing = self.new_block();
        self.handlers.push(landing);
        let r = f(self);
        self.handlers.pop();
        let cont = self.cur;
        self.cur = landing;
        self.emit_void(Op::Rt("bodo_err_as_matmul", vec![]));
        self.term(Term::Jump(outer));
        self.cur = cont;
        r
    }

    /// Whether `np.dot(args)` is a matrix-vector product (a fusable leaf).
    pub(super) fn is_row_dot(&self, args: &[Expr]) -> bool {
        // `m.T @ v` is a vector-matrix product (`Lower::dot`), not a loop over
        // the rows of a transpose that would have to be built.
        matches!(args, [m, v] if m.transposed().is_none()
            && matches!((self.ty(m), self.ty(v)), (Ty::Array(_, 2, _), Ty::Array(_, 1, _))))
    }

    /// Phase 1 of the `np.dot(M, v)` leaf: the rows of `M` join the loop and
    /// `v` is made whole on every rank. A loop writing an array in place
    /// reads a copy of `v`, which may be the array being written.
    pub(super) fn prepare_row_dot(&mut self, k: &mut Kernel, e: &'a Expr, args: &'a [Expr], dist: Dist) {
        let (mt, vt) = (self.ty(&args[0]), self.ty(&args[1]));
        let (Ty::Array(m_el, ..), Ty::Array(v_el, ..)) = (&mt, &vt) else { return };
        let m = self.expr(&args[0]);
        let m = self.convert_dist(m, &mt, &mt.with_dist(dist));
        let data = self.add_input(k, m, Read::Column);
        let (v, vdata) = self.rep_vector(k, &args[1]);
        self.emit_void(Op::Rt("bodo_arr_dot_mv_check", vec![m, v]));
        self.check();
        let ncols = self.emit(Op::LoadField { ptr: m, of: Obj::Array, offset: AL::NCOLS, index: None }, IrTy::Int);
        let (m_el, v_el) = ((**m_el).clone(), (**v_el).clone());
        k.leaves.insert(e.id, Leaf::RowDot { arr: m, data, ncols, vec: v, vdata, m_el, v_el });
    }

    /// Phase 2 of the leaf: local row `i` of `M` dotted with `v`, as `el`.
    pub(super) fn row_dot_elem(&mut self, i: V, data: V, ncols: V, vdata: V, els: (&Ty, &Ty), el: &Ty) -> V {
        let (m_el, v_el) = els;
        let acc = self.new_temp(IrTy::of(el));
        let zero = self.zero(IrTy::of(el)).unwrap_or(i);
        self.emit_void(Op::Store(acc, zero));
        let base = self.emit(Op::Int(IntOp::Mul, i, ncols), IrTy::Int);
        let (c, head, exit) = self.loop_begin(ncols);
        let cv = self.emit(Op::Load(c), IrTy::Int);
        let at = self.emit(Op::Int(IntOp::Add, base, cv), IrTy::Int);
        let x = self.emit(Op::LoadElem { ptr: data, index: at, elem: Elem::of(m_el) }, IrTy::of(m_el));
        let y = self.emit(Op::LoadElem { ptr: vdata, index: cv, elem: Elem::of(v_el) }, IrTy::of(v_el));
        let p = self.np_binop(BinOp::Mul, x, m_el, y, v_el, el);
        let s = self.emit(Op::Load(acc), IrTy::of(el));
        let s = self.np_binop(BinOp::Add, s, el, p, el, el);
        self.emit_void(Op::Store(acc, s));
        self.loop_end(c, head, exit);
        self.emit(Op::Load(acc), IrTy::of(el))
    }

    /// `np.dot(a, b)` of a fusable vector expression `a` and a 2D array `b`
    /// (result type `t`), or `b.T @ a` when `transposed` (only the shape
    /// error differs): one loop over the rows adds `a[i] * b[i, :]` into a
    /// replicated result, summed over ranks afterwards when rows are split.
    pub fn kernel_vecmat(&mut self, a: &'a Expr, b: &'a Expr, t: &Ty, transposed: bool) -> V {
        let (Ty::Array(el, ..), Ty::Array(_, _, da), mt) = (t, self.ty(a), self.ty(b)) else { return self.null() };
        let Ty::Array(_, _, db) = &mt else { return self.null() };
        let dist = da.min(*db);
        let mut k = Kernel::default();
        self.prepare(&mut k, a, dist);
        // NumPy's shape check uses the vector's length, known before b joins the loop.
        let vec_layout = self.layout(&k, dist);
        let m = self.expr(b);
        let m = self.convert_dist(m, &mt, &mt.with_dist(dist));
        let data = self.add_input(&mut k, m, Read::Column);
        k.leaves.insert(b.id, Leaf::Arr { arr: m, data });
        let dt = self.cint(Elem::of(el).dtype());
        let flipped = self.cbool(transposed);
        let out = self.emit(Op::Rt("bodo_arr_dot_vm_begin", vec![vec_layout.glen, m, dt, flipped]), IrTy::Ptr);
        self.check();
        // The result is released if the loop raises.
        let mark = self.in_flight_mark();
        self.hold_in_flight((out, true), t);
        self.align_inputs(&mut k, dist);
        let lay = self.layout(&k, dist);
        let m = match k.leaves.get(&b.id) {
            Some(Leaf::Arr { arr, .. }) => *arr,
            _ => m,
        };
        // The vector's elements are computed a block of rows at a time into
        // a small buffer (in cache), and the runtime adds each block's row
        // products into the result with the sums held in registers.
        let block = self.cint(VECMAT_BLOCK);
        let (buf, bdata) = self.rep_buffer(&mut k, el, block);
        self.block_row_dots(&mut k);
        let (bi, bhead, bexit, row0, n) = self.blocks_begin(lay.count, VECMAT_BLOCK);
        self.fill_row_dots(&mut k, (row0, n));
        let (r, head, exit) = self.loop_begin(n);
        let rv = self.emit(Op::Load(r), IrTy::Int);
        let iv = self.emit(Op::Int(IntOp::Add, row0, rv), IrTy::Int);
        let gi = self.global_row(iv, &lay, 1);
        let (x, tx) = self.elem(&k, a, iv, gi);
        let x = self.coerce(x, &tx, el);
        self.emit_void(Op::StoreElem { ptr: bdata, index: rv, value: x, elem: Elem::of(el) });
        self.loop_end(r, head, exit);
        self.emit_void(Op::Rt("bodo_arr_dot_vm_block", vec![buf, n, m, row0, out]));
        self.loop_end(bi, bhead, bexit);
        self.release_kernel(&k);
        self.let_go(mark);
        let partial = self.cint(i64::from(dist.is_dist()));
        self.emit_void(Op::Rt("bodo_arr_dot_vm_finish", vec![out, partial]));
        out
    }

    /// `for i in 0..count: body(i)` over a loop's elements (`i` a local
    /// row); when float64 `np.dot(M, v)` leaves are among them, by blocks
    /// of rows whose products the runtime computes first, so the element
    /// loop has no inner loop over columns and vectorizes.
    pub(super) fn row_loop(&mut self, k: &mut Kernel, count: V, body: &mut dyn FnMut(&mut Self, &Kernel, V)) {
        self.block_row_dots(k);
        if k.row_dots.is_empty() {
            let (i, head, exit) = self.loop_begin(count);
            let iv = self.emit(Op::Load(i), IrTy::Int);
            body(self, k, iv);
            self.loop_end(i, head, exit);
            return;
        }
        let (b, bhead, bexit, row0, n) = self.blocks_begin(count, VECMAT_BLOCK);
        self.fill_row_dots(k, (row0, n));
        let (r, head, exit) = self.loop_begin(n);
        let rv = self.emit(Op::Load(r), IrTy::Int);
        let iv = self.emit(Op::Int(IntOp::Add, row0, rv), IrTy::Int);
        body(self, k, iv);
        self.loop_end(r, head, exit);
        self.loop_end(b, bhead, bexit);
    }

    /// The row products of local rows `row0..row0 + n` (at most a block)
    /// for each blocked `np.dot(M, v)` leaf, which then reads them.
    pub(super) fn fill_row_dots(&mut self, k: &mut Kernel, (row0, n): (V, V)) {
        for (id, m, v, (out, data)) in k.row_dots.clone() {
            self.emit_void(Op::Rt("bodo_arr_dot_mv_rows", vec![m, v, row0, n, out]));
            k.leaves.insert(id, Leaf::Block { data, row0 });
        }
    }

    /// Make the float64 `np.dot(M, v)` leaves of `k` blocked ones (once),
    /// each with its matrix, vector and a block buffer (`Kernel::row_dots`):
    /// the runtime computes a block's row products with the width known
    /// (`bodo_arr_dot_mv_rows`), so the loop over the block's elements has
    /// no inner loop over columns and vectorizes (`np.exp` of a margin
    /// included).
    pub(super) fn block_row_dots(&mut self, k: &mut Kernel) {
        if !k.row_dots.is_empty() {
            return;
        }
        let mut dots: Vec<(ExprId, V, V)> = k
            .leaves
            .iter()
            .filter_map(|(&id, leaf)| match leaf {
                Leaf::RowDot { arr, vec, m_el: Ty::Float, v_el: Ty::Float, .. } => Some((id, *arr, *vec)),
                _ => None,
            })
            .collect();
        // Emitted in source order, so builds are reproducible.
        dots.sort_by_key(|d| d.0);
        let block = self.cint(VECMAT_BLOCK);
        k.row_dots = dots.into_iter().map(|(id, m, v)| (id, m, v, self.rep_buffer(k, &Ty::Float, block))).collect();
    }
}
