//! Splits read only by constant index: `fields = line.split(";")` whose
//! every read is `fields[k]` (a constant `k >= 0`) or `len(fields)` is no
//! list. Its binding records the split string and the bounds of its first
//! pieces (nothing allocated: inline for a one-byte separator when
//! `len(fields)` is not read, all separators of a line of up to 64 bytes
//! found by one or two vector compares, else `bodo_str_split_bounds`), and a
//! read `fields[k]` is a piece of that string (`pieces.rs`): `float()`,
//! `int()` and comparisons with a literal read it in place, anything else
//! makes it a string. When the split string is itself a piece (the loop
//! variable of `for line in text.split("\n")`), the bounds are within it.

use std::collections::{HashMap, HashSet};

use super::lower::Lower;
use super::pieces::PieceBounds;
use super::*;
use crate::hir::{visit, Builtin, Const as HConst, Expr, ExprKind, Func, LocalId, StmtKind, Target};
use bodo_abi::layout;

/// Pieces a split keeps bounds for at most: the constant indices read.
const MAX_FIELDS: i64 = 16;

/// Where a kept split lives while the function runs: the split string
/// (owned), how many pieces it has (when the split is counted; else how
/// many of the first `bounds.len() / 2` exist), and the start and end of
/// each of those.
pub struct FieldSlots {
    pub src: u32,
    pub count: u32,
    pub bounds: Vec<u32>,
    pub counted: bool,
}

/// How a kept split is read: the bounds of its first `cap` pieces, and
/// whether `len()` of it is (which needs all its pieces counted).
#[derive(Clone, Copy)]
pub struct FieldUse {
    pub cap: usize,
    pub counted: bool,
}

/// The locals of `func` kept as split bounds, with how each is read;
/// `typed_ok` says whether a local is a `list[str]` split of a `str`.
pub fn field_splits(func: &Func, typed_ok: &dyn Fn(LocalId) -> bool) -> HashMap<LocalId, FieldUse> {
    let mut splits = HashMap::new();
    visit::statements(&func.body, &mut |s| {
        if let StmtKind::Assign(Target::Local(f, _), value) = &s.kind {
            if split_sep(value).is_some() {
                splits.insert(*f, FieldUse { cap: 1, counted: false });
            }
        }
    });
    let mut defs = HashMap::new();
    crate::hir::defs::count_defs(&func.body, &mut defs);
    splits.retain(|f, _| defs.get(f) == Some(&1) && !func.params.iter().any(|p| p.local == *f) && typed_ok(*f));
    // Every read must be an index or a length: count those, and all reads.
    let mut good: HashMap<LocalId, usize> = HashMap::new();
    let all = crate::hir::defs::count_reads(&func.body);
    visit::block_exprs(&func.body, &mut |e| match &e.kind {
        ExprKind::Index(obj, idx) => {
            if let (ExprKind::Local(f), Some(k)) = (&obj.kind, const_index(idx)) {
                if let Some(u) = splits.get_mut(f) {
                    u.cap = u.cap.max(k + 1);
                    *good.entry(*f).or_default() += 1;
                }
            }
        }
        ExprKind::Call { func, args, kwargs } if matches!(func.kind, ExprKind::Builtin(Builtin::Len)) => {
            if let ([a], true) = (args.as_slice(), kwargs.is_empty()) {
                if let ExprKind::Local(f) = a.kind {
                    *good.entry(f).or_default() += 1;
                    if let Some(u) = splits.get_mut(&f) {
                        u.counted = true;
                    }
                }
            }
        }
        _ => {}
    });
    splits.retain(|f, _| all.get(f).copied().unwrap_or(0) == good.get(f).copied().unwrap_or(0));
    splits
}

/// The literal separator when `e` is `x.split("sep")`.
fn split_sep(e: &Expr) -> Option<&str> {
    let ExprKind::MethodCall { name, args, kwargs, .. } = &e.kind else { return None };
    match (name.as_str(), args.as_slice()) {
        ("split", [a]) if kwargs.is_empty() => match &a.kind {
            ExprKind::Const(HConst::Str(sep)) if !sep.is_empty() => Some(sep),
            _ => None,
        },
        _ => None,
    }
}

/// The index `k` of a read `f[k]` a kept split serves.
fn const_index(idx: &Expr) -> Option<usize> {
    match idx.kind {
        ExprKind::Const(HConst::Int(k)) if (0..MAX_FIELDS).contains(&k) => Some(k as usize),
        _ => None,
    }
}

impl<'a> Lower<'a> {
    /// Hidden locals for every kept split of the function.
    pub(super) fn field_slots(&mut self, uses: &HashMap<LocalId, FieldUse>) -> HashMap<LocalId, FieldSlots> {
        uses.iter()
            .map(|(&f, u)| {
                let src = self.new_owned_temp();
                let count = self.new_temp(IrTy::Int);
                let bounds = (0..2 * u.cap).map(|_| self.new_temp(IrTy::Int)).collect();
                (f, FieldSlots { src, count, bounds, counted: u.counted })
            })
            .collect()
    }

    /// `f = x.split("sep")` of a kept split: records `x` and where its
    /// first pieces lie. Returns false for any other statement.
    pub(super) fn bind_fields(&mut self, target: &Target, value: &'a Expr) -> bool {
        let Target::Local(f, _) = target else { return false };
        let (Some(slots), Some(sep)) = (self.fields.get(f), split_sep(value)) else { return false };
        let (src, count, bounds, counted) = (slots.src, slots.count, slots.bounds.clone(), slots.counted);
        let ExprKind::MethodCall { recv, .. } = &value.kind else { return false };
        let old = self.emit(Op::Load(src), IrTy::Ptr);
        let (s, lo, hi) = match self.piece_of(recv) {
            Some(p) => {
                // A line of a split loop is a piece of the same text each
                // time: holding the text again is then nothing to do.
                let (x, y) = (self.emit(Op::ToSlot(old), IrTy::Slot), self.emit(Op::ToSlot(p.s), IrTy::Slot));
                let same = self.emit(Op::ICmp(Cmp::Eq, x, y), IrTy::Bool);
                let (rebind, held) = (self.new_block(), self.new_block());
                self.branch(same, held, rebind);
                self.cur = rebind;
                self.emit_void(Op::IncRef(p.s));
                self.emit_void(Op::DecRef(old));
                self.emit_void(Op::Store(src, p.s));
                self.jump_to(held);
                (p.s, p.start, p.stop)
            }
            None => {
                let s = self.expr(recv);
                let z = self.cint(0);
                let n =
                    self.emit(Op::LoadField { ptr: s, of: Obj::Str, offset: layout::str::LEN, index: None }, IrTy::Int);
                self.emit_void(Op::DecRef(old));
                self.emit_void(Op::Store(src, s));
                (s, z, n)
            }
        };
        if let ([byte], false) = (sep.as_bytes(), counted) {
            self.scan_fields(s, *byte, lo, hi, count, &bounds);
            return true;
        }
        let sep = self.cstr(sep);
        let zeros: Vec<V> = bounds.iter().map(|_| self.emit(Op::Const(Const::Int(0)), IrTy::Slot)).collect();
        let out = self.emit(Op::SlotArray(zeros), IrTy::Ptr);
        let cap = self.cint(bounds.len() as i64 / 2);
        let n = self.emit(Op::Rt("bodo_str_split_bounds", vec![s, sep, lo, hi, out, cap]), IrTy::Int);
        self.check();
        self.emit_void(Op::Store(count, n));
        for (i, b) in bounds.iter().enumerate() {
            let x = self.emit(Op::LoadField { ptr: out, of: Obj::Any, offset: 8 * i as u64, index: None }, IrTy::Int);
            self.emit_void(Op::Store(*b, x));
        }
        true
    }

    /// The bounds of the first pieces of `s[lo:hi].split(sep)` for a
    /// one-byte `sep`, and in `count` how many of them exist (all a read
    /// `f[k]` needs to raise IndexError). Past the last piece a start is
    /// `hi + 1` and its end `hi`. A range of at most `BYTE_MASK_MAX` bytes
    /// (a line of a record) has all its separators found at once, then
    /// each end is the next one's position (`Op::ByteMask`); a longer one
    /// finds each end by scanning from the previous (`Op::FindByte`).
    fn scan_fields(&mut self, s: V, byte: u8, lo: V, hi: V, count: u32, bounds: &[u32]) {
        let n = self.emit(Op::Int(IntOp::Sub, hi, lo), IrTy::Int);
        let max = self.cint(BYTE_MASK_MAX);
        let short = self.emit(Op::ICmp(Cmp::Le, n, max), IrTy::Bool);
        let (masked, scanned, done) = (self.new_block(), self.new_block(), self.new_block());
        self.branch(short, masked, scanned);
        // A short range: the separators' positions as bits, each piece
        // ending at the lowest one left (at `hi` when none is), which is
        // then cleared.
        self.cur = masked;
        let (one, zero) = (self.cint(1), self.cint(0));
        let mut mask = self.emit(Op::ByteMask { s, lo, hi, byte }, IrTy::Int);
        self.store_fields(lo, count, bounds, |l, _, more| {
            let tz = l.emit(Op::TrailingZeros(mask), IrTy::Int);
            let at = l.emit(Op::Int(IntOp::Add, lo, tz), IrTy::Int);
            let some = l.emit(Op::ICmp(Cmp::Ne, mask, zero), IrTy::Bool);
            let end = l.emit(Op::Select(some, at, hi), IrTy::Int);
            if !more {
                return (end, None);
            }
            let less = l.emit(Op::Int(IntOp::Sub, mask, one), IrTy::Int);
            mask = l.emit(Op::Int(IntOp::And, mask, less), IrTy::Int);
            (end, Some(some))
        });
        self.jump_to(done);
        // A longer one: each end scanned for from the previous.
        self.cur = scanned;
        self.store_fields(lo, count, bounds, |l, start, more| {
            let past = l.emit(Op::ICmp(Cmp::Gt, start, hi), IrTy::Bool);
            let pos = l.emit(Op::Select(past, hi, start), IrTy::Int);
            let end = l.emit(Op::FindByte { s, pos, end: hi, byte }, IrTy::Int);
            (end, more.then(|| l.emit(Op::ICmp(Cmp::Lt, end, hi), IrTy::Bool)))
        });
        self.jump_to(done);
        self.cur = done;
    }

    /// Stores the bounds of the first pieces from `lo`, and in `count` how
    /// many of them exist: `next(start, more)` gives a piece's end and,
    /// when `more` pieces follow, whether a separator ended it (then the
    /// next starts after it).
    fn store_fields(
        &mut self,
        lo: V,
        count: u32,
        bounds: &[u32],
        mut next: impl FnMut(&mut Self, V, bool) -> (V, Option<V>),
    ) {
        let one = self.cint(1);
        let (mut start, mut n) = (lo, one);
        let pieces = bounds.len() / 2;
        for (k, pair) in bounds.chunks(2).enumerate() {
            let (end, found) = next(self, start, k + 1 < pieces);
            self.emit_void(Op::Store(pair[0], start));
            self.emit_void(Op::Store(pair[1], end));
            if let Some(found) = found {
                let m = self.emit(Op::Conv(Conv::BoolToInt, found), IrTy::Int);
                n = self.emit(Op::Int(IntOp::Add, n, m), IrTy::Int);
                start = self.emit(Op::Int(IntOp::Add, end, one), IrTy::Int);
            }
        }
        self.emit_void(Op::Store(count, n));
    }

    /// The split and index when `e` is `f[k]` of a kept split.
    pub(super) fn field_read(&self, e: &Expr) -> Option<(LocalId, usize)> {
        let ExprKind::Index(obj, idx) = &e.kind else { return None };
        match obj.kind {
            ExprKind::Local(f) if self.fields.contains_key(&f) => Some((f, const_index(idx)?)),
            _ => None,
        }
    }

    /// The bounds of piece `k` of kept split `f`; IndexError when it has
    /// fewer pieces.
    pub(super) fn field_bounds(&mut self, f: LocalId, k: usize) -> PieceBounds {
        let slots = &self.fields[&f];
        let (src, count, start, stop) = (slots.src, slots.count, slots.bounds[2 * k], slots.bounds[2 * k + 1]);
        let n = self.emit(Op::Load(count), IrTy::Int);
        let kv = self.cint(k as i64);
        let bad = self.emit(Op::ICmp(Cmp::Ge, kv, n), IrTy::Bool);
        self.raise_when(bad, bodo_abi::exc::INDEX_ERROR, "list index out of range");
        let s = self.emit(Op::Load(src), IrTy::Ptr);
        let (start, stop) = (self.emit(Op::Load(start), IrTy::Int), self.emit(Op::Load(stop), IrTy::Int));
        PieceBounds { s, start, stop }
    }

    /// Whether `e` reads a kept split itself (`len(f)`).
    pub(super) fn fields_of(&self, e: &Expr) -> bool {
        matches!(e.kind, ExprKind::Local(f) if self.fields.contains_key(&f))
    }

    /// `len(f)` of a kept split.
    pub(super) fn field_count(&mut self, e: &Expr) -> Option<V> {
        let count = match e.kind {
            ExprKind::Local(f) => self.fields.get(&f)?.count,
            _ => return None,
        };
        Some(self.emit(Op::Load(count), IrTy::Int))
    }
}

/// The kept splits' locals, for [`super::pieces::piece_locals`].
pub fn field_locals(uses: &HashMap<LocalId, FieldUse>) -> HashSet<LocalId> {
    uses.keys().copied().collect()
}
