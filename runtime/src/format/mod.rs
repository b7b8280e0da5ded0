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
pub mod word;

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
    let at = buf.len() - fixed::decimal_into(buf, 40, x.unsigned_abs().into(), 1);
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

/// Room for the text of a plain spec ([`plain_text`]).
pub const PLAIN_ROOM: usize = 64;

/// The text of `format(v, spec)` for a spec recognised at compile time
/// (`bodo_abi::fconv::Plain`), written into `buf` with no spec to parse:
/// an int (`fixed` false, `v` its bits) padded to `width`, or a float's
/// fixed-point digits. `None` when the text would not fit `buf` (a wide
/// width) or the float needs the general path (not finite, or too large
/// for the exact shortcut).
pub fn plain_text(
    buf: &mut [u8; PLAIN_ROOM],
    v: u64,
    fixed: bool,
    zero: bool,
    width: usize,
    precision: usize,
) -> Option<&str> {
    let short: &mut [u8; word::ROOM] = (&mut buf[..word::ROOM]).try_into().expect("PLAIN_ROOM holds word::ROOM");
    if let Some(len) = word::plain(short, v, fixed, zero, width, precision) {
        // SAFETY: digits, sign, point and padding are ASCII.
        return Some(unsafe { std::str::from_utf8_unchecked(&buf[..len]) });
    }
    // The text is written right to left, ending at the end of `buf`: the
    // digits first, then the padding and sign in front of them.
    let (negative, mut at) = if fixed {
        let x = f64::from_bits(v);
        let q = fixed::scaled_value(x, precision)?;
        // CPython keeps the sign of a negative value that rounds to zero.
        (x.is_sign_negative(), fixed::write_fixed(buf, PLAIN_ROOM, q, precision))
    } else {
        let x = v as i64;
        (x < 0, PLAIN_ROOM - fixed::decimal_into(buf, PLAIN_ROOM, x.unsigned_abs().into(), 1))
    };
    let len = PLAIN_ROOM - at + usize::from(negative);
    if width > PLAIN_ROOM {
        return None;
    }
    let pad = width.saturating_sub(len);
    // Zeros go after the sign, spaces before it (numbers align right).
    if zero {
        at = fill_before(buf, at, pad, b'0');
    }
    if negative {
        at -= 1;
        buf[at] = b'-';
    }
    if !zero {
        at = fill_before(buf, at, pad, b' ');
    }
    // SAFETY: only ASCII was written from `at` on.
    Some(unsafe { std::str::from_utf8_unchecked(&buf[at..]) })
}

/// Fills the `pad` bytes before `buf[at]` with `byte`; returns where they
/// start. A short pad is one word store (the bytes before it are free).
fn fill_before(buf: &mut [u8; PLAIN_ROOM], at: usize, pad: usize, byte: u8) -> usize {
    if pad <= 8 && at >= 8 {
        buf[at - 8..at].copy_from_slice(&[byte; 8]);
    } else {
        buf[at - pad..at].fill(byte);
    }
    at - pad
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

    #[test]
    fn plain_specs_match_the_general_formatter() {
        let ints = [0i64, 7, -7, 123456, -123456, i64::MIN, i64::MAX];
        let floats = [0.0, -0.0, 0.125, -0.004, 12.5, 1234.5678, -99.995, 1e15, 2e19, f64::INFINITY, f64::NAN];
        let specs = ["", "6", "06", "1", "30", "040"];
        for spec in specs {
            let (zero, width) = (spec.len() > 1 && spec.starts_with('0'), spec.parse().unwrap_or(0));
            for x in ints {
                let want = format_int(x, &format!("{spec}d")).unwrap();
                let mut buf = [0; PLAIN_ROOM];
                let got = plain_text(&mut buf, x as u64, false, zero, width, 0);
                assert_eq!(got, Some(want.as_str()), "{x} {spec}d");
            }
            for p in [0, 2, 3, 19] {
                for x in floats {
                    let want = format_float(x, &format!("{spec}.{p}f")).unwrap();
                    match plain_text(&mut [0; PLAIN_ROOM], x.to_bits(), true, zero, width, p) {
                        Some(got) => assert_eq!(got, want, "{x} {spec}.{p}f"),
                        None => assert!(!x.is_finite() || x.abs() >= 1.8e19, "{x} {spec}.{p}f"),
                    }
                }
            }
        }
        assert_eq!(plain_text(&mut [0; PLAIN_ROOM], 5, false, false, PLAIN_ROOM + 1, 0), None);
    }
}
