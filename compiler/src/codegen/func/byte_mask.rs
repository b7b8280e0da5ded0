//! `Op::ByteMask`: the positions of a separator byte in a range of at most
//! 64 bytes of a string, as the bits of a word, so that the fields of a
//! short line are found by counting trailing zeros instead of one scan per
//! field (`ir/split_fields.rs`). A range of up to 32 bytes is one vector
//! compare of the 32 bytes that end at its end (they begin inside the
//! string's object: its header holds the 32 bytes before the text), the
//! bits before the range shifted out; a longer one adds the 32 bytes from
//! its start.

use inkwell::values::IntValue;
use inkwell::IntPredicate;

use super::find_byte::VEC;
use super::{be, FnGen, R};
use crate::ir::V;

impl<'ctx> FnGen<'_, 'ctx> {
    /// `Op::ByteMask`.
    pub(super) fn byte_mask(&mut self, s: V, lo: V, hi: V, byte: u8) -> R<IntValue<'ctx>> {
        let ctx = self.g.ctx;
        let i64t = ctx.i64_type();
        let c = |k: u64| i64t.const_int(k, false);
        let sp = self.v(s)?.into_pointer_value();
        let (lo, hi) = (self.int(lo)?, self.int(hi)?);
        let n = self.b.build_int_sub(hi, lo, "").map_err(be)?;
        // The 32 bytes ending at `hi`: bit `i` is byte `hi - 32 + i`.
        let tail_at = self.b.build_int_sub(hi, c(VEC), "").map_err(be)?;
        let tail = self.vector_hits(sp, tail_at, byte)?;
        let (short, long, done) = (
            ctx.append_basic_block(self.fv, "bm.short"),
            ctx.append_basic_block(self.fv, "bm.long"),
            ctx.append_basic_block(self.fv, "bm.done"),
        );
        let fits = self.b.build_int_compare(IntPredicate::ULE, n, c(VEC), "").map_err(be)?;
        self.b.build_conditional_branch(fits, short, long).map_err(be)?;

        // Up to 32 bytes: the tail's bits from the range's start on.
        self.b.position_at_end(short);
        let before = self.b.build_int_sub(c(VEC), n, "").map_err(be)?;
        let m_short = self.b.build_right_shift(tail, before, false, "").map_err(be)?;
        self.b.build_unconditional_branch(done).map_err(be)?;

        // 33 to 64 bytes: the head's 32, and the tail's above them (where
        // the two overlap they agree).
        self.b.position_at_end(long);
        let head = self.vector_hits(sp, lo, byte)?;
        let over = self.b.build_int_sub(n, c(VEC), "").map_err(be)?;
        let high = self.b.build_left_shift(tail, over, "").map_err(be)?;
        let m_long = self.b.build_or(head, high, "").map_err(be)?;
        self.b.build_unconditional_branch(done).map_err(be)?;

        self.b.position_at_end(done);
        let m = self.b.build_phi(i64t, "bm.mask").map_err(be)?;
        m.add_incoming(&[(&m_short, short), (&m_long, long)]);
        Ok(m.as_basic_value().into_int_value())
    }
}
