//! `Op::AccPush`, `acc += s` for a str variable kept as a string builder
//! (`ir/str_accumulators.rs`), with its common case inline: a text of at
//! most 15 bytes that fits the builder's block is copied with one or two
//! eight-byte moves and the lengths updated, where the runtime call
//! (`bodo_strbuf_push`) would cost several times the copy.
//!
//! The moves copy whole words: bytes past the text's end are read from
//! `s` and written past the builder's text. Both stay inside their blocks:
//! a string's block (pool or literal) is its 32-byte header plus its
//! length and NUL rounded up to 8 bytes, so a text of 1 to 7 bytes has 8
//! readable bytes and one of 8 to 15 has 16; the builder's block is
//! checked to have room for the whole words. The builder's bytes past its
//! length mean nothing until its text is finished.

use inkwell::values::{BasicValue, PointerValue};
use inkwell::IntPredicate;

use super::{be, FnGen, R};
use crate::ir::V;
use bodo_abi::layout;

impl<'ctx> FnGen<'_, 'ctx> {
    pub(super) fn acc_push(&mut self, acc: V, s: V) -> R<()> {
        let ctx = self.g.ctx;
        let (i64t, i8t, ptr_t) = (ctx.i64_type(), ctx.i8_type(), self.g.ptr());
        let accp = self.v(acc)?.into_pointer_value();
        let sp = self.v(s)?.into_pointer_value();
        let at = |fg: &mut Self, p, off: u64| -> R<PointerValue<'ctx>> {
            // SAFETY: offsets of fields inside the objects' layouts.
            unsafe { fg.b.build_in_bounds_gep(i8t, p, &[i64t.const_int(off, false)], "").map_err(be) }
        };
        let (has_text, fits, one, two, slow, done) = (
            ctx.append_basic_block(self.fv, "acc.text"),
            ctx.append_basic_block(self.fv, "acc.fits"),
            ctx.append_basic_block(self.fv, "acc.word"),
            ctx.append_basic_block(self.fv, "acc.words"),
            ctx.append_basic_block(self.fv, "acc.slow"),
            ctx.append_basic_block(self.fv, "acc.done"),
        );
        let text_at = at(self, accp, layout::builder::TEXT)?;
        let text = self.b.build_load(ptr_t, text_at, "text").map_err(be)?.into_pointer_value();
        let null = self.b.build_is_null(text, "").map_err(be)?;
        self.b.build_conditional_branch(null, slow, has_text).map_err(be)?;

        self.b.position_at_end(has_text);
        let len_at = at(self, text, layout::str::LEN)?;
        let len = self.b.build_load(i64t, len_at, "len").map_err(be)?.into_int_value();
        let n_at = at(self, sp, layout::str::LEN)?;
        let n = self.b.build_load(i64t, n_at, "n").map_err(be)?.into_int_value();
        let cap_at = at(self, accp, layout::builder::CAP)?;
        let cap = self.b.build_load(i64t, cap_at, "cap").map_err(be)?.into_int_value();
        // Room for two whole words after the text, and a short text.
        let end = self.b.build_int_add(len, i64t.const_int(layout::str::DATA + 16, false), "").map_err(be)?;
        let room = self.b.build_int_compare(IntPredicate::ULE, end, cap, "").map_err(be)?;
        let short = self.b.build_int_compare(IntPredicate::ULT, n, i64t.const_int(16, false), "").map_err(be)?;
        let ok = self.b.build_and(room, short, "").map_err(be)?;
        self.b.build_conditional_branch(ok, fits, slow).map_err(be)?;

        self.b.position_at_end(fits);
        let src = at(self, sp, layout::str::DATA)?;
        let data = at(self, text, layout::str::DATA)?;
        // SAFETY: `len` bytes into the text's data, within its block (checked).
        let dst = unsafe { self.b.build_in_bounds_gep(i8t, data, &[len], "").map_err(be)? };
        self.move_word(src, dst)?;
        let wide = self.b.build_int_compare(IntPredicate::UGE, n, i64t.const_int(8, false), "").map_err(be)?;
        self.b.build_conditional_branch(wide, two, one).map_err(be)?;

        self.b.position_at_end(two);
        let src8 = at(self, src, 8)?;
        let dst8 = at(self, dst, 8)?;
        self.move_word(src8, dst8)?;
        self.b.build_unconditional_branch(one).map_err(be)?;

        self.b.position_at_end(one);
        let new_len = self.b.build_int_add(len, n, "").map_err(be)?;
        self.b.build_store(len_at, new_len).map_err(be)?;
        let nc_at = at(self, text, layout::str::NCHARS)?;
        let nc = self.b.build_load(i64t, nc_at, "").map_err(be)?.into_int_value();
        let snc_at = at(self, sp, layout::str::NCHARS)?;
        let snc = self.b.build_load(i64t, snc_at, "").map_err(be)?.into_int_value();
        let sum = self.b.build_int_add(nc, snc, "").map_err(be)?;
        self.b.build_store(nc_at, sum).map_err(be)?;
        self.b.build_unconditional_branch(done).map_err(be)?;

        self.b.position_at_end(slow);
        let none = self.g.string("");
        self.call_rt("bodo_strbuf_push", &[accp.into(), none.into(), sp.into()])?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(done);
        Ok(())
    }

    /// Copies the eight bytes at `src` to `dst`, neither aligned.
    fn move_word(&mut self, src: PointerValue<'ctx>, dst: PointerValue<'ctx>) -> R<()> {
        let w = self.b.build_load(self.g.ctx.i64_type(), src, "").map_err(be)?;
        let load = w.as_instruction_value().ok_or("internal error: load")?;
        load.set_alignment(1).map_err(|e| e.to_string())?;
        self.b.build_store(dst, w).map_err(be)?.set_alignment(1).map_err(|e| e.to_string())
    }
}
