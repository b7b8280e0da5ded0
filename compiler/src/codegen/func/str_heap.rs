//! Short strings allocated and freed inline, from and to the calling
//! thread's object pool (`runtime/src/thread_heap.rs`, laid out as
//! `bodo_abi::layout::heap`): an allocation pops the free list of the
//! block's size class and fills in the header, a free pushes the block
//! back. Whatever the inline path does not cover goes to the runtime: an
//! empty list or a block too large for the pool (`bodo_str_alloc`), a
//! string the runtime's hash or position memo names (`bodo_decref`, which
//! forgets it), a count other than one.
//!
//! Why: a loop making and dropping a short string a turn (`name =
//! s.replace(..).upper()`) spent about 90 instructions and four calls a
//! string in the runtime's allocation and free, more than making the text.

use inkwell::values::{IntValue, PointerValue, ValueKind};
use inkwell::IntPredicate;

use super::{be, FnGen, R};
use crate::ir::Obj;
use crate::types::Ty;
use bodo_abi::layout::{self, heap};

impl<'ctx> FnGen<'_, 'ctx> {
    /// The calling thread's heap state: one call at the function's entry,
    /// made on first use (the runtime function is declared pure, so LLVM
    /// merges the calls of inlined functions).
    fn thread_heap(&mut self) -> R<PointerValue<'ctx>> {
        if let Some(h) = self.heap {
            return Ok(h);
        }
        let (fv, _) = self.g.runtime_fn("bodo_thread_heap")?;
        let tmp = self.g.ctx.create_builder();
        let br = self.entry.get_terminator().ok_or("internal error: entry block without a terminator")?;
        tmp.position_before(&br);
        let call = tmp.build_call(fv, &[], "heap").map_err(be)?;
        let h = match call.try_as_basic_value() {
            ValueKind::Basic(v) => v.into_pointer_value(),
            _ => return Err("internal error: bodo_thread_heap returned nothing".into()),
        };
        self.heap = Some(h);
        Ok(h)
    }

    /// The free-list head of the size class of a string of `len` bytes,
    /// and whether the pool serves that size at all.
    fn str_class(&mut self, len: IntValue<'ctx>) -> R<(PointerValue<'ctx>, IntValue<'ctx>)> {
        let i64t = self.g.ctx.i64_type();
        let c = |k: u64| i64t.const_int(k, false);
        let heap_p = self.thread_heap()?;
        // The block is `DATA + len + 1` bytes; its class `(size - 1) / GRAIN`.
        let size_m1 = self.b.build_int_add(len, c(layout::str::DATA), "").map_err(be)?;
        let pooled = self.b.build_int_compare(IntPredicate::ULT, size_m1, c(heap::MAX_POOLED), "").map_err(be)?;
        let class = self.b.build_int_unsigned_div(size_m1, c(heap::GRAIN), "").map_err(be)?;
        // Out of range for a large string, but then never read.
        let class = self.b.build_select(pooled, class, c(0), "").map_err(be)?.into_int_value();
        let off = self.b.build_int_mul(class, c(heap::CLASS_SIZE), "").map_err(be)?;
        // SAFETY: `class < CLASSES`: a class of the thread's heap.
        let head = unsafe { self.b.build_in_bounds_gep(self.g.ctx.i8_type(), heap_p, &[off], "class") }.map_err(be)?;
        Ok((head, pooled))
    }

    /// The address of the word at `off` of the thread's heap state.
    fn heap_word(&mut self, off: u64) -> R<PointerValue<'ctx>> {
        let heap_p = self.thread_heap()?;
        self.field(heap_p, off)
    }

    /// Adds `delta` to the thread's count of live objects.
    fn count_live(&mut self, delta: i64) -> R<()> {
        let i64t = self.g.ctx.i64_type();
        let live_p = self.heap_word(heap::LIVE)?;
        let live = self.b.build_load(i64t, live_p, "live").map_err(be)?.into_int_value();
        let live = self.b.build_int_add(live, i64t.const_int(delta as u64, true), "").map_err(be)?;
        self.b.build_store(live_p, live).map_err(be)?;
        Ok(())
    }

    /// A new string object (rc 1) of `len` bytes and `nchars` code points,
    /// its text and terminating NUL left for the caller to write.
    pub(super) fn str_alloc(&mut self, len: IntValue<'ctx>, nchars: IntValue<'ctx>) -> R<PointerValue<'ctx>> {
        let ctx = self.g.ctx;
        let (i64t, ptr_t) = (ctx.i64_type(), self.g.ptr());
        let (pop, take, slow, done) = (
            ctx.append_basic_block(self.fv, "sa.pop"),
            ctx.append_basic_block(self.fv, "sa.take"),
            ctx.append_basic_block(self.fv, "sa.slow"),
            ctx.append_basic_block(self.fv, "sa.done"),
        );
        let (class_p, pooled) = self.str_class(len)?;
        self.b.build_conditional_branch(pooled, pop, slow).map_err(be)?;

        self.b.position_at_end(pop);
        let block = self.b.build_load(ptr_t, class_p, "block").map_err(be)?.into_pointer_value();
        let empty = self.b.build_is_null(block, "").map_err(be)?;
        self.b.build_conditional_branch(empty, slow, take).map_err(be)?;

        self.b.position_at_end(take);
        let next = self.b.build_load(ptr_t, block, "").map_err(be)?;
        self.b.build_store(class_p, next).map_err(be)?;
        let desc = self.g.desc(&Ty::Str);
        let (rc_p, desc_p) = (self.field(block, layout::RC)?, self.field(block, layout::DESC)?);
        self.b.build_store(rc_p, i64t.const_int(1, false)).map_err(be)?;
        self.b.build_store(desc_p, desc).map_err(be)?;
        self.store_field(block, Obj::Str, layout::str::LEN, len)?;
        self.store_field(block, Obj::Str, layout::str::NCHARS, nchars)?;
        self.count_live(1)?;
        self.b.build_unconditional_branch(done).map_err(be)?;

        self.b.position_at_end(slow);
        let r = self.call_rt("bodo_str_alloc", &[len.into(), nchars.into()])?;
        let r = r.ok_or("internal error: bodo_str_alloc")?.into_pointer_value();
        self.b.build_unconditional_branch(done).map_err(be)?;

        self.b.position_at_end(done);
        let out = self.b.build_phi(ptr_t, "str").map_err(be)?;
        out.add_incoming(&[(&block, take), (&r, slow)]);
        Ok(out.as_basic_value().into_pointer_value())
    }

    /// The last reference to the mortal string `p`, whose count is `rc`
    /// (0 or 1), goes: its block back on its class's free list, or the
    /// runtime's decref for what the inline path does not cover.
    pub(super) fn str_free(&mut self, p: PointerValue<'ctx>, rc: IntValue<'ctx>) -> R<()> {
        let ctx = self.g.ctx;
        let i64t = ctx.i64_type();
        let c = |k: u64| i64t.const_int(k, false);
        let (push, slow, done) = (
            ctx.append_basic_block(self.fv, "sf.push"),
            ctx.append_basic_block(self.fv, "sf.slow"),
            ctx.append_basic_block(self.fv, "sf.done"),
        );
        let len = self.load_field(p, Obj::Str, layout::str::LEN)?;
        let (class_p, pooled) = self.str_class(len)?;
        let last = self.b.build_int_compare(IntPredicate::EQ, rc, c(1), "").map_err(be)?;
        let addr = self.b.build_ptr_to_int(p, i64t, "").map_err(be)?;
        let mut fits = self.b.build_and(pooled, last, "").map_err(be)?;
        for key in [heap::HASH_KEY, heap::POS_KEY] {
            let key_p = self.heap_word(key)?;
            let k = self.b.build_load(i64t, key_p, "").map_err(be)?.into_int_value();
            let other = self.b.build_int_compare(IntPredicate::NE, k, addr, "").map_err(be)?;
            fits = self.b.build_and(fits, other, "").map_err(be)?;
        }
        self.b.build_conditional_branch(fits, push, slow).map_err(be)?;

        self.b.position_at_end(push);
        let head = self.b.build_load(self.g.ptr(), class_p, "").map_err(be)?;
        self.b.build_store(p, head).map_err(be)?;
        self.b.build_store(class_p, p).map_err(be)?;
        self.count_live(-1)?;
        self.b.build_unconditional_branch(done).map_err(be)?;

        self.b.position_at_end(slow);
        self.call_rt("bodo_decref", &[p.into()])?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(done);
        Ok(())
    }
}
