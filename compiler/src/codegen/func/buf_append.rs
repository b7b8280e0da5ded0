//! Appends of short texts to a string builder, inline: `Op::BufText` (a
//! str's text: `acc += s` for a str variable kept as a builder,
//! `ir/str_accumulators.rs`, or a str piece of an f-string,
//! `ir/fstring_pieces.rs`), `Op::BufLit` (literal text), `Op::BufSep` (a
//! join builder's separator before a new part) and `Op::BuilderPushAcc`
//! (`parts.append(w)` of an accumulated variable onto a join builder). A
//! text of at most 15 bytes that fits the builder's block is copied with
//! one or two eight-byte moves, a literal of at most 16 bytes with one or
//! two stores, and the lengths updated; anything else calls the runtime,
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
//!
//! A builder's text counts its wide bytes (UTF-8 continuation bytes) where
//! a string counts code points (`runtime/src/str_builder.rs`): an ASCII
//! append, known at compile time for literals and numbers, writes only the
//! length.

use inkwell::values::{BasicValue, BasicValueEnum, IntValue, PointerValue};
use inkwell::IntPredicate;

use super::{be, Access, FnGen, R};
use crate::ir::{Obj, Op, V};
use bodo_abi::layout;

/// The longest separator stored with one word.
const SEP_WORD: usize = 8;
/// The longest literal stored inline (two words).
const LIT_WORDS: usize = 16;
/// The bytes a text copied inline may touch: two whole words.
const TEXT_ROOM: u64 = 16;

/// The builder an append op writes to and the bytes past its length the
/// op's inline path may touch, when it has one: a run of such ops
/// reserves their sum once (`buf_runs.rs`).
pub(super) fn inline_room(op: &Op) -> Option<(V, u64)> {
    match op {
        Op::BufText { buf, .. } => Some((*buf, TEXT_ROOM)),
        Op::BufLit { buf, text } if (1..=LIT_WORDS).contains(&text.len()) => Some((*buf, TEXT_ROOM)),
        Op::BufSep { buf, sep } if sep.len() <= SEP_WORD => Some((*buf, sep.len() as u64 + TEXT_ROOM)),
        Op::BufNum { buf, spec, .. } => super::buf_number::num_room(*spec).map(|r| (*buf, r)),
        _ => None,
    }
}

/// What an inline append copies.
#[derive(Clone, Copy)]
enum Src<'ctx, 's> {
    /// The text of a string object (at most 15 bytes, checked at run time).
    Obj(PointerValue<'ctx>),
    /// The text of another builder (an accumulated variable), whose code
    /// points are counted as its builder counts them.
    Acc(PointerValue<'ctx>),
    /// Literal text of at most [`LIT_WORDS`] bytes.
    Lit(&'s str),
}

impl<'ctx> FnGen<'_, 'ctx> {
    /// `Op::BufText`.
    pub(super) fn buf_text(&mut self, buf: V, s: V) -> R<()> {
        let bp = self.v(buf)?.into_pointer_value();
        let sp = self.v(s)?.into_pointer_value();
        self.short_append(bp, Src::Obj(sp), None, "bodo_strbuf_text", &[bp.into(), sp.into()])
    }

    /// `Op::BufLit`.
    pub(super) fn buf_lit(&mut self, buf: V, text: &str) -> R<()> {
        if text.is_empty() {
            return Ok(());
        }
        let bp = self.v(buf)?.into_pointer_value();
        let lit = self.g.string(text);
        let args = [bp.into(), lit.into()];
        if text.len() > LIT_WORDS {
            return self.call_rt("bodo_strbuf_text", &args).map(drop);
        }
        self.short_append(bp, Src::Lit(text), None, "bodo_strbuf_text", &args)
    }

    /// `Op::BufSep`.
    pub(super) fn buf_sep(&mut self, buf: V, sep: &str) -> R<()> {
        let bp = self.v(buf)?.into_pointer_value();
        let sep_v = self.g.string(sep);
        let args = [bp.into(), sep_v.into()];
        if sep.len() > SEP_WORD {
            return self.call_rt("bodo_strbuf_sep", &args).map(drop);
        }
        self.short_append(bp, Src::Lit(""), Some(sep), "bodo_strbuf_sep", &args)
    }

    /// `Op::BuilderPushAcc`: `b.append(w)` of accumulated `w` (builder
    /// `acc`) onto join builder `b`, whose separator is `sep`.
    pub(super) fn builder_push_acc(&mut self, b: V, sep: &str, acc: V) -> R<()> {
        let bp = self.v(b)?.into_pointer_value();
        let accp = self.v(acc)?.into_pointer_value();
        let sep_v = self.g.string(sep);
        let slow_args = [bp.into(), sep_v.into(), accp.into()];
        if sep.len() > SEP_WORD {
            return self.call_rt("bodo_strbuf_push_acc", &slow_args).map(drop);
        }
        let ctx = self.g.ctx;
        let (has_text, done) =
            (ctx.append_basic_block(self.fv, "acc.src"), ctx.append_basic_block(self.fv, "acc.pushed"));
        let slow = ctx.append_basic_block(self.fv, "acc.slow.src");
        let text = self.load_ptr_field(accp, Obj::Builder, layout::builder::TEXT)?;
        let null = self.b.build_is_null(text, "").map_err(be)?;
        self.b.build_conditional_branch(null, slow, has_text).map_err(be)?;
        self.b.position_at_end(has_text);
        self.short_append(bp, Src::Acc(text), Some(sep), "bodo_strbuf_push_acc", &slow_args)?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(slow);
        self.call_rt("bodo_strbuf_push_acc", &slow_args)?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(done);
        Ok(())
    }

    /// Appends `src` to builder `buf` inline when short and room allows,
    /// after `sep` (which starts a new part: stored unless the builder is
    /// empty, and the part counted); else calls `slow_fn` with `slow_args`.
    fn short_append(
        &mut self,
        buf: PointerValue<'ctx>,
        src: Src<'ctx, '_>,
        sep: Option<&str>,
        slow_fn: &str,
        slow_args: &[BasicValueEnum<'ctx>],
    ) -> R<()> {
        let i64t = self.g.ctx.i64_type();
        let c = |k: usize| i64t.const_int(k as u64, false);
        // The bytes, and the wide bytes when there may be some.
        let (n, wide, short) = match src {
            Src::Obj(p) | Src::Acc(p) => {
                let n = self.load_field(p, Obj::Str, layout::str::LEN)?;
                let short = self.b.build_int_compare(IntPredicate::ULT, n, c(16), "").map_err(be)?;
                let count = self.load_field(p, Obj::Str, layout::str::NCHARS)?;
                let wide = match src {
                    Src::Acc(_) => count,
                    _ => self.b.build_int_sub(n, count, "").map_err(be)?,
                };
                (n, Some(wide), Some(short))
            }
            Src::Lit(t) => (c(t.len()), (!t.is_ascii()).then(|| c(t.len() - t.chars().count())), None),
        };
        // Room for the separator and two whole words after the text.
        let room = sep.map_or(0, str::len) as u64 + TEXT_ROOM;
        let write = |g: &mut Self, mut dst: PointerValue<'ctx>| {
            let (mut added, mut wide) = (n, wide);
            if let Some(sep) = sep {
                let parts = g.load_field(buf, Obj::Builder, layout::builder::PARTS)?;
                let more = g.b.build_int_add(parts, i64t.const_int(1, false), "").map_err(be)?;
                g.store_field(buf, Obj::Builder, layout::builder::PARTS, more)?;
                if !sep.is_empty() {
                    // Stored whole; a first part (no separator) overwrites it.
                    g.store_bytes(dst, sep.as_bytes())?;
                    let first = g.b.build_int_compare(IntPredicate::EQ, parts, i64t.const_zero(), "").map_err(be)?;
                    let zero = i64t.const_zero();
                    let sep_len = i64t.const_int(sep.len() as u64, false);
                    let k = g.b.build_select(first, zero, sep_len, "").map_err(be)?.into_int_value();
                    // SAFETY: past the separator, within the room checked.
                    dst = unsafe { g.b.build_in_bounds_gep(g.g.ctx.i8_type(), dst, &[k], "").map_err(be)? };
                    added = g.b.build_int_add(added, k, "").map_err(be)?;
                    if !sep.is_ascii() {
                        let sep_wide = c(sep.len() - sep.chars().count());
                        let kw = g.b.build_select(first, zero, sep_wide, "").map_err(be)?.into_int_value();
                        let w = match wide {
                            Some(w) => g.b.build_int_add(w, kw, "").map_err(be)?,
                            None => kw,
                        };
                        wide = Some(w);
                    }
                }
            }
            match src {
                Src::Lit(t) => g.store_bytes(dst, t.as_bytes())?,
                Src::Obj(p) | Src::Acc(p) => g.move_text(p, n, dst)?,
            }
            Ok((added, wide))
        };
        self.inline_append(buf, room, short, write, slow_fn, slow_args)
    }

    /// The frame of every inline append to builder `buf`: when the builder
    /// has a text whose block holds `room` bytes past its length and `ok`
    /// (if any) holds, `write` stores at the text's end `dst` and returns
    /// how many bytes it added and how many of them are wide (none when
    /// `None`: ASCII), and the text's counts grow by them; else `slow_fn`
    /// does the whole append with `slow_args`. Inside a run of appends
    /// whose room is reserved (`buf_runs.rs`) the text and room are not
    /// checked, and the runtime's append reserves again what the run's
    /// later appends count on.
    pub(super) fn inline_append(
        &mut self,
        buf: PointerValue<'ctx>,
        room: u64,
        ok: Option<IntValue<'ctx>>,
        write: impl FnOnce(&mut Self, PointerValue<'ctx>) -> R<(IntValue<'ctx>, Option<IntValue<'ctx>>)>,
        slow_fn: &str,
        slow_args: &[BasicValueEnum<'ctx>],
    ) -> R<()> {
        let ctx = self.g.ctx;
        let (fits, slow, done) = (
            ctx.append_basic_block(self.fv, "buf.fits"),
            ctx.append_basic_block(self.fv, "buf.slow"),
            ctx.append_basic_block(self.fv, "buf.done"),
        );
        let run = self.assured.take();
        let reserved = run.is_some_and(|(r, _)| room <= r);
        let rest = run.map_or(0, |(_, rest)| rest);
        let text = self.load_ptr_field(buf, Obj::Builder, layout::builder::TEXT)?;
        let len = if reserved {
            let len = self.load_field(text, Obj::Str, layout::str::LEN)?;
            match ok {
                Some(ok) => self.b.build_conditional_branch(ok, fits, slow),
                None => self.b.build_unconditional_branch(fits),
            }
            .map_err(be)?;
            len
        } else {
            let has_text = ctx.append_basic_block(self.fv, "buf.text");
            let null = self.b.build_is_null(text, "").map_err(be)?;
            self.b.build_conditional_branch(null, slow, has_text).map_err(be)?;
            self.b.position_at_end(has_text);
            let len = self.load_field(text, Obj::Str, layout::str::LEN)?;
            let cap = self.load_field(buf, Obj::Builder, layout::builder::CAP)?;
            let end =
                self.b.build_int_add(len, ctx.i64_type().const_int(layout::str::DATA + room, false), "").map_err(be)?;
            let mut fit = self.b.build_int_compare(IntPredicate::ULE, end, cap, "").map_err(be)?;
            if let Some(ok) = ok {
                fit = self.b.build_and(fit, ok, "").map_err(be)?;
            }
            self.b.build_conditional_branch(fit, fits, slow).map_err(be)?;
            len
        };

        self.b.position_at_end(fits);
        let data = self.field(text, layout::str::DATA)?;
        // SAFETY: `len` bytes into the text's data, within its block (checked).
        let dst = unsafe { self.b.build_in_bounds_gep(ctx.i8_type(), data, &[len], "").map_err(be)? };
        let (bytes, wide) = write(self, dst)?;
        let new_len = self.b.build_int_add(len, bytes, "").map_err(be)?;
        self.store_field(text, Obj::Str, layout::str::LEN, new_len)?;
        if let Some(wide) = wide {
            let nc = self.load_field(text, Obj::Str, layout::str::NCHARS)?;
            let sum = self.b.build_int_add(nc, wide, "").map_err(be)?;
            self.store_field(text, Obj::Str, layout::str::NCHARS, sum)?;
        }
        self.b.build_unconditional_branch(done).map_err(be)?;

        self.b.position_at_end(slow);
        self.call_rt(slow_fn, slow_args)?;
        if reserved {
            self.reserve_room(buf, rest)?;
        }
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(done);
        if run.is_some() && !reserved {
            self.reserve_room(buf, rest)?;
        }
        Ok(())
    }

    /// Copies the `n < 16` bytes of string `p`'s text to `dst` as one or
    /// two whole words.
    fn move_text(&mut self, p: PointerValue<'ctx>, n: IntValue<'ctx>, dst: PointerValue<'ctx>) -> R<()> {
        let ctx = self.g.ctx;
        let (two, done) = (ctx.append_basic_block(self.fv, "buf.words"), ctx.append_basic_block(self.fv, "buf.moved"));
        let from = self.field(p, layout::str::DATA)?;
        self.move_word(from, dst)?;
        let wide =
            self.b.build_int_compare(IntPredicate::UGE, n, ctx.i64_type().const_int(8, false), "").map_err(be)?;
        self.b.build_conditional_branch(wide, two, done).map_err(be)?;
        self.b.position_at_end(two);
        let (from8, dst8) = (self.field(from, 8)?, self.field(dst, 8)?);
        self.move_word(from8, dst8)?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(done);
        Ok(())
    }

    /// Stores `bytes` (at most 16) at `dst` as whole words, zero-padded.
    fn store_bytes(&mut self, dst: PointerValue<'ctx>, bytes: &[u8]) -> R<()> {
        for (k, chunk) in bytes.chunks(8).enumerate() {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            let at = self.field(dst, 8 * k as u64)?;
            let w = self.g.ctx.i64_type().const_int(u64::from_le_bytes(word), false);
            self.store_text_word(at, w)?;
        }
        Ok(())
    }

    /// The address `off` bytes into the object at `p`.
    pub(super) fn field(&mut self, p: PointerValue<'ctx>, off: u64) -> R<PointerValue<'ctx>> {
        let ctx = self.g.ctx;
        // SAFETY: offsets of fields inside the objects' layouts.
        unsafe { self.b.build_in_bounds_gep(ctx.i8_type(), p, &[ctx.i64_type().const_int(off, false)], "").map_err(be) }
    }

    /// The i64 header field `off` bytes into the object of kind `of` at
    /// `p`. Header fields and text bytes carry alias tags
    /// ([`super::super::alias`]): the stores of an append then leave a
    /// builder's text pointer and capacity, and the text's length, in
    /// registers for the next append.
    pub(super) fn load_field(&mut self, p: PointerValue<'ctx>, of: Obj, off: u64) -> R<IntValue<'ctx>> {
        let at = self.field(p, off)?;
        let v = self.b.build_load(self.g.ctx.i64_type(), at, "").map_err(be)?;
        self.tag(v, Access::Field(of, off));
        Ok(v.into_int_value())
    }

    /// The pointer header field `off` bytes into the object of kind `of` at `p`.
    pub(super) fn load_ptr_field(&mut self, p: PointerValue<'ctx>, of: Obj, off: u64) -> R<PointerValue<'ctx>> {
        let at = self.field(p, off)?;
        let v = self.b.build_load(self.g.ptr(), at, "").map_err(be)?;
        self.tag(v, Access::Field(of, off));
        Ok(v.into_pointer_value())
    }

    /// Stores `v` in the i64 header field `off` bytes into the object of
    /// kind `of` at `p`.
    pub(super) fn store_field(&mut self, p: PointerValue<'ctx>, of: Obj, off: u64, v: IntValue<'ctx>) -> R<()> {
        let at = self.field(p, off)?;
        let st = self.b.build_store(at, v).map_err(be)?;
        self.g.alias.tag(self.g.ctx, st, Access::Field(of, off));
        Ok(())
    }

    /// Stores `v` (a word or a byte) at `at` in a string's text, unaligned.
    pub(super) fn store_text_word(&mut self, at: PointerValue<'ctx>, v: impl BasicValue<'ctx>) -> R<()> {
        let st = self.b.build_store(at, v).map_err(be)?;
        st.set_alignment(1).map_err(|e| e.to_string())?;
        self.g.alias.tag(self.g.ctx, st, Access::Item);
        Ok(())
    }

    /// Copies the eight text bytes at `src` to `dst`, neither aligned.
    fn move_word(&mut self, src: PointerValue<'ctx>, dst: PointerValue<'ctx>) -> R<()> {
        let w = self.b.build_load(self.g.ctx.i64_type(), src, "").map_err(be)?;
        let load = w.as_instruction_value().ok_or("internal error: load")?;
        load.set_alignment(1).map_err(|e| e.to_string())?;
        self.tag(w, Access::Item);
        self.store_text_word(dst, w)
    }
}
