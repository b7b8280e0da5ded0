//! `format()` of ints and bools, a port of CPython's `format_long_internal`
//! (bool uses int's `__format__`, so only the empty spec prints `True`).

use super::fixed::decimal;
use super::float;
use super::layout;
use super::spec::{self, SpecText};

/// Appends `format(x, spec)` where `type_name` is the Python type named in
/// errors.
pub(super) fn write(out: &mut String, x: i64, spec: SpecText, type_name: &'static str) -> Result<(), String> {
    let spec = spec::parse(spec, type_name, Some('d'), '>')?;
    let ty = spec.ty.unwrap_or('d');
    let (digits, prefix) = match ty {
        // Float types convert the int first, as CPython does.
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            float::write_parsed(out, x as f64, &spec);
            return Ok(());
        }
        'b' | 'c' | 'd' | 'n' | 'o' | 'x' | 'X' => {
            if spec.precision.is_some() {
                return Err("Precision not allowed in integer format specifier".into());
            }
            if spec.no_neg_zero {
                return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
            }
            let n = x.unsigned_abs();
            match ty {
                'b' => (format!("{n:b}"), "0b"),
                'o' => (format!("{n:o}"), "0o"),
                'x' => (format!("{n:x}"), "0x"),
                'X' => (format!("{n:X}"), "0X"),
                'c' => return write_char(out, x, &spec),
                // 'n' groups per the locale, and bodo runs in the C locale.
                // Decimal digits, the common case, need no String.
                _ => {
                    let mut buf = [0; 48];
                    let digits = decimal(n.into(), 1, &mut buf);
                    layout::number(out, &spec, x < 0, "", digits, "");
                    return Ok(());
                }
            }
        }
        _ => return Err(spec::unknown_type(spec.ty, type_name)),
    };
    let prefix = if spec.alternate { prefix } else { "" };
    layout::number(out, &spec, x < 0, prefix, &digits, "");
    Ok(())
}

/// The `c` type: the code point as a character, padded like a number.
fn write_char(out: &mut String, x: i64, spec: &spec::Spec) -> Result<(), String> {
    if spec.sign.is_some() {
        return Err("Sign not allowed with integer format specifier 'c'".into());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed with integer format specifier 'c'".into());
    }
    let c = u32::try_from(x).ok().filter(|&v| v < 0x11_0000).ok_or("%c arg not in range(0x110000)")?;
    // Surrogates are valid Python characters but not Rust ones; U+FFFD is
    // the closest thing a UTF-8 string can hold.
    let c = char::from_u32(c).unwrap_or('\u{FFFD}');
    layout::number(out, spec, false, "", "", c.encode_utf8(&mut [0; 4]));
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::format::{format_bool, format_int};

    /// (value, spec, format(value, spec) in CPython 3.11)
    const INTS: &[(i64, &str, Result<&str, &str>)] = &[
        (0, "", Ok("0")),
        (0, "d", Ok("0")),
        (0, "5d", Ok("    0")),
        (0, "<5d", Ok("0    ")),
        (0, "^7d", Ok("   0   ")),
        (0, "05d", Ok("00000")),
        (0, "+d", Ok("+0")),
        (0, " d", Ok(" 0")),
        (0, "-d", Ok("0")),
        (0, "x", Ok("0")),
        (0, "X", Ok("0")),
        (0, "#x", Ok("0x0")),
        (0, "#X", Ok("0X0")),
        (0, "#o", Ok("0o0")),
        (0, "#b", Ok("0b0")),
        (0, "b", Ok("0")),
        (0, "o", Ok("0")),
        (0, ",", Ok("0")),
        (0, "_", Ok("0")),
        (0, "_x", Ok("0")),
        (0, "#_b", Ok("0b0")),
        (0, "010,", Ok("00,000,000")),
        (0, "08,", Ok("0,000,000")),
        (0, "*=10", Ok("*********0")),
        (0, "0=+12,", Ok("+000,000,000")),
        (0, "n", Ok("0")),
        (0, ".2f", Ok("0.00")),
        (0, "e", Ok("0.000000e+00")),
        (0, "%", Ok("0.000000%")),
        (0, "g", Ok("0")),
        (0, "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        (0, ".2", Err("Precision not allowed in integer format specifier")),
        (0, "q", Err("Unknown format code 'q' for object of type 'int'")),
        (0, "s", Err("Unknown format code 's' for object of type 'int'")),
        (42, "", Ok("42")),
        (42, "d", Ok("42")),
        (42, "5d", Ok("   42")),
        (42, "<5d", Ok("42   ")),
        (42, "^7d", Ok("  42   ")),
        (42, "05d", Ok("00042")),
        (42, "+d", Ok("+42")),
        (42, " d", Ok(" 42")),
        (42, "-d", Ok("42")),
        (42, "x", Ok("2a")),
        (42, "X", Ok("2A")),
        (42, "#x", Ok("0x2a")),
        (42, "#X", Ok("0X2A")),
        (42, "#o", Ok("0o52")),
        (42, "#b", Ok("0b101010")),
        (42, "b", Ok("101010")),
        (42, "o", Ok("52")),
        (42, ",", Ok("42")),
        (42, "_", Ok("42")),
        (42, "_x", Ok("2a")),
        (42, "#_b", Ok("0b10_1010")),
        (42, "010,", Ok("00,000,042")),
        (42, "08,", Ok("0,000,042")),
        (42, "*=10", Ok("********42")),
        (42, "0=+12,", Ok("+000,000,042")),
        (42, "n", Ok("42")),
        (42, "c", Ok("*")),
        (42, ".2f", Ok("42.00")),
        (42, "e", Ok("4.200000e+01")),
        (42, "%", Ok("4200.000000%")),
        (42, "g", Ok("42")),
        (42, "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        (42, ".2", Err("Precision not allowed in integer format specifier")),
        (42, "q", Err("Unknown format code 'q' for object of type 'int'")),
        (42, "s", Err("Unknown format code 's' for object of type 'int'")),
        (42, "+c", Err("Sign not allowed with integer format specifier 'c'")),
        (42, "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        (-42, "", Ok("-42")),
        (-42, "d", Ok("-42")),
        (-42, "5d", Ok("  -42")),
        (-42, "<5d", Ok("-42  ")),
        (-42, "^7d", Ok("  -42  ")),
        (-42, "05d", Ok("-0042")),
        (-42, "+d", Ok("-42")),
        (-42, " d", Ok("-42")),
        (-42, "-d", Ok("-42")),
        (-42, "x", Ok("-2a")),
        (-42, "X", Ok("-2A")),
        (-42, "#x", Ok("-0x2a")),
        (-42, "#X", Ok("-0X2A")),
        (-42, "#o", Ok("-0o52")),
        (-42, "#b", Ok("-0b101010")),
        (-42, "b", Ok("-101010")),
        (-42, "o", Ok("-52")),
        (-42, ",", Ok("-42")),
        (-42, "_", Ok("-42")),
        (-42, "_x", Ok("-2a")),
        (-42, "#_b", Ok("-0b10_1010")),
        (-42, "010,", Ok("-0,000,042")),
        (-42, "08,", Ok("-000,042")),
        (-42, "*=10", Ok("-*******42")),
        (-42, "0=+12,", Ok("-000,000,042")),
        (-42, "n", Ok("-42")),
        (-42, "c", Err("%c arg not in range(0x110000)")),
        (-42, ".2f", Ok("-42.00")),
        (-42, "e", Ok("-4.200000e+01")),
        (-42, "%", Ok("-4200.000000%")),
        (-42, "g", Ok("-42")),
        (-42, "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        (-42, ".2", Err("Precision not allowed in integer format specifier")),
        (-42, "q", Err("Unknown format code 'q' for object of type 'int'")),
        (-42, "s", Err("Unknown format code 's' for object of type 'int'")),
        (-42, "+c", Err("Sign not allowed with integer format specifier 'c'")),
        (-42, "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        (255, "", Ok("255")),
        (255, "d", Ok("255")),
        (255, "5d", Ok("  255")),
        (255, "<5d", Ok("255  ")),
        (255, "^7d", Ok("  255  ")),
        (255, "05d", Ok("00255")),
        (255, "+d", Ok("+255")),
        (255, " d", Ok(" 255")),
        (255, "-d", Ok("255")),
        (255, "x", Ok("ff")),
        (255, "X", Ok("FF")),
        (255, "#x", Ok("0xff")),
        (255, "#X", Ok("0XFF")),
        (255, "#o", Ok("0o377")),
        (255, "#b", Ok("0b11111111")),
        (255, "b", Ok("11111111")),
        (255, "o", Ok("377")),
        (255, ",", Ok("255")),
        (255, "_", Ok("255")),
        (255, "_x", Ok("ff")),
        (255, "#_b", Ok("0b1111_1111")),
        (255, "010,", Ok("00,000,255")),
        (255, "08,", Ok("0,000,255")),
        (255, "*=10", Ok("*******255")),
        (255, "0=+12,", Ok("+000,000,255")),
        (255, "n", Ok("255")),
        (255, "c", Ok("ÿ")),
        (255, ".2f", Ok("255.00")),
        (255, "e", Ok("2.550000e+02")),
        (255, "%", Ok("25500.000000%")),
        (255, "g", Ok("255")),
        (255, "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        (255, ".2", Err("Precision not allowed in integer format specifier")),
        (255, "q", Err("Unknown format code 'q' for object of type 'int'")),
        (255, "s", Err("Unknown format code 's' for object of type 'int'")),
        (255, "+c", Err("Sign not allowed with integer format specifier 'c'")),
        (255, "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        (1234567, "", Ok("1234567")),
        (1234567, "d", Ok("1234567")),
        (1234567, "5d", Ok("1234567")),
        (1234567, "<5d", Ok("1234567")),
        (1234567, "^7d", Ok("1234567")),
        (1234567, "05d", Ok("1234567")),
        (1234567, "+d", Ok("+1234567")),
        (1234567, " d", Ok(" 1234567")),
        (1234567, "-d", Ok("1234567")),
        (1234567, "x", Ok("12d687")),
        (1234567, "X", Ok("12D687")),
        (1234567, "#x", Ok("0x12d687")),
        (1234567, "#X", Ok("0X12D687")),
        (1234567, "#o", Ok("0o4553207")),
        (1234567, "#b", Ok("0b100101101011010000111")),
        (1234567, "b", Ok("100101101011010000111")),
        (1234567, "o", Ok("4553207")),
        (1234567, ",", Ok("1,234,567")),
        (1234567, "_", Ok("1_234_567")),
        (1234567, "_x", Ok("12_d687")),
        (1234567, "#_b", Ok("0b1_0010_1101_0110_1000_0111")),
        (1234567, "010,", Ok("01,234,567")),
        (1234567, "08,", Ok("1,234,567")),
        (1234567, "*=10", Ok("***1234567")),
        (1234567, "0=+12,", Ok("+001,234,567")),
        (1234567, "n", Ok("1234567")),
        (1234567, ".2f", Ok("1234567.00")),
        (1234567, "e", Ok("1.234567e+06")),
        (1234567, "%", Ok("123456700.000000%")),
        (1234567, "g", Ok("1.23457e+06")),
        (1234567, "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        (1234567, ".2", Err("Precision not allowed in integer format specifier")),
        (1234567, "q", Err("Unknown format code 'q' for object of type 'int'")),
        (1234567, "s", Err("Unknown format code 's' for object of type 'int'")),
        (-9876543210, "", Ok("-9876543210")),
        (-9876543210, "d", Ok("-9876543210")),
        (-9876543210, "5d", Ok("-9876543210")),
        (-9876543210, "<5d", Ok("-9876543210")),
        (-9876543210, "^7d", Ok("-9876543210")),
        (-9876543210, "05d", Ok("-9876543210")),
        (-9876543210, "+d", Ok("-9876543210")),
        (-9876543210, " d", Ok("-9876543210")),
        (-9876543210, "-d", Ok("-9876543210")),
        (-9876543210, "x", Ok("-24cb016ea")),
        (-9876543210, "X", Ok("-24CB016EA")),
        (-9876543210, "#x", Ok("-0x24cb016ea")),
        (-9876543210, "#X", Ok("-0X24CB016EA")),
        (-9876543210, "#o", Ok("-0o111454013352")),
        (-9876543210, "#b", Ok("-0b1001001100101100000001011011101010")),
        (-9876543210, "b", Ok("-1001001100101100000001011011101010")),
        (-9876543210, "o", Ok("-111454013352")),
        (-9876543210, ",", Ok("-9,876,543,210")),
        (-9876543210, "_", Ok("-9_876_543_210")),
        (-9876543210, "_x", Ok("-2_4cb0_16ea")),
        (-9876543210, "#_b", Ok("-0b10_0100_1100_1011_0000_0001_0110_1110_1010")),
        (-9876543210, "010,", Ok("-9,876,543,210")),
        (-9876543210, "08,", Ok("-9,876,543,210")),
        (-9876543210, "*=10", Ok("-9876543210")),
        (-9876543210, "0=+12,", Ok("-9,876,543,210")),
        (-9876543210, "n", Ok("-9876543210")),
        (-9876543210, ".2f", Ok("-9876543210.00")),
        (-9876543210, "e", Ok("-9.876543e+09")),
        (-9876543210, "%", Ok("-987654321000.000000%")),
        (-9876543210, "g", Ok("-9.87654e+09")),
        (-9876543210, "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        (-9876543210, ".2", Err("Precision not allowed in integer format specifier")),
        (-9876543210, "q", Err("Unknown format code 'q' for object of type 'int'")),
        (-9876543210, "s", Err("Unknown format code 's' for object of type 'int'")),
        (9223372036854775807, "", Ok("9223372036854775807")),
        (9223372036854775807, "d", Ok("9223372036854775807")),
        (9223372036854775807, "5d", Ok("9223372036854775807")),
        (9223372036854775807, "<5d", Ok("9223372036854775807")),
        (9223372036854775807, "^7d", Ok("9223372036854775807")),
        (9223372036854775807, "05d", Ok("9223372036854775807")),
        (9223372036854775807, "+d", Ok("+9223372036854775807")),
        (9223372036854775807, " d", Ok(" 9223372036854775807")),
        (9223372036854775807, "-d", Ok("9223372036854775807")),
        (9223372036854775807, "x", Ok("7fffffffffffffff")),
        (9223372036854775807, "X", Ok("7FFFFFFFFFFFFFFF")),
        (9223372036854775807, "#x", Ok("0x7fffffffffffffff")),
        (9223372036854775807, "#X", Ok("0X7FFFFFFFFFFFFFFF")),
        (9223372036854775807, "#o", Ok("0o777777777777777777777")),
        (9223372036854775807, "#b", Ok("0b111111111111111111111111111111111111111111111111111111111111111")),
        (9223372036854775807, "b", Ok("111111111111111111111111111111111111111111111111111111111111111")),
        (9223372036854775807, "o", Ok("777777777777777777777")),
        (9223372036854775807, ",", Ok("9,223,372,036,854,775,807")),
        (9223372036854775807, "_", Ok("9_223_372_036_854_775_807")),
        (9223372036854775807, "_x", Ok("7fff_ffff_ffff_ffff")),
        (
            9223372036854775807,
            "#_b",
            Ok("0b111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111_1111"),
        ),
        (9223372036854775807, "010,", Ok("9,223,372,036,854,775,807")),
        (9223372036854775807, "08,", Ok("9,223,372,036,854,775,807")),
        (9223372036854775807, "*=10", Ok("9223372036854775807")),
        (9223372036854775807, "0=+12,", Ok("+9,223,372,036,854,775,807")),
        (9223372036854775807, "n", Ok("9223372036854775807")),
        (9223372036854775807, ".2f", Ok("9223372036854775808.00")),
        (9223372036854775807, "e", Ok("9.223372e+18")),
        (9223372036854775807, "%", Ok("922337203685477580800.000000%")),
        (9223372036854775807, "g", Ok("9.22337e+18")),
        (9223372036854775807, "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        (9223372036854775807, ".2", Err("Precision not allowed in integer format specifier")),
        (9223372036854775807, "q", Err("Unknown format code 'q' for object of type 'int'")),
        (9223372036854775807, "s", Err("Unknown format code 's' for object of type 'int'")),
        (-9223372036854775808, "", Ok("-9223372036854775808")),
        (-9223372036854775808, "d", Ok("-9223372036854775808")),
        (-9223372036854775808, "5d", Ok("-9223372036854775808")),
        (-9223372036854775808, "<5d", Ok("-9223372036854775808")),
        (-9223372036854775808, "^7d", Ok("-9223372036854775808")),
        (-9223372036854775808, "05d", Ok("-9223372036854775808")),
        (-9223372036854775808, "+d", Ok("-9223372036854775808")),
        (-9223372036854775808, " d", Ok("-9223372036854775808")),
        (-9223372036854775808, "-d", Ok("-9223372036854775808")),
        (-9223372036854775808, "x", Ok("-8000000000000000")),
        (-9223372036854775808, "X", Ok("-8000000000000000")),
        (-9223372036854775808, "#x", Ok("-0x8000000000000000")),
        (-9223372036854775808, "#X", Ok("-0X8000000000000000")),
        (-9223372036854775808, "#o", Ok("-0o1000000000000000000000")),
        (-9223372036854775808, "#b", Ok("-0b1000000000000000000000000000000000000000000000000000000000000000")),
        (-9223372036854775808, "b", Ok("-1000000000000000000000000000000000000000000000000000000000000000")),
        (-9223372036854775808, "o", Ok("-1000000000000000000000")),
        (-9223372036854775808, ",", Ok("-9,223,372,036,854,775,808")),
        (-9223372036854775808, "_", Ok("-9_223_372_036_854_775_808")),
        (-9223372036854775808, "_x", Ok("-8000_0000_0000_0000")),
        (
            -9223372036854775808,
            "#_b",
            Ok("-0b1000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        ),
        (-9223372036854775808, "010,", Ok("-9,223,372,036,854,775,808")),
        (-9223372036854775808, "08,", Ok("-9,223,372,036,854,775,808")),
        (-9223372036854775808, "*=10", Ok("-9223372036854775808")),
        (-9223372036854775808, "0=+12,", Ok("-9,223,372,036,854,775,808")),
        (-9223372036854775808, "n", Ok("-9223372036854775808")),
        (-9223372036854775808, ".2f", Ok("-9223372036854775808.00")),
        (-9223372036854775808, "e", Ok("-9.223372e+18")),
        (-9223372036854775808, "%", Ok("-922337203685477580800.000000%")),
        (-9223372036854775808, "g", Ok("-9.22337e+18")),
        (-9223372036854775808, "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        (-9223372036854775808, ".2", Err("Precision not allowed in integer format specifier")),
        (-9223372036854775808, "q", Err("Unknown format code 'q' for object of type 'int'")),
        (-9223372036854775808, "s", Err("Unknown format code 's' for object of type 'int'")),
        (1114111, "c", Ok("\u{10ffff}")),
        (1114112, "c", Err("%c arg not in range(0x110000)")),
        (-1, "c", Err("%c arg not in range(0x110000)")),
        (233, "^5c", Ok("  é  ")),
        (65, "05c", Ok("0000A")),
    ];

    /// (value, spec, format(value, spec) in CPython 3.11)
    const BOOLS: &[(bool, &str, Result<&str, &str>)] = &[
        (true, "", Ok("True")),
        (false, "", Ok("False")),
        (true, "d", Ok("1")),
        (false, "d", Ok("0")),
        (true, ">6", Ok("     1")),
        (false, ">6", Ok("     0")),
        (true, "^7", Ok("   1   ")),
        (false, "^7", Ok("   0   ")),
        (true, "x", Ok("1")),
        (false, "x", Ok("0")),
        (true, "#b", Ok("0b1")),
        (false, "#b", Ok("0b0")),
        (true, ".2f", Ok("1.00")),
        (false, ".2f", Ok("0.00")),
        (true, "%", Ok("100.000000%")),
        (false, "%", Ok("0.000000%")),
        (true, "s", Err("Unknown format code 's' for object of type 'bool'")),
        (false, "s", Err("Unknown format code 's' for object of type 'bool'")),
        (true, "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        (false, "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        (true, "+", Ok("+1")),
        (false, "+", Ok("+0")),
    ];

    #[test]
    fn ints() {
        for &(x, spec, want) in INTS {
            let got = format_int(x, spec);
            assert_eq!(got.as_deref().map_err(String::as_str), want, "format({x}, {spec:?})");
        }
    }

    #[test]
    fn bools() {
        for &(b, spec, want) in BOOLS {
            let got = format_bool(b, spec);
            assert_eq!(got.as_deref().map_err(String::as_str), want, "format({b}, {spec:?})");
        }
    }
}
