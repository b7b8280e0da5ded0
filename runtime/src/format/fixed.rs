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

/// Digit buffer: a `u128` has at most 39 decimal digits.
pub(super) type DigitBuf = [u8; 40];

/// `|x| * 10^precision` rounded half to even, as decimal digits padded with
/// leading zeros to at least `precision + 1` digits (so the last `precision`
/// are the fraction). `None` when `x` is not finite, `|x| >= 2^64` or the
/// precision is above [`MAX_PRECISION`]: the caller takes the general path.
pub(super) fn scaled_digits(x: f64, precision: usize, buf: &mut DigitBuf) -> Option<&str> {
    if !x.is_finite() || precision > MAX_PRECISION {
        return None;
    }
    let q = scaled(x, POW10[precision])?;
    Some(decimal(q, precision + 1, buf))
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

/// `"000102...9899"`: the two digits of each number below 100.
const DIGIT_PAIRS: [u8; 200] = {
    let mut t = [0; 200];
    let mut i = 0;
    while i < 100 {
        t[2 * i] = b'0' + (i / 10) as u8;
        t[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    t
};

/// The decimal digits of `q`, left-padded with zeros to `min_len`.
pub(super) fn decimal(mut q: u128, min_len: usize, buf: &mut DigitBuf) -> &str {
    let mut at = buf.len();
    // 128-bit division is a library call; drop to 64 bits as soon as possible.
    while q > u128::from(u64::MAX) {
        at -= 1;
        buf[at] = b'0' + (q % 10) as u8;
        q /= 10;
    }
    // Two digits per division, from a table of the pairs 00..99.
    let mut n = q as u64;
    while n >= 100 {
        let pair = 2 * (n % 100) as usize;
        n /= 100;
        at -= 2;
        buf[at..at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&DIGIT_PAIRS[2 * n as usize..2 * n as usize + 2]);
    } else {
        at -= 1;
        buf[at] = b'0' + n as u8;
    }
    while buf.len() - at < min_len {
        at -= 1;
        buf[at] = b'0';
    }
    // SAFETY: only ASCII digits were written from `at` on.
    unsafe { std::str::from_utf8_unchecked(&buf[at..]) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(x: f64, p: usize) -> Option<String> {
        scaled_digits(x, p, &mut [0; 40]).map(str::to_string)
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
            assert_eq!(decimal(n, 1, &mut [0; 40]), want, "{len}");
            assert_eq!(decimal(n, want.len() + 2, &mut [0; 40]), format!("00{want}"));
            n = n * 10 + (len % 10) as u128;
        }
        for n in [9u128, 10, 99, 100, 101, 999, 1000, u64::MAX.into(), u128::MAX] {
            assert_eq!(decimal(n, 1, &mut [0; 40]), n.to_string());
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
