//! Byte ranges of a string standing for the pieces of a split that the
//! compiler keeps from becoming objects (`compiler/src/ir/pieces.rs`,
//! `split_fields.rs`): where the pieces of `s[lo:hi].split(sep)` lie, and
//! the operations that read a piece in place (`float`, `int`, `==`,
//! `replace`).
//!
//! `fields = line.split(";")` read only as `fields[k]` makes no list, and
//! `float(fields[2])` no string: parsing a line costs its scan.

use crate::errors::{PyErr, PyResult};
use crate::object::StrObj;
use crate::str::{as_str, each_byte_in, plain_decimal, replace_range, to_float, to_int, DATA};
use bodo_abi::exc;

/// Writes the byte bounds of the first `out.len() / 2` pieces of
/// `s[lo..hi].split(sep)` into `out` (start, end pairs) and returns how
/// many pieces there are in all.
///
/// # Safety
/// `s` and `sep` are live strings; `lo..hi` is a range of character
/// boundaries of `s`.
pub unsafe fn split_bounds(
    s: *const StrObj,
    sep: *const StrObj,
    lo: usize,
    hi: usize,
    out: &mut [i64],
) -> PyResult<i64> {
    let sep = as_str(sep);
    let mut n = 0;
    let mut piece = |start: usize, end: usize| {
        if let Some(pair) = out.get_mut(2 * n..2 * n + 2) {
            pair[0] = start as i64;
            pair[1] = end as i64;
        }
        n += 1;
    };
    match sep.as_bytes() {
        [] => return Err(PyErr::new(exc::VALUE_ERROR, "empty separator")),
        &[b] => {
            // A line's fields are found in one pass over its words, with no
            // call per field.
            let mut start = lo;
            each_byte_in(s, lo, hi, b, |at| {
                piece(start, at);
                start = at + 1;
            });
            piece(start, hi);
        }
        _ => {
            let text = &as_str(s)[lo..hi];
            let mut start = 0;
            while let Some(i) = text[start..].find(sep) {
                piece(lo + start, lo + start + i);
                start += i + sep.len();
            }
            piece(lo + start, hi);
        }
    }
    Ok(n as i64)
}

/// The bytes `lo..hi` of `s`'s text, unchecked: the bounds of a piece come
/// from the compiler's own scans of `s`, never from the program.
///
/// # Safety
/// `s` is a live string; `lo <= hi <= len(s)`.
pub unsafe fn piece_bytes<'a>(s: *const StrObj, lo: usize, hi: usize) -> &'a [u8] {
    debug_assert!(lo <= hi && hi <= (*s).len as usize);
    std::slice::from_raw_parts((s as *const u8).add(DATA + lo), hi - lo)
}

/// The text of bytes `lo..hi` of `s`.
///
/// # Safety
/// `s` is a live string; `lo..hi` is a range of character boundaries.
pub unsafe fn piece<'a>(s: *const StrObj, lo: usize, hi: usize) -> &'a str {
    &as_str(s)[lo..hi]
}

/// `float(piece)`.
///
/// # Safety
/// As [`piece`].
pub unsafe fn to_float_piece(s: *const StrObj, lo: usize, hi: usize) -> PyResult<f64> {
    // The usual field, a plain decimal, is read straight from the bytes.
    match plain_decimal(piece_bytes(s, lo, hi)) {
        Some(x) => Ok(x),
        None => to_float(piece(s, lo, hi)),
    }
}

/// `int(piece)`.
///
/// # Safety
/// As [`piece`].
pub unsafe fn to_int_piece(s: *const StrObj, lo: usize, hi: usize) -> PyResult<i64> {
    to_int(piece(s, lo, hi))
}

/// `piece.replace(old, new)` as a new string, without the piece's own.
///
/// # Safety
/// As [`piece`]; `old` and `new` are live strings.
pub unsafe fn replace_piece(
    s: *const StrObj,
    lo: usize,
    hi: usize,
    old: *const StrObj,
    new: *const StrObj,
) -> *mut StrObj {
    replace_range(s, lo, hi, old, new, -1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{decref, Header};
    use crate::str::new_str;

    fn bounds(text: &str, sep: &str, lo: usize, hi: usize, cap: usize) -> (i64, Vec<i64>) {
        unsafe {
            let (s, p) = (new_str(text), new_str(sep));
            let mut out = vec![-1; 2 * cap];
            let n = split_bounds(s, p, lo, hi, &mut out).unwrap();
            decref(s as *mut Header);
            decref(p as *mut Header);
            (n, out)
        }
    }

    #[test]
    fn pieces_of_a_range_are_found_like_split() {
        assert_eq!(bounds("x|a;bb;;c|y", ";", 2, 9, 3), (4, vec![2, 3, 4, 6, 7, 7]));
        assert_eq!(bounds("a::b", "::", 0, 4, 3), (2, vec![0, 1, 3, 4, -1, -1]));
        assert_eq!(bounds("", ",", 0, 0, 1), (1, vec![0, 0]));
        assert_eq!(bounds("é,ü", ",", 0, 5, 2), (2, vec![0, 2, 3, 5]));
        // Matches in one eight-byte word, across words and in the tail.
        let text = ";a;;\u{1};;bcdefgh;ij;;";
        let want: Vec<&str> = text.split(';').collect();
        let (n, out) = bounds(text, ";", 0, text.len(), want.len());
        assert_eq!(n as usize, want.len());
        for (k, w) in want.iter().enumerate() {
            assert_eq!(&text[out[2 * k] as usize..out[2 * k + 1] as usize], *w, "piece {k}");
        }
    }

    #[test]
    fn an_empty_separator_is_a_value_error() {
        unsafe {
            let (s, p) = (new_str("ab"), new_str(""));
            let err = split_bounds(s, p, 0, 2, &mut [0; 2]).unwrap_err();
            assert_eq!(err.msg, "empty separator");
            decref(s as *mut Header);
            decref(p as *mut Header);
        }
    }
}
