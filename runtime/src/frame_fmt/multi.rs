//! A MultiIndex's labels as pandas' `MultiIndex._format_multi` writes them
//! (`display.multi_sparse`): each level formatted like a flat index of its
//! dtype, and a label equal to the one above it (and all outer labels of
//! its row too) left blank, except in the innermost level.

use super::text::escape;
use super::{Level, ShownRows};

/// The levels' columns of text for the shown rows, each after its name
/// (`""` when unnamed) when `names`.
pub(super) fn format_levels(levels: &[Level], nrows: usize, shown: ShownRows, names: bool) -> Vec<Vec<String>> {
    let mut columns: Vec<Vec<String>> = levels
        .iter()
        .map(|l| {
            let name = names.then(|| l.name.map(escape).unwrap_or_default());
            name.into_iter().chain(l.labels.format(nrows, shown)).collect()
        })
        .collect();
    sparsify(&mut columns, usize::from(names));
    columns
}

/// `sparsify_labels`: from the row after `first`, blanks each outer label
/// equal to the previous row's (as formatted), up to the first that differs.
fn sparsify(columns: &mut [Vec<String>], first: usize) {
    let Some((_, outer)) = columns.split_last_mut() else { return };
    let rows = outer.first().map_or(0, Vec::len);
    // Compare against the previous row as formatted, before its blanking.
    let mut prev: Vec<String> = outer.iter().map(|c| c.get(first).cloned().unwrap_or_default()).collect();
    for r in first + 1..rows {
        let cur: Vec<String> = outer.iter().map(|c| c[r].clone()).collect();
        for (level, p) in outer.iter_mut().zip(&prev) {
            if level[r] != *p {
                break;
            }
            level[r].clear();
        }
        prev = cur;
    }
}
