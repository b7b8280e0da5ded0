//! A table's distinct keys: pandas' `drop_duplicates`, `unique` and
//! `value_counts`. Rows are tagged with their global position and, when
//! distributed, sent to the rank their key hashes to (in global row order,
//! so each key's first row there is its first row anywhere); each rank
//! keeps one row per key (with the count of its rows when asked), and the
//! kept rows are sorted across ranks by first appearance, or by count with
//! ties by first appearance (or by key), which is the order pandas gives.

use super::comm::allgather_i64s;
use super::groupby::{group_ids, shuffled};
use super::table::{var_layout, Col};
use super::table_sort::{sort_table, Key};
use crate::errors::PyResult;
use bodo_abi::distinct::{ASCENDING, BY_COUNT, BY_KEYS, COUNTS, DROPNA, NORMALIZE};

/// The distinct values of columns `keys` of table `cols` (`flags` of
/// `bodo_abi::distinct`): with `COUNTS` the key columns and an int64 count
/// column (float64 shares with `NORMALIZE`), else every column of each key's first row (collective when
/// `distributed`; `offset` is this rank's first global row).
pub fn distinct_rows(cols: &[Col], keys: &[usize], flags: i64, offset: i64, distributed: bool) -> PyResult<Vec<Col>> {
    let n = cols.first().map_or(0, Col::len);
    let rows: Vec<usize> = if flags & DROPNA != 0 {
        (0..n).filter(|&i| keys.iter().all(|&k| !cols[k].missing(i))).collect()
    } else {
        (0..n).collect()
    };
    let counts = flags & COUNTS != 0;
    // The columns carried along, and where the keys are among them.
    let (carried, at): (Vec<usize>, Vec<usize>) =
        if counts { (keys.to_vec(), (0..keys.len()).collect()) } else { ((0..cols.len()).collect(), keys.to_vec()) };
    let mut t: Vec<Col> = carried.iter().map(|&c| cols[c].take(&rows)).collect();
    t.push(Col::Int(rows.iter().map(|&i| offset + i as i64).collect()));
    if distributed {
        t = shuffled(t, &at)?;
    }
    let (ids, firsts) = group_ids(&t, &at);
    let mut out: Vec<Col> = t.iter().map(|c| c.take(&firsts)).collect();
    let mut by = Vec::new();
    if counts {
        let mut n = vec![0i64; firsts.len()];
        for g in ids {
            n[g] += 1;
        }
        if flags & BY_COUNT != 0 {
            by.push(Key { col: out.len() - 1, ascending: flags & ASCENDING != 0 });
        }
        let counted = if flags & NORMALIZE == 0 {
            Col::Int(n)
        } else {
            // Shares of every row counted, on all ranks.
            let total: i64 =
                if distributed { allgather_i64s(&[rows.len() as i64]).iter().sum() } else { rows.len() as i64 };
            Col::Float(n.iter().map(|&c| c as f64 / total as f64).collect())
        };
        out.insert(out.len() - 1, counted);
    }
    if flags & BY_KEYS != 0 {
        by.extend(at.iter().map(|&col| Key { col, ascending: true }));
    }
    by.push(Key { col: out.len() - 1, ascending: true });
    let first = if distributed { var_layout(out[0].len()).0 } else { 0 };
    let mut sorted = sort_table(out, &by, first, distributed)?;
    sorted.pop();
    Ok(sorted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(c: &Col) -> Vec<i64> {
        match c {
            Col::Int(v) => v.clone(),
            _ => panic!("an int column"),
        }
    }

    #[test]
    fn first_rows_in_order_of_appearance() {
        let cols = vec![Col::Int(vec![10, 11, 12, 13, 14]), Col::Float(vec![2.0, f64::NAN, 1.0, 2.0, f64::NAN])];
        let kept = distinct_rows(&cols, &[1], 0, 0, false).unwrap();
        assert_eq!(ints(&kept[0]), [10, 11, 12]);
        let dropped = distinct_rows(&cols, &[1], DROPNA, 0, false).unwrap();
        assert_eq!(ints(&dropped[0]), [10, 12]);
    }

    #[test]
    fn counts_by_count_ties_in_order_of_appearance() {
        let cols = vec![Col::Int(vec![0, 1, 2, 3, 4, 5]), Col::Int(vec![7, 5, 5, 9, 7, 3])];
        let vc = distinct_rows(&cols, &[1], COUNTS | DROPNA | BY_COUNT, 0, false).unwrap();
        assert_eq!(ints(&vc[0]), [7, 5, 9, 3]);
        assert_eq!(ints(&vc[1]), [2, 2, 1, 1]);
        let asc = distinct_rows(&cols, &[1], COUNTS | BY_COUNT | ASCENDING, 0, false).unwrap();
        assert_eq!(ints(&asc[0]), [9, 3, 7, 5]);
        let unsorted = distinct_rows(&cols, &[1], COUNTS, 0, false).unwrap();
        assert_eq!(ints(&unsorted[0]), [7, 5, 9, 3]);
        let by_keys = distinct_rows(&cols, &[1], COUNTS | BY_COUNT | BY_KEYS, 0, false).unwrap();
        assert_eq!(ints(&by_keys[0]), [5, 7, 3, 9]);
    }

    #[test]
    fn nat_is_one_key_or_dropped() {
        use super::super::table::Time;
        use crate::frame_fmt::datetime::NAT;
        let times = [NAT, 4, NAT, i64::MIN + 1, 4].map(Time).to_vec();
        let cols = vec![Col::Int(vec![10, 11, 12, 13, 14]), Col::Time(times)];
        let kept = distinct_rows(&cols, &[1], 0, 0, false).unwrap();
        assert_eq!(ints(&kept[0]), [10, 11, 13]);
        let dropped = distinct_rows(&cols, &[1], DROPNA, 0, false).unwrap();
        assert_eq!(ints(&dropped[0]), [11, 13]);
        let vc = distinct_rows(&cols, &[1], COUNTS | DROPNA | BY_COUNT, 0, false).unwrap();
        assert!(matches!(&vc[0], Col::Time(v) if v == &[Time(4), Time(i64::MIN + 1)]));
        assert_eq!(ints(&vc[1]), [2, 1]);
    }
}
