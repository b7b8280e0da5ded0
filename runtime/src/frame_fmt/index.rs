//! pandas 2.3's text of an Index (`print(df.columns)`, a pivot table's
//! `columns`/`index`): `Index(['a', 'b'], dtype='object')` for strings,
//! `Index([1, 2], dtype='int64', name='k')` for ints, its values wrapped to
//! the 80 characters of the display as `format_object_summary` does, cut to
//! the first and last 10 past `display.max_seq_items` (100) values; ints
//! are right-justified to the widest when they fill more than a line.

use super::text::escape;

/// The display width pandas wraps at.
const WIDTH: usize = 80;
/// `display.max_seq_items`.
const MAX_SEQ_ITEMS: usize = 100;
/// The class name, which sets the indent of continuation lines.
const NAME: &str = "Index";

/// The values of an Index.
pub enum IndexValues<'a> {
    /// dtype object, holding strings.
    Strs(&'a [&'a str]),
    Ints(&'a [i64]),
}

/// `repr(pd.Index(values, name=name))`.
pub fn index_repr(values: IndexValues, name: Option<&str>) -> String {
    let quoted = |s: &&str| format!("'{}'", escape(s));
    let (items, dtype, justify): (Vec<String>, &str, bool) = match values {
        IndexValues::Strs(v) => (v.iter().map(quoted).collect(), "object", false),
        IndexValues::Ints(v) => (v.iter().map(i64::to_string).collect(), "int64", true),
    };
    let mut attrs = format!("dtype='{dtype}'");
    if let Some(n) = name {
        attrs.push_str(&format!(", name={}", quoted(&n)));
    }
    if items.len() > MAX_SEQ_ITEMS {
        attrs.push_str(&format!(", length={}", items.len()));
    }
    format!("{NAME}({}{attrs})", summary(&items, justify))
}

/// Display length (code points; pandas' default adjustment).
fn width(s: &str) -> usize {
    s.chars().count()
}

/// `format_object_summary(index, default_pprint, is_justify)` of the
/// values' texts: pandas does not justify an Index whose inferred type is
/// "string".
fn summary(items: &[String], justify: bool) -> String {
    let (space1, space2) = (format!("\n{}", " ".repeat(NAME.len() + 1)), format!("\n{}", " ".repeat(NAME.len() + 2)));
    let n = items.len();
    match n {
        0 => return "[], ".to_string(),
        1 => return format!("[{}], ", items[0]),
        2 => return format!("[{}, {}], ", items[0], items[1]),
        _ => {}
    }
    let truncated = n > MAX_SEQ_ITEMS;
    let (mut head, mut tail): (Vec<String>, Vec<String>) = if truncated {
        let k = (MAX_SEQ_ITEMS / 2).min(10);
        (items[..k].to_vec(), items[n - k..].to_vec())
    } else {
        (Vec::new(), items.to_vec())
    };
    // Values that fill more than a line are right-justified to the widest.
    let one_line = |v: &[String]| width(&v.join(", ")) < WIDTH;
    if justify && (truncated || !(one_line(&head) && one_line(&tail))) {
        let w = head.iter().chain(&tail).map(|x| width(x)).max().unwrap_or(0);
        for x in head.iter_mut().chain(tail.iter_mut()) {
            *x = format!("{x:>w$}");
        }
    }
    // A value goes on a new line when the line would reach the width.
    let extend = |summary: &mut String, line: &mut String, value: &str, limit: usize| {
        if width(line.trim_end()) + width(value.trim_end()) >= limit {
            summary.push_str(line.trim_end());
            *line = space2.clone();
        }
        line.push_str(value);
    };
    let mut summary = String::new();
    let mut line = space2.clone();
    for v in &head {
        extend(&mut summary, &mut line, &format!("{v}, "), WIDTH);
    }
    if truncated {
        summary.push_str(line.trim_end());
        summary.push_str(&space2);
        summary.push_str("...");
        line = space2.clone();
    }
    for v in &tail[..tail.len() - 1] {
        extend(&mut summary, &mut line, &format!("{v}, "), WIDTH);
    }
    // The last value leaves room for the ',' after it.
    extend(&mut summary, &mut line, &tail[tail.len() - 1], WIDTH - 2);
    summary.push_str(&line);
    summary.push_str("],");
    if width(&summary) > WIDTH {
        summary.push_str(&space1);
    } else {
        summary.push(' ');
    }
    format!("[{}", &summary[space2.len()..])
}

#[cfg(test)]
mod tests {
    use super::{index_repr, IndexValues};

    fn strs(v: &[&str]) -> String {
        index_repr(IndexValues::Strs(v), None)
    }

    #[test]
    fn short_and_wrapped() {
        assert_eq!(strs(&[]), "Index([], dtype='object')");
        assert_eq!(strs(&["a"]), "Index(['a'], dtype='object')");
        assert_eq!(strs(&["a", "b", "c"]), "Index(['a', 'b', 'c'], dtype='object')");
        let cols = ["emp_id", "dept", "salary", "years", "remote", "bonus", "senior", "total_comp"];
        assert_eq!(
            strs(&cols),
            "Index(['emp_id', 'dept', 'salary', 'years', 'remote', 'bonus', 'senior',\n       'total_comp'],\n      dtype='object')"
        );
        let many: Vec<String> = (0..120).map(|i| format!("c{i}")).collect();
        let many: Vec<&str> = many.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            strs(&many),
            "Index(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9',\n       ...\n       'c110', 'c111', 'c112', 'c113', 'c114', 'c115', 'c116', 'c117', 'c118',\n       'c119'],\n      dtype='object', length=120)"
        );
    }

    #[test]
    fn named_ints() {
        assert_eq!(
            index_repr(IndexValues::Ints(&[2020, 2021, 2022]), Some("year")),
            "Index([2020, 2021, 2022], dtype='int64', name='year')"
        );
        assert_eq!(
            index_repr(IndexValues::Strs(&["a", "b"]), Some("k")),
            "Index(['a', 'b'], dtype='object', name='k')"
        );
    }
}
