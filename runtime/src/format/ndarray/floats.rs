//! float64 elements the way NumPy's `FloatingFormat` prints them with
//! `precision=8, floatmode='maxprec', suppress=False`: each value with the
//! fewest digits that round-trip but at most 8 after the point, all of them
//! aligned on the point, switching to scientific notation for wide ranges.
//!
//! NumPy gets its digits from Dragon4; the same strings come from CPython's
//! digit generation in `dtoa.rs`: Dragon4's "unique, cut off at N digits"
//! is the shortest round-trip string when that has at most N digits (both
//! pick the candidate nearest the value), and otherwise the value rounded
//! half-to-even at digit N, which is what fixed-precision formatting gives.

use crate::format::dtoa::{double_to_string, Flags};

/// `precision` print option: digits after the point (positional) or after
/// the first digit (scientific).
const PRECISION: usize = 8;

/// A finite float as sign and decimal digits: |x| = 0.DIGITS * 10^decpt,
/// `digits` without leading or trailing zeros, or `"0"` for zero.
struct Decimal {
    negative: bool,
    digits: String,
    decpt: i32,
}

impl Decimal {
    /// Parses the `double_to_string` output for `|x|` (`123.45`, `1e-05`,
    /// `1.5e+20`, `0.00`...).
    fn parse(negative: bool, text: &str) -> Decimal {
        let (mantissa, exp) = match text.split_once('e') {
            Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
            None => (text, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all = format!("{int}{frac}");
        let significant = all.trim_start_matches('0');
        let leading = (all.len() - significant.len()) as i32;
        let digits = significant.trim_end_matches('0');
        if digits.is_empty() {
            return Decimal { negative, digits: "0".into(), decpt: 1 };
        }
        Decimal { negative, digits: digits.into(), decpt: int.len() as i32 + exp - leading }
    }

    /// Shortest round-trip digits of the finite `x`.
    fn shortest(x: f64) -> Decimal {
        Decimal::parse(x.is_sign_negative(), &double_to_string(x.abs(), 'r', 0, Flags::default()))
    }

    /// Dragon4's positional digits: at most `PRECISION` after the point.
    fn positional(x: f64) -> Decimal {
        let d = Decimal::shortest(x);
        if d.digits.len() as i32 - d.decpt <= PRECISION as i32 {
            return d;
        }
        Decimal::parse(d.negative, &double_to_string(x.abs(), 'f', PRECISION, Flags::default()))
    }

    /// Dragon4's scientific digits: at most `PRECISION + 1` significant.
    fn scientific(x: f64) -> Decimal {
        let d = Decimal::shortest(x);
        if d.digits.len() <= PRECISION + 1 {
            return d;
        }
        Decimal::rounded(x, PRECISION)
    }

    /// `x` correctly rounded to `precision + 1` significant digits.
    fn rounded(x: f64, precision: usize) -> Decimal {
        Decimal::parse(x.is_sign_negative(), &double_to_string(x.abs(), 'e', precision, Flags::default()))
    }

    fn sign(&self) -> &'static str {
        if self.negative {
            "-"
        } else {
            ""
        }
    }

    /// Positional integer part (with sign) and fraction digits.
    fn positional_parts(&self) -> (String, String) {
        let n = self.digits.len() as i32;
        let (int, frac) = if self.decpt <= 0 {
            ("0".to_string(), format!("{}{}", "0".repeat(self.decpt.unsigned_abs() as usize), self.digits))
        } else if self.decpt >= n {
            (format!("{}{}", self.digits, "0".repeat((self.decpt - n) as usize)), String::new())
        } else {
            let (int, frac) = self.digits.split_at(self.decpt as usize);
            (int.to_string(), frac.to_string())
        };
        (format!("{}{int}", self.sign()), frac)
    }

    /// Scientific leading digit (with sign), fraction digits, and exponent.
    fn scientific_parts(&self) -> (String, String, i32) {
        let (first, frac) = self.digits.split_at(1);
        (format!("{}{first}", self.sign()), frac.to_string(), self.decpt - 1)
    }
}

/// Digits of a C-style exponent: at least two.
fn exponent_digits(exp: i32) -> usize {
    exp.unsigned_abs().to_string().len().max(2)
}

/// Formats `values` like `FloatingFormat(values)` then maps it over them.
pub(super) fn format(values: &[f64]) -> Vec<String> {
    let finite: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    let magnitudes = finite.iter().filter(|&&x| x != 0.0).map(|x| x.abs());
    let (min, max) = magnitudes.fold((f64::INFINITY, 0.0f64), |(lo, hi), a| (lo.min(a), hi.max(a)));
    // The 1e8 cutoff is `10**min(8, finfo(float64).precision)`; an overflowing
    // ratio is infinite and so still above 1e3.
    let exp_format = max > 0.0 && (max >= 1e8 || min < 1e-4 || max / min > 1e3);

    // `fillFormat`: pad_left/pad_right count the characters either side of
    // the point; in scientific mode everything right of it counts.
    let layout = if exp_format {
        let parts: Vec<(String, String, i32)> =
            finite.iter().map(|&x| Decimal::scientific(x).scientific_parts()).collect();
        let precision = parts.iter().map(|(_, frac, _)| frac.len()).max().unwrap_or(0);
        let exp_size = parts.iter().map(|&(_, _, exp)| exponent_digits(exp)).max().unwrap_or(2);
        let pad_left = parts.iter().map(|(int, _, _)| int.len()).max().unwrap_or(0);
        Layout::Scientific { precision, exp_size, pad_left }
    } else {
        let parts: Vec<Option<(String, String)>> =
            values.iter().map(|&x| x.is_finite().then(|| Decimal::positional(x).positional_parts())).collect();
        let pad_left = parts.iter().flatten().map(|(int, _)| int.len()).max().unwrap_or(0);
        let pad_right = parts.iter().flatten().map(|(_, frac)| frac.len()).max().unwrap_or(0);
        Layout::Positional { parts, pad_left, pad_right }
    };
    let (mut pad_left, pad_right) = match &layout {
        Layout::Scientific { precision, exp_size, pad_left } => (*pad_left, exp_size + 2 + precision),
        Layout::Positional { pad_left, pad_right, .. } => (*pad_left, *pad_right),
    };
    // Room for `nan`, `inf` and `-inf`, right-aligned in the whole column;
    // it widens the finite values too.
    if finite.len() != values.len() {
        let neg_inf = values.contains(&f64::NEG_INFINITY);
        pad_left = pad_left.max((3 + usize::from(neg_inf)).saturating_sub(pad_right + 1));
    }

    let texts: Vec<Option<String>> = match layout {
        // Every value gets `precision` digits after the point. Past its
        // round-trip digits Dragon4 goes on with the exact value's digits
        // (for subnormals those differ from padding with zeros: 5e-324 is
        // 4.94065646e-324), rounded at the last one: correct rounding.
        Layout::Scientific { precision, exp_size, .. } => values
            .iter()
            .map(|&x| {
                x.is_finite().then(|| {
                    let (int, frac, exp) = Decimal::rounded(x, precision).scientific_parts();
                    let sign = if exp < 0 { '-' } else { '+' };
                    let exp = exp.unsigned_abs();
                    format!("{int:>pad_left$}.{frac:0<precision$}e{sign}{exp:0>exp_size$}")
                })
            })
            .collect(),
        Layout::Positional { parts, .. } => {
            parts.into_iter().map(|p| p.map(|(int, frac)| format!("{int:>pad_left$}.{frac:<pad_right$}"))).collect()
        }
    };
    let width = pad_left + pad_right + 1;
    values
        .iter()
        .zip(texts)
        .map(|(&x, text)| {
            text.unwrap_or_else(|| {
                let word = if x.is_nan() {
                    "nan"
                } else if x < 0.0 {
                    "-inf"
                } else {
                    "inf"
                };
                format!("{word:>width$}")
            })
        })
        .collect()
}

/// What `fillFormat` measured.
enum Layout {
    /// Digits after the point, exponent digits, characters before the point.
    Scientific { precision: usize, exp_size: usize, pad_left: usize },
    /// Sign and integer digits, fraction digits.
    Positional { parts: Vec<Option<(String, String)>>, pad_left: usize, pad_right: usize },
}
