//! Runs of appends to one string builder (the pieces of an f-string
//! rendered into a join builder, `ir/fstring_pieces.rs`) reserve their room
//! once: one check that the builder's text holds the sum of what each
//! piece's inline path may touch (`buf_append.rs`'s `inline_room`), then
//! each piece stores without checking the text or its room. A piece that
//! goes to the runtime after all (a long text, a number of many digits)
//! reserves again, after its append, what the pieces after it count on.
//!
//! Why: a record of seven pieces checked the builder's text and room seven
//! times, a fifth of the instructions of rendering it.

use std::collections::VecDeque;

use inkwell::values::PointerValue;
use inkwell::IntPredicate;

use super::buf_append::inline_room;
use super::{be, FnGen, R};
use crate::ir::{Inst, Obj, V};
use bodo_abi::layout;

/// The builder and the rooms of the appends that start `insts`, when at
/// least two consecutive ones write to the same builder inline.
pub(super) fn plan(insts: &[Inst]) -> Option<(V, Vec<u64>)> {
    let (buf, first) = inline_room(&insts.first()?.op)?;
    let mut rooms = vec![first];
    for inst in &insts[1..] {
        match inline_room(&inst.op) {
            Some((b, room)) if b == buf => rooms.push(room),
            _ => break,
        }
    }
    (rooms.len() >= 2).then_some((buf, rooms))
}

impl<'ctx> FnGen<'_, 'ctx> {
    /// Reserves the room of a run of appends to `buf` (each `rooms`), and
    /// gives each append's room and the room of those after it, in order.
    pub(super) fn start_run(&mut self, buf: V, rooms: &[u64]) -> R<VecDeque<(u64, u64)>> {
        let bp = self.v(buf)?.into_pointer_value();
        let total: u64 = rooms.iter().sum();
        self.reserve_room(bp, total)?;
        let mut rest = total;
        Ok(rooms
            .iter()
            .map(|&r| {
                rest -= r;
                (r, rest)
            })
            .collect())
    }

    /// Makes sure builder `buf` has a text with `bytes` of room past its
    /// length: checked inline, the runtime grows it when not.
    pub(super) fn reserve_room(&mut self, buf: PointerValue<'ctx>, bytes: u64) -> R<()> {
        if bytes == 0 {
            return Ok(());
        }
        let ctx = self.g.ctx;
        let i64t = ctx.i64_type();
        let (has_text, grow, done) = (
            ctx.append_basic_block(self.fv, "room.text"),
            ctx.append_basic_block(self.fv, "room.grow"),
            ctx.append_basic_block(self.fv, "room.done"),
        );
        let text = self.load_ptr_field(buf, Obj::Builder, layout::builder::TEXT)?;
        let null = self.b.build_is_null(text, "").map_err(be)?;
        self.b.build_conditional_branch(null, grow, has_text).map_err(be)?;
        self.b.position_at_end(has_text);
        let len = self.load_field(text, Obj::Str, layout::str::LEN)?;
        let cap = self.load_field(buf, Obj::Builder, layout::builder::CAP)?;
        let end = self.b.build_int_add(len, i64t.const_int(layout::str::DATA + bytes, false), "").map_err(be)?;
        let fit = self.b.build_int_compare(IntPredicate::ULE, end, cap, "").map_err(be)?;
        self.b.build_conditional_branch(fit, done, grow).map_err(be)?;
        self.b.position_at_end(grow);
        self.call_rt("bodo_strbuf_room", &[buf.into(), i64t.const_int(bytes, false).into()])?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(done);
        Ok(())
    }
}
