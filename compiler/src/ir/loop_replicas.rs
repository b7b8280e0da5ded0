//! Whole copies of distributed arrays for sequential loops that read them
//! element by element.
//!
//! `a[i]` of a distributed array is a collective: the rank holding element
//! `i` gives it to all (`bodo_arr_getitem`). In a plain `for i in
//! range(n)` loop over the array that is one collective per iteration,
//! microseconds each, so `s += a[i] * a[i]` over 5M elements took 90 s on 2
//! ranks where it takes 0.1 s on one. When such a loop only reads the
//! array, it is cheaper to gather the array once before the loop and read
//! the copy: the runtime does so when the loop runs long enough for the
//! collectives to cost more than the copy (`bodo_arr_replica`), and the
//! body's reads go to the copy when there is one.
//!
//! The copy stays right only while nothing writes the array during the
//! loop, so an array gets one only when the body uses it solely through
//! element reads (and `len`/`.shape`), and every array the body writes is
//! one no other name can reach (`private_arrays.rs`) and no call in the
//! body could write an array (user functions given arrays, in-place
//! methods and NumPy's in-place functions).

use std::collections::{HashMap, HashSet};

use super::lower::Lower;
use super::*;
use crate::hir::{visit, Block as HBlock, Builtin, CompGen, Expr, ExprKind, LocalId, Module, Stmt, StmtKind, Target};

/// Array methods that change the array they are called on.
const MUTATING_METHODS: &[&str] = &["sort", "fill", "resize", "put", "itemset", "partition", "setflags"];

/// NumPy functions that change an array argument.
const MUTATING_NP: &[&str] = &["copyto", "put", "place", "putmask", "fill_diagonal", "shuffle"];

/// The copy of one array for one loop.
pub(super) struct Replica {
    array: LocalId,
    /// The hidden owned local holding the copy (or null).
    keep: u32,
    /// The enclosing loop's copy of the same array.
    outer: Option<u32>,
}

impl<'a> Lower<'a> {
    /// The distributed array locals that a sequential loop with `body`
    /// reads only by element, when no write in the body can reach them.
    pub(super) fn replica_candidates(&self, body: &'a HBlock) -> Vec<LocalId> {
        self.replicable(body, &[], &[])
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

    /// The arrays read only by element in `stmts` and `exprs`, with the
    /// locals of `targets` assigned as well.
    fn replicable(&self, stmts: &'a [Stmt], exprs: &[&'a Expr], targets: &[&Target]) -> Vec<LocalId> {
        if self.prange.is_some() {
            return Vec::new();
        }
        // Per local: its appearances, and those as the array of an element
        // read, of `len` or of a size attribute.
        let mut seen: HashMap<LocalId, (usize, usize)> = HashMap::new();
        let mut element_reads: Vec<LocalId> = Vec::new();
        let mut other_uses: HashSet<LocalId> = HashSet::new();
        let mut writes_shared = false;
        for t in targets {
            self.note_target(t, &mut other_uses, &mut writes_shared);
        }
        visit::statements(stmts, &mut |s| match &s.kind {
            StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..) | StmtKind::For(t, ..) => {
                self.note_target(t, &mut other_uses, &mut writes_shared)
            }
            StmtKind::Try { handlers, .. } => other_uses.extend(handlers.iter().filter_map(|h| h.name)),
            _ => {}
        });
        let mut each = |e: &Expr| match &e.kind {
            ExprKind::Local(l) => seen.entry(*l).or_default().0 += 1,
            ExprKind::Index(a, _) if !matches!(self.ty(e), Ty::Array(..)) => {
                if let ExprKind::Local(l) = a.kind {
                    element_reads.push(l);
                    seen.entry(l).or_default().1 += 1;
                }
            }
            ExprKind::Attr(a, name) if matches!(name.as_str(), "shape" | "size" | "ndim") => {
                if let ExprKind::Local(l) = a.kind {
                    seen.entry(l).or_default().1 += 1;
                }
            }
            ExprKind::Call { func, args, .. } => {
                writes_shared |= match &func.kind {
                    ExprKind::Func(_) => args.iter().any(|a| matches!(self.ty(a), Ty::Array(..))),
                    ExprKind::ModAttr(Module::Numpy, n) => MUTATING_NP.contains(&n.rsplit('.').next().unwrap_or(n)),
                    ExprKind::Builtin(Builtin::Len) => {
                        if let [Expr { kind: ExprKind::Local(l), .. }] = args.as_slice() {
                            seen.entry(*l).or_default().1 += 1;
                        }
                        false
                    }
                    _ => false,
                };
            }
            ExprKind::MethodCall { recv, name, .. } => {
                writes_shared |= matches!(self.ty(recv), Ty::Array(..)) && MUTATING_METHODS.contains(&name.as_str());
            }
            _ => {}
        };
        visit::block_exprs(stmts, &mut each);
        for e in exprs {
            visit::expr(e, &mut each);
        }
        other_uses.extend(seen.into_iter().filter(|(_, (all, reads))| all != reads).map(|(l, _)| l));
        if writes_shared {
            return Vec::new();
        }
        let mut out: Vec<LocalId> = Vec::new();
        for l in element_reads {
            let dist = matches!(self.local_ty(l), Ty::Array(_, _, d) if d.is_dist());
            if dist && !other_uses.contains(&l) && !out.contains(&l) {
                out.push(l);
            }
        }
        out
    }

    /// Records what an assignment target changes: a local it rebinds, and
    /// whether it writes elements of an array another name may reach.
    fn note_target(&self, t: &Target, rebound: &mut HashSet<LocalId>, writes_shared: &mut bool) {
        match t {
            Target::Local(l, _) => {
                rebound.insert(*l);
            }
            Target::Tuple(ts, _) => ts.iter().for_each(|t| self.note_target(t, rebound, writes_shared)),
            Target::Index(obj, ..) => match obj.kind {
                ExprKind::Local(l) => {
                    rebound.insert(l);
                    *writes_shared |= matches!(self.ty(obj), Ty::Array(..)) && !self.private.contains(&l);
                }
                _ => *writes_shared |= matches!(self.ty(obj), Ty::Array(..)),
            },
        }
    }

    /// Before a sequential loop of `trips` iterations: a whole copy of each
    /// of `arrays` for the body's element reads, where the runtime finds
    /// one worth making (else null, and reads stay collectives). Each copy
    /// lives in a hidden owned local, so a `return` from the loop frees it.
    /// Returns each array with its copy's local and the mapping it replaced,
    /// for [`Self::free_replicas`] and [`Self::end_replicas`].
    pub(super) fn begin_replicas(&mut self, arrays: &[LocalId], trips: V) -> Vec<Replica> {
        let mut saved = Vec::new();
        for &l in arrays {
            let a = self.emit(Op::Load(l), IrTy::Ptr);
            let outer = match self.replicas.get(&l) {
                Some(&keep) => self.emit(Op::Load(keep), IrTy::Ptr),
                None => self.null(),
            };
            let r = self.emit(Op::Rt("bodo_arr_replica", vec![a, trips, outer]), IrTy::Ptr);
            self.check();
            let keep = self.new_owned_temp();
            // A copy left by an exception that skipped the loop's end.
            let old = self.emit(Op::Load(keep), IrTy::Ptr);
            self.emit_void(Op::DecRef(old));
            self.emit_void(Op::Store(keep, r));
            saved.push(Replica { array: l, keep, outer: self.replicas.insert(l, keep) });
        }
        saved
    }

    /// Frees the copies of [`Self::begin_replicas`] on a way out of the loop.
    pub(super) fn free_replicas(&mut self, saved: &[Replica]) {
        for r in saved {
            let v = self.emit(Op::Load(r.keep), IrTy::Ptr);
            self.emit_void(Op::DecRef(v));
            let n = self.null();
            self.emit_void(Op::Store(r.keep, n));
        }
    }

    /// After the loop body: reads of the arrays go back to the enclosing
    /// loop's copies, if any.
    pub(super) fn end_replicas(&mut self, saved: &[Replica]) {
        for r in saved {
            match r.outer {
                Some(keep) => self.replicas.insert(r.array, keep),
                None => self.replicas.remove(&r.array),
            };
        }
    }

    /// `arr[idx]`, one element of a distributed array read from the loop's
    /// whole copy when there is one; `None` when `arr` has no copy here.
    pub(super) fn replica_read(&mut self, arr: &'a Expr, idx: &'a Expr, el: &Ty, d: crate::types::Dist) -> Option<V> {
        let ExprKind::Local(l) = arr.kind else { return None };
        let keep = *self.replicas.get(&l)?;
        let (row, col) = match &idx.kind {
            ExprKind::Tuple(items) if items.len() == 2 => (&items[0], Some(&items[1])),
            _ => (idx, None),
        };
        let i = self.int_value(row);
        let j = col.map(|c| self.int_value(c));
        let a = self.emit(Op::Load(l), IrTy::Ptr);
        let r = self.emit(Op::Load(keep), IrTy::Ptr);
        let none = self.emit(Op::IsNull(r), IrTy::Bool);
        let res = self.new_temp(IrTy::of(el));
        let (slow, fast, done) = (self.new_block(), self.new_block(), self.new_block());
        self.branch(none, slow, fast);
        for (b, src, dist) in [(fast, r, crate::types::Dist::Rep), (slow, a, d)] {
            self.cur = b;
            let x = match j {
                Some(j) => {
                    let s = self.emit(Op::Rt("bodo_arr_getitem2", vec![src, i, j]), IrTy::Slot);
                    self.check();
                    self.slot_value(s, el)
                }
                None => self.scalar_get(src, i, el, dist),
            };
            self.emit_void(Op::Store(res, x));
            self.jump_to(done);
        }
        self.cur = done;
        Some(self.emit(Op::Load(res), IrTy::of(el)))
    }
}
