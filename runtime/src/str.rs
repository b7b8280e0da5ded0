//! `str` objects: construction, access and every string method of the ABI.
//!
//! Strings are immutable UTF-8 with a cached code-point count; indices
//! count code points, and ASCII strings (len == nchars) take byte fast paths.
//! Results built from other strings (concatenation, join, repeat, replace,
//! case mapping, split pieces) are written once into an object of the exact
//! size ([`StrWriter`]), their code-point counts derived from the inputs'
//! instead of recounted.

use crate::errors::{PyErr, PyResult};
use crate::index;
use crate::list;
use crate::object::{alloc_obj, dealloc_obj, decref, descs, incref, Header, ListObj, StrObj};
use crate::pool;
use crate::short_copy;
use crate::str_classes;
use bodo_abi::exc;

/// Where a string object's text starts.
pub(crate) const DATA: usize = std::mem::offset_of!(StrObj, data);

fn alloc_size(len: usize) -> usize {
    DATA + len + 1
}

/// A new string object holding `s` (owned, rc = 1).
pub fn new_str(s: &str) -> *mut StrObj {
    new_str_counted(s, s.chars().count())
}

/// A new string object holding `s`, whose code-point count the caller
/// already knows (counting is a pass over the bytes that pieces of known
/// strings can skip).
pub fn new_str_counted(s: &str, nchars: usize) -> *mut StrObj {
    let mut w = StrWriter::new(s.len(), nchars);
    w.push(s);
    w.finish()
}

/// Fills a new string object of a known size in place, so that results
/// built from several pieces are copied once, with no intermediate `String`.
pub struct StrWriter {
    obj: *mut StrObj,
    at: usize,
    len: usize,
}

impl StrWriter {
    /// A string of `len` bytes and `nchars` code points, to be filled.
    pub fn new(len: usize, nchars: usize) -> StrWriter {
        let obj = alloc_obj(alloc_size(len), &descs::STR) as *mut StrObj;
        // SAFETY: the allocation has room for the header and fields.
        unsafe {
            (*obj).len = len as i64;
            (*obj).nchars = nchars as i64;
        }
        StrWriter { obj, at: 0, len }
    }

    /// Appends `piece`; the pieces must add up to exactly `len` bytes.
    pub fn push(&mut self, piece: &str) {
        self.push_bytes(piece.as_bytes());
    }

    /// [`StrWriter::push`] of bytes that complete characters: a piece of
    /// UTF-8 text cut at character boundaries.
    pub fn push_bytes(&mut self, piece: &[u8]) {
        assert!(piece.len() <= self.len - self.at, "string piece overflows its object");
        // SAFETY: in bounds of the data area (checked above).
        unsafe {
            let data = (self.obj as *mut u8).add(DATA + self.at);
            short_copy::copy(piece.as_ptr(), data, piece.len());
        }
        self.at += piece.len();
    }

    /// The finished object (owned), NUL-terminated.
    pub fn finish(self) -> *mut StrObj {
        assert_eq!(self.at, self.len, "string object not filled");
        // SAFETY: the NUL's byte is part of the allocation.
        unsafe { *(self.obj as *mut u8).add(DATA + self.len) = 0 };
        self.obj
    }

    /// Where the text goes, for a caller that writes it directly.
    pub fn data(&self) -> *mut u8 {
        // SAFETY: the data follows the header in the allocation.
        unsafe { (self.obj as *mut u8).add(DATA) }
    }

    /// The finished object (owned), NUL-terminated, once the caller has
    /// written all `len` bytes at [`StrWriter::data`].
    ///
    /// # Safety
    /// All `len` bytes are written, UTF-8 with the code points given.
    pub unsafe fn filled(self) -> *mut StrObj {
        *self.data().add(self.len) = 0;
        self.obj
    }

    /// The object with its text and NUL still to be written, by generated
    /// code that writes them itself (`bodo_str_alloc`).
    pub fn unfilled(self) -> *mut StrObj {
        self.obj
    }
}

/// The string object's code-point count.
///
/// # Safety
/// `p` is a live string object.
unsafe fn nchars(p: *const StrObj) -> usize {
    (*p).nchars as usize
}

/// Whether the string is ASCII (then every piece of it is ASCII too).
///
/// # Safety
/// `p` is a live string object.
pub unsafe fn is_ascii(p: *const StrObj) -> bool {
    (*p).len == (*p).nchars
}

/// An immortal one-character ASCII string, laid out like [`StrObj`] with
/// room for the character and its NUL.
#[repr(C)]
struct AsciiChar {
    obj: StrObj,
    data: [u8; 8],
}

// The table is immutable (immortal objects are never written).
unsafe impl Sync for AsciiChar {}

/// Immortal strings for the 128 ASCII characters, so that indexing and
/// iterating ASCII text allocates nothing (CPython caches these too).
static ASCII: [AsciiChar; 128] = {
    const EMPTY: AsciiChar = AsciiChar {
        obj: StrObj { hdr: Header { rc: -1, desc: &descs::STR }, len: 1, nchars: 1, data: [] },
        data: [0; 8],
    };
    let mut t = [EMPTY; 128];
    let mut i = 0;
    while i < 128 {
        t[i].data[0] = i as u8;
        i += 1;
    }
    t
};

const _: () = assert!(std::mem::offset_of!(AsciiChar, data) == DATA);

/// The one-character string `c` (owned; immortal when ASCII).
fn char_str(c: char) -> *mut StrObj {
    if c.is_ascii() {
        return &ASCII[c as usize].obj as *const StrObj as *mut StrObj;
    }
    new_str_counted(c.encode_utf8(&mut [0; 4]), 1)
}

/// A string from raw bytes; invalid UTF-8 is replaced (U+FFFD) so that
/// every string object stays valid UTF-8.
pub fn from_bytes(b: &[u8]) -> *mut StrObj {
    new_str(&String::from_utf8_lossy(b))
}

/// # Safety
/// `p` is a live string object that outlives the returned borrow.
pub unsafe fn as_str<'a>(p: *const StrObj) -> &'a str {
    let data = (p as *const u8).add(DATA);
    std::str::from_utf8_unchecked(std::slice::from_raw_parts(data, (*p).len as usize))
}

/// # Safety
/// `p` is a string object whose count reached zero.
#[inline]
pub unsafe fn free(p: *mut StrObj) {
    forget_hash(p);
    dealloc_obj(p as *mut Header, alloc_size((*p).len as usize));
}

// The memos below live in the thread's `ThreadHeap`: `counts[w] =
// counts.get(w, 0) + 1` hashes the same key object three times in a row,
// and indexing a non-ASCII string walks from the last position found in
// it (see [`byte_at_near`]). [`free`] and an in-place [`append`] forget
// them, so an address identifies the text; generated code that frees a
// string inline leaves those a memo names to [`free`].

/// Drops the remembered hash and position of `p`, whose text changes or
/// which is freed.
fn forget_hash(p: *const StrObj) {
    forget_ascii_hash(p);
    let heap = crate::thread_heap::get();
    if heap.pos_key.get() == p as usize {
        heap.pos_key.set(0);
    }
}

/// [`forget_hash`] of an ASCII string: only its hash can be remembered
/// (positions are kept of non-ASCII ones).
fn forget_ascii_hash(p: *const StrObj) {
    let heap = crate::thread_heap::get();
    if heap.hash_key.get() == p as usize {
        heap.hash_key.set(0);
    }
}

/// Remembers a (code point, byte offset) pair of the non-ASCII string `p`.
fn remember_pos(p: *const StrObj, ci: usize, b: usize) {
    let heap = crate::thread_heap::get();
    heap.pos_key.set(p as usize);
    heap.pos.set((ci, b));
}

/// [`byte_at`] on the string object `p`, remembering the position found.
///
/// # Safety
/// `p` is a live string object.
unsafe fn byte_at_obj(p: *const StrObj, ci: usize) -> usize {
    let (s, n) = text(p);
    if s.len() == n {
        return ci;
    }
    let heap = crate::thread_heap::get();
    let known = if heap.pos_key.get() == p as usize { heap.pos.get() } else { (0, 0) };
    let b = byte_at_near(s, n, ci, known);
    remember_pos(p, ci.min(n), b);
    b
}

/// The string's hash (CPython's, [`crate::str_hash`]), remembered for the
/// next call on the same object.
///
/// # Safety
/// `p` is a live string object.
pub unsafe fn hash(p: *const StrObj) -> i64 {
    let heap = crate::thread_heap::get();
    if heap.hash_key.get() == p as usize {
        return heap.hash.get();
    }
    let h = crate::str_hash::hash(as_str(p), (*p).nchars as usize);
    heap.hash_key.set(p as usize);
    heap.hash.set(h);
    h
}

/// The string's text and code-point count.
///
/// # Safety
/// `p` is a live string object.
unsafe fn text<'a>(p: *const StrObj) -> (&'a str, usize) {
    (as_str(p), (*p).nchars as usize)
}

/// Byte offset of code point `ci` (`ci <= nchars`).
fn byte_at(s: &str, nchars: usize, ci: usize) -> usize {
    byte_at_near(s, nchars, ci, (0, 0))
}

/// Whether `b` starts a code point (is not a UTF-8 continuation byte).
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// [`byte_at`] walking from the nearest of the text's start, its end and
/// `known`, a (code point, byte offset) pair of `s`: non-ASCII text has no
/// O(1) indexing, and a scan `s[i]`, `s[i:j]` over increasing `i` stays
/// linear when `known` is the previous position.
fn byte_at_near(s: &str, nchars: usize, ci: usize, known: (usize, usize)) -> usize {
    if s.len() == nchars || ci == 0 {
        return ci;
    }
    if ci >= nchars {
        return s.len();
    }
    let bytes = s.as_bytes();
    let (mut at, mut b) = if ci >= known.0 { known } else { (0, 0) };
    if nchars - ci < ci - at {
        (at, b) = (nchars, s.len());
    } else if known.0 > ci && known.0 - ci < ci {
        (at, b) = known;
    }
    if at > ci {
        while at > ci {
            b -= 1;
            at -= is_char_start(bytes[b]) as usize;
        }
        return b;
    }
    // Forward: skip 8-byte words holding no more code-point starts than
    // are left to pass, then go byte by byte.
    let mut left = ci - at;
    while b + 8 <= bytes.len() {
        let w = u64::from_le_bytes(bytes[b..b + 8].try_into().unwrap());
        // A continuation byte is 0b10xxxxxx: bit 7 set and bit 6 clear.
        let cont = (w & !(w << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
        let starts = 8 - cont;
        if starts > left {
            break;
        }
        left -= starts;
        b += 8;
    }
    loop {
        if is_char_start(bytes[b]) {
            if left == 0 {
                return b;
            }
            left -= 1;
        }
        b += 1;
    }
}

/// Code-point index of byte offset `b`.
fn char_at(s: &str, b: usize) -> usize {
    s[..b].chars().count()
}

/// Python's `str.isspace` for one character (includes the \x1c-\x1f separators).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `a + b`. Like CPython, an empty operand makes the result the other
/// operand itself (a new reference): `w = ""` then `w += piece` shares the
/// piece instead of copying it. Sharing is invisible but to `is`, where it
/// matches CPython, and [`append`] never grows a shared string in place.
///
/// # Safety
/// `a` and `b` are live string objects.
pub unsafe fn concat_objs(a: *const StrObj, b: *const StrObj) -> *mut StrObj {
    if let Some(same) = other_if_empty(a, b) {
        incref(same as *mut Header);
        return same;
    }
    let (alen, blen) = ((*a).len as usize, (*b).len as usize);
    let r = alloc_obj(alloc_size(alen + blen), &descs::STR) as *mut StrObj;
    let data = (r as *mut u8).add(DATA);
    short_copy::copy((a as *const u8).add(DATA), data, alen);
    short_copy::copy((b as *const u8).add(DATA), data.add(alen), blen);
    *data.add(alen + blen) = 0;
    (*r).len = (alen + blen) as i64;
    (*r).nchars = (*a).nchars + (*b).nchars;
    r
}

/// The operand `a + b` is when the other one is empty.
///
/// # Safety
/// `a` and `b` are live string objects.
unsafe fn other_if_empty(a: *const StrObj, b: *const StrObj) -> Option<*mut StrObj> {
    match ((*a).len, (*b).len) {
        (0, _) => Some(b as *mut StrObj),
        (_, 0) => Some(a as *mut StrObj),
        _ => None,
    }
}

/// `a += b` for a string variable: `a`'s reference passes in and the
/// result's comes back. When that reference was the only one, the text
/// grows in place, within `a`'s pool block or by resizing a large string's
/// heap block (CPython resizes a refcount-1 string likewise), so a string
/// built piece by piece is not copied at every step; otherwise (a shared
/// string, or one leaving the pool's sizes) a new string.
///
/// # Safety
/// `a` and `b` are live string objects; the caller owns one reference to `a`.
pub unsafe fn append(a: *mut StrObj, b: *const StrObj) -> *mut StrObj {
    let (alen, blen) = ((*a).len as usize, (*b).len as usize);
    if (*a).hdr.rc == 1 && alen > 0 && blen > 0 && !std::ptr::eq(a, b) {
        let (old, new) = (alloc_size(alen), alloc_size(alen + blen));
        if pool::block_size(old) == pool::block_size(new) {
            forget_hash(a);
            return write_after(a, b);
        }
    }
    append_moved(a, b)
}

/// [`append`] when the text does not grow within `a`'s block: `a` empty
/// (the result is `b`, shared), shared, or outgrowing its pool block.
///
/// # Safety
/// As [`append`].
#[inline(never)]
unsafe fn append_moved(a: *mut StrObj, b: *const StrObj) -> *mut StrObj {
    let (alen, blen) = ((*a).len as usize, (*b).len as usize);
    if alen == 0 {
        // `w = ""` then `w += piece`: the piece itself, shared.
        incref(b as *mut Header);
        decref(a as *mut Header);
        return b as *mut StrObj;
    }
    if (*a).hdr.rc == 1 && blen > 0 && !std::ptr::eq(a, b) {
        forget_hash(a);
        // Large strings grow like CPython's: the heap extends the block
        // (a loop of `s += piece` stays linear, not quadratic).
        if let Some(moved) = pool::resize(a as *mut u8, alloc_size(alen), alloc_size(alen + blen)) {
            return write_after(moved as *mut StrObj, b);
        }
    }
    let r = concat_objs(a, b);
    decref(a as *mut Header);
    r
}

/// Writes `b`'s text after `a`'s, whose block has room for it.
///
/// # Safety
/// `a` is an unshared string with room for `b`'s bytes and a NUL.
#[inline(always)]
unsafe fn write_after(a: *mut StrObj, b: *const StrObj) -> *mut StrObj {
    let (alen, blen) = ((*a).len as usize, (*b).len as usize);
    let data = (a as *mut u8).add(DATA);
    short_copy::copy((b as *const u8).add(DATA), data.add(alen), blen);
    *data.add(alen + blen) = 0;
    (*a).len = (alen + blen) as i64;
    (*a).nchars += (*b).nchars;
    a
}

/// `s * n`.
///
/// # Safety
/// `p` is a live string object.
pub unsafe fn repeat(p: *const StrObj, n: i64) -> PyResult<*mut StrObj> {
    let s = as_str(p);
    if n <= 0 || s.is_empty() {
        return Ok(new_str_counted("", 0));
    }
    let n = n as usize;
    let len = s.len().checked_mul(n).filter(|&len| len <= isize::MAX as usize - DATA - 8);
    let len = len.ok_or_else(|| PyErr::new(exc::OVERFLOW_ERROR, "repeated string is too long"))?;
    let mut w = StrWriter::new(len, nchars(p) * n);
    for _ in 0..n {
        w.push(s);
    }
    Ok(w.finish())
}

/// # Safety
/// `p` is a live string object.
pub unsafe fn getitem(p: *const StrObj, i: i64) -> PyResult<*mut StrObj> {
    let (s, n) = text(p);
    let i = index::resolve(i, n as i64).ok_or_else(|| PyErr::new(exc::INDEX_ERROR, "string index out of range"))?;
    let b = byte_at_obj(p, i as usize);
    let c = s[b..].chars().next().unwrap_or_default();
    Ok(char_str(c))
}

/// # Safety
/// `p` is a live string object.
pub unsafe fn slice(p: *const StrObj, start: i64, stop: i64, step: i64) -> PyResult<*mut StrObj> {
    let (s, n) = text(p);
    let sl = index::slice(n as i64, start, stop, step)?;
    if sl.step == 1 {
        let a = byte_at_obj(p, sl.start as usize);
        let b = a + byte_at(&s[a..], n - sl.start as usize, sl.count as usize);
        return Ok(new_str_counted(&s[a..b], sl.count as usize));
    }
    let out: String = if s.len() == n {
        sl.indices().map(|i| s.as_bytes()[i as usize] as char).collect()
    } else {
        let chars: Vec<char> = s.chars().collect();
        sl.indices().map(|i| chars[i as usize]).collect()
    };
    Ok(new_str_counted(&out, sl.count as usize))
}

/// `str.upper()`; ASCII text maps byte for byte.
///
/// # Safety
/// `p` is a live string object.
pub unsafe fn upper(p: *const StrObj) -> *mut StrObj {
    if is_ascii(p) {
        return ascii_case(p, true);
    }
    new_str(&as_str(p).to_uppercase())
}

/// `str.lower()`; ASCII text maps byte for byte.
///
/// # Safety
/// `p` is a live string object.
pub unsafe fn lower(p: *const StrObj) -> *mut StrObj {
    if is_ascii(p) {
        return ascii_case(p, false);
    }
    new_str(&as_str(p).to_lowercase())
}

/// `str.upper()` (or `lower()`) of a temporary the caller owns, whose
/// reference passes in: an unshared ASCII string (`s.replace(a, b).upper()`)
/// changes in place instead of being copied.
///
/// # Safety
/// `p` is a live string object; the caller owns one reference to it.
pub unsafe fn case_owned(p: *mut StrObj, upper_case: bool) -> *mut StrObj {
    if (*p).hdr.rc != 1 || !is_ascii(p) {
        return case_copied(p, upper_case);
    }
    forget_ascii_hash(p);
    let data = (p as *mut u8).add(DATA);
    case_words(data, data, (*p).len as usize, upper_case);
    p
}

/// [`case_owned`] of a shared or non-ASCII string: a new one, apart so
/// that the in-place path saves no registers.
///
/// # Safety
/// As [`case_owned`].
#[cold]
unsafe fn case_copied(p: *mut StrObj, upper_case: bool) -> *mut StrObj {
    let r = if upper_case { upper(p) } else { lower(p) };
    decref(p as *mut Header);
    r
}

/// The ASCII string `p` upper- (or lower-) cased, written straight into
/// the new object.
///
/// # Safety
/// `p` is a live ASCII string object.
unsafe fn ascii_case(p: *const StrObj, upper: bool) -> *mut StrObj {
    let len = (*p).len as usize;
    let w = StrWriter::new(len, len);
    case_words((p as *const u8).add(DATA), w.data(), len, upper);
    w.filled()
}

/// Writes the `len` bytes at `src` to `dst` (the same place or another)
/// with the ASCII letters of one case turned to the other: a-z to A-Z when
/// `upper`, else A-Z to a-z; every other byte, UTF-8 included, stays. A
/// word at a time: both are the data of string objects, 8-aligned with
/// whole words in their blocks (ARCHITECTURE.md), and the bytes of the
/// last word past `len` are written back as they were read.
///
/// # Safety
/// `src` and `dst` are string data with room for `len` bytes.
unsafe fn case_words(src: *const u8, dst: *mut u8, len: usize, upper: bool) {
    if len == 0 {
        return;
    }
    let (src, dst) = (src as *const u64, dst as *mut u64);
    let last = (len - 1) / 8;
    for i in 0..last {
        *dst.add(i) = word_case(*src.add(i), !0, upper);
    }
    // The last word's bytes from `len` on are left as they are.
    let keep = !0 >> (8 * (8 * (last + 1) - len));
    *dst.add(last) = word_case(*src.add(last), keep, upper);
}

/// The word `w` with the case of the ASCII letters among the bytes of
/// `keep` (whole bytes of ones) turned, as [`case_words`] says.
#[inline(always)]
fn word_case(w: u64, keep: u64, upper: bool) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let (first, last) = if upper { (b'a', b'z') } else { (b'A', b'Z') };
    // A byte's high bit: its low seven bits are at least `first`, not more
    // than `last`, and it is ASCII; no sum carries into the next byte.
    let low = w & LOWS;
    let hit = (low + ONES * u64::from(0x80 - first)) & !(low + ONES * u64::from(0x7f - last)) & !w & HIGHS & keep;
    // The high bit shifted down two is the case bit, 0x20.
    w ^ (hit >> 2)
}

/// Python 3.8+ `capitalize`: first character upper (Rust has no titlecase
/// mapping; they differ only for a few digraphs), the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let mut it = s.chars();
    match it.next() {
        None => String::new(),
        Some(c) => c.to_uppercase().chain(it.as_str().to_lowercase().chars()).collect(),
    }
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = is_cased(c);
    }
    out
}

pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Which ends `strip` trims.
#[derive(Clone, Copy)]
pub enum Ends {
    Both,
    Left,
    Right,
}

/// `strip`/`lstrip`/`rstrip`; `chars = None` strips whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>, ends: Ends) -> &'a str {
    let pred = |c: char| match chars {
        None => is_space(c),
        Some(set) => set.contains(c),
    };
    match ends {
        Ends::Both => s.trim_matches(pred),
        Ends::Left => s.trim_start_matches(pred),
        Ends::Right => s.trim_end_matches(pred),
    }
}

/// `str.split` (`rev = false`) or `str.rsplit` (`rev = true`).
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64, rev: bool) -> PyResult<Vec<&'a str>> {
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        Some("") => Err(PyErr::new(exc::VALUE_ERROR, "empty separator")),
        Some(sep) => Ok(split_sep(s, sep, limit, rev)),
        None if rev => {
            let mut parts = Vec::new();
            let mut rest = s.trim_end_matches(is_space);
            while !rest.is_empty() {
                if parts.len() == limit {
                    parts.push(rest);
                    break;
                }
                match rest.rfind(is_space) {
                    Some(i) => {
                        let w = rest[i..].chars().next().map_or(1, char::len_utf8);
                        parts.push(&rest[i + w..]);
                        rest = rest[..i].trim_end_matches(is_space);
                    }
                    None => {
                        parts.push(rest);
                        break;
                    }
                }
            }
            parts.reverse();
            Ok(parts)
        }
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_start_matches(is_space);
            while !rest.is_empty() {
                if parts.len() == limit {
                    parts.push(rest);
                    break;
                }
                match rest.find(is_space) {
                    Some(i) => {
                        parts.push(&rest[..i]);
                        rest = rest[i..].trim_start_matches(is_space);
                    }
                    None => {
                        parts.push(rest);
                        break;
                    }
                }
            }
            Ok(parts)
        }
    }
}

/// `s.split(sep, maxsplit)` (or `rsplit` when `rev`) as a new `list[str]`;
/// a null `sep` splits at whitespace.
///
/// # Safety
/// `p` is a live string object, `sep` null or one.
pub unsafe fn split_obj(p: *const StrObj, sep: *const StrObj, maxsplit: i64, rev: bool) -> PyResult<*mut ListObj> {
    if !sep.is_null() && (*sep).len == 1 && maxsplit < 0 {
        // Splitting everywhere, the direction does not matter.
        return Ok(split_byte(p, as_str(sep).as_bytes()[0]));
    }
    let sep = (!sep.is_null()).then(|| as_str(sep));
    split(as_str(p), sep, maxsplit, rev).map(|parts| pieces_list(p, &parts))
}

/// Where the piece of `s.split(sep)` that starts at byte `pos` ends: the
/// next occurrence of `sep` from `pos` on, or the end of the text; with a
/// null `sep` (a whitespace split) the next whitespace character. Loops
/// over the pieces of a split take them one at a time this way.
///
/// # Safety
/// `p` is a live string object, `sep` null or one; `pos` is a character
/// boundary of `p`.
pub unsafe fn split_piece_end(p: *const StrObj, sep: *const StrObj, pos: usize) -> PyResult<usize> {
    let rest = &as_str(p)[pos..];
    let found = if sep.is_null() {
        rest.find(is_space)
    } else {
        match as_str(sep) {
            "" => return Err(PyErr::new(exc::VALUE_ERROR, "empty separator")),
            sep if sep.len() == 1 => find_byte(rest, sep.as_bytes()[0]),
            sep => rest.find(sep),
        }
    };
    Ok(pos + found.unwrap_or(rest.len()))
}

/// The first byte from `pos` on that starts a non-whitespace character (the
/// length when none does): where the next piece of `s.split()` starts.
///
/// # Safety
/// `p` is a live string object and `pos` a character boundary of it.
pub unsafe fn skip_space(p: *const StrObj, pos: usize) -> usize {
    let s = as_str(p);
    s[pos..].find(|c| !is_space(c)).map_or(s.len(), |i| pos + i)
}

/// Bytes `start..end` of `p` (character boundaries) as a new string.
///
/// # Safety
/// `p` is a live string object.
pub unsafe fn byte_piece(p: *const StrObj, start: usize, end: usize) -> *mut StrObj {
    let t = &as_str(p)[start..end];
    if is_ascii(p) {
        new_str_counted(t, t.len())
    } else {
        new_str(t)
    }
}

/// `s.split(sep)` for a one-byte separator, straight into the list.
///
/// # Safety
/// `p` is a live string object; `sep` is ASCII.
unsafe fn split_byte(p: *const StrObj, sep: u8) -> *mut ListObj {
    let ascii = is_ascii(p);
    let piece = |t: &str| if ascii { new_str_counted(t, t.len()) } else { new_str(t) } as u64;
    let mut items = Vec::new();
    let mut rest = as_str(p);
    while let Some(i) = find_byte(rest, sep) {
        items.push(piece(&rest[..i]));
        rest = &rest[i + 1..];
    }
    items.push(piece(rest));
    let l = list::new(&descs::LIST_STR, 0);
    list::with_vec(l, |v| *v = items);
    l
}

/// The bytes of the eight-byte `word` equal to `b`, each marked by its high
/// bit (byte `k` is bit `8k + 7`). Exact: the low seven bits of a byte
/// cannot carry into the next, so every mark is a match.
pub(crate) fn byte_matches(word: &[u8], b: u8) -> u64 {
    word_matches(u64::from_le_bytes(word.try_into().expect("8 bytes")), b)
}

/// [`byte_matches`] of a word already loaded (little-endian).
fn word_matches(word: u64, b: u8) -> u64 {
    const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let x = word ^ (u64::from(b) * 0x0101_0101_0101_0101);
    !(((x & LOWS) + LOWS) | x) & HIGHS
}

/// The first occurrence of the ASCII byte `b` in `s`, eight bytes at a
/// time. Split fields are short, and std's memchr pays a set-up cost on
/// every call that a short scan does not.
fn find_byte(s: &str, b: u8) -> Option<usize> {
    find_byte_in(s.as_bytes(), b)
}

#[inline(always)]
fn find_byte_in(bytes: &[u8], b: u8) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    for (i, w) in (&mut words).enumerate() {
        let hits = byte_matches(w, b);
        if hits != 0 {
            return Some(i * 8 + hits.trailing_zeros() as usize / 8);
        }
    }
    let done = bytes.len() - words.remainder().len();
    words.remainder().iter().position(|&c| c == b).map(|i| done + i)
}

/// Calls `hit` with the position of every `b` in bytes `lo..hi` of `p`, in
/// order. A range of at most eight bytes is one unaligned read inside the
/// text (or the first word). Otherwise the scan reads aligned words: those
/// of the data, up to the one holding the NUL, are inside the block
/// (ARCHITECTURE.md: a string's block has its text and NUL rounded up to 8
/// bytes, and the data starts 8-aligned), so it has no tail loop. Bytes
/// outside `lo..hi` are left out.
///
/// # Safety
/// `p` is a live string object, `lo <= hi <= len`.
pub unsafe fn each_byte_in(p: *const StrObj, lo: usize, hi: usize, b: u8, mut hit: impl FnMut(usize)) {
    let data = (p as *const u8).add(DATA);
    let read = |at: usize| u64::from_le_bytes(std::ptr::read(data.add(at) as *const [u8; 8]));
    if hi - lo <= 8 {
        if lo == hi {
            return;
        }
        // One unaligned read holds the range: the eight bytes from `lo`, or
        // those that end at the length, or a short string's first word; so
        // where the range falls across words decides no branch.
        let len = (*p).len as usize;
        let base = if lo + 8 <= len { lo } else { len.saturating_sub(8) };
        let mut hits = word_matches(std::ptr::read_unaligned(data.add(base) as *const u64).to_le(), b);
        hits &= !0 << (8 * (lo - base));
        if hi - base < 8 {
            hits &= (1 << (8 * (hi - base))) - 1;
        }
        while hits != 0 {
            hit(base + hits.trailing_zeros() as usize / 8);
            hits &= hits - 1;
        }
        return;
    }
    let mut at = lo & !7;
    let mut hits = word_matches(read(at), b) & (!0 << (8 * (lo & 7)));
    loop {
        while hits != 0 {
            let i = at + hits.trailing_zeros() as usize / 8;
            if i >= hi {
                return;
            }
            hit(i);
            hits &= hits - 1;
        }
        at += 8;
        if at >= hi {
            return;
        }
        hits = word_matches(read(at), b);
    }
}

/// Splits at `sep` at most `limit` times, from the right when `rev`.
fn split_sep<'a>(s: &'a str, sep: &str, limit: usize, rev: bool) -> Vec<&'a str> {
    if sep.len() == 1 {
        return split_char(s, sep.as_bytes()[0] as char, limit, rev);
    }
    if rev {
        let mut v: Vec<&str> = s.rsplitn(limit.saturating_add(1), sep).collect();
        v.reverse();
        v
    } else {
        s.splitn(limit.saturating_add(1), sep).collect()
    }
}

/// [`split_sep`] for a one-byte (hence ASCII) separator: a `char` pattern
/// searches with memchr instead of building a two-way searcher per call.
fn split_char(s: &str, sep: char, limit: usize, rev: bool) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    while parts.len() < limit {
        let hit = if rev { rest.rfind(sep) } else { rest.find(sep) };
        let Some(i) = hit else { break };
        if rev {
            parts.push(&rest[i + 1..]);
            rest = &rest[..i];
        } else {
            parts.push(&rest[..i]);
            rest = &rest[i + 1..];
        }
    }
    parts.push(rest);
    if rev {
        parts.reverse();
    }
    parts
}

/// `str.splitlines(keepends)` with Python's set of line boundaries.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break =
            matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut next = i + c.len_utf8();
            if c == '\r' && it.peek().map(|&(_, n)| n) == Some('\n') {
                it.next();
                next += 1;
            }
            out.push(&s[start..if keepends { next } else { i }]);
            start = next;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// A new `list[str]` holding fresh string objects for `parts`.
pub fn str_list(parts: &[&str]) -> *mut ListObj {
    strings_list(parts.iter().map(|p| new_str(p)))
}

/// A new `list[str]` of `parts`, pieces of the string `src`: the pieces of
/// ASCII text are ASCII, so their code points need no counting.
///
/// # Safety
/// `src` is a live string object and `parts` borrow its text.
pub unsafe fn pieces_list(src: *const StrObj, parts: &[&str]) -> *mut ListObj {
    if is_ascii(src) {
        strings_list(parts.iter().map(|p| new_str_counted(p, p.len())))
    } else {
        str_list(parts)
    }
}

/// A new `list[str]` taking over the references of `items`.
fn strings_list(items: impl ExactSizeIterator<Item = *mut StrObj>) -> *mut ListObj {
    let l = list::new(&descs::LIST_STR, items.len() as i64);
    // SAFETY: `l` is a live list with room for every item; their references
    // move into it.
    unsafe { list::with_vec(l, |v| v.extend(items.map(|p| p as u64))) };
    l
}

/// `sep.join(items)`, copied once into an object of the summed size.
///
/// # Safety
/// `sep` is a live string object and `items` a live list of them.
pub unsafe fn join(sep: *const StrObj, items: *const ListObj) -> *mut StrObj {
    let items = list::items(items);
    let gaps = items.len().saturating_sub(1);
    let parts = || items.iter().map(|&v| v as *const StrObj);
    // Both sizes in one pass: a long list's headers are read once more, not twice.
    let (len, n) = parts()
        .fold((gaps * (*sep).len as usize, gaps * nchars(sep)), |(len, n), p| (len + (*p).len as usize, n + nchars(p)));
    let mut w = StrWriter::new(len, n);
    for (i, p) in parts().enumerate() {
        if i > 0 {
            w.push(as_str(sep));
        }
        w.push(as_str(p));
    }
    w.finish()
}

/// `s.replace(old, new, count)` as a new string object.
///
/// # Safety
/// The three are live string objects.
pub unsafe fn replace_obj(s: *const StrObj, old: *const StrObj, new: *const StrObj, count: i64) -> *mut StrObj {
    replace_range(s, 0, (*s).len as usize, old, new, count)
}

/// `p[lo:hi].replace(old, new, count)` as a new string, for bytes `lo..hi`
/// of `p`: the whole string, or a piece of a split kept as bytes.
///
/// # Safety
/// The three are live string objects; `lo <= hi <= len` are character
/// boundaries.
pub unsafe fn replace_range(
    p: *const StrObj,
    lo: usize,
    hi: usize,
    old: *const StrObj,
    new: *const StrObj,
    count: i64,
) -> *mut StrObj {
    let f = as_str(old).as_bytes();
    if f.is_empty() || hi - lo > SHORT_HAY || count >= 0 {
        return replace_long(p, lo, hi, old, new, count);
    }
    // A short text (the usual field of a record) with every match replaced:
    // the match starts are the bits of one mask, candidates found by word
    // reads for the needle's first byte (`each_byte_in`). The result is
    // sized from the count and written straight into its object.
    let data = (p as *const u8).add(DATA);
    let (mut starts, mut hits, mut next) = (0u64, 0, lo);
    if hi - lo >= f.len() {
        each_byte_in(p, lo, hi - f.len() + 1, f[0], |i| {
            if i >= next && same_bytes(std::slice::from_raw_parts(data.add(i), f.len()), f) {
                starts |= 1 << (i - lo);
                hits += 1;
                next = i + f.len();
            }
        });
    }
    let t = as_str(new).as_bytes();
    let len = hi - lo - hits * f.len() + hits * t.len();
    let chars = piece_chars(p, lo, hi) - hits * nchars(old) + hits * nchars(new);
    let obj = StrWriter::new(len, chars);
    let out = obj.data();
    // The pieces add up to `len` bytes by construction of `len`.
    let (mut at, mut w) = (lo, 0);
    while starts != 0 {
        let i = lo + starts.trailing_zeros() as usize;
        short_copy::copy(data.add(at), out.add(w), i - at);
        w += i - at;
        short_copy::copy(t.as_ptr(), out.add(w), t.len());
        w += t.len();
        at = i + f.len();
        starts &= starts - 1;
    }
    short_copy::copy(data.add(at), out.add(w), hi - at);
    obj.filled()
}

/// The code points in bytes `lo..hi` of `p`, which start and end on
/// character boundaries.
///
/// # Safety
/// `p` is a live string object, `lo <= hi <= len`.
unsafe fn piece_chars(p: *const StrObj, lo: usize, hi: usize) -> usize {
    if is_ascii(p) {
        hi - lo
    } else if hi - lo == (*p).len as usize {
        nchars(p)
    } else {
        std::str::from_utf8_unchecked(&as_str(p).as_bytes()[lo..hi]).chars().count()
    }
}

/// [`replace_range`] of a text longer than [`SHORT_HAY`], of an empty
/// `old`, or with a count: apart, so that the short path keeps a small
/// frame.
///
/// # Safety
/// As [`replace_range`].
#[inline(never)]
unsafe fn replace_long(
    p: *const StrObj,
    lo: usize,
    hi: usize,
    old: *const StrObj,
    new: *const StrObj,
    count: i64,
) -> *mut StrObj {
    let text = std::str::from_utf8_unchecked(&as_str(p).as_bytes()[lo..hi]);
    replace_text(text, piece_chars(p, lo, hi), old, new, count)
}

/// `text.replace(old, new, count)` as a new string, for a `text` of
/// `text_chars` code points, by searching the text itself: a text longer
/// than [`SHORT_HAY`] (shorter ones take [`replace_range`]'s bit mask), or
/// an empty `old`. A one-byte `old` is found by [`find_short`]; a longer one
/// by std's searcher.
///
/// # Safety
/// `old` and `new` are live string objects.
unsafe fn replace_text(
    text: &str,
    text_chars: usize,
    old: *const StrObj,
    new: *const StrObj,
    count: i64,
) -> *mut StrObj {
    let (from, to) = (as_str(old), as_str(new));
    if from.len() != 1 {
        return new_str(&replace(text, from, to, count));
    }
    // Find the matches (the first few remembered), then write the result
    // once into an object of the exact size: the code points follow from
    // the counts, too. Matches of a valid UTF-8 needle start and end on
    // character boundaries, so the work is on bytes.
    let (h, f) = (text.as_bytes(), from.as_bytes());
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let mut seen = [0usize; 8];
    let mut hits = 0;
    let mut at = 0;
    while hits < limit && h.len() - at >= f.len() {
        let Some(i) = find_short(&h[at..], f) else { break };
        if let Some(slot) = seen.get_mut(hits) {
            *slot = at + i;
        }
        at += i + f.len();
        hits += 1;
    }
    let len = h.len() - hits * f.len() + hits * to.len();
    let n = text_chars - hits * nchars(old) + hits * nchars(new);
    let mut w = StrWriter::new(len, n);
    let mut at = 0;
    for k in 0..hits {
        let i = match seen.get(k) {
            Some(&i) => i,
            None => at + find_short(&h[at..], f).expect("counted match"),
        };
        w.push_bytes(&h[at..i]);
        w.push_bytes(to.as_bytes());
        at = i + f.len();
    }
    w.push_bytes(&h[at..]);
    w.finish()
}

/// Haystacks up to this many bytes are searched directly by [`find_short`].
const SHORT_HAY: usize = 64;

/// The first match of the non-empty needle `n` in `h`, for a one-byte
/// needle or a short haystack: there, building std's two-way searcher costs
/// more than the search itself.
#[inline]
fn find_short(h: &[u8], n: &[u8]) -> Option<usize> {
    let (&first, last_start) = (n.first()?, h.len().checked_sub(n.len())?);
    // Candidates are the places of the needle's first byte, found eight
    // bytes at a time; each is compared whole.
    let mut at = 0;
    while at <= last_start {
        let i = at + find_byte_in(&h[at..=last_start], first)?;
        if same_bytes(&h[i..i + n.len()], n) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// `str.replace(old, new, count)`; `count < 0` replaces all.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let limit = if count < 0 { usize::MAX } else { count as usize };
    if !old.is_empty() && (old.len() == 1 || s.len() <= SHORT_HAY) {
        return replace_short(s, old, new, limit);
    }
    if old.is_empty() {
        let mut out = String::with_capacity(s.len());
        let mut done = 0;
        for c in s.chars() {
            if done < limit {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(new);
        }
        return out;
    }
    if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, limit)
    }
}

/// `a == b` for short texts that are usually equal (a dict key found under
/// an equal hash, a needle at a candidate position): they compare as two
/// overlapping words each rather than through a `memcmp` call.
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"));
    let half = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().expect("4 bytes"));
    match n {
        0 => true,
        // The first, middle and last bytes are all of them.
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=8 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        9..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        _ => a == b,
    }
}

/// [`replace`] searching with [`find_short`].
fn replace_short(s: &str, old: &str, new: &str, limit: usize) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut done = 0;
    while done < limit {
        let Some(i) = find_short(rest.as_bytes(), old.as_bytes()) else { break };
        out.push_str(&rest[..i]);
        out.push_str(new);
        rest = &rest[i + old.len()..];
        done += 1;
    }
    out.push_str(rest);
    out
}

/// `find`/`rfind` over code points with optional `start`/`end`.
#[cfg(test)]
pub fn find(s: &str, nchars: usize, sub: &str, start: i64, end: i64, rev: bool) -> i64 {
    // SAFETY: no object.
    unsafe { find_near(s, nchars, sub, start, end, rev, std::ptr::null()) }
}

/// [`find`] on the string object `p`, walking to `start` from (and
/// remembering) the last position indexed in it, so that a loop of
/// `i = s.find(sub, i + 1)` over non-ASCII text stays linear.
///
/// # Safety
/// `p` is a live string object.
pub unsafe fn find_obj(p: *const StrObj, sub: &str, start: i64, end: i64, rev: bool) -> i64 {
    let (s, n) = text(p);
    find_near(s, n, sub, start, end, rev, p)
}

/// # Safety
/// `p` is null or the live string object whose text is `s`.
unsafe fn find_near(s: &str, nchars: usize, sub: &str, start: i64, end: i64, rev: bool, p: *const StrObj) -> i64 {
    let (start, end) = index::find_range(nchars as i64, start, end);
    let sub_chars = sub.chars().count() as i64;
    if end - start < sub_chars {
        return -1;
    }
    let a = if p.is_null() { byte_at(s, nchars, start as usize) } else { byte_at_obj(p, start as usize) };
    let b = a + byte_at(&s[a..], nchars - start as usize, (end - start) as usize);
    let hay = &s[a..b];
    let hit = if rev { hay.rfind(sub) } else { hay.find(sub) };
    match hit {
        None => -1,
        Some(off) if s.len() == nchars => start + off as i64,
        Some(off) => {
            let ci = start as usize + char_at(hay, off);
            if !p.is_null() {
                remember_pos(p, ci, a + off);
            }
            ci as i64
        }
    }
}

/// `startswith`/`endswith` (`at_end`) of `sub` within `s[start:end]`.
pub fn tailmatch(s: &str, nchars: usize, sub: &str, start: i64, end: i64, at_end: bool) -> bool {
    if start == bodo_abi::SLICE_NONE && end == bodo_abi::SLICE_NONE {
        return if at_end { s.ends_with(sub) } else { s.starts_with(sub) };
    }
    let (start, end) = index::find_range(nchars as i64, start, end);
    if end - start < sub.chars().count() as i64 {
        return false;
    }
    let hay = &s[byte_at(s, nchars, start as usize)..byte_at(s, nchars, end as usize)];
    if at_end {
        hay.ends_with(sub)
    } else {
        hay.starts_with(sub)
    }
}

/// `index`/`rindex`: like [`find`] but a miss is a ValueError.
///
/// # Safety
/// `p` is a live string object.
pub unsafe fn index_of(p: *const StrObj, sub: &str, start: i64, end: i64, rev: bool) -> PyResult<i64> {
    match find_obj(p, sub, start, end, rev) {
        -1 => Err(PyErr::new(exc::VALUE_ERROR, "substring not found")),
        i => Ok(i),
    }
}

/// Non-overlapping occurrences in `s[start:end]`; the empty string occurs
/// once more than there are code points.
pub fn count(s: &str, nchars: usize, sub: &str, start: i64, end: i64) -> i64 {
    let (start, end) = index::find_range(nchars as i64, start, end);
    if end - start < sub.chars().count() as i64 {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    let hay = &s[byte_at(s, nchars, start as usize)..byte_at(s, nchars, end as usize)];
    hay.matches(sub).count() as i64
}

/// `partition` (`rev`: `rpartition`): the text before the separator, the
/// separator, and the text after; a miss puts all of `s` at the far end.
pub fn partition<'a>(s: &'a str, sep: &'a str, rev: bool) -> PyResult<[&'a str; 3]> {
    if sep.is_empty() {
        return Err(PyErr::new(exc::VALUE_ERROR, "empty separator"));
    }
    let hit = if rev { s.rfind(sep) } else { s.find(sep) };
    Ok(match hit {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if rev => ["", "", s],
        None => [s, "", ""],
    })
}

/// `expandtabs(tabsize)`: each tab becomes spaces up to the next multiple
/// of `tabsize` columns (none when `tabsize <= 0`); newlines reset the column.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// The `is*` predicates, all false on the empty string.
#[derive(Clone, Copy)]
pub enum Class {
    Digit,
    Alpha,
    Alnum,
    Space,
    Upper,
    Lower,
    Decimal,
    Numeric,
}

/// `str.isdigit()` etc. Unicode categories follow Rust's `char` predicates
/// (`isdigit` accepts all numeric characters, e.g. '½', unlike CPython).
pub fn is_class(s: &str, class: Class) -> bool {
    if s.is_empty() {
        return false;
    }
    match class {
        Class::Digit => s.chars().all(char::is_numeric),
        Class::Alpha => s.chars().all(char::is_alphabetic),
        Class::Alnum => s.chars().all(char::is_alphanumeric),
        Class::Space => s.chars().all(is_space),
        Class::Upper => s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
        Class::Lower => s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
        Class::Decimal => s.chars().all(str_classes::is_decimal),
        Class::Numeric => s.chars().all(char::is_numeric),
    }
}

pub fn zfill(s: &str, nchars: usize, width: i64) -> String {
    if width <= nchars as i64 {
        return s.to_string();
    }
    let pad = "0".repeat(width as usize - nchars);
    match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{pad}{}", &s[1..]),
        _ => pad + s,
    }
}

/// Alignment for `center`/`ljust`/`rjust`.
#[derive(Clone, Copy)]
pub enum Justify {
    Center,
    Left,
    Right,
}

/// `center`/`ljust`/`rjust` with an optional one-character fill.
pub fn justify(s: &str, nchars: usize, width: i64, fill: Option<&str>, how: Justify) -> PyResult<String> {
    let fill = match fill {
        None => ' ',
        Some(f) => {
            let mut it = f.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => return Err(PyErr::new(exc::TYPE_ERROR, "The fill character must be exactly one character long")),
            }
        }
    };
    if width <= nchars as i64 {
        return Ok(s.to_string());
    }
    let marg = width - nchars as i64;
    let left = match how {
        Justify::Left => 0,
        Justify::Right => marg,
        // CPython's rule: odd margins favour the right unless width is odd.
        Justify::Center => marg / 2 + (marg & width & 1),
    };
    let pad = |n: i64| std::iter::repeat_n(fill, n as usize);
    Ok(pad(left).chain(s.chars()).chain(pad(marg - left)).collect())
}

pub fn ord(s: &str, nchars: usize) -> PyResult<i64> {
    match (nchars, s.chars().next()) {
        (1, Some(c)) => Ok(c as i64),
        _ => {
            Err(PyErr::new(exc::TYPE_ERROR, format!("ord() expected a character, but string of length {nchars} found")))
        }
    }
}

/// `chr(i)`. Lone surrogates cannot live in UTF-8 strings, so they map to
/// U+FFFD instead of CPython's surrogate code point.
pub fn chr(i: i64) -> PyResult<*mut StrObj> {
    if !(0..0x110000).contains(&i) {
        return Err(PyErr::new(exc::VALUE_ERROR, "chr() arg not in range(0x110000)"));
    }
    let c = char::from_u32(i as u32).unwrap_or('\u{FFFD}');
    Ok(char_str(c))
}

/// The characters of `s` as a new `list[str]`.
pub fn chars(s: &str) -> *mut ListObj {
    let l = list::new(&descs::LIST_STR, s.len() as i64);
    for c in s.chars() {
        // SAFETY: `l` is live; the new string's reference moves into it.
        unsafe { list::push_owned(l, char_str(c) as u64) };
    }
    l
}

/// `int(s)` for base 10: surrounding whitespace, a sign, and single `_`
/// between digits. Values beyond i64 raise OverflowError, since ints are 64-bit.
pub fn to_int(s: &str) -> PyResult<i64> {
    to_int_base(s, 10)
}

/// `int(s, base)`: base 2 to 36, or 0 (the base comes from a `0x`/`0o`/`0b`
/// prefix, else 10, where a nonzero number may not start with 0); a prefix
/// matching the base may come first, and `_` may separate digits.
pub fn to_int_base(s: &str, base: i64) -> PyResult<i64> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(PyErr::new(exc::VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0"));
    }
    let bad = || {
        let repr = crate::format::str_repr(s);
        PyErr::new(exc::VALUE_ERROR, format!("invalid literal for int() with base {base}: {repr}"))
    };
    let ascii = str_classes::to_ascii_digits(s);
    let t = ascii.trim_matches(is_space);
    let (neg, rest) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let prefix = |r: &str| match r.get(..2).map(str::to_ascii_lowercase).as_deref() {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    let (radix, digits) = match (base, prefix(rest)) {
        (0, Some(p)) => (p, &rest[2..]),
        (0, None) => (10, rest),
        (b, Some(p)) if p == b => (b, &rest[2..]),
        (b, _) => (b, rest),
    };
    let prefixed = digits.len() != rest.len();
    // After a prefix one `_` may come first ("0x_ff").
    let digits = if prefixed { digits.strip_prefix('_').unwrap_or(digits) } else { digits };
    let b = digits.as_bytes();
    if b.is_empty() || b[0] == b'_' || b[b.len() - 1] == b'_' || digits.contains("__") {
        return Err(bad());
    }
    let mut v: i128 = 0;
    for &c in b {
        let d = match c {
            b'_' => continue,
            b'0'..=b'9' => i64::from(c - b'0'),
            b'a'..=b'z' => i64::from(c - b'a') + 10,
            b'A'..=b'Z' => i64::from(c - b'A') + 10,
            _ => return Err(bad()),
        };
        if d >= radix {
            return Err(bad());
        }
        v = (v * radix as i128 + d as i128).min(1 << 64);
    }
    // Base 0 reads "010" as neither octal nor decimal.
    if base == 0 && !prefixed && v != 0 && b[0] == b'0' {
        return Err(bad());
    }
    let v = if neg { -v } else { v };
    i64::try_from(v).map_err(|_| PyErr::new(exc::OVERFLOW_ERROR, "Python int too large to convert to C long"))
}

/// `10^k` for `k <= 22`: the powers of ten that are exact doubles.
const EXACT_POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// `float(s)` of a plain numeral `[+-]digits[.digits]` (the usual field of
/// a parsed record, `"12.50"`) whose digits make an integer `m <= 2^53`
/// with at most 22 after the point: `m` and `10^k` are exact doubles, so
/// their quotient is one correctly rounded division (Clinger's fast
/// path), the value the general parser finds. `None` for anything else.
#[inline]
pub(crate) fn plain_decimal(b: &[u8]) -> Option<f64> {
    let (negative, body) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    // At most 19 digits (and a point) always fit in a u64; longer numerals
    // take the general path.
    if body.len() > 20 {
        return None;
    }
    let (mut m, mut digits, mut point) = (0u64, 0, usize::MAX);
    for &c in body {
        let d = c.wrapping_sub(b'0');
        if d < 10 {
            m = m * 10 + u64::from(d);
            digits += 1;
        } else if c == b'.' && point == usize::MAX {
            point = digits;
        } else {
            return None;
        }
    }
    let fraction = if point == usize::MAX { 0 } else { digits - point };
    if digits == 0 || digits > 19 || m > 1 << 53 || fraction >= EXACT_POW10.len() {
        return None;
    }
    let x = m as f64 / EXACT_POW10[fraction];
    Some(if negative { -x } else { x })
}

/// `float(s)`: whitespace, sign, `inf`/`infinity`/`nan` in any case, and `_`
/// between digits.
pub fn to_float(s: &str) -> PyResult<f64> {
    if let Some(x) = plain_decimal(s.as_bytes()) {
        return Ok(x);
    }
    let bad =
        || PyErr::new(exc::VALUE_ERROR, format!("could not convert string to float: {}", crate::format::str_repr(s)));
    let ascii = str_classes::to_ascii_digits(s);
    let t = ascii.trim_matches(is_space);
    // Plain numerals (no underscores, no letters but exponents) are in Rust's
    // grammar as they are: no cleaned copy needed.
    if t.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.' | b'e' | b'E')) {
        return t.parse::<f64>().map_err(|_| bad());
    }
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        return t.parse::<f64>().map_err(|_| bad());
    }
    // Rust accepts exactly Python's numeric grammar once underscores (only
    // legal between two digits) are removed.
    let b = t.as_bytes();
    let mut clean = String::with_capacity(t.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let digit_before = i > 0 && b[i - 1].is_ascii_digit();
            let digit_after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(digit_before && digit_after) {
                return Err(bad());
            }
        } else if c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.' | b'e' | b'E') {
            clean.push(c as char);
        } else {
            return Err(bad());
        }
    }
    clean.parse::<f64>().map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;
    use bodo_abi::SLICE_NONE as N;

    #[test]
    fn byte_scans_read_whole_words_and_ignore_padding() {
        for len in 0usize..40 {
            let text: String = (0..len).map(|i| if i % 5 == 4 { ',' } else { 'a' }).collect();
            let p = new_str(&text);
            // Padding after the NUL that looks like the separator must not count.
            unsafe {
                let data = (p as *mut u8).add(DATA);
                for i in len + 1..(len + 1).next_multiple_of(8) {
                    *data.add(i) = b',';
                }
            }
            for pos in 0..=len {
                for hi in pos..=len {
                    let want: Vec<usize> = (pos..hi).filter(|&i| text.as_bytes()[i] == b',').collect();
                    let mut got = Vec::new();
                    unsafe { each_byte_in(p, pos, hi, b',', |i| got.push(i)) };
                    assert_eq!(got, want, "{len} {pos}..{hi}");
                }
            }
            unsafe { decref(p as *mut Header) };
        }
    }

    #[test]
    fn append_grows_unshared_strings_in_place() {
        unsafe {
            let live = crate::object::live_objects();
            let (a, b, xs) = (new_str("ka"), new_str("lé"), new_str(&"x".repeat(300)));
            let grown = append(a, b);
            assert!(std::ptr::eq(grown, a), "an unshared short string grows in its block");
            assert_eq!((as_str(grown), (*grown).nchars), ("kalé", 4));
            (*grown).hdr.rc += 1;
            let copy = append(grown, b);
            assert!(!std::ptr::eq(copy, grown), "a shared string is left alone");
            assert_eq!((as_str(grown), as_str(copy)), ("kalé", "kalélé"));
            let long = append(copy, xs);
            assert_eq!(((*long).len, (*long).nchars), (8 + 300, 6 + 300));
            for p in [grown, b, xs, long] {
                decref(p as *mut Header);
            }
            assert_eq!(crate::object::live_objects(), live);
        }
    }

    fn s(p: *mut StrObj) -> String {
        unsafe {
            let r = as_str(p).to_string();
            decref(p as *mut Header);
            r
        }
    }

    #[test]
    fn layout_nul_and_counts() {
        let p = new_str("héllo");
        unsafe {
            assert_eq!((*p).len, 6);
            assert_eq!((*p).nchars, 5);
            assert_eq!(*(p as *const u8).add(DATA + 6), 0);
        }
        assert_eq!(s(p), "héllo");
    }

    #[test]
    fn ascii_chars_are_immortal() {
        let before = crate::object::live_objects();
        unsafe {
            let l = chars("aé");
            let it = list::items(l);
            let (a, e) = (it[0] as *const StrObj, it[1] as *const StrObj);
            assert_eq!(((*a).hdr.rc, as_str(a)), (-1, "a"));
            assert_eq!(((*e).hdr.rc, as_str(e)), (1, "é"));
            assert_eq!(*(a as *const u8).add(DATA + 1), 0);
            decref(l as *mut Header);
        }
        assert_eq!(crate::object::live_objects(), before);
    }

    #[test]
    fn byte_offsets_from_any_known_position() {
        let t = "aé€x😀bcdefghijklmnopé€€€qrstuvwxyz0123456789€";
        let offs: Vec<usize> = t.char_indices().map(|(b, _)| b).chain([t.len()]).collect();
        let n = offs.len() - 1;
        for ci in 0..=n {
            for k in 0..=n {
                assert_eq!(byte_at_near(t, n, ci, (k, offs[k])), offs[ci], "ci {ci} from {k}");
            }
        }
        let q = new_str(t);
        unsafe {
            let fwd: String = (0..n as i64).map(|i| s(getitem(q, i).unwrap())).collect();
            let back: String = (0..n as i64).rev().map(|i| s(getitem(q, i).unwrap())).collect();
            assert_eq!(fwd, t);
            assert_eq!(back, t.chars().rev().collect::<String>());
            for i in 0..n as i64 {
                let want: String = t.chars().skip(i as usize).take(3).collect();
                assert_eq!(s(slice(q, i, i + 3, 1).unwrap()), want);
            }
            decref(q as *mut Header);
        }
    }

    #[test]
    fn slicing() {
        let p = new_str("abcdef");
        let q = new_str("aé€x");
        unsafe {
            assert_eq!(s(slice(p, N, N, -1).unwrap()), "fedcba");
            assert_eq!(s(slice(p, N, N, -2).unwrap()), "fdb");
            assert_eq!(s(slice(p, 1, -1, 1).unwrap()), "bcde");
            assert_eq!(s(slice(p, 4, 1, -1).unwrap()), "edc");
            assert_eq!(s(slice(q, 1, 3, 1).unwrap()), "é€");
            assert_eq!(s(slice(q, N, N, -1).unwrap()), "x€éa");
            assert_eq!(s(getitem(q, -2).unwrap()), "€");
            assert!(getitem(p, 6).is_err());
            assert!(slice(p, N, N, 0).is_err());
            decref(p as *mut Header);
            decref(q as *mut Header);
        }
    }

    #[test]
    fn splitting() {
        assert_eq!(split("  a b  c  ", None, -1, false).unwrap(), ["a", "b", "c"]);
        assert_eq!(split("  a b  c  ", None, 1, false).unwrap(), ["a", "b  c  "]);
        assert_eq!(split("  a b  c  ", None, 1, true).unwrap(), ["  a b", "c"]);
        assert_eq!(split("a,b,,c", Some(","), -1, false).unwrap(), ["a", "b", "", "c"]);
        assert_eq!(split("a,b,c", Some(","), 1, false).unwrap(), ["a", "b,c"]);
        assert_eq!(split("a,b,c", Some(","), 1, true).unwrap(), ["a,b", "c"]);
        assert_eq!(split("", Some(","), -1, false).unwrap(), [""]);
        assert!(split("", None, -1, false).unwrap().is_empty());
        assert!(split("a", Some(""), -1, false).is_err());
        assert_eq!(splitlines("a\r\nb\n\nc\rd\n", false), ["a", "b", "", "c", "d"]);
        assert_eq!(splitlines("a\r\nb\n\nc\rd", true), ["a\r\n", "b\n", "\n", "c\r", "d"]);
    }

    #[test]
    fn byte_search() {
        let text = "abcdefghij;klmnopqrstuvwxyz;é;";
        for (i, c) in text.bytes().enumerate().filter(|(_, c)| c.is_ascii()) {
            assert_eq!(find_byte(text, c), text.find(c as char), "byte {i}");
        }
        assert_eq!(find_byte(text, b'!'), None);
        assert_eq!(find_byte("", b'a'), None);
        // A byte value one above the target must not match ('a' + 1).
        assert_eq!(find_byte("bbbbbbbbbbbbbbbba", b'a'), Some(16));
    }

    #[test]
    fn splits_into_objects() {
        let before = crate::object::live_objects();
        unsafe {
            for (text, sep, max, rev, want) in [
                ("a;b;;c", ";", -1, false, vec!["a", "b", "", "c"]),
                ("é;ü;x", ";", -1, false, vec!["é", "ü", "x"]),
                ("a--b--c", "--", -1, false, vec!["a", "b", "c"]),
                ("a;b;c", ";", 1, true, vec!["a;b", "c"]),
                ("a;b;c", ";", 1, false, vec!["a", "b;c"]),
                ("", ";", -1, false, vec![""]),
            ] {
                let (p, q) = (new_str(text), new_str(sep));
                let l = split_obj(p, q, max, rev).unwrap();
                let got: Vec<(String, i64)> = list::items(l)
                    .iter()
                    .map(|&v| (as_str(v as *const StrObj).to_string(), (*(v as *const StrObj)).nchars))
                    .collect();
                let want: Vec<(String, i64)> = want.iter().map(|w| (w.to_string(), w.chars().count() as i64)).collect();
                assert_eq!(got, want, "{text:?}.split({sep:?})");
                for o in [p as *mut Header, q as _, l as _] {
                    decref(o);
                }
            }
        }
        assert_eq!(crate::object::live_objects(), before);
    }

    #[test]
    fn same_bytes_at_every_length() {
        let t = "abcdefghijklmnopqrstu".as_bytes();
        for n in 0..=t.len() {
            // Another buffer of the same bytes.
            let copy = t[..n].to_vec();
            assert!(same_bytes(&t[..n], &copy));
            for i in 0..n {
                let mut other = t[..n].to_vec();
                other[i] = b'_';
                assert!(!same_bytes(&t[..n], &other), "{n} at {i}");
            }
        }
        assert!(!same_bytes(b"abcd", b"abcde"));
    }

    #[test]
    fn plain_decimals_parse_as_the_general_parser_does() {
        let mut cases: Vec<String> = ["0", "-0", "+0.0", "1.", ".5", "-.5", "12.50", "007", "9007199254740992", "0.1"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // Numerals near every exact power and the 2^53 limit.
        let mut x: u64 = 12345;
        for k in 0..25 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let digits = (x >> 11).to_string();
            cases.push(format!("{}.{}", &digits[..digits.len() / 2], &digits[digits.len() / 2..]));
            cases.push(format!("-0.{}{}", "0".repeat(k), x % 1000));
        }
        for case in &cases {
            let want: f64 = case.parse().unwrap();
            assert_eq!(to_float(case).unwrap().to_bits(), want.to_bits(), "{case}");
        }
        for other in ["", "-", ".", "1.2.3", "1e5", " 1", "1_0", "9007199254740993", "12345678901234567890.5"] {
            assert_eq!(plain_decimal(other.as_bytes()), None, "{other}");
        }
        assert_eq!(to_float("9007199254740993").unwrap(), 9007199254740992.0);
    }

    #[test]
    fn replace_ranges_agree_with_std_on_every_piece() {
        let before = crate::object::live_objects();
        let texts = ["item-123", "aaaa", "a;aa;item-;é-item-xé", &"ab".repeat(40), "", "éé"];
        let needles = ["item-", "a", "aa", "é", "-", "zz", "é-it", "ab"];
        unsafe {
            for text in texts {
                let p = new_str(text);
                let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
                for needle in needles {
                    let (old, new) = (new_str(needle), new_str("<ü>"));
                    for &lo in &bounds {
                        for &hi in bounds.iter().filter(|&&hi| hi >= lo) {
                            for count in [-1, 0, 1, 2] {
                                let piece = &text[lo..hi];
                                let want = if count < 0 {
                                    piece.replace(needle, "<ü>")
                                } else {
                                    piece.replacen(needle, "<ü>", count as usize)
                                };
                                let got = replace_range(p, lo, hi, old, new, count);
                                assert_eq!(as_str(got), want, "{piece:?}.replace({needle:?}, _, {count})");
                                assert_eq!((*got).nchars as usize, want.chars().count());
                                decref(got as *mut Header);
                            }
                        }
                    }
                    decref(old as *mut Header);
                    decref(new as *mut Header);
                }
                decref(p as *mut Header);
            }
        }
        assert_eq!(crate::object::live_objects(), before);
    }

    #[test]
    fn built_objects_count_code_points() {
        let before = crate::object::live_objects();
        unsafe {
            let (a, b, sep) = (new_str("hé"), new_str("llo"), new_str(", "));
            let ab = concat_objs(a, b);
            assert_eq!(((*ab).len, (*ab).nchars), (6, 5));
            let l = str_list(&["x", "ÿ", ""]);
            let j = join(sep, l);
            assert_eq!((as_str(j), (*j).nchars), ("x, ÿ, ", 6));
            let r = repeat(a, 3).expect("a short repeat");
            assert_eq!((as_str(r), (*r).nchars), ("héhéhé", 6));
            let (old, new) = (new_str("l"), new_str("ŀ"));
            let rep = replace_obj(ab, old, new, -1);
            assert_eq!((as_str(rep), (*rep).nchars), ("héŀŀo", 5));
            let rep1 = replace_obj(ab, old, new, 1);
            assert_eq!((as_str(rep1), (*rep1).nchars), ("héŀlo", 5));
            let up = upper(ab);
            assert_eq!((as_str(up), (*up).nchars), ("HÉLLO", 5));
            let mixed = new_str_counted("AbC-1", 5);
            let lo = lower(mixed);
            assert_eq!(as_str(lo), "abc-1");
            for o in [a, b, sep, ab, j, r, old, new, rep, rep1, up, mixed, lo] {
                decref(o as *mut Header);
            }
            decref(l as *mut Header);
        }
        assert_eq!(crate::object::live_objects(), before);
    }

    #[test]
    fn hash_memo_follows_the_object() {
        unsafe {
            let a = new_str("word");
            let h = hash(a);
            assert_eq!(hash(a), h);
            decref(a as *mut Header);
            // A new object, maybe at the same address, gets its own hash.
            let b = new_str("other");
            assert_eq!(hash(b), crate::str_hash::hash("other", 5));
            decref(b as *mut Header);
        }
    }

    #[test]
    fn finding() {
        assert_eq!(find("hello", 5, "l", N, N, false), 2);
        assert_eq!(find("hello", 5, "l", 3, N, false), 3);
        assert_eq!(find("hello", 5, "l", N, N, true), 3);
        assert_eq!(find("hello", 5, "", 5, N, false), 5);
        assert_eq!(find("hello", 5, "", 6, N, false), -1);
        assert_eq!(find("hello", 5, "lo", -2, N, false), 3);
        assert_eq!(find("héllo", 5, "l", 3, N, false), 3);
        assert_eq!(find("abc", 3, "c", 0, 2, false), -1);
        const N: i64 = bodo_abi::SLICE_NONE;
        assert_eq!(count("aaaa", 4, "aa", N, N), 2);
        assert_eq!(count("ab", 2, "", N, N), 3);
        assert_eq!(count("héhéhé", 6, "hé", 1, N), 2);
        assert_eq!(count("héhéhé", 6, "é", -3, -1), 1);
        assert_eq!(count("ab", 2, "", 3, N), 0);
        assert_eq!(partition("a=b=c", "=", false).unwrap(), ["a", "=", "b=c"]);
        assert_eq!(partition("a=b=c", "=", true).unwrap(), ["a=b", "=", "c"]);
        assert_eq!(partition("abc", "=", true).unwrap(), ["", "", "abc"]);
        assert_eq!(partition("abc", "", false).unwrap_err().msg, "empty separator");
        assert_eq!(expandtabs("a\tbc\td\n\tx", 4), "a   bc  d\n    x");
        assert_eq!(expandtabs("a\tb", 0), "ab");
        let p = new_str("abc");
        assert!(unsafe { index_of(p, "z", N, N, false) }.is_err());
        let q = new_str("é,ab,c,");
        let hits: Vec<i64> = std::iter::successors(Some(unsafe { find_obj(q, ",", N, N, false) }), |&i| {
            Some(unsafe { find_obj(q, ",", i + 1, N, false) }).filter(|_| i >= 0)
        })
        .collect();
        assert_eq!(hits, [1, 4, 6, -1]);
        assert_eq!(unsafe { index_of(q, ",", 2, 5, true) }.ok(), Some(4));
        unsafe {
            decref(p as *mut Header);
            decref(q as *mut Header);
        }
    }

    #[test]
    fn case_words_changes_only_ascii_letters_and_only_len_bytes() {
        // Every byte value at every place of texts of 0 to 24 bytes, the
        // words past the length holding bytes that must survive.
        let all: Vec<u8> = (0..=255u8).collect();
        for len in 0..=24 {
            for start in (0..256).step_by(7) {
                let mut words = [0u64; 4];
                let bytes = unsafe { std::slice::from_raw_parts_mut(words.as_mut_ptr() as *mut u8, 32) };
                for (i, b) in bytes.iter_mut().enumerate() {
                    *b = all[(start + i * 37) % 256];
                }
                let before = bytes.to_vec();
                for upper in [true, false] {
                    let mut out = [0u64; 4];
                    let dst = out.as_mut_ptr() as *mut u8;
                    unsafe { case_words(words.as_ptr() as *const u8, dst, len, upper) };
                    let got = unsafe { std::slice::from_raw_parts(dst, len) };
                    let mut want = before[..len].to_vec();
                    if upper {
                        want.make_ascii_uppercase();
                    } else {
                        want.make_ascii_lowercase();
                    }
                    assert_eq!(got, &want[..], "len {len} upper {upper}");
                }
                let p = words.as_mut_ptr() as *mut u8;
                unsafe { case_words(p, p, len, true) };
                let mut want = before.clone();
                want[..len].make_ascii_uppercase();
                let bytes = unsafe { std::slice::from_raw_parts(p, 32) };
                assert_eq!(bytes, &want[..], "in place, len {len}");
            }
        }
    }

    #[test]
    fn transforms() {
        assert_eq!(replace("abc", "", "-", -1), "-a-b-c-");
        assert_eq!(replace("abc", "", "-", 2), "-a-bc");
        assert_eq!(replace("aaa", "a", "b", 2), "bba");
        assert_eq!(title("hello wORLD 3rd"), "Hello World 3Rd");
        assert_eq!(capitalize("hELLO"), "Hello");
        assert_eq!(swapcase("aB"), "Ab");
        assert_eq!(zfill("-42", 3, 6), "-00042");
        assert_eq!(justify("ab", 2, 5, None, Justify::Center).unwrap(), "  ab ");
        assert_eq!(justify("abc", 3, 6, Some("*"), Justify::Center).unwrap(), "*abc**");
        assert_eq!(justify("a", 1, 4, Some("-"), Justify::Right).unwrap(), "---a");
        assert!(justify("a", 1, 4, Some("--"), Justify::Left).is_err());
        assert_eq!(strip("xxaxx", Some("x"), Ends::Left), "axx");
        assert_eq!(strip(" \t a \n", None, Ends::Both), "a");
    }

    #[test]
    fn conversions() {
        assert_eq!(to_int(" -1_000 ").unwrap(), -1000);
        assert_eq!(to_int("007").unwrap(), 7);
        assert_eq!(to_int("x7").unwrap_err().msg, "invalid literal for int() with base 10: 'x7'");
        assert!(to_int("1__0").is_err());
        assert!(to_int("_1").is_err());
        assert_eq!(to_int("-9223372036854775808").unwrap(), i64::MIN);
        assert_eq!(to_int("9223372036854775808").unwrap_err().class, exc::OVERFLOW_ERROR);
        assert_eq!(to_float(" 1.5 ").unwrap(), 1.5);
        assert_eq!(to_float("1_0.5").unwrap(), 10.5);
        assert_eq!(to_float("-Infinity").unwrap(), f64::NEG_INFINITY);
        assert!(to_float("nan").unwrap().is_nan());
        assert_eq!(to_float("1e3").unwrap(), 1000.0);
        assert!(to_float("1_").is_err());
        assert!(to_float("x").is_err());
        assert_eq!(ord("€", 1).unwrap(), 0x20ac);
        assert_eq!(ord("ab", 2).unwrap_err().msg, "ord() expected a character, but string of length 2 found");
        assert_eq!(s(chr(97).unwrap()), "a");
    }
}
