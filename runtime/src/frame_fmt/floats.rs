//! float64 cells as pandas' `FloatArrayFormatter` prints them with
//! `display.precision=6`: every value with `{: .6f}`, then the trailing
//! zeros all values share dropped (down to one digit after the point);
//! the whole column switches to `{: .6e}` when a nonzero value is below
//! 1e-6 in magnitude, or one is above 1e6 and the fixed text is wider
//! than 12 characters. NaN is `NaN`; `inf`/`-inf` are Python's text.

use crate::format::{write_float, SpecText};

/// `display.precision`: digits after the point.
const DIGITS: usize = 6;

/// The formatted values (not yet padded). A column (`index == false`) writes
/// NaN as `NaN`; an index, justified left by pandas, as ` NaN`.
pub(super) fn format(values: &[f64], index: bool) -> Vec<String> {
    let fixed = with_spec(values, " .6f", index);
    let longest = fixed.iter().map(String::len).max().unwrap_or(0);
    let has_large = values.iter().any(|v| v.abs() > 1e6);
    let has_small = values.iter().any(|v| v.abs() < 1e-6 && v.abs() > 0.0);
    if has_small || (longest > DIGITS + 6 && has_large) {
        return with_spec(values, " .6e", index);
    }
    fixed
}

/// Each value formatted with `spec`, then `_trim_zeros_float`.
fn with_spec(values: &[f64], spec: &'static str, index: bool) -> Vec<String> {
    let na = if index { " NaN" } else { "NaN" };
    let mut texts: Vec<String> = values
        .iter()
        .map(|&v| {
            let mut s = String::new();
            if v.is_nan() {
                s.push_str(na);
            } else {
                write_float(&mut s, v, SpecText::constant(spec)).expect("a valid float spec");
            }
            s
        })
        .collect();
    trim_zeros(&mut texts);
    texts
}

/// `_trim_zeros_float`: while every plain decimal number (`^\s*[+-]?\d+\.\d*$`)
/// ends in 0, drop one character from each; then a bare point gets a `0`.
fn trim_zeros(texts: &mut [String]) {
    loop {
        let mut numbers = texts.iter().filter(|s| is_decimal(s)).peekable();
        if numbers.peek().is_none() || !numbers.all(|s| s.ends_with('0')) {
            break;
        }
        for s in texts.iter_mut().filter(|s| is_decimal(s)) {
            s.pop();
        }
    }
    for s in texts.iter_mut().filter(|s| is_decimal(s) && s.ends_with('.')) {
        s.push('0');
    }
}

/// Matches pandas' `^\s*[\+-]?[0-9]+\.[0-9]*$`.
fn is_decimal(s: &str) -> bool {
    let s = s.trim_start();
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let Some((int, frac)) = s.split_once('.') else { return false };
    !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()) && frac.bytes().all(|b| b.is_ascii_digit())
}
