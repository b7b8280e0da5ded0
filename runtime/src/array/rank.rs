//! pandas' `Series.rank()` with `na_option="keep"`: each present value's
//! 1-based place among the present values in the asked direction, ties
//! resolved by the method (`bodo_abi::rank`), missing values (NaN, None,
//! NaT) ranked NaN; float64, in the input's rows and layout.
//!
//! The values are sorted with their global row positions by the table sort
//! (`table_sort.rs`: ties in row order, which is `method="first"`), so each
//! rank holds a block of the sorted order, its missing values after all
//! present ones. A tie group may span blocks, even whole ones, so the ranks
//! share a summary of their blocks ([`Block`]) from which [`block_ranks`]
//! finds where each group starts and ends globally, and the ranks go back
//! to their rows' ranks by the table's row exchange.

use super::comm::allgather_i64s;
use super::object::ArrObj;
use super::table::{Col, Plan, Time};
use super::table_sort::{sort_table, Key};
use crate::errors::PyResult;
use crate::mpi_env;
use bodo_abi::rank::{AVERAGE, DATETIMES, DENSE, DESCENDING, FIRST, MAX, METHOD_MASK, MIN, PCT};
use std::cmp::Ordering;

/// One rank's sorted block of present values, as the others need to know it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Block {
    /// Present values in the block.
    pub len: i64,
    /// Rows of its first and of its last tie group.
    pub head: i64,
    pub tail: i64,
    /// Tie groups (distinct values) in the block.
    pub groups: i64,
    /// Whether its first value equals the last value of the nearest
    /// non-empty block before it (its first group continues that one).
    pub joins: bool,
}

/// The lengths of the tie groups of the first `present` rows of sorted `v`.
fn runs(v: &Col, present: usize) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::new();
    for i in 0..present {
        match out.last_mut() {
            Some(n) if v.order(i, v, i - 1) == Ordering::Equal => *n += 1,
            _ => out.push(1),
        }
    }
    out
}

/// The four numbers of a block of tie groups `runs` every rank shares.
fn sizes(runs: &[i64]) -> [i64; 4] {
    let (head, tail) = (runs.first().copied().unwrap_or(0), runs.last().copied().unwrap_or(0));
    [runs.iter().sum(), head, tail, runs.len() as i64]
}

/// Every rank's block from their [`sizes`] in rank order and `ends`, the
/// first and last present values of each non-empty block in rank order.
fn blocks(sizes: &[i64], ends: &Col) -> Vec<Block> {
    let mut last: Option<usize> = None;
    let mut at = 0;
    sizes
        .chunks_exact(4)
        .map(|s| {
            let mut b = Block { len: s[0], head: s[1], tail: s[2], groups: s[3], joins: false };
            if b.len > 0 {
                b.joins = last.is_some_and(|l| ends.order(at, ends, l) == Ordering::Equal);
                last = Some(at + 1);
                at += 2;
            }
            b
        })
        .collect()
}

/// The ranks of the present values of block `me` of `blocks`, whose tie
/// groups are `runs` long, by method `method` (a `bodo_abi::rank` code),
/// as shares of all present values (or of all distinct ones for `DENSE`)
/// with `pct`.
pub fn block_ranks(runs: &[i64], blocks: &[Block], me: usize, method: i64, pct: bool) -> Vec<f64> {
    let before: i64 = blocks[..me].iter().map(|b| b.len).sum();
    let total: i64 = blocks.iter().map(|b| b.len).sum();
    let joins = |bs: &[Block]| bs.iter().filter(|b| b.joins).count() as i64;
    let distinct = blocks.iter().map(|b| b.groups).sum::<i64>() - joins(blocks);
    // The dense rank of the first group less one: the groups before it.
    let dense_before = blocks[..me].iter().map(|b| b.groups).sum::<i64>() - joins(&blocks[..=me]);
    // Where the first group starts: back through the blocks it continues,
    // over empty ones, whole ones of one group, into the last group of another.
    let mut first_start = before;
    if blocks[me].joins {
        for b in blocks[..me].iter().rev().filter(|b| b.len > 0) {
            first_start -= b.tail;
            if !(b.groups == 1 && b.joins) {
                break;
            }
        }
    }
    // Where the last group ends (exclusive), forward likewise.
    let mut last_end = before + blocks[me].len;
    for b in blocks[me + 1..].iter().filter(|b| b.len > 0) {
        if !b.joins {
            break;
        }
        last_end += b.head;
        if b.groups != 1 {
            break;
        }
    }
    let scale = match (pct, method) {
        (false, _) => 1.0,
        (true, DENSE) => distinct as f64,
        (true, _) => total as f64,
    };
    let mut out = Vec::with_capacity(blocks[me].len as usize);
    let mut pos = before;
    for (j, &n) in runs.iter().enumerate() {
        let start = if j == 0 { first_start } else { pos };
        let end = if j + 1 == runs.len() { last_end } else { pos + n };
        for p in pos..pos + n {
            // Exact as floats: the mean of start+1..=end is a half-integer.
            let r = match method {
                AVERAGE => (start + 1 + end) as f64 / 2.0,
                MIN => (start + 1) as f64,
                MAX => end as f64,
                FIRST => (p + 1) as f64,
                _ => (dense_before + j as i64 + 1) as f64,
            };
            out.push(r / scale);
        }
        pos += n;
    }
    out
}

/// `s.rank(...)` of the values `a` (`flags` of `bodo_abi::rank`): a new
/// float64 array of `a`'s rows and layout (collective when `a` is
/// distributed).
///
/// # Safety
/// `a` is a live 1D array.
pub unsafe fn rank_values(a: &ArrObj, flags: i64) -> PyResult<*mut ArrObj> {
    let values = match Col::of(a) {
        Col::Int(v) if flags & DATETIMES != 0 => Col::Time(v.into_iter().map(Time).collect()),
        c => c,
    };
    let n = values.len();
    let spread = a.is_dist() && mpi_env::size() > 1;
    // Each rank's first global row, from the lengths (the sort's tags and
    // the way back must agree).
    let me = if spread { mpi_env::rank() as usize } else { 0 };
    let lens = if spread { allgather_i64s(&[n as i64]) } else { vec![n as i64] };
    let starts: Vec<i64> = lens.iter().scan(0, |acc, &l| Some(std::mem::replace(acc, *acc + l))).collect();
    let offset = starts[me];
    // The positions travel as a column of their own: the sort drops the
    // tags it breaks ties with.
    let table = vec![values, Col::Int((offset..offset + n as i64).collect())];
    let key = Key { col: 0, ascending: flags & DESCENDING == 0 };
    let sorted = sort_table(table, &[key], offset, spread)?;
    let (values, Col::Int(positions)) = (&sorted[0], &sorted[1]) else { unreachable!("positions are ints") };
    // Missing values sort last whatever the direction.
    let present = (0..values.len()).take_while(|&i| !values.missing(i)).count();
    let groups = runs(values, present);
    let mine = sizes(&groups);
    let picks = if present > 0 { vec![0, present - 1] } else { Vec::new() };
    let ends = values.take(&picks);
    let all = if spread { blocks(&allgather_i64s(&mine), &ends.gather_all()?) } else { blocks(&mine, &ends) };
    let mut ranks = block_ranks(&groups, &all, me, flags & METHOD_MASK, flags & PCT != 0);
    ranks.resize(values.len(), f64::NAN);
    let mut out = vec![f64::NAN; n];
    if spread {
        // Each rank's row goes back to the rank holding its position.
        let dest: Vec<usize> = positions.iter().map(|&p| starts.partition_point(|&s| s <= p) - 1).collect();
        let plan = Plan::new(&dest)?;
        let (Col::Int(pos), Col::Float(r)) = (sorted[1].exchange(&plan), Col::Float(ranks).exchange(&plan)) else {
            unreachable!("exchanges keep column types")
        };
        for (p, r) in pos.into_iter().zip(r) {
            out[(p - offset) as usize] = r;
        }
    } else {
        for (&p, r) in positions.iter().zip(ranks) {
            out[p as usize] = r;
        }
    }
    Col::Float(out).into_array(a.shape())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ranks of sorted `v` (missing values last) cut into blocks of
    /// `cuts` rows, as each block computes its own from the shared summary.
    fn ranks_in_blocks(v: &[f64], cuts: &[usize], method: i64, pct: bool) -> Vec<f64> {
        let col = Col::Float(v.to_vec());
        let mut parts = Vec::new();
        let mut at = 0;
        for &c in cuts {
            let rows: Vec<usize> = (at..at + c).collect();
            parts.push(col.take(&rows));
            at += c;
        }
        let present = |p: &Col| (0..p.len()).take_while(|&i| !p.missing(i)).count();
        let groups: Vec<Vec<i64>> = parts.iter().map(|p| runs(p, present(p))).collect();
        let shared: Vec<i64> = groups.iter().flat_map(|g| sizes(g)).collect();
        let ends: Vec<usize> = parts
            .iter()
            .scan(0, |at, p| {
                let first = *at;
                *at += p.len();
                Some((first, present(p)))
            })
            .filter(|&(_, m)| m > 0)
            .flat_map(|(first, m)| [first, first + m - 1])
            .collect();
        let all = blocks(&shared, &col.take(&ends));
        let mut out = Vec::new();
        for (me, (p, g)) in parts.iter().zip(&groups).enumerate() {
            let mut r = block_ranks(g, &all, me, method, pct);
            r.resize(p.len(), f64::NAN);
            out.extend(r);
        }
        out
    }

    fn same(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y || (x.is_nan() && y.is_nan()))
    }

    #[test]
    fn methods_as_pandas_ranks_them() {
        // pandas' ranks of [0, 1, 1, 2, 2, 2, 5, NaN] (sorted).
        let v = [0.0, 1.0, 1.0, 2.0, 2.0, 2.0, 5.0, f64::NAN];
        let nan = f64::NAN;
        let all = [v.len()];
        assert!(same(&ranks_in_blocks(&v, &all, AVERAGE, false), &[1.0, 2.5, 2.5, 5.0, 5.0, 5.0, 7.0, nan]));
        assert!(same(&ranks_in_blocks(&v, &all, MIN, false), &[1.0, 2.0, 2.0, 4.0, 4.0, 4.0, 7.0, nan]));
        assert!(same(&ranks_in_blocks(&v, &all, MAX, false), &[1.0, 3.0, 3.0, 6.0, 6.0, 6.0, 7.0, nan]));
        assert!(same(&ranks_in_blocks(&v, &all, FIRST, false), &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, nan]));
        assert!(same(&ranks_in_blocks(&v, &all, DENSE, false), &[1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, nan]));
        let pct = ranks_in_blocks(&v, &all, DENSE, true);
        assert!(same(&pct, &[0.25, 0.5, 0.5, 0.75, 0.75, 0.75, 1.0, nan]));
        let pct = ranks_in_blocks(&v, &all, MIN, true);
        assert_eq!(pct[3], 4.0 / 7.0);
    }

    #[test]
    fn ties_across_blocks_agree_with_one_block() {
        // A group spanning three blocks (one of them whole), an empty
        // block inside a group, a block of missing values only.
        let v = [1.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 4.0, 4.0, 7.0, f64::NAN, f64::NAN];
        let cuts: [&[usize]; 6] =
            [&[2, 3, 2, 5], &[1, 0, 6, 0, 5], &[4, 2, 1, 2, 3], &[7, 2, 1, 2], &[0, 0, 12], &[10, 2]];
        for method in [AVERAGE, MIN, MAX, FIRST, DENSE] {
            for pct in [false, true] {
                let whole = ranks_in_blocks(&v, &[v.len()], method, pct);
                for c in cuts {
                    assert!(same(&ranks_in_blocks(&v, c, method, pct), &whole), "method {method} cuts {c:?}");
                }
            }
        }
    }

    #[test]
    fn joins_only_equal_neighbours_past_empty_blocks() {
        let ends = Col::Int(vec![1, 3, 3, 3, 4, 9]);
        let shared = [2, 1, 1, 2, 0, 0, 0, 0, 3, 3, 3, 1, 0, 0, 0, 0, 2, 1, 1, 2];
        let got: Vec<bool> = blocks(&shared, &ends).iter().map(|b| b.joins).collect();
        assert_eq!(got, [false, false, true, false, false]);
    }
}
