//! The text helpers of pandas' `io/formats` (`printing.adjoin`,
//! `_make_fixed_width`, `Index`'s `trim_front`, `pprint_thing`'s escapes).
//! Widths count code points, as pandas' default `_TextAdjustment` does
//! (`display.unicode.east_asian_width` is off).

/// `display.max_colwidth`: longer cells are cut to this width, ending in `...`.
const MAX_COLWIDTH: usize = 50;

/// The display width of `s`: its number of code points, like Python's `len`.
pub(super) fn width(s: &str) -> usize {
    s.chars().count()
}

/// Where `justify` puts the text in its field.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Justify {
    Left,
    Right,
    /// Python's `str.center`: the odd space goes right unless the field
    /// width is odd (CPython's `marg / 2 + (marg & width & 1)`).
    Center,
}

/// `s` padded with spaces to `field` code points (never cut).
pub(super) fn justify(s: &str, field: usize, mode: Justify) -> String {
    let len = width(s);
    if len >= field {
        return s.to_string();
    }
    let marg = field - len;
    let left = match mode {
        Justify::Left => 0,
        Justify::Right => marg,
        Justify::Center => marg / 2 + (marg & field & 1),
    };
    let mut out = String::with_capacity(s.len() + marg);
    out.extend(std::iter::repeat_n(' ', left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', marg - left));
    out
}

/// `_make_fixed_width`: every string padded to the longest (at least
/// `minimum`), the width capped at `display.max_colwidth` and longer strings
/// cut to it with `...`. `None` is pandas' `justify="all"`: left as is.
pub(super) fn fixed_width(strings: Vec<String>, mode: Option<Justify>, minimum: usize) -> Vec<String> {
    let Some(mode) = mode else { return strings };
    let Some(longest) = strings.iter().map(|s| width(s)).max() else { return strings };
    let field = longest.max(minimum).min(MAX_COLWIDTH);
    strings
        .into_iter()
        .map(|s| {
            if width(&s) > field {
                let cut: String = s.chars().take(field - 3).collect();
                justify(&(cut + "..."), field, mode)
            } else {
                justify(&s, field, mode)
            }
        })
        .collect()
}

/// `printing.adjoin`: the lists side by side as lines, each but the last
/// left-justified to its longest string plus `space`, the last to its
/// longest; shorter lists are padded at the top.
pub(super) fn adjoin(space: usize, lists: &[Vec<String>]) -> Vec<String> {
    let last = lists.len() - 1;
    let fields: Vec<usize> = lists
        .iter()
        .enumerate()
        .map(|(i, l)| l.iter().map(|s| width(s)).max().unwrap_or(0) + if i < last { space } else { 0 })
        .collect();
    let rows = lists.iter().map(Vec::len).max().unwrap_or(0);
    (0..rows)
        .map(|r| {
            let mut line = String::new();
            for (list, &field) in lists.iter().zip(&fields) {
                let pad = rows - list.len();
                let cell = if r < pad { "" } else { list[r - pad].as_str() };
                line.push_str(&justify(cell, field, Justify::Left));
            }
            line
        })
        .collect()
}

/// `Index`'s `trim_front`: drops leading spaces all strings share, while
/// none is empty.
pub(super) fn trim_front(mut strings: Vec<String>) -> Vec<String> {
    while !strings.is_empty() && strings.iter().all(|s| s.starts_with(' ')) {
        for s in &mut strings {
            s.remove(0);
        }
    }
    strings
}

/// `pprint_thing(s, escape_chars=("\t", "\r", "\n"))`.
pub(super) fn escape(s: &str) -> String {
    s.replace('\t', "\\t").replace('\r', "\\r").replace('\n', "\\n")
}
