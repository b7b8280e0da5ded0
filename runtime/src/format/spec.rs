//! Parser for the format-spec mini-language
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`,
//! a port of CPython 3.11's `parse_internal_render_format_spec`, including
//! its exact error messages.

/// Thousands separator and digits per group.
pub(super) type Grouping = Option<(char, usize)>;

/// A parsed format spec, with the per-type defaults already applied.
pub(super) struct Spec {
    pub fill: char,
    /// One of `<`, `>`, `^`, `=`.
    pub align: char,
    /// `Some('+')`, `Some(' ')`, `Some('-')` or `None` (same as `-`).
    pub sign: Option<char>,
    /// The `z` flag: turn negative zero results into positive zero.
    pub no_neg_zero: bool,
    /// The `#` flag.
    pub alternate: bool,
    pub width: Option<usize>,
    /// Thousands separator and group size (`_` groups by 4 in bin/oct/hex).
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The presentation type; `None` when neither given nor defaulted.
    pub ty: Option<char>,
}

/// `Unknown format code ...`, shared by every type's dispatcher.
pub(super) fn unknown_type(ty: Option<char>, type_name: &str) -> String {
    format!("Unknown format code {} for object of type '{type_name}'", code_text(ty))
}

/// CPython prints a type code with `%c` only when it is printable ASCII and
/// falls back to `\x%x` otherwise (the NUL "no type" code included).
fn code_text(ty: Option<char>) -> String {
    let c = ty.unwrap_or('\0');
    if c > ' ' && (c as u32) < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Cursor over the spec's characters (CPython indexes code points, so a
/// multi-byte fill character counts as one position).
struct Cursor {
    chars: Vec<char>,
    pos: usize,
}

impl Cursor {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.pos += 1;
        }
        hit
    }

    /// Consumes a run of decimal digits; `Ok(None)` when there is none.
    fn integer(&mut self) -> Result<Option<usize>, String> {
        let mut value: Option<usize> = None;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            // CPython's limit is PY_SSIZE_T_MAX, not usize::MAX.
            let next = value
                .unwrap_or(0)
                .checked_mul(10)
                .and_then(|v| v.checked_add(d as usize))
                .filter(|&v| v <= isize::MAX as usize)
                .ok_or("Too many decimal digits in format string")?;
            value = Some(next);
            self.pos += 1;
        }
        Ok(value)
    }
}

/// Parses `spec` for an object whose Python type is `type_name`.
pub(super) fn parse(
    spec: &str,
    type_name: &str,
    default_type: Option<char>,
    default_align: char,
) -> Result<Spec, String> {
    let mut cur = Cursor { chars: spec.chars().collect(), pos: 0 };
    let mut out = Spec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        ty: default_type,
    };

    let mut fill_given = false;
    let mut align_given = false;
    if cur.chars.len() >= 2 && is_align(cur.chars[1]) {
        out.fill = cur.chars[0];
        out.align = cur.chars[1];
        fill_given = true;
        align_given = true;
        cur.pos = 2;
    } else if cur.peek().is_some_and(is_align) {
        out.align = cur.chars[0];
        align_given = true;
        cur.pos = 1;
    }

    if let Some(c) = cur.peek().filter(|c| matches!(c, '+' | '-' | ' ')) {
        out.sign = Some(c);
        cur.pos += 1;
    }
    out.no_neg_zero = cur.eat('z');
    out.alternate = cur.eat('#');

    // The legacy `0` flag: zero fill, and sign-aware padding for numbers
    // (strings, whose default alignment is `<`, keep their alignment).
    if !fill_given && cur.eat('0') {
        out.fill = '0';
        if !align_given && default_align == '>' {
            out.align = '=';
        }
    }

    out.width = cur.integer()?;

    const BOTH: &str = "Cannot specify both ',' and '_'.";
    if cur.eat(',') {
        out.grouping = Some((',', 3));
    }
    if cur.eat('_') {
        if out.grouping.is_some() {
            return Err(BOTH.into());
        }
        out.grouping = Some(('_', 3));
    }
    if cur.peek() == Some(',') && out.grouping == Some(('_', 3)) {
        return Err(BOTH.into());
    }

    if cur.eat('.') {
        out.precision = Some(cur.integer()?.ok_or("Format specifier missing precision")?);
    }

    match cur.chars.len() - cur.pos {
        0 => {}
        1 => out.ty = cur.peek(),
        _ => return Err(format!("Invalid format specifier '{spec}' for object of type '{type_name}'")),
    }

    // Grouping is validated against the type before the type itself is.
    if let Some((sep, _)) = out.grouping {
        match out.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => out.grouping = Some(('_', 4)),
            ty => return Err(format!("Cannot specify '{sep}' with {}.", code_text(ty))),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parse-level errors, expected messages from CPython 3.11's format(1, spec).
    const ERRORS: &[(&str, &str)] = &[
        (".", "Format specifier missing precision"),
        ("5.", "Format specifier missing precision"),
        ("1.2.3", "Invalid format specifier '1.2.3' for object of type 'int'"),
        ("abc", "Invalid format specifier 'abc' for object of type 'int'"),
        ("99999999999999999999", "Too many decimal digits in format string"),
        (".99999999999999999999", "Too many decimal digits in format string"),
        (",_", "Cannot specify both ',' and '_'."),
        ("_,", "Cannot specify both ',' and '_'."),
        ("__", "Cannot specify '_' with '_'."),
        (",,", "Cannot specify ',' with ','."),
        (",s", "Cannot specify ',' with 's'."),
        ("_n", "Cannot specify '_' with 'n'."),
        (",b", "Cannot specify ',' with 'b'."),
        (",\x01", "Cannot specify ',' with '\\x1'."),
        ("+-d", "Invalid format specifier '+-d' for object of type 'int'"),
    ];

    #[test]
    fn errors() {
        for &(spec, want) in ERRORS {
            let got = parse(spec, "int", Some('d'), '>').err();
            assert_eq!(got.as_deref(), Some(want), "spec {spec:?}");
        }
    }

    #[test]
    fn every_field() {
        let s = parse("é<+z#012_.3f", "float", None, '>').unwrap();
        assert_eq!((s.fill, s.align, s.sign), ('é', '<', Some('+')));
        assert!(s.no_neg_zero && s.alternate);
        assert_eq!((s.width, s.grouping, s.precision, s.ty), (Some(12), Some(('_', 3)), Some(3), Some('f')));
    }

    #[test]
    fn zero_flag() {
        // Numbers get sign-aware zero padding, strings keep their alignment,
        // and an explicit fill makes the '0' part of the width.
        let n = parse("05", "int", Some('d'), '>').unwrap();
        assert_eq!((n.fill, n.align, n.width), ('0', '=', Some(5)));
        let s = parse("05", "str", Some('s'), '<').unwrap();
        assert_eq!((s.fill, s.align), ('0', '<'));
        let f = parse("*<05", "int", Some('d'), '>').unwrap();
        assert_eq!((f.fill, f.align, f.width), ('*', '<', Some(5)));
    }

    #[test]
    fn underscore_groups_by_four_in_hex() {
        let s = parse("_x", "int", Some('d'), '>').unwrap();
        assert_eq!(s.grouping, Some(('_', 4)));
    }

    #[test]
    fn unknown_code_text() {
        assert_eq!(unknown_type(Some('q'), "int"), "Unknown format code 'q' for object of type 'int'");
        assert_eq!(unknown_type(Some('é'), "float"), "Unknown format code '\\xe9' for object of type 'float'");
    }
}
