//! Short numbers written with a few word stores: an int below 10^8, or a
//! float whose fixed-point digits are, with its sign and padding up to 16
//! bytes. These are the common f-string fields (`{n}`, `{i:06d}`,
//! `{price:.2f}`). All eight digits come out of one multiply-and-shift
//! conversion ([`eight_digits`]) and are stored as one word, the padding as
//! another, where the general path ([`super::plain_text`]) writes digit
//! pairs right to left through a buffer and copies them after.

use super::fixed::{eight_digits, scaled_value, ZEROS};

/// Bytes a caller lends [`plain`]: a text of up to 16 bytes, and stores
/// of eight bytes that start inside it.
pub const ROOM: usize = 24;

/// `str(x)` into `out` when `|x| < 10^8`: its length.
pub fn int(out: &mut [u8; ROOM], x: i64) -> Option<usize> {
    plain(out, x as u64, false, false, 0, 0)
}

/// The text of a plain spec, as [`super::plain_text`] takes it, written at
/// the start of `out` (the bytes after it are clobbered), when it has at
/// most 16 bytes and its digits are below 10^8 with a precision under 8:
/// its length. `None` sends the caller to the general path. Inlined, so
/// that a caller that knows `fixed` gets a copy with one kind's code.
#[inline(always)]
pub fn plain(out: &mut [u8; ROOM], v: u64, fixed: bool, zero: bool, width: usize, precision: usize) -> Option<usize> {
    let (negative, q, precision) = if fixed {
        let x = f64::from_bits(v);
        if precision > 7 {
            return None;
        }
        // CPython keeps the sign of a negative value that rounds to zero.
        (x.is_sign_negative(), scaled_value(x, precision)?, precision)
    } else {
        let x = v as i64;
        (x < 0, x.unsigned_abs().into(), 0)
    };
    if q >= 100_000_000 {
        return None;
    }
    let digits = eight_digits(q as u32);
    // Leading zero digits are the low zero bytes; one stays before a point.
    let lead = (digits.trailing_zeros() as usize / 8).min(7 - precision);
    let len = usize::from(negative) + 8 - lead + usize::from(precision > 0);
    let total = len.max(width);
    if total > 16 {
        return None;
    }
    let fill = total - len;
    // Zeros go after the sign, spaces before it (numbers align right): the
    // fill covers both places, and the sign lands in one of them.
    out[..16].copy_from_slice(&[if zero { b'0' } else { b' ' }; 16]);
    if negative {
        out[if zero { 0 } else { fill }] = b'-';
    }
    let start = fill + usize::from(negative);
    let text = (digits + ZEROS) >> (8 * lead);
    out[start..start + 8].copy_from_slice(&text.to_le_bytes());
    if precision > 0 {
        // The fraction digits move one place right to make room for the point.
        let point = start + 8 - lead - precision;
        out[point] = b'.';
        let frac = (digits + ZEROS) >> (8 * (8 - precision));
        out[point + 1..point + 9].copy_from_slice(&frac.to_le_bytes());
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{format_float, format_int};

    fn text(got: Option<usize>, out: &[u8; ROOM]) -> Option<&str> {
        got.map(|n| std::str::from_utf8(&out[..n]).unwrap())
    }

    #[test]
    fn matches_the_general_formatter_or_declines() {
        let ints = [0i64, 7, -7, 10, 99_999_999, -99_999_999, 100_000_000, 123_456, -1_234_567, i64::MIN];
        let floats = [0.0, -0.0, 0.125, -0.004, 0.5, 9.995, 12.5, 1234.5678, -99.995, 999_999.994, 1e7, 5e-324];
        let out = &mut [0; ROOM];
        for spec in ["", "1", "6", "06", "16", "016", "17"] {
            let (zero, width) = (spec.len() > 1 && spec.starts_with('0'), spec.parse().unwrap_or(0));
            for x in ints {
                let want = format_int(x, &format!("{spec}d")).unwrap();
                match text(plain(out, x as u64, false, zero, width, 0), out) {
                    Some(got) => assert_eq!(got, want, "{x} {spec}d"),
                    None => assert!(want.len() > 16 || x.unsigned_abs() >= 100_000_000, "{x} {spec}d"),
                }
            }
            for p in 0..=8 {
                for x in floats {
                    let want = format_float(x, &format!("{spec}.{p}f")).unwrap();
                    match text(plain(out, x.to_bits(), true, zero, width, p), out) {
                        Some(got) => assert_eq!(got, want, "{x} {spec}.{p}f"),
                        None => assert!(want.len() > 16 || p == 8 || x.abs() * 10f64.powi(p as i32) >= 1e8 - 1.0),
                    }
                }
            }
        }
        assert_eq!(text(int(out, -42), out), Some("-42"));
        assert_eq!(text(plain(out, 1234.5678f64.to_bits(), true, true, 9, 2), out), Some("001234.57"));
        assert_eq!(text(plain(out, (-0.5f64).to_bits(), true, false, 7, 1), out), Some("   -0.5"));
        assert_eq!(plain(out, f64::NAN.to_bits(), true, false, 0, 2), None);
    }
}
