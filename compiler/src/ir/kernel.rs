//! Fused array loops: a tree of elementwise operations (and the array
//! constructors and random generators at its leaves) becomes one loop over
//! this rank's elements, either storing into a new array (a map) or folding
//! into an accumulator (a reduction followed by an allreduce when the data
//! is distributed). No temporary array is made for inner nodes; constructors
//! such as `np.arange` or `np.random.ranf` that feed only the loop are
//! computed from the element's global index and never materialised.
//!
//! Lowering a kernel has two phases: `prepare` walks the tree once before
//! the loop, evaluating every non-fusable part (materialised arrays,
//! scalars, constructor arguments) and deciding the loop's layout; `elem`
//! walks it again inside the loop body to compute one element.

use std::collections::HashMap;

use super::lower::Lower;
use super::*;
use crate::hir::Expr;
use crate::hir::{kwarg, BinOp, Builtin, CmpOp, ExprId, ExprKind, Kwarg, Module, UnOp};
use crate::types::arrays::{random_dims, CONSTRUCTORS, RANDOM_FLOAT};
use crate::types::ufuncs::NP_UNARY;
use crate::types::Dist;
use bodo_abi::layout::array as AL;

/// A value the loop body reads for one leaf of the tree.
#[derive(Clone)]
pub(super) enum Leaf {
    /// A materialised array and its data pointer.
    Arr {
        arr: V,
        data: V,
    },
    /// Column `col` of a materialised 2D array (`X[:, j]`): element `i` is
    /// `data[i * ncols + col]`, one per local row.
    Col {
        arr: V,
        data: V,
        ncols: V,
        col: V,
    },
    /// `np.dot(M, v)` of a 2D array `M` with the loop's rows and a
    /// replicated vector: element `i` is row `i` of `M` dotted with `v`
    /// (`kernel_dot.rs`).
    RowDot {
        arr: V,
        data: V,
        ncols: V,
        vec: V,
        vdata: V,
        m_el: Ty,
        v_el: Ty,
    },
    /// Values a blocked loop computed for its current block of rows
    /// (`kernel_dot.rs`): element `i` is `data[i - row0]`.
    Block {
        data: V,
        row0: V,
    },
    /// A replicated 1D array broadcast along the rows of a 2D loop: element
    /// `i` is `data[i % len]` (`kernel_broadcast.rs`).
    RowVec {
        data: V,
        len: V,
    },
    /// A column vector `(n, 1)` (`v[:, None]`, `v.reshape(-1, 1)`) with the
    /// loop's rows: element `(r, j)` is its row `r` (`kernel_broadcast.rs`).
    ColVec {
        arr: V,
        data: V,
    },
    Scalar(V, Ty),
    /// `np.arange`: start + global index * step (in the element type). A
    /// float arange is filled NumPy's way: element 1 is `start + step`, the
    /// others `start + i * delta` with `delta = (start + step) - start`.
    Arange {
        start: V,
        step: V,
        second: Option<V>,
    },
    /// `np.linspace`: start + gi * step, exactly `stop` at the last index.
    Linspace {
        start: V,
        step: V,
        stop: V,
        last: V,
    },
    /// `np.zeros/ones/full/empty`: one value everywhere. `needed` is false
    /// for `np.empty` of numbers, whose contents NumPy leaves undefined: an
    /// array that is only that (no operation on it) is allocated without a
    /// fill loop, as NumPy does; inside a chain it reads as zero.
    Fill {
        value: V,
        needed: bool,
    },
    /// `np.eye`/`np.identity`: `one` where the column is the global row, else `zero`.
    Eye {
        cols: V,
        one: V,
        zero: V,
    },
    /// A random generator keyed by a stream key and the global index.
    Rand {
        key: V,
        kind: Rand,
        lo: V,
        span: V,
        /// Rows and columns of a 2D array: the stream index is the global
        /// flat index (of the row broadcast along a loop's rows when its
        /// one row is; a column's is its row's).
        shape: Option<(V, V)>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Rand {
    Uniform,
    Normal,
    Int,
}

/// Where the loop runs: this rank's part of the value.
pub(super) struct Layout {
    /// Local rows, columns per row, global rows, global index of the first local row.
    pub len: V,
    pub ncols: V,
    pub glen: V,
    pub offset: V,
    /// Elements to visit (`len * ncols`).
    pub count: V,
}

/// The shape of a constructor leaf of the loop.
#[derive(Clone, Copy)]
pub(super) struct GenShape {
    pub rows: V,
    pub cols: V,
    /// The columns NumPy's shape shows: -1 when 1D.
    shown: V,
    /// Whether it comes before every array input (for the order of NumPy's error).
    before: bool,
    /// Its elements are read by position (a fill, `np.ones((n, 1))`, or
    /// 2D random draws, `np.random.rand(n, 1)`), so it broadcasts along
    /// rows or columns of extent 1.
    broadcasts: bool,
}

/// A materialised array the loop reads.
#[derive(Clone, Copy)]
pub(super) struct Input {
    pub arr: V,
    pub read: Read,
}

/// How the loop reads an input's elements.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Read {
    /// Element by element, in the loop's shape.
    Whole,
    /// One column (`X[:, j]`): one element per row.
    Column,
    /// A column vector of shape `(n, 1)` broadcast along the rows of a 2D
    /// loop (`kernel_broadcast.rs`): never the loop's layout while a
    /// wider input exists.
    PerRow,
}

#[derive(Default)]
pub(super) struct Kernel {
    pub leaves: HashMap<ExprId, Leaf>,
    /// Owned arrays evaluated for the loop, released after it, each also
    /// held in an owned hidden local so that an exception raised before the
    /// release (a shape check, an index error) does not leak it.
    owned: Vec<(V, u32)>,
    /// The loop writes an existing array in place (`a op= e`): leaves that
    /// read a whole array per element must not see it change under them,
    /// and NumPy's broadcast error names the written array's shape.
    pub in_place: bool,
    /// The loop stores into the buffer of an array it may read (`x = f(x)`
    /// reusing `x`'s buffer): whole-array leaves read a copy, as in place.
    pub reuses: bool,
    /// Float `np.dot(M, v)` leaves computed a block of rows at a time
    /// (`kernel_dot.rs`).
    pub row_dots: Vec<super::kernel_dot::RowDotBlock>,
    /// The input whose layout the loop follows, and the other inputs that
    /// must match it; each with whether it is read as one column (`X[:, j]`).
    pub layout_arr: Option<Input>,
    others: Vec<Input>,
    /// The 2D arrays read element by element, any of which may be a row
    /// `(1, m)` or a column `(n, 1)` broadcast to the widest of them
    /// (`kernel_broadcast.rs`).
    pub wide_inputs: Vec<V>,
    /// Constructor shapes: the layout when no array is an input.
    gen_shapes: Vec<GenShape>,
    /// The lengths of the row vectors, each with whether it comes before
    /// every other input (for the order of NumPy's error).
    pub row_vecs: Vec<(V, bool)>,
    /// The loop runs over distributed rows (its errors are agreed on by all ranks).
    distributed: bool,
    /// Whether the loop is wider than one row (an operand of more rows, or
    /// it writes an array in place), so its one-row operands broadcast
    /// along its rows (`kernel_broadcast.rs`); decided at the tree's root.
    pub wide: Option<bool>,
}

impl Kernel {
    /// A loop writing array `dst` in place, element by element.
    pub(super) fn in_place(dst: V) -> Kernel {
        let layout_arr = Some(Input { arr: dst, read: Read::Whole });
        Kernel { layout_arr, in_place: true, wide: Some(true), ..Kernel::default() }
    }

    /// Whether no input has given the loop a shape yet.
    pub(super) fn has_no_shape(&self) -> bool {
        self.layout_arr.is_none() && self.gen_shapes.is_empty() && self.row_vecs.is_empty()
    }

    /// The input whose layout the loop follows: a column vector when it is
    /// the only thing with a shape (`v[:, None] * 2.0`).
    fn layout_input(&self) -> Option<Input> {
        match self.layout_arr {
            None if self.gen_shapes.is_empty() => self.others.first().copied(),
            a => a,
        }
    }
}

/// Whether `np.name` computes each element on its own (a fused node).
pub(super) fn is_elementwise(name: &str) -> bool {
    NP_UNARY.contains(&name)
        || matches!(
            name,
            "where" | "minimum" | "maximum" | "fmin" | "fmax" | "arctan2" | "round" | "around" | "nan_to_num"
        )
}

/// Whether `np.name` is `np.dot` or `np.matmul` (`a @ b`).
pub(super) fn is_dot(name: &str) -> bool {
    matches!(name, "dot" | "matmul")
}

/// Whether `np.name` makes an array from its shape alone (a fused leaf).
pub(super) fn is_constructor(name: &str) -> bool {
    CONSTRUCTORS.contains(&name) || RANDOM_FLOAT.contains(&name)
}

impl<'a> Lower<'a> {
    /// Whether `e` is an array-valued node a fused loop can compute elementwise.
    pub fn is_fusable(&self, e: &Expr) -> bool {
        if !matches!(self.ty(e), Ty::Array(..)) {
            return false;
        }
        match &e.kind {
            ExprKind::Bin(op, ..) => *op != BinOp::MatMul,
            ExprKind::Unary(op, _) => *op != UnOp::Not,
            ExprKind::Compare(_, chain) => chain.len() == 1,
            ExprKind::Call { func, args, .. } => match &func.kind {
                ExprKind::ModAttr(Module::Numpy, n) if is_dot(n) => self.is_row_dot(args),
                ExprKind::ModAttr(Module::Numpy, n) => is_elementwise(n) || is_constructor(n),
                ExprKind::Builtin(Builtin::Abs) => true,
                _ => false,
            },
            ExprKind::Local(l) => self.fused.contains_key(l),
            ExprKind::Index(_, idx) => matches!(idx.full_slice_pair(), Some((0, _))),
            ExprKind::MethodCall { name, .. } => name == "astype",
            _ => false,
        }
    }

    /// Make array `v` an input of the loop (owned by it; realigned later if
    /// needed); returns its data pointer.
    /// Keeps owned array `v` alive until the loop is done (see `Kernel::owned`).
    pub(super) fn hold(&mut self, k: &mut Kernel, v: V) {
        let slot = self.new_owned_temp();
        // A previous run of this code that raised left its array here.
        let stale = self.emit(Op::Load(slot), IrTy::Ptr);
        self.emit_void(Op::DecRef(stale));
        self.emit_void(Op::Store(slot, v));
        k.owned.push((v, slot));
    }

    /// A new REP 1D array of `len` `el` values the loop uses as scratch
    /// (released with its inputs), and its data pointer.
    pub(super) fn rep_buffer(&mut self, k: &mut Kernel, el: &Ty, len: V) -> (V, V) {
        let (one, zero) = (self.cint(1), self.cint(0));
        let d = self.desc(&Ty::array(el.clone(), 1, Dist::Rep));
        let dt = self.cint(Elem::of(el).dtype());
        let rep = self.cint(Dist::Rep.code());
        let buf = self.emit(Op::Rt("bodo_arr_new", vec![d, dt, one, len, one, len, zero, rep]), IrTy::Ptr);
        self.check();
        self.hold(k, buf);
        let data = self.emit(Op::LoadField { ptr: buf, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
        (buf, data)
    }

    pub(super) fn add_input(&mut self, k: &mut Kernel, v: V, read: Read) -> V {
        self.hold(k, v);
        let input = Input { arr: v, read };
        match k.layout_arr {
            None if read != Read::PerRow => k.layout_arr = Some(input),
            _ => k.others.push(input),
        }
        self.emit(Op::LoadField { ptr: v, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr)
    }

    // ---- phase 1: before the loop ------------------------------------------

    /// Evaluate the non-fusable parts of `e` for a loop of distribution `dist`.
    pub(super) fn prepare(&mut self, k: &mut Kernel, e: &'a Expr, dist: Dist) {
        k.distributed = dist.is_dist();
        if k.wide.is_none() {
            k.wide = Some(self.has_wide_operand(e));
        }
        let t = self.ty(e);
        if !matches!(t, Ty::Array(..)) {
            let v = self.expr(e);
            k.leaves.insert(e.id, Leaf::Scalar(v, t));
            return;
        }
        let Ty::Array(_, nd, _) = t else { return };
        if !self.is_fusable(e) {
            let v = self.expr(e);
            let v = self.convert_dist(v, &t, &t.with_dist(dist));
            if nd == 2 {
                k.wide_inputs.push(v);
            }
            let data = self.add_input(k, v, Read::Whole);
            k.leaves.insert(e.id, Leaf::Arr { arr: v, data });
            return;
        }
        match &e.kind {
            ExprKind::Index(arr, idx) => {
                // X[:, j]: the rows of X, one column.
                let Some((_, j)) = idx.full_slice_pair() else { return };
                let at = self.ty(arr);
                let v = self.expr(arr);
                let v = self.convert_dist(v, &at, &at.with_dist(dist));
                let data = self.add_input(k, v, Read::Column);
                let jv = self.int_value(j);
                let col = self.emit(Op::Rt("bodo_arr_col_index", vec![v, jv]), IrTy::Int);
                self.check();
                let ncols =
                    self.emit(Op::LoadField { ptr: v, of: Obj::Array, offset: AL::NCOLS, index: None }, IrTy::Int);
                k.leaves.insert(e.id, Leaf::Col { arr: v, data, ncols, col });
            }
            ExprKind::Local(l) => {
                // The definition's errors name its line; the loop's, the use's.
                let (def, line) = (self.fused[l], self.line);
                self.prepare(k, def, dist);
                self.line = line;
            }
            ExprKind::Bin(_, a, b) => {
                self.prepare_operand(k, a, nd, dist);
                self.prepare_operand(k, b, nd, dist);
            }
            ExprKind::Unary(_, a) | ExprKind::MethodCall { recv: a, .. } => self.prepare(k, a, dist),
            ExprKind::Compare(a, chain) => {
                self.prepare_operand(k, a, nd, dist);
                self.prepare_operand(k, &chain[0].1, nd, dist);
            }
            ExprKind::Call { func, args, kwargs } => {
                let name = match &func.kind {
                    ExprKind::ModAttr(_, n) => n.as_str(),
                    _ => "abs",
                };
                if is_constructor(name) {
                    self.prepare_constructor(k, e, name, args, kwargs);
                } else if is_dot(name) {
                    self.matmul_wording(name, |l| l.prepare_row_dot(k, e, args, dist));
                } else {
                    for a in args {
                        self.prepare_operand(k, a, nd, dist);
                    }
                }
            }
            _ => {}
        }
    }

    /// The rows and columns of a shape argument (`n` or `(n, m)`).
    pub(super) fn shape_of(&mut self, a: &'a Expr) -> (V, V) {
        match (&a.kind, self.ty(a)) {
            (ExprKind::Tuple(items), _) if items.len() == 2 => (self.int_value(&items[0]), self.int_value(&items[1])),
            (ExprKind::Tuple(items), _) if items.len() == 1 => (self.int_value(&items[0]), self.cint(1)),
            (_, Ty::Tuple(items)) => {
                let tv = self.expr(a);
                let mut out = Vec::new();
                for i in 0..items.len() {
                    let s = self.tuple_item(tv, i, IrTy::Int);
                    out.push(s);
                }
                self.emit_void(Op::DecRef(tv));
                let cols = if out.len() == 2 { out[1] } else { self.cint(1) };
                (out[0], cols)
            }
            _ => (self.int_value(a), self.cint(1)),
        }
    }

    fn prepare_constructor(&mut self, k: &mut Kernel, e: &'a Expr, name: &str, args: &'a [Expr], kwargs: &'a [Kwarg]) {
        let Ty::Array(el, nd, _) = self.ty(e) else { return };
        let one = self.cint(1);
        let (leaf, rows, cols) = match name {
            "arange" => {
                let vals: Vec<V> = args.iter().map(|a| self.value_as(a, &el)).collect();
                let (start, stop, step) = match vals.len() {
                    1 => (self.zero(IrTy::of(&el)).unwrap_or(one), vals[0], self.one_of(&el)),
                    2 => (vals[0], vals[1], self.one_of(&el)),
                    _ => (vals[0], vals[1], vals[2]),
                };
                let n = self.arange_len(start, stop, step, &el);
                if *el == Ty::Float {
                    let second = self.emit(Op::Float(FloatOp::Add, start, step), IrTy::Float);
                    let delta = self.emit(Op::Float(FloatOp::Sub, second, start), IrTy::Float);
                    (Leaf::Arange { start, step: delta, second: Some(second) }, n, one)
                } else {
                    (Leaf::Arange { start, step, second: None }, n, one)
                }
            }
            "linspace" => {
                let start = self.value_as(&args[0], &Ty::Float);
                let stop = self.value_as(&args[1], &Ty::Float);
                let n = match args.get(2).or(kwarg(kwargs, "num")) {
                    Some(a) => self.int_value(a),
                    None => self.cint(50),
                };
                let endpoint = match args.get(3).or(kwarg(kwargs, "endpoint")) {
                    Some(a) => self.value_as(a, &Ty::Bool),
                    None => self.cbool(true),
                };
                // NumPy divides by num - 1 (num without the endpoint) and
                // stores `stop` last when the endpoint is included and num > 1.
                let nm1 = self.emit(Op::Int(IntOp::Sub, n, one), IrTy::Int);
                let raw = self.emit(Op::Select(endpoint, nm1, n), IrTy::Int);
                let z = self.cint(0);
                let le0 = self.emit(Op::ICmp(Cmp::Le, raw, z), IrTy::Bool);
                let div = self.emit(Op::Select(le0, one, raw), IrTy::Int);
                let divf = self.emit(Op::Conv(Conv::IntToFloat, div), IrTy::Float);
                let width = self.emit(Op::Float(FloatOp::Sub, stop, start), IrTy::Float);
                let step = self.emit(Op::Float(FloatOp::NpDiv, width, divf), IrTy::Float);
                let has_last = self.emit(Op::ICmp(Cmp::Gt, nm1, z), IrTy::Bool);
                let has_last = self.emit(Op::BoolAnd(endpoint, has_last), IrTy::Bool);
                let none = self.cint(-1);
                let last = self.emit(Op::Select(has_last, nm1, none), IrTy::Int);
                (Leaf::Linspace { start, step, stop, last }, n, one)
            }
            "zeros" | "ones" | "empty" | "full" => {
                let (rows, cols) = self.shape_of(&args[0]);
                let fill = match name {
                    "full" => self.value_as(&args[1], &el),
                    "ones" => self.one_of(&el),
                    _ => self.zero(IrTy::of(&el)).unwrap_or(one),
                };
                (Leaf::Fill { value: fill, needed: name != "empty" || *el == Ty::Bool }, rows, cols)
            }
            "eye" | "identity" => {
                let rows = self.int_value(&args[0]);
                let cols = args.get(1).map_or(rows, |c| self.int_value(c));
                let (one, zero) = (self.one_of(&el), self.zero(IrTy::of(&el)).unwrap_or(one));
                (Leaf::Eye { cols, one, zero }, rows, cols)
            }
            "zeros_like" | "ones_like" | "empty_like" | "full_like" => {
                let model = self.expr(&args[0]);
                let rows =
                    self.emit(Op::LoadField { ptr: model, of: Obj::Array, offset: AL::GLEN, index: None }, IrTy::Int);
                let cols =
                    self.emit(Op::LoadField { ptr: model, of: Obj::Array, offset: AL::NCOLS, index: None }, IrTy::Int);
                self.emit_void(Op::DecRef(model));
                let fill = match name {
                    // NumPy casts the fill value to the array's dtype.
                    "full_like" => {
                        let ft = self.ty(&args[1]);
                        let f = self.expr(&args[1]);
                        self.np_cast(f, &ft, &el)
                    }
                    "ones_like" => self.one_of(&el),
                    _ => self.zero(IrTy::of(&el)).unwrap_or(one),
                };
                (Leaf::Fill { value: fill, needed: name != "empty_like" || *el == Ty::Bool }, rows, cols)
            }
            _ => {
                let (rows, cols) = match random_dims(name, args, kwargs)[..] {
                    [rows, cols] => (self.int_value(rows), self.int_value(cols)),
                    [size, ..] => self.shape_of(size),
                    [] => (one, one),
                };
                let (kind, lo, span) = match name {
                    "random.randint" => {
                        let (lo, span) = self.randint_range(args);
                        (Rand::Int, lo, span)
                    }
                    "random.randn" => (Rand::Normal, one, one),
                    _ => (Rand::Uniform, one, one),
                };
                let key = self.emit(Op::Rt("bodo_rand_key", vec![]), IrTy::Int);
                // A 2D array draws one number per element, not per row.
                let shape = (nd == 2).then_some((rows, cols));
                (Leaf::Rand { key, kind, lo, span, shape }, rows, cols)
            }
        };
        let z = self.cint(0);
        let neg = self.emit(Op::ICmp(Cmp::Lt, rows, z), IrTy::Bool);
        self.raise_when(neg, bodo_abi::exc::VALUE_ERROR, "negative dimensions are not allowed");
        let shown = if nd == 2 { cols } else { self.cint(-1) };
        let broadcasts = matches!(leaf, Leaf::Fill { .. } | Leaf::Rand { shape: Some(_), .. });
        k.gen_shapes.push(GenShape { rows, cols, shown, before: k.layout_arr.is_none(), broadcasts });
        k.leaves.insert(e.id, leaf);
    }

    fn one_of(&mut self, t: &Ty) -> V {
        match t {
            Ty::Float => self.emit(Op::Const(Const::Float(1.0)), IrTy::Float),
            Ty::Bool => self.cbool(true),
            _ => self.cint(1),
        }
    }

    /// `len(range(start, stop, step))` NumPy's way: `ceil((stop - start) / step)`, at least 0.
    fn arange_len(&mut self, start: V, stop: V, step: V, el: &Ty) -> V {
        let z = self.cint(0);
        if *el == Ty::Float {
            let w = self.emit(Op::Float(FloatOp::Sub, stop, start), IrTy::Float);
            let q = self.emit(Op::Float(FloatOp::NpDiv, w, step), IrTy::Float);
            let negq = self.emit(Op::FNeg(q), IrTy::Float);
            let fl = self.emit(Op::FMath(MathFn::Floor, negq), IrTy::Float);
            let c = self.emit(Op::FNeg(fl), IrTy::Float);
            let fz = self.emit(Op::Const(Const::Float(0.0)), IrTy::Float);
            let pos = self.emit(Op::FCmp(Cmp::Gt, c, fz), IrTy::Bool);
            let c = self.emit(Op::Select(pos, c, fz), IrTy::Float);
            return self.emit(Op::FloatToInt(c), IrTy::Int);
        }
        let bad = self.emit(Op::ICmp(Cmp::Eq, step, z), IrTy::Bool);
        self.raise_when(bad, bodo_abi::exc::ZERO_DIVISION_ERROR, "division by zero");
        // ceil(w / step) = -((-w) // step)
        let w = self.emit(Op::Int(IntOp::Sub, stop, start), IrTy::Int);
        let negw = self.emit(Op::Int(IntOp::Sub, z, w), IrTy::Int);
        let fq = self.emit(Op::Int(IntOp::NpFloorDiv, negw, step), IrTy::Int);
        let c = self.emit(Op::Int(IntOp::Sub, z, fq), IrTy::Int);
        let pos = self.emit(Op::ICmp(Cmp::Gt, c, z), IrTy::Bool);
        self.emit(Op::Select(pos, c, z), IrTy::Int)
    }

    /// Decide this rank's part of the loop and check the inputs agree.
    pub(super) fn layout(&mut self, k: &Kernel, dist: Dist) -> Layout {
        // With no array giving it, the loop's shape is a constructor's: the
        // first one read only at its exact shape, else the widest.
        let gen_layout = k.gen_shapes.iter().position(|g| !g.broadcasts).filter(|_| k.layout_arr.is_none());
        let (len, ncols, glen, offset) = if let Some(Input { arr: a, read }) = k.layout_input() {
            let f = |l: &mut Self, off| {
                l.emit(Op::LoadField { ptr: a, of: Obj::Array, offset: off, index: None }, IrTy::Int)
            };
            let ncols = match (read, k.row_vecs.first()) {
                (Read::Column, _) => self.cint(1),
                // Only column and row vectors: the outer product `v[:, None] * w`.
                (Read::PerRow, Some(&(len, _))) => len,
                _ => f(self, AL::NCOLS),
            };
            (f(self, AL::LEN), ncols, f(self, AL::GLEN), f(self, AL::OFFSET))
        } else {
            let (rows, cols) = match (gen_layout, k.gen_shapes.first()) {
                (Some(i), _) => (k.gen_shapes[i].rows, k.gen_shapes[i].cols),
                (None, Some(&GenShape { rows, cols, .. })) => self.widest_shape(&k.gen_shapes[1..], (rows, cols)),
                (None, None) => (self.cint(0), self.cint(1)),
            };
            // A column of fills beside row vectors: their outer product.
            let cols = match (gen_layout, k.row_vecs.first()) {
                (None, Some(&(len, _))) => {
                    let one = self.cint(1);
                    let column = self.emit(Op::ICmp(Cmp::Eq, cols, one), IrTy::Bool);
                    self.emit(Op::Select(column, len, cols), IrTy::Int)
                }
                _ => cols,
            };
            if dist.is_dist() {
                let start = self.emit(Op::Rt("bodo_block_start", vec![rows]), IrTy::Int);
                let count = self.emit(Op::Rt("bodo_block_count", vec![rows]), IrTy::Int);
                (count, cols, rows, start)
            } else {
                (rows, cols, rows, self.cint(0))
            }
        };
        let count = self.emit(Op::Int(IntOp::Mul, len, ncols), IrTy::Int);
        let layout = Layout { len, ncols, glen, offset, count };
        // Every other input must have the same global shape; NumPy's error
        // names both shapes. An input is an array (and whether it is read as
        // one column) or a constructor's shape.
        type Check = (V, V, Result<Input, (V, bool)>, bool);
        let mut checks: Vec<Check> = Vec::new();
        for &inp @ Input { arr: o, read } in &k.others {
            let g = self.emit(Op::LoadField { ptr: o, of: Obj::Array, offset: AL::GLEN, index: None }, IrTy::Int);
            let c = match read {
                Read::Column => self.cint(1),
                // Its one column pairs with every column of the loop.
                Read::PerRow => layout.ncols,
                Read::Whole => {
                    self.emit(Op::LoadField { ptr: o, of: Obj::Array, offset: AL::NCOLS, index: None }, IrTy::Int)
                }
            };
            checks.push((g, c, Ok(inp), false));
        }
        for (j, g) in k.gen_shapes.iter().enumerate() {
            // Whether NumPy's error names it before the loop's shape.
            let before = match (k.layout_arr, gen_layout) {
                (Some(_), _) => g.before,
                (None, Some(i)) if i == j => continue,
                (None, Some(i)) => j < i,
                // The first fails only when it is not the widest.
                (None, None) => j == 0,
            };
            checks.push((g.rows, g.cols, Err((g.shown, before)), g.broadcasts));
        }
        if checks.is_empty() && k.row_vecs.is_empty() {
            return layout;
        }
        let first: Result<Input, Option<V>> =
            k.layout_arr.ok_or(k.gen_shapes.get(gen_layout.unwrap_or(0)).map(|s| s.shown));
        let c1 = match first {
            Ok(i) => self.shown_cols(i),
            Err(Some(v)) => v,
            Err(None) => self.cint(-1),
        };
        let (r3, c3) = if k.in_place { (layout.glen, c1) } else { (self.cint(-1), self.cint(-1)) };
        for (g, c, inp, broadcasts) in checks {
            let a = self.extent_differs(g, layout.glen, broadcasts);
            let b = self.extent_differs(c, layout.ncols, broadcasts);
            let bad = self.emit(Op::BoolOr(a, b), IrTy::Bool);
            let (c2, swap) = match inp {
                Ok(i) => (self.shown_cols(i), false),
                Err((v, before)) => (v, before),
            };
            // NumPy names the operands in the expression's order.
            let args = if swap { vec![g, c2, layout.glen, c1, r3, c3] } else { vec![layout.glen, c1, g, c2, r3, c3] };
            self.raise_broadcast_when(bad, args);
        }
        self.check_row_vecs(k, layout.ncols, (layout.glen, c1), (r3, c3));
        layout
    }

    /// Raise NumPy's broadcast ValueError (shapes `args`, see
    /// `bodo_raise_broadcast`) when `bad`.
    pub(super) fn raise_broadcast_when(&mut self, bad: V, args: Vec<V>) {
        let (err, ok) = (self.new_block(), self.new_block());
        self.branch(bad, err, ok);
        self.cur = err;
        self.emit_void(Op::Rt("bodo_raise_broadcast", args));
        self.check();
        self.term(Term::Unreachable);
        self.cur = ok;
    }

    /// The columns of input `i` as NumPy's shape shows them: -1 for 1D.
    fn shown_cols(&mut self, Input { arr, read }: Input) -> V {
        if read == Read::Column {
            return self.cint(-1);
        }
        let nd = self.emit(Op::LoadField { ptr: arr, of: Obj::Array, offset: AL::NDIM, index: None }, IrTy::Int);
        let nc = self.emit(Op::LoadField { ptr: arr, of: Obj::Array, offset: AL::NCOLS, index: None }, IrTy::Int);
        let two = self.cint(2);
        let is2 = self.emit(Op::ICmp(Cmp::Eq, nd, two), IrTy::Bool);
        let none = self.cint(-1);
        self.emit(Op::Select(is2, nc, none), IrTy::Int)
    }

    /// Realign distributed inputs to the layout array (1D_Block_Var data
    /// from different sources), then broadcast 2D rows and columns to the
    /// widest input (`kernel_broadcast.rs`).
    pub(super) fn align_inputs(&mut self, k: &mut Kernel, dist: Dist) {
        if let (Some(Input { arr: first, .. }), Dist::OneDVar) = (k.layout_input(), dist) {
            for n in 0..k.others.len() {
                let old = k.others[n].arr;
                let new = self.emit(Op::Rt("bodo_arr_align", vec![old, first]), IrTy::Ptr);
                self.check();
                self.replace_input(k, old, new);
            }
        }
        self.broadcast_inputs(k);
    }

    /// Make the loop read input `new` (held by the loop) where it read `old`.
    pub(super) fn replace_input(&mut self, k: &mut Kernel, old: V, new: V) {
        let data = self.emit(Op::LoadField { ptr: new, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
        for leaf in k.leaves.values_mut() {
            if let Leaf::Arr { arr, data: d }
            | Leaf::Col { arr, data: d, .. }
            | Leaf::RowDot { arr, data: d, .. }
            | Leaf::ColVec { arr, data: d } = leaf
            {
                if *arr == old {
                    *arr = new;
                    *d = data;
                }
            }
        }
        for input in k.layout_arr.iter_mut().chain(k.others.iter_mut()) {
            if input.arr == old {
                input.arr = new;
            }
        }
        for w in &mut k.wide_inputs {
            if *w == old {
                *w = new;
            }
        }
        // The original is still released with the other inputs.
        self.hold(k, new);
    }

    pub(super) fn release_kernel(&mut self, k: &Kernel) {
        self.loop_errors(k.distributed);
        for &(v, slot) in &k.owned {
            self.emit_void(Op::DecRef(v));
            let none = self.null();
            self.emit_void(Op::Store(slot, none));
        }
    }

    /// After a loop whose elements may have met an int raised to a negative
    /// power: raise NumPy's ValueError (on every rank if any rank met one).
    /// Elements only note the error, so a rank never leaves the loop early
    /// and skips a collective its peers enter.
    fn loop_errors(&mut self, distributed: bool) {
        if std::mem::take(&mut self.int_pow_in_loop) {
            let d = self.cint(i64::from(distributed));
            self.emit_void(Op::Rt("bodo_np_pow_check", vec![d]));
            self.check();
        }
    }

    // ---- the loop ------------------------------------------------------------

    /// Start `for i in 0..count` in a new body block; returns (counter slot, loop head, exit block).
    pub(super) fn loop_begin(&mut self, count: V) -> (u32, B, B) {
        let i = self.new_temp(IrTy::Int);
        let z = self.cint(0);
        self.emit_void(Op::Store(i, z));
        let (head, body, exit) = (self.new_block(), self.new_block(), self.new_block());
        self.jump_to(head);
        let iv = self.emit(Op::Load(i), IrTy::Int);
        let c = self.emit(Op::ICmp(Cmp::Lt, iv, count), IrTy::Bool);
        self.branch(c, body, exit);
        self.cur = body;
        (i, head, exit)
    }

    /// A new array of type `t` with the loop's layout.
    fn new_like_layout(&mut self, t: &Ty, lay: &Layout) -> V {
        let Ty::Array(el, ndim, dist) = t else { return self.null() };
        let d = self.desc(t);
        let dt = self.cint(Elem::of(el).dtype());
        let nd = self.cint(*ndim as i64);
        let dc = self.cint(dist.code());
        let out =
            self.emit(Op::Rt("bodo_arr_new", vec![d, dt, nd, lay.len, lay.ncols, lay.glen, lay.offset, dc]), IrTy::Ptr);
        self.check();
        out
    }

    /// Array `old` (a new reference) when it exists and has the loop's
    /// layout, else a new array of type `t`.
    fn reuse_or_new(&mut self, old: V, t: &Ty, lay: &Layout) -> V {
        let slot = self.new_temp(IrTy::Ptr);
        let (check, same, fresh, join) = (self.new_block(), self.new_block(), self.new_block(), self.new_block());
        let none = self.emit(Op::IsNull(old), IrTy::Bool);
        self.branch(none, fresh, check);
        self.cur = check;
        let mut fits = self.cbool(true);
        for (offset, want) in
            [(AL::LEN, lay.len), (AL::NCOLS, lay.ncols), (AL::GLEN, lay.glen), (AL::OFFSET, lay.offset)]
        {
            let have = self.emit(Op::LoadField { ptr: old, of: Obj::Array, offset, index: None }, IrTy::Int);
            let eq = self.emit(Op::ICmp(Cmp::Eq, have, want), IrTy::Bool);
            fits = self.emit(Op::BoolAnd(fits, eq), IrTy::Bool);
        }
        self.branch(fits, same, fresh);
        self.cur = same;
        self.emit_void(Op::IncRef(old));
        self.emit_void(Op::Store(slot, old));
        self.jump_to(join);
        self.cur = fresh;
        let new = self.new_like_layout(t, lay);
        self.emit_void(Op::Store(slot, new));
        self.jump_to(join);
        self.emit(Op::Load(slot), IrTy::Ptr)
    }

    /// Start a loop over the blocks of `block` elements of `0..count`;
    /// returns (counter slot, loop head, exit block, first element, length
    /// of this block), closed by `loop_end`.
    pub(super) fn blocks_begin(&mut self, count: V, block: i64) -> (u32, B, B, V, V) {
        let (size, one) = (self.cint(block), self.cint(1));
        let last = self.emit(Op::Int(IntOp::Sub, size, one), IrTy::Int);
        let padded = self.emit(Op::Int(IntOp::Add, count, last), IrTy::Int);
        let nblocks = self.emit(Op::Int(IntOp::NpFloorDiv, padded, size), IrTy::Int);
        let (b, head, exit) = self.loop_begin(nblocks);
        let bv = self.emit(Op::Load(b), IrTy::Int);
        let first = self.emit(Op::Int(IntOp::Mul, bv, size), IrTy::Int);
        let left = self.emit(Op::Int(IntOp::Sub, count, first), IrTy::Int);
        let short = self.emit(Op::ICmp(Cmp::Lt, left, size), IrTy::Bool);
        let len = self.emit(Op::Select(short, left, size), IrTy::Int);
        (b, head, exit, first, len)
    }

    pub(super) fn loop_end(&mut self, i: u32, head: B, exit: B) {
        let iv = self.emit(Op::Load(i), IrTy::Int);
        let one = self.cint(1);
        let n = self.emit(Op::Int(IntOp::Add, iv, one), IrTy::Int);
        self.emit_void(Op::Store(i, n));
        self.term(Term::Jump(head));
        self.cur = exit;
    }

    // ---- phase 2: one element ------------------------------------------------

    /// The value of element `i` (local flat index; `gi` is the global row index) of `e`.
    pub(super) fn elem(&mut self, k: &Kernel, e: &'a Expr, i: V, gi: V) -> (V, Ty) {
        let t = self.ty(e);
        let el = match &t {
            Ty::Array(el, ..) => (**el).clone(),
            other => other.clone(),
        };
        if let Some(leaf) = k.leaves.get(&e.id).cloned() {
            let v = match leaf {
                Leaf::Arr { data, .. } => {
                    self.emit(Op::LoadElem { ptr: data, index: i, elem: Elem::of(&el) }, IrTy::of(&el))
                }
                Leaf::Col { data, ncols, col, .. } => {
                    let row = self.emit(Op::Int(IntOp::Mul, i, ncols), IrTy::Int);
                    let at = self.emit(Op::Int(IntOp::Add, row, col), IrTy::Int);
                    self.emit(Op::LoadElem { ptr: data, index: at, elem: Elem::of(&el) }, IrTy::of(&el))
                }
                Leaf::RowDot { data, ncols, vdata, m_el, v_el, .. } => {
                    self.row_dot_elem(i, data, ncols, vdata, (&m_el, &v_el), &el)
                }
                Leaf::Block { data, row0 } => {
                    let at = self.emit(Op::Int(IntOp::Sub, i, row0), IrTy::Int);
                    self.emit(Op::LoadElem { ptr: data, index: at, elem: Elem::of(&el) }, IrTy::of(&el))
                }
                Leaf::RowVec { data, len } => self.row_vec_elem(i, data, len, &el),
                Leaf::ColVec { arr, data } => self.col_vec_elem(gi, arr, data, &el),
                Leaf::Scalar(v, st) => return (v, st),
                Leaf::Fill { value, .. } => value,
                Leaf::Arange { start, step, second } => {
                    if let Some(second) = second {
                        let g = self.emit(Op::Conv(Conv::IntToFloat, gi), IrTy::Float);
                        let m = self.emit(Op::Float(FloatOp::Mul, g, step), IrTy::Float);
                        let x = self.emit(Op::Float(FloatOp::Add, start, m), IrTy::Float);
                        let one = self.cint(1);
                        let is_second = self.emit(Op::ICmp(Cmp::Eq, gi, one), IrTy::Bool);
                        self.emit(Op::Select(is_second, second, x), IrTy::Float)
                    } else {
                        let m = self.emit(Op::Int(IntOp::Mul, gi, step), IrTy::Int);
                        self.emit(Op::Int(IntOp::Add, start, m), IrTy::Int)
                    }
                }
                Leaf::Linspace { start, step, stop, last } => {
                    let g = self.emit(Op::Conv(Conv::IntToFloat, gi), IrTy::Float);
                    let m = self.emit(Op::Float(FloatOp::Mul, g, step), IrTy::Float);
                    let x = self.emit(Op::Float(FloatOp::Add, start, m), IrTy::Float);
                    let is_last = self.emit(Op::ICmp(Cmp::Eq, gi, last), IrTy::Bool);
                    self.emit(Op::Select(is_last, stop, x), IrTy::Float)
                }
                Leaf::Eye { cols, one, zero } => {
                    let col = self.emit(Op::Int(IntOp::NpMod, i, cols), IrTy::Int);
                    let diag = self.emit(Op::ICmp(Cmp::Eq, col, gi), IrTy::Bool);
                    self.emit(Op::Select(diag, one, zero), IrTy::of(&el))
                }
                Leaf::Rand { key, kind, lo, span, shape } => {
                    let at = match shape {
                        Some((rows, c)) => {
                            // Its columns are the loop's or one (then `col` is 0).
                            let col = self.emit(Op::Int(IntOp::NpMod, i, c), IrTy::Int);
                            let one = self.cint(1);
                            let one_row = self.emit(Op::ICmp(Cmp::Eq, rows, one), IrTy::Bool);
                            let z = self.cint(0);
                            let row = self.emit(Op::Select(one_row, z, gi), IrTy::Int);
                            let first = self.emit(Op::Int(IntOp::Mul, row, c), IrTy::Int);
                            self.emit(Op::Int(IntOp::Add, first, col), IrTy::Int)
                        }
                        None => gi,
                    };
                    self.random_elem(key, kind, lo, span, at)
                }
            };
            return (v, el);
        }
        match &e.kind {
            ExprKind::Local(l) => {
                let def = self.fused[l];
                self.elem(k, def, i, gi)
            }
            ExprKind::Bin(op, a, b) => {
                let (x, tx) = self.elem(k, a, i, gi);
                let (y, ty) = self.elem(k, b, i, gi);
                (self.np_binop(*op, x, &tx, y, &ty, &el), el)
            }
            ExprKind::Unary(op, a) => {
                let (x, tx) = self.elem(k, a, i, gi);
                let x = self.coerce(x, &tx, &el);
                let v = match (op, &el) {
                    (UnOp::Pos, _) => x,
                    (UnOp::Neg, Ty::Float) => self.emit(Op::FNeg(x), IrTy::Float),
                    (UnOp::Neg, _) => {
                        let z = self.cint(0);
                        self.emit(Op::Int(IntOp::Sub, z, x), IrTy::Int)
                    }
                    (_, Ty::Bool) => self.emit(Op::Not(x), IrTy::Bool),
                    _ => {
                        let m = self.cint(-1);
                        self.emit(Op::Int(IntOp::Xor, x, m), IrTy::Int)
                    }
                };
                (v, el)
            }
            ExprKind::Compare(a, chain) => {
                let (x, tx) = self.elem(k, a, i, gi);
                let (y, ty) = self.elem(k, &chain[0].1, i, gi);
                (self.np_compare(chain[0].0, x, &tx, y, &ty), Ty::Bool)
            }
            ExprKind::Call { func, args, .. } => {
                let name = match &func.kind {
                    ExprKind::ModAttr(_, n) => n.as_str(),
                    _ => "abs",
                };
                let vals: Vec<(V, Ty)> = args.iter().map(|a| self.elem(k, a, i, gi)).collect();
                (self.np_elementwise(name, &vals, &el), el)
            }
            // `a.astype(dtype)`
            ExprKind::MethodCall { recv, .. } => {
                let (x, tx) = self.elem(k, recv, i, gi);
                (self.np_cast(x, &tx, &el), el)
            }
            _ => (self.cint(0), Ty::Int),
        }
    }

    /// A uniform double in [0, 1), a standard normal, or an int in [lo, lo + span),
    /// from splitmix64 of (stream key, global index): independent of the rank count.
    pub(super) fn random_elem(&mut self, key: V, kind: Rand, lo: V, span: V, gi: V) -> V {
        let u1 = self.uniform(key, gi, 0);
        match kind {
            Rand::Uniform => u1,
            Rand::Int => {
                let sf = self.emit(Op::Conv(Conv::IntToFloat, span), IrTy::Float);
                let x = self.emit(Op::Float(FloatOp::Mul, u1, sf), IrTy::Float);
                let x = self.emit(Op::FMath(MathFn::Floor, x), IrTy::Float);
                let xi = self.emit(Op::FloatToInt(x), IrTy::Int);
                self.emit(Op::Int(IntOp::Add, lo, xi), IrTy::Int)
            }
            Rand::Normal => {
                // Box-Muller on (1 - u1, u2): the log argument is never 0.
                let u2 = self.uniform(key, gi, 1);
                let one = self.emit(Op::Const(Const::Float(1.0)), IrTy::Float);
                let a = self.emit(Op::Float(FloatOp::Sub, one, u1), IrTy::Float);
                let l = self.emit(Op::FMath(MathFn::Log, a), IrTy::Float);
                let m2 = self.emit(Op::Const(Const::Float(-2.0)), IrTy::Float);
                let r2 = self.emit(Op::Float(FloatOp::Mul, m2, l), IrTy::Float);
                let r = self.emit(Op::FMath(MathFn::Sqrt, r2), IrTy::Float);
                let tau = self.emit(Op::Const(Const::Float(std::f64::consts::TAU)), IrTy::Float);
                let th = self.emit(Op::Float(FloatOp::Mul, tau, u2), IrTy::Float);
                let c = self.emit(Op::FMath(MathFn::Cos, th), IrTy::Float);
                self.emit(Op::Float(FloatOp::Mul, r, c), IrTy::Float)
            }
        }
    }

    /// splitmix64(key + (2 * gi + lane + 1) * golden) as a double in [0, 1).
    fn uniform(&mut self, key: V, gi: V, lane: i64) -> V {
        let two = self.cint(2);
        let c = self.cint(lane + 1);
        let g2 = self.emit(Op::Int(IntOp::Mul, gi, two), IrTy::Int);
        let ctr = self.emit(Op::Int(IntOp::Add, g2, c), IrTy::Int);
        let golden = self.cint(0x9E37_79B9_7F4A_7C15_u64 as i64);
        let m = self.emit(Op::Int(IntOp::Mul, ctr, golden), IrTy::Int);
        let mut z = self.emit(Op::Int(IntOp::Add, key, m), IrTy::Int);
        for (shift, mul) in [(30, 0xBF58_476D_1CE4_E5B9_u64), (27, 0x94D0_49BB_1331_11EB_u64)] {
            let s = self.cint(shift);
            let sh = self.emit(Op::Int(IntOp::LShr, z, s), IrTy::Int);
            let x = self.emit(Op::Int(IntOp::Xor, z, sh), IrTy::Int);
            let mc = self.cint(mul as i64);
            z = self.emit(Op::Int(IntOp::Mul, x, mc), IrTy::Int);
        }
        let s31 = self.cint(31);
        let sh = self.emit(Op::Int(IntOp::LShr, z, s31), IrTy::Int);
        let z = self.emit(Op::Int(IntOp::Xor, z, sh), IrTy::Int);
        let s11 = self.cint(11);
        let top = self.emit(Op::Int(IntOp::LShr, z, s11), IrTy::Int);
        let f = self.exact_53bit_to_float(top);
        let scale = self.emit(Op::Const(Const::Float(1.0 / (1u64 << 53) as f64)), IrTy::Float);
        self.emit(Op::Float(FloatOp::Mul, f, scale), IrTy::Float)
    }

    /// `v as f64` for `0 <= v < 2**53` with integer and bit operations only:
    /// the low 52 bits become the mantissa of 2**52 + low (minus 2**52), the
    /// top bit is 2**52 or 0. The same value as a plain conversion, but it
    /// vectorizes on AVX2, which has no packed 64-bit integer conversion
    /// (that conversion was a third of a random-number loop).
    fn exact_53bit_to_float(&mut self, v: V) -> V {
        const TWO_52_BITS: i64 = 0x4330_0000_0000_0000;
        let low_mask = self.cint((1i64 << 52) - 1);
        let low = self.emit(Op::Int(IntOp::And, v, low_mask), IrTy::Int);
        let magic = self.cint(TWO_52_BITS);
        let biased = self.emit(Op::Int(IntOp::Or, low, magic), IrTy::Int);
        let biased = self.as_float_bits(biased);
        let two_52 = self.emit(Op::Const(Const::Float((1u64 << 52) as f64)), IrTy::Float);
        let low = self.emit(Op::Float(FloatOp::Sub, biased, two_52), IrTy::Float);
        let s52 = self.cint(52);
        let high = self.emit(Op::Int(IntOp::LShr, v, s52), IrTy::Int);
        let high = self.emit(Op::Int(IntOp::Mul, high, magic), IrTy::Int);
        let high = self.as_float_bits(high);
        self.emit(Op::Float(FloatOp::Add, low, high), IrTy::Float)
    }

    /// The float whose bits are the int `v`.
    fn as_float_bits(&mut self, v: V) -> V {
        let slot = self.emit(Op::ToSlot(v), IrTy::Slot);
        self.emit(Op::FromSlot(slot), IrTy::Float)
    }

    /// NumPy's elementwise `x op y` on scalars, giving `out`.
    pub fn np_binop(&mut self, op: BinOp, x: V, tx: &Ty, y: V, ty: &Ty, out: &Ty) -> V {
        use BinOp::*;
        if *out == Ty::Bool {
            let (x, y) = (self.coerce(x, tx, &Ty::Bool), self.coerce(y, ty, &Ty::Bool));
            return match op {
                Add | BitOr => self.emit(Op::BoolOr(x, y), IrTy::Bool),
                Mul | BitAnd => self.emit(Op::BoolAnd(x, y), IrTy::Bool),
                _ => self.emit(Op::ICmp(Cmp::Ne, x, y), IrTy::Bool),
            };
        }
        if *out == Ty::Float {
            let (x, y) = (self.coerce(x, tx, &Ty::Float), self.coerce(y, ty, &Ty::Float));
            return match op {
                Add => self.emit(Op::Float(FloatOp::Add, x, y), IrTy::Float),
                Sub => self.emit(Op::Float(FloatOp::Sub, x, y), IrTy::Float),
                Mul => self.emit(Op::Float(FloatOp::Mul, x, y), IrTy::Float),
                Pow => self.emit(Op::FPow(x, y), IrTy::Float),
                FloorDiv | Mod => {
                    let q = self.emit(Op::Float(FloatOp::NpDiv, x, y), IrTy::Float);
                    let f = self.emit(Op::FMath(MathFn::Floor, q), IrTy::Float);
                    if op == FloorDiv {
                        f
                    } else {
                        let m = self.emit(Op::Float(FloatOp::Mul, f, y), IrTy::Float);
                        self.emit(Op::Float(FloatOp::Sub, x, m), IrTy::Float)
                    }
                }
                _ => self.emit(Op::Float(FloatOp::NpDiv, x, y), IrTy::Float),
            };
        }
        let (x, y) = (self.coerce(x, tx, &Ty::Int), self.coerce(y, ty, &Ty::Int));
        let iop = match op {
            Add => IntOp::Add,
            Sub => IntOp::Sub,
            Mul => IntOp::Mul,
            FloorDiv => IntOp::NpFloorDiv,
            Mod => IntOp::NpMod,
            BitAnd => IntOp::And,
            BitOr => IntOp::Or,
            BitXor => IntOp::Xor,
            LShift => IntOp::Shl,
            RShift => IntOp::Shr,
            // Exact (wrapping) int64 powers; a negative exponent is noted
            // for `loop_errors` after the loop.
            Pow => {
                self.int_pow_in_loop = true;
                return self.emit(Op::Rt("bodo_np_int_pow", vec![x, y]), IrTy::Int);
            }
            Div | MatMul => IntOp::Add,
        };
        self.emit(Op::Int(iop, x, y), IrTy::Int)
    }

    pub fn np_compare(&mut self, op: CmpOp, x: V, tx: &Ty, y: V, ty: &Ty) -> V {
        if *tx == Ty::Str {
            // A string column's elements, borrowed from the array; a null
            // one is a missing value, which pandas compares as unequal to
            // anything (only `!=` holds). It is compared as "" meanwhile.
            let empty = self.cstr("");
            let (nx, ny) = (self.emit(Op::IsNull(x), IrTy::Bool), self.emit(Op::IsNull(y), IrTy::Bool));
            let x = self.emit(Op::Select(nx, empty, x), IrTy::Ptr);
            let y = self.emit(Op::Select(ny, empty, y), IrTy::Ptr);
            let c = self.compare(op, x, tx, y, ty);
            let missing = self.emit(Op::BoolOr(nx, ny), IrTy::Bool);
            let na = self.cbool(op == CmpOp::Ne);
            return self.emit(Op::Select(missing, na, c), IrTy::Bool);
        }
        if *tx == Ty::Datetime {
            // NaT is unordered.
            return self.compare(op, x, tx, y, ty);
        }
        let c = match op {
            CmpOp::Eq => Cmp::Eq,
            CmpOp::Ne => Cmp::Ne,
            CmpOp::Lt => Cmp::Lt,
            CmpOp::Le => Cmp::Le,
            CmpOp::Gt => Cmp::Gt,
            _ => Cmp::Ge,
        };
        if *tx == Ty::Float || *ty == Ty::Float {
            let (x, y) = (self.coerce(x, tx, &Ty::Float), self.coerce(y, ty, &Ty::Float));
            self.emit(Op::FCmp(c, x, y), IrTy::Bool)
        } else {
            let (x, y) = (self.coerce(x, tx, &Ty::Int), self.coerce(y, ty, &Ty::Int));
            self.emit(Op::ICmp(c, x, y), IrTy::Bool)
        }
    }

    /// NumPy's round of a float to `d` decimals: rint(x * 10**d) / 10**d, or
    /// rint(x / 10**-d) * 10**-d for d < 0.
    pub fn np_round_float(&mut self, x: V, d: V) -> V {
        let z = self.cint(0);
        let pos = self.emit(Op::ICmp(Cmp::Ge, d, z), IrTy::Bool);
        let nd = self.emit(Op::Int(IntOp::Sub, z, d), IrTy::Int);
        let ad = self.emit(Op::Select(pos, d, nd), IrTy::Int);
        let ad = self.emit(Op::Conv(Conv::IntToFloat, ad), IrTy::Float);
        let ten = self.emit(Op::Const(Const::Float(10.0)), IrTy::Float);
        let scale = self.emit(Op::FPow(ten, ad), IrTy::Float);
        let up = self.emit(Op::Float(FloatOp::Mul, x, scale), IrTy::Float);
        let down = self.emit(Op::Float(FloatOp::Div, x, scale), IrTy::Float);
        let scaled = self.emit(Op::Select(pos, up, down), IrTy::Float);
        let r = self.emit(Op::FMath(MathFn::Rint, scaled), IrTy::Float);
        let back_down = self.emit(Op::Float(FloatOp::Div, r, scale), IrTy::Float);
        let back_up = self.emit(Op::Float(FloatOp::Mul, r, scale), IrTy::Float);
        self.emit(Op::Select(pos, back_down, back_up), IrTy::Float)
    }

    /// `np.sqrt(x)`, `np.where(c, a, b)`, ... on scalar values, giving `out`.
    pub fn np_elementwise(&mut self, name: &str, vals: &[(V, Ty)], out: &Ty) -> V {
        let f = |l: &mut Self, k: usize, t: &Ty| l.coerce(vals[k].0, &vals[k].1, t);
        match name {
            "where" => {
                let c = self.np_cast(vals[0].0, &vals[0].1, &Ty::Bool);
                let (a, b) = (f(self, 1, out), f(self, 2, out));
                self.emit(Op::Select(c, a, b), IrTy::of(out))
            }
            // NaN and the infinities replaced; other dtypes have none.
            "nan_to_num" if *out == Ty::Float => {
                let x = vals[0].0;
                let (nan, pos, neg) = (f(self, 1, out), f(self, 2, out), f(self, 3, out));
                let inf = self.emit(Op::Const(Const::Float(f64::INFINITY)), IrTy::Float);
                let ninf = self.emit(Op::Const(Const::Float(f64::NEG_INFINITY)), IrTy::Float);
                let is_nan = self.emit(Op::FCmp(Cmp::Ne, x, x), IrTy::Bool);
                let is_pos = self.emit(Op::FCmp(Cmp::Eq, x, inf), IrTy::Bool);
                let is_neg = self.emit(Op::FCmp(Cmp::Eq, x, ninf), IrTy::Bool);
                let r = self.emit(Op::Select(is_neg, neg, x), IrTy::Float);
                let r = self.emit(Op::Select(is_pos, pos, r), IrTy::Float);
                self.emit(Op::Select(is_nan, nan, r), IrTy::Float)
            }
            "nan_to_num" => vals[0].0,
            "arctan2" => {
                let (y, x) = (f(self, 0, &Ty::Float), f(self, 1, &Ty::Float));
                self.emit(Op::Rt("bodo_math_atan2", vec![y, x]), IrTy::Float)
            }
            "minimum" | "maximum" | "fmin" | "fmax" => {
                let (a, b) = (f(self, 0, out), f(self, 1, out));
                let cmp = if matches!(name, "minimum" | "fmin") { Cmp::Lt } else { Cmp::Gt };
                if *out == Ty::Float {
                    let better = self.emit(Op::FCmp(cmp, a, b), IrTy::Bool);
                    let m = self.emit(Op::Select(better, a, b), IrTy::Float);
                    // NumPy's minimum/maximum propagate NaN from either side;
                    // fmin/fmax take the other side (NaN only from both).
                    let a_nan = self.emit(Op::FCmp(Cmp::Ne, a, a), IrTy::Bool);
                    let b_nan = self.emit(Op::FCmp(Cmp::Ne, b, b), IrTy::Bool);
                    let (if_a_nan, if_b_nan) = if name.starts_with('f') { (b, a) } else { (a, b) };
                    let m = self.emit(Op::Select(a_nan, if_a_nan, m), IrTy::Float);
                    self.emit(Op::Select(b_nan, if_b_nan, m), IrTy::Float)
                } else if *out == Ty::Bool {
                    if matches!(name, "minimum" | "fmin") {
                        self.emit(Op::BoolAnd(a, b), IrTy::Bool)
                    } else {
                        self.emit(Op::BoolOr(a, b), IrTy::Bool)
                    }
                } else {
                    let better = self.emit(Op::ICmp(cmp, a, b), IrTy::Bool);
                    self.emit(Op::Select(better, a, b), IrTy::Int)
                }
            }
            "round" | "around" => {
                let x = f(self, 0, &Ty::Float);
                let d = match vals.get(1) {
                    Some(_) => f(self, 1, &Ty::Int),
                    None => self.cint(0),
                };
                let y = self.np_round_float(x, d);
                if *out == Ty::Float {
                    y
                } else {
                    // Integers are already whole for decimals >= 0.
                    let z = self.cint(0);
                    let pos = self.emit(Op::ICmp(Cmp::Ge, d, z), IrTy::Bool);
                    let xi = f(self, 0, &Ty::Int);
                    let yi = self.emit(Op::FloatToInt(y), IrTy::Int);
                    self.emit(Op::Select(pos, xi, yi), IrTy::Int)
                }
            }
            _ => self.np_unary(name, vals[0].0, &vals[0].1, out),
        }
    }

    // ---- consumers -------------------------------------------------------------

    /// Materialise a fusable array expression into a new array of its type.
    pub fn kernel_map(&mut self, e: &'a Expr, t: &Ty) -> V {
        self.kernel_map_into(e, t, None)
    }

    /// `kernel_map`, storing into the buffer of array `reuse` (owned by a
    /// variable nothing else reaches, of type `t`) when it has the result's
    /// layout: `best = np.where(d < bestd, j, best)` writes `best`'s buffer,
    /// each element read before it is written.
    pub fn kernel_map_into(&mut self, e: &'a Expr, t: &Ty, reuse: Option<V>) -> V {
        let Ty::Array(el, ndim, dist) = t else { return self.null() };
        let mut k = Kernel { reuses: reuse.is_some(), ..Kernel::default() };
        self.prepare(&mut k, e, *dist);
        self.align_inputs(&mut k, *dist);
        let lay = self.layout(&k, *dist);
        let elem = Elem::of(el);
        let out = match reuse {
            Some(old) => self.reuse_or_new(old, t, &lay),
            None => self.new_like_layout(t, &lay),
        };
        if let Some(Leaf::Fill { needed: false, .. }) = k.leaves.get(&e.id) {
            self.release_kernel(&k);
            return out;
        }
        let out_data = self.emit(Op::LoadField { ptr: out, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
        // An element may raise (an int to a negative power): the result is dropped then.
        let mark = self.in_flight_mark();
        self.hold_in_flight((out, true), t);
        self.row_loop(&mut k, lay.count, &mut |l, k, iv| {
            let gi = l.global_row(iv, &lay, *ndim);
            let (x, tx) = l.elem(k, e, iv, gi);
            let x = l.coerce(x, &tx, el);
            l.emit_void(Op::StoreElem { ptr: out_data, index: iv, value: x, elem });
        });
        self.release_kernel(&k);
        self.let_go(mark);
        out
    }

    /// `a op= e` on array `dst` of type `dst_t`: one loop over `dst`'s
    /// elements writing in place, as NumPy's in-place operators do (every
    /// alias of the array sees the change; no new array is allocated).
    pub fn kernel_update(&mut self, dst: V, dst_t: &Ty, op: BinOp, value: &'a Expr) {
        let Ty::Array(el, ndim, dist) = dst_t else { return };
        let mut k = Kernel::in_place(dst);
        self.prepare_operand(&mut k, value, *ndim, *dist);
        self.align_inputs(&mut k, *dist);
        let lay = self.layout(&k, *dist);
        let data = self.emit(Op::LoadField { ptr: dst, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
        let elem = Elem::of(el);
        self.row_loop(&mut k, lay.count, &mut |l, k, iv| {
            let gi = l.global_row(iv, &lay, *ndim);
            let x = l.emit(Op::LoadElem { ptr: data, index: iv, elem }, IrTy::of(el));
            let (y, ty) = l.elem(k, value, iv, gi);
            let r = l.np_binop(op, x, el, y, &ty, el);
            l.emit_void(Op::StoreElem { ptr: data, index: iv, value: r, elem });
        });
        self.release_kernel(&k);
    }

    /// The global row index of local element `i`.
    pub(super) fn global_row(&mut self, i: V, lay: &Layout, ndim: u8) -> V {
        let row = if ndim == 2 { self.emit(Op::Int(IntOp::NpFloorDiv, i, lay.ncols), IrTy::Int) } else { i };
        self.emit(Op::Int(IntOp::Add, row, lay.offset), IrTy::Int)
    }

    /// `x.sum()`, `np.mean(x)`, ... of a (possibly fusable) array expression.
    /// `ddof=` (of std and var) is among `kwargs`.
    pub fn kernel_reduce(&mut self, input: &'a Expr, name: &str, out: &Ty, kwargs: &'a [Kwarg]) -> V {
        let ddof = match kwarg(kwargs, "ddof") {
            Some(d) => {
                let d = self.value_as(d, &Ty::Int);
                self.emit(Op::Conv(Conv::IntToFloat, d), IrTy::Float)
            }
            None => self.emit(Op::Const(Const::Float(0.0)), IrTy::Float),
        };
        let Ty::Array(el, ndim, dist) = self.ty(input) else { return self.cint(0) };
        let mut k = Kernel::default();
        self.prepare(&mut k, input, dist);
        self.align_inputs(&mut k, dist);
        let lay = self.layout(&k, dist);
        // Pairwise float sums take a leaf's row products at a time.
        if matches!(name, "mean" | "var" | "std") || (name == "sum" && *el == Ty::Float) {
            self.block_row_dots(&mut k);
        }
        let r = match name {
            "sum" if *el == Ty::Float => self.float_total(&mut k, input, &lay, ndim, None, dist),
            "sum" | "prod" | "any" | "all" => {
                let acc_t = if *el == Ty::Bool && matches!(name, "sum" | "prod") { Ty::Int } else { (*el).clone() };
                let acc_t = if matches!(name, "any" | "all") { Ty::Bool } else { acc_t };
                let v = self.fold(&mut k, input, &lay, ndim, name, &acc_t);
                self.allreduce(v, &acc_t, name, dist)
            }
            "min" | "max" => {
                self.require_nonempty(&lay, name);
                let acc_t = if *el == Ty::Bool { Ty::Int } else { (*el).clone() };
                let v = self.fold(&mut k, input, &lay, ndim, name, &acc_t);
                let v = self.allreduce(v, &acc_t, name, dist);
                if acc_t == Ty::Float {
                    self.numpy_zero_sign(input, v)
                } else {
                    self.coerce_down(v, &acc_t, out)
                }
            }
            "mean" | "var" | "std" => {
                let s = self.float_total(&mut k, input, &lay, ndim, None, dist);
                let n = self.total_count(&lay);
                let mean = self.emit(Op::Float(FloatOp::NpDiv, s, n), IrTy::Float);
                if name == "mean" {
                    mean
                } else {
                    let ss = self.float_total(&mut k, input, &lay, ndim, Some(mean), dist);
                    let dof = self.emit(Op::Float(FloatOp::Sub, n, ddof), IrTy::Float);
                    // NumPy divides by max(n - ddof, 0).
                    let fz = self.emit(Op::Const(Const::Float(0.0)), IrTy::Float);
                    let pos = self.emit(Op::FCmp(Cmp::Gt, dof, fz), IrTy::Bool);
                    let dof = self.emit(Op::Select(pos, dof, fz), IrTy::Float);
                    let var = self.emit(Op::Float(FloatOp::NpDiv, ss, dof), IrTy::Float);
                    if name == "var" {
                        var
                    } else {
                        self.emit(Op::FMath(MathFn::Sqrt, var), IrTy::Float)
                    }
                }
            }
            _ => self.arg_best(&k, input, &lay, ndim, name == "argmax", &el, dist),
        };
        self.release_kernel(&k);
        r
    }

    /// A bool result of min/max over a bool array comes back as int 0/1.
    fn coerce_down(&mut self, v: V, from: &Ty, to: &Ty) -> V {
        if *from == Ty::Int && *to == Ty::Bool {
            let z = self.cint(0);
            return self.emit(Op::ICmp(Cmp::Ne, v, z), IrTy::Bool);
        }
        v
    }

    pub(super) fn total_count(&mut self, lay: &Layout) -> V {
        let n = self.emit(Op::Int(IntOp::Mul, lay.glen, lay.ncols), IrTy::Int);
        self.emit(Op::Conv(Conv::IntToFloat, n), IrTy::Float)
    }

    fn require_nonempty(&mut self, lay: &Layout, name: &str) {
        let z = self.cint(0);
        let n = self.emit(Op::Int(IntOp::Mul, lay.glen, lay.ncols), IrTy::Int);
        let empty = self.emit(Op::ICmp(Cmp::Eq, n, z), IrTy::Bool);
        let op = if name == "min" { "minimum" } else { "maximum" };
        let msg = format!("zero-size array to reduction operation {op} which has no identity");
        self.raise_when(empty, bodo_abi::exc::VALUE_ERROR, &msg);
    }

    /// One pass folding the elements of `input` into an accumulator of type
    /// `acc_t` (float sums are pairwise, `float_total`).
    fn fold(&mut self, k: &mut Kernel, input: &'a Expr, lay: &Layout, ndim: u8, name: &str, acc_t: &Ty) -> V {
        let acc = self.new_temp(IrTy::of(acc_t));
        let init = match (name, acc_t) {
            ("prod", Ty::Float) => self.emit(Op::Const(Const::Float(1.0)), IrTy::Float),
            ("prod", _) => self.cint(1),
            ("min", Ty::Float) => self.emit(Op::Const(Const::Float(f64::INFINITY)), IrTy::Float),
            ("max", Ty::Float) => self.emit(Op::Const(Const::Float(f64::NEG_INFINITY)), IrTy::Float),
            ("min", _) => self.cint(i64::MAX),
            ("max", _) => self.cint(i64::MIN),
            ("any", _) => self.cbool(false),
            ("all", _) => self.cbool(true),
            _ => self.cint(0),
        };
        self.emit_void(Op::Store(acc, init));
        let (i, head, exit) = self.loop_begin(lay.count);
        let iv = self.emit(Op::Load(i), IrTy::Int);
        let gi = self.global_row(iv, lay, ndim);
        let (x, tx) = self.elem(k, input, iv, gi);
        // any/all read each element's truth value (NaN is true, as in NumPy).
        let x = if *acc_t == Ty::Bool { self.truthy(x, &tx) } else { self.coerce(x, &tx, acc_t) };
        let a = self.emit(Op::Load(acc), IrTy::of(acc_t));
        let nv = match (name, acc_t) {
            ("prod", Ty::Float) => self.emit(Op::Float(FloatOp::Mul, a, x), IrTy::Float),
            ("sum", _) => self.emit(Op::Int(IntOp::Add, a, x), IrTy::Int),
            ("prod", _) => self.emit(Op::Int(IntOp::Mul, a, x), IrTy::Int),
            ("any", _) => self.emit(Op::BoolOr(a, x), IrTy::Bool),
            ("all", _) => self.emit(Op::BoolAnd(a, x), IrTy::Bool),
            ("min" | "max", Ty::Float) => {
                let c = if name == "min" { Cmp::Lt } else { Cmp::Gt };
                let better = self.emit(Op::FCmp(c, x, a), IrTy::Bool);
                let nan = self.emit(Op::FCmp(Cmp::Ne, x, x), IrTy::Bool);
                let take = self.emit(Op::BoolOr(better, nan), IrTy::Bool);
                self.emit(Op::Select(take, x, a), IrTy::Float)
            }
            _ => {
                let c = if name == "min" { Cmp::Lt } else { Cmp::Gt };
                let better = self.emit(Op::ICmp(c, x, a), IrTy::Bool);
                self.emit(Op::Select(better, x, a), IrTy::Int)
            }
        };
        self.emit_void(Op::Store(acc, nv));
        self.loop_end(i, head, exit);
        self.emit(Op::Load(acc), IrTy::of(acc_t))
    }

    /// Term `i` of a float sum: the element, or its squared deviation from `mean`.
    pub(super) fn sum_term(&mut self, k: &Kernel, input: &'a Expr, i: V, lay: &Layout, ndim: u8, mean: Option<V>) -> V {
        let gi = self.global_row(i, lay, ndim);
        let (x, tx) = self.elem(k, input, i, gi);
        let x = self.coerce(x, &tx, &Ty::Float);
        match mean {
            Some(m) => {
                let d = self.emit(Op::Float(FloatOp::Sub, x, m), IrTy::Float);
                self.emit(Op::Float(FloatOp::Mul, d, d), IrTy::Float)
            }
            None => x,
        }
    }

    fn add_into(&mut self, acc: u32, x: V) {
        let a = self.emit(Op::Load(acc), IrTy::Float);
        let s = self.emit(Op::Float(FloatOp::Add, a, x), IrTy::Float);
        self.emit_void(Op::Store(acc, s));
    }

    /// A float sum of this rank's elements in NumPy's pairwise order (see
    /// `runtime/src/array/pairwise.rs`): below 8 elements one running sum
    /// from 0.0, as NumPy does; otherwise every leaf of the runtime's plan
    /// with eight accumulators, combined by the runtime. Same bits as NumPy
    /// on one rank, and eight independent add chains instead of one.
    pub(super) fn pairwise_fold(
        &mut self,
        k: &mut Kernel,
        input: &'a Expr,
        lay: &Layout,
        ndim: u8,
        mean: Option<V>,
    ) -> V {
        let acc = self.new_temp(IrTy::Float);
        let eight = self.cint(8);
        let small = self.emit(Op::ICmp(Cmp::Lt, lay.count, eight), IrTy::Bool);
        let (seq, pairwise, done) = (self.new_block(), self.new_block(), self.new_block());
        self.branch(small, seq, pairwise);

        self.cur = seq;
        let z = self.cint(0);
        self.fill_row_dots(k, (z, lay.count));
        let few = self.running_sum(k, input, lay, ndim, mean);
        self.emit_void(Op::Store(acc, few));
        self.term(Term::Jump(done));

        self.cur = pairwise;
        let plan = self.emit(Op::Rt("bodo_pw_plan", vec![lay.count]), IrTy::Ptr);
        let z = self.cint(0);
        let leaves = self.emit(Op::LoadElem { ptr: plan, index: z, elem: Elem::I64 }, IrTy::Int);
        let (l, lhead, lexit) = self.loop_begin(leaves);
        let lv = self.emit(Op::Load(l), IrTy::Int);
        let bounds = self.plan_leaf(plan, lv);
        let leaf_len = self.emit(Op::Int(IntOp::Sub, bounds.1, bounds.0), IrTy::Int);
        self.fill_row_dots(k, (bounds.0, leaf_len));
        let leaf_sum = self.leaf_sum(k, input, lay, ndim, mean, bounds);
        let two = self.cint(2);
        let sums_at = self.emit(Op::Int(IntOp::Add, leaves, two), IrTy::Int);
        let at = self.emit(Op::Int(IntOp::Add, sums_at, lv), IrTy::Int);
        self.emit_void(Op::StoreElem { ptr: plan, index: at, value: leaf_sum, elem: Elem::F64 });
        self.loop_end(l, lhead, lexit);
        let total = self.emit(Op::Rt("bodo_pw_combine", vec![plan]), IrTy::Float);
        self.emit_void(Op::Store(acc, total));
        self.term(Term::Jump(done));

        self.cur = done;
        self.emit(Op::Load(acc), IrTy::Float)
    }

    /// Below 8 terms NumPy adds them one by one from 0.0.
    pub(super) fn running_sum(&mut self, k: &Kernel, input: &'a Expr, lay: &Layout, ndim: u8, mean: Option<V>) -> V {
        let acc = self.new_temp(IrTy::Float);
        let zero = self.emit(Op::Const(Const::Float(0.0)), IrTy::Float);
        self.emit_void(Op::Store(acc, zero));
        let (i, head, exit) = self.loop_begin(lay.count);
        let iv = self.emit(Op::Load(i), IrTy::Int);
        let t = self.sum_term(k, input, iv, lay, ndim, mean);
        self.add_into(acc, t);
        self.loop_end(i, head, exit);
        self.emit(Op::Load(acc), IrTy::Float)
    }

    /// The first and end term of leaf `l` of a pairwise plan.
    pub(super) fn plan_leaf(&mut self, plan: V, l: V) -> (V, V) {
        let one = self.cint(1);
        let at_start = self.emit(Op::Int(IntOp::Add, l, one), IrTy::Int);
        let at_end = self.emit(Op::Int(IntOp::Add, at_start, one), IrTy::Int);
        let start = self.emit(Op::LoadElem { ptr: plan, index: at_start, elem: Elem::I64 }, IrTy::Int);
        let end = self.emit(Op::LoadElem { ptr: plan, index: at_end, elem: Elem::I64 }, IrTy::Int);
        (start, end)
    }

    /// The sum of terms `start..end` (at least 8) of a pairwise plan's
    /// leaf: eight accumulators, as NumPy sums a leaf.
    pub(super) fn leaf_sum(
        &mut self,
        k: &Kernel,
        input: &'a Expr,
        lay: &Layout,
        ndim: u8,
        mean: Option<V>,
        (start, end): (V, V),
    ) -> V {
        // Eight accumulators start from the leaf's first eight elements.
        let mut r = Vec::new();
        for j in 0..8 {
            let jv = self.cint(j);
            let ix = self.emit(Op::Int(IntOp::Add, start, jv), IrTy::Int);
            let t = self.sum_term(k, input, ix, lay, ndim, mean);
            let slot = self.new_temp(IrTy::Float);
            self.emit_void(Op::Store(slot, t));
            r.push(slot);
        }
        let len = self.emit(Op::Int(IntOp::Sub, end, start), IrTy::Int);
        let seven = self.cint(7);
        let tail = self.emit(Op::Int(IntOp::And, len, seven), IrTy::Int);
        let whole = self.emit(Op::Int(IntOp::Sub, len, tail), IrTy::Int);
        let three = self.cint(3);
        let blocks = self.emit(Op::Int(IntOp::LShr, whole, three), IrTy::Int);
        let one = self.cint(1);
        let more = self.emit(Op::Int(IntOp::Sub, blocks, one), IrTy::Int);
        let (b, bhead, bexit) = self.loop_begin(more);
        let bv = self.emit(Op::Load(b), IrTy::Int);
        let bv1 = self.emit(Op::Int(IntOp::Add, bv, one), IrTy::Int);
        let off = self.emit(Op::Int(IntOp::Shl, bv1, three), IrTy::Int);
        let base = self.emit(Op::Int(IntOp::Add, start, off), IrTy::Int);
        for (j, &slot) in r.iter().enumerate() {
            let jv = self.cint(j as i64);
            let ix = self.emit(Op::Int(IntOp::Add, base, jv), IrTy::Int);
            let t = self.sum_term(k, input, ix, lay, ndim, mean);
            self.add_into(slot, t);
        }
        self.loop_end(b, bhead, bexit);
        // ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then the tail.
        let mut vals: Vec<V> = r.iter().map(|&s| self.emit(Op::Load(s), IrTy::Float)).collect();
        while vals.len() > 1 {
            vals = vals.chunks(2).map(|p| self.emit(Op::Float(FloatOp::Add, p[0], p[1]), IrTy::Float)).collect();
        }
        let leaf = self.new_temp(IrTy::Float);
        self.emit_void(Op::Store(leaf, vals[0]));
        let tail_start = self.emit(Op::Int(IntOp::Add, start, whole), IrTy::Int);
        let (t, thead, texit) = self.loop_begin(tail);
        let tv = self.emit(Op::Load(t), IrTy::Int);
        let ix = self.emit(Op::Int(IntOp::Add, tail_start, tv), IrTy::Int);
        let x = self.sum_term(k, input, ix, lay, ndim, mean);
        self.add_into(leaf, x);
        self.loop_end(t, thead, texit);
        self.emit(Op::Load(leaf), IrTy::Float)
    }

    /// Combine a per-rank partial result over all ranks (distributed inputs only).
    pub fn allreduce(&mut self, v: V, t: &Ty, name: &str, dist: Dist) -> V {
        if !dist.is_dist() {
            return v;
        }
        let op = match name {
            "prod" => 1,
            "min" => 2,
            "max" => 3,
            "any" => 4,
            "all" => 5,
            _ => 0,
        };
        let opv = self.cint(op);
        match t {
            Ty::Float => self.emit(Op::Rt("bodo_allreduce_f64", vec![v, opv]), IrTy::Float),
            Ty::Bool => {
                let x = self.emit(Op::Conv(Conv::BoolToInt, v), IrTy::Int);
                let r = self.emit(Op::Rt("bodo_allreduce_i64", vec![x, opv]), IrTy::Int);
                let z = self.cint(0);
                self.emit(Op::ICmp(Cmp::Ne, r, z), IrTy::Bool)
            }
            _ => self.emit(Op::Rt("bodo_allreduce_i64", vec![v, opv]), IrTy::Int),
        }
    }

    /// `argmin`/`argmax`: the first global index of the best element (NaN wins).
    #[allow(clippy::too_many_arguments)]
    fn arg_best(
        &mut self,
        k: &Kernel,
        input: &'a Expr,
        lay: &Layout,
        ndim: u8,
        is_max: bool,
        el: &Ty,
        dist: Dist,
    ) -> V {
        let vt = if *el == Ty::Float { Ty::Float } else { Ty::Int };
        let best = self.new_temp(IrTy::of(&vt));
        let idx = self.new_temp(IrTy::Int);
        let z = if vt == Ty::Float { self.emit(Op::Const(Const::Float(0.0)), IrTy::Float) } else { self.cint(0) };
        self.emit_void(Op::Store(best, z));
        let m1 = self.cint(-1);
        self.emit_void(Op::Store(idx, m1));
        let (i, head, exit) = self.loop_begin(lay.count);
        let iv = self.emit(Op::Load(i), IrTy::Int);
        let gi = self.global_row(iv, lay, ndim);
        let (x, tx) = self.elem(k, input, iv, gi);
        let x = self.coerce(x, &tx, &vt);
        let b = self.emit(Op::Load(best), IrTy::of(&vt));
        let cur = self.emit(Op::Load(idx), IrTy::Int);
        let zero = self.cint(0);
        let first = self.emit(Op::ICmp(Cmp::Lt, cur, zero), IrTy::Bool);
        let c = if is_max { Cmp::Gt } else { Cmp::Lt };
        let better = if vt == Ty::Float {
            let bt = self.emit(Op::FCmp(c, x, b), IrTy::Bool);
            let xn = self.emit(Op::FCmp(Cmp::Ne, x, x), IrTy::Bool);
            let bn = self.emit(Op::FCmp(Cmp::Ne, b, b), IrTy::Bool);
            let bok = self.emit(Op::Not(bn), IrTy::Bool);
            let nan_win = self.emit(Op::BoolAnd(xn, bok), IrTy::Bool);
            let t = self.emit(Op::BoolAnd(bt, bok), IrTy::Bool);
            self.emit(Op::BoolOr(t, nan_win), IrTy::Bool)
        } else {
            self.emit(Op::ICmp(c, x, b), IrTy::Bool)
        };
        let take = self.emit(Op::BoolOr(first, better), IrTy::Bool);
        let nb = self.emit(Op::Select(take, x, b), IrTy::of(&vt));
        self.emit_void(Op::Store(best, nb));
        // Flat global index: offset rows before this rank plus the local position.
        let base = self.emit(Op::Int(IntOp::Mul, lay.offset, lay.ncols), IrTy::Int);
        let g = self.emit(Op::Int(IntOp::Add, base, iv), IrTy::Int);
        let ni = self.emit(Op::Select(take, g, cur), IrTy::Int);
        self.emit_void(Op::Store(idx, ni));
        self.loop_end(i, head, exit);
        let b = self.emit(Op::Load(best), IrTy::of(&vt));
        let ix = self.emit(Op::Load(idx), IrTy::Int);
        let im = self.cint(i64::from(is_max));
        let sym = if vt == Ty::Float { "bodo_allreduce_argbest_f64" } else { "bodo_allreduce_argbest_i64" };
        if dist.is_dist() {
            let r = self.emit(Op::Rt(sym, vec![b, ix, im]), IrTy::Int);
            self.check();
            r
        } else {
            let neg = self.emit(Op::ICmp(Cmp::Lt, ix, zero), IrTy::Bool);
            let which = if is_max { "argmax" } else { "argmin" };
            let msg = format!("attempt to get {which} of an empty sequence");
            self.raise_when(neg, bodo_abi::exc::VALUE_ERROR, &msg);
            ix
        }
    }
}

impl<'a> Lower<'a> {
    /// `a op b` on evaluated (borrowed) operands, one of them an array: one loop
    /// into a new array of type `t` (used by `x -= y` on array variables).
    pub fn array_binop_values(&mut self, op: BinOp, a: (V, &Ty), b: (V, &Ty), t: &Ty) -> V {
        let Ty::Array(el, ndim, dist) = t else { return self.null() };
        let mut owned = Vec::new();
        let mut lead: Option<V> = None;
        let mut ops = Vec::new();
        for (v, vt) in [a, b] {
            if let Ty::Array(e, ..) = vt {
                self.emit_void(Op::IncRef(v));
                let mut x = self.convert_dist(v, vt, &vt.with_dist(*dist));
                if let (Some(l), Dist::OneDVar) = (lead, dist) {
                    let y = self.emit(Op::Rt("bodo_arr_align", vec![x, l]), IrTy::Ptr);
                    self.check();
                    self.emit_void(Op::DecRef(x));
                    x = y;
                }
                owned.push(x);
                lead.get_or_insert(x);
                let data =
                    self.emit(Op::LoadField { ptr: x, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
                ops.push((Some(data), x, (**e).clone()));
            } else {
                ops.push((None, v, vt.clone()));
            }
        }
        let Some(lead) = lead else { return self.null() };
        let f = |l: &mut Self, off| {
            l.emit(Op::LoadField { ptr: lead, of: Obj::Array, offset: off, index: None }, IrTy::Int)
        };
        let (len, ncols, glen, offset) = (f(self, AL::LEN), f(self, AL::NCOLS), f(self, AL::GLEN), f(self, AL::OFFSET));
        if owned.len() == 2 {
            let g2 =
                self.emit(Op::LoadField { ptr: owned[1], of: Obj::Array, offset: AL::GLEN, index: None }, IrTy::Int);
            let bad = self.emit(Op::ICmp(Cmp::Ne, g2, glen), IrTy::Bool);
            let (err, ok) = (self.new_block(), self.new_block());
            self.branch(bad, err, ok);
            self.cur = err;
            let c1 = self.shown_cols(Input { arr: owned[0], read: Read::Whole });
            let c2 = self.shown_cols(Input { arr: owned[1], read: Read::Whole });
            let none = self.cint(-1);
            self.emit_void(Op::Rt("bodo_raise_broadcast", vec![glen, c1, g2, c2, none, none]));
            self.check();
            self.term(Term::Unreachable);
            self.cur = ok;
        }
        let d = self.desc(t);
        let elem = Elem::of(el);
        let dt = self.cint(elem.dtype());
        let nd = self.cint(*ndim as i64);
        let dc = self.cint(dist.code());
        let out = self.emit(Op::Rt("bodo_arr_new", vec![d, dt, nd, len, ncols, glen, offset, dc]), IrTy::Ptr);
        self.check();
        let out_data = self.emit(Op::LoadField { ptr: out, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
        let mark = self.in_flight_mark();
        self.hold_in_flight((out, true), t);
        let count = self.emit(Op::Int(IntOp::Mul, len, ncols), IrTy::Int);
        let (i, head, exit) = self.loop_begin(count);
        let iv = self.emit(Op::Load(i), IrTy::Int);
        let mut vals = Vec::new();
        for (data, v, et) in &ops {
            let x = match data {
                Some(p) => self.emit(Op::LoadElem { ptr: *p, index: iv, elem: Elem::of(et) }, IrTy::of(et)),
                None => *v,
            };
            vals.push((x, et.clone()));
        }
        let r = self.np_binop(op, vals[0].0, &vals[0].1, vals[1].0, &vals[1].1, el);
        self.emit_void(Op::StoreElem { ptr: out_data, index: iv, value: r, elem });
        self.loop_end(i, head, exit);
        self.loop_errors(dist.is_dist());
        self.let_go(mark);
        for x in owned {
            self.emit_void(Op::DecRef(x));
        }
        out
    }
}
