//! `Op::ReplaceLit`, inline: `s.replace(old, new)` (or a split field's
//! `fields[1].replace(old, new)`) with literal `old` (1 to 8 bytes) and
//! `new` (at most 8), when the text is ASCII, at most 8 bytes, holds `old`
//! at most once and the result fits 8 bytes: the cleaning of a record's
//! field (`"item-12".replace("item-", "")`, `"1,234".replace(",", "")`).
//! The runtime's general replace costs about 200 instructions and a call
//! for that; this about 50 and the allocation. Anything else calls
//! `bodo_str_piece_replace`, which is exact for every case.
//!
//! The text is one 8-byte load: from `min(start, len - 8)`, which stays
//! inside the string object whatever the length (a short string's read
//! starts in its 32-byte header), shifted so that the text starts at byte
//! 0. The match starts are the bits of one mask: for each byte `old[j]`, a
//! vector compare of the 8 bytes gives the positions holding it, shifted
//! down by `j`; their intersection, limited to the starts where `old` fits
//! before the end, holds the positions where all of `old` matches. One bit
//! or none is the whole answer (two, which an `old` that overlaps itself
//! may give, go to the runtime). The result is assembled in a register,
//! the text before the match, `new`, the text after it, and stored with
//! one word and the NUL into a new string (`str_heap.rs`), whose block
//! holds at least 8 bytes of text. Bytes
//! past the NUL are unused in every string. A `.upper()`/`.lower()` of the
//! result folded into the op (`ir/lower_calls.rs`) cases the word before
//! the store, when `new` is ASCII (the text is).
//!
//! A shift by a byte count of 0 to 15 is two shifts by half as many bits,
//! so that a shift by 64 bits (a word moved out entirely) is defined.

use inkwell::types::VectorType;
use inkwell::values::{BasicValue, BasicValueEnum, IntValue, PointerValue};
use inkwell::IntPredicate;

use super::{be, FnGen, R};
use crate::ir::{Obj, V};
use bodo_abi::layout;

/// The longest text, `old`, `new` and result replaced inline: one word.
const WIDTH: u64 = 8;

/// Whether `old` and `new` allow the inline replace.
fn inline_literals(old: &[u8], new: &[u8]) -> bool {
    (1..=WIDTH).contains(&(old.len() as u64)) && new.len() as u64 <= WIDTH
}

impl<'ctx> FnGen<'_, 'ctx> {
    /// `Op::ReplaceLit`: bytes `start..stop` of string `s` with every
    /// `old` replaced by `new`, as a new string, cased as `upper` says
    /// (see `Op::ReplaceLit`).
    pub(super) fn replace_lit(
        &mut self,
        s: V,
        start: V,
        stop: V,
        (old, new): (&str, &str),
        upper: Option<bool>,
    ) -> R<PointerValue<'ctx>> {
        let sp = self.v(s)?.into_pointer_value();
        let (start, stop) = (self.int(start)?, self.int(stop)?);
        let (old_v, new_v) = (self.g.string(old), self.g.string(new));
        let slow_args = [sp.into(), start.into(), stop.into(), old_v.into(), new_v.into()];
        // Only an ASCII `new` is cased by the word's arithmetic.
        if !inline_literals(old.as_bytes(), new.as_bytes()) || (upper.is_some() && !new.is_ascii()) {
            return self.replace_call(&slow_args, upper);
        }
        let ctx = self.g.ctx;
        let i64t = ctx.i64_type();
        let c = |k: u64| i64t.const_int(k, false);
        let (fast, build, slow, done) = (
            ctx.append_basic_block(self.fv, "rl.fast"),
            ctx.append_basic_block(self.fv, "rl.build"),
            ctx.append_basic_block(self.fv, "rl.slow"),
            ctx.append_basic_block(self.fv, "rl.done"),
        );

        // An ASCII text of at most 8 bytes.
        let n = self.b.build_int_sub(stop, start, "").map_err(be)?;
        let len = self.load_field(sp, Obj::Str, layout::str::LEN)?;
        let nchars = self.load_field(sp, Obj::Str, layout::str::NCHARS)?;
        let ascii = self.b.build_int_compare(IntPredicate::EQ, len, nchars, "").map_err(be)?;
        let short = self.b.build_int_compare(IntPredicate::ULE, n, c(WIDTH), "").map_err(be)?;
        let ok = self.b.build_and(ascii, short, "").map_err(be)?;
        self.b.build_conditional_branch(ok, fast, slow).map_err(be)?;

        // fast: the text in a register, the matches as a mask, the result's
        // length; at most one match and a result of at most 8 bytes go on.
        self.b.position_at_end(fast);
        let last = self.b.build_int_sub(len, c(WIDTH), "").map_err(be)?;
        let before = self.b.build_int_compare(IntPredicate::SLT, start, last, "").map_err(be)?;
        let at = self.b.build_select(before, start, last, "").map_err(be)?.into_int_value();
        let off = self.b.build_int_add(at, c(layout::str::DATA), "").map_err(be)?;
        // SAFETY: inside the string object (module doc).
        let p = unsafe { self.b.build_in_bounds_gep(ctx.i8_type(), sp, &[off], "") }.map_err(be)?;
        let window = self.b.build_load(i64t, p, "window").map_err(be)?;
        window.as_instruction_value().ok_or("internal error: load")?.set_alignment(1).map_err(|e| e.to_string())?;
        let skip = self.b.build_int_sub(start, at, "").map_err(be)?;
        let text = self.shift_bytes(window.into_int_value(), skip, false)?;
        let mask = self.match_mask(text, n, old.as_bytes())?;
        let hits = self.count_ones(mask)?;
        // Wrapping: a shorter `new` subtracts.
        let grow = |k: usize| c((k as u64).wrapping_sub(old.len() as u64));
        let out_len = self.b.build_int_mul(hits, grow(new.len()), "").map_err(be)?;
        let out_len = self.b.build_int_add(n, out_len, "").map_err(be)?;
        let out_chars = self.b.build_int_mul(hits, grow(new.chars().count()), "").map_err(be)?;
        let out_chars = self.b.build_int_add(n, out_chars, "").map_err(be)?;
        let one = self.b.build_int_compare(IntPredicate::ULE, hits, c(1), "").map_err(be)?;
        let fits = self.b.build_int_compare(IntPredicate::ULE, out_len, c(WIDTH), "").map_err(be)?;
        let go = self.b.build_and(one, fits, "").map_err(be)?;
        self.b.build_conditional_branch(go, build, slow).map_err(be)?;

        // build: before the match, `new`, after it (the text when none).
        self.b.position_at_end(build);
        // The match's start, 7 when there is none (never used then).
        let seven = self.b.build_or(mask, c(1 << 7), "").map_err(be)?;
        let i = self.count_trailing_zeros(seven, true)?;
        let below = self.shift_bytes(c(u64::MAX), i, true)?;
        let head = self.b.build_and(text, self.b.build_not(below, "").map_err(be)?, "").map_err(be)?;
        let mut word = [0u8; 8];
        word[..new.len()].copy_from_slice(new.as_bytes());
        let mid = self.shift_bytes(c(u64::from_le_bytes(word)), i, true)?;
        let end = self.b.build_int_add(i, c(old.len() as u64), "").map_err(be)?;
        let rest = self.shift_bytes(text, end, false)?;
        let to = self.b.build_int_add(i, c(new.len() as u64), "").map_err(be)?;
        let rest = self.shift_bytes(rest, to, true)?;
        let replaced = self.b.build_or(self.b.build_or(head, mid, "").map_err(be)?, rest, "").map_err(be)?;
        let none = self.b.build_int_compare(IntPredicate::EQ, hits, c(0), "").map_err(be)?;
        let mut out = self.b.build_select(none, text, replaced, "").map_err(be)?.into_int_value();
        if let Some(up) = upper {
            out = self.ascii_case(out, up)?;
        }
        let obj = self.str_alloc(out_len, out_chars)?;
        let data = self.field(obj, layout::str::DATA)?;
        self.store_text_word(data, out)?;
        // SAFETY: the NUL's byte is part of the block.
        let nul = unsafe { self.b.build_in_bounds_gep(ctx.i8_type(), data, &[out_len], "") }.map_err(be)?;
        self.store_text_word(nul, ctx.i8_type().const_zero())?;
        let built = self.b.get_insert_block().ok_or("internal error: no block")?;
        self.b.build_unconditional_branch(done).map_err(be)?;

        self.b.position_at_end(slow);
        let r = self.replace_call(&slow_args, upper)?;
        let slow = self.b.get_insert_block().ok_or("internal error: no block")?;
        self.b.build_unconditional_branch(done).map_err(be)?;

        self.b.position_at_end(done);
        let phi = self.b.build_phi(self.g.ptr(), "replaced").map_err(be)?;
        phi.add_incoming(&[(&obj, built), (&r, slow)]);
        Ok(phi.as_basic_value().into_pointer_value())
    }

    /// The runtime's replace with `args`, then its case map when `upper`
    /// says (in place: the new string is owned).
    fn replace_call(&mut self, args: &[BasicValueEnum<'ctx>], upper: Option<bool>) -> R<PointerValue<'ctx>> {
        let r = self.call_rt("bodo_str_piece_replace", args)?.ok_or("internal error: bodo_str_piece_replace")?;
        let Some(up) = upper else { return Ok(r.into_pointer_value()) };
        let up = self.g.ctx.i8_type().const_int(u64::from(up), false);
        let r = self.call_rt("bodo_str_case_owned", &[r, up.into()])?.ok_or("internal error: bodo_str_case_owned")?;
        Ok(r.into_pointer_value())
    }

    /// The ASCII word `w` with a-z made A-Z when `upper`, else A-Z made
    /// a-z: the runtime's `str::word_case`.
    fn ascii_case(&mut self, w: IntValue<'ctx>, upper: bool) -> R<IntValue<'ctx>> {
        let c = |k: u64| self.g.ctx.i64_type().const_int(k, false);
        const ONES: u64 = 0x0101_0101_0101_0101;
        let (first, last) = if upper { (b'a', b'z') } else { (b'A', b'Z') };
        // A byte's high bit: its low seven bits are at least `first` and not
        // more than `last` (no sum carries into the next byte; all bytes are
        // ASCII here).
        let low = self.b.build_and(w, c(0x7f7f_7f7f_7f7f_7f7f), "").map_err(be)?;
        let from = self.b.build_int_add(low, c(ONES * u64::from(0x80 - first)), "").map_err(be)?;
        let past = self.b.build_int_add(low, c(ONES * u64::from(0x7f - last)), "").map_err(be)?;
        let hit = self.b.build_and(from, self.b.build_not(past, "").map_err(be)?, "").map_err(be)?;
        let hit = self.b.build_and(hit, c(0x8080_8080_8080_8080), "").map_err(be)?;
        // The high bit shifted down two is the case bit, 0x20.
        let bit = self.b.build_right_shift(hit, c(2), false, "").map_err(be)?;
        self.b.build_xor(w, bit, "").map_err(be)
    }

    /// The positions `i` (bits of an i64) where all of `old` matches the
    /// bytes of `text` from `i` and ends by byte `n <= 8`.
    fn match_mask(&mut self, text: IntValue<'ctx>, n: IntValue<'ctx>, old: &[u8]) -> R<IntValue<'ctx>> {
        let ctx = self.g.ctx;
        let (i8t, i64t) = (ctx.i8_type(), ctx.i64_type());
        let c = |k: u64| i64t.const_int(k, false);
        let bytes = self.b.build_bit_cast(text, i8t.vec_type(WIDTH as u32), "").map_err(be)?.into_vector_value();
        let mut mask = c(u64::MAX);
        for (j, &byte) in old.iter().enumerate() {
            let want = VectorType::const_vector(&vec![i8t.const_int(u64::from(byte), false); WIDTH as usize]);
            let eq = self.b.build_int_compare(IntPredicate::EQ, bytes, want, "").map_err(be)?;
            let bits = self.b.build_bit_cast(eq, i8t, "").map_err(be)?.into_int_value();
            let bits = self.b.build_int_z_extend(bits, i64t, "").map_err(be)?;
            let at_start = self.b.build_right_shift(bits, c(j as u64), false, "").map_err(be)?;
            mask = self.b.build_and(mask, at_start, "").map_err(be)?;
        }
        // Starts `i <= n - len(old)`: the low `n + 1 - len(old)` bits (at
        // most 8), none when the text is shorter than `old`.
        let fit = self.b.build_int_sub(n, c(old.len() as u64 - 1), "").map_err(be)?;
        let any = self.b.build_int_compare(IntPredicate::SGT, fit, c(0), "").map_err(be)?;
        let fit = self.b.build_select(any, fit, c(0), "").map_err(be)?.into_int_value();
        let ones = self.b.build_left_shift(c(1), fit, "").map_err(be)?;
        let valid = self.b.build_int_sub(ones, c(1), "").map_err(be)?;
        self.b.build_and(mask, valid, "").map_err(be)
    }

    /// Word `x` shifted by `bytes` bytes (0 to 15) toward its high end when
    /// `up`, else toward its low end: two shifts by `4 * bytes` bits.
    fn shift_bytes(&mut self, x: IntValue<'ctx>, bytes: IntValue<'ctx>, up: bool) -> R<IntValue<'ctx>> {
        let half = self.b.build_left_shift(bytes, self.g.ctx.i64_type().const_int(2, false), "").map_err(be)?;
        let mut x = x;
        for _ in 0..2 {
            x = if up { self.b.build_left_shift(x, half, "") } else { self.b.build_right_shift(x, half, false, "") }
                .map_err(be)?;
        }
        Ok(x)
    }

    /// `llvm.ctpop` of an i64.
    fn count_ones(&mut self, x: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let i64t = self.g.ctx.i64_type();
        Ok(self.call_intrinsic("llvm.ctpop", &[i64t.into()], &[x.into()])?.into_int_value())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_of_one_word_are_inline() {
        assert!(inline_literals(b"item-", b""));
        assert!(inline_literals(b"aa", b"12345678"));
        assert!(!inline_literals(b"", b"x"));
        assert!(!inline_literals(b"123456789", b""));
        assert!(!inline_literals(b"a", b"123456789"));
    }
}
