//! Parser for the format-spec mini-language
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`,
//! a port of CPython 3.11's `parse_internal_render_format_spec`, including
//! its exact error messages.

use std::cell::Cell;

/// Thousands separator and digits per group.
pub(super) type Grouping = Option<(char, usize)>;

/// A parsed format spec, with the per-type defaults already applied.
#[derive(Clone, Copy)]
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
/// multi-byte fill character counts as one position). It walks the text in
/// place: specs are parsed on every `format()` call.
struct Cursor<'a> {
    rest: &'a str,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.rest.chars().next()
    }

    /// The character after the next one.
    fn peek2(&self) -> Option<char> {
        self.rest.chars().nth(1)
    }

    fn bump(&mut self) {
        let w = self.peek().map_or(0, char::len_utf8);
        self.rest = &self.rest[w..];
    }

    fn eat(&mut self, c: char) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.bump();
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
            self.bump();
        }
        Ok(value)
    }
}

/// A format spec's text, and whether it is a constant of the program: the
/// text of an immortal string literal, which is never freed or changed, so
/// its address names it for the whole run.
#[derive(Clone, Copy)]
pub struct SpecText<'a> {
    pub text: &'a str,
    constant: bool,
}

impl SpecText<'static> {
    /// The spec of a literal (`f"{x:.2f}"`): parsed once per run.
    pub fn constant(text: &'static str) -> Self {
        SpecText { text, constant: true }
    }
}

impl<'a> From<&'a str> for SpecText<'a> {
    /// A spec computed at run time (`f"{x:{w}}"`): parsed at every use.
    fn from(text: &'a str) -> Self {
        SpecText { text, constant: false }
    }
}

const CACHE_SLOTS: usize = 16;

/// What a parse depends on: the constant spec's address and the arguments
/// (the type name by address: a miss at worst).
#[derive(Clone, Copy, PartialEq)]
struct Key {
    text: *const u8,
    type_name: *const u8,
    default_type: Option<char>,
    default_align: char,
}

/// The key of no cached spec.
const NO_KEY: Key = Key { text: std::ptr::null(), type_name: std::ptr::null(), default_type: None, default_align: ' ' };
/// An empty spec: what the parser starts from, and the value of unused slots.
const NO_SPEC: Spec = Spec {
    fill: ' ',
    align: ' ',
    sign: None,
    no_neg_zero: false,
    alternate: false,
    width: None,
    grouping: None,
    precision: None,
    ty: None,
};

/// The remembered parses: slot `i` holds `specs[i]`, parsed under `keys[i]`.
struct Cache {
    keys: [Cell<Key>; CACHE_SLOTS],
    specs: [Cell<Spec>; CACHE_SLOTS],
}

thread_local! {
    /// A program formats with a handful of constant specs, over and over
    /// (`f"{x:.2f}"` in a loop): remembering their parses by address makes
    /// each later use a comparison. One thread-local for keys and specs
    /// keeps a hit to a single access.
    static CACHE: Cache = const {
        Cache { keys: [const { Cell::new(NO_KEY) }; CACHE_SLOTS], specs: [const { Cell::new(NO_SPEC) }; CACHE_SLOTS] }
    };
}

/// Parses `spec` for an object whose Python type is `type_name`; a
/// constant spec from the cache when it was parsed before with the same
/// arguments. Errors are never cached: each use reports its own.
pub(super) fn parse(
    spec: SpecText,
    type_name: &'static str,
    default_type: Option<char>,
    default_align: char,
) -> Result<Spec, String> {
    if !spec.constant {
        return parse_text(spec.text, type_name, default_type, default_align);
    }
    let key = Key { text: spec.text.as_ptr(), type_name: type_name.as_ptr(), default_type, default_align };
    // Two-way set associative: a spec may live in `slot` or `slot ^ 1`, so
    // two specs alternating in one loop never evict each other.
    let slot = ((key.text as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 60) as usize % CACHE_SLOTS;
    // The closure only takes the address, so the access inlines.
    // SAFETY: the cache lives as long as this thread.
    let c = unsafe { &*CACHE.with(|c| c as *const Cache) };
    for s in [slot, slot ^ 1] {
        if c.keys[s].get() == key {
            return Ok(c.specs[s].get());
        }
    }
    let parsed = parse_text(spec.text, type_name, default_type, default_align)?;
    // The older entry of the pair moves aside; the new one takes `slot`.
    c.keys[slot ^ 1].set(c.keys[slot].get());
    c.specs[slot ^ 1].set(c.specs[slot].get());
    c.keys[slot].set(key);
    c.specs[slot].set(parsed);
    Ok(parsed)
}

/// The parser proper.
fn parse_text(spec: &str, type_name: &str, default_type: Option<char>, default_align: char) -> Result<Spec, String> {
    let mut cur = Cursor { rest: spec };
    let mut out = Spec { align: default_align, ty: default_type, ..NO_SPEC };

    let mut fill_given = false;
    let mut align_given = false;
    if let (Some(fill), Some(align)) = (cur.peek(), cur.peek2().filter(|&c| is_align(c))) {
        out.fill = fill;
        out.align = align;
        fill_given = true;
        align_given = true;
        cur.bump();
        cur.bump();
    } else if let Some(align) = cur.peek().filter(|&c| is_align(c)) {
        out.align = align;
        align_given = true;
        cur.bump();
    }

    if let Some(c) = cur.peek().filter(|c| matches!(c, '+' | '-' | ' ')) {
        out.sign = Some(c);
        cur.bump();
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

    let mut rest = cur.rest.chars();
    match (rest.next(), rest.next()) {
        (None, _) => {}
        (Some(ty), None) => out.ty = Some(ty),
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
            let got = parse(spec.into(), "int", Some('d'), '>').err();
            assert_eq!(got.as_deref(), Some(want), "spec {spec:?}");
        }
    }

    #[test]
    fn every_field() {
        let s = parse("é<+z#012_.3f".into(), "float", None, '>').unwrap();
        assert_eq!((s.fill, s.align, s.sign), ('é', '<', Some('+')));
        assert!(s.no_neg_zero && s.alternate);
        assert_eq!((s.width, s.grouping, s.precision, s.ty), (Some(12), Some(('_', 3)), Some(3), Some('f')));
    }

    #[test]
    fn cached_parses_match_fresh_ones() {
        // The same text under other defaults must not reuse the entry.
        for _ in 0..2 {
            let f = parse(SpecText::constant(".2f"), "float", None, '>').unwrap();
            assert_eq!((f.precision, f.ty), (Some(2), Some('f')));
            let five = SpecText::constant("05");
            let s = parse(five, "str", Some('s'), '<').unwrap();
            assert_eq!((s.align, s.ty), ('<', Some('s')));
            let n = parse(five, "int", Some('d'), '>').unwrap();
            assert_eq!((n.align, n.ty), ('=', Some('d')));
            // A bad constant spec fails at every use.
            assert!(parse(SpecText::constant("1.2.3"), "int", Some('d'), '>').is_err());
        }
        // More specs than slots, round after round: every answer is right
        // whatever got evicted.
        let specs =
            ["d", "5d", "06d", ".2f", ".3f", ">8", "<4", "^9", "+d", ",", "_x", "x", "#o", "e", ".1%", "g", "10.4f"];
        for _ in 0..3 {
            for (i, &spec) in specs.iter().enumerate() {
                let fresh = parse_text(spec, "int", Some('d'), '>').unwrap();
                let cached = parse(SpecText::constant(spec), "int", Some('d'), '>').unwrap();
                assert_eq!(
                    (cached.width, cached.precision, cached.ty),
                    (fresh.width, fresh.precision, fresh.ty),
                    "{i}"
                );
                assert_eq!(
                    (cached.align, cached.fill, cached.grouping),
                    (fresh.align, fresh.fill, fresh.grouping),
                    "{i}"
                );
            }
        }
    }

    #[test]
    fn zero_flag() {
        // Numbers get sign-aware zero padding, strings keep their alignment,
        // and an explicit fill makes the '0' part of the width.
        let n = parse("05".into(), "int", Some('d'), '>').unwrap();
        assert_eq!((n.fill, n.align, n.width), ('0', '=', Some(5)));
        let s = parse("05".into(), "str", Some('s'), '<').unwrap();
        assert_eq!((s.fill, s.align), ('0', '<'));
        let f = parse("*<05".into(), "int", Some('d'), '>').unwrap();
        assert_eq!((f.fill, f.align, f.width), ('*', '<', Some(5)));
    }

    #[test]
    fn underscore_groups_by_four_in_hex() {
        let s = parse("_x".into(), "int", Some('d'), '>').unwrap();
        assert_eq!(s.grouping, Some(('_', 4)));
    }

    #[test]
    fn unknown_code_text() {
        assert_eq!(unknown_type(Some('q'), "int"), "Unknown format code 'q' for object of type 'int'");
        assert_eq!(unknown_type(Some('é'), "float"), "Unknown format code '\\xe9' for object of type 'float'");
    }
}
