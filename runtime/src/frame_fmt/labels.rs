//! Row labels (the index) as pandas' `Index._format_flat` writes them: a
//! RangeIndex as plain ints; int, float and datetime labels formatted like
//! a column of their dtype but left-justified, then stripped of the leading
//! spaces all share (`trim_front`), so ints line up on their first digit
//! unless one is negative; string labels with no padding of their own.
//! A MultiIndex's levels are laid out by the frame and Series (`multi.rs`).

use super::text::{adjoin, escape, fixed_width, trim_front, Justify};
use super::values::int_text;
use super::{datetime, floats, multi, Labels, ShownRows};
use crate::format::float_repr;

/// `display.max_seq_items`: the items an `Index: [...]` line lists.
const MAX_SEQ_ITEMS: usize = 100;

impl Labels<'_> {
    /// The labels of the shown rows, as `_format_flat(include_name=False)`.
    pub(super) fn format(&self, nrows: usize, shown: ShownRows) -> Vec<String> {
        let label = |start: i64, step: i64, k: usize| start + step * shown.position(nrows, k) as i64;
        let left = Some(Justify::Left);
        let (texts, mode) = match *self {
            // A truncated RangeIndex is an int64 Index by the time pandas
            // formats it (the shown rows are taken with `iloc`).
            Labels::Range { start, step } if shown.truncated(nrows) => {
                ((0..shown.len()).map(|k| int_text(label(start, step, k))).collect(), left)
            }
            Labels::Range { start, step } => ((0..nrows).map(|k| label(start, step, k).to_string()).collect(), left),
            Labels::Int(v) => (v.iter().map(|&x| int_text(x)).collect(), left),
            Labels::Float(v) => (floats::format(v, true), left),
            // Object labels get no padding of their own (`justify="all"`).
            Labels::Str(v) => (v.iter().map(|s| format!(" {}", escape(s))).collect(), None),
            Labels::DateTime(v) => (datetime::format_array(v), left),
            // Not a level of its own: its levels side by side.
            Labels::Multi(levels) => return adjoin(1, &multi::format_levels(levels, nrows, shown, false)),
        };
        trim_front(fixed_width(texts, mode, 0))
    }

    /// `pprint_thing(index)` for the `Index: [...]` line of an empty frame:
    /// at most 100 labels. A RangeIndex lists its labels from `nrows`;
    /// other labels are those given (the shown rows).
    pub(super) fn listing(&self, nrows: usize) -> String {
        let more = if nrows > MAX_SEQ_ITEMS { ", ..." } else { "" };
        format!("[{}{more}]", self.items(nrows.min(MAX_SEQ_ITEMS)).join(", "))
    }

    /// `str` of the first `count` labels; a MultiIndex's as tuples.
    fn items(&self, count: usize) -> Vec<String> {
        match *self {
            Labels::Range { start, step } => (0..count).map(|k| (start + step * k as i64).to_string()).collect(),
            Labels::Int(v) => v.iter().take(count).map(i64::to_string).collect(),
            Labels::Float(v) => v.iter().take(count).map(|&x| float_repr(x)).collect(),
            Labels::Str(v) => v.iter().take(count).map(|s| s.to_string()).collect(),
            Labels::DateTime(v) => v.iter().take(count).map(|&x| datetime::timestamp_str(x)).collect(),
            Labels::Multi(levels) => {
                let items: Vec<Vec<String>> = levels.iter().map(|l| l.labels.items(count)).collect();
                let rows = items.iter().map(Vec::len).min().unwrap_or(0);
                (0..rows)
                    .map(|r| format!("({})", items.iter().map(|i| i[r].as_str()).collect::<Vec<_>>().join(", ")))
                    .collect()
            }
        }
    }
}
