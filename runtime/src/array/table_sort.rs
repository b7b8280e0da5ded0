//! pandas' `sort_values` / `sort_index` on a table's rows: lexicographic
//! by the key columns, each ascending or descending, missing values last
//! whatever the direction, ties in their original order (pandas' several-key
//! sort is a stable lexsort, and its one-key sort is asked for here as
//! stable too). A distributed table is sorted by a sample sort of the rows
//! tagged with their global position (the last key, which makes every row
//! distinct): each rank sorts its rows, the gathered samples give splitters,
//! one exchange per column sends every rank its range, which it sorts
//! again. The result is 1D_Block_Var; no rank holds more than its range.

use super::radix;
use super::table::{Col, Plan};
use crate::errors::PyResult;
use crate::mpi_env;
use std::cmp::Ordering;

/// One sort key: a column of the table and its direction.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    pub col: usize,
    pub ascending: bool,
}

/// The order of row `i` of table `a` and row `j` of table `b` (tables of
/// the same column types) by `keys`.
fn order(a: &[Col], i: usize, b: &[Col], j: usize, keys: &[Key]) -> Ordering {
    for k in keys {
        let o = a[k.col].order(i, &b[k.col], j);
        // Missing values stay last when the direction turns.
        let o = if k.ascending || a[k.col].missing(i) || b[k.col].missing(j) { o } else { o.reverse() };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

/// The table's rows in `keys` order (a stable sort): radix passes from
/// the last key to the first when every key column has radix keys, else a
/// merge sort comparing rows.
pub fn sorted_rows(cols: &[Col], keys: &[Key]) -> Vec<usize> {
    let n = cols.first().map_or(0, Col::len);
    let mut rows: Vec<usize> = (0..n).collect();
    let radix: Option<Vec<Vec<u64>>> = keys.iter().map(|k| cols[k.col].radix_keys(k.ascending)).collect();
    match radix {
        Some(passes) => {
            for kv in passes.iter().rev() {
                radix::sort_by_key(&mut rows, |&r| kv[r]);
            }
        }
        None => rows.sort_by(|&i, &j| order(cols, i, cols, j, keys)),
    }
    rows
}

fn take_all(cols: &[Col], rows: &[usize]) -> Vec<Col> {
    cols.iter().map(|c| c.take(rows)).collect()
}

/// The table's rows sorted by `keys`, ties in global row order (`offset`
/// is this rank's first global row); a distributed table's rows end on the
/// rank of their range (collective when `distributed`).
pub fn sort_table(mut cols: Vec<Col>, keys: &[Key], offset: i64, distributed: bool) -> PyResult<Vec<Col>> {
    let n = cols.first().map_or(0, Col::len);
    cols.push(Col::Int((offset..offset + n as i64).collect()));
    let mut keys = keys.to_vec();
    keys.push(Key { col: cols.len() - 1, ascending: true });
    let mut cols = take_all(&cols, &sorted_rows(&cols, &keys));
    let p = mpi_env::size() as usize;
    if distributed && p > 1 {
        // `p` evenly spaced rows of each rank; the gathered samples, sorted,
        // give `p - 1` splitters.
        let k = n.min(p);
        let picks: Vec<usize> = (0..k).map(|j| j * n / k).collect();
        let samples = cols.iter().map(|c| c.take(&picks).gather_all()).collect::<PyResult<Vec<Col>>>()?;
        let order_s = sorted_rows(&samples, &keys);
        let m = order_s.len();
        let splitters: Vec<usize> = (1..p).filter(|_| m > 0).map(|r| order_s[r * m / p]).collect();
        // A row goes to the rank after the last splitter not above it.
        let dest: Vec<usize> = (0..n)
            .map(|i| splitters.partition_point(|&s| order(&samples, s, &cols, i, &keys) != Ordering::Greater))
            .collect();
        let plan = Plan::new(&dest)?;
        let moved: Vec<Col> = cols.iter().map(|c| c.exchange(&plan)).collect();
        cols = take_all(&moved, &sorted_rows(&moved, &keys));
    }
    cols.pop();
    Ok(cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_directions_nan_last_and_ties_in_order() {
        let cols = vec![Col::Int(vec![1, 0, 1, 0, 1]), Col::Float(vec![2.0, f64::NAN, f64::NAN, 5.0, 2.0])];
        let asc_desc = [Key { col: 0, ascending: true }, Key { col: 1, ascending: false }];
        assert_eq!(sorted_rows(&cols, &asc_desc), [3, 1, 0, 4, 2]);
        let desc = [Key { col: 1, ascending: false }];
        assert_eq!(sorted_rows(&cols, &desc), [3, 0, 4, 1, 2]);
        let sorted = sort_table(cols, &asc_desc, 0, false).unwrap();
        assert!(matches!(&sorted[0], Col::Int(v) if v == &[0, 0, 1, 1, 1]));
    }

    #[test]
    fn nat_last_either_way_not_the_earliest_time() {
        use super::super::table::Time;
        use crate::frame_fmt::datetime::NAT;
        let t = |v: &[i64]| Col::Time(v.iter().map(|&x| Time(x)).collect());
        let cols = vec![t(&[5, NAT, -3, 5, NAT]), Col::Int(vec![0, 1, 0, 1, 0])];
        assert_eq!(sorted_rows(&cols, &[Key { col: 0, ascending: true }]), [2, 0, 3, 1, 4]);
        assert_eq!(sorted_rows(&cols, &[Key { col: 0, ascending: false }]), [0, 3, 2, 1, 4]);
        let int_then_time = [Key { col: 1, ascending: true }, Key { col: 0, ascending: true }];
        assert_eq!(sorted_rows(&cols, &int_then_time), [2, 0, 4, 3, 1]);
        // The row-comparing sort (several keys and a cross-rank splitter) agrees.
        assert_eq!(order(&cols, 1, &cols, 2, &int_then_time[1..]), Ordering::Greater);
        assert_eq!(order(&cols, 1, &cols, 4, &int_then_time[1..]), Ordering::Equal);
    }
}
