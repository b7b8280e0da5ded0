//! pandas 2.3's text of `print(df)` / `print(series)` / `str(...)` with the
//! default display options, as a script run with its output redirected
//! sees it: at most 60 rows (else the first and last 5 around a `...`
//! row), and as many columns as fit in 80 characters (else the first and
//! last ones around a `...` column; pandas' `display.max_columns` is 0, "fit
//! the terminal", for any plain `python` run, and the terminal is 80 wide
//! when stdout is not one). Cells longer than 50 characters end in `...`.
//!
//! The caller gathers only the rows [`shown_rows`] names and hands each
//! column's cells for those rows; everything pandas derives from the
//! values (float digits, datetime resolution, widths) is computed from the
//! shown rows, as pandas does.
//!
//! Not covered: column labels other than strings (the caller passes
//! `str(label)`, exact unless negative numbers are among them), a
//! MultiIndex on the columns, a level value missing from a MultiIndex, and
//! a frame with no columns whose index is cut and is not a RangeIndex
//! (pandas lists every label there; only the shown ones are at hand). The
//! terminal width is taken as 80 (pandas reads `$COLUMNS` when set).

pub(crate) mod datetime;
mod floats;
mod frame;
mod index;
mod labels;
mod multi;
mod series;
mod text;
mod values;

#[cfg(test)]
mod differential;
#[cfg(test)]
mod tests;

pub use datetime::{timestamp_repr, timestamp_str};
pub use index::{index_repr, IndexValues};

/// One column's cells for the rows shown (see [`shown_rows`]), in row order.
pub enum Cells<'a> {
    Int(&'a [i64]),
    /// NaN prints as `NaN`.
    Float(&'a [f64]),
    Bool(&'a [bool]),
    /// An object column of strings; `None` prints as `None`.
    Str(&'a [Option<&'a str>]),
    /// An object column of strings whose missing values are NaN (as after
    /// a left merge or `shift`); `None` prints as `NaN`.
    StrNaN(&'a [Option<&'a str>]),
    /// datetime64[ns]: nanoseconds since the epoch; `i64::MIN` is NaT.
    DateTime(&'a [i64]),
}

/// The row labels of the rows shown.
pub enum Labels<'a> {
    /// A RangeIndex: the label of the row at position `p` of the whole
    /// frame is `start + step * p`.
    Range {
        start: i64,
        step: i64,
    },
    Int(&'a [i64]),
    Float(&'a [f64]),
    Str(&'a [&'a str]),
    /// Nanoseconds since the epoch; `i64::MIN` is NaT.
    DateTime(&'a [i64]),
    /// A MultiIndex (groupby on several keys): one entry per level, outer
    /// first; each level's `labels` holds the shown rows' values of that
    /// level (never `Range` or `Multi`). The level names replace
    /// `index_name`, which is ignored.
    Multi(&'a [Level<'a>]),
}

/// One level of a MultiIndex.
pub struct Level<'a> {
    pub name: Option<&'a str>,
    pub labels: Labels<'a>,
}

pub struct Frame<'a> {
    /// Rows of the whole frame (not just the shown ones).
    pub nrows: usize,
    pub columns: Vec<(&'a str, Cells<'a>)>,
    pub index: Labels<'a>,
    /// The index's name (after `set_index("x")` / `groupby`), printed on a
    /// line of its own under the column labels.
    pub index_name: Option<&'a str>,
    /// The name of the column labels (`df.columns.name`, as `pivot_table`
    /// sets it), printed above the index.
    pub columns_name: Option<&'a str>,
}

pub struct Series<'a> {
    /// Rows of the whole Series (not just the shown ones).
    pub nrows: usize,
    pub cells: Cells<'a>,
    pub index: Labels<'a>,
    pub index_name: Option<&'a str>,
    pub name: Option<&'a str>,
}

/// The rows pandas shows of `nrows`: positions `0..head` and
/// `nrows - tail..nrows`. `tail` is 0 when every row is shown (`head ==
/// nrows`); otherwise a `...` row stands between the two parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShownRows {
    pub head: usize,
    pub tail: usize,
}

/// `display.max_rows`: longer frames and Series are cut...
const MAX_ROWS: usize = 60;
/// ...to `display.min_rows` rows, half from each end.
const MIN_ROWS: usize = 10;

/// Which rows of `nrows` pandas shows (the same for a DataFrame and a Series).
pub fn shown_rows(nrows: usize) -> ShownRows {
    if nrows > MAX_ROWS {
        ShownRows { head: MIN_ROWS / 2, tail: MIN_ROWS / 2 }
    } else {
        ShownRows { head: nrows, tail: 0 }
    }
}

impl ShownRows {
    /// The number of shown rows.
    pub fn len(self) -> usize {
        self.head + self.tail
    }

    /// Whether no row is shown.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Whether rows are left out (a `...` row is printed).
    fn truncated(self, nrows: usize) -> bool {
        self.len() < nrows
    }

    /// The position in the whole frame of shown row `k`.
    fn position(self, nrows: usize, k: usize) -> usize {
        if k < self.head {
            k
        } else {
            nrows - self.tail + (k - self.head)
        }
    }
}

/// The text `print(df)` writes, without the final newline.
pub fn frame_repr(f: &Frame) -> String {
    frame::repr(f)
}

/// The text `print(series)` writes, without the final newline.
pub fn series_repr(s: &Series) -> String {
    series::repr(s)
}
