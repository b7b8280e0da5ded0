//! Padding and digit grouping of an already-rendered number, a port of
//! CPython's `calc_number_widths`/`fill_number` and
//! `_PyUnicode_InsertThousandsGrouping`.

use super::spec::{Grouping, Spec};
use crate::short_copy;

/// Appends `[sign][prefix][digits grouped][rest]` padded to the spec's
/// width. `digits` is the integer part; `rest` is whatever follows it
/// (decimal point, fraction, exponent, `%`, or the character of `c`).
pub(super) fn number(out: &mut String, spec: &Spec, negative: bool, prefix: &str, digits: &str, rest: &str) {
    let sign = match (negative, spec.sign) {
        (true, _) => Some('-'),
        (false, Some('+')) => Some('+'),
        (false, Some(' ')) => Some(' '),
        _ => None,
    };
    if spec.grouping.is_none() {
        // Without grouping, zero padding (fill `0`, alignment `=`) is the
        // padding between the sign and the digits: one fill character all
        // through, written directly (`.2f`, `06d`).
        let used = usize::from(sign.is_some()) + prefix.len() + digits.len();
        let padding = spec.width.map_or(0, |w| w.saturating_sub(used + rest.chars().count()));
        let (left, inner, right) = sides(spec.align, padding);
        if spec.fill.is_ascii() {
            let sign = match sign {
                Some('-') => "-",
                Some('+') => "+",
                Some(_) => " ",
                None => "",
            };
            let pieces = [(left, sign), (0, prefix), (inner, digits), (0, rest), (right, "")];
            put_padded(out, spec.fill as u8, padding + used + rest.len(), pieces);
            return;
        }
        out.reserve(padding * spec.fill.len_utf8() + used + rest.len());
        fill(out, spec.fill, left);
        if let Some(c) = sign {
            out.push(c);
        }
        short_copy::push_str(out, prefix);
        fill(out, spec.fill, inner);
        short_copy::push_str(out, digits);
        short_copy::push_str(out, rest);
        fill(out, spec.fill, right);
        return;
    }
    let width = spec.width.map_or(-1, |w| w as isize);
    let non_digits = (usize::from(sign.is_some()) + prefix.len() + rest.chars().count()) as isize;
    // Zero padding goes through the grouping code so that the padding zeros
    // get separators too: format(1234, '08,') == '0,001,234'.
    let min_width = if spec.fill == '0' && spec.align == '=' { width - non_digits } else { 0 };
    // Only `c` has no digits, and it never pads them with zeros. Without
    // grouping, the digits are only zero-padded (written in place below).
    let grouped = match spec.grouping {
        Some(_) if !digits.is_empty() => Some(group(digits, min_width, spec.grouping)),
        _ => None,
    };
    let zeros = if digits.is_empty() { 0 } else { (min_width - digits.len() as isize).max(0) as usize };
    let digits_len = grouped.as_ref().map_or(zeros + digits.len(), |g| g.chars().count());

    let padding = (width - non_digits - digits_len as isize).max(0) as usize;
    let (left, inner, right) = sides(spec.align, padding);

    out.reserve(padding * spec.fill.len_utf8() + non_digits as usize + digits_len + 4);
    fill(out, spec.fill, left);
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(prefix);
    fill(out, spec.fill, inner);
    match &grouped {
        Some(g) => out.push_str(g),
        None => {
            fill(out, '0', zeros);
            out.push_str(digits);
        }
    }
    out.push_str(rest);
    fill(out, spec.fill, right);
}

/// Appends each piece's text after its count of `fill` bytes, `total`
/// bytes in all, with one reservation and no call per piece: the whole
/// layout of a number formatted in an f-string (`.2f`, `06d`, `>8`).
fn put_padded(out: &mut String, fill: u8, total: usize, pieces: [(usize, &str); 5]) {
    out.reserve(total);
    // SAFETY: `total` bytes were reserved after the text and the pieces
    // write exactly that many: ASCII fill bytes and whole UTF-8 texts.
    unsafe {
        let v = out.as_mut_vec();
        let start = v.len();
        let mut p = v.as_mut_ptr().add(start);
        for (pad, text) in pieces {
            if pad > 0 {
                std::ptr::write_bytes(p, fill, pad);
                p = p.add(pad);
            }
            short_copy::copy(text.as_ptr(), p, text.len());
            p = p.add(text.len());
        }
        debug_assert_eq!(p, v.as_mut_ptr().add(start + total));
        v.set_len(start + total);
    }
}

/// The padding before the sign, between the sign (and prefix) and the
/// digits, and after the number, for an alignment.
fn sides(align: char, padding: usize) -> (usize, usize, usize) {
    match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    }
}

/// Appends `n` copies of `c`.
fn fill(out: &mut String, c: char, n: usize) {
    if c.is_ascii() {
        // SAFETY: an ASCII byte is a whole UTF-8 character.
        let bytes = unsafe { out.as_mut_vec() };
        bytes.resize(bytes.len() + n, c as u8);
    } else {
        out.extend(std::iter::repeat_n(c, n));
    }
}

/// Inserts separators every `size` digits from the right, left-padding with
/// zeros (separated too) until the result is at least `min_width` long.
/// Without grouping it only zero-pads.
fn group(digits: &str, mut min_width: isize, grouping: Grouping) -> String {
    let digits = digits.as_bytes();
    let mut remaining = digits.len() as isize;
    min_width = min_width.max(0);
    // Groups collected right to left; every group but the rightmost is
    // followed by a separator.
    let mut groups: Vec<String> = Vec::new();
    let mut take = |len: isize, remaining: &mut isize, sep: Option<char>| {
        let zeros = (len - *remaining).max(0) as usize;
        let chars = (*remaining).min(len).max(0);
        let end = *remaining as usize;
        let start = (*remaining - chars) as usize;
        let mut g: String = std::iter::repeat_n('0', zeros).collect();
        g.push_str(std::str::from_utf8(&digits[start..end]).expect("ASCII digits"));
        g.extend(sep);
        groups.push(g);
        *remaining -= chars;
    };
    match grouping {
        Some((sep, size)) => {
            // CPython's grouping "\3" (or "\4") repeats forever, so the loop
            // only ends once digits and padding are both used up.
            let mut first = true;
            loop {
                let len = (size as isize).min(remaining.max(min_width).max(1));
                take(len, &mut remaining, (!first).then_some(sep));
                first = false;
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => take(remaining.max(min_width).max(1), &mut remaining, None),
    }
    groups.iter().rev().map(String::as_str).collect()
}

/// Appends a string (already truncated) padded per the spec's width and
/// alignment.
pub(super) fn pad(out: &mut String, spec: &Spec, s: &str) {
    let len = s.chars().count();
    let padding = spec.width.unwrap_or(0).saturating_sub(len);
    let left = match spec.align {
        '>' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    out.reserve(s.len() + padding);
    fill(out, spec.fill, left);
    out.push_str(s);
    fill(out, spec.fill, padding - left);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::spec::parse;

    #[test]
    fn grouping_with_zero_padding() {
        // (digits, min width, grouping, CPython 3.11's digits part of the
        // matching format(int, '0<width><grouping>') call)
        let cases: &[(&str, isize, Grouping, &str)] = &[
            ("1234", 8, Some((',', 3)), "0,001,234"),
            ("1234", 10, Some((',', 3)), "00,001,234"),
            ("1234", 9, Some((',', 3)), "0,001,234"),
            ("1234", 2, Some((',', 3)), "1,234"),
            ("123", 7, Some(('_', 3)), "000_123"),
            ("abcdef", 12, Some(('_', 4)), "00_00ab_cdef"),
            ("5", 8, None, "00000005"),
            ("1234567", 0, Some((',', 3)), "1,234,567"),
        ];
        for &(digits, min_width, grouping, want) in cases {
            assert_eq!(group(digits, min_width, grouping), want, "{digits} {min_width}");
        }
    }

    #[test]
    fn number_layout() {
        // (spec, negative, prefix, digits, expected from CPython 3.11)
        let cases = [
            ("*=8", true, "", "42", "-*****42"),
            ("*^+9", false, "", "42", "***+42***"),
            ("0=+12,", false, "", "1234", "+000,001,234"),
            ("<+10,", true, "", "1234", "-1,234    "),
            ("#010x", false, "0x", "ff", "0x000000ff"),
            (" 4", false, "", "7", "   7"),
        ];
        for (spec, negative, prefix, digits, want) in cases {
            let parsed = parse(spec.into(), "int", Some('d'), '>').unwrap();
            let mut out = String::from("|");
            number(&mut out, &parsed, negative, prefix, digits, "");
            assert_eq!(out, format!("|{want}"), "spec {spec:?}");
        }
    }

    #[test]
    fn string_padding() {
        for (spec, s, want) in [("*^7", "ab", "**ab***"), (">4", "ab", "  ab"), ("2", "abc", "abc")] {
            let parsed = parse(spec.into(), "str", Some('s'), '<').unwrap();
            let mut out = String::from("|");
            pad(&mut out, &parsed, s);
            assert_eq!(out, format!("|{want}"), "spec {spec:?}");
        }
    }
}
