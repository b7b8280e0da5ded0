//! Exact fixed-point digits for the `f` and `%` presentation types, the
//! common case of `format()` on floats (`f"{price:.2f}"`).
//!
//! CPython rounds the exact binary value of the float half to even (David
//! Gay's `dtoa`, mode 3). Rust's exact formatter does too, but values whose
//! next digit is a tie (0.125 to two places: every multiple of 1/8 is one)
//! send it to its slow bignum fallback. For a float `m * 2^e` below 2^64 and
//! a precision up to [`MAX_PRECISION`], `m * 10^p` fits in 128 bits, so the
//! rounding is an exact integer shift and comparison instead.

/// Largest precision served here: `2^64 * 10^19` still fits in a `u128`.
const MAX_PRECISION: usize = 19;

/// `10^i` for `i <= MAX_PRECISION`.
const POW10: [u128; MAX_PRECISION + 1] = {
    let mut t = [1u128; MAX_PRECISION + 1];
    let mut i = 1;
    while i <= MAX_PRECISION {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// Digit buffer: a `u128` has at most 39 decimal digits, and
/// [`decimal_into`] writes whole words (at most 20 single digits, then 24
/// bytes for the rest).
pub(super) type DigitBuf = [u8; 48];

/// `|x| * 10^precision` rounded half to even, as decimal digits padded with
/// leading zeros to at least `precision + 1` digits (so the last `precision`
/// are the fraction). `None` when `x` is not finite, `|x| >= 2^64` or the
/// precision is above [`MAX_PRECISION`]: the caller takes the general path.
pub(super) fn scaled_digits(x: f64, precision: usize, buf: &mut DigitBuf) -> Option<&str> {
    let q = scaled_value(x, precision)?;
    Some(decimal(q, precision + 1, buf))
}

/// `round_half_even(|x| * 10^precision)`, under the limits of
/// [`scaled_digits`].
pub(super) fn scaled_value(x: f64, precision: usize) -> Option<u128> {
    if !x.is_finite() || precision > MAX_PRECISION {
        return None;
    }
    scaled(x, POW10[precision])
}

/// Writes `q / 10^precision` in fixed point (`precision` fraction digits
/// after a point, none and no point for precision 0) so that it ends just
/// before `buf[end]`; returns where it starts. `buf` must hold the text.
pub(super) fn write_fixed(buf: &mut [u8], end: usize, mut q: u128, precision: usize) -> usize {
    let mut at = end;
    if precision > 0 {
        for _ in 0..precision {
            at -= 1;
            buf[at] = b'0' + last_digit(&mut q);
        }
        at -= 1;
        buf[at] = b'.';
    }
    at - decimal_into(buf, at, q, 1)
}

/// Removes and returns the last decimal digit of `q`, in 64-bit arithmetic
/// when `q` fits (128-bit division is a library call).
fn last_digit(q: &mut u128) -> u8 {
    if let Ok(n) = u64::try_from(*q) {
        *q = u128::from(n / 10);
        (n % 10) as u8
    } else {
        let d = (*q % 10) as u8;
        *q /= 10;
        d
    }
}

/// `round_half_even(|x| * scale)` for finite `x`, `None` if `|x| >= 2^64`.
fn scaled(x: f64, scale: u128) -> Option<u128> {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    // |x| = m * 2^e exactly.
    let (m, e) = if biased == 0 { (frac, -1074) } else { (frac | 1 << 52, biased - 1075) };
    if e >= 0 {
        // m < 2^53, so m << e < 2^64 for e <= 11.
        return (e <= 11).then(|| u128::from(m << e) * scale);
    }
    let k = (-e) as u32;
    if k >= 128 {
        // m * scale < 2^117, so the value is below 2^-11: rounds to 0.
        return Some(0);
    }
    let num = u128::from(m) * scale;
    let q = num >> k;
    let rem = num & ((1 << k) - 1);
    let half = 1 << (k - 1);
    let up = rem > half || (rem == half && q & 1 == 1);
    Some(q + u128::from(up))
}

/// The eight decimal digits of `n < 10^8`, zero-padded, as the byte values
/// 0..=9 of a little-endian word (the most significant digit in the low
/// byte, so storing the word writes them in reading order). Each step
/// splits every lane of the word in two by a multiply and shift that
/// divides exactly for the lane's range: four-digit halves in 32-bit lanes,
/// then pairs in 16-bit lanes, then digits in bytes.
pub(super) fn eight_digits(n: u32) -> u64 {
    let halves = u64::from(n / 10_000) | u64::from(n % 10_000) << 32;
    // x * 10486 >> 20 == x / 100 for x < 10^4.
    let hundreds = ((halves * 10486) >> 20) & 0x0000_007f_0000_007f;
    let pairs = hundreds | (halves - hundreds * 100) << 16;
    // x * 103 >> 10 == x / 10 for x < 100.
    let tens = ((pairs * 103) >> 10) & 0x000f_000f_000f_000f;
    tens | (pairs - tens * 10) << 8
}

/// ASCII `'0'` in every byte: added to [`eight_digits`] it makes text.
pub(super) const ZEROS: u64 = 0x3030_3030_3030_3030;

/// The decimal digits of `q`, left-padded with zeros to `min_len`.
pub(super) fn decimal(q: u128, min_len: usize, buf: &mut DigitBuf) -> &str {
    let end = buf.len();
    let len = decimal_into(buf, end, q, min_len);
    // SAFETY: only ASCII digits were written in the last `len` bytes.
    unsafe { std::str::from_utf8_unchecked(&buf[end - len..]) }
}

/// Writes the decimal digits of `q`, left-padded with zeros to `min_len`,
/// so that they end just before `buf[end]`; returns how many it wrote.
/// Digits go out eight at a time as one word store, so up to seven bytes
/// before the returned start are overwritten too: `buf` needs room for the
/// digits rounded up to a multiple of eight (24 bytes for a `u64`).
pub(super) fn decimal_into(buf: &mut [u8], end: usize, mut q: u128, min_len: usize) -> usize {
    let mut at = end;
    while q > u128::from(u64::MAX) {
        at -= 1;
        buf[at] = b'0' + last_digit(&mut q);
    }
    let mut n = q as u64;
    while n >= 100_000_000 {
        let low = eight_digits((n % 100_000_000) as u32);
        n /= 100_000_000;
        buf[at - 8..at].copy_from_slice(&(low + ZEROS).to_le_bytes());
        at -= 8;
    }
    let top = eight_digits(n as u32);
    buf[at - 8..at].copy_from_slice(&(top + ZEROS).to_le_bytes());
    // Leading zero digits are the low zero bytes of `top`; 0 keeps one.
    let significant = (8 - top.trailing_zeros() as usize / 8).max(1);
    // The store already wrote zeros in front, up to eight digits.
    at -= significant.max(min_len.saturating_sub(end - at)).min(8);
    while end - at < min_len {
        at -= 1;
        buf[at] = b'0';
    }
    end - at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(x: f64, p: usize) -> Option<String> {
        scaled_digits(x, p, &mut [0; 48]).map(str::to_string)
    }

    #[test]
    fn ties_round_to_even_on_the_exact_value() {
        assert_eq!(digits(0.125, 2).as_deref(), Some("012"));
        assert_eq!(digits(0.375, 2).as_deref(), Some("038"));
        assert_eq!(digits(2.5, 0).as_deref(), Some("2"));
        assert_eq!(digits(3.5, 0).as_deref(), Some("4"));
        // 9.995 is 9.99499999... in binary, 1.005 is 1.00499999...
        assert_eq!(digits(9.995, 2).as_deref(), Some("999"));
        assert_eq!(digits(1.005, 2).as_deref(), Some("100"));
        // 0.5 + 2^-53 is above the tie.
        assert_eq!(digits(0.5000000000000001, 0).as_deref(), Some("1"));
    }

    #[test]
    fn padding_zero_and_tiny_values() {
        assert_eq!(digits(0.0, 3).as_deref(), Some("0000"));
        assert_eq!(digits(-0.0, 1).as_deref(), Some("00"));
        assert_eq!(digits(5e-324, 19).as_deref(), Some("00000000000000000000"));
        assert_eq!(digits(0.001, 1).as_deref(), Some("00"));
        assert_eq!(digits(-1.5, 0).as_deref(), Some("2"));
    }

    #[test]
    fn decimal_digits_of_every_length() {
        let mut n: u128 = 0;
        for len in 1..=39 {
            let want = n.to_string();
            assert_eq!(decimal(n, 1, &mut [0; 48]), want, "{len}");
            assert_eq!(decimal(n, want.len() + 2, &mut [0; 48]), format!("00{want}"));
            n = n * 10 + (len % 10) as u128;
        }
        for n in [9u128, 10, 99, 100, 101, 999, 1000, u64::MAX.into(), u128::MAX] {
            assert_eq!(decimal(n, 1, &mut [0; 48]), n.to_string());
        }
    }

    #[test]
    fn eight_digits_split_every_lane_exactly() {
        let text = |n: u32| String::from_utf8((eight_digits(n) + ZEROS).to_le_bytes().to_vec()).unwrap();
        // Every value of each lane's range, in each lane, and a sweep of the rest.
        for n in (0..10_000).chain((0..10_000).map(|x| x * 10_000)).chain((0..100_000_000).step_by(9_973)) {
            assert_eq!(text(n), format!("{n:08}"));
        }
        assert_eq!(text(99_999_999), "99999999");
        for (n, min_len) in [(0u128, 0), (5, 9), (123_456_789, 12), (10_000_000, 3)] {
            assert_eq!(decimal(n, min_len, &mut [0; 48]), format!("{n:0min_len$}"));
        }
    }

    #[test]
    fn range_limits() {
        // 2^64 - 2048, the largest double below 2^64, at the largest precision.
        assert_eq!(digits(18446744073709549568.0, 19).as_deref(), Some("184467440737095495680000000000000000000"));
        assert_eq!(digits(18446744073709551616.0, 0), None);
        assert_eq!(digits(1.0, 20), None);
        assert_eq!(digits(f64::INFINITY, 2), None);
        assert_eq!(digits(f64::NAN, 2), None);
    }
}
