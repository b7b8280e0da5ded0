//! Boxes: the heap form of a non-None `Optional[scalar]` (int, float, bool),
//! so that every Optional is a nullable pointer.

use crate::object::{alloc_obj, dealloc_obj, BoxObj, Header, TypeDesc};

/// A box of type `d` (the OPTIONAL descriptor) holding the scalar slot `v`.
pub fn new(d: *const TypeDesc, v: u64) -> *mut BoxObj {
    let p = alloc_obj(size_of::<BoxObj>(), d) as *mut BoxObj;
    // SAFETY: freshly allocated BoxObj.
    unsafe { (*p).value = v };
    p
}

/// # Safety
/// `p` is a box whose count reached zero.
pub unsafe fn free(p: *mut BoxObj) {
    dealloc_obj(p as *mut Header, size_of::<BoxObj>());
}
