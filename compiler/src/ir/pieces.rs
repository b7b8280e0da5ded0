//! Split pieces kept as byte ranges of the split string instead of string
//! objects. Two kinds of values stay ranges:
//!
//! * the variable of a loop `for w in text.split(sep)` whose every read is
//!   one that takes a range: the key of a counting update
//!   `d[w] = d.get(w, c) op e` (looked up by its bytes,
//!   `bodo_dict_piece_value_slot`, and made a string only when inserted),
//!   `float(w)`, `int(w)`, `w == "lit"` / `w != "lit"`, or the string split
//!   by `fields = w.split(sep)` (`split_fields.rs`);
//! * a field `fields[k]` of such a split: those readers take it as a
//!   range, any other read makes it a string.
//!
//! Word counting and line parsing otherwise make, hash and free one string
//! per word or field.

use std::collections::{HashMap, HashSet};

use super::lower::Lower;
use super::*;
use crate::hir::{visit, Builtin, CmpOp, Const as HConst, Expr, ExprKind, LocalId, Stmt, StmtKind, Target};
use crate::types::const_str;

/// Where a piece lies: the split string (a borrowed reference) and the
/// piece's byte range.
#[derive(Clone, Copy)]
pub struct PieceBounds {
    pub s: V,
    pub start: V,
    pub stop: V,
}

/// The loop variables of `body` that stay pieces: bound only by a
/// `for w in x.split(...)` (no `else`) and read only, inside that loop, by
/// readers of ranges. `fields` are the locals `split_fields.rs` keeps as
/// bounds (a split of `w` into one of them reads `w` as a range). Types
/// are checked where the loop is lowered.
pub fn piece_locals(body: &[Stmt], fields: &HashSet<LocalId>) -> HashSet<LocalId> {
    let mut loops = Vec::new();
    visit::statements(body, &mut |s| {
        if let StmtKind::For(Target::Local(w, _), iter, inner, orelse) = &s.kind {
            let split = matches!(&iter.kind, ExprKind::MethodCall { name, args, kwargs, .. }
                if name == "split" && args.len() <= 1 && kwargs.is_empty());
            if split && orelse.is_empty() {
                loops.push((*w, inner.as_slice()));
            }
        }
    });
    let mut defs = HashMap::new();
    crate::hir::defs::count_defs(body, &mut defs);
    let reads = crate::hir::defs::count_reads(body);
    loops
        .into_iter()
        .filter(|(w, inner)| {
            defs.get(w) == Some(&1) && reads.get(w).is_some_and(|&n| n > 0 && range_reads(inner, *w, fields) == n)
        })
        .map(|(w, _)| w)
        .collect()
}

/// How many reads of `w` in `body` take it as a range.
fn range_reads(body: &[Stmt], w: LocalId, fields: &HashSet<LocalId>) -> usize {
    let mut n = 0;
    visit::statements(body, &mut |s| {
        if counting_update(s, w) {
            n += 2;
        }
        if let StmtKind::Assign(Target::Local(f, _), value) = &s.kind {
            if let ExprKind::MethodCall { recv, name, .. } = &value.kind {
                n += usize::from(fields.contains(f) && name == "split" && recv.is_local(w));
            }
        }
    });
    visit::block_exprs(body, &mut |e| n += usize::from(range_reader(e).is_some_and(|x| x.is_local(w))));
    n
}

/// The operand `e` reads as a range when it is one: `float(x)`, `int(x)`,
/// `x == "lit"` / `x != "lit"` (either side), or `x.replace(old, new)`.
pub fn range_reader(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Call { func, args, kwargs } if kwargs.is_empty() && args.len() == 1 => {
            matches!(func.kind, ExprKind::Builtin(Builtin::Float | Builtin::Int)).then(|| &args[0])
        }
        ExprKind::MethodCall { recv, name, args, kwargs }
            if name == "replace" && args.len() == 2 && kwargs.is_empty() =>
        {
            Some(recv)
        }
        ExprKind::Compare(a, chain) => match chain.as_slice() {
            [(CmpOp::Eq | CmpOp::Ne, b)] => match (&a.kind, &b.kind) {
                (_, ExprKind::Const(HConst::Str(_))) => Some(a),
                (ExprKind::Const(HConst::Str(_)), _) => Some(b),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Whether `s` is the statement `d[w] = d.get(w, c) op e`.
fn counting_update(s: &Stmt, w: LocalId) -> bool {
    let StmtKind::Assign(Target::Index(obj, key, _), value) = &s.kind else { return false };
    let ExprKind::Bin(_, read, _) = &value.kind else { return false };
    let ExprKind::MethodCall { recv, name, args, kwargs } = &read.kind else { return false };
    let same_dict = matches!((&obj.kind, &recv.kind), (ExprKind::Local(a), ExprKind::Local(b)) if a == b);
    name == "get" && args.len() == 2 && kwargs.is_empty() && same_dict && key.is_local(w) && args[0].is_local(w)
}

impl<'a> Lower<'a> {
    /// Whether `e` reads a piece kept as a range (a loop variable of a
    /// loop being lowered, or a field of a split kept as bounds).
    pub(super) fn is_piece(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Local(l) => self.pieces.contains_key(l),
            _ => self.field_read(e).is_some(),
        }
    }

    /// The bounds of the piece `e` reads (see [`Self::is_piece`]); reading
    /// a field checks its index first (IndexError).
    pub(super) fn piece_of(&mut self, e: &Expr) -> Option<PieceBounds> {
        match &e.kind {
            ExprKind::Local(l) => self.pieces.get(l).copied(),
            _ => {
                let (f, k) = self.field_read(e)?;
                Some(self.field_bounds(f, k))
            }
        }
    }

    /// The piece as a new string (owned), for readers that need one.
    pub(super) fn piece_string(&mut self, p: PieceBounds) -> V {
        self.emit(Op::Rt("bodo_str_byte_piece", vec![p.s, p.start, p.stop]), IrTy::Ptr)
    }

    /// `e` when it is a range reader of a piece (see [`range_reader`]),
    /// lowered without making the piece a string.
    pub(super) fn piece_reader(&mut self, e: &'a Expr) -> Option<V> {
        let x = range_reader(e).filter(|x| self.is_piece(x) && self.ty(x) == Ty::Str)?;
        let p = self.piece_of(x).expect("a piece");
        let v = match &e.kind {
            ExprKind::Call { func, .. } => {
                let v = match func.kind {
                    ExprKind::Builtin(Builtin::Int) => {
                        self.emit(Op::Rt("bodo_str_piece_to_int", vec![p.s, p.start, p.stop]), IrTy::Int)
                    }
                    _ => self.emit(Op::PieceToFloat { s: p.s, start: p.start, stop: p.stop }, IrTy::Float),
                };
                self.check();
                v
            }
            ExprKind::Compare(a, chain) => {
                let lit = if std::ptr::eq(x, &**a) { &chain[0].1 } else { &**a };
                let ExprKind::Const(HConst::Str(text)) = &lit.kind else { unreachable!("range_reader") };
                let eq =
                    self.emit(Op::PieceEqLit { s: p.s, start: p.start, stop: p.stop, text: text.clone() }, IrTy::Bool);
                match chain[0].0 {
                    CmpOp::Ne => self.emit(Op::Not(eq), IrTy::Bool),
                    _ => eq,
                }
            }
            ExprKind::MethodCall { args, .. } => match (const_str(&args[0]), const_str(&args[1])) {
                (Some(old), Some(new)) => {
                    let (old, new) = (old.to_string(), new.to_string());
                    self.emit(Op::ReplaceLit { s: p.s, start: p.start, stop: p.stop, old, new, upper: None }, IrTy::Ptr)
                }
                _ => {
                    let (old, new) = (self.expr_borrow(&args[0]), self.expr_borrow(&args[1]));
                    let r = self
                        .emit(Op::Rt("bodo_str_piece_replace", vec![p.s, p.start, p.stop, old.0, new.0]), IrTy::Ptr);
                    self.release(new, &Ty::Str);
                    self.release(old, &Ty::Str);
                    r
                }
            },
            _ => unreachable!("range_reader"),
        };
        Some(v)
    }
}
