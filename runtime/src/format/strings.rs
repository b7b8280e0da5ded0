//! `repr()` and `format()` of strings, ports of CPython's `unicode_repr`
//! and `format_string_internal`.

use super::layout;
use super::printable::is_printable;
use super::spec::{self, SpecText};

/// `repr(s)`: quotes included, escapes as CPython chooses them.
pub(super) fn repr(s: &str) -> String {
    // Double quotes only when they avoid escaping a single quote.
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if !c.is_ascii() && is_printable(c) => out.push(c),
            c => push_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// `ascii()` of a value from its `repr()`: every non-ASCII character escaped.
pub(super) fn ascii(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

/// The shortest of \xNN, \uNNNN, \UNNNNNNNN that holds `c`.
fn push_escape(out: &mut String, c: char) {
    use std::fmt::Write;
    let n = c as u32;
    let _ = if n <= 0xff {
        write!(out, "\\x{n:02x}")
    } else if n <= 0xffff {
        write!(out, "\\u{n:04x}")
    } else {
        write!(out, "\\U{n:08x}")
    };
}

/// Appends `format(s, spec)`.
pub(super) fn write(out: &mut String, s: &str, spec: SpecText) -> Result<(), String> {
    let spec = spec::parse(spec, "str", Some('s'), '<')?;
    if spec.ty != Some('s') {
        return Err(spec::unknown_type(spec.ty, "str"));
    }
    match spec.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".into()),
        Some(_) => return Err("Sign not allowed in string format specifier".into()),
        None => {}
    }
    if spec.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if spec.align == '=' {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    // The precision truncates, counting characters.
    let s = match spec.precision.and_then(|p| s.char_indices().nth(p)) {
        Some((cut, _)) => &s[..cut],
        None => s,
    };
    layout::pad(out, &spec, s);
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::format::{ascii, format_str, str_repr};

    /// (value, spec, format(value, spec) in CPython 3.11)
    const FORMATS: &[(&str, &str, Result<&str, &str>)] = &[
        ("", "", Ok("")),
        ("", "s", Ok("")),
        ("", "5", Ok("     ")),
        ("", "<6", Ok("      ")),
        ("", ">6", Ok("      ")),
        ("", "^7", Ok("       ")),
        ("", "*^8", Ok("********")),
        ("", ".2", Ok("")),
        ("", "8.1s", Ok("        ")),
        ("", "05", Ok("00000")),
        ("", "0>5", Ok("00000")),
        ("", "é^9", Ok("ééééééééé")),
        ("", "=5", Err("'=' alignment not allowed in string format specifier")),
        ("", "+", Err("Sign not allowed in string format specifier")),
        ("", " ", Err("Space not allowed in string format specifier")),
        ("", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("", ",", Err("Cannot specify ',' with 's'.")),
        ("", "_", Err("Cannot specify '_' with 's'.")),
        ("ok", "", Ok("ok")),
        ("ok", "s", Ok("ok")),
        ("ok", "5", Ok("ok   ")),
        ("ok", "<6", Ok("ok    ")),
        ("ok", ">6", Ok("    ok")),
        ("ok", "^7", Ok("  ok   ")),
        ("ok", "*^8", Ok("***ok***")),
        ("ok", ".2", Ok("ok")),
        ("ok", "8.1s", Ok("o       ")),
        ("ok", "05", Ok("ok000")),
        ("ok", "0>5", Ok("000ok")),
        ("ok", "é^9", Ok("éééokéééé")),
        ("ok", "=5", Err("'=' alignment not allowed in string format specifier")),
        ("ok", "+", Err("Sign not allowed in string format specifier")),
        ("ok", " ", Err("Space not allowed in string format specifier")),
        ("ok", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("ok", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("ok", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("ok", ",", Err("Cannot specify ',' with 's'.")),
        ("ok", "_", Err("Cannot specify '_' with 's'.")),
        ("héllo", "", Ok("héllo")),
        ("héllo", "s", Ok("héllo")),
        ("héllo", "5", Ok("héllo")),
        ("héllo", "<6", Ok("héllo ")),
        ("héllo", ">6", Ok(" héllo")),
        ("héllo", "^7", Ok(" héllo ")),
        ("héllo", "*^8", Ok("*héllo**")),
        ("héllo", ".2", Ok("hé")),
        ("héllo", "8.1s", Ok("h       ")),
        ("héllo", "05", Ok("héllo")),
        ("héllo", "0>5", Ok("héllo")),
        ("héllo", "é^9", Ok("ééhélloéé")),
        ("héllo", "=5", Err("'=' alignment not allowed in string format specifier")),
        ("héllo", "+", Err("Sign not allowed in string format specifier")),
        ("héllo", " ", Err("Space not allowed in string format specifier")),
        ("héllo", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("héllo", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("héllo", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("héllo", ",", Err("Cannot specify ',' with 's'.")),
        ("héllo", "_", Err("Cannot specify '_' with 's'.")),
        ("日本語", "", Ok("日本語")),
        ("日本語", "s", Ok("日本語")),
        ("日本語", "5", Ok("日本語  ")),
        ("日本語", "<6", Ok("日本語   ")),
        ("日本語", ">6", Ok("   日本語")),
        ("日本語", "^7", Ok("  日本語  ")),
        ("日本語", "*^8", Ok("**日本語***")),
        ("日本語", ".2", Ok("日本")),
        ("日本語", "8.1s", Ok("日       ")),
        ("日本語", "05", Ok("日本語00")),
        ("日本語", "0>5", Ok("00日本語")),
        ("日本語", "é^9", Ok("ééé日本語ééé")),
        ("日本語", "=5", Err("'=' alignment not allowed in string format specifier")),
        ("日本語", "+", Err("Sign not allowed in string format specifier")),
        ("日本語", " ", Err("Space not allowed in string format specifier")),
        ("日本語", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("日本語", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("日本語", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("日本語", ",", Err("Cannot specify ',' with 's'.")),
        ("日本語", "_", Err("Cannot specify '_' with 's'.")),
    ];

    /// (value, repr(value) in CPython 3.11)
    const REPRS: &[(&str, &str)] = &[
        ("", "''"),
        ("abc", "'abc'"),
        ("it's", "\"it's\""),
        ("say \"hi\"", "'say \"hi\"'"),
        ("both ' and \"", "'both \\' and \"'"),
        ("back\\slash", "'back\\\\slash'"),
        ("tab\tnl\ncr\r", "'tab\\tnl\\ncr\\r'"),
        ("\x00\x1f\x7f\u{80}\u{9f}\u{a0}\u{ad}", "'\\x00\\x1f\\x7f\\x80\\x9f\\xa0\\xad'"),
        ("héllo 日本語", "'héllo 日本語'"),
        ("\u{2028}\u{200b}\u{feff}", "'\\u2028\\u200b\\ufeff'"),
        ("\u{1f600}\u{e0001}\u{10ffff}", "'\u{1f600}\\U000e0001\\U0010ffff'"),
        ("\u{378}", "'\\u0378'"),
    ];

    #[test]
    fn formats() {
        for &(s, spec, want) in FORMATS {
            let got = format_str(s, spec);
            assert_eq!(got.as_deref().map_err(String::as_str), want, "format({s:?}, {spec:?})");
        }
    }

    #[test]
    fn reprs() {
        for &(s, want) in REPRS {
            assert_eq!(str_repr(s), want, "repr({s:?})");
        }
    }

    #[test]
    fn asciis() {
        // ascii() in CPython 3.11 of the str, from its repr.
        assert_eq!(ascii(&str_repr("héllo 日本語 \u{1f600}")), "'h\\xe9llo \\u65e5\\u672c\\u8a9e \\U0001f600'");
        assert_eq!(ascii("['é', 1]"), "['\\xe9', 1]");
    }
}
