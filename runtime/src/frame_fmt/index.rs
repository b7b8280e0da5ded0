//! pandas 2.3's text of an Index of strings (`print(df.columns)`):
//! `Index(['a', 'b'], dtype='object')`, its values wrapped to the 80
//! characters of the display as `format_object_summary` does, cut to the
//! first and last 10 past `display.max_seq_items` (100) values.

use super::text::escape;

/// The display width pandas wraps at.
const WIDTH: usize = 80;
/// `display.max_seq_items`.
const MAX_SEQ_ITEMS: usize = 100;
/// The class name, which sets the indent of continuation lines.
const NAME: &str = "Index";

/// `repr(pd.Index(items))` for an Index of dtype object holding strings.
pub fn object_index_repr(items: &[&str]) -> String {
    let mut attrs = "dtype='object'".to_string();
    if items.len() > MAX_SEQ_ITEMS {
        attrs.push_str(&format!(", length={}", items.len()));
    }
    format!("{NAME}({}{attrs})", summary(items))
}

/// Display length (code points; pandas' default adjustment).
fn width(s: &str) -> usize {
    s.chars().count()
}

/// `format_object_summary(index, default_pprint, is_justify=False)`:
/// pandas does not justify an Index whose inferred type is "string".
fn summary(items: &[&str]) -> String {
    let quoted = |s: &&str| format!("'{}'", escape(s));
    let (space1, space2) = (format!("\n{}", " ".repeat(NAME.len() + 1)), format!("\n{}", " ".repeat(NAME.len() + 2)));
    let n = items.len();
    match n {
        0 => return "[], ".to_string(),
        1 => return format!("[{}], ", quoted(&items[0])),
        2 => return format!("[{}, {}], ", quoted(&items[0]), quoted(&items[1])),
        _ => {}
    }
    let truncated = n > MAX_SEQ_ITEMS;
    let (head, tail): (Vec<String>, Vec<String>) = if truncated {
        let k = (MAX_SEQ_ITEMS / 2).min(10);
        (items[..k].iter().map(quoted).collect(), items[n - k..].iter().map(quoted).collect())
    } else {
        (Vec::new(), items.iter().map(quoted).collect())
    };
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
    use super::object_index_repr;

    #[test]
    fn short_and_wrapped() {
        assert_eq!(object_index_repr(&[]), "Index([], dtype='object')");
        assert_eq!(object_index_repr(&["a"]), "Index(['a'], dtype='object')");
        assert_eq!(object_index_repr(&["a", "b", "c"]), "Index(['a', 'b', 'c'], dtype='object')");
        let cols = ["emp_id", "dept", "salary", "years", "remote", "bonus", "senior", "total_comp"];
        assert_eq!(
            object_index_repr(&cols),
            "Index(['emp_id', 'dept', 'salary', 'years', 'remote', 'bonus', 'senior',\n       'total_comp'],\n      dtype='object')"
        );
        let many: Vec<String> = (0..120).map(|i| format!("c{i}")).collect();
        let many: Vec<&str> = many.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            object_index_repr(&many),
            "Index(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9',\n       ...\n       'c110', 'c111', 'c112', 'c113', 'c114', 'c115', 'c116', 'c117', 'c118',\n       'c119'],\n      dtype='object', length=120)"
        );
    }
}
