//! f-strings rendered in one call: generated code passes every piece (the
//! literal text between replacement fields is a piece of type str) and the
//! runtime writes them all into one buffer, so `f"{i:06d};{name};{x:.2f}"`
//! makes one string object instead of one per piece plus their join.

use std::cell::Cell;

use crate::errors::{PyErr, PyResult};
use crate::format::SpecText;
use crate::object::{StrObj, TypeDesc};
use crate::str::as_str;
use crate::{format, generic, numeric, short_copy};
use bodo_abi::fconv::Plain;
use bodo_abi::{exc, fconv, kind};

/// The pieces of one f-string, as parallel arrays of `n` entries: each
/// value's slot and type, its format spec (null: none) and its conversion
/// (`bodo_abi::fconv`).
pub struct Pieces<'a> {
    pub values: &'a [u64],
    pub descs: &'a [&'a TypeDesc],
    pub specs: &'a [*const StrObj],
    pub convs: &'a [u64],
}

/// Appends the text of the f-string to `out`; the first failing format
/// spec's error.
///
/// # Safety
/// Values are live slots of their types; non-null specs are live strings.
pub unsafe fn render(out: &mut String, p: &Pieces) -> PyResult<()> {
    let n = p.values.len();
    let (descs, specs, convs) = (&p.descs[..n], &p.specs[..n], &p.convs[..n]);
    for k in 0..n {
        let (v, d, conv) = (p.values[k], descs[k], convs[k]);
        if let fconv::PLAIN_INT | fconv::PLAIN_FIXED = conv & 0xff {
            with_plain_text(v, conv, |text| short_copy::push_str(out, text))?;
            continue;
        }
        let spec = spec_text(specs[k]);
        match (conv, spec.text) {
            // The commonest pieces, literal text and plain ints, skip the
            // generic dispatch.
            (fconv::NONE, "") if d.kind == kind::STR => short_copy::push_str(out, as_str(v as *const StrObj)),
            (fconv::NONE, "") if d.kind == kind::INT => {
                short_copy::push_str(out, format::int_str(v as i64, &mut [0; 40]))
            }
            (fconv::NONE, "") => generic::write_str(out, v, d),
            (fconv::NONE, _) => generic::write_formatted(out, v, d, spec)?,
            (fconv::TRUNC, _) if d.kind == kind::FLOAT => {
                let i = numeric::float_to_int(f64::from_bits(v))?;
                format::write_int(out, i, spec).map_err(value_error)?;
            }
            (fconv::TRUNC, _) => generic::write_formatted(out, v, d, spec)?,
            (fconv::WIDTH, prefix) => percent_width(out, v as i64, prefix),
            // The other conversions make a str, which the spec then formats.
            (conv, _) => {
                let text = match conv {
                    fconv::REPR => generic::repr(v, d),
                    fconv::ASCII => format::ascii(&generic::repr(v, d)),
                    fconv::CHAR => percent_char(v, d)?,
                    _ => generic::str(v, d),
                };
                format::write_str(out, &text, spec).map_err(value_error)?;
            }
        }
    }
    Ok(())
}

/// Calls `f` with the text of a piece whose conversion word `conv` is a
/// plain spec the compiler recognised (`fconv::PLAIN_INT`/`PLAIN_FIXED`,
/// `bodo_abi::fconv::Plain`): an int padded to a width, or a float's
/// fixed-point digits, written in a stack buffer; a wide width, or a float
/// the shortcut does not serve (inf, nan, huge), takes the general path.
pub fn with_plain_text<T>(v: u64, conv: u64, f: impl FnOnce(&str) -> T) -> PyResult<T> {
    let (fixed, Plain { zero, width, precision }) = decode_plain(conv);
    let mut buf = [0; format::PLAIN_ROOM];
    if let Some(text) = format::plain_text(&mut buf, v, fixed, zero, width.into(), precision.into()) {
        return Ok(f(text));
    }
    let spec = format!(
        "{}{}{}",
        if zero { "0" } else { "" },
        if width > 0 { width.to_string() } else { String::new() },
        if fixed { format!(".{precision}f") } else { "d".to_string() }
    );
    let mut out = String::new();
    if fixed {
        format::write_float(&mut out, f64::from_bits(v), spec.as_str().into()).map_err(value_error)?;
    } else {
        format::write_int(&mut out, v as i64, spec.as_str().into()).map_err(value_error)?;
    }
    Ok(f(&out))
}

/// Writes the text of a piece whose conversion word `conv` is a plain spec
/// (as [`with_plain_text`]) at the start of `out` when it is short
/// (`format::word`): its length.
pub fn plain_word(out: &mut [u8; format::word::ROOM], v: u64, conv: u64) -> Option<usize> {
    let (fixed, Plain { zero, width, precision }) = decode_plain(conv);
    let (width, precision) = (width.into(), precision.into());
    if fixed {
        format::word::plain(out, v, true, zero, width, precision)
    } else {
        format::word::plain(out, v, false, zero, width, precision)
    }
}

/// Whether a plain spec's conversion word is for a float, and its spec.
fn decode_plain(conv: u64) -> (bool, Plain) {
    (conv & 0xff == fconv::PLAIN_FIXED, Plain::decode(conv))
}

/// The text of a piece's spec (null: none). A literal spec is an immortal
/// string, which lives as long as the program: its parse is remembered.
///
/// # Safety
/// `spec` is null or a live string object.
unsafe fn spec_text<'a>(spec: *const StrObj) -> SpecText<'a> {
    if spec.is_null() {
        SpecText::constant("")
    } else if (*spec).hdr.rc < 0 {
        SpecText::constant(as_str(spec))
    } else {
        as_str(spec).into()
    }
}

thread_local! {
    /// The buffer f-strings are rendered into before their text is copied
    /// into a string object: one allocation per f-string instead of two.
    static SCRATCH: Cell<String> = const { Cell::new(String::new()) };
}

/// Largest scratch buffer kept between calls; a rare huge f-string should
/// not hold its memory for the rest of the run.
const SCRATCH_KEEP: usize = 1 << 16;

/// Runs `f` on the emptied scratch buffer. A nested call (none today) would
/// find the slot empty and use a fresh buffer, so reentry is safe.
pub fn with_scratch<T>(f: impl FnOnce(&mut String) -> T) -> T {
    let mut buf = SCRATCH.with(Cell::take);
    buf.clear();
    let r = f(&mut buf);
    if buf.capacity() <= SCRATCH_KEEP {
        SCRATCH.with(|s| s.set(buf));
    }
    r
}

fn value_error(msg: String) -> PyErr {
    PyErr::new(exc::VALUE_ERROR, msg)
}

/// A printf `*` width `w` after the alignment and flags `prefix` that
/// precede it in a format spec. A negative width is the `-` flag, as in C:
/// left alignment, where a `0` flag no longer pads.
fn percent_width(out: &mut String, w: i64, prefix: &str) {
    if w < 0 {
        out.push('<');
        out.extend(prefix.chars().filter(|c| !matches!(c, '<' | '>' | '0')));
    } else {
        out.push_str(prefix);
    }
    out.push_str(&w.unsigned_abs().to_string());
}

/// The character `%c` formats: an int's code point or a one-character str
/// (inference admits only int, bool and str).
///
/// # Safety
/// `v` is a live slot of type `d`.
unsafe fn percent_char(v: u64, d: &TypeDesc) -> PyResult<String> {
    if d.kind == kind::STR {
        let s = as_str(v as *const StrObj);
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(_), None) => Ok(s.to_string()),
            // CPython 3.11's wording (the oracle's).
            _ => Err(PyErr::new(exc::TYPE_ERROR, "%c requires int or char")),
        };
    }
    match u32::try_from(v as i64).ok().filter(|&c| c < 0x110000) {
        // Lone surrogates cannot live in UTF-8 strings (as in `chr`).
        Some(c) => Ok(char::from_u32(c).unwrap_or('\u{FFFD}').to_string()),
        None => Err(PyErr::new(exc::OVERFLOW_ERROR, "%c arg not in range(0x110000)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{decref, descs, Header};
    use crate::str::new_str;
    use crate::test_descs::{FLOAT, INT};

    #[test]
    fn negative_star_widths_left_align() {
        let width = |w, prefix| {
            let mut out = String::new();
            percent_width(&mut out, w, prefix);
            out
        };
        assert_eq!(width(5, ">"), ">5");
        assert_eq!(width(-5, ">"), "<5");
        assert_eq!(width(-6, "+0"), "<+6");
        assert_eq!(width(-3, "<"), "<3");
        assert_eq!(width(4, "0"), "04");
    }

    unsafe fn rendered(p: &Pieces) -> PyResult<String> {
        let mut out = String::new();
        render(&mut out, p).map(|()| out)
    }

    #[test]
    fn pieces_render_as_cpython_does() {
        unsafe {
            let (lit, name, spec) = (new_str(";item-"), new_str("é'x"), new_str("06d"));
            let fixed = new_str(".2f");
            let str_desc: &TypeDesc = &descs::STR;
            let values = [42u64, lit as u64, name as u64, name as u64, 2.675f64.to_bits(), 0.1f64.to_bits()];
            let descs = [&INT, str_desc, str_desc, str_desc, &FLOAT, &FLOAT];
            let specs =
                [spec as *const StrObj, std::ptr::null(), std::ptr::null(), std::ptr::null(), fixed, std::ptr::null()];
            let convs = [0, 0, 0, 2, 0, 2];
            let text = rendered(&Pieces { values: &values, descs: &descs, specs: &specs, convs: &convs }).unwrap();
            assert_eq!(text, "000042;item-é'x\"é'x\"2.670.1");
            let wide = new_str(">6");
            let quoted = rendered(&Pieces { values: &[name as u64], descs: &[str_desc], specs: &[wide], convs: &[2] });
            assert_eq!(quoted.unwrap(), " \"é'x\"");
            let bad = new_str("q");
            let err = rendered(&Pieces { values: &[1], descs: &[&INT], specs: &[bad], convs: &[0] }).unwrap_err();
            assert_eq!(err.msg, "Unknown format code 'q' for object of type 'int'");
            for p in [lit, name, spec, fixed, bad, wide] {
                decref(p as *mut Header);
            }
        }
    }
}
