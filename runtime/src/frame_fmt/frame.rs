//! `DataFrame.__repr__`: pandas' `DataFrameFormatter` and `StringFormatter`
//! with `max_cols=0` (fit the 80-column terminal) and `line_width=80`.
//! Columns are dropped from the middle until the lines fit (at least two
//! kept), then the first and last halves are shown around a ` ...` column.

use super::text::{adjoin, escape, fixed_width, justify, trim_front, width, Justify};
use super::{multi, shown_rows, Frame, Labels, ShownRows};

/// The terminal width pandas fits a frame to when stdout is no terminal
/// (`shutil.get_terminal_size`'s fallback); also, past this many columns a
/// frame is cut to this many before fitting.
const TERMINAL_WIDTH: usize = 80;

/// `display.max_seq_items`: the names an empty frame's `Columns:` line lists.
const MAX_SEQ_ITEMS: usize = 100;

pub(super) fn repr(f: &Frame) -> String {
    let shown = shown_rows(f.nrows);
    let ncols = f.columns.len();
    debug_assert!(f.columns.iter().all(|(_, c)| c.len() == shown.len()), "one cell per shown row");
    // `max_cols_fitted`: 0 means no limit.
    let mut fitted = if ncols > TERMINAL_WIDTH { TERMINAL_WIDTH } else { 0 };
    let mut text = if f.nrows == 0 || ncols == 0 {
        empty_info(f)
    } else {
        let view = View::new(f, shown);
        fitted = fit(&view.strcols(fitted));
        adjoin(1, &view.strcols(fitted)).join("\n")
    };
    if shown.truncated(f.nrows) || (fitted > 0 && ncols > fitted) {
        text.push_str(&format!("\n\n[{} rows x {ncols} columns]", f.nrows));
    }
    text
}

/// `_fit_strcols_to_terminal_width`: how many columns (the dot column
/// included, the index not) are left after dropping middle ones, each with
/// its separating space, until the longest line is under 80 characters.
fn fit(strcols: &[Vec<String>]) -> usize {
    let longest = adjoin(1, strcols).iter().map(|l| width(l)).max().unwrap_or(0);
    let mut excess = longest as i64 - TERMINAL_WIDTH as i64 + 1;
    let mut widths: Vec<usize> = strcols.iter().map(|c| c.iter().map(|s| width(s)).max().unwrap_or(0)).collect();
    while excess > 0 && widths.len() > 1 {
        // Python's round(n / 2): halves go to the even neighbour.
        let n = widths.len();
        let mid = if n % 4 == 1 { n / 2 } else { n.div_ceil(2) };
        excess -= widths.remove(mid) as i64 + 1;
    }
    (widths.len() - 1).max(2)
}

/// The shown rows of a frame, each column's cells already formatted.
struct View<'f, 'a> {
    frame: &'f Frame<'a>,
    shown: ShownRows,
    cells: Vec<Vec<String>>,
    /// The index column: the columns' name (or a blank) on the column
    /// labels' line, then the index name(s) (if any) and the labels,
    /// left-justified together (a MultiIndex level by level).
    index: Vec<String>,
    /// Whether the index names have a line of their own.
    names_row: bool,
}

impl<'f, 'a> View<'f, 'a> {
    fn new(frame: &'f Frame<'a>, shown: ShownRows) -> Self {
        let cells = frame.columns.iter().map(|(_, c)| c.format()).collect();
        let mut index = vec![frame.columns_name.unwrap_or_default().to_string()];
        let left = Some(Justify::Left);
        let names_row = match &frame.index {
            Labels::Multi(levels) => {
                let named = levels.iter().any(|l| l.name.is_some());
                let levels = multi::format_levels(levels, frame.nrows, shown, named);
                let levels: Vec<Vec<String>> = levels.into_iter().map(|l| fixed_width(l, left, 0)).collect();
                index.extend(adjoin(1, &levels));
                named
            }
            labels => {
                let name = frame.index_name.map(escape);
                let named = name.is_some();
                index.extend(fixed_width(name.into_iter().chain(labels.format(frame.nrows, shown)).collect(), left, 0));
                named
            }
        };
        View { frame, shown, cells, index, names_row }
    }

    /// `StringFormatter._get_strcols` with `fitted` columns at most (0: all).
    fn strcols(&self, fitted: usize) -> Vec<Vec<String>> {
        let ncols = self.frame.columns.len();
        // `_truncate_horizontally`: the first and last `fitted / 2` columns.
        let (picked, dots_after): (Vec<usize>, Option<usize>) = if fitted > 0 && ncols > fitted {
            let half = fitted / 2;
            ((0..half).chain(ncols - half..ncols).collect(), Some(half))
        } else {
            ((0..ncols).collect(), None)
        };
        let mut strcols = vec![self.index.clone()];
        for (label, &c) in self.labels(&picked).into_iter().zip(&picked) {
            let mut header = vec![label];
            if self.names_row {
                header.push(String::new());
            }
            let header_width = header.iter().map(|s| width(s)).max().unwrap_or(0);
            let cells = fixed_width(self.cells[c].clone(), Some(Justify::Right), header_width);
            let field = cells.iter().map(|s| width(s)).max().unwrap_or(0).max(header_width);
            let mut col: Vec<String> = header.iter().map(|h| justify(h, field, Justify::Right)).collect();
            col.extend(cells);
            strcols.push(col);
        }
        if let Some(after) = dots_after {
            strcols.insert(after + 1, vec![" ...".to_string(); self.index.len()]);
        }
        if self.shown.truncated(self.frame.nrows) {
            self.insert_dot_row(&mut strcols, dots_after.map(|a| a + 1));
        }
        strcols
    }

    /// The column labels of the `picked` columns: escaped, common leading
    /// spaces dropped, and a space before those of numeric columns. pandas
    /// decides that by name from the *whole* frame's dtypes zipped with the
    /// shown names (`need_leadsp`), so after a horizontal cut the k-th shown
    /// label follows the k-th column's dtype, and a repeated name the last.
    fn labels(&self, picked: &[usize]) -> Vec<String> {
        let columns = &self.frame.columns;
        let names = trim_front(picked.iter().map(|&c| format!(" {}", escape(columns[c].0))).collect());
        let numeric = |name: &String| {
            let last = names.iter().zip(columns).rposition(|(n, _)| n == name);
            last.is_some_and(|k| columns[k].1.is_numeric())
        };
        names.iter().map(|n| if numeric(n) { format!(" {n}") } else { n.clone() }).collect()
    }

    /// `_insert_dot_separator_vertical`: the `...` row after the head rows,
    /// `..` where a column is at most 3 wide.
    fn insert_dot_row(&self, strcols: &mut [Vec<String>], dot_col: Option<usize>) {
        let header_rows = self.index.len() - self.shown.len();
        let row = self.shown.head;
        for (ix, col) in strcols.iter_mut().enumerate() {
            let is_dot_col = dot_col == Some(ix);
            let mut field = width(&col[row]);
            let dots = if field > 3 || is_dot_col { "..." } else { ".." };
            let mode = if ix == 0 { Justify::Left } else { Justify::Right };
            if is_dot_col {
                field = 4;
            }
            col.insert(row + header_rows, justify(dots, field, mode));
        }
    }
}

/// `Empty DataFrame` with the column names and the index labels.
fn empty_info(f: &Frame) -> String {
    let names: Vec<&str> = f.columns.iter().take(MAX_SEQ_ITEMS).map(|(n, _)| *n).collect();
    let more = if f.columns.len() > MAX_SEQ_ITEMS { ", ..." } else { "" };
    let index = if f.nrows == 0 { "[]".to_string() } else { f.index.listing(f.nrows) };
    format!("Empty DataFrame\nColumns: [{}{more}]\nIndex: {index}", names.join(", "))
}
