//! The output comparison rule of `shared/oracle/compare.py`, reimplemented:
//! lines in order (trailing whitespace and trailing blank lines ignored),
//! whitespace-separated tokens, and numeric tokens equal within a relative
//! tolerance of 1e-9.

/// `None` when `actual` agrees with `expected`, else the first difference.
pub fn agree(expected: &str, actual: &str) -> Option<String> {
    let (e, a) = (lines(expected), lines(actual));
    for i in 0..e.len().max(a.len()) {
        let le = e.get(i).copied().unwrap_or("<missing line>");
        let la = a.get(i).copied().unwrap_or("<missing line>");
        let (te, ta): (Vec<&str>, Vec<&str>) = (le.split_whitespace().collect(), la.split_whitespace().collect());
        if te.len() != ta.len() || !te.iter().zip(&ta).all(|(x, y)| tokens_agree(x, y)) {
            return Some(format!("line {}: expected {le:?}, got {la:?}", i + 1));
        }
    }
    None
}

/// The lines of `text` as Python's `str.splitlines` cuts them, right-stripped,
/// without trailing blank lines.
pub fn lines(text: &str) -> Vec<&str> {
    const BREAKS: &[char] = &['\n', '\r', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\u{85}', '\u{2028}', '\u{2029}'];
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (line, next) = match rest.find(BREAKS) {
            Some(i) if rest[i..].starts_with("\r\n") => (&rest[..i], &rest[i + 2..]),
            Some(i) => {
                let width = rest[i..].chars().next().map_or(1, char::len_utf8);
                (&rest[..i], &rest[i + width..])
            }
            None => (rest, ""),
        };
        out.push(line.trim_end());
        rest = next;
    }
    while out.last() == Some(&"") {
        out.pop();
    }
    out
}

fn tokens_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (Some((pa, x, sa)), Some((pb, y, sb))) = (number(a), number(b)) else {
        return false;
    };
    if pa != pb || sa != sb {
        return false;
    }
    if x.is_nan() || y.is_nan() {
        return x.is_nan() && y.is_nan();
    }
    if x.is_infinite() || y.is_infinite() {
        return x == y;
    }
    (x - y).abs() <= 1e-9 * 1f64.max(x.abs()).max(y.abs())
}

/// Splits a token into opening brackets, number and closing brackets/comma,
/// as compare.py's `_NUM` pattern does; `None` when it is not a number.
fn number(tok: &str) -> Option<(&str, f64, &str)> {
    let body_start = tok.find(|c| c != '[' && c != '(').unwrap_or(tok.len());
    let (prefix, rest) = tok.split_at(body_start);
    let body_end = rest.trim_end_matches([']', ')', ',']).len();
    let (body, suffix) = rest.split_at(body_end);
    if !is_number_literal(body) {
        return None;
    }
    body.parse::<f64>().ok().map(|v| (prefix, v, suffix))
}

/// `[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|nan|inf|NaN)`
fn is_number_literal(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    if matches!(s, "nan" | "inf" | "NaN") {
        return true;
    }
    let digits = |t: &str| t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let int_len = digits(s);
    let mut rest = &s[int_len..];
    let mut frac_len = 0;
    if let Some(after_dot) = rest.strip_prefix('.') {
        frac_len = digits(after_dot);
        rest = &after_dot[frac_len..];
    }
    if int_len == 0 && frac_len == 0 {
        return false;
    }
    if let Some(exp) = rest.strip_prefix(['e', 'E']) {
        let exp = exp.strip_prefix(['-', '+']).unwrap_or(exp);
        let exp_len = digits(exp);
        return exp_len > 0 && exp_len == exp.len();
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::{agree, lines, tokens_agree};

    #[test]
    fn identical_and_whitespace_insensitive() {
        assert_eq!(agree("a  b\nc\n", "a b   \nc\n\n\n"), None);
        assert_eq!(agree("   x   1.5", "x 1.5"), None);
        assert_eq!(agree("", "\n\n"), None);
    }

    #[test]
    fn reports_first_difference() {
        assert_eq!(agree("a\nb\n", "a\nc\n").as_deref(), Some("line 2: expected \"b\", got \"c\""));
        assert_eq!(agree("a\nb", "a").as_deref(), Some("line 2: expected \"b\", got \"<missing line>\""));
        assert_eq!(agree("a", "a\nextra").as_deref(), Some("line 2: expected \"<missing line>\", got \"extra\""));
        assert!(agree("a b", "a b c").is_some());
    }

    #[test]
    fn numbers_within_tolerance() {
        assert!(tokens_agree("0.30000000000000004", "0.3"));
        assert!(tokens_agree("1e+16", "10000000000000000.0"));
        assert!(tokens_agree("[1.0000000001,", "[1.0,"));
        assert!(tokens_agree("(3", "(3.0"));
        assert!(tokens_agree("12345678901.5", "12345678901.50001"));
        assert!(!tokens_agree("1.001", "1.0"));
        assert!(!tokens_agree("[1.0", "1.0"));
        assert!(!tokens_agree("1.0]", "1.0),"));
        assert!(!tokens_agree("1", "one"));
    }

    #[test]
    fn special_values() {
        assert!(tokens_agree("nan", "NaN"));
        assert!(tokens_agree("-inf", "-inf"));
        assert!(!tokens_agree("inf", "-inf"));
        assert!(!tokens_agree("nan", "0.0"));
        assert!(!tokens_agree("inf", "1e308"));
        assert!(!tokens_agree("Inf", "inf"));
        assert!(!tokens_agree("NAN", "nan"));
    }

    #[test]
    fn number_grammar() {
        assert!(tokens_agree(".5", "0.5"));
        assert!(tokens_agree("5.", "5"));
        assert!(tokens_agree("+2", "2"));
        assert!(tokens_agree("1e-05", "0.00001"));
        assert!(!tokens_agree("1e", "1"));
        assert!(!tokens_agree("0x10", "16"));
        assert!(!tokens_agree("1_000", "1000"));
        assert!(!tokens_agree(".", "0"));
        assert!(!tokens_agree("infinity", "inf"));
    }

    #[test]
    fn python_line_breaks() {
        assert_eq!(lines("a\r\nb\rc\x0cd\u{2028}e  \n\n"), vec!["a", "b", "c", "d", "e"]);
        assert_eq!(lines("x\n\ny"), vec!["x", "", "y"]);
    }
}
