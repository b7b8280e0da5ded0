//! `str` objects: construction, access and every string method of the ABI.
//!
//! Strings are immutable UTF-8 with a cached code-point count; indices
//! count code points, and ASCII strings (len == nchars) take byte fast paths.

use crate::errors::{PyErr, PyResult};
use crate::index;
use crate::list;
use crate::object::{alloc_obj, dealloc_obj, descs, Header, ListObj, StrObj};
use bodo_abi::exc;

const DATA: usize = std::mem::offset_of!(StrObj, data);

fn alloc_size(len: usize) -> usize {
    DATA + len + 1
}

/// A new string object holding `s` (owned, rc = 1).
pub fn new_str(s: &str) -> *mut StrObj {
    new_str_counted(s, s.chars().count())
}

fn new_str_counted(s: &str, nchars: usize) -> *mut StrObj {
    let p = alloc_obj(alloc_size(s.len()), &descs::STR) as *mut StrObj;
    // SAFETY: the allocation has room for the header, fields, bytes and NUL.
    unsafe {
        (*p).len = s.len() as i64;
        (*p).nchars = nchars as i64;
        let data = (p as *mut u8).add(DATA);
        std::ptr::copy_nonoverlapping(s.as_ptr(), data, s.len());
        *data.add(s.len()) = 0;
    }
    p
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
pub unsafe fn free(p: *mut StrObj) {
    dealloc_obj(p as *mut Header, alloc_size((*p).len as usize));
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
    if s.len() == nchars {
        ci
    } else {
        s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
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

/// # Safety
/// `a` and `b` are live string objects.
pub unsafe fn concat_objs(a: *const StrObj, b: *const StrObj) -> *mut StrObj {
    let s = [as_str(a), as_str(b)].concat();
    new_str_counted(&s, ((*a).nchars + (*b).nchars) as usize)
}

pub fn repeat(s: &str, n: i64) -> *mut StrObj {
    if n <= 0 || s.is_empty() {
        return new_str("");
    }
    new_str(&s.repeat(n as usize))
}

/// # Safety
/// `p` is a live string object.
pub unsafe fn getitem(p: *const StrObj, i: i64) -> PyResult<*mut StrObj> {
    let (s, n) = text(p);
    let i = index::resolve(i, n as i64).ok_or_else(|| PyErr::new(exc::INDEX_ERROR, "string index out of range"))?;
    let b = byte_at(s, n, i as usize);
    let c = s[b..].chars().next().unwrap_or_default();
    Ok(char_str(c))
}

/// # Safety
/// `p` is a live string object.
pub unsafe fn slice(p: *const StrObj, start: i64, stop: i64, step: i64) -> PyResult<*mut StrObj> {
    let (s, n) = text(p);
    let sl = index::slice(n as i64, start, stop, step)?;
    if sl.step == 1 {
        let a = byte_at(s, n, sl.start as usize);
        let b = byte_at(s, n, (sl.start + sl.count) as usize);
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

pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

pub fn lower(s: &str) -> String {
    s.to_lowercase()
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
        Some(sep) => Ok(if rev {
            let mut v: Vec<&str> = s.rsplitn(limit.saturating_add(1), sep).collect();
            v.reverse();
            v
        } else {
            s.splitn(limit.saturating_add(1), sep).collect()
        }),
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

/// `str.splitlines()` with Python's set of line boundaries, ends dropped.
pub fn splitlines(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break =
            matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            out.push(&s[start..i]);
            start = i + c.len_utf8();
            if c == '\r' && it.peek().map(|&(_, n)| n) == Some('\n') {
                it.next();
                start += 1;
            }
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// A new `list[str]` holding fresh string objects for `parts`.
pub fn str_list(parts: &[&str]) -> *mut ListObj {
    let l = list::new(&descs::LIST_STR, parts.len() as i64);
    for p in parts {
        // SAFETY: `l` is a live list; the new string's reference moves into it.
        unsafe { list::push_owned(l, new_str(p) as u64) };
    }
    l
}

/// `sep.join(items)`.
///
/// # Safety
/// `items` is a live list of string objects.
pub unsafe fn join(sep: &str, items: *const ListObj) -> *mut StrObj {
    let parts: Vec<&str> = list::items(items).iter().map(|&v| as_str(v as *const StrObj)).collect();
    new_str(&parts.join(sep))
}

/// `str.replace(old, new, count)`; `count < 0` replaces all.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let limit = if count < 0 { usize::MAX } else { count as usize };
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

/// `find`/`rfind` over code points with optional `start`/`end`.
pub fn find(s: &str, nchars: usize, sub: &str, start: i64, end: i64, rev: bool) -> i64 {
    let (start, end) = index::find_range(nchars as i64, start, end);
    let sub_chars = sub.chars().count() as i64;
    if end - start < sub_chars {
        return -1;
    }
    let a = byte_at(s, nchars, start as usize);
    let b = byte_at(s, nchars, end as usize);
    let hay = &s[a..b];
    let hit = if rev { hay.rfind(sub) } else { hay.find(sub) };
    match hit {
        None => -1,
        Some(off) if s.len() == nchars => start + off as i64,
        Some(off) => start + char_at(hay, off) as i64,
    }
}

/// `index`/`rindex`: like [`find`] but a miss is a ValueError.
pub fn index_of(s: &str, nchars: usize, sub: &str, start: i64, end: i64, rev: bool) -> PyResult<i64> {
    match find(s, nchars, sub, start, end, rev) {
        -1 => Err(PyErr::new(exc::VALUE_ERROR, "substring not found")),
        i => Ok(i),
    }
}

/// Non-overlapping occurrences; the empty string occurs `nchars + 1` times.
pub fn count(s: &str, nchars: usize, sub: &str) -> i64 {
    if sub.is_empty() {
        nchars as i64 + 1
    } else {
        s.matches(sub).count() as i64
    }
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
    let bad = || {
        PyErr::new(exc::VALUE_ERROR, format!("invalid literal for int() with base 10: {}", crate::format::str_repr(s)))
    };
    let t = s.trim_matches(is_space);
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let b = digits.as_bytes();
    if b.is_empty() || b[0] == b'_' || b[b.len() - 1] == b'_' || digits.contains("__") {
        return Err(bad());
    }
    let mut v: i128 = 0;
    for &c in b {
        match c {
            b'_' => {}
            b'0'..=b'9' => {
                v = v * 10 + (c - b'0') as i128;
                if v > 1 << 63 {
                    v = 1 << 64;
                }
            }
            _ => return Err(bad()),
        }
    }
    let v = if neg { -v } else { v };
    i64::try_from(v).map_err(|_| PyErr::new(exc::OVERFLOW_ERROR, "Python int too large to convert to C long"))
}

/// `float(s)`: whitespace, sign, `inf`/`infinity`/`nan` in any case, and `_`
/// between digits.
pub fn to_float(s: &str) -> PyResult<f64> {
    let bad =
        || PyErr::new(exc::VALUE_ERROR, format!("could not convert string to float: {}", crate::format::str_repr(s)));
    let t = s.trim_matches(is_space);
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
    use crate::object::decref;
    use bodo_abi::SLICE_NONE as N;

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
        assert_eq!(splitlines("a\r\nb\n\nc\rd\n"), ["a", "b", "", "c", "d"]);
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
        assert_eq!(count("aaaa", 4, "aa"), 2);
        assert_eq!(count("ab", 2, ""), 3);
        assert!(index_of("abc", 3, "z", N, N, false).is_err());
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
