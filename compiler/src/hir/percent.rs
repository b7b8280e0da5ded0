//! printf-style format strings (`"%-10s|%5.2f" % (name, x)`) parsed into
//! literal text and fields, each field said in f-string terms: a format spec
//! of the format-spec mini-language and a conversion letter. HIR lowering
//! (`lower.rs`) turns them into f-string parts, so `%` formatting needs no
//! machinery of its own after HIR.

use rustpython_parser::ast;

use crate::diagnostics::plural;

/// A piece of a format spec: text, or a `*` width/precision taken from the
/// next argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecPiece {
    Text(String),
    /// A `*` precision.
    Star,
    /// A `*` width with the spec text before it (alignment and flags): a
    /// negative width left-aligns, which changes that text, so the two are
    /// rendered together.
    StarWidth(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Lit(String),
    Field {
        /// `%(key)s`: the value is `rhs[key]` of a mapping.
        key: Option<String>,
        spec: Vec<SpecPiece>,
        /// The conversion letter; `%i` and `%u` are `d`.
        code: char,
    },
}

/// Why a format string is rejected.
#[derive(Debug, PartialEq, Eq)]
pub enum Error {
    /// CPython's error for this string (a ValueError at run time there).
    Python(String),
    /// Valid Python that bodoc does not compile: what, and what to write.
    Unsupported(&'static str, &'static str),
}

/// The pieces of `fmt`, with CPython's error messages for malformed strings.
pub fn parse(fmt: &str) -> Result<Vec<Piece>, Error> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            lit.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        let incomplete = || Error::Python("incomplete format".into());
        if chars.get(i) == Some(&'%') {
            lit.push('%');
            i += 1;
            continue;
        }
        let key = if chars.get(i) == Some(&'(') {
            // Keys may hold nested parentheses, as in CPython.
            let (start, mut depth) = (i + 1, 1);
            while depth > 0 {
                i += 1;
                match chars.get(i) {
                    Some('(') => depth += 1,
                    Some(')') => depth -= 1,
                    Some(_) => {}
                    None => return Err(Error::Python("incomplete format key".into())),
                }
            }
            i += 1;
            Some(chars[start..i - 1].iter().collect::<String>())
        } else {
            None
        };
        let mut flags = Flags::default();
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let width = number_or_star(&chars, &mut i);
        let precision = if chars.get(i) == Some(&'.') {
            i += 1;
            // `%.f` is precision 0, as in C.
            Some(number_or_star(&chars, &mut i).unwrap_or_else(|| SpecPiece::Text("0".into())))
        } else {
            None
        };
        // Length modifiers are accepted and ignored, as CPython does.
        while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&code) = chars.get(i) else { return Err(incomplete()) };
        let at = i;
        i += 1;
        let code = match code {
            'i' | 'u' => 'd',
            'd' | 's' | 'r' | 'a' | 'c' | 'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' => code,
            '%' => return Err(Error::Unsupported("a `%` conversion with flags or a width", "write `%%`")),
            c => {
                return Err(Error::Python(format!(
                    "unsupported format character '{c}' (0x{:x}) at index {at}",
                    c as u32
                )))
            }
        };
        if !lit.is_empty() {
            pieces.push(Piece::Lit(std::mem::take(&mut lit)));
        }
        let spec = field_spec(code, &flags, width, precision)?;
        pieces.push(Piece::Field { key, spec, code });
    }
    if !lit.is_empty() {
        pieces.push(Piece::Lit(lit));
    }
    Ok(pieces)
}

/// The value `rhs`, a dict display of string-literal keys (no `**`), gives
/// `key` (its last entry for it, as a dict keeps the last); `None` otherwise.
pub fn display_value<'e>(rhs: &'e ast::Expr, key: &str) -> Option<&'e ast::Expr> {
    let ast::Expr::Dict(d) = rhs else { return None };
    let mut found = None;
    for (k, v) in d.keys.iter().zip(&d.values) {
        match k {
            Some(ast::Expr::Constant(c)) if matches!(&c.value, ast::Constant::Str(s) if s == key) => found = Some(v),
            Some(ast::Expr::Constant(c)) if matches!(c.value, ast::Constant::Str(_)) => {}
            _ => return None,
        }
    }
    found
}

/// Whether `"%(a)s %(b)s" % rhs` with these keys may read `rhs`, a dict
/// display, value by value: every key has a literal entry, and a value
/// used by two fields is a name or a constant (so reading it twice is
/// reading it once).
pub fn keyed_display<'k>(rhs: &ast::Expr, keys: impl Iterator<Item = &'k str>) -> bool {
    let keys: Vec<&str> = keys.collect();
    keys.iter().all(|k| match display_value(rhs, k) {
        Some(v) => {
            keys.iter().filter(|x| *x == k).count() == 1 || matches!(v, ast::Expr::Name(_) | ast::Expr::Constant(_))
        }
        None => false,
    })
}

/// CPython's TypeError message when `given` arguments meet `needed` fields
/// (stars included), and a label saying the counts.
pub fn count_error(needed: usize, given: usize) -> (&'static str, String) {
    let msg = if given < needed {
        "not enough arguments for format string"
    } else {
        "not all arguments converted during string formatting"
    };
    (msg, format!("{given} value{} for {needed} field{}", plural(given), plural(needed)))
}

#[derive(Default)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

fn number_or_star(chars: &[char], i: &mut usize) -> Option<SpecPiece> {
    if chars.get(*i) == Some(&'*') {
        *i += 1;
        return Some(SpecPiece::Star);
    }
    let start = *i;
    while chars.get(*i).is_some_and(|c| c.is_ascii_digit()) {
        *i += 1;
    }
    (*i > start).then(|| SpecPiece::Text(chars[start..*i].iter().collect()))
}

/// The format spec that formats a field as printf would.
fn field_spec(
    code: char,
    flags: &Flags,
    width: Option<SpecPiece>,
    precision: Option<SpecPiece>,
) -> Result<Vec<SpecPiece>, Error> {
    let mut text = String::new();
    let texty = matches!(code, 's' | 'r' | 'a' | 'c');
    // printf pads on the left unless `-`; str's format default is the
    // other way, so text fields always say where they align.
    if flags.left {
        text.push('<');
    } else if texty && width.is_some() {
        text.push('>');
    }
    if !texty {
        if flags.plus {
            text.push('+');
        } else if flags.space {
            text.push(' ');
        }
        if flags.alt {
            text.push('#');
        }
        if flags.zero && !flags.left {
            text.push('0');
        }
    }
    let mut spec = match width {
        Some(SpecPiece::Star) => vec![SpecPiece::StarWidth(text)],
        width => std::iter::once(SpecPiece::Text(text)).chain(width).collect(),
    };
    if let Some(p) = precision {
        match code {
            'd' | 'x' | 'X' | 'o' => {
                return Err(Error::Unsupported(
                    "a precision on an integer conversion (`%.3d`)",
                    "pad with zeros through the width instead: `%03d`",
                ))
            }
            // `%c` ignores a precision.
            'c' => {}
            _ => {
                spec.push(SpecPiece::Text(".".into()));
                spec.push(p);
            }
        }
    }
    if !texty {
        spec.push(SpecPiece::Text(code.to_string()));
    }
    // Adjacent text pieces merged, empty ones dropped.
    let mut merged: Vec<SpecPiece> = Vec::new();
    for p in spec {
        match (merged.last_mut(), p) {
            (_, SpecPiece::Text(t)) if t.is_empty() => {}
            (Some(SpecPiece::Text(a)), SpecPiece::Text(b)) => a.push_str(&b),
            (_, p) => merged.push(p),
        }
    }
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs(fmt: &str) -> Vec<String> {
        parse(fmt)
            .unwrap()
            .into_iter()
            .map(|p| match p {
                Piece::Lit(t) => format!("lit {t}"),
                Piece::Field { key, spec, code } => {
                    let spec: String = spec
                        .iter()
                        .map(|s| match s {
                            SpecPiece::Text(t) => t.clone(),
                            SpecPiece::Star => "*".into(),
                            SpecPiece::StarWidth(t) => format!("{t}*"),
                        })
                        .collect();
                    format!("{}{code} [{spec}]", key.map(|k| format!("({k})")).unwrap_or_default())
                }
            })
            .collect()
    }

    #[test]
    fn fields_become_format_specs() {
        assert_eq!(specs("%d items, %.2f%%"), ["d [d]", "lit  items, ", "f [.2f]", "lit %"]);
        assert_eq!(specs("[%5d|%-10s|%05.1f]"), ["lit [", "d [5d]", "lit |", "s [<10]", "lit |", "f [05.1f]", "lit ]"]);
        assert_eq!(
            specs("%+i %#x %-05d % e %10.3s %*.*f"),
            [
                "d [+d]",
                "lit  ",
                "x [#x]",
                "lit  ",
                "d [<5d]",
                "lit  ",
                "e [ e]",
                "lit  ",
                "s [>10.3]",
                "lit  ",
                "f [*.*f]"
            ]
        );
        assert_eq!(
            specs("%(name)s=%(v)5.1f %ld %.f %05s"),
            ["(name)s []", "lit =", "(v)f [5.1f]", "lit  ", "d [d]", "lit  ", "f [.0f]", "lit  ", "s [>5]"]
        );
        // A `*` width keeps the alignment and flags before it.
        assert_eq!(specs("%-*d|%+0*d|%*s"), ["d [<*d]", "lit |", "d [+0*d]", "lit |", "s [>*]"]);
    }

    #[test]
    fn malformed_strings_get_cpython_messages() {
        let err = |f: &str| match parse(f) {
            Err(Error::Python(m)) => m,
            other => panic!("{other:?}"),
        };
        assert_eq!(err("50%"), "incomplete format");
        assert_eq!(err("%(x"), "incomplete format key");
        assert_eq!(err("é %y"), "unsupported format character 'y' (0x79) at index 3");
        assert!(matches!(parse("%.3d"), Err(Error::Unsupported(..))));
    }
}
