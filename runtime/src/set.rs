//! `set` objects, reproducing CPython 3.11's set table (linear probes, then
//! perturbed open addressing; dummies on deletion; the same resize points)
//! so that iteration order - and thus printing - matches CPython wherever
//! hashes are deterministic (ints, floats, bools and tuples of them).
//!
//! The ABI text calls sets "insertion-ordered"; Python prints sets in table
//! order, and matching `print({3, 1, 2})` exactly was judged the contract's
//! intent ("Python semantics").

use crate::errors::{PyErr, PyResult};
use crate::generic;
use crate::list;
use crate::object::{alloc_obj, dealloc_obj, slot_decref, slot_incref, Header, ListObj, TypeDesc};
use bodo_abi::exc;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Unused,
    Dummy,
    Active,
}

#[derive(Clone, Copy)]
struct Entry {
    state: State,
    hash: i64,
    key: u64,
}

const UNUSED: Entry = Entry { state: State::Unused, hash: 0, key: 0 };

/// CPython's `fill` counts active + dummy entries, `used` active ones;
/// `finger` is where the next `pop` starts its scan (CPython's `so->finger`).
struct Table {
    slots: Vec<Entry>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for Table {
    fn default() -> Self {
        Table { slots: vec![UNUSED; MINSIZE], fill: 0, used: 0, finger: 0 }
    }
}

#[repr(C)]
pub struct SetObj {
    hdr: Header,
    table: Table,
}

impl Table {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// After discards: resized when over a quarter of the table is dummies
    /// (CPython's `set_difference_update_internal`).
    fn shrink_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
        }
    }

    /// `set_lookkey`: the active slot holding `key`, if any.
    fn lookup(&self, key: u64, hash: i64, kd: &TypeDesc) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64 as usize;
        let mut i = perturb & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                let e = &self.slots[j];
                match e.state {
                    State::Unused => return None,
                    State::Active if e.hash == hash && generic::eq(e.key, key, kd) => return Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// `set_add_entry`: returns whether the key was new (its reference is
    /// then owned by the table; the caller increfs).
    fn add(&mut self, key: u64, hash: i64, kd: &TypeDesc) -> bool {
        let mask = self.mask();
        let mut perturb = hash as u64 as usize;
        let mut i = perturb & mask;
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                let e = self.slots[j];
                match e.state {
                    State::Unused => {
                        self.used += 1;
                        if let Some(f) = freeslot {
                            self.slots[f] = Entry { state: State::Active, hash, key };
                            return true;
                        }
                        self.fill += 1;
                        self.slots[j] = Entry { state: State::Active, hash, key };
                        if self.fill * 5 >= mask * 3 {
                            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
                        }
                        return true;
                    }
                    State::Active if e.hash == hash && generic::eq(e.key, key, kd) => return false,
                    State::Dummy => freeslot = Some(j),
                    State::Active => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// `set_insert_clean`: places a key known to be absent into a table
    /// without dummies.
    fn insert_clean(slots: &mut [Entry], key: u64, hash: i64) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64 as usize;
        let mut i = perturb & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for e in &mut slots[i..=i + probes] {
                if e.state == State::Unused {
                    *e = Entry { state: State::Active, hash, key };
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// `set_table_resize`: the smallest power of two above `minused`.
    fn resize(&mut self, minused: usize) {
        let mut size = MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        if size == MINSIZE && self.slots.len() == MINSIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![UNUSED; size]);
        self.fill = self.used;
        for e in old.iter().filter(|e| e.state == State::Active) {
            Self::insert_clean(&mut self.slots, e.key, e.hash);
        }
    }

    /// `set_discard_entry`: the removed key, whose reference passes to the
    /// caller.
    fn discard(&mut self, key: u64, hash: i64, kd: &TypeDesc) -> Option<u64> {
        let j = self.lookup(key, hash, kd)?;
        let old = self.slots[j].key;
        self.slots[j] = Entry { state: State::Dummy, hash: -1, key: 0 };
        self.used -= 1;
        Some(old)
    }

    fn active(&self) -> impl Iterator<Item = &Entry> {
        self.slots.iter().filter(|e| e.state == State::Active)
    }

    /// `set_merge`: adds every key of `other`, increfing the keys it stores.
    fn merge(&mut self, other: &Table, kd: &TypeDesc) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            for (dst, src) in self.slots.iter_mut().zip(&other.slots) {
                if src.state == State::Active {
                    *dst = *src;
                    // SAFETY: keys of a live set are valid slots of type kd.
                    unsafe { slot_incref(src.key, kd) };
                }
            }
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for e in other.active() {
                Self::insert_clean(&mut self.slots, e.key, e.hash);
                // SAFETY: as above.
                unsafe { slot_incref(e.key, kd) };
            }
            return;
        }
        for e in other.active() {
            if self.add(e.key, e.hash, kd) {
                // SAFETY: as above.
                unsafe { slot_incref(e.key, kd) };
            }
        }
    }
}

/// A new empty set of type `d`.
pub fn new(d: *const TypeDesc) -> *mut SetObj {
    let p = alloc_obj(size_of::<SetObj>(), d) as *mut SetObj;
    // SAFETY: freshly allocated; the table field is written before any use.
    unsafe { std::ptr::addr_of_mut!((*p).table).write(Table::default()) };
    p
}

unsafe fn key_desc(s: *const SetObj) -> &'static TypeDesc {
    (*s).hdr.desc().child(0)
}

unsafe fn table<'a>(s: *const SetObj) -> &'a Table {
    &(*s).table
}

unsafe fn table_mut<'a>(s: *mut SetObj) -> &'a mut Table {
    &mut (*s).table
}

/// # Safety
/// `s` is a set whose count reached zero.
pub unsafe fn free(s: *mut SetObj) {
    let kd = key_desc(s);
    let t = std::ptr::read(&(*s).table);
    for e in t.active() {
        slot_decref(e.key, kd);
    }
    drop(t);
    dealloc_obj(s as *mut Header, size_of::<SetObj>());
}

/// # Safety
/// `s` is a live set.
pub unsafe fn len(s: *const SetObj) -> i64 {
    table(s).used as i64
}

/// The keys in iteration (table) order, borrowed.
///
/// # Safety
/// `s` is a live set not mutated during the iteration.
pub unsafe fn keys<'a>(s: *const SetObj) -> impl Iterator<Item = u64> + 'a {
    table(s).active().map(|e| e.key)
}

/// `s.add(v)` (borrowed).
///
/// # Safety
/// `s` is a live set and `v` a slot of its element type.
pub unsafe fn add(s: *mut SetObj, v: u64) -> PyResult<()> {
    let kd = key_desc(s);
    let h = generic::hash(v, kd)?;
    if table_mut(s).add(v, h, kd) {
        slot_incref(v, kd);
    }
    Ok(())
}

/// # Safety
/// `s` is a live set and `v` a slot of its element type.
pub unsafe fn contains(s: *const SetObj, v: u64) -> PyResult<bool> {
    let kd = key_desc(s);
    let h = generic::hash(v, kd)?;
    Ok(table(s).lookup(v, h, kd).is_some())
}

/// `s.discard(v)`; returns whether `v` was present.
///
/// # Safety
/// `s` is a live set and `v` a slot of its element type.
pub unsafe fn discard(s: *mut SetObj, v: u64) -> PyResult<bool> {
    let kd = key_desc(s);
    let h = generic::hash(v, kd)?;
    Ok(match table_mut(s).discard(v, h, kd) {
        Some(old) => {
            slot_decref(old, kd);
            true
        }
        None => false,
    })
}

/// `s.remove(v)`: KeyError with `repr(v)` when absent.
///
/// # Safety
/// `s` is a live set and `v` a slot of its element type.
pub unsafe fn remove(s: *mut SetObj, v: u64) -> PyResult<()> {
    if discard(s, v)? {
        Ok(())
    } else {
        Err(PyErr::new(exc::KEY_ERROR, generic::repr(v, key_desc(s))))
    }
}

/// `set(s)` / `s.copy()`.
///
/// # Safety
/// `s` is a live set.
pub unsafe fn copy(s: *const SetObj) -> *mut SetObj {
    let r = new((*s).hdr.desc);
    table_mut(r).merge(table(s), key_desc(s));
    r
}

/// `a | b`.
///
/// # Safety
/// Both are live sets of the same type.
pub unsafe fn union(a: *const SetObj, b: *const SetObj) -> *mut SetObj {
    let r = copy(a);
    if a != b {
        table_mut(r).merge(table(b), key_desc(a));
    }
    r
}

/// Adds an entry already hashed (borrowed key).
unsafe fn add_entry(r: *mut SetObj, e: &Entry, kd: &TypeDesc) {
    if table_mut(r).add(e.key, e.hash, kd) {
        slot_incref(e.key, kd);
    }
}

/// `a & b`: iterates the smaller set (`b` on a tie), as CPython.
///
/// # Safety
/// Both are live sets of the same type.
pub unsafe fn intersection(a: *const SetObj, b: *const SetObj) -> *mut SetObj {
    if a == b {
        return copy(a);
    }
    let kd = key_desc(a);
    let r = new((*a).hdr.desc);
    let (big, small) = if len(b) > len(a) { (b, a) } else { (a, b) };
    for e in table(small).active() {
        if table(big).lookup(e.key, e.hash, kd).is_some() {
            add_entry(r, e, kd);
        }
    }
    r
}

/// `a - b`, with CPython's two strategies (they give different orders).
///
/// # Safety
/// Both are live sets of the same type.
pub unsafe fn difference(a: *const SetObj, b: *const SetObj) -> *mut SetObj {
    let kd = key_desc(a);
    if len(a) >> 2 > len(b) {
        // set_copy_and_difference
        let r = copy(a);
        if a == b {
            clear(r);
            return r;
        }
        for e in table(b).active() {
            if let Some(old) = table_mut(r).discard(e.key, e.hash, kd) {
                slot_decref(old, kd);
            }
        }
        table_mut(r).shrink_dummies();
        return r;
    }
    let r = new((*a).hdr.desc);
    for e in table(a).active() {
        if table(b).lookup(e.key, e.hash, kd).is_none() {
            add_entry(r, e, kd);
        }
    }
    r
}

/// `a ^ b`: a copy of `b` updated with `a`, as CPython.
///
/// # Safety
/// Both are live sets of the same type.
pub unsafe fn symmetric_difference(a: *const SetObj, b: *const SetObj) -> *mut SetObj {
    let kd = key_desc(a);
    let r = copy(b);
    if a == b {
        clear(r);
        return r;
    }
    for e in table(a).active() {
        match table_mut(r).discard(e.key, e.hash, kd) {
            Some(old) => slot_decref(old, kd),
            None => add_entry(r, e, kd),
        }
    }
    r
}

/// `a.update(b)` / `a |= b` in place.
///
/// # Safety
/// Both are live sets of the same type.
pub unsafe fn update(a: *mut SetObj, b: *const SetObj) {
    if !std::ptr::eq(a, b) {
        table_mut(a).merge(table(b), key_desc(a));
    }
}

/// `a &= b` / `a.intersection_update(b)`: CPython builds the intersection
/// and swaps the two tables, so `a` iterates in the new set's order.
///
/// # Safety
/// Both are live sets of the same type.
pub unsafe fn intersection_update(a: *mut SetObj, b: *const SetObj) {
    let r = intersection(a, b);
    std::mem::swap(table_mut(a), table_mut(r));
    free(r);
}

/// `a -= b` / `a.difference_update(b)`: each of `b`'s keys discarded from
/// `a`, then the table shrunk when over a quarter of it is dummies, as CPython.
///
/// # Safety
/// Both are live sets of the same type.
pub unsafe fn difference_update(a: *mut SetObj, b: *const SetObj) {
    update_by_keys(a, b, |a, e, kd| {
        if let Some(old) = table_mut(a).discard(e.key, e.hash, kd) {
            slot_decref(old, kd);
        }
    });
    table_mut(a).shrink_dummies();
}

/// `a ^= b` / `a.symmetric_difference_update(b)`: each of `b`'s keys
/// discarded from `a` when there, added otherwise, as CPython.
///
/// # Safety
/// Both are live sets of the same type.
pub unsafe fn symmetric_difference_update(a: *mut SetObj, b: *const SetObj) {
    update_by_keys(a, b, |a, e, kd| match table_mut(a).discard(e.key, e.hash, kd) {
        Some(old) => slot_decref(old, kd),
        None => add_entry(a, e, kd),
    });
}

/// Changes `a` by `step` with each of `b`'s entries in `b`'s order; `a`
/// minus or symmetric difference itself is empty.
unsafe fn update_by_keys(a: *mut SetObj, b: *const SetObj, step: impl Fn(*mut SetObj, &Entry, &TypeDesc)) {
    if std::ptr::eq(a, b) {
        clear(a);
        return;
    }
    let kd = key_desc(a);
    for e in table(b).active() {
        step(a, e, kd);
    }
}

/// `s.pop()` (owned result): the first active slot from the finger on,
/// as CPython's `set_pop`, so the same element comes out.
///
/// # Safety
/// `s` is a live set.
pub unsafe fn pop(s: *mut SetObj) -> PyResult<u64> {
    let t = table_mut(s);
    if t.used == 0 {
        return Err(PyErr::new(exc::KEY_ERROR, "'pop from an empty set'"));
    }
    let mask = t.mask();
    let mut i = t.finger & mask;
    while t.slots[i].state != State::Active {
        i = (i + 1) & mask;
    }
    let key = t.slots[i].key;
    t.slots[i] = Entry { state: State::Dummy, hash: -1, key: 0 };
    t.used -= 1;
    t.finger = i + 1;
    Ok(key)
}

/// # Safety
/// Both are live sets of the same type.
pub unsafe fn isdisjoint(a: *const SetObj, b: *const SetObj) -> bool {
    let kd = key_desc(a);
    let (big, small) = if len(b) > len(a) { (b, a) } else { (a, b) };
    table(small).active().all(|e| table(big).lookup(e.key, e.hash, kd).is_none())
}

/// # Safety
/// Both are live sets of the same type.
pub unsafe fn issubset(a: *const SetObj, b: *const SetObj) -> bool {
    let kd = key_desc(a);
    len(a) <= len(b) && table(a).active().all(|e| table(b).lookup(e.key, e.hash, kd).is_some())
}

/// `a < b` for sets.
///
/// # Safety
/// Both are live sets of the same type.
pub unsafe fn proper_subset(a: *const SetObj, b: *const SetObj) -> bool {
    len(a) < len(b) && issubset(a, b)
}

/// # Safety
/// Both are live sets of the same type.
pub unsafe fn eq(a: *const SetObj, b: *const SetObj) -> bool {
    len(a) == len(b) && issubset(a, b)
}

/// # Safety
/// `s` is a live set.
pub unsafe fn clear(s: *mut SetObj) {
    let kd = key_desc(s);
    let old = std::mem::take(table_mut(s));
    for e in old.active() {
        slot_decref(e.key, kd);
    }
}

/// `list(s)` with list type `list_desc`, in iteration order.
///
/// # Safety
/// `s` is a live set; `list_desc`'s element type is the set's.
pub unsafe fn to_list(s: *const SetObj, list_desc: *const TypeDesc) -> *mut ListObj {
    let l = list::new(list_desc, len(s));
    for k in keys(s) {
        list::append(l, k);
    }
    l
}

/// `set(l)` with set type `d`.
///
/// # Safety
/// `l` is a live list whose element type is `d`'s.
pub unsafe fn from_list(d: *const TypeDesc, l: *const ListObj) -> PyResult<*mut SetObj> {
    let s = new(d);
    for &x in list::items(l).iter() {
        if let Err(e) = add(s, x) {
            crate::object::decref(s as *mut Header);
            return Err(e);
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{decref, live_objects};
    use crate::test_descs::*;

    unsafe fn of(xs: &[i64]) -> *mut SetObj {
        let s = new(&SET_INT);
        for &x in xs {
            add(s, x as u64).unwrap();
        }
        s
    }

    unsafe fn order(s: *const SetObj) -> Vec<i64> {
        keys(s).map(|k| k as i64).collect()
    }

    #[test]
    fn iteration_order_matches_cpython() {
        unsafe {
            // Expected orders printed by CPython 3.11.
            let s = of(&[3, 1, 2, 100, -5, 17, 8]);
            assert_eq!(order(s), [1, 2, 3, 100, 8, 17, -5]);
            decref(s as *mut Header);
        }
    }

    fn checksum(s: *const SetObj) -> u64 {
        unsafe { keys(s).fold(0u64, |acc, x| acc.wrapping_mul(31).wrapping_add(x)) }
    }

    /// Inserts LCG values, discarding an earlier one every third step.
    unsafe fn build(seed: u64, n: usize, dels: bool) -> *mut SetObj {
        let mut g = seed;
        let s = new(&SET_INT);
        let mut inserted = Vec::new();
        for i in 0..n {
            g = g.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let v = (g >> 33) as i64 % 2000 - 1000;
            add(s, v as u64).unwrap();
            inserted.push(v);
            if dels && i % 3 == 2 {
                discard(s, inserted[i / 2] as u64).unwrap();
            }
        }
        s
    }

    #[test]
    fn operation_orders_match_cpython() {
        unsafe {
            let (a, b, c) = (build(1, 300, true), build(2, 120, true), build(3, 20, false));
            // Checksums of iteration orders printed by CPython 3.11 for the
            // same operations.
            let cases = [
                (a, 14695106830212628232),
                (b, 10356874942143832071),
                (union(a, b), 4455975279922581494),
                (intersection(a, b), 484277126865),
                (intersection(b, a), 484277126865),
                (difference(a, b), 5025330983584517559),
                (difference(a, c), 16908832159402171686),
                (difference(c, a), 3062103263003915515),
                (symmetric_difference(a, b), 1277674920898064961),
                (symmetric_difference(c, a), 120150340445600073),
            ];
            for (i, &(s, want)) in cases.iter().enumerate() {
                assert_eq!(checksum(s), want, "case {i}");
            }
            for (s, _) in cases {
                if s != a && s != b {
                    decref(s as *mut Header);
                }
            }
            for s in [a, b, c] {
                decref(s as *mut Header);
            }
        }
    }

    #[test]
    fn operations_and_refcounts() {
        let before = live_objects();
        unsafe {
            let a = of(&[1, 2, 3, 4]);
            let b = of(&[3, 4, 5]);
            let u = union(a, b);
            assert_eq!(order(u), [1, 2, 3, 4, 5]);
            let i = intersection(a, b);
            assert_eq!(order(i), [3, 4]);
            let d = difference(a, b);
            assert_eq!(order(d), [1, 2]);
            let x = symmetric_difference(a, b);
            assert_eq!(order(x), [1, 2, 5]);
            assert!(issubset(i, a) && !issubset(a, b));
            assert!(remove(a, 9).is_err());
            assert_eq!(remove(a, 9).unwrap_err().msg, "9");
            remove(a, 1).unwrap();
            assert!(!contains(a, 1).unwrap());
            for p in [a, b, u, i, d, x] {
                decref(p as *mut Header);
            }
            let st = new(&SET_STR);
            let k = crate::str::new_str("k");
            add(st, k as u64).unwrap();
            add(st, k as u64).unwrap();
            assert_eq!((*k).hdr.rc, 2);
            let u = union(st, st);
            assert_eq!((*k).hdr.rc, 3);
            decref(k as *mut Header);
            decref(u as *mut Header);
            decref(st as *mut Header);
        }
        assert_eq!(live_objects(), before);
    }
}
