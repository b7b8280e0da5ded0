//! pandas' merge of two frames' tables (`bodo_abi::join`): distributed
//! tables are hash-shuffled by key (the exchange groupby uses, `table.rs`'s
//! [`Plan`]) so equal keys meet on one rank, then each rank joins its rows
//! with a hash table of the other side's. A table whole on every rank
//! (REP) joins each rank's rows of a distributed one where they are, unless
//! its own unmatched rows are kept (they would appear on every rank): then
//! each rank takes its block of it and both are shuffled. Missing keys
//! (NaN, None, NaT) match each other, as in pandas.

use super::frame_table::{table_of, tuple_from};
use super::table::{Col, Plan, S};
use crate::errors::PyResult;
use crate::mpi_env;
use crate::object::{TupleObj, TypeDesc};
use bodo_abi::{block_range, join};
use std::cmp::Ordering;
use std::collections::HashMap;

/// A result row: the left and the right row it joins (`None`: missing).
type Pair = (Option<usize>, Option<usize>);

/// A hash of row `i` of the key columns, equal for rows whose keys are.
fn key_hash(keys: &[&Col], i: usize) -> u64 {
    keys.iter().fold(0u64, |h, c| h.wrapping_mul(0x100_0000_01b3) ^ c.hash(i))
}

/// The row pairs joining the local rows of key columns `lk` and `rk` as
/// `how` asks: the left rows' order (the right ones' for a right join, as
/// pandas), each with its matches in order; an outer join's unmatched
/// right rows last.
fn join_rows(lk: &[&Col], rk: &[&Col], how: i64) -> Vec<Pair> {
    if how == join::RIGHT {
        return join_rows(rk, lk, join::LEFT).into_iter().map(|(a, b)| (b, a)).collect();
    }
    let (nl, nr) = (lk.first().map_or(0, |c| c.len()), rk.first().map_or(0, |c| c.len()));
    let mut table: HashMap<u64, Vec<usize>> = HashMap::new();
    for j in 0..nr {
        table.entry(key_hash(rk, j)).or_default().push(j);
    }
    let same = |i: usize, j: usize| lk.iter().zip(rk).all(|(a, b)| a.order(i, b, j) == Ordering::Equal);
    let mut matched = vec![false; nr];
    let mut out = Vec::with_capacity(nl);
    for i in 0..nl {
        let before = out.len();
        for &j in table.get(&key_hash(lk, i)).map_or(&[][..], Vec::as_slice) {
            if same(i, j) {
                out.push((Some(i), Some(j)));
                matched[j] = true;
            }
        }
        if out.len() == before && how != join::INNER {
            out.push((Some(i), None));
        }
    }
    if how == join::OUTER {
        out.extend((0..nr).filter(|&j| !matched[j]).map(|j| (None, Some(j))));
    }
    out
}

/// This rank's block of the rows of a table every rank holds whole.
pub(super) fn block_part(t: Vec<Col>) -> Vec<Col> {
    let n = t.first().map_or(0, Col::len) as i64;
    let (s, c) = block_range(n, mpi_env::rank(), mpi_env::size());
    let rows: Vec<usize> = (s as usize..(s + c) as usize).collect();
    t.iter().map(|c| c.take(&rows)).collect()
}

/// The rows of `t` sent to the rank their keys hash to (collective).
fn shuffled(t: Vec<Col>, keys: &[usize]) -> PyResult<Vec<Col>> {
    let p = mpi_env::size() as u64;
    let kc: Vec<&Col> = keys.iter().map(|&k| &t[k]).collect();
    let dest: Vec<usize> = (0..t.first().map_or(0, Col::len)).map(|i| (key_hash(&kc, i) % p) as usize).collect();
    let plan = Plan::new(&dest)?;
    Ok(t.iter().map(|c| c.exchange(&plan)).collect())
}

/// Column `c` at `rows`, a missing value where a row is `None`; an int
/// column made float64 when `float` (NaN for the missing values).
fn col_at(c: &Col, rows: &[Option<usize>], float: bool) -> Col {
    match (c, float) {
        (Col::Int(v), true) => Col::Float(rows.iter().map(|r| r.map_or(f64::NAN, |r| v[r] as f64)).collect()),
        _ => c.take_or_na(rows),
    }
}

/// Key values `a`, those of `b` where `from_b` says (a key both sides share).
fn coalesce(a: Col, b: Col, from_b: &[bool]) -> Col {
    fn fill<T: Copy>(a: &mut [T], b: &[T], from_b: &[bool]) {
        for ((x, y), &f) in a.iter_mut().zip(b).zip(from_b) {
            if f {
                *x = *y;
            }
        }
    }
    match (a, b) {
        (Col::Int(mut x), Col::Int(y)) => {
            fill(&mut x, &y, from_b);
            Col::Int(x)
        }
        (Col::Time(mut x), Col::Time(y)) => {
            fill(&mut x, &y, from_b);
            Col::Time(x)
        }
        (Col::Float(mut x), Col::Float(y)) => {
            fill(&mut x, &y, from_b);
            Col::Float(x)
        }
        (Col::Bool(mut x), Col::Bool(y)) => {
            fill(&mut x, &y, from_b);
            Col::Bool(x)
        }
        (Col::Str(mut x, mut keep), Col::Str(y, more)) => {
            fill::<S>(&mut x, &y, from_b);
            keep.extend(more);
            Col::Str(x, keep)
        }
        // The compiler gives both keys one type.
        (a, _) => a,
    }
}

/// The merge of tables `l` and `r` on the key positions `lkeys`/`rkeys`:
/// the result columns `outs` (`bodo_abi::join`'s codes) of the joined rows
/// (collective when either is distributed).
#[allow(clippy::too_many_arguments)]
fn merge_tables(
    mut l: Vec<Col>,
    ldist: bool,
    mut r: Vec<Col>,
    rdist: bool,
    lkeys: &[usize],
    rkeys: &[usize],
    outs: &[i64],
    how: i64,
) -> PyResult<Vec<Col>> {
    if (ldist || rdist) && mpi_env::size() > 1 {
        let local = (ldist && !rdist && matches!(how, join::INNER | join::LEFT))
            || (rdist && !ldist && matches!(how, join::INNER | join::RIGHT));
        if !local {
            if !ldist {
                l = block_part(l);
            }
            if !rdist {
                r = block_part(r);
            }
            l = shuffled(l, lkeys)?;
            r = shuffled(r, rkeys)?;
        }
    }
    let lk: Vec<&Col> = lkeys.iter().map(|&k| &l[k]).collect();
    let rk: Vec<&Col> = rkeys.iter().map(|&k| &r[k]).collect();
    let (lrows, rrows): (Vec<Option<usize>>, Vec<Option<usize>>) = join_rows(&lk, &rk, how).into_iter().unzip();
    let from_right: Vec<bool> = lrows.iter().map(Option::is_none).collect();
    let cols = outs
        .iter()
        .map(|&code| {
            let (pos, float) = ((code >> 3) as usize, code & 4 != 0);
            match code & 3 {
                join::FROM_LEFT => col_at(&l[pos], &lrows, float),
                join::FROM_RIGHT => col_at(&r[pos], &rrows, float),
                _ => coalesce(l[lkeys[pos]].take_or_na(&lrows), r[rkeys[pos]].take_or_na(&rrows), &from_right),
            }
        })
        .collect();
    Ok(cols)
}

/// `pd.merge` of frame tuples `x` and `y` (arrays from items `xfirst` and
/// `yfirst`) on the table positions `lkeys`/`rkeys` pairwise, as a new
/// tuple of descriptor `out`: a RangeIndex, then the columns `outs`
/// (1D_Block_Var and collective when either is distributed).
///
/// # Safety
/// `x` and `y` are live frame tuples; `out` describes the result.
#[allow(clippy::too_many_arguments)]
pub unsafe fn frame_merge(
    x: *const TupleObj,
    xfirst: usize,
    y: *const TupleObj,
    yfirst: usize,
    lkeys: &[i64],
    rkeys: &[i64],
    outs: &[i64],
    how: i64,
    out: *const TypeDesc,
) -> PyResult<*mut TupleObj> {
    let (l, lx) = table_of(x, xfirst)?;
    let (r, rx) = table_of(y, yfirst)?;
    let (ldist, rdist) = (lx.is_dist(), rx.is_dist());
    let lkeys: Vec<usize> = lkeys.iter().map(|&k| k as usize).collect();
    let rkeys: Vec<usize> = rkeys.iter().map(|&k| k as usize).collect();
    let cols = merge_tables(l, ldist, r, rdist, &lkeys, &rkeys, outs, how)?;
    tuple_from(out, &[0, 1], cols, ldist || rdist)
}
