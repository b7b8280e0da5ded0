//! pandas' groupby on a table: rows with a missing key dropped (`dropna=True`),
//! a distributed table's rows sent to the rank their keys hash to, then
//! each rank's rows numbered by group (a hash table) and bucketed by the
//! groups' key order, so each group is a run of rows in their original
//! order (`group_aggs.rs` computes over them). Aggregated tables are sorted by key across ranks afterwards
//! (pandas' `sort=True`); per-row results (`transform`, `cumsum`) go back to
//! the ranks and places of their rows.

use super::group_aggs::{aggregate, per_row};
use super::table::{var_layout, Col, Plan};
use super::table_sort::{sort_table, sorted_rows, Key};
use crate::errors::PyResult;
use crate::mpi_env;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::Range;

/// A table's grouped rows: the key columns, then the value columns, then
/// each row's global position; and the groups' row ranges.
struct Grouped {
    cols: Vec<Col>,
    groups: Vec<Range<usize>>,
}

/// Groups the rows of `cols` by the columns `keys`, keeping the columns
/// `values` (collective when `distributed`; `offset` is this rank's first
/// global row).
fn grouped(cols: &[Col], keys: &[usize], values: &[usize], offset: i64, distributed: bool) -> PyResult<Grouped> {
    let n = cols.first().map_or(0, Col::len);
    let kept: Vec<usize> = (0..n).filter(|&i| keys.iter().all(|&k| !cols[k].missing(i))).collect();
    let mut t: Vec<Col> = keys.iter().chain(values).map(|&c| cols[c].take(&kept)).collect();
    t.push(Col::Int(kept.iter().map(|&i| offset + i as i64).collect()));
    let nk = keys.len();
    let key_cols: Vec<usize> = (0..nk).collect();
    if distributed {
        t = shuffled(t, &key_cols)?;
    }
    // The rows are in global row order (an exchange keeps each sender's
    // order, and senders come in rank order), so a stable bucketing by the
    // groups' key order gives each group's rows in their original order.
    let (ids, reps) = group_ids(&t, &key_cols);
    let by_key: Vec<Key> = (0..nk).map(|col| Key { col, ascending: true }).collect();
    let firsts: Vec<Col> = t[..nk].iter().map(|c| c.take(&reps)).collect();
    let mut rank = vec![0; reps.len()];
    for (r, g) in sorted_rows(&firsts, &by_key).into_iter().enumerate() {
        rank[g] = r;
    }
    let mut starts = vec![0usize; reps.len() + 1];
    for &g in &ids {
        starts[rank[g] + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut at = starts.clone();
    let mut rows = vec![0; ids.len()];
    for (i, &g) in ids.iter().enumerate() {
        rows[at[rank[g]]] = i;
        at[rank[g]] += 1;
    }
    let cols: Vec<Col> = t.iter().map(|c| c.take(&rows)).collect();
    let groups = starts.windows(2).map(|w| w[0]..w[1]).collect();
    Ok(Grouped { cols, groups })
}

/// The hash of row `i`'s values in columns `keys` of `t`, one for every
/// missing value (a NaN's bits vary).
fn row_hash(t: &[Col], keys: &[usize], i: usize) -> u64 {
    keys.iter().fold(0u64, |h, &k| {
        let v = if t[k].missing(i) { 0x9e37_79b9_7f4a_7c15 } else { t[k].hash(i) };
        h.wrapping_mul(0x100_0000_01b3) ^ v
    })
}

/// The rows of table `t` sent to the rank their values in columns `keys`
/// hash to, so equal keys meet on one rank, in global row order when `t`'s
/// were (collective).
pub(super) fn shuffled(t: Vec<Col>, keys: &[usize]) -> PyResult<Vec<Col>> {
    let p = mpi_env::size() as usize;
    if p == 1 {
        return Ok(t);
    }
    let n = t.first().map_or(0, Col::len);
    let dest: Vec<usize> = (0..n).map(|i| (row_hash(&t, keys, i) % p as u64) as usize).collect();
    let plan = Plan::new(&dest)?;
    Ok(t.iter().map(|c| c.exchange(&plan)).collect())
}

/// The group of each row of table `t` by its values in columns `keys`
/// (missing values equal to each other), numbered in order of first
/// appearance, and each group's first row.
pub(super) fn group_ids(t: &[Col], keys: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let n = t.first().map_or(0, Col::len);
    let same = |i: usize, j: usize| keys.iter().all(|&k| t[k].order(i, &t[k], j) == Ordering::Equal);
    // Groups by hash; a hash shared by other keys lists each group.
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    let (mut ids, mut reps) = (Vec::with_capacity(n), Vec::new());
    for i in 0..n {
        let list = seen.entry(row_hash(t, keys, i)).or_default();
        let g = match list.iter().find(|&&g| same(reps[g], i)) {
            Some(&g) => g,
            None => {
                list.push(reps.len());
                reps.push(i);
                reps.len() - 1
            }
        };
        ids.push(g);
    }
    (ids, reps)
}

/// One row per group: the key columns, then aggregation `code` of column
/// `col` for each `(col, code)` of `aggs`; sorted by key across ranks
/// (collective when `distributed`).
pub fn group_table(
    cols: &[Col],
    keys: &[usize],
    aggs: &[(usize, i64)],
    offset: i64,
    distributed: bool,
) -> PyResult<Vec<Col>> {
    let values: Vec<usize> = aggs.iter().map(|a| a.0).collect();
    let g = grouped(cols, keys, &values, offset, distributed)?;
    let nk = keys.len();
    let firsts: Vec<usize> = g.groups.iter().map(|r| r.start).collect();
    let mut out: Vec<Col> = g.cols[..nk].iter().map(|c| c.take(&firsts)).collect();
    out.extend(aggs.iter().enumerate().map(|(k, a)| aggregate(&g.cols[nk + k], &g.groups, a.1)));
    if !distributed {
        return Ok(out);
    }
    let by_key: Vec<Key> = (0..nk).map(|col| Key { col, ascending: true }).collect();
    let first = var_layout(out[0].len()).0;
    sort_table(out, &by_key, first, distributed)
}

/// Per row of the table, in its rows' places: `code` of column `col`
/// within each row's group (`bodo_abi::agg::CUMSUM` or a `transform`);
/// missing where the key is (collective when `distributed`).
pub fn group_rows(
    cols: &[Col],
    keys: &[usize],
    col: usize,
    code: i64,
    offset: i64,
    distributed: bool,
) -> PyResult<Col> {
    let n = cols.first().map_or(0, Col::len);
    let g = grouped(cols, keys, &[col], offset, distributed)?;
    let mut vals = per_row(&g.cols[keys.len()], &g.groups, code);
    let mut at = g.cols.last().expect("row positions").clone();
    if distributed && mpi_env::size() > 1 {
        // Back to the rank holding each row: the last whose first row is
        // not after it.
        let firsts = super::comm::allgather_i64s(&[offset]);
        let Col::Int(pos) = &at else { unreachable!("row positions are ints") };
        let dest: Vec<usize> = pos.iter().map(|&r| firsts.partition_point(|&f| f <= r) - 1).collect();
        let plan = Plan::new(&dest)?;
        vals = vals.exchange(&plan);
        at = at.exchange(&plan);
    }
    let Col::Int(pos) = &at else { unreachable!("row positions are ints") };
    let mut rows = vec![None; n];
    for (k, &r) in pos.iter().enumerate() {
        rows[(r - offset) as usize] = Some(k);
    }
    Ok(vals.take_or_na(&rows))
}
