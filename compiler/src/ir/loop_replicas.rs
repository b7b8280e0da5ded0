//! Whole copies of distributed arrays for sequential loops that use them
//! element by element.
//!
//! `a[i]` of a distributed array is a collective: the rank holding element
//! `i` gives it to all (`bodo_arr_getitem`). A plain loop over the array
//! (`for i in range(n)`, `while i < n`, a comprehension) makes one per
//! iteration, microseconds each, so `s += a[i] * b[i]` over 5M elements
//! took 90 s on 2 ranks where it takes 0.1 s on one. Such a loop reads a
//! whole copy instead once it has made as many collective reads as a copy
//! costs (`bodo_arr_replica_limit`): every rank runs the loop alike, so
//! all gather the copy at the same read. An array that is whole on the
//! rank (one rank, or replicated) is its own copy from the start.
//!
//! The copy stays right only while the loop alone writes the array, and
//! writes each element into both the array (its owner's rows, as always)
//! and the copy. So an array gets one only when the loop body uses it
//! solely through element reads and writes (and `len`/`.shape`); an array
//! the body writes must be one no other name can reach
//! (`private_arrays.rs`), and no write or call in the body may reach any
//! other array (user functions given arrays, in-place methods and NumPy's
//! in-place functions).

use std::collections::{HashMap, HashSet};

use super::lower::Lower;
use super::*;
use crate::hir::{visit, Block as HBlock, Builtin, CompGen, Expr, ExprKind, LocalId, Module, Stmt, StmtKind, Target};
use crate::types::Dist;

/// Array methods that change the array they are called on.
const MUTATING_METHODS: &[&str] = &["sort", "fill", "resize", "put", "itemset", "partition", "setflags"];

/// NumPy functions that change an array argument.
const MUTATING_NP: &[&str] = &["copyto", "put", "place", "putmask", "fill_diagonal", "shuffle"];

/// The copy of one array for the outermost loop that uses it by element.
#[derive(Clone, Copy)]
pub(super) struct Replica {
    array: LocalId,
    /// Hidden owned local: the copy, or null before it is made.
    keep: u32,
    /// Hidden int locals: the collective reads made so far, and how many
    /// make a copy worth it.
    reads: u32,
    limit: u32,
}

impl<'a> Lower<'a> {
    /// The distributed array locals that a sequential loop with `body` (and
    /// a `while` condition) uses only by element, when no write in the
    /// body reaches another array.
    pub(super) fn replica_candidates(&self, body: &'a HBlock, cond: Option<&'a Expr>) -> Vec<LocalId> {
        self.replicable(body, cond.as_slice(), &[])
    }

    /// The same for one level of a comprehension: the generators after it
    /// (`rest`), its conditions and its element (and value).
    pub(super) fn comp_replica_candidates(
        &self,
        g: &'a CompGen,
        rest: &'a [CompGen],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Vec<LocalId> {
        let mut exprs: Vec<&Expr> = g.conds.iter().chain([elt]).chain(value).collect();
        let mut targets = Vec::new();
        for r in rest {
            exprs.push(&r.iter);
            exprs.extend(&r.conds);
            targets.push(&r.target);
        }
        self.replicable(&[], &exprs, &targets)
    }

    /// The arrays used only by element in `stmts` and `exprs`, with the
    /// locals of `targets` assigned as well.
    fn replicable(&self, stmts: &'a [Stmt], exprs: &[&'a Expr], targets: &[&Target]) -> Vec<LocalId> {
        if self.prange.is_some() {
            return Vec::new();
        }
        let mut uses = Uses::default();
        for t in targets {
            self.note_target(t, &mut uses);
        }
        visit::statements(stmts, &mut |s| match &s.kind {
            StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..) | StmtKind::For(t, ..) => {
                self.note_target(t, &mut uses)
            }
            StmtKind::Try { handlers, .. } => uses.other.extend(handlers.iter().filter_map(|h| h.name)),
            _ => {}
        });
        let mut each = |e: &Expr| self.note_expr(e, &mut uses);
        visit::block_exprs(stmts, &mut each);
        for e in exprs {
            visit::expr(e, &mut each);
        }
        if uses.writes_shared {
            return Vec::new();
        }
        let other: HashSet<LocalId> =
            uses.seen.iter().filter(|(_, (all, by_element))| all != by_element).map(|(l, _)| *l).collect();
        let mut out: Vec<LocalId> = Vec::new();
        for l in uses.elements {
            let dist = matches!(self.local_ty(l), Ty::Array(_, _, d) if d.is_dist());
            if dist && !other.contains(&l) && !uses.other.contains(&l) && !out.contains(&l) {
                out.push(l);
            }
        }
        out
    }

    /// Records what an assignment target does: rebinds a local, writes an
    /// element of a private array (an element use), or writes an array
    /// another name may reach.
    fn note_target(&self, t: &Target, uses: &mut Uses) {
        match t {
            Target::Local(l, _) => {
                uses.other.insert(*l);
            }
            Target::Tuple(ts, _) => ts.iter().for_each(|t| self.note_target(t, uses)),
            Target::Index(obj, idx, _) => match obj.kind {
                ExprKind::Local(l) if self.private.contains(&l) && self.is_element_index(obj, idx) => {
                    uses.elements.push(l);
                    uses.seen.entry(l).or_default().1 += 1;
                }
                ExprKind::Local(l) => {
                    uses.other.insert(l);
                    uses.writes_shared |= matches!(self.ty(obj), Ty::Array(..));
                }
                _ => uses.writes_shared |= matches!(self.ty(obj), Ty::Array(..)),
            },
        }
    }

    /// Records one expression's part in `uses` (its parts are visited too).
    fn note_expr(&self, e: &Expr, uses: &mut Uses) {
        match &e.kind {
            ExprKind::Local(l) => uses.seen.entry(*l).or_default().0 += 1,
            ExprKind::Index(a, idx) if self.is_element_index(a, idx) => {
                if let ExprKind::Local(l) = a.kind {
                    uses.elements.push(l);
                    uses.seen.entry(l).or_default().1 += 1;
                }
            }
            ExprKind::Attr(a, name) if matches!(name.as_str(), "shape" | "size" | "ndim") => {
                if let ExprKind::Local(l) = a.kind {
                    uses.seen.entry(l).or_default().1 += 1;
                }
            }
            ExprKind::Call { func, args, .. } => match &func.kind {
                ExprKind::Func(_) => uses.writes_shared |= args.iter().any(|a| matches!(self.ty(a), Ty::Array(..))),
                ExprKind::ModAttr(Module::Numpy, n) => {
                    uses.writes_shared |= MUTATING_NP.contains(&n.rsplit('.').next().unwrap_or(n))
                }
                ExprKind::Builtin(Builtin::Len) => {
                    if let [Expr { kind: ExprKind::Local(l), .. }] = args.as_slice() {
                        uses.seen.entry(*l).or_default().1 += 1;
                    }
                }
                _ => {}
            },
            ExprKind::MethodCall { recv, name, .. } => {
                uses.writes_shared |=
                    matches!(self.ty(recv), Ty::Array(..)) && MUTATING_METHODS.contains(&name.as_str())
            }
            _ => {}
        }
    }

    /// Whether `arr[idx]` is one element of an array: an int index of a
    /// 1D array, two of a 2D one.
    fn is_element_index(&self, arr: &Expr, idx: &Expr) -> bool {
        let is_int = |e: &Expr| self.ty(e) == Ty::Int;
        match (self.ty(arr), &idx.kind) {
            (Ty::Array(_, 1, _), _) => is_int(idx),
            (Ty::Array(_, 2, _), ExprKind::Tuple(items)) => items.len() == 2 && items.iter().all(is_int),
            _ => false,
        }
    }

    /// At the start of a sequential loop: the copy state of each of
    /// `arrays` that no enclosing loop already keeps (nested loops share
    /// the outermost one's copy and read count). Returns them for
    /// [`Self::free_replicas`] and [`Self::end_replicas`].
    pub(super) fn begin_replicas(&mut self, arrays: &[LocalId]) -> Vec<Replica> {
        let mut fresh = Vec::new();
        for &l in arrays {
            if self.replicas.contains_key(&l) {
                continue;
            }
            let a = self.emit(Op::Load(l), IrTy::Ptr);
            let whole = self.emit(Op::Rt("bodo_arr_replica_whole", vec![a]), IrTy::Ptr);
            let keep = self.new_owned_temp();
            // A copy left by an exception that skipped the loop's end.
            let old = self.emit(Op::Load(keep), IrTy::Ptr);
            self.emit_void(Op::DecRef(old));
            self.emit_void(Op::Store(keep, whole));
            let (reads, limit) = (self.new_temp(IrTy::Int), self.new_temp(IrTy::Int));
            let zero = self.cint(0);
            self.emit_void(Op::Store(reads, zero));
            let n = self.emit(Op::Rt("bodo_arr_replica_limit", vec![a]), IrTy::Int);
            self.emit_void(Op::Store(limit, n));
            let r = Replica { array: l, keep, reads, limit };
            self.replicas.insert(l, r);
            fresh.push(r);
        }
        fresh
    }

    /// Frees the copies of [`Self::begin_replicas`] on a way out of the loop.
    pub(super) fn free_replicas(&mut self, fresh: &[Replica]) {
        for r in fresh {
            let v = self.emit(Op::Load(r.keep), IrTy::Ptr);
            self.emit_void(Op::DecRef(v));
            let n = self.null();
            self.emit_void(Op::Store(r.keep, n));
        }
    }

    /// After the loop body: reads of the arrays are collectives again.
    pub(super) fn end_replicas(&mut self, fresh: &[Replica]) {
        for r in fresh {
            self.replicas.remove(&r.array);
        }
    }

    /// The copy of `arr` for an element access in a loop that keeps one,
    /// with the index values.
    pub(super) fn replica_access(&mut self, arr: &'a Expr, idx: &'a Expr) -> Option<(Replica, V, Option<V>)> {
        let ExprKind::Local(l) = arr.kind else { return None };
        let r = *self.replicas.get(&l)?;
        let (row, col) = match &idx.kind {
            ExprKind::Tuple(items) if items.len() == 2 => (&items[0], Some(&items[1])),
            _ => (idx, None),
        };
        let i = self.int_value(row);
        let j = col.map(|c| self.int_value(c));
        Some((r, i, j))
    }

    /// `arr[idx]`, one element of a distributed array, in a loop that keeps
    /// a copy of it: read from the copy, or collectively until the reads
    /// reach the limit, when the copy is gathered. `None` when `arr` has no
    /// copy here.
    pub(super) fn replica_read(&mut self, arr: &'a Expr, idx: &'a Expr, el: &Ty, d: Dist) -> Option<V> {
        let (r, i, j) = self.replica_access(arr, idx)?;
        Some(self.replica_read_at(r, i, j, el, d))
    }

    /// Element `(i[, j])` of the array of copy `r` (see [`Self::replica_read`]).
    pub(super) fn replica_read_at(&mut self, r: Replica, i: V, j: Option<V>, el: &Ty, d: Dist) -> V {
        let a = self.emit(Op::Load(r.array), IrTy::Ptr);
        let copy = self.emit(Op::Load(r.keep), IrTy::Ptr);
        let none = self.emit(Op::IsNull(copy), IrTy::Bool);
        let res = self.new_temp(IrTy::of(el));
        let (count, fast, gather, slow, done) =
            (self.new_block(), self.new_block(), self.new_block(), self.new_block(), self.new_block());
        self.branch(none, count, fast);
        self.cur = count;
        let one = self.cint(1);
        let n = self.emit(Op::Load(r.reads), IrTy::Int);
        let n = self.emit(Op::Int(IntOp::Add, n, one), IrTy::Int);
        self.emit_void(Op::Store(r.reads, n));
        let limit = self.emit(Op::Load(r.limit), IrTy::Int);
        let enough = self.emit(Op::ICmp(Cmp::Ge, n, limit), IrTy::Bool);
        self.branch(enough, gather, slow);
        self.cur = gather;
        let whole = self.emit(Op::Rt("bodo_arr_gather", vec![a]), IrTy::Ptr);
        self.check();
        self.emit_void(Op::Store(r.keep, whole));
        self.jump_to(fast);
        for (b, dist) in [(fast, Dist::Rep), (slow, d)] {
            self.cur = b;
            let src = if dist.is_dist() { a } else { self.emit(Op::Load(r.keep), IrTy::Ptr) };
            let x = self.element_get(src, i, j, el, dist);
            self.emit_void(Op::Store(res, x));
            self.jump_to(done);
        }
        self.emit(Op::Load(res), IrTy::of(el))
    }

    /// `arr[idx] = v` (slot `s`) in a loop that keeps a copy of `arr`: the
    /// array's owner writes its element as always, and every rank writes
    /// its copy. `false` when `arr` has no copy here.
    pub(super) fn replica_write(&mut self, arr: &'a Expr, idx: &'a Expr, s: V) -> bool {
        let Some((r, i, j)) = self.replica_access(arr, idx) else { return false };
        self.replica_write_at(r, i, j, s);
        true
    }

    /// Stores slot `s` at `(i[, j])` of the array of copy `r` and of the copy.
    pub(super) fn replica_write_at(&mut self, r: Replica, i: V, j: Option<V>, s: V) {
        let a = self.emit(Op::Load(r.array), IrTy::Ptr);
        self.element_set(a, i, j, s);
        // A copy that is the array itself (whole on this rank) is written
        // twice, harmlessly.
        let copy = self.emit(Op::Load(r.keep), IrTy::Ptr);
        let none = self.emit(Op::IsNull(copy), IrTy::Bool);
        let (write, done) = (self.new_block(), self.new_block());
        self.branch(none, done, write);
        self.cur = write;
        self.element_set(copy, i, j, s);
        self.jump_to(done);
    }
}

/// How a loop body uses locals.
#[derive(Default)]
struct Uses {
    /// Per local: its appearances in expressions, and those as the array of
    /// an element access, of `len` or of a size attribute.
    seen: HashMap<LocalId, (usize, usize)>,
    /// Locals accessed by element.
    elements: Vec<LocalId>,
    /// Locals rebound, or written otherwise than by element.
    other: HashSet<LocalId>,
    /// Whether the body may write an array that other names reach.
    writes_shared: bool,
}
