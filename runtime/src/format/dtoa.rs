//! Float to text in CPython's `PyOS_double_to_string` style: decimal digits
//! come from Rust's formatter (shortest round-trip, or correctly rounded with
//! ties to even, like David Gay's `dtoa` that CPython uses), then they are
//! laid out exactly like CPython's `format_float_short`.

/// How many digits to produce, mirroring `dtoa`'s modes 0, 2 and 3.
#[derive(Clone, Copy)]
enum Mode {
    /// Shortest string that round-trips.
    Shortest,
    /// This many significant digits (at least 1).
    Significant(usize),
    /// This many digits after the decimal point.
    Fixed(usize),
}

/// Decimal digits of the finite, non-negative `x` without trailing zeros
/// (zero is `"0"`), and the decimal point position: value = 0.DIGITS * 10^decpt.
fn digits(x: f64, mode: Mode) -> (String, isize) {
    let (mut digits, mut decpt) = match mode {
        Mode::Shortest => shortest(x),
        Mode::Significant(n) => scientific(&format!("{:.*e}", n - 1, x)),
        Mode::Fixed(n) => {
            let text = format!("{x:.n$}");
            let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
            (format!("{int}{frac}"), int.len() as isize)
        }
    };
    let lead = digits.bytes().take_while(|&b| b == b'0').count();
    if lead == digits.len() {
        return ("0".into(), 1);
    }
    digits.drain(..lead);
    decpt -= lead as isize;
    digits.truncate(digits.trim_end_matches('0').len());
    (digits, decpt)
}

/// The shortest round-tripping digits. When two candidates of that length
/// are equally short, Rust may pick either, but `dtoa` takes the one nearest
/// the exact value (ties to even): repr(2228833228266150.25) ends in `.2`.
/// The correctly rounded string of the same length is that one whenever it
/// round-trips.
fn shortest(x: f64) -> (String, isize) {
    let short = format!("{x:e}");
    let (digits, decpt) = scientific(&short);
    let nearest = format!("{:.*e}", digits.len() - 1, x);
    if nearest != short && nearest.parse() == Ok(x) {
        return scientific(&nearest);
    }
    (digits, decpt)
}

/// Splits Rust's `{:e}` output `D.DDDeX` into digits and decimal point.
fn scientific(text: &str) -> (String, isize) {
    let (mantissa, exp) = text.split_once('e').expect("{:e} output has an exponent");
    let exp: isize = exp.parse().expect("{:e} exponent is an integer");
    (mantissa.replace('.', ""), exp + 1)
}

/// Options of `PyOS_double_to_string`.
#[derive(Clone, Copy, Default)]
pub(super) struct Flags {
    /// `#`: keep the decimal point and (for `g`) trailing zeros.
    pub alternate: bool,
    /// Python's `str`/no-type style: integers get a `.0`.
    pub add_dot_0: bool,
    /// `z`: a result that reads as zero loses its minus sign.
    pub no_neg_zero: bool,
}

/// Renders `x` with `code` one of `e E f F g G r` (`r` = repr, for which the
/// precision is ignored), like `PyOS_double_to_string`.
pub(super) fn double_to_string(x: f64, code: char, precision: usize, flags: Flags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let negative = x.is_sign_negative();
    if x.is_nan() {
        // CPython never signs a NaN.
        return if upper { "NAN" } else { "nan" }.into();
    }
    if x.is_infinite() {
        let inf = if upper { "INF" } else { "inf" };
        return if negative { format!("-{inf}") } else { inf.into() };
    }

    let (precision, mode) = match code {
        'e' => (precision + 1, Mode::Significant(precision + 1)),
        'f' => (precision, Mode::Fixed(precision)),
        // A precision of 0 makes no sense for 'g'; CPython reads it as 1.
        'g' => (precision.max(1), Mode::Significant(precision.max(1))),
        _ => (0, Mode::Shortest),
    };
    let (digits, mut decpt) = digits(x.abs(), mode);
    let n_digits = digits.len() as isize;
    let precision = precision as isize;
    let negative = negative && !(flags.no_neg_zero && digits == "0");

    // Which slice of the digits, extended by zeros on both sides, to print.
    let mut end = n_digits;
    let use_exp = match code {
        'e' => {
            end = precision;
            true
        }
        'f' => {
            end = decpt + precision;
            false
        }
        'g' => {
            if flags.alternate {
                end = precision;
            }
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            decpt <= -4 || decpt > limit
        }
        // repr switches to an exponent at 1e16.
        _ => decpt <= -4 || decpt > 16,
    };
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let start = if decpt <= 0 { decpt - 1 } else { 0 };
    let end = if !use_exp && flags.add_dot_0 { end.max(decpt + 1) } else { end.max(decpt) };

    // Virtual digit i (start <= i < end) is digits[i] or a padding zero; the
    // point goes before virtual digit `decpt`.
    let mut out = String::with_capacity((end - start) as usize + 8);
    if negative {
        out.push('-');
    }
    for i in start..end {
        if i == decpt {
            out.push('.');
        }
        let d = if (0..n_digits).contains(&i) { digits.as_bytes()[i as usize] as char } else { '0' };
        out.push(d);
    }
    if decpt == end && flags.alternate {
        out.push('.');
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        // C's "%+.02d": explicit sign and at least two digits.
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::format::{float_repr, format_float};

    /// (value, repr(value) in CPython 3.11)
    const REPRS: &[(f64, &str)] = &[
        (0.30000000000000004, "0.30000000000000004"),
        (1e+16, "1e+16"),
        (1000000000000000.0, "1000000000000000.0"),
        (0.0001, "0.0001"),
        (1e-05, "1e-05"),
        (1.5e-07, "1.5e-07"),
        (1.2345678901234567e+19, "1.2345678901234567e+19"),
        (100.0, "100.0"),
        (123456789000.0, "123456789000.0"),
        (1e+22, "1e+22"),
        (5e-324, "5e-324"),
        (1.7976931348623157e+308, "1.7976931348623157e+308"),
        (-0.0, "-0.0"),
        (2228833228266150.2, "2228833228266150.2"),
        (0.1, "0.1"),
        (0.3333333333333333, "0.3333333333333333"),
    ];

    /// Rounding and layout corner cases: (value, spec, CPython 3.11 result)
    const FORMATS: &[(f64, &str, &str)] = &[
        (0.125, ".2f", "0.12"),
        (0.375, ".2f", "0.38"),
        (2.5, ".0f", "2"),
        (9.995, ".2f", "9.99"),
        (0.001, ".1f", "0.0"),
        (-0.001, ".1f", "-0.0"),
        (-0.001, "z.1f", "0.0"),
        (1e-07, ".3g", "1e-07"),
        (123456.0, ".3", "1.23e+05"),
        (100.0, ".3", "1e+02"),
        (1.0, ".3", "1.0"),
        (0.0001, ".3", "0.0001"),
        (5e-324, ".3e", "4.941e-324"),
        (1e+23, "f", "99999999999999991611392.000000"),
        (0.5, "#.0g", "0.5"),
        (1e+100, ".0e", "1e+100"),
    ];

    #[test]
    fn reprs() {
        for &(x, want) in REPRS {
            assert_eq!(float_repr(x), want, "{x:e}");
        }
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn formats() {
        for &(x, spec, want) in FORMATS {
            assert_eq!(format_float(x, spec).unwrap(), want, "format({x:e}, {spec:?})");
        }
    }
}
