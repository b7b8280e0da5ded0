//! `Series.__repr__`: pandas' `SeriesFormatter` with the repr parameters
//! (`name=True`, `length="truncate"`, `dtype=True`): labels and values three
//! spaces apart, a centered `...` row when rows are left out, and the
//! `Name: x, Length: n, dtype: d` footer.

use super::text::{adjoin, escape, justify, width, Justify};
use super::{multi, shown_rows, Labels, Series};

pub(super) fn repr(s: &Series) -> String {
    let shown = shown_rows(s.nrows);
    let truncated = shown.truncated(s.nrows);
    debug_assert_eq!(s.cells.len(), shown.len(), "one cell per shown row");
    let mut footer = Vec::new();
    if let Some(name) = s.name {
        footer.push(format!("Name: {}", escape(name)));
    }
    if truncated {
        footer.push(format!("Length: {}", s.nrows));
    }
    footer.push(format!("dtype: {}", s.cells.dtype_name()));
    let footer = footer.join(", ");
    if s.nrows == 0 {
        return format!("Series([], {footer})");
    }
    let (header, mut labels) = match &s.index {
        Labels::Multi(levels) => {
            let mut lines = adjoin(2, &multi::format_levels(levels, s.nrows, shown, true));
            let names = lines.remove(0);
            (levels.iter().any(|l| l.name.is_some()).then_some(names), lines)
        }
        labels => (s.index_name.map(escape), labels.format(s.nrows, shown)),
    };
    let mut values = s.cells.format();
    if truncated {
        let field = width(&values[shown.head - 1]);
        let dots = if field > 3 { "..." } else { ".." };
        values.insert(shown.head, justify(dots, field, Justify::Center));
        labels.insert(shown.head, String::new());
    }
    let mut text = adjoin(3, &[labels, values]).join("\n");
    if let Some(header) = header {
        text = format!("{header}\n{text}");
    }
    format!("{text}\n{footer}")
}
