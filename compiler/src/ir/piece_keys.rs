//! Split pieces that are only ever a dict key: in
//! `for w in text.split(sep): counts[w] = counts.get(w, 0) + 1`, with `w`
//! read nowhere else in the function, each piece is looked up by its bytes
//! in the text (`bodo_dict_piece_value_slot`) and becomes a string object
//! only when it is a new key. Word counting otherwise makes, hashes and
//! frees one string per word.

use std::collections::HashSet;

use super::lower::Lower;
use super::*;
use crate::hir::{visit, Expr, ExprKind, LocalId, Stmt, StmtKind, Target};

/// Where the current piece of a split loop lies: the loop variable, the
/// split string and the piece's byte range.
#[derive(Clone, Copy)]
pub struct PieceBounds {
    pub local: LocalId,
    pub s: V,
    pub start: V,
    pub stop: V,
}

/// The loop variables of `body` that may stay pieces: bound by a
/// `for w in x.split(...)` (no `else`) whose body is the one statement
/// `d[w] = d.get(w, c) op e`, and read only by that statement's two `w`s.
/// Types are checked where the loop is lowered.
pub fn piece_keys(body: &[Stmt]) -> HashSet<LocalId> {
    let mut candidates = HashSet::new();
    visit::statements(body, &mut |s| {
        if let StmtKind::For(Target::Local(w, _), iter, inner, orelse) = &s.kind {
            let split = matches!(&iter.kind, ExprKind::MethodCall { name, args, kwargs, .. }
                if name == "split" && args.len() <= 1 && kwargs.is_empty());
            if split && orelse.is_empty() && counting_update(inner, *w) {
                candidates.insert(*w);
            }
        }
    });
    let mut reads: std::collections::HashMap<LocalId, usize> = std::collections::HashMap::new();
    visit::block_exprs(body, &mut |e| {
        if let ExprKind::Local(l) = e.kind {
            if candidates.contains(&l) {
                *reads.entry(l).or_default() += 1;
            }
        }
    });
    candidates.retain(|l| reads.get(l) == Some(&2));
    candidates
}

/// Whether `body` is the single statement `d[w] = d.get(w, c) op e`.
fn counting_update(body: &[Stmt], w: LocalId) -> bool {
    let [stmt] = body else { return false };
    let StmtKind::Assign(Target::Index(obj, key, _), value) = &stmt.kind else { return false };
    let ExprKind::Bin(_, read, _) = &value.kind else { return false };
    let ExprKind::MethodCall { recv, name, args, kwargs } = &read.kind else { return false };
    let is_w = |e: &Expr| matches!(e.kind, ExprKind::Local(l) if l == w);
    let same_dict = matches!((&obj.kind, &recv.kind), (ExprKind::Local(a), ExprKind::Local(b)) if a == b);
    name == "get" && args.len() == 2 && kwargs.is_empty() && same_dict && is_w(key) && is_w(&args[0])
}

impl<'a> Lower<'a> {
    /// The bounds of the current piece when `e` reads a loop variable
    /// kept as one.
    pub(super) fn piece_of(&self, e: &Expr) -> Option<PieceBounds> {
        match (&e.kind, self.piece) {
            (ExprKind::Local(l), Some(p)) if p.local == *l => Some(p),
            _ => None,
        }
    }

    /// The current piece as a new string (owned): any read of the loop
    /// variable other than the dict probe.
    pub(super) fn piece_string(&mut self, p: PieceBounds) -> V {
        self.emit(Op::Rt("bodo_str_byte_piece", vec![p.s, p.start, p.stop]), IrTy::Ptr)
    }
}
