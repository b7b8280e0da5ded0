//! Size-class allocation of small heap objects, one pool per thread (its
//! classes are part of the thread's `thread_heap::ThreadHeap`).
//!
//! String-heavy programs allocate and drop millions of short-lived small
//! objects (the pieces of a split, the temporaries of an f-string). Going
//! to malloc for each costs ~100 instructions a call, and glibc's thread
//! cache holds only 7 blocks per size, so dropping a big list of strings
//! spills into its slower bins. Here sizes up to [`MAX_POOLED`] bytes are
//! rounded up to [`GRAIN`]-byte classes; a class hands out its freed blocks
//! first (a free list threaded through them), else carves the next block
//! from its current [`CHUNK`]-byte chunk. Chunks are never returned to the
//! system: freed blocks are reused by later objects of their class, so a
//! long loop's memory stays bounded by its peak of live objects (CPython's
//! pymalloc makes the same trade).

use std::alloc::{self, Layout};
use std::cell::Cell;
use std::ptr;

use bodo_abi::layout::heap as heap_layout;

/// Granularity of the size classes (and the blocks' alignment). Objects
/// need only 8-byte alignment, and an 8-byte grain keeps the commonest
/// small objects (a string of up to 7 bytes, a 2-tuple, a list header) in
/// 40-byte blocks rather than 48: a list of a million short words touches
/// a sixth less memory. Generated code computes classes too
/// (`bodo_abi::layout::heap`).
const GRAIN: usize = heap_layout::GRAIN as usize;
/// Largest block size served from the pool.
const MAX_POOLED: usize = heap_layout::MAX_POOLED as usize;
pub(crate) const CLASSES: usize = heap_layout::CLASSES as usize;
/// Bytes a class takes from the system at a time.
const CHUNK: usize = 64 << 10;

/// A free block's first word links to the next free block of its class.
struct FreeBlock {
    next: *mut FreeBlock,
}

/// One class: its free list, and the unused end `[bump, end)` of its
/// current chunk. Laid out for generated code, which pops and pushes the
/// free list inline (`bodo_abi::layout::heap`).
#[repr(C)]
pub(crate) struct Class {
    head: Cell<*mut FreeBlock>,
    bump: Cell<*mut u8>,
    end: Cell<*mut u8>,
}

const _: () = assert!(std::mem::offset_of!(Class, head) == 0);

impl Class {
    /// A class with no free block and no chunk yet.
    pub(crate) const fn empty() -> Class {
        Class { head: Cell::new(ptr::null_mut()), bump: Cell::new(ptr::null_mut()), end: Cell::new(ptr::null_mut()) }
    }
}

/// The class index of a block of `size` bytes (`0 < size <= MAX_POOLED`).
fn class_of(size: usize) -> usize {
    (size - 1) / GRAIN
}

fn layout(size: usize) -> Layout {
    Layout::from_size_align(size, GRAIN).expect("object size overflow")
}

fn system_alloc(size: usize) -> *mut u8 {
    let l = layout(size);
    // SAFETY: never called with size 0.
    let p = unsafe { alloc::alloc(l) };
    if p.is_null() {
        alloc::handle_alloc_error(l);
    }
    p
}

/// This thread's class `class`.
fn class(class: usize) -> *const Class {
    &crate::thread_heap::get().classes[class]
}

/// The bytes [`alloc`]`(size)` actually sets aside: two sizes with the same
/// block size may use each other's blocks (an object can grow in place
/// within its block and still be freed with its new size).
pub fn block_size(size: usize) -> usize {
    if size == 0 || size > MAX_POOLED {
        size
    } else {
        (class_of(size) + 1) * GRAIN
    }
}

/// Whether [`alloc`] serves the Rust layout `l` from a size class (the
/// global allocator's small requests: list slots, short vectors).
pub fn serves(l: &Layout) -> bool {
    l.size() <= MAX_POOLED && l.align() <= GRAIN
}

/// `size` bytes (`size > 0`), 8-aligned. Aborts on out-of-memory like the
/// global allocator does. Inlined: a loop that makes and drops a short
/// string a turn spends more on the calls than on the pool.
#[inline]
pub fn alloc(size: usize) -> *mut u8 {
    debug_assert!(size > 0);
    if size > MAX_POOLED {
        return system_alloc(size);
    }
    let index = class_of(size);
    // SAFETY: the class lives as long as this thread.
    let c = unsafe { &*class(index) };
    let head = c.head.get();
    if !head.is_null() {
        // SAFETY: blocks on the list are free and start with their link.
        c.head.set(unsafe { (*head).next });
        return head as *mut u8;
    }
    let block = (index + 1) * GRAIN;
    if (c.end.get() as usize) - (c.bump.get() as usize) < block {
        refill(c);
    }
    let p = c.bump.get();
    // SAFETY: at least `block` bytes of the chunk remain after `p`.
    c.bump.set(unsafe { p.add(block) });
    p
}

/// Bytes of address space the chunks are carved from at a time.
const ARENA: usize = 8 << 20;

thread_local! {
    /// The unused end `[next, end)` of this thread's current arena.
    static ARENA_LEFT: (Cell<*mut u8>, Cell<*mut u8>) = const { (Cell::new(ptr::null_mut()), Cell::new(ptr::null_mut())) };
}

/// A fresh chunk. Chunks come from arenas mapped with transparent huge
/// pages requested: a string program touching 100 MB of new small objects
/// took 25k page faults (a fifth of its run) with 4 KiB pages. Falls back
/// to the C heap when the system refuses the mapping.
fn new_chunk() -> *mut u8 {
    ARENA_LEFT.with(|(next, end)| {
        if (end.get() as usize) - (next.get() as usize) < CHUNK {
            let Some(p) = crate::heap::map_pages(ARENA) else {
                return system_alloc(CHUNK);
            };
            next.set(p);
            // SAFETY: one past the end of the mapping.
            end.set(unsafe { p.add(ARENA) });
        }
        let chunk = next.get();
        // SAFETY: at least CHUNK bytes remain in the arena.
        next.set(unsafe { chunk.add(CHUNK) });
        chunk
    })
}

/// Gives the class a fresh chunk to carve blocks from.
#[cold]
fn refill(c: &Class) {
    let chunk = new_chunk();
    c.bump.set(chunk);
    // SAFETY: one past the end of the chunk.
    c.end.set(unsafe { chunk.add(CHUNK) });
}

/// Resizes a block from [`alloc`]`(old)` to `new` bytes in place or by
/// moving it (the C heap's realloc, which extends large blocks without
/// copying where it can); `None`, with the block untouched, when either
/// size is pooled.
///
/// # Safety
/// `p` came from `alloc(old)`; on success only the result is used after.
pub unsafe fn resize(p: *mut u8, old: usize, new: usize) -> Option<*mut u8> {
    if old <= MAX_POOLED || new <= MAX_POOLED {
        return None;
    }
    let q = alloc::realloc(p, layout(old), new);
    if q.is_null() {
        alloc::handle_alloc_error(layout(new));
    }
    Some(q)
}

/// Returns a block from [`alloc`]`(size)`.
///
/// # Safety
/// `p` came from `alloc(size)` (same `size`) and is not used afterwards.
#[inline]
pub unsafe fn free(p: *mut u8, size: usize) {
    if size > MAX_POOLED {
        alloc::dealloc(p, layout(size));
        return;
    }
    let c = &*class(class_of(size));
    let b = p as *mut FreeBlock;
    (*b).next = c.head.get();
    c.head.set(b);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_reused_within_a_class() {
        unsafe {
            let a = alloc(34);
            free(a, 34);
            // 33..=40 bytes share a class: the freed block comes back.
            let b = alloc(40);
            assert_eq!(a, b);
            let c = alloc(34);
            assert_ne!(b, c);
            free(b, 40);
            free(c, 34);
            let big = alloc(MAX_POOLED + 1);
            free(big, MAX_POOLED + 1);
        }
    }

    #[test]
    fn freed_blocks_bound_the_memory_of_a_loop() {
        // More blocks than a chunk holds: the second round reuses exactly
        // the first round's blocks, taking nothing new from the system.
        let n = 2 * CHUNK / GRAIN + 3;
        let mut first: Vec<*mut u8> = (0..n).map(|_| alloc(GRAIN)).collect();
        for &b in &first {
            unsafe { free(b, GRAIN) };
        }
        let mut second: Vec<*mut u8> = (0..n).map(|_| alloc(GRAIN)).collect();
        for &b in &second {
            unsafe { free(b, GRAIN) };
        }
        first.sort();
        second.sort();
        assert_eq!(first, second);
        // Blocks are aligned and distinct.
        assert!(first.windows(2).all(|w| w[1] as usize - w[0] as usize >= GRAIN));
        assert!(first.iter().all(|&p| (p as usize).is_multiple_of(GRAIN)));
    }
}
