//! `Op::PieceEqLit`, inline: whether a piece of a string (a field of a
//! split) equals a literal of at most 16 bytes, as one or two loads of the
//! piece's bytes compared with the literal's words, with no call and no
//! branch (`fields[3] == "yes"` in a parsing loop). A longer literal calls
//! `bodo_str_piece_eq`.
//!
//! The loads start at `min(start, len - n)` for a literal of `n` bytes, so
//! they read inside the string object whatever the piece's length: within
//! the text when it has `n` bytes from the piece's start, else possibly in
//! the object's 32-byte header before it; such a read is only used when
//! the lengths differ, and then the answer is false anyway.

use inkwell::values::{BasicValue, IntValue};
use inkwell::IntPredicate;

use super::{be, FnGen, R};
use crate::ir::{Obj, V};
use bodo_abi::layout;

/// The longest literal compared inline.
const MAX_INLINE: usize = 16;

impl<'ctx> FnGen<'_, 'ctx> {
    /// `Op::PieceEqLit`: whether bytes `start..stop` of string `s` are `text`.
    pub(super) fn piece_eq_lit(&mut self, s: V, start: V, stop: V, text: &str) -> R<IntValue<'ctx>> {
        let ctx = self.g.ctx;
        let i64t = ctx.i64_type();
        let c = |k: u64| i64t.const_int(k, false);
        let sp = self.v(s)?.into_pointer_value();
        let (start, stop) = (self.int(start)?, self.int(stop)?);
        let n = text.len();
        if n > MAX_INLINE {
            let lit = self.g.string(text);
            let r = self.call_rt("bodo_str_piece_eq", &[sp.into(), start.into(), stop.into(), lit.into()])?;
            let r = r.ok_or("internal error: bodo_str_piece_eq")?.into_int_value();
            return self.b.build_int_compare(IntPredicate::NE, r, r.get_type().const_zero(), "").map_err(be);
        }
        let len = self.b.build_int_sub(stop, start, "").map_err(be)?;
        let mut eq = self.b.build_int_compare(IntPredicate::EQ, len, c(n as u64), "").map_err(be)?;
        if n == 0 {
            return Ok(eq);
        }
        let slen = self.load_field(sp, Obj::Str, layout::str::LEN)?;
        let last = self.b.build_int_sub(slen, c(n as u64), "").map_err(be)?;
        let before = self.b.build_int_compare(IntPredicate::SLT, start, last, "").map_err(be)?;
        let at = self.b.build_select(before, start, last, "").map_err(be)?.into_int_value();
        let at = self.b.build_int_add(at, c(layout::str::DATA), "").map_err(be)?;
        // SAFETY: inside the string object (module doc).
        let base = unsafe { self.b.build_in_bounds_gep(ctx.i8_type(), sp, &[at], "").map_err(be)? };
        // One load of the widest power of two within the literal, and one
        // ending at its end (the same one when the literal is that wide).
        let width = if n >= 8 { 8 } else { 1 << n.ilog2() };
        let bytes = text.as_bytes();
        for off in [0, n - width] {
            let t = match width {
                1 => ctx.i8_type(),
                2 => ctx.i16_type(),
                4 => ctx.i32_type(),
                _ => ctx.i64_type(),
            };
            let p = self.field(base, off as u64)?;
            let x = self.b.build_load(t, p, "").map_err(be)?;
            x.as_instruction_value().ok_or("internal error: load")?.set_alignment(1).map_err(|e| e.to_string())?;
            let mut word = [0u8; 8];
            word[..width].copy_from_slice(&bytes[off..off + width]);
            let want = t.const_int(u64::from_le_bytes(word), false);
            let same = self.b.build_int_compare(IntPredicate::EQ, x.into_int_value(), want, "").map_err(be)?;
            eq = self.b.build_and(eq, same, "").map_err(be)?;
        }
        Ok(eq)
    }
}
