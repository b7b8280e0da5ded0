//! The per-thread heap state that generated code reaches inline: the object
//! pool's size classes, the count of live objects, and the keys of the
//! string memos (`str.rs`) a freed string must not leave behind.
//!
//! A program that makes and drops a short string each turn of a loop spent
//! about 90 instructions and four calls a string in the runtime's
//! allocation and free; generated code pops and pushes the class's free
//! list itself (`codegen/func/str_heap.rs`), calling the runtime only when
//! the list is empty, the object is large, or a memo names it. One
//! `#[repr(C)]` thread-local keeps the layout `bodo_abi::layout::heap`
//! describes, and `bodo_thread_heap` (`abi.rs`) hands out its address (generated
//! code cannot name a Rust thread-local; the call is declared free of
//! memory effects, so LLVM takes it once per function).

use std::cell::Cell;

use crate::pool::{Class, CLASSES};

/// See the module's header. Only this thread touches it.
#[repr(C)]
pub struct ThreadHeap {
    pub(crate) classes: [Class; CLASSES],
    /// Live heap objects allocated by this thread: lets tests prove that
    /// decref frees whole object graphs, and a program run with
    /// `BODO_CHECK_LEAKS` that it ends with none left.
    pub(crate) live: Cell<i64>,
    /// The last string hashed (0: none) and its hash (`str::hash`).
    pub(crate) hash_key: Cell<usize>,
    /// The last non-ASCII string indexed (0: none), with a (code point,
    /// byte offset) pair of it in `pos` (`str::byte_at_obj`).
    pub(crate) pos_key: Cell<usize>,
    pub(crate) hash: Cell<i64>,
    pub(crate) pos: Cell<(usize, usize)>,
}

thread_local! {
    static HEAP: ThreadHeap = const {
        ThreadHeap {
            classes: [const { Class::empty() }; CLASSES],
            live: Cell::new(0),
            hash_key: Cell::new(0),
            pos_key: Cell::new(0),
            hash: Cell::new(0),
            pos: Cell::new((0, 0)),
        }
    };
}

/// This thread's heap state. The closure only takes the address, so the
/// access inlines to a few instructions.
pub(crate) fn get() -> &'static ThreadHeap {
    // SAFETY: the thread-local lives as long as this thread, and no
    // reference to it leaves the thread (`ThreadHeap` is not `Sync`).
    HEAP.with(|h| unsafe { &*(h as *const ThreadHeap) })
}

const _: () = {
    use bodo_abi::layout::heap as l;
    use std::mem::{offset_of, size_of};
    assert!(size_of::<Class>() as u64 == l::CLASS_SIZE);
    assert!(offset_of!(ThreadHeap, classes) == 0);
    assert!(offset_of!(ThreadHeap, live) as u64 == l::LIVE);
    assert!(offset_of!(ThreadHeap, hash_key) as u64 == l::HASH_KEY);
    assert!(offset_of!(ThreadHeap, pos_key) as u64 == l::POS_KEY);
};
