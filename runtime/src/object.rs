//! The heap object model shared with generated code: type descriptors, the
//! common header, the concrete object layouts, allocation, and reference
//! counting with descriptor-driven destruction.
//!
//! Layouts are `#[repr(C)]` and pinned to the offsets in `bodo_abi::layout`
//! because generated code reads several fields directly.

use bodo_abi::kind;

/// A compiler-emitted (or runtime-static) description of a value's type.
#[repr(C)]
pub struct TypeDesc {
    pub kind: u32,
    pub n: u32,
    pub children: *const *const TypeDesc,
}

// Descriptors are immutable constants, so sharing them across threads is sound.
unsafe impl Sync for TypeDesc {}

impl TypeDesc {
    /// Child descriptor `i` (element, key/value, tuple item, optional inner).
    pub fn child(&self, i: usize) -> &'static TypeDesc {
        debug_assert!(i < self.n as usize);
        // SAFETY: descriptors are static and `children` has `n` entries.
        unsafe { &**self.children.add(i) }
    }

    /// Field `i`'s name in a record descriptor (`kind::RECORD`).
    pub fn field_name(&self, i: usize) -> &'static str {
        debug_assert!(self.kind == kind::RECORD && i < self.n as usize);
        // SAFETY: a record's children hold `n` names after its `n` types.
        unsafe { crate::str::as_str(*self.children.add(self.n as usize + i) as *const StrObj) }
    }

    /// Whether slots of this type hold a (nullable) pointer to a heap object.
    pub fn is_heap(&self) -> bool {
        is_heap_kind(self.kind)
    }
}

pub fn is_heap_kind(k: u32) -> bool {
    matches!(
        k,
        kind::STR
            | kind::LIST
            | kind::DICT_KEYS
            | kind::DICT_VALUES
            | kind::DICT_ITEMS
            | kind::INDEX
            | kind::VTUPLE
            | kind::TUPLE
            | kind::RECORD
            | kind::DICT
            | kind::SET
            | kind::OPTIONAL
            | kind::EXCEPTION
            | kind::ARRAY
            | kind::FRAME
            | kind::SERIES
            | kind::PIVOT
    )
}

/// Builds a `'static` descriptor array for the runtime's own descriptors.
pub struct DescChildren<const N: usize>(pub [&'static TypeDesc; N]);

impl<const N: usize> DescChildren<N> {
    pub const fn as_ptr(&'static self) -> *const *const TypeDesc {
        self.0.as_ptr() as *const *const TypeDesc
    }
}

/// Descriptors of the values the runtime creates on its own.
pub mod descs {
    use super::{DescChildren, TypeDesc};
    use bodo_abi::kind;

    pub static STR: TypeDesc = TypeDesc { kind: kind::STR, n: 0, children: std::ptr::null() };
    pub static EXC: TypeDesc = TypeDesc { kind: kind::EXCEPTION, n: 0, children: std::ptr::null() };
    static LIST_STR_CHILDREN: DescChildren<1> = DescChildren([&STR]);
    pub static LIST_STR: TypeDesc = TypeDesc { kind: kind::LIST, n: 1, children: LIST_STR_CHILDREN.as_ptr() };
    pub static STR_BUILDER: TypeDesc = TypeDesc { kind: kind::STR_BUILDER, n: 0, children: std::ptr::null() };
}

#[repr(C)]
pub struct Header {
    pub rc: i64,
    pub desc: *const TypeDesc,
}

impl Header {
    pub fn desc(&self) -> &'static TypeDesc {
        // SAFETY: every live object carries a valid static descriptor.
        unsafe { &*self.desc }
    }
}

#[repr(C)]
pub struct StrObj {
    pub hdr: Header,
    pub len: i64,
    pub nchars: i64,
    pub data: [u8; 0],
}

#[repr(C)]
pub struct ListObj {
    pub hdr: Header,
    pub len: i64,
    pub cap: i64,
    pub data: *mut u64,
}

#[repr(C)]
pub struct TupleObj {
    pub hdr: Header,
    pub len: i64,
    pub items: [u64; 0],
}

#[repr(C)]
pub struct BoxObj {
    pub hdr: Header,
    pub value: u64,
}

#[repr(C)]
pub struct ExcObj {
    pub hdr: Header,
    pub class: i64,
    pub msg: *mut StrObj,
    /// Private to the runtime: the first source line the exception passed
    /// (0 = not yet known). Kept on the object so that a re-raise reports
    /// the original line, like the innermost frame of CPython's traceback.
    pub line: i64,
    /// Private to the runtime: what the exception was made with, which
    /// `repr(e)` shows (`str(e)` is always `msg`).
    pub args: ExcArgs,
}

/// The arguments an exception was made with, as `repr(e)` shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ExcArgs {
    /// None: `ValueError()`.
    Empty,
    /// One str, the message: `ValueError('msg')`.
    Str,
    /// One other value whose repr the message is (`ValueError(3)`, a
    /// KeyError's key): `ValueError(3)`.
    Repr,
    /// Several: the message is their tuple's repr, `ValueError('a', 1)`.
    Several,
}

mod layout_checks {
    use super::*;
    use bodo_abi::layout as l;
    use std::mem::{offset_of, size_of};

    const fn at(off: usize, want: u64) -> bool {
        off as u64 == want
    }
    const _: () = assert!(size_of::<TypeDesc>() as u64 == l::DESC_SIZE);
    const _: () = assert!(size_of::<Header>() as u64 == l::HEADER_SIZE);
    const _: () = assert!(at(offset_of!(Header, rc), l::RC) && at(offset_of!(Header, desc), l::DESC));
    const _: () = assert!(at(offset_of!(StrObj, len), l::str::LEN));
    const _: () = assert!(at(offset_of!(StrObj, nchars), l::str::NCHARS));
    const _: () = assert!(at(offset_of!(StrObj, data), l::str::DATA));
    const _: () = assert!(at(offset_of!(ListObj, len), l::list::LEN));
    const _: () = assert!(at(offset_of!(ListObj, cap), l::list::CAP));
    const _: () = assert!(at(offset_of!(ListObj, data), l::list::DATA));
    const _: () = assert!(at(offset_of!(TupleObj, len), l::tuple::LEN));
    const _: () = assert!(at(offset_of!(TupleObj, items), l::tuple::ITEMS));
    const _: () = assert!(at(offset_of!(BoxObj, value), l::boxed::VALUE));
    const _: () = assert!(at(offset_of!(ExcObj, class), l::exc::CLASS));
    const _: () = assert!(at(offset_of!(ExcObj, msg), l::exc::MSG));
}

/// Live heap objects allocated by this thread (`ThreadHeap::live`).
pub fn live_objects() -> i64 {
    crate::thread_heap::get().live.get()
}

fn track(delta: i64) {
    let live = &crate::thread_heap::get().live;
    live.set(live.get() + delta);
}

/// Allocates `size` bytes (8-aligned) for an object and fills in its header
/// with rc = 1. Aborts on out-of-memory like the global allocator does.
pub fn alloc_obj(size: usize, desc: *const TypeDesc) -> *mut Header {
    let p = crate::pool::alloc(size) as *mut Header;
    // SAFETY: freshly allocated and large enough for a header.
    unsafe { p.write(Header { rc: 1, desc }) };
    track(1);
    p
}

/// Releases the memory of an object allocated by [`alloc_obj`] with `size`.
///
/// # Safety
/// `p` came from `alloc_obj(size, _)` and is not used afterwards.
pub unsafe fn dealloc_obj(p: *mut Header, size: usize) {
    track(-1);
    crate::pool::free(p as *mut u8, size);
}

/// # Safety
/// `p` is null or a live heap object.
pub unsafe fn incref(p: *mut Header) {
    if !p.is_null() && (*p).rc >= 0 {
        (*p).rc += 1;
    }
}

/// # Safety
/// `p` is null or a live heap object owned by the caller.
#[inline]
pub unsafe fn decref(p: *mut Header) {
    if p.is_null() || (*p).rc < 0 {
        return;
    }
    (*p).rc -= 1;
    if (*p).rc == 0 {
        // Strings are most of what dies in a loop; they skip the dispatch.
        if (*(*p).desc).kind == kind::STR {
            crate::str::free(p as *mut StrObj);
        } else {
            destroy(p);
        }
    }
}

/// Increfs a slot if its type is a heap kind.
///
/// # Safety
/// `v` is a valid slot of type `d`.
pub unsafe fn slot_incref(v: u64, d: &TypeDesc) {
    if d.is_heap() {
        incref(v as *mut Header);
    }
}

/// # Safety
/// `v` is a valid slot of type `d` owned by the caller.
pub unsafe fn slot_decref(v: u64, d: &TypeDesc) {
    if d.is_heap() {
        decref(v as *mut Header);
    }
}

/// Frees an object whose count reached zero, releasing what it owns.
/// Kept out of line so that [`decref`] stays a few instructions, inlined
/// where containers release their items, with no registers to save.
#[inline(never)]
unsafe fn destroy(p: *mut Header) {
    let d = (*p).desc();
    match d.kind {
        kind::STR => crate::str::free(p as *mut StrObj),
        kind::LIST | kind::VTUPLE | kind::INDEX => crate::list::free(p as *mut ListObj),
        kind::TUPLE | kind::RECORD => crate::tuple::free(p as *mut TupleObj),
        kind::DICT => crate::dict::free(p as *mut crate::dict::DictObj),
        kind::SET => crate::set::free(p as *mut crate::set::SetObj),
        kind::OPTIONAL => crate::boxed::free(p as *mut BoxObj),
        kind::EXCEPTION => crate::errors::free_exc(p as *mut ExcObj),
        kind::ARRAY => crate::array::free(p as *mut crate::array::ArrObj),
        kind::STR_BUILDER => crate::str_builder::free(p as *mut crate::str_builder::BuilderObj),
        other => panic!("bodo_rt: decref of object with scalar descriptor kind {other}"),
    }
}

/// Reads slot `i` of a raw slot array, or an empty slice for null/0.
///
/// # Safety
/// `p` points to `n` readable slots when `n > 0`.
pub unsafe fn slots<'a>(p: *const u64, n: i64) -> &'a [u64] {
    if n <= 0 || p.is_null() {
        &[]
    } else {
        std::slice::from_raw_parts(p, n as usize)
    }
}
