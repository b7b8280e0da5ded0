//! `list` objects: a growable array of slots whose element type is the
//! single child of the list's descriptor.
//!
//! The `{len, cap, data}` triple is exactly a `Vec`'s raw parts, so
//! mutation goes through [`with_vec`] and the standard growth policy. A list
//! of bool keeps one byte per item (0 or 1), as a C sieve would, instead of
//! an 8-byte slot: a list of flags is the one list whose items are worth
//! packing (a sieve's memory traffic is its cost), and generated code reads
//! and writes those bytes inline. Functions here see slots either way:
//! [`items`] widens a byte list's items, [`with_vec`] narrows them back.

use crate::errors::{PyErr, PyResult};
use crate::generic;
use crate::index;
use crate::object::{alloc_obj, dealloc_obj, slot_decref, slot_incref, Header, ListObj, TypeDesc};
use bodo_abi::{exc, order_op};
use std::borrow::Cow;
use std::mem::ManuallyDrop;

/// Whether lists of element type `d` keep bytes rather than slots.
fn packs(d: &TypeDesc) -> bool {
    d.kind == bodo_abi::kind::BOOL
}

/// A new empty list of type `d` with room for `cap` items.
pub fn new(d: *const TypeDesc, cap: i64) -> *mut ListObj {
    let cap = cap.max(0) as usize;
    // SAFETY: `d` is a list-layout descriptor, whose child 0 is the element.
    let (data, cap) = if packs(unsafe { (*d).child(0) }) {
        let mut v = ManuallyDrop::new(Vec::<u8>::with_capacity(cap));
        (v.as_mut_ptr() as *mut u64, v.capacity())
    } else {
        let mut v = ManuallyDrop::new(Vec::<u64>::with_capacity(cap));
        (v.as_mut_ptr(), v.capacity())
    };
    let p = alloc_obj(size_of::<ListObj>(), d) as *mut ListObj;
    // SAFETY: freshly allocated ListObj; the Vec's buffer moves into it.
    unsafe {
        (*p).len = 0;
        (*p).cap = cap as i64;
        (*p).data = data;
    }
    p
}

/// # Safety
/// `l` is a live list.
pub unsafe fn elem_desc(l: *const ListObj) -> &'static TypeDesc {
    (*l).hdr.desc().child(0)
}

/// Whether `l` keeps its items as bytes (a list of bool).
///
/// # Safety
/// `l` is a live list.
pub unsafe fn is_bytes(l: *const ListObj) -> bool {
    packs(elem_desc(l))
}

/// A byte list's items.
///
/// # Safety
/// `l` is a live list of bool not mutated while the slice is used.
unsafe fn bytes<'a>(l: *const ListObj) -> &'a [u8] {
    std::slice::from_raw_parts((*l).data as *const u8, (*l).len as usize)
}

/// The list's items as slots: borrowed, or widened from a byte list.
///
/// # Safety
/// `l` is a live list not mutated while the slice is used.
pub unsafe fn items<'a>(l: *const ListObj) -> Cow<'a, [u64]> {
    if is_bytes(l) {
        Cow::Owned(bytes(l).iter().map(|&b| b as u64).collect())
    } else {
        Cow::Borrowed(std::slice::from_raw_parts((*l).data, (*l).len as usize))
    }
}

/// Runs `f` on a byte list's storage as a `Vec<u8>`, writing back its raw parts.
///
/// # Safety
/// `l` is a live list of bool.
unsafe fn with_bytes<R>(l: *mut ListObj, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    let mut v = ManuallyDrop::new(Vec::from_raw_parts((*l).data as *mut u8, (*l).len as usize, (*l).cap as usize));
    let r = f(&mut v);
    (*l).len = v.len() as i64;
    (*l).cap = v.capacity() as i64;
    (*l).data = v.as_mut_ptr() as *mut u64;
    r
}

/// Runs `f` on the list's storage as a `Vec` of slots, writing back its raw
/// parts (a byte list's items widened for `f` and narrowed after).
///
/// # Safety
/// `l` is a live list.
pub unsafe fn with_vec<R>(l: *mut ListObj, f: impl FnOnce(&mut Vec<u64>) -> R) -> R {
    if is_bytes(l) {
        return with_bytes(l, |b| {
            let mut wide: Vec<u64> = b.iter().map(|&x| x as u64).collect();
            let r = f(&mut wide);
            b.clear();
            b.extend(wide.iter().map(|&x| x as u8));
            r
        });
    }
    let mut v = ManuallyDrop::new(Vec::from_raw_parts((*l).data, (*l).len as usize, (*l).cap as usize));
    let r = f(&mut v);
    (*l).len = v.len() as i64;
    (*l).cap = v.capacity() as i64;
    (*l).data = v.as_mut_ptr();
    r
}

/// Room for `n` more items, as far as memory allows: a comprehension
/// reserves its whole length before its first item, yet may raise long
/// before its last, so a huge length is only a hint (capped, and a failed
/// reservation leaves the list to grow as it goes).
///
/// # Safety
/// `l` is a live list.
pub unsafe fn reserve(l: *mut ListObj, n: i64) {
    const MAX_HINT: usize = 1 << 24;
    let n = n.clamp(0, MAX_HINT as i64) as usize;
    if is_bytes(l) {
        let _ = with_bytes(l, |b| b.try_reserve_exact(n));
    } else {
        let _ = with_vec(l, |v| v.try_reserve_exact(n));
    }
}

/// # Safety
/// `l` is a list whose count reached zero.
pub unsafe fn free(l: *mut ListObj) {
    let d = elem_desc(l);
    if packs(d) {
        drop(Vec::from_raw_parts((*l).data as *mut u8, (*l).len as usize, (*l).cap as usize));
        dealloc_obj(l as *mut Header, size_of::<ListObj>());
        return;
    }
    let v = Vec::from_raw_parts((*l).data, (*l).len as usize, (*l).cap as usize);
    // Lists of numbers own nothing but their slots (a 5-million-flag
    // sieve's list went element by element otherwise).
    if d.is_heap() {
        for &x in &v {
            slot_decref(x, d);
        }
    }
    drop(v);
    dealloc_obj(l as *mut Header, size_of::<ListObj>());
}

/// Appends a slot whose reference the list takes over.
///
/// # Safety
/// `l` is a live list and `v` a slot of its element type.
pub unsafe fn push_owned(l: *mut ListObj, v: u64) {
    if is_bytes(l) {
        with_bytes(l, |b| b.push(v as u8));
        return;
    }
    with_vec(l, |vec| vec.push(v));
}

/// Appends a borrowed slot (increfs it).
///
/// # Safety
/// `l` is a live list and `v` a slot of its element type.
pub unsafe fn append(l: *mut ListObj, v: u64) {
    slot_incref(v, elem_desc(l));
    push_owned(l, v);
}

/// A new list of type `d` holding borrowed `slots`.
///
/// # Safety
/// The slots are valid for `d`'s element type.
pub unsafe fn from_slots(d: *const TypeDesc, slots: &[u64]) -> *mut ListObj {
    let l = new(d, slots.len() as i64);
    let ed = elem_desc(l);
    for &s in slots {
        slot_incref(s, ed);
    }
    with_vec(l, |v| v.extend_from_slice(slots));
    l
}

/// CPython's IndexError message for a list, or a run-time-length tuple
/// (which shares the list's layout).
///
/// # Safety
/// `l` is a live list.
pub unsafe fn index_error(l: *const ListObj) -> &'static str {
    if (*l).hdr.desc().kind == bodo_abi::kind::VTUPLE {
        "tuple index out of range"
    } else {
        "list index out of range"
    }
}

/// # Safety
/// `l` is a live list.
pub unsafe fn getitem(l: *const ListObj, i: i64) -> PyResult<u64> {
    let i = index::resolve(i, (*l).len).ok_or_else(|| PyErr::new(exc::INDEX_ERROR, index_error(l)))?;
    if is_bytes(l) {
        return Ok(bytes(l)[i as usize] as u64);
    }
    let v = items(l)[i as usize];
    slot_incref(v, elem_desc(l));
    Ok(v)
}

/// `l.pop(i)`: the removed slot's reference passes to the caller.
///
/// # Safety
/// `l` is a live list.
pub unsafe fn pop(l: *mut ListObj, i: i64) -> PyResult<u64> {
    if (*l).len == 0 {
        return Err(PyErr::new(exc::INDEX_ERROR, "pop from empty list"));
    }
    let i = index::resolve(i, (*l).len).ok_or_else(|| PyErr::new(exc::INDEX_ERROR, "pop index out of range"))?;
    if is_bytes(l) {
        return Ok(with_bytes(l, |b| b.remove(i as usize)) as u64);
    }
    Ok(with_vec(l, |v| v.remove(i as usize)))
}

/// `l.insert(i, v)`: the index is clamped like CPython's.
///
/// # Safety
/// `l` is a live list and `v` a slot of its element type.
pub unsafe fn insert(l: *mut ListObj, i: i64, v: u64) {
    let n = (*l).len;
    let at = if i < 0 { (i.saturating_add(n)).max(0) } else { i.min(n) };
    slot_incref(v, elem_desc(l));
    with_vec(l, |vec| vec.insert(at as usize, v));
}

/// First index whose item equals `v`.
///
/// # Safety
/// `l` is a live list and `v` a slot of its element type.
unsafe fn position(l: *const ListObj, v: u64) -> Option<usize> {
    let d = elem_desc(l);
    items(l).iter().position(|&x| generic::eq(x, v, d))
}

/// # Safety
/// `l` is a live list and `v` a slot of its element type.
pub unsafe fn remove(l: *mut ListObj, v: u64) -> PyResult<()> {
    let i = position(l, v).ok_or_else(|| PyErr::new(exc::VALUE_ERROR, "list.remove(x): x not in list"))?;
    let old = with_vec(l, |vec| vec.remove(i));
    slot_decref(old, elem_desc(l));
    Ok(())
}

/// `l.index(v, start, stop)`: the bounds are clamped as slice bounds
/// (`SLICE_NONE` for an omitted stop).
///
/// # Safety
/// `l` is a live list and `v` a slot of its element type.
pub unsafe fn index_of(l: *const ListObj, v: u64, start: i64, stop: i64) -> PyResult<i64> {
    let sl = index::slice((*l).len, start, stop, 1)?;
    let d = elem_desc(l);
    let all = items(l);
    sl.indices()
        .find(|&i| generic::eq(all[i as usize], v, d))
        .ok_or_else(|| PyErr::new(exc::VALUE_ERROR, format!("{} is not in list", generic::repr(v, elem_desc(l)))))
}

/// # Safety
/// `l` is a live list and `v` a slot of its element type.
pub unsafe fn contains(l: *const ListObj, v: u64) -> bool {
    position(l, v).is_some()
}

/// # Safety
/// `l` is a live list and `v` a slot of its element type.
pub unsafe fn count(l: *const ListObj, v: u64) -> i64 {
    let d = elem_desc(l);
    items(l).iter().filter(|&&x| generic::eq(x, v, d)).count() as i64
}

/// `l.extend(other)`; `other` may be `l` itself.
///
/// # Safety
/// Both are live lists of the same type.
pub unsafe fn extend(l: *mut ListObj, other: *const ListObj) {
    if is_bytes(l) {
        // Not through `with_vec`: extending would widen all of `l` each time.
        let add: Vec<u8> = bytes(other).to_vec();
        with_bytes(l, |b| b.extend_from_slice(&add));
        return;
    }
    let add: Vec<u64> = items(other).to_vec();
    let d = elem_desc(l);
    for &x in &add {
        slot_incref(x, d);
    }
    with_vec(l, |v| v.extend_from_slice(&add));
}

/// # Safety
/// `l` is a live list.
pub unsafe fn clear(l: *mut ListObj) {
    let d = elem_desc(l);
    let old = with_vec(l, std::mem::take);
    for x in old {
        slot_decref(x, d);
    }
}

/// # Safety
/// `l` is a live list.
pub unsafe fn slice(l: *const ListObj, start: i64, stop: i64, step: i64) -> PyResult<*mut ListObj> {
    let sl = index::slice((*l).len, start, stop, step)?;
    let src = items(l);
    let picked: Vec<u64> = sl.indices().map(|i| src[i as usize]).collect();
    Ok(from_slots((*l).hdr.desc, &picked))
}

/// `l[start:stop:step] = other`. A step of 1 replaces the run with all of
/// `other` (any length); an extended slice takes exactly as many items as
/// it selects, else CPython's ValueError.
///
/// # Safety
/// Both are live lists of the same type (`other` may be `l` itself).
pub unsafe fn set_slice(l: *mut ListObj, start: i64, stop: i64, step: i64, other: *const ListObj) -> PyResult<()> {
    let sl = index::slice((*l).len, start, stop, step)?;
    let new: Vec<u64> = items(other).to_vec();
    let d = elem_desc(l);
    for &x in &new {
        slot_incref(x, d);
    }
    let old: Vec<u64> = if sl.step == 1 {
        let at = sl.start as usize;
        with_vec(l, |v| v.splice(at..at + sl.count as usize, new).collect())
    } else {
        if new.len() as i64 != sl.count {
            for &x in &new {
                slot_decref(x, d);
            }
            let msg =
                format!("attempt to assign sequence of size {} to extended slice of size {}", new.len(), sl.count);
            return Err(PyErr::new(exc::VALUE_ERROR, msg));
        }
        with_vec(l, |v| sl.indices().zip(new).map(|(i, x)| std::mem::replace(&mut v[i as usize], x)).collect())
    };
    for x in old {
        slot_decref(x, d);
    }
    Ok(())
}

/// `del l[start:stop:step]`.
///
/// # Safety
/// `l` is a live list.
pub unsafe fn del_slice(l: *mut ListObj, start: i64, stop: i64, step: i64) -> PyResult<()> {
    let sl = index::slice((*l).len, start, stop, step)?;
    let mut drop = vec![false; (*l).len as usize];
    for i in sl.indices() {
        drop[i as usize] = true;
    }
    let mut removed = Vec::with_capacity(sl.count as usize);
    with_vec(l, |v| {
        let mut k = 0;
        v.retain(|&x| {
            let gone = drop[k];
            k += 1;
            if gone {
                removed.push(x);
            }
            !gone
        });
    });
    let d = elem_desc(l);
    for x in removed {
        slot_decref(x, d);
    }
    Ok(())
}

/// # Safety
/// Both are live lists of the same type.
pub unsafe fn concat(a: *const ListObj, b: *const ListObj) -> *mut ListObj {
    let r = from_slots((*a).hdr.desc, &items(a));
    extend(r, b);
    r
}

/// `l * n`: a new list.
///
/// # Safety
/// `l` is a live list.
pub unsafe fn repeat(l: *const ListObj, n: i64) -> PyResult<*mut ListObj> {
    let r = from_slots((*l).hdr.desc, &items(l));
    if let Err(e) = repeat_in_place(r, n) {
        crate::object::decref(r as *mut Header);
        return Err(e);
    }
    Ok(r)
}

/// `l *= n` in place (CPython's `list_inplace_repeat`): `l` repeated, or
/// emptied when `n <= 0`. The room is taken once and the copies double,
/// each copying everything written so far; a result too large to hold is
/// a MemoryError that leaves `l` as it was.
///
/// # Safety
/// `l` is a live list.
pub unsafe fn repeat_in_place(l: *mut ListObj, n: i64) -> PyResult<()> {
    if n <= 0 {
        clear(l);
        return Ok(());
    }
    let len = (*l).len as usize;
    let total = len.checked_mul(n as usize).ok_or_else(|| PyErr::new(exc::MEMORY_ERROR, ""))?;
    if total == len {
        return Ok(());
    }
    fn fill<T: Copy>(v: &mut Vec<T>, total: usize) -> Result<(), std::collections::TryReserveError> {
        v.try_reserve_exact(total - v.len())?;
        while v.len() < total {
            let k = (total - v.len()).min(v.len());
            v.extend_from_within(..k);
        }
        Ok(())
    }
    let d = elem_desc(l);
    let filled = if packs(d) { with_bytes(l, |v| fill(v, total)) } else { with_vec(l, |v| fill(v, total)) };
    filled.map_err(|_| PyErr::new(exc::MEMORY_ERROR, ""))?;
    if d.is_heap() {
        // Every item now appears `n` times, one reference each.
        for &x in &items(l)[..len] {
            for _ in 1..n {
                slot_incref(x, d);
            }
        }
    }
    Ok(())
}

/// # Safety
/// `l` is a live list.
pub unsafe fn copy(l: *const ListObj) -> *mut ListObj {
    from_slots((*l).hdr.desc, &items(l))
}

/// # Safety
/// `l` is a live list.
pub unsafe fn reverse(l: *mut ListObj) {
    with_vec(l, |v| v.reverse());
}

/// # Safety
/// `l` is a live list.
pub unsafe fn reversed(l: *const ListObj) -> *mut ListObj {
    let mut v = items(l).to_vec();
    v.reverse();
    from_slots((*l).hdr.desc, &v)
}

/// Stable sort using only `<`, like CPython; `reverse` keeps equal items in
/// their original order (reverse, sort, reverse). If a comparison fails the
/// list is left as some permutation of its items.
///
/// # Safety
/// `l` is a live list.
pub unsafe fn sort(l: *mut ListObj, reverse: bool) -> PyResult<()> {
    if is_bytes(l) {
        // Flags sort to the falses then the trues (the reverse: trues first).
        let b = std::slice::from_raw_parts_mut((*l).data as *mut u8, (*l).len as usize);
        let trues = b.iter().filter(|&&x| x != 0).count();
        let (first, split) = if reverse { (1, trues) } else { (0, b.len() - trues) };
        b[..split].fill(first);
        b[split..].fill(1 - first);
        return Ok(());
    }
    let d = elem_desc(l);
    let v = std::slice::from_raw_parts_mut((*l).data, (*l).len as usize);
    if reverse {
        v.reverse();
    }
    let r = match d.kind {
        bodo_abi::kind::INT => {
            v.sort_by_key(|&x| x as i64);
            Ok(())
        }
        bodo_abi::kind::STR | bodo_abi::kind::BOOL => {
            v.sort_by(|&a, &b| generic::total_cmp(a, b, d));
            Ok(())
        }
        _ => merge_sort(v, &mut |a, b| generic::lt(a, b, d)),
    };
    if reverse {
        v.reverse();
    }
    r
}

type Less<'a> = dyn FnMut(u64, u64) -> PyResult<bool> + 'a;

/// Stable top-down merge sort driven by a fallible `<`.
fn merge_sort(v: &mut [u64], lt: &mut Less) -> PyResult<()> {
    let mut buf = Vec::with_capacity(v.len() / 2 + 1);
    sort_range(v, &mut buf, lt)
}

fn sort_range(v: &mut [u64], buf: &mut Vec<u64>, lt: &mut Less) -> PyResult<()> {
    let n = v.len();
    if n <= 12 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && lt(v[j], v[j - 1])? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = n / 2;
    sort_range(&mut v[..mid], buf, lt)?;
    sort_range(&mut v[mid..], buf, lt)?;
    if !lt(v[mid], v[mid - 1])? {
        return Ok(());
    }
    buf.clear();
    buf.extend_from_slice(&v[..mid]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < buf.len() && j < n {
        // Take from the right only when strictly smaller: keeps stability.
        match lt(v[j], buf[i]) {
            Ok(true) => {
                v[k] = v[j];
                j += 1;
            }
            Ok(false) => {
                v[k] = buf[i];
                i += 1;
            }
            Err(e) => {
                v[k..k + buf.len() - i].copy_from_slice(&buf[i..]);
                return Err(e);
            }
        }
        k += 1;
    }
    v[k..k + buf.len() - i].copy_from_slice(&buf[i..]);
    Ok(())
}

/// `min(l)` (`want_max = false`) or `max(l)`; the first extreme item wins.
///
/// # Safety
/// `l` is a live list.
pub unsafe fn min_max(l: *const ListObj, want_max: bool) -> PyResult<u64> {
    let d = elem_desc(l);
    let xs = items(l);
    let Some(&first) = xs.first() else {
        let name = if want_max { "max" } else { "min" };
        return Err(PyErr::new(exc::VALUE_ERROR, format!("{name}() arg is an empty sequence")));
    };
    let mut best = first;
    for &x in &xs[1..] {
        // CPython asks `item > best` for max (its TypeError names '>'), `item < best` for min.
        let better = if want_max { generic::compare(x, best, d, order_op::GT)? } else { generic::lt(x, best, d)? };
        if better {
            best = x;
        }
    }
    slot_incref(best, d);
    Ok(best)
}

/// `sum(l)` of ints or bools, wrapping like the rest of 64-bit int arithmetic.
///
/// # Safety
/// `l` is a live list of int or bool.
pub unsafe fn sum_int(l: *const ListObj) -> i64 {
    if is_bytes(l) {
        return bytes(l).iter().map(|&b| b as i64).sum();
    }
    items(l).iter().fold(0i64, |a, &x| a.wrapping_add(x as i64))
}

/// `sum(l)` of floats: plain left-to-right addition, as CPython 3.11.
///
/// # Safety
/// `l` is a live list of float.
pub unsafe fn sum_float(l: *const ListObj) -> f64 {
    items(l).iter().fold(0.0, |a, &x| a + f64::from_bits(x))
}

/// # Safety
/// Both are live lists of the same type.
pub unsafe fn eq(a: *const ListObj, b: *const ListObj) -> bool {
    let d = elem_desc(a);
    let (xa, xb) = (items(a), items(b));
    xa.len() == xb.len() && xa.iter().zip(xb.iter()).all(|(&x, &y)| generic::eq(x, y, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{decref, descs, live_objects};
    use crate::test_descs::{LIST_FLOAT, LIST_INT, LIST_TUPLE_INT_STR};

    unsafe fn ints(l: *const ListObj) -> Vec<i64> {
        items(l).iter().map(|&x| x as i64).collect()
    }

    #[test]
    fn basic_ops() {
        unsafe {
            let l = from_slots(&LIST_INT, &[3, 1, 2]);
            append(l, 5);
            insert(l, -1, 9);
            insert(l, 100, 7);
            assert_eq!(ints(l), [3, 1, 2, 9, 5, 7]);
            assert_eq!(pop(l, -1).unwrap(), 7);
            assert_eq!(getitem(l, -1).unwrap(), 5);
            assert!(getitem(l, 5).is_err());
            *(*l).data = 4; // as generated code stores an int slot
            remove(l, 9).unwrap();
            assert_eq!(index_of(l, 9, 0, bodo_abi::SLICE_NONE).unwrap_err().msg, "9 is not in list");
            assert_eq!(index_of(l, 1, 1, bodo_abi::SLICE_NONE).unwrap(), 1);
            assert!(index_of(l, 4, 1, bodo_abi::SLICE_NONE).is_err());
            assert_eq!(ints(l), [4, 1, 2, 5]);
            let r = reversed(l);
            assert_eq!(ints(r), [5, 2, 1, 4]);
            let s = slice(l, bodo_abi::SLICE_NONE, bodo_abi::SLICE_NONE, -2).unwrap();
            assert_eq!(ints(s), [5, 1]);
            extend(l, l);
            assert_eq!((*l).len, 8);
            let e = new(&LIST_INT, 0);
            assert_eq!(pop(e, -1).unwrap_err().msg, "pop from empty list");
            assert_eq!(min_max(e, true).unwrap_err().msg, "max() arg is an empty sequence");
            for p in [l, r, s, e] {
                decref(p as *mut Header);
            }
        }
    }

    #[test]
    fn sort_stable_and_reverse() {
        unsafe {
            let fl: Vec<u64> = [2.0f64, 1.0, f64::NAN, -1.0, 1.0].iter().map(|f| f.to_bits()).collect();
            let l = from_slots(&LIST_FLOAT, &fl);
            sort(l, false).unwrap();
            // NaN breaks the order (CPython's exact result depends on timsort
            // internals); what matters is no panic and no lost item.
            let mut got: Vec<u64> = items(l).to_vec();
            got.sort_unstable();
            let mut want = fl.clone();
            want.sort_unstable();
            assert_eq!(got, want);
            decref(l as *mut Header);

            // Tuples (key, tag): sort by the whole tuple, then check stability
            // of equal keys with a key-only comparison through merge_sort.
            let mut v: Vec<u64> = vec![30, 11, 20, 12, 31, 13];
            merge_sort(&mut v, &mut |a, b| Ok(a / 10 < b / 10)).unwrap();
            assert_eq!(v, [11, 12, 13, 20, 30, 31]);
            let mut v: Vec<u64> = (0..100).map(|i| (i * 37 % 100) * 100 + i).collect();
            merge_sort(&mut v, &mut |a, b| Ok(a / 100 < b / 100)).unwrap();
            assert!(v.windows(2).all(|w| w[0] < w[1]));

            let l = from_slots(&LIST_INT, &[1, 3, 2, 3]);
            sort(l, true).unwrap();
            assert_eq!(ints(l), [3, 3, 2, 1]);
            decref(l as *mut Header);
        }
    }

    #[test]
    fn min_max_sum() {
        unsafe {
            let l = from_slots(&LIST_INT, &[3, (-7i64) as u64, 9]);
            assert_eq!(min_max(l, false).unwrap() as i64, -7);
            assert_eq!(min_max(l, true).unwrap() as i64, 9);
            assert_eq!(sum_int(l), 5);
            decref(l as *mut Header);
        }
    }

    #[test]
    fn decref_frees_children() {
        let before = live_objects();
        unsafe {
            let a = crate::str::new_str("a");
            let t = crate::tuple::new(LIST_TUPLE_INT_STR.child(0), &[1, a as u64]);
            decref(a as *mut Header);
            let l = from_slots(&LIST_TUPLE_INT_STR, &[t as u64, t as u64]);
            decref(t as *mut Header);
            assert_eq!((*t).hdr.rc, 2);
            let strs = crate::str::str_list(&["x", "y"]);
            assert_eq!((*strs).hdr.desc, &descs::LIST_STR as *const _);
            decref(strs as *mut Header);
            decref(l as *mut Header);
        }
        assert_eq!(live_objects(), before);
    }
}
