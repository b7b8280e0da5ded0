//! `Op::FindByte`, inline: where the next separator byte of a split loop
//! is. The eight bytes from the start are read at once when they lie
//! before the end; a shorter range is read at once as the eight bytes
//! that end at the end (or the string's first word). Past the first eight
//! bytes the scan reads the string's data a whole aligned word at a time,
//! which stays inside its block: a string's block holds its header, its
//! text and NUL rounded up to 8 bytes, and the data starts 8-aligned
//! (ARCHITECTURE.md). A match at or past the end (at most the length) is
//! outside the range, or padding, and means none. Inline rather than a
//! runtime call, a split loop over short fields finds each end in a few
//! instructions.

use inkwell::types::VectorType;
use inkwell::values::{BasicValue, IntValue, PointerValue};
use inkwell::IntPredicate;

use super::{be, FnGen, R};
use crate::ir::V;
use bodo_abi::layout;

/// Every byte's low seven bits, and every byte's high bit.
const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const HIGHS: u64 = 0x8080_8080_8080_8080;
/// The bytes one vector compare covers (its mask is an i32).
pub(super) const VEC: u64 = 32;

impl<'ctx> FnGen<'_, 'ctx> {
    /// `Op::FindByte`: the first `byte` at or after `pos` and before `end`
    /// in string `s`.
    pub(super) fn find_byte(&mut self, s: V, pos: V, end: V, byte: u8) -> R<IntValue<'ctx>> {
        let ctx = self.g.ctx;
        let i64t = ctx.i64_type();
        let c = |k: u64| i64t.const_int(k, false);
        let sp = self.v(s)?.into_pointer_value();
        let pos = self.int(pos)?;
        let end = self.int(end)?;
        let (scan, next, found, done) = (
            ctx.append_basic_block(self.fv, "fb.scan"),
            ctx.append_basic_block(self.fv, "fb.next"),
            ctx.append_basic_block(self.fv, "fb.found"),
            ctx.append_basic_block(self.fv, "fb.done"),
        );
        let (window, win_found, win_miss, short) = (
            ctx.append_basic_block(self.fv, "fb.window"),
            ctx.append_basic_block(self.fv, "fb.window.found"),
            ctx.append_basic_block(self.fv, "fb.window.miss"),
            ctx.append_basic_block(self.fv, "fb.short"),
        );
        // The eight bytes from `pos`, when they lie before `end`: one
        // unaligned read that holds the whole of a short field, whose end
        // is then found whatever the field's length (with aligned words, a
        // random length decided which word held it: a mispredicted branch
        // per word of a text of words).
        let win_end = self.b.build_int_add(pos, c(8), "").map_err(be)?;
        let fits = self.b.build_int_compare(IntPredicate::SLE, win_end, end, "").map_err(be)?;
        self.b.build_conditional_branch(fits, window, short).map_err(be)?;
        self.b.position_at_end(window);
        let w = self.data_word(sp, pos, 1)?;
        let win_hits = self.word_hits(w, byte)?;
        let none = self.b.build_int_compare(IntPredicate::EQ, win_hits, c(0), "").map_err(be)?;
        self.b.build_conditional_branch(none, win_miss, win_found).map_err(be)?;
        self.b.position_at_end(win_found);
        let tz = self.count_trailing_zeros(win_hits, true)?;
        let win_i =
            self.b.build_int_add(pos, self.b.build_right_shift(tz, c(3), false, "").map_err(be)?, "").map_err(be)?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        // None in the window: 32 bytes at a time while they lie before
        // `end` (a line of a text is then found in one step, whatever its
        // length), then the 32 bytes that end at `end`.
        let (vec_check, vec, vec_next, vec_found) = (
            ctx.append_basic_block(self.fv, "fb.vec.check"),
            ctx.append_basic_block(self.fv, "fb.vec"),
            ctx.append_basic_block(self.fv, "fb.vec.next"),
            ctx.append_basic_block(self.fv, "fb.vec.found"),
        );
        let (tail_check, vec_tail, word_tail) = (
            ctx.append_basic_block(self.fv, "fb.tail.check"),
            ctx.append_basic_block(self.fv, "fb.vec.tail"),
            ctx.append_basic_block(self.fv, "fb.word.tail"),
        );
        self.b.position_at_end(win_miss);
        self.b.build_unconditional_branch(vec_check).map_err(be)?;
        self.b.position_at_end(vec_check);
        let vat = self.b.build_phi(i64t, "fb.vat").map_err(be)?;
        let vat_v = vat.as_basic_value().into_int_value();
        let vat_end = self.b.build_int_add(vat_v, c(VEC), "").map_err(be)?;
        let vfits = self.b.build_int_compare(IntPredicate::SLE, vat_end, end, "").map_err(be)?;
        self.b.build_conditional_branch(vfits, vec, tail_check).map_err(be)?;
        self.b.position_at_end(vec);
        let vhits = self.vector_hits(sp, vat_v, byte)?;
        let none = self.b.build_int_compare(IntPredicate::EQ, vhits, c(0), "").map_err(be)?;
        self.b.build_conditional_branch(none, vec_next, vec_found).map_err(be)?;
        self.b.position_at_end(vec_next);
        self.b.build_unconditional_branch(vec_check).map_err(be)?;
        vat.add_incoming(&[(&win_end, win_miss), (&vat_end, vec_next)]);
        self.b.position_at_end(vec_found);
        let tz = self.count_trailing_zeros(vhits, true)?;
        let vec_i = self.b.build_int_add(vat_v, tz, "").map_err(be)?;
        self.b.build_unconditional_branch(done).map_err(be)?;

        // The rest, under 32 bytes, lies in the 32 bytes that end at `end`
        // once the string has them: one read, the bytes before `vat`
        // masked out, none meaning `end`.
        self.b.position_at_end(tail_check);
        let big = self.b.build_int_compare(IntPredicate::SGE, end, c(VEC), "").map_err(be)?;
        self.b.build_conditional_branch(big, vec_tail, word_tail).map_err(be)?;
        self.b.position_at_end(vec_tail);
        let base = self.b.build_int_sub(end, c(VEC), "").map_err(be)?;
        let thits = self.vector_hits(sp, base, byte)?;
        // At most 32: a shift of the 64-bit mask, never out of range.
        let skip = self.b.build_int_sub(vat_v, base, "").map_err(be)?;
        let keep = self.b.build_left_shift(c(u64::MAX), skip, "").map_err(be)?;
        let thits = self.b.build_and(thits, keep, "").map_err(be)?;
        let tz = self.count_trailing_zeros(thits, false)?;
        let at = self.b.build_int_add(base, tz, "").map_err(be)?;
        let past = self.b.build_int_compare(IntPredicate::SGT, at, end, "").map_err(be)?;
        let tail_i = self.b.build_select(past, end, at, "").map_err(be)?.into_int_value();
        self.b.build_unconditional_branch(done).map_err(be)?;

        // A string shorter than 32 bytes: aligned words from the one that
        // holds `vat` (`next` adds the 8).
        self.b.position_at_end(word_tail);
        let resume = self.b.build_int_sub(self.b.build_and(vat_v, c(!7), "").map_err(be)?, c(8), "").map_err(be)?;
        self.b.build_unconditional_branch(scan).map_err(be)?;

        // A range of under eight bytes (the last field of a line) lies in
        // the eight bytes that end at `end`, or, near the string's start,
        // in its first word: one read with no branch. Bytes before `pos`
        // are masked out (all of them for an empty range, which finds
        // none), and a hit past `end` (in the first word) or none at all
        // gives `end`.
        self.b.position_at_end(short);
        let from_end = self.b.build_int_sub(end, c(8), "").map_err(be)?;
        let room = self.b.build_int_compare(IntPredicate::SGE, from_end, c(0), "").map_err(be)?;
        let base = self.b.build_select(room, from_end, c(0), "").map_err(be)?.into_int_value();
        let w = self.data_word(sp, base, 1)?;
        let hits = self.word_hits(w, byte)?;
        let skip = self.b.build_int_sub(pos, base, "").map_err(be)?;
        let empty = self.b.build_int_compare(IntPredicate::EQ, skip, c(8), "").map_err(be)?;
        let shift = self.b.build_left_shift(self.b.build_and(skip, c(7), "").map_err(be)?, c(3), "").map_err(be)?;
        let keep = self.b.build_left_shift(c(u64::MAX), shift, "").map_err(be)?;
        let keep = self.b.build_select(empty, c(0), keep, "").map_err(be)?.into_int_value();
        let hits = self.b.build_and(hits, keep, "").map_err(be)?;
        let tz = self.count_trailing_zeros(hits, false)?;
        let at =
            self.b.build_int_add(base, self.b.build_right_shift(tz, c(3), false, "").map_err(be)?, "").map_err(be)?;
        let past = self.b.build_int_compare(IntPredicate::SGT, at, end, "").map_err(be)?;
        let short_i = self.b.build_select(past, end, at, "").map_err(be)?.into_int_value();
        self.b.build_unconditional_branch(done).map_err(be)?;

        // scan: the word at `at` has `hits`; none sends the scan on.
        self.b.position_at_end(scan);
        let at = self.b.build_phi(i64t, "fb.at").map_err(be)?;
        let hits = self.b.build_phi(i64t, "fb.hits").map_err(be)?;
        let (at_v, hits_v) = (at.as_basic_value().into_int_value(), hits.as_basic_value().into_int_value());
        let none = self.b.build_int_compare(IntPredicate::EQ, hits_v, c(0), "").map_err(be)?;
        self.b.build_conditional_branch(none, next, found).map_err(be)?;

        // next: the following word, unless it starts at or past the length.
        self.b.position_at_end(next);
        let at2 = self.b.build_int_add(at_v, c(8), "").map_err(be)?;
        let past = self.b.build_int_compare(IntPredicate::SGE, at2, end, "").map_err(be)?;
        let more = ctx.append_basic_block(self.fv, "fb.more");
        self.b.build_conditional_branch(past, done, more).map_err(be)?;
        self.b.position_at_end(more);
        let hits2 = self.byte_hits(sp, at2, byte)?;
        self.b.build_unconditional_branch(scan).map_err(be)?;
        at.add_incoming(&[(&resume, word_tail), (&at2, more)]);
        hits.add_incoming(&[(&c(0), word_tail), (&hits2, more)]);

        // found: the first hit's byte, padding past the length meaning none.
        self.b.position_at_end(found);
        // Zero is not an input here, so its result may be poison.
        let tz = self.count_trailing_zeros(hits_v, true)?;
        let i =
            self.b.build_int_add(at_v, self.b.build_right_shift(tz, c(3), false, "").map_err(be)?, "").map_err(be)?;
        let beyond = self.b.build_int_compare(IntPredicate::SGT, i, end, "").map_err(be)?;
        let i = self.b.build_select(beyond, end, i, "").map_err(be)?.into_int_value();
        self.b.build_unconditional_branch(done).map_err(be)?;

        self.b.position_at_end(done);
        let r = self.b.build_phi(i64t, "fb.end").map_err(be)?;
        r.add_incoming(&[
            (&end, next),
            (&i, found),
            (&win_i, win_found),
            (&short_i, short),
            (&vec_i, vec_found),
            (&tail_i, vec_tail),
        ]);
        Ok(r.as_basic_value().into_int_value())
    }

    /// A mask with bit `k` set when byte `at + k` of string `sp`'s data is
    /// `byte`, for the [`VEC`] bytes from `at` (unaligned; the caller
    /// knows they lie inside the text): one vector compare.
    pub(super) fn vector_hits(&mut self, sp: PointerValue<'ctx>, at: IntValue<'ctx>, byte: u8) -> R<IntValue<'ctx>> {
        let ctx = self.g.ctx;
        let (i8t, i64t) = (ctx.i8_type(), ctx.i64_type());
        let vt = i8t.vec_type(VEC as u32);
        let off = self.b.build_int_add(at, i64t.const_int(layout::str::DATA, false), "").map_err(be)?;
        // SAFETY: inside the text (the callers' conditions).
        let p = unsafe { self.b.build_in_bounds_gep(i8t, sp, &[off], "") }.map_err(be)?;
        let load = self.b.build_load(vt, p, "bytes").map_err(be)?;
        load.as_instruction_value().ok_or("internal error: load")?.set_alignment(1).map_err(|e| e.to_string())?;
        let want = VectorType::const_vector(&vec![i8t.const_int(u64::from(byte), false); VEC as usize]);
        let eq = self.b.build_int_compare(IntPredicate::EQ, load.into_vector_value(), want, "").map_err(be)?;
        let bits = self.b.build_bit_cast(eq, ctx.i32_type(), "").map_err(be)?;
        self.b.build_int_z_extend(bits.into_int_value(), i64t, "").map_err(be)
    }

    /// A mask of the high bit of every byte equal to `byte` in the aligned
    /// word at data offset `at` of string `sp`, exactly (no false hits).
    fn byte_hits(&mut self, sp: PointerValue<'ctx>, at: IntValue<'ctx>, byte: u8) -> R<IntValue<'ctx>> {
        let w = self.data_word(sp, at, 8)?;
        self.word_hits(w, byte)
    }

    /// The eight bytes at data offset `at` of string `sp`, read with
    /// alignment `align`; the caller knows they lie inside its block.
    fn data_word(&mut self, sp: PointerValue<'ctx>, at: IntValue<'ctx>, align: u32) -> R<IntValue<'ctx>> {
        let ctx = self.g.ctx;
        let i64t = ctx.i64_type();
        let off = self.b.build_int_add(at, i64t.const_int(layout::str::DATA, false), "").map_err(be)?;
        // SAFETY: inside the string's block (the callers' conditions).
        let p = unsafe { self.b.build_in_bounds_gep(ctx.i8_type(), sp, &[off], "") }.map_err(be)?;
        let load = self.b.build_load(i64t, p, "word").map_err(be)?;
        load.as_instruction_value().ok_or("internal error: load")?.set_alignment(align).map_err(|e| e.to_string())?;
        Ok(load.into_int_value())
    }

    /// A mask of the high bit of every byte of `w` equal to `byte`, exactly.
    fn word_hits(&mut self, w: IntValue<'ctx>, byte: u8) -> R<IntValue<'ctx>> {
        let c = |k: u64| self.g.ctx.i64_type().const_int(k, false);
        let x = self.b.build_xor(w, c(u64::from(byte) * 0x0101_0101_0101_0101), "").map_err(be)?;
        let low = self.b.build_int_add(self.b.build_and(x, c(LOWS), "").map_err(be)?, c(LOWS), "").map_err(be)?;
        let zero_or_high = self.b.build_or(low, x, "").map_err(be)?;
        let zeros = self.b.build_not(zero_or_high, "").map_err(be)?;
        self.b.build_and(zeros, c(HIGHS), "").map_err(be)
    }

    /// `llvm.cttz` of an i64: its trailing zero bits (64 for 0, unless
    /// `zero_is_poison`, which lets LLVM use `tzcnt`/`bsf` without a test).
    pub(super) fn count_trailing_zeros(&mut self, x: IntValue<'ctx>, zero_is_poison: bool) -> R<IntValue<'ctx>> {
        let ctx = self.g.ctx;
        let flag = ctx.bool_type().const_int(u64::from(zero_is_poison), false);
        Ok(self.call_intrinsic("llvm.cttz", &[ctx.i64_type().into()], &[x.into(), flag.into()])?.into_int_value())
    }
}
