//! `round(x, ndigits)` for floats, as CPython's `float.__round__`: round the
//! exact binary value to a decimal string, ties to even, and read it back.

/// Beyond this many digits every double is already exact (CPython's
/// NDIGITS_MAX).
const NDIGITS_MAX: i64 = 323;
/// Below this every double rounds to zero (CPython's NDIGITS_MIN).
const NDIGITS_MIN: i64 = -308;

pub(super) fn round(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return x;
    }
    if ndigits < NDIGITS_MIN {
        return 0.0 * x;
    }
    if ndigits >= 0 {
        // Rust's fixed-precision formatting rounds the exact value with ties
        // to even, and its parser is correctly rounded.
        return format!("{x:.0$}", ndigits as usize).parse().expect("formatted float parses");
    }
    round_to_tens(x, ndigits.unsigned_abs() as usize)
}

/// Rounds to a multiple of 10^places (places >= 1).
fn round_to_tens(x: f64, places: usize) -> f64 {
    let int = x.abs().trunc();
    // The integer part prints exactly; a nonzero fraction only matters to
    // break a tie.
    let has_fraction = int != x.abs();
    let text = format!("{int:.0}");
    // Left-pad so that the dropped part has exactly `places` digits.
    let text = format!("{}{text}", "0".repeat((places + 1).saturating_sub(text.len())));
    let (kept, dropped) = text.split_at(text.len() - places);
    let mut kept = kept.as_bytes().to_vec();

    let half = format!("5{}", "0".repeat(places - 1));
    let round_up = match dropped.cmp(half.as_str()) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => has_fraction || kept.last().is_some_and(|d| d % 2 == 1),
    };
    if round_up {
        increment(&mut kept);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let kept = String::from_utf8(kept).expect("ASCII digits");
    // Too large a result parses to infinity where CPython raises
    // OverflowError("rounded value too large to represent").
    format!("{sign}{kept}e{places}").parse().expect("decimal literal parses")
}

/// Adds one to a decimal digit string, growing it on carry out.
fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}

#[cfg(test)]
mod tests {
    use crate::format::round_float;

    /// (x, ndigits, round(x, ndigits) in CPython 3.11)
    const CASES: &[(f64, i64, f64)] = &[
        (2.675, 2, 2.67),
        (0.125, 2, 0.12),
        (0.375, 2, 0.38),
        (2.5, 0, 2.0),
        (3.5, 0, 4.0),
        (-2.5, 0, -2.0),
        (-0.4, 0, -0.0),
        (1234.5, -2, 1200.0),
        (1250.0, -2, 1200.0),
        (1350.0, -2, 1400.0),
        (1250.0001, -2, 1300.0),
        (5.0, -1, 0.0),
        (15.0, -1, 20.0),
        (50.0, -2, 0.0),
        (51.0, -2, 100.0),
        (-51.0, -2, -100.0),
        (99999.0, -3, 100000.0),
        (1e+22, -22, 1e+22),
        (5e+21, -22, 0.0),
        (1.005, 2, 1.0),
        (0.285, 2, 0.28),
        (123.456, 10, 123.456),
        (5e-324, 323, 0.0),
        (5e-324, 324, 5e-324),
        (1e+300, -308, 0.0),
        (1e+300, -309, 0.0),
        (-1e+300, -400, -0.0),
        (1.5, 1000000000, 1.5),
        (1.5, -1000000000, 0.0),
        (f64::INFINITY, 2, f64::INFINITY),
        (f64::NEG_INFINITY, -2, f64::NEG_INFINITY),
    ];

    #[test]
    fn table() {
        for &(x, n, want) in CASES {
            // Bit equality: the sign of a zero result matters too.
            assert_eq!(round_float(x, n).to_bits(), want.to_bits(), "round({x:?}, {n})");
        }
    }

    #[test]
    fn nan_stays_nan() {
        assert!(round_float(f64::NAN, 2).is_nan());
    }
}
