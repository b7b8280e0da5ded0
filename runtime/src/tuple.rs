//! `tuple` objects: a fixed array of slots, each typed by the matching child
//! of the tuple's descriptor. Generated code reads items in place.

use crate::object::{alloc_obj, dealloc_obj, slot_decref, slot_incref, Header, TupleObj, TypeDesc};

const ITEMS: usize = std::mem::offset_of!(TupleObj, items);

fn alloc_size(n: usize) -> usize {
    ITEMS + 8 * n
}

/// A new tuple of type `d` holding borrowed `slots` (increfs heap items).
///
/// # Safety
/// `d` is a tuple descriptor with one child per slot, and the slots are
/// valid for those children.
pub unsafe fn new(d: *const TypeDesc, slots: &[u64]) -> *mut TupleObj {
    let p = alloc_obj(alloc_size(slots.len()), d) as *mut TupleObj;
    (*p).len = slots.len() as i64;
    let td = &*d;
    for (i, &s) in slots.iter().enumerate() {
        slot_incref(s, td.child(i));
    }
    std::ptr::copy_nonoverlapping(slots.as_ptr(), items_ptr(p), slots.len());
    p
}

fn items_ptr(p: *mut TupleObj) -> *mut u64 {
    // SAFETY: the items array starts right after the fixed fields.
    unsafe { (p as *mut u8).add(ITEMS) as *mut u64 }
}

/// # Safety
/// `p` is a live tuple not freed while the slice is used.
pub unsafe fn items<'a>(p: *const TupleObj) -> &'a [u64] {
    std::slice::from_raw_parts(items_ptr(p as *mut TupleObj), (*p).len as usize)
}

/// Replaces item `i` of a record (a tuple in layout, mutable as a dict is)
/// with borrowed slot `v`, releasing the old item.
///
/// # Safety
/// `p` is a live record with more than `i` items and `v` is valid for item `i`'s type.
pub unsafe fn set(p: *mut TupleObj, i: usize, v: u64) {
    let d = (*p).hdr.desc().child(i);
    let slot = items_ptr(p).add(i);
    slot_incref(v, d);
    slot_decref(*slot, d);
    *slot = v;
}

/// # Safety
/// `p` is a tuple whose count reached zero.
pub unsafe fn free(p: *mut TupleObj) {
    let d = (*p).hdr.desc();
    for (i, &s) in items(p).iter().enumerate() {
        slot_decref(s, d.child(i));
    }
    dealloc_obj(p as *mut Header, alloc_size((*p).len as usize));
}
