//! String builders: a list that a function fills with `append` only to
//! return `sep.join(parts)` (`compiler/src/ir/join_builders.rs` proves it)
//! is never a list. Each part is written straight after the text so far,
//! separator first, into the block that becomes the joined string.
//!
//! The list would keep every part alive until the join: 800k rows of 25
//! bytes are 800k string objects, a slot array and then the joined copy,
//! more than twice the memory of the result, and fresh memory costs a page
//! fault per 4 KiB. Here a part is freed (and its pool block reused by the
//! next one) as soon as it is copied, and an f-string part is rendered
//! without becoming a string object at all.
//!
//! A str variable grown by `+=` in a loop is a builder too
//! (`compiler/src/ir/str_accumulators.rs`): its parts are joined with no
//! separator, an assignment starts it again ([`set`]), and a read makes a
//! string of its text ([`text_copy`]), or copies the text straight into
//! another builder ([`push_builder`]). The block doubles as it fills, so a
//! long run of `s += piece` copies each byte a constant number of times
//! and makes no string per step.

use crate::format::word;
use crate::object::{alloc_obj, dealloc_obj, descs, Header, StrObj};
use crate::pool;
use crate::str::{as_str, new_str_counted, DATA};
use crate::{fstring, short_copy};

/// A builder: the joined text so far, in a string object of `cap`
/// allocated bytes (null before the first part), and how many parts it
/// holds (a separator goes before every part but the first). Generated
/// code appends short parts to the text itself (`Op::BufText`, `BufLit`,
/// `BufSep`, `BuilderPushAcc`), so the text's bytes past its length are not
/// kept meaningful (no NUL until [`finish`]), and an accumulated
/// variable's `parts` may lag behind (its parts have no separator).
///
/// While the text belongs to a builder, its `nchars` field holds how many
/// more bytes than code points it has (its UTF-8 continuation bytes), not
/// its code points: an ASCII part, which most are (numbers, literals,
/// ASCII fields), then changes only the length, so generated appends do
/// not carry a second count from one append to the next. [`chars`] gives
/// the code points; [`finish`] stores them.
#[repr(C)]
pub struct BuilderObj {
    hdr: Header,
    text: *mut StrObj,
    cap: usize,
    parts: usize,
}

const _: () = assert!(std::mem::offset_of!(BuilderObj, text) as u64 == bodo_abi::layout::builder::TEXT);
const _: () = assert!(std::mem::offset_of!(BuilderObj, cap) as u64 == bodo_abi::layout::builder::CAP);
const _: () = assert!(std::mem::offset_of!(BuilderObj, parts) as u64 == bodo_abi::layout::builder::PARTS);

/// A new empty builder (owned).
pub fn new() -> *mut BuilderObj {
    let b = alloc_obj(std::mem::size_of::<BuilderObj>(), &descs::STR_BUILDER) as *mut BuilderObj;
    // SAFETY: freshly allocated with room for the fields.
    unsafe {
        (*b).text = std::ptr::null_mut();
        (*b).cap = 0;
        (*b).parts = 0;
    }
    b
}

/// Makes room for `more` bytes after the text (and its NUL), doubling so
/// that a long run of parts copies each byte a constant number of times;
/// a large block grows in place or by moving its pages (`pool::resize`).
/// Out of line: a part mostly fits, and the push stays a leaf call.
///
/// # Safety
/// `b` is a live builder.
#[cold]
#[inline(never)]
unsafe fn grow(b: *mut BuilderObj, more: usize) {
    let len = if (*b).text.is_null() { 0 } else { (*(*b).text).len as usize };
    let need = DATA + len + more + 1;
    if need <= (*b).cap {
        return;
    }
    let cap = need.max(2 * (*b).cap).max(64);
    if (*b).text.is_null() {
        let t = alloc_obj(cap, &descs::STR) as *mut StrObj;
        (*t).len = 0;
        (*t).nchars = 0;
        (*b).text = t;
    } else {
        (*b).text = move_block((*b).text, (*b).cap, cap, len);
    }
    (*b).cap = cap;
}

/// Makes sure the builder has a text with room for `more` bytes after its
/// end (and the NUL): what generated code asks for once before appending
/// the pieces of an f-string without checking each.
///
/// # Safety
/// `b` is a live builder.
pub unsafe fn reserve(b: *mut BuilderObj, more: usize) {
    grow(b, more);
}

/// The text object's block resized from `old` to `new` bytes, its first
/// `DATA + len` bytes kept.
///
/// # Safety
/// `t` came from the pool with `old` bytes; only the result is used after.
unsafe fn move_block(t: *mut StrObj, old: usize, new: usize, len: usize) -> *mut StrObj {
    if let Some(moved) = pool::resize(t as *mut u8, old, new) {
        return moved as *mut StrObj;
    }
    let fresh = pool::alloc(new);
    short_copy::copy(t as *const u8, fresh, DATA + len);
    pool::free(t as *mut u8, old);
    fresh as *mut StrObj
}

/// The code points of builder text `t` (see [`BuilderObj`]).
///
/// # Safety
/// `t` is a builder's live text.
unsafe fn chars(t: *const StrObj) -> usize {
    ((*t).len - (*t).nchars) as usize
}

/// Counts the `bytes` bytes of `chars` code points just written to
/// builder text `t` (see [`BuilderObj`]).
///
/// # Safety
/// `t` is a builder's live text.
unsafe fn count_wide(t: *mut StrObj, bytes: usize, chars: usize) {
    (*t).nchars += (bytes - chars) as i64;
}

/// Appends `piece` of `nchars` code points, after the separator unless it
/// is the first part.
///
/// # Safety
/// `b` is a live builder, `sep` a live string.
#[inline(always)]
unsafe fn push_piece(b: *mut BuilderObj, sep: *const StrObj, piece: &str, nchars: usize) {
    let sep_len = if (*b).parts > 0 { (*sep).len as usize } else { 0 };
    let t = (*b).text;
    let short = sep_len <= short_copy::SHORT && piece.len() <= short_copy::SHORT;
    if t.is_null() || !short || DATA + (*t).len as usize + sep_len + piece.len() + 1 > (*b).cap {
        // Out of line: the common push copies with no `memcpy` call.
        return push_grown(b, sep, piece, nchars);
    }
    write_part(b, sep, sep_len, piece, nchars, short_copy::copy_short);
}

/// [`push_piece`] when the text must grow first or a copy is long.
///
/// # Safety
/// As [`push_piece`].
#[inline(never)]
unsafe fn push_grown(b: *mut BuilderObj, sep: *const StrObj, piece: &str, nchars: usize) {
    let sep_len = if (*b).parts > 0 { (*sep).len as usize } else { 0 };
    grow(b, sep_len + piece.len());
    write_part(b, sep, sep_len, piece, nchars, short_copy::copy);
}

/// Writes the separator (`sep_len` bytes of `sep`) and `piece` after the
/// text, which has room for them, with `copy`.
///
/// # Safety
/// As [`push_piece`]; the text has room; `copy` can copy these lengths.
#[inline(always)]
unsafe fn write_part(
    b: *mut BuilderObj,
    sep: *const StrObj,
    sep_len: usize,
    piece: &str,
    nchars: usize,
    copy: unsafe fn(*const u8, *mut u8, usize),
) {
    let t = (*b).text;
    let data = (t as *mut u8).add(DATA);
    let mut at = (*t).len as usize;
    if sep_len > 0 {
        copy((sep as *const u8).add(DATA), data.add(at), sep_len);
        at += sep_len;
        count_wide(t, sep_len, (*sep).nchars as usize);
    }
    copy(piece.as_ptr(), data.add(at), piece.len());
    (*t).len = (at + piece.len()) as i64;
    count_wide(t, piece.len(), nchars);
    (*b).parts += 1;
}

/// `parts.append(s)`.
///
/// # Safety
/// `b` is a live builder; `sep` and `s` are live strings.
pub unsafe fn push(b: *mut BuilderObj, sep: *const StrObj, s: *const StrObj) {
    push_piece(b, sep, as_str(s), (*s).nchars as usize);
}

/// Appends `text` of `nchars` code points after the text so far, with no
/// separator and no new part: a piece of a part rendered piece by piece
/// (`compiler/src/ir/fstring_pieces.rs`), or `w += s` of an accumulated
/// variable.
///
/// # Safety
/// `b` is a live builder.
pub unsafe fn append_text(b: *mut BuilderObj, text: &str, nchars: usize) {
    let t = (*b).text;
    if t.is_null() || DATA + (*t).len as usize + text.len() + 1 > (*b).cap {
        grow(b, text.len());
    }
    let t = (*b).text;
    let at = (*t).len as usize;
    short_copy::copy(text.as_ptr(), (t as *mut u8).add(DATA + at), text.len());
    (*t).len = (at + text.len()) as i64;
    count_wide(t, text.len(), nchars);
}

/// Appends the short ASCII text that `write` puts at the start of the
/// [`word::ROOM`] bytes it is lent, straight after the text so far (the
/// bytes it clobbers past its length are not part of the text); false,
/// with nothing appended, when `write` declines (returns `None`).
///
/// # Safety
/// `b` is a live builder.
#[inline(always)]
unsafe fn append_short(b: *mut BuilderObj, write: impl FnOnce(&mut [u8; word::ROOM]) -> Option<usize>) -> bool {
    let t = (*b).text;
    if t.is_null() || DATA + (*t).len as usize + word::ROOM + 1 > (*b).cap {
        grow(b, word::ROOM);
    }
    let t = (*b).text;
    let at = (*t).len as usize;
    // SAFETY: the block has room for ROOM bytes after the text (above).
    let Some(len) = write(&mut *((t as *mut u8).add(DATA + at) as *mut [u8; word::ROOM])) else {
        return false;
    };
    // ASCII: no wide bytes to count.
    (*t).len = (at + len) as i64;
    true
}

/// Starts a new part: the separator unless it is the first.
///
/// # Safety
/// `b` is a live builder, `sep` a live string.
pub unsafe fn begin_part(b: *mut BuilderObj, sep: *const StrObj) {
    if (*b).parts > 0 {
        append_text(b, as_str(sep), (*sep).nchars as usize);
    }
    (*b).parts += 1;
}

/// Appends the decimal digits of `x`.
///
/// # Safety
/// `b` is a live builder.
pub unsafe fn append_int(b: *mut BuilderObj, x: i64) {
    if !append_short(b, |out| word::int(out, x)) {
        append_long_int(b, x);
    }
}

/// [`append_int`] of an int of nine digits or more. Out of line, so that
/// the short path is a leaf with little to save and restore.
#[cold]
#[inline(never)]
unsafe fn append_long_int(b: *mut BuilderObj, x: i64) {
    let mut buf = [0; 40];
    let digits = crate::format::int_str(x, &mut buf);
    append_text(b, digits, digits.len());
}

/// Appends `v` formatted by the plain spec of conversion word `conv`
/// (`bodo_abi::fconv::Plain`).
///
/// # Safety
/// `b` is a live builder.
pub unsafe fn append_plain(b: *mut BuilderObj, v: u64, conv: u64) -> crate::errors::PyResult<()> {
    if append_short(b, |out| fstring::plain_word(out, v, conv)) {
        return Ok(());
    }
    append_long_plain(b, v, conv)
}

/// [`append_plain`] of a text the word path declines (long, non-finite,
/// or a precision of eight or more), out of line as [`append_long_int`].
#[cold]
#[inline(never)]
unsafe fn append_long_plain(b: *mut BuilderObj, v: u64, conv: u64) -> crate::errors::PyResult<()> {
    fstring::with_plain_text(v, conv, |text| append_text(b, text, text.len()))
}

/// `parts.append(w)` of an accumulated variable `w`: its text copied in.
///
/// # Safety
/// `b` and `acc` are live builders, distinct; `sep` is a live string.
pub unsafe fn push_builder(b: *mut BuilderObj, sep: *const StrObj, acc: *const BuilderObj) {
    let t = (*acc).text;
    if t.is_null() {
        push_piece(b, sep, "", 0);
    } else {
        push_piece(b, sep, as_str(t), chars(t));
    }
}

/// `w = s` for an accumulated variable: its builder (a new one when `acc`
/// is null, the variable's first value) emptied, then holding `s`'s text.
///
/// # Safety
/// `acc` is null or a live builder; `s` is a live string.
pub unsafe fn set(acc: *mut BuilderObj, s: *const StrObj) -> *mut BuilderObj {
    let acc = if acc.is_null() { new() } else { acc };
    let t = (*acc).text;
    if !t.is_null() {
        (*t).len = 0;
        (*t).nchars = 0;
    }
    (*acc).parts = 0;
    append_text(acc, as_str(s), (*s).nchars as usize);
    acc
}

/// A read of an accumulated variable: a new string of its text (owned).
///
/// # Safety
/// `acc` is a live builder.
pub unsafe fn text_copy(acc: *const BuilderObj) -> *mut StrObj {
    let t = (*acc).text;
    if t.is_null() {
        return new_str_counted("", 0);
    }
    new_str_counted(as_str(t), chars(t))
}

/// `parts.append(f"...")`: the f-string's text, rendered without making
/// its string object.
///
/// # Safety
/// As [`fstring::render`]; `b` is a live builder and `sep` a live string.
pub unsafe fn push_fstring(
    b: *mut BuilderObj,
    sep: *const StrObj,
    pieces: &fstring::Pieces,
) -> crate::errors::PyResult<()> {
    fstring::with_scratch(|text| {
        fstring::render(text, pieces)?;
        let nchars = if text.is_ascii() { text.len() } else { text.chars().count() };
        push_piece(b, sep, text, nchars);
        Ok(())
    })
}

/// `sep.join(parts)`: the joined string (owned), its block cut to its
/// length. The builder is left empty; it is only freed after this.
///
/// # Safety
/// `b` is a live builder.
pub unsafe fn finish(b: *mut BuilderObj) -> *mut StrObj {
    let t = (*b).text;
    if t.is_null() {
        return new_str_counted("", 0);
    }
    let len = (*t).len as usize;
    let exact = DATA + len + 1;
    let t = if pool::block_size(exact) == pool::block_size((*b).cap) { t } else { move_block(t, (*b).cap, exact, len) };
    *(t as *mut u8).add(DATA + len) = 0;
    (*t).nchars = chars(t) as i64;
    (*b).text = std::ptr::null_mut();
    (*b).cap = 0;
    (*b).parts = 0;
    t
}

/// Frees a builder whose count reached zero, with any text it still holds
/// (a function left by an exception before its join).
///
/// # Safety
/// `b` is a builder whose count reached zero.
pub unsafe fn free(b: *mut BuilderObj) {
    if !(*b).text.is_null() {
        dealloc_obj((*b).text as *mut Header, (*b).cap);
    }
    dealloc_obj(b as *mut Header, std::mem::size_of::<BuilderObj>());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{decref, live_objects};
    use crate::str::new_str;

    #[test]
    fn parts_are_joined_with_the_separator_between() {
        unsafe {
            let live = live_objects();
            let (sep, b) = (new_str(", "), new());
            let long = "é".repeat(400);
            for part in ["a", "", long.as_str(), "zz"] {
                let p = new_str(part);
                push(b, sep, p);
                decref(p as *mut Header);
            }
            let s = finish(b);
            let want = format!("a, , {long}, zz");
            assert_eq!(as_str(s), want);
            assert_eq!((*s).nchars as usize, want.chars().count());
            let empty = finish(b);
            assert_eq!(as_str(empty), "", "a finished builder starts again empty");
            for p in [s, empty, sep].map(|p| p as *mut Header).into_iter().chain([b as *mut Header]) {
                decref(p);
            }
            assert_eq!(live_objects(), live);
        }
    }

    #[test]
    fn a_builder_dropped_before_its_join_frees_its_text() {
        unsafe {
            let live = live_objects();
            let (sep, b) = (new_str("\n"), new());
            let p = new_str(&"x".repeat(1000));
            for _ in 0..50 {
                push(b, sep, p);
            }
            for o in [p as *mut Header, sep as *mut Header, b as *mut Header] {
                decref(o);
            }
            assert_eq!(live_objects(), live);
        }
    }
}
