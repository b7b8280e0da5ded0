//! One field's value as pandas 2.3 reads it: its default missing-value
//! markers, integers and floats (surrounding spaces allowed), booleans
//! (`True`/`TRUE`/`true` and the `False`s), and the ISO dates that
//! `parse_dates` turns into nanoseconds since the epoch.

/// pandas' default `na_values`: fields that read as missing.
const NA: &[&str] = &[
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA",
    "NULL", "NaN", "None", "n/a", "nan", "null",
];

/// NaT, a missing datetime, as the runtime stores it.
pub const NAT: i64 = i64::MIN;

pub fn is_na(f: &[u8]) -> bool {
    NA.iter().any(|na| na.as_bytes() == f)
}

fn trimmed(f: &[u8]) -> Option<&str> {
    std::str::from_utf8(f).ok().map(|s| s.trim_matches(' '))
}

/// An integer field: optional sign and decimal digits; None when it is not
/// one or does not fit in int64.
pub fn parse_int(f: &[u8]) -> Option<i64> {
    let s = trimmed(f)?;
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.strip_prefix('+').unwrap_or(s).parse().ok()
}

/// Whether `f` is an integer too large for int64 (pandas reads such a
/// column as uint64 or object, which bodoc does not have).
pub fn is_big_int(f: &[u8]) -> bool {
    parse_int(f).is_none()
        && trimmed(f).is_some_and(|s| {
            let d = s.strip_prefix(['+', '-']).unwrap_or(s);
            !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit())
        })
}

/// A float field, correctly rounded (what pandas' parser gives for the up
/// to 17 significant digits that round-trip a float64): decimal or
/// exponent notation, `inf`/`infinity` in any case with a sign.
pub fn parse_float(f: &[u8]) -> Option<f64> {
    let s = trimmed(f)?;
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let word = body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity");
    // Rust also reads "nan" and "1_0"-free forms pandas does not; only digits,
    // one point and an exponent get through.
    let numeric = !body.is_empty()
        && body.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
        && body.bytes().any(|c| c.is_ascii_digit());
    if !(word || numeric) {
        return None;
    }
    s.parse().ok()
}

/// A boolean field: pandas' default true and false values.
pub fn parse_bool(f: &[u8]) -> Option<bool> {
    match f {
        b"True" | b"TRUE" | b"true" => Some(true),
        b"False" | b"FALSE" | b"false" => Some(false),
        _ => None,
    }
}

/// An ISO date or date-time (`2024-01-31`, `2024-01-31 05:17`,
/// `2024-01-31T05:17:00.25`) as nanoseconds since the epoch.
pub fn parse_datetime(f: &[u8]) -> Option<i64> {
    let s = trimmed(f)?;
    let (date, time) = match s.find([' ', 'T']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut d = date.split('-');
    let (y, m, day) = (num(d.next()?, 4)?, num(d.next()?, 2)?, num(d.next()?, 2)?);
    if d.next().is_some() || !(1..=12).contains(&m) || day < 1 || day > days_in_month(y, m) {
        return None;
    }
    let mut ns = 0i64;
    if let Some(t) = time {
        let (hms, frac) = match t.split_once('.') {
            Some((a, b)) => (a, Some(b)),
            None => (t, None),
        };
        let mut parts = hms.split(':');
        let h = num(parts.next()?, 2)?;
        let mi = num(parts.next()?, 2)?;
        let sec = match parts.next() {
            Some(x) => num(x, 2)?,
            None if frac.is_none() => 0,
            None => return None,
        };
        if parts.next().is_some() || h > 23 || mi > 59 || sec > 59 {
            return None;
        }
        ns = ((h * 60 + mi) * 60 + sec) * 1_000_000_000;
        if let Some(fr) = frac {
            if fr.is_empty() || fr.len() > 9 || !fr.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            ns += fr.parse::<i64>().ok()? * 10i64.pow(9 - fr.len() as u32);
        }
    }
    days_from_civil(y, m, day).checked_mul(86_400_000_000_000)?.checked_add(ns)
}

/// Exactly `width` decimal digits.
fn num(s: &str, width: usize) -> Option<i64> {
    (s.len() == width && s.bytes().all(|c| c.is_ascii_digit())).then(|| s.parse().ok())?
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_int(b" 007"), Some(7));
        assert_eq!(parse_int(b"+5"), Some(5));
        assert_eq!(parse_int(b"-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_int(b"9223372036854775808"), None);
        assert!(is_big_int(b"9223372036854775808"));
        assert_eq!(parse_int(b"1.0"), None);
        assert_eq!(parse_float(b"1e3"), Some(1000.0));
        assert_eq!(parse_float(b"-Infinity"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float(b"0.1"), Some(0.1));
        assert_eq!(parse_float(b"abc"), None);
        assert_eq!(parse_float(b"nan"), None);
        assert!(is_na(b"NA") && is_na(b"") && !is_na(b" "));
        assert_eq!(parse_bool(b"TRUE"), Some(true));
        assert_eq!(parse_bool(b"yes"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_datetime(b"1970-01-02"), Some(86_400_000_000_000));
        assert_eq!(parse_datetime(b"2024-01-08 05:17:00"), Some(1_704_691_020_000_000_000));
        assert_eq!(parse_datetime(b"2024-01-08T05:17"), Some(1_704_691_020_000_000_000));
        assert_eq!(parse_datetime(b"1969-12-31 23:59:59.5"), Some(-500_000_000));
        assert_eq!(parse_datetime(b"2023-02-29"), None);
        assert_eq!(parse_datetime(b"01/02/2024"), None);
    }
}
