//! Appends of a short text to a string builder, inline: `Op::AccPush`
//! (`acc += s` for a str variable kept as a builder,
//! `ir/str_accumulators.rs`) and `Op::BuilderPushAcc` (`parts.append(w)`
//! of such a variable onto a join builder, `ir/join_builders.rs`). A text
//! of at most 15 bytes that fits the builder's block is copied with one or
//! two eight-byte moves, the separator (a literal of at most 8 bytes) with
//! one store, and the lengths updated; anything else calls the runtime,
//! which costs several times the copy.
//!
//! The moves copy whole words: bytes past a text's end are read and
//! written past the builder's text. Both stay inside their blocks. A
//! string's block (pool or literal) is its 32-byte header plus its length
//! and NUL rounded up to 8 bytes, so a text of 1 to 7 bytes has 8 readable
//! bytes and one of 8 to 15 has 16; a builder's text block is at least 64
//! bytes; the destination is checked to have room for the whole words. A
//! builder's bytes past its length mean nothing until its text is
//! finished.

use inkwell::values::{BasicValue, IntValue, PointerValue};
use inkwell::IntPredicate;

use super::{be, FnGen, R};
use crate::ir::V;
use bodo_abi::layout;

/// The longest separator stored with one word.
const SEP_WORD: usize = 8;

impl<'ctx> FnGen<'_, 'ctx> {
    /// `acc += s`.
    pub(super) fn acc_push(&mut self, acc: V, s: V) -> R<()> {
        let accp = self.v(acc)?.into_pointer_value();
        let sp = self.v(s)?.into_pointer_value();
        let none = self.g.string("");
        self.short_append(accp, sp, None, &[accp.into(), none.into(), sp.into()], "bodo_strbuf_push")
    }

    /// `b.append(w)` of accumulated `w` (builder `acc`) onto join builder
    /// `b`, whose separator is `sep`.
    pub(super) fn builder_push_acc(&mut self, b: V, sep: &str, acc: V) -> R<()> {
        let bp = self.v(b)?.into_pointer_value();
        let accp = self.v(acc)?.into_pointer_value();
        let sep_v = self.g.string(sep);
        let slow_args = [bp.into(), sep_v.into(), accp.into()];
        if sep.len() > SEP_WORD {
            self.call_rt("bodo_strbuf_push_acc", &slow_args)?;
            return Ok(());
        }
        let ctx = self.g.ctx;
        let (has_text, done) =
            (ctx.append_basic_block(self.fv, "acc.src"), ctx.append_basic_block(self.fv, "acc.pushed"));
        let slow = ctx.append_basic_block(self.fv, "acc.slow.src");
        let text_at = self.field(accp, layout::builder::TEXT)?;
        let text = self.b.build_load(self.g.ptr(), text_at, "").map_err(be)?.into_pointer_value();
        let null = self.b.build_is_null(text, "").map_err(be)?;
        self.b.build_conditional_branch(null, slow, has_text).map_err(be)?;
        self.b.position_at_end(has_text);
        self.short_append(bp, text, Some(sep), &slow_args, "bodo_strbuf_push_acc")?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(slow);
        self.call_rt("bodo_strbuf_push_acc", &slow_args)?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(done);
        Ok(())
    }

    /// Appends the text of string `src` (after `sep` unless the builder is
    /// empty) to builder `buf` inline when short and room allows, else
    /// calls `slow` with `slow_args`.
    fn short_append(
        &mut self,
        buf: PointerValue<'ctx>,
        src: PointerValue<'ctx>,
        sep: Option<&str>,
        slow_args: &[inkwell::values::BasicValueEnum<'ctx>],
        slow_fn: &str,
    ) -> R<()> {
        let ctx = self.g.ctx;
        let i64t = ctx.i64_type();
        let sep = sep.unwrap_or("");
        let (has_text, fits, one, two, slow, done) = (
            ctx.append_basic_block(self.fv, "acc.text"),
            ctx.append_basic_block(self.fv, "acc.fits"),
            ctx.append_basic_block(self.fv, "acc.word"),
            ctx.append_basic_block(self.fv, "acc.words"),
            ctx.append_basic_block(self.fv, "acc.slow"),
            ctx.append_basic_block(self.fv, "acc.done"),
        );
        let text_at = self.field(buf, layout::builder::TEXT)?;
        let text = self.b.build_load(self.g.ptr(), text_at, "text").map_err(be)?.into_pointer_value();
        let null = self.b.build_is_null(text, "").map_err(be)?;
        self.b.build_conditional_branch(null, slow, has_text).map_err(be)?;

        self.b.position_at_end(has_text);
        let len_at = self.field(text, layout::str::LEN)?;
        let len = self.load_i64(len_at)?;
        let n = self.load_field(src, layout::str::LEN)?;
        let cap = self.load_field(buf, layout::builder::CAP)?;
        // Room for the separator and two whole words after the text.
        let room_needed = layout::str::DATA + sep.len() as u64 + 16;
        let end = self.b.build_int_add(len, i64t.const_int(room_needed, false), "").map_err(be)?;
        let room = self.b.build_int_compare(IntPredicate::ULE, end, cap, "").map_err(be)?;
        let short = self.b.build_int_compare(IntPredicate::ULT, n, i64t.const_int(16, false), "").map_err(be)?;
        let ok = self.b.build_and(room, short, "").map_err(be)?;
        self.b.build_conditional_branch(ok, fits, slow).map_err(be)?;

        self.b.position_at_end(fits);
        let data = self.field(text, layout::str::DATA)?;
        // SAFETY: `len` bytes into the text's data, within its block (checked).
        let mut dst = unsafe { self.b.build_in_bounds_gep(ctx.i8_type(), data, &[len], "").map_err(be)? };
        let mut added = len;
        let mut chars = self.load_field(src, layout::str::NCHARS)?;
        if !sep.is_empty() {
            // Stored whole; a first part (no separator) then overwrites it.
            let mut word = [0u8; SEP_WORD];
            word[..sep.len()].copy_from_slice(sep.as_bytes());
            self.b
                .build_store(dst, i64t.const_int(u64::from_le_bytes(word), false))
                .map_err(be)?
                .set_alignment(1)
                .map_err(|e| e.to_string())?;
            let parts_at = self.field(buf, layout::builder::PARTS)?;
            let parts = self.load_i64(parts_at)?;
            let first = self.b.build_int_compare(IntPredicate::EQ, parts, i64t.const_zero(), "").map_err(be)?;
            let k = self
                .b
                .build_select(first, i64t.const_zero(), i64t.const_int(sep.len() as u64, false), "")
                .map_err(be)?
                .into_int_value();
            let sep_chars = i64t.const_int(sep.chars().count() as u64, false);
            let kc = self.b.build_select(first, i64t.const_zero(), sep_chars, "").map_err(be)?.into_int_value();
            // SAFETY: the separator's bytes, within the room checked.
            dst = unsafe { self.b.build_in_bounds_gep(ctx.i8_type(), dst, &[k], "").map_err(be)? };
            added = self.b.build_int_add(added, k, "").map_err(be)?;
            chars = self.b.build_int_add(chars, kc, "").map_err(be)?;
            let more = self.b.build_int_add(parts, i64t.const_int(1, false), "").map_err(be)?;
            self.b.build_store(parts_at, more).map_err(be)?;
        }
        let from = self.field(src, layout::str::DATA)?;
        self.move_word(from, dst)?;
        let wide = self.b.build_int_compare(IntPredicate::UGE, n, i64t.const_int(8, false), "").map_err(be)?;
        self.b.build_conditional_branch(wide, two, one).map_err(be)?;

        self.b.position_at_end(two);
        let (from8, dst8) = (self.field(from, 8)?, self.field(dst, 8)?);
        self.move_word(from8, dst8)?;
        self.b.build_unconditional_branch(one).map_err(be)?;

        self.b.position_at_end(one);
        let new_len = self.b.build_int_add(added, n, "").map_err(be)?;
        self.b.build_store(len_at, new_len).map_err(be)?;
        let nc_at = self.field(text, layout::str::NCHARS)?;
        let nc = self.load_i64(nc_at)?;
        let sum = self.b.build_int_add(nc, chars, "").map_err(be)?;
        self.b.build_store(nc_at, sum).map_err(be)?;
        self.b.build_unconditional_branch(done).map_err(be)?;

        self.b.position_at_end(slow);
        self.call_rt(slow_fn, slow_args)?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(done);
        Ok(())
    }

    /// The address `off` bytes into the object at `p`.
    fn field(&mut self, p: PointerValue<'ctx>, off: u64) -> R<PointerValue<'ctx>> {
        let ctx = self.g.ctx;
        // SAFETY: offsets of fields inside the objects' layouts.
        unsafe { self.b.build_in_bounds_gep(ctx.i8_type(), p, &[ctx.i64_type().const_int(off, false)], "").map_err(be) }
    }

    fn load_i64(&mut self, at: PointerValue<'ctx>) -> R<IntValue<'ctx>> {
        Ok(self.b.build_load(self.g.ctx.i64_type(), at, "").map_err(be)?.into_int_value())
    }

    /// The i64 field `off` bytes into the object at `p`.
    fn load_field(&mut self, p: PointerValue<'ctx>, off: u64) -> R<IntValue<'ctx>> {
        let at = self.field(p, off)?;
        self.load_i64(at)
    }

    /// Copies the eight bytes at `src` to `dst`, neither aligned.
    fn move_word(&mut self, src: PointerValue<'ctx>, dst: PointerValue<'ctx>) -> R<()> {
        let w = self.b.build_load(self.g.ctx.i64_type(), src, "").map_err(be)?;
        let load = w.as_instruction_value().ok_or("internal error: load")?;
        load.set_alignment(1).map_err(|e| e.to_string())?;
        self.b.build_store(dst, w).map_err(be)?.set_alignment(1).map_err(|e| e.to_string())
    }
}
