//! `pd.concat` of frames or series along the rows: their tables (labels,
//! unless a new RangeIndex replaces them, then the columns in the result's
//! order) appended frame after frame. Distributed, the result is in blocks
//! of the global order (frame 1's rows, then frame 2's, ...): each frame's
//! rows go to the rank whose block holds them (an exchange keeps every
//! sender's order and takes senders in rank order, so each frame arrives
//! in order), a frame whole on every rank (REP) sending its block.
//! A prange concatenation reduction (`df = pd.concat([df, x])`) starts each
//! rank from an empty frame and appends every rank's rows after the loop.

use super::frame_table::{table_of, tuple_from};
use super::join::block_part;
use super::table::{Col, Plan};
use crate::errors::{PyErr, PyResult};
use crate::mpi_env;
use crate::object::{TupleObj, TypeDesc};
use bodo_abi::{block_range, exc};

/// One input's table: its columns (the result's), whether it is
/// distributed, its first global row and its global row count.
struct Input {
    cols: Vec<Col>,
    dist: bool,
    offset: i64,
    glen: i64,
}

/// `from`'s values after `into`'s (columns of one type).
fn append(into: &mut Col, from: Col) {
    match (into, from) {
        (Col::Int(a), Col::Int(b)) => a.extend(b),
        (Col::Time(a), Col::Time(b)) => a.extend(b),
        (Col::Float(a), Col::Float(b)) => a.extend(b),
        (Col::Bool(a), Col::Bool(b)) => a.extend(b),
        (Col::Str(a, keep), Col::Str(b, more)) => {
            a.extend(b);
            keep.extend(more);
        }
        // The compiler gives every input's column one type (ints made
        // floats beside floats, below).
        _ => {}
    }
}

/// The rank whose block of `n` rows holds global row `g`.
fn owner(g: i64, n: i64, p: i64) -> usize {
    let (chunk, rem) = (n / p, n % p);
    let big = rem * (chunk + 1);
    (if g < big { g / (chunk + 1) } else { rem + (g - big) / chunk }) as usize
}

/// `pd.concat` of frame or series tuples `xs`: input `k`'s arrays start at
/// item `firsts[k]`, its labels are its first `lcs[k]` table columns and
/// `pos[k * ncols..]` are its columns' table positions in the result's
/// order; the labels are kept unless `ignore` (a new RangeIndex). A new
/// tuple of descriptor `out` (1D_Block_Var and collective when any input
/// is distributed).
///
/// # Safety
/// `xs` are live frame or series tuples; `out` describes the result.
pub unsafe fn frame_concat(
    xs: &[*const TupleObj],
    firsts: &[i64],
    lcs: &[i64],
    pos: &[i64],
    ncols: usize,
    ignore: bool,
    out: *const TypeDesc,
) -> PyResult<*mut TupleObj> {
    if xs.is_empty() {
        return Err(PyErr::new(exc::VALUE_ERROR, "No objects to concatenate"));
    }
    let mut inputs = Vec::with_capacity(xs.len());
    for (k, &x) in xs.iter().enumerate() {
        let (mut cols, like) = table_of(x, firsts[k] as usize)?;
        let mut take = |p: usize| std::mem::replace(&mut cols[p], Col::Int(Vec::new()));
        // The compiler keeps labels only when they are one column.
        let mut picked: Vec<Col> = if ignore || lcs[k] != 1 { Vec::new() } else { vec![take(0)] };
        picked.extend(pos[k * ncols..(k + 1) * ncols].iter().map(|&p| take(p as usize)));
        inputs.push(Input { cols: picked, dist: like.is_dist(), offset: like.offset, glen: like.glen });
    }
    // A column of ints beside one of floats is floats, as the compiler types it.
    for j in 0..inputs[0].cols.len() {
        if inputs.iter().any(|t| matches!(t.cols[j], Col::Float(_))) {
            for t in &mut inputs {
                if let Col::Int(v) = &t.cols[j] {
                    t.cols[j] = Col::Float(v.iter().map(|&x| x as f64).collect());
                }
            }
        }
    }
    let dist = inputs.iter().any(|t| t.dist);
    let mut res: Vec<Col> = inputs[0].cols.iter().map(|c| c.take(&[])).collect();
    let p = mpi_env::size();
    let total: i64 = inputs.iter().map(|t| t.glen).sum();
    let mut base = 0;
    for t in inputs {
        let mut cols = t.cols;
        if dist && p > 1 {
            let mut first = t.offset;
            if !t.dist {
                cols = block_part(cols);
                first = block_range(t.glen, mpi_env::rank(), p).0;
            }
            let n = cols.first().map_or(0, Col::len) as i64;
            let dest: Vec<usize> = (0..n).map(|i| owner(base + first + i, total, p)).collect();
            let plan = Plan::new(&dest)?;
            cols = cols.iter().map(|c| c.exchange(&plan)).collect();
        }
        for (into, c) in res.iter_mut().zip(cols) {
            append(into, c);
        }
        base += t.glen;
    }
    let lead: &[i64] = if ignore { &[0, 1] } else { &[] };
    tuple_from(out, lead, res, dist)
}

/// The table of frame tuple `x` (arrays from item `first`) without a
/// RangeIndex's labels, and the ints a tuple of its layout starts with.
unsafe fn columns_of(x: *const TupleObj, first: usize) -> PyResult<(Vec<Col>, &'static [i64])> {
    let (mut cols, _) = table_of(x, first)?;
    if first == 2 {
        cols.remove(0);
        return Ok((cols, &[0, 1]));
    }
    Ok((cols, &[]))
}

/// A frame of no rows laid out as `x` (arrays from item `first`), REP.
///
/// # Safety
/// `x` is a live frame tuple with a column; `out` describes it.
pub unsafe fn frame_empty_like(x: *const TupleObj, first: usize, out: *const TypeDesc) -> PyResult<*mut TupleObj> {
    let (cols, lead) = columns_of(x, first)?;
    tuple_from(out, lead, cols.iter().map(|c| c.take(&[])).collect(), false)
}

/// The rows of `before`, then every rank's rows of `part` in rank order,
/// REP (collective): a RangeIndex is new, other labels are kept.
///
/// # Safety
/// `before` and `part` are live frame tuples of one layout; `out` describes it.
pub unsafe fn frame_concat_ranks(
    before: *const TupleObj,
    part: *const TupleObj,
    first: usize,
    out: *const TypeDesc,
) -> PyResult<*mut TupleObj> {
    let (mut cols, lead) = columns_of(before, first)?;
    let (parts, _) = columns_of(part, first)?;
    for (c, p) in cols.iter_mut().zip(parts) {
        append(c, p.gather_all()?);
    }
    tuple_from(out, lead, cols, false)
}
