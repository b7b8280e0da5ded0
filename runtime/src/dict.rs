//! `dict` objects: an insertion-ordered hash table (entries in a vector,
//! an open-addressing index of entry positions), keyed through the
//! descriptor-driven `hash`/`==` of the key type.

use crate::errors::{PyErr, PyResult};
use crate::generic;
use crate::list;
use crate::object::{alloc_obj, dealloc_obj, slot_decref, slot_incref, Header, ListObj, StrObj, TupleObj, TypeDesc};
use crate::str as pystr;
use crate::str_hash;
use crate::tuple;
use bodo_abi::{exc, kind};

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Copy)]
struct Entry {
    hash: i64,
    key: u64,
    value: u64,
}

/// The table behind a dict: `entries` in insertion order (`None` once
/// deleted), `index` mapping probe positions to entry numbers.
#[derive(Default)]
struct Table {
    entries: Vec<Option<Entry>>,
    index: Vec<u32>,
    used: usize,
}

#[repr(C)]
pub struct DictObj {
    hdr: Header,
    table: Table,
}

enum Probe {
    Found { slot: usize, entry: usize },
    Missing { slot: usize },
}

impl Table {
    fn lookup(&self, hash: i64, key: u64, kd: &TypeDesc) -> Probe {
        if kd.kind == kind::STR {
            // String keys (word counts) compare inline: same object, or
            // same bytes.
            // SAFETY: str slots point to live string objects.
            return self.probe(hash, |k| k == key || unsafe { str_hash::same_text(text(k), text(key)) });
        }
        self.probe(hash, |k| generic::eq(k, key, kd))
    }

    /// The probe sequence of `hash`, stopping at the entry whose key
    /// `same` accepts (entries of another hash are skipped without it).
    /// The index is not empty.
    ///
    /// Every lookup runs this loop, so it reads without bounds checks on
    /// the table's invariants: the index has a power-of-two length (a
    /// masked position is inside it), and an index word other than
    /// `EMPTY`/`DUMMY` is the number of a live entry (`reserve` and
    /// `insert` write only those; a removal turns the word into `DUMMY`).
    #[inline(always)]
    fn probe(&self, hash: i64, same: impl Fn(u64) -> bool) -> Probe {
        debug_assert!(self.index.len().is_power_of_two());
        let mask = self.index.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free = None;
        loop {
            // SAFETY: `i` is masked to the index's power-of-two length.
            match unsafe { *self.index.get_unchecked(i) } {
                EMPTY => return Probe::Missing { slot: free.unwrap_or(i) },
                DUMMY => {
                    free.get_or_insert(i);
                }
                e => {
                    debug_assert!(self.entries.get(e as usize).is_some_and(Option::is_some));
                    // SAFETY: the index points at live entries (above).
                    if let Some(ent) = unsafe { self.entries.get_unchecked(e as usize) } {
                        if ent.hash == hash && same(ent.key) {
                            return Probe::Found { slot: i, entry: e as usize };
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// The live entry number `e` a probe found.
    fn found(&mut self, e: usize) -> &mut Entry {
        debug_assert!(self.entries.get(e).is_some_and(Option::is_some));
        // SAFETY: `probe` returns live entries' numbers.
        unsafe { self.entries.get_unchecked_mut(e).as_mut().unwrap_unchecked() }
    }

    /// Rebuilds the index (and compacts deleted entries) so that `extra`
    /// more insertions keep the load below 1/2 (CPython's 2/3 made a
    /// quarter of a word count's lookups probe a second slot, most of them
    /// a mispredicted branch; the index is 4 bytes a slot, small beside the
    /// 32-byte entries).
    fn reserve(&mut self, extra: usize) {
        if !self.index.is_empty() && (self.entries.len() + extra) * 2 < self.index.len() {
            return;
        }
        self.entries.retain(Option::is_some);
        let mut size = 8;
        while size <= (self.used + extra) * 2 {
            size *= 2;
        }
        self.index = vec![EMPTY; size];
        let mask = size - 1;
        for (n, e) in self.entries.iter().enumerate() {
            let hash = e.as_ref().expect("compacted").hash;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            while self.index[i] != EMPTY {
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
            self.index[i] = n as u32;
        }
    }
}

/// The hash `m` files key `k` under: CPython's for every type but `str`,
/// whose [`str_hash::table_hash`] is cheaper and just as good here, since
/// a dict iterates in insertion order whatever its keys hash to.
fn key_hash(k: u64, kd: &TypeDesc) -> PyResult<i64> {
    if kd.kind == kind::STR {
        // SAFETY: a str slot points to a live string object.
        return Ok(unsafe { str_hash::table_hash(text(k)) });
    }
    generic::hash(k, kd)
}

/// The UTF-8 bytes of the string object in slot `k`.
///
/// # Safety
/// `k` points to a live string object.
unsafe fn text<'a>(k: u64) -> &'a [u8] {
    pystr::as_str(k as *const StrObj).as_bytes()
}

/// A new empty dict of type `d`.
pub fn new(d: *const TypeDesc) -> *mut DictObj {
    let p = alloc_obj(size_of::<DictObj>(), d) as *mut DictObj;
    // SAFETY: freshly allocated; the table field is uninitialised until now.
    unsafe { std::ptr::addr_of_mut!((*p).table).write(Table::default()) };
    p
}

/// The key and value descriptors of `m`.
///
/// # Safety
/// `m` is a live dict.
pub unsafe fn descs(m: *const DictObj) -> (&'static TypeDesc, &'static TypeDesc) {
    let d = (*m).hdr.desc();
    (d.child(0), d.child(1))
}

unsafe fn table<'a>(m: *const DictObj) -> &'a Table {
    &(*m).table
}

unsafe fn table_mut<'a>(m: *mut DictObj) -> &'a mut Table {
    &mut (*m).table
}

/// # Safety
/// `m` is a dict whose count reached zero.
pub unsafe fn free(m: *mut DictObj) {
    let (kd, vd) = descs(m);
    let t = std::ptr::read(&(*m).table);
    for e in t.entries.iter().flatten() {
        slot_decref(e.key, kd);
        slot_decref(e.value, vd);
    }
    drop(t);
    dealloc_obj(m as *mut Header, size_of::<DictObj>());
}

/// # Safety
/// `m` is a live dict.
pub unsafe fn len(m: *const DictObj) -> i64 {
    table(m).used as i64
}

/// Live `(key, value)` pairs in insertion order, borrowed.
///
/// # Safety
/// `m` is a live dict not mutated during the iteration.
pub unsafe fn entries<'a>(m: *const DictObj) -> impl Iterator<Item = (u64, u64)> + 'a {
    table(m).entries.iter().flatten().map(|e| (e.key, e.value))
}

/// The entry number holding `k`, if any.
unsafe fn find(m: *const DictObj, k: u64) -> PyResult<Option<usize>> {
    let (kd, _) = descs(m);
    let t = table(m);
    let h = key_hash(k, kd)?;
    if t.index.is_empty() {
        return Ok(None);
    }
    Ok(match t.lookup(h, k, kd) {
        Probe::Found { entry, .. } => Some(entry),
        Probe::Missing { .. } => None,
    })
}

fn key_error(k: u64, kd: &TypeDesc) -> PyErr {
    PyErr::new(exc::KEY_ERROR, generic::repr(k, kd))
}

/// `m[k] = v` (borrowed slots). An existing key keeps its original object.
///
/// # Safety
/// `m` is a live dict; `k`, `v` are slots of its key and value types.
pub unsafe fn setitem(m: *mut DictObj, k: u64, v: u64) -> PyResult<()> {
    let (kd, vd) = descs(m);
    let h = key_hash(k, kd)?;
    let t = table_mut(m);
    t.reserve(1);
    slot_incref(v, vd);
    match t.lookup(h, k, kd) {
        Probe::Found { entry, .. } => {
            let e = t.entries[entry].as_mut().expect("live entry");
            let old = std::mem::replace(&mut e.value, v);
            slot_decref(old, vd);
        }
        Probe::Missing { slot } => {
            slot_incref(k, kd);
            t.index[slot] = t.entries.len() as u32;
            t.entries.push(Some(Entry { hash: h, key: k, value: v }));
            t.used += 1;
        }
    }
    Ok(())
}

/// `m[k]` (owned result).
///
/// # Safety
/// `m` is a live dict and `k` a slot of its key type.
pub unsafe fn getitem(m: *const DictObj, k: u64) -> PyResult<u64> {
    let (kd, vd) = descs(m);
    let e = find(m, k)?.ok_or_else(|| key_error(k, kd))?;
    let v = table(m).entries[e].as_ref().expect("live entry").value;
    slot_incref(v, vd);
    Ok(v)
}

/// `m.get(k, default)` (owned result).
///
/// # Safety
/// `m` is a live dict; `k`, `default` are slots of its key and value types.
pub unsafe fn get(m: *const DictObj, k: u64, default: u64) -> PyResult<u64> {
    let (_, vd) = descs(m);
    let v = match find(m, k)? {
        Some(e) => table(m).entries[e].as_ref().expect("live entry").value,
        None => default,
    };
    slot_incref(v, vd);
    Ok(v)
}

/// The address of `m[k]`'s value slot, null when `k` is missing. It stays
/// valid until the next insertion or removal.
///
/// # Safety
/// `m` is a live dict and `k` a slot of its key type.
pub unsafe fn value_slot(m: *mut DictObj, k: u64) -> PyResult<*mut u64> {
    Ok(match find(m, k)? {
        Some(e) => &mut table_mut(m).found(e).value,
        None => std::ptr::null_mut(),
    })
}

/// [`value_slot`] of the str key whose text is `key`. A key of up to
/// eight bytes (a word, a field) takes a path of its own: its hash and
/// every comparison are of one word, and a leaf function that saves no
/// registers serves it (the general path's were a fifth of a lookup).
///
/// # Safety
/// `m` is a live dict with str keys; `key` is (part of) the text of a
/// string object (`str_hash::table_hash`).
#[inline(always)]
pub unsafe fn piece_value_slot(m: *mut DictObj, key: &[u8]) -> *mut u64 {
    if key.len() <= 8 {
        short_piece_value_slot(m, key)
    } else {
        long_piece_value_slot(m, key)
    }
}

/// [`piece_value_slot`] of a key of at most eight bytes.
///
/// # Safety
/// As [`piece_value_slot`].
#[inline(always)]
unsafe fn short_piece_value_slot(m: *mut DictObj, key: &[u8]) -> *mut u64 {
    let t = table_mut(m);
    if t.index.is_empty() {
        return std::ptr::null_mut();
    }
    let (w, n) = (str_hash::tail_word(key), key.len());
    // SAFETY: str slots point to live string objects.
    let same = |k: u64| unsafe {
        let other = text(k);
        other.len() == n && str_hash::tail_word(other) == w
    };
    match t.probe(str_hash::short_hash(w, n), same) {
        Probe::Found { entry, .. } => &mut t.found(entry).value,
        Probe::Missing { .. } => std::ptr::null_mut(),
    }
}

/// [`piece_value_slot`] of a longer key, out of line.
///
/// # Safety
/// As [`piece_value_slot`].
#[inline(never)]
unsafe fn long_piece_value_slot(m: *mut DictObj, key: &[u8]) -> *mut u64 {
    let t = table_mut(m);
    if t.index.is_empty() {
        return std::ptr::null_mut();
    }
    // SAFETY: str slots point to live string objects.
    match t.probe(str_hash::table_hash(key), |k| unsafe { str_hash::same_text(text(k), key) }) {
        Probe::Found { entry, .. } => &mut t.found(entry).value,
        Probe::Missing { .. } => std::ptr::null_mut(),
    }
}

/// # Safety
/// `m` is a live dict and `k` a slot of its key type.
pub unsafe fn contains(m: *const DictObj, k: u64) -> PyResult<bool> {
    Ok(find(m, k)?.is_some())
}

/// Removes `k`, returning its entry with both references (owned).
unsafe fn take(m: *mut DictObj, k: u64) -> PyResult<Option<Entry>> {
    let (kd, _) = descs(m);
    let h = key_hash(k, kd)?;
    let t = table_mut(m);
    if t.index.is_empty() {
        return Ok(None);
    }
    Ok(match t.lookup(h, k, kd) {
        Probe::Found { slot, entry } => {
            t.index[slot] = DUMMY;
            t.used -= 1;
            t.entries[entry].take()
        }
        Probe::Missing { .. } => None,
    })
}

/// `del m[k]`.
///
/// # Safety
/// `m` is a live dict and `k` a slot of its key type.
pub unsafe fn delitem(m: *mut DictObj, k: u64) -> PyResult<()> {
    let (kd, vd) = descs(m);
    let e = take(m, k)?.ok_or_else(|| key_error(k, kd))?;
    slot_decref(e.key, kd);
    slot_decref(e.value, vd);
    Ok(())
}

/// `m.pop(k[, default])` (owned result).
///
/// # Safety
/// `m` is a live dict; `k`, `default` are slots of its key and value types.
pub unsafe fn pop(m: *mut DictObj, k: u64, default: u64, has_default: bool) -> PyResult<u64> {
    let (kd, vd) = descs(m);
    match take(m, k)? {
        Some(e) => {
            slot_decref(e.key, kd);
            Ok(e.value)
        }
        None if has_default => {
            slot_incref(default, vd);
            Ok(default)
        }
        None => Err(key_error(k, kd)),
    }
}

/// `m.popitem()`: the last inserted `(key, value)` as a tuple of type
/// `tuple_desc` (owned), removed from `m`.
///
/// # Safety
/// `m` is a live dict and `tuple_desc` its `(key, value)` tuple type.
pub unsafe fn popitem(m: *mut DictObj, tuple_desc: *const TypeDesc) -> PyResult<*mut TupleObj> {
    let (kd, vd) = descs(m);
    let Some(k) = table(m).entries.iter().rev().flatten().next().map(|e| e.key) else {
        return Err(PyErr::new(exc::KEY_ERROR, "'popitem(): dictionary is empty'"));
    };
    let e = take(m, k)?.expect("the last entry is live");
    let t = tuple::new(tuple_desc, &[e.key, e.value]);
    // The tuple took its own references.
    slot_decref(e.key, kd);
    slot_decref(e.value, vd);
    Ok(t)
}

/// `m.setdefault(k, v)` (owned result).
///
/// # Safety
/// `m` is a live dict; `k`, `v` are slots of its key and value types.
pub unsafe fn setdefault(m: *mut DictObj, k: u64, v: u64) -> PyResult<u64> {
    if find(m, k)?.is_none() {
        setitem(m, k, v)?;
    }
    getitem(m, k)
}

/// `m.update(other)`.
///
/// # Safety
/// Both are live dicts of the same type.
pub unsafe fn update(m: *mut DictObj, other: *const DictObj) -> PyResult<()> {
    let pairs: Vec<(u64, u64)> = entries(other).collect();
    for (k, v) in pairs {
        setitem(m, k, v)?;
    }
    Ok(())
}

/// # Safety
/// `m` is a live dict.
pub unsafe fn clear(m: *mut DictObj) {
    let (kd, vd) = descs(m);
    let old = std::mem::take(table_mut(m));
    for e in old.entries.iter().flatten() {
        slot_decref(e.key, kd);
        slot_decref(e.value, vd);
    }
}

/// # Safety
/// `m` is a live dict.
pub unsafe fn copy(m: *const DictObj) -> PyResult<*mut DictObj> {
    let r = new((*m).hdr.desc);
    update(r, m)?;
    Ok(r)
}

/// What [`to_list`] snapshots.
#[derive(Clone, Copy)]
pub enum View {
    Keys,
    Values,
    Items,
}

/// `list(m.keys())`, `list(m.values())` or `list(m.items())` with list type
/// `list_desc` (for items, its element is the `(key, value)` tuple type).
///
/// # Safety
/// `m` is a live dict and `list_desc` matches the view's element type.
pub unsafe fn to_list(m: *const DictObj, list_desc: *const TypeDesc, view: View) -> *mut ListObj {
    let l = list::new(list_desc, len(m));
    let ed = list::elem_desc(l);
    for (k, v) in entries(m) {
        match view {
            View::Keys => list::append(l, k),
            View::Values => list::append(l, v),
            View::Items => list::push_owned(l, tuple::new(ed, &[k, v]) as u64),
        }
    }
    l
}

/// `a == b`: same keys with equal values.
///
/// # Safety
/// Both are live dicts of the same type.
pub unsafe fn eq(a: *const DictObj, b: *const DictObj) -> bool {
    if len(a) != len(b) {
        return false;
    }
    let (_, vd) = descs(a);
    entries(a).all(|(k, v)| match find(b, k) {
        Ok(Some(e)) => generic::eq(v, table(b).entries[e].as_ref().expect("live entry").value, vd),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{decref, live_objects};
    use crate::str::new_str;
    use crate::test_descs::*;

    unsafe fn keys_of(m: *const DictObj) -> Vec<i64> {
        entries(m).map(|(k, _)| k as i64).collect()
    }

    #[test]
    fn insertion_order_and_deletion() {
        unsafe {
            let m = new(&DICT_INT_INT);
            for k in [5, 3, 9, 1] {
                setitem(m, k, k * 10).unwrap();
            }
            setitem(m, 3, 33).unwrap();
            assert_eq!(keys_of(m), [5, 3, 9, 1]);
            delitem(m, 3).unwrap();
            setitem(m, 3, 1).unwrap();
            assert_eq!(keys_of(m), [5, 9, 1, 3]);
            assert_eq!(getitem(m, 9).unwrap(), 90);
            assert_eq!(getitem(m, 4).unwrap_err(), PyErr::new(exc::KEY_ERROR, "4"));
            assert_eq!(pop(m, 4, 7, true).unwrap(), 7);
            assert_eq!(pop(m, 5, 0, false).unwrap(), 50);
            assert!(pop(m, 5, 0, false).is_err());
            assert_eq!(len(m), 3);
            for k in 100..1000 {
                setitem(m, k, k).unwrap();
            }
            for k in 100..990 {
                delitem(m, k).unwrap();
            }
            assert_eq!(len(m), 13);
            assert_eq!(keys_of(m)[..4], [9, 1, 3, 990]);
            assert!(contains(m, 999).unwrap());
            assert!(!contains(m, 500).unwrap());
            let c = copy(m).unwrap();
            assert!(eq(c, m));
            setitem(c, 1, 2).unwrap();
            assert!(!eq(c, m));
            clear(m);
            assert_eq!(len(m), 0);
            decref(m as *mut Header);
            decref(c as *mut Header);
        }
    }

    #[test]
    fn str_keys_refcounts_and_views() {
        let before = live_objects();
        unsafe {
            let m = new(&DICT_STR_INT);
            let a = new_str("a");
            let a2 = new_str("a");
            setitem(m, a as u64, 1).unwrap();
            setitem(m, a2 as u64, 2).unwrap();
            assert_eq!((*a).hdr.rc, 2);
            assert_eq!((*a2).hdr.rc, 1);
            assert_eq!(getitem(m, a2 as u64).unwrap(), 2);
            let missing = new_str("zz");
            assert_eq!(getitem(m, missing as u64).unwrap_err().msg, "'zz'");
            let items = to_list(m, &LIST_TUPLE_STR_INT, View::Items);
            assert_eq!(generic::repr(items as u64, &LIST_TUPLE_STR_INT), "[('a', 2)]");
            let keys = to_list(m, &crate::object::descs::LIST_STR, View::Keys);
            assert_eq!((*a).hdr.rc, 4);
            for p in [a, a2, missing] {
                decref(p as *mut Header);
            }
            for p in [m as *mut Header, items as _, keys as _] {
                decref(p);
            }
        }
        assert_eq!(live_objects(), before);
    }

    #[test]
    fn numbers_equal_keys() {
        unsafe {
            let m = new(&DICT_FLOAT_INT);
            setitem(m, 1.0f64.to_bits(), 1).unwrap();
            setitem(m, (-0.0f64).to_bits(), 2).unwrap();
            setitem(m, 0.0f64.to_bits(), 3).unwrap();
            assert_eq!(len(m), 2);
            assert_eq!(generic::repr(m as u64, &DICT_FLOAT_INT), "{1.0: 1, -0.0: 3}");
            decref(m as *mut Header);
        }
    }
}
