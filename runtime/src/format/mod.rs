//! Python-exact text formatting: `repr()` of floats and strings, `format()`
//! with the format-spec mini-language, and `round(x, n)`, all matching
//! CPython 3.11 byte for byte (errors are the `ValueError` messages); and
//! [`ndarray`], NumPy 2.3's `str()`/`repr()` of arrays.

mod dtoa;
mod fixed;
mod float;
mod int;
mod layout;
pub mod ndarray;
mod printable;
mod round;
mod spec;
mod strings;

pub use spec::SpecText;

/// Python's `repr()` (and `str()`) of a float.
pub fn float_repr(x: f64) -> String {
    float::repr(x)
}

/// Python's `repr()` of a str, quotes included.
pub fn str_repr(s: &str) -> String {
    strings::repr(s)
}

/// `ascii()` of a value, given its `repr()`.
pub fn ascii(repr: &str) -> String {
    strings::ascii(repr)
}

/// Appends `format(x, spec)` for an int; `Err` holds the ValueError
/// message (and nothing is appended).
pub fn write_int(out: &mut String, x: i64, spec: SpecText) -> Result<(), String> {
    if spec.text.is_empty() {
        out.push_str(int_str(x, &mut [0; 40]));
        return Ok(());
    }
    int::write(out, x, spec, "int")
}

/// `format(x, spec)` for an int.
pub fn format_int(x: i64, spec: &str) -> Result<String, String> {
    collect(|out| write_int(out, x, spec.into()))
}

/// `str(x)` of an int, written into `buf` (no allocation, unlike
/// `to_string`, which goes through `core::fmt`).
pub fn int_str(x: i64, buf: &mut [u8; 40]) -> &str {
    let at = buf.len() - fixed::decimal(x.unsigned_abs().into(), 1, buf).len();
    let at = if x < 0 {
        buf[at - 1] = b'-';
        at - 1
    } else {
        at
    };
    // SAFETY: the sign and digits are ASCII.
    unsafe { std::str::from_utf8_unchecked(&buf[at..]) }
}

/// Appends `format(x, spec)` for a float.
pub fn write_float(out: &mut String, x: f64, spec: SpecText) -> Result<(), String> {
    float::write(out, x, spec)
}

/// Appends `format(x, "[0][width]d")` (`bodo_abi::fconv::Plain`), the spec
/// recognised at compile time: no spec to parse.
pub fn write_plain_int(out: &mut String, x: i64, zero: bool, width: usize) {
    let mut buf = [0; 40];
    let text = int_str(x, &mut buf);
    let pad = width.saturating_sub(text.len());
    match (pad, zero, x < 0) {
        (0, ..) => short_copy_push(out, text),
        (_, false, _) => {
            pad_with(out, b' ', pad);
            short_copy_push(out, text);
        }
        (_, true, negative) => {
            let digits = if negative {
                out.push('-');
                &text[1..]
            } else {
                text
            };
            pad_with(out, b'0', pad);
            short_copy_push(out, digits);
        }
    }
}

/// Appends `format(x, "[0][width].{precision}f")` (`bodo_abi::fconv::Plain`)
/// without parsing a spec; false, with nothing written, when `x` needs the
/// general path (not finite, or too large for the exact shortcut).
pub fn write_plain_fixed(out: &mut String, x: f64, zero: bool, width: usize, precision: usize) -> bool {
    let mut buf = [0; 40];
    let Some(digits) = fixed::scaled_digits(x, precision, &mut buf) else { return false };
    // CPython keeps the sign of a negative value that rounds to zero.
    let negative = x.is_sign_negative();
    let int_len = digits.len() - precision;
    let len = usize::from(negative) + digits.len() + usize::from(precision > 0);
    let pad = width.saturating_sub(len);
    out.reserve(len + pad);
    if !zero {
        pad_with(out, b' ', pad);
    }
    if negative {
        out.push('-');
    }
    if zero {
        pad_with(out, b'0', pad);
    }
    short_copy_push(out, &digits[..int_len]);
    if precision > 0 {
        out.push('.');
        short_copy_push(out, &digits[int_len..]);
    }
    true
}

fn short_copy_push(out: &mut String, s: &str) {
    crate::short_copy::push_str(out, s);
}

/// Appends `n` copies of the ASCII byte `b`.
fn pad_with(out: &mut String, b: u8, n: usize) {
    debug_assert!(b.is_ascii());
    // SAFETY: ASCII bytes keep the text UTF-8.
    let v = unsafe { out.as_mut_vec() };
    v.resize(v.len() + n, b);
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str) -> Result<String, String> {
    collect(|out| write_float(out, x, spec.into()))
}

/// Appends `format(s, spec)` for a str.
pub fn write_str(out: &mut String, s: &str, spec: SpecText) -> Result<(), String> {
    if spec.text.is_empty() {
        out.push_str(s);
        return Ok(());
    }
    strings::write(out, s, spec)
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str) -> Result<String, String> {
    collect(|out| write_str(out, s, spec.into()))
}

/// Appends `format(b, spec)` for a bool: `str(b)` for an empty spec,
/// otherwise the int 0/1 (bool inherits int's `__format__`).
pub fn write_bool(out: &mut String, b: bool, spec: SpecText) -> Result<(), String> {
    if spec.text.is_empty() {
        out.push_str(if b { "True" } else { "False" });
        return Ok(());
    }
    int::write(out, i64::from(b), spec, "bool")
}

/// `format(b, spec)` for a bool.
pub fn format_bool(b: bool, spec: &str) -> Result<String, String> {
    collect(|out| write_bool(out, b, spec.into()))
}

/// The text a writer appends to an empty string. Writers append only once
/// the spec is valid, so on an error the text is dropped whole.
fn collect(write: impl FnOnce(&mut String) -> Result<(), String>) -> Result<String, String> {
    let mut out = String::new();
    write(&mut out).map(|()| out)
}

/// `round(x, ndigits)`, correctly rounded like CPython.
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    round::round(x, ndigits)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Case = (Result<String, String>, Result<&'static str, &'static str>);

    /// The f-string cases the compiler's tests lean on, with CPython 3.11's
    /// output.
    #[test]
    fn fstring_cases() {
        let cases: &[Case] = &[
            (format_float(1234567.891, "e"), Ok("1.234568e+06")),
            (format_float(1234567.891, ".3e"), Ok("1.235e+06")),
            (format_float(1234567.891, "15.1f"), Ok("      1234567.9")),
            (format_float(1234567.891, "<15.1f"), Ok("1234567.9      ")),
            (format_float(1234567.891, "^15.1f"), Ok("   1234567.9   ")),
            (format_int(42, "5d"), Ok("   42")),
            (format_int(42, "<5d"), Ok("42   ")),
            (format_int(42, "05d"), Ok("00042")),
            (format_int(42, "+d"), Ok("+42")),
            (format_int(-42, "+d"), Ok("-42")),
            (format_int(42, "x"), Ok("2a")),
            (format_int(42, "b"), Ok("101010")),
            (format_float(0.5, ".0%"), Ok("50%")),
            (format_float(0.6666666666666666, ".4f"), Ok("0.6667")),
            (format_float(-0.6666666666666666, "+.3f"), Ok("-0.667")),
            (format_float(1e-05, "g"), Ok("1e-05")),
            (format_int(123456789, ","), Ok("123,456,789")),
            (format_str("ok", "*^8"), Ok("***ok***")),
            (format_float(0.1, ">6.1%"), Ok(" 10.0%")),
            (format_float(1885.0, ">12,.2f"), Ok("    1,885.00")),
            (format_float(2491.345, ">14,.3f"), Ok("     2,491.345")),
            (format_float(0.0825, ".2%"), Ok("8.25%")),
            (format_int(2, "03d"), Ok("002")),
            (format_bool(true, ""), Ok("True")),
            (format_bool(false, ">7"), Ok("      0")),
            (format_bool(true, "d"), Ok("1")),
            (format_bool(true, ".2f"), Ok("1.00")),
            (format_bool(false, "#x"), Ok("0x0")),
            (format_bool(true, "s"), Err("Unknown format code 's' for object of type 'bool'")),
            (format_int(i64::MIN, ""), Ok("-9223372036854775808")),
            (format_int(i64::MIN, "d"), Ok("-9223372036854775808")),
            (format_int(i64::MAX, ""), Ok("9223372036854775807")),
            (format_int(-7, ""), Ok("-7")),
            (format_int(0, ""), Ok("0")),
        ];
        for (i, (got, want)) in cases.iter().enumerate() {
            assert_eq!(got.as_deref().map_err(String::as_str), *want, "case {i}");
        }
    }
}
