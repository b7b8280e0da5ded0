//! Character classes and case rules of `str` methods that Rust's `char`
//! predicates do not give directly: decimal digits (`isdecimal`), titlecase
//! words (`istitle`) and full case folding (`casefold`).

use std::borrow::Cow;

/// First code points of the runs of Unicode decimal digits (category Nd),
/// each ten long except the mathematical digits (five styles of ten).
const DECIMAL_RUNS: &[(u32, u32)] = &[
    (0x30, 10),
    (0x660, 10),
    (0x6F0, 10),
    (0x7C0, 10),
    (0x966, 10),
    (0x9E6, 10),
    (0xA66, 10),
    (0xAE6, 10),
    (0xB66, 10),
    (0xBE6, 10),
    (0xC66, 10),
    (0xCE6, 10),
    (0xD66, 10),
    (0xDE6, 10),
    (0xE50, 10),
    (0xED0, 10),
    (0xF20, 10),
    (0x1040, 10),
    (0x1090, 10),
    (0x17E0, 10),
    (0x1810, 10),
    (0x1946, 10),
    (0x19D0, 10),
    (0x1A80, 10),
    (0x1A90, 10),
    (0x1B50, 10),
    (0x1BB0, 10),
    (0x1C40, 10),
    (0x1C50, 10),
    (0xA620, 10),
    (0xA8D0, 10),
    (0xA900, 10),
    (0xA9D0, 10),
    (0xA9F0, 10),
    (0xAA50, 10),
    (0xABF0, 10),
    (0xFF10, 10),
    (0x104A0, 10),
    (0x10D30, 10),
    (0x11066, 10),
    (0x110F0, 10),
    (0x11136, 10),
    (0x111D0, 10),
    (0x112F0, 10),
    (0x11450, 10),
    (0x114D0, 10),
    (0x11650, 10),
    (0x116C0, 10),
    (0x11730, 10),
    (0x118E0, 10),
    (0x11950, 10),
    (0x11C50, 10),
    (0x11D50, 10),
    (0x11DA0, 10),
    (0x11F50, 10),
    (0x16A60, 10),
    (0x16AC0, 10),
    (0x16B50, 10),
    (0x1D7CE, 50),
    (0x1E140, 10),
    (0x1E2F0, 10),
    (0x1E4F0, 10),
    (0x1E950, 10),
    (0x1FBF0, 10),
];

/// `str.isdecimal()` of one character.
pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// The value of a decimal digit of any script.
fn decimal_value(c: char) -> Option<u32> {
    let n = c as u32;
    if n < 0x80 {
        return c.to_digit(10);
    }
    DECIMAL_RUNS.iter().find(|&&(start, len)| (start..start + len).contains(&n)).map(|&(start, _)| (n - start) % 10)
}

/// `s` with its decimal digits of other scripts as ASCII digits, as
/// `int()` and `float()` read numbers (`int("١٢")` is 12).
pub fn to_ascii_digits(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let digit = |c: char| decimal_value(c).and_then(|d| char::from_digit(d, 10));
    Cow::Owned(s.chars().map(|c| if c.is_ascii() { c } else { digit(c).unwrap_or(c) }).collect())
}

/// `str.istitle()`: some cased character, uppercase ones only at the start
/// of a word, lowercase ones only inside one.
pub fn is_title(s: &str) -> bool {
    let (mut cased, mut after_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() {
            if after_cased {
                return false;
            }
            (cased, after_cased) = (true, true);
        } else if c.is_lowercase() {
            if !after_cased {
                return false;
            }
            (cased, after_cased) = (true, true);
        } else {
            after_cased = false;
        }
    }
    cased
}

/// `str.casefold()`: lowercase, with the full case foldings that differ from
/// it for the characters text commonly holds (sharp s, final sigma, the long
/// s, Greek symbol variants, Latin ligatures).
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let folded = match c {
            'ß' | 'ẞ' => "ss",
            'ς' => "σ",
            'ſ' => "s",
            'µ' => "μ",
            '\u{345}' | 'ι' => "ι",
            'ϐ' => "β",
            'ϑ' => "θ",
            'ϕ' => "φ",
            'ϖ' => "π",
            'ϰ' => "κ",
            'ϱ' => "ρ",
            'ϵ' => "ε",
            'ẛ' => "ṡ",
            'ŉ' => "ʼn",
            'և' => "եւ",
            'ﬀ' => "ff",
            'ﬁ' => "fi",
            'ﬂ' => "fl",
            'ﬃ' => "ffi",
            'ﬄ' => "ffl",
            'ﬅ' | 'ﬆ' => "st",
            c => {
                out.extend(c.to_lowercase());
                continue;
            }
        };
        out.push_str(folded);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_match_cpython() {
        assert!("0123456789".chars().all(is_decimal));
        assert!("٣੪０𝟗".chars().all(is_decimal));
        assert!(!"²½ⅷa".chars().any(is_decimal));
        assert_eq!(to_ascii_digits(" ١٢.٥ ０9𝟗"), " 12.5 099");
        for (s, want) in [("Hello World", true), ("Hello world", false), ("HELLO", false), ("A1 B2", true), ("", false)]
        {
            assert_eq!(is_title(s), want, "{s:?}");
        }
        assert_eq!(casefold("Straße ΣΑΣ ﬁne"), "strasse σασ fine");
    }
}
