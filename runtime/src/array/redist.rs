//! Moving rows between ranks: gathering a distributed array onto every
//! rank, taking a replicated array's block, rebalancing, and aligning one
//! array's rows to another's layout. All of them but `scatter` are
//! collective.
//!
//! One general helper, [`fetch_rows`], does the work: every rank names the
//! window of global rows it wants, every rank knows (by one allgather)
//! where each rank's rows sit, and one alltoallv moves the overlaps. It
//! relies only on each rank's global `offset`, never on rank order, so it
//! also reads arrays rebalanced onto listed ranks in any order. A REP array
//! is read as its 1D_Block share, which spreads the sending over all ranks.

use super::comm::{self, allgather_i64s, Parts};
use super::object::{bytes_mut, new_like, new_like_unfilled, ArrObj, Shape};
use super::strs;
use crate::errors::{PyErr, PyResult};
use crate::mpi_env;
use crate::object::{decref, incref, Header, StrObj};
use bodo_abi::{block_range, dist, dtype, exc};

/// This rank's rows of `a` as a source: first global row, row count and
/// the first row's bytes (a REP array offers its 1D_Block share).
unsafe fn source(a: &ArrObj) -> (i64, i64, *const u8) {
    if a.is_dist() {
        return (a.offset, a.len, a.data);
    }
    let (start, count) = block_range(a.glen, mpi_env::rank(), mpi_env::size());
    (start, count, a.data.add(start as usize * a.row_bytes()))
}

/// The overlap of row ranges `[a, a + an)` and `[b, b + bn)`: start and length.
fn overlap(a: i64, an: i64, b: i64, bn: i64) -> (i64, i64) {
    let lo = a.max(b);
    (lo, ((a + an).min(b + bn) - lo).max(0))
}

/// Collective: fills `dst` with the global rows `start .. start + count` of
/// `a`, whatever its distribution. Each rank names its own window; windows
/// may overlap (a REP target names all rows on every rank).
///
/// # Safety
/// `a` is live; `dst` has room for `count` rows of `a`.
pub unsafe fn fetch_rows(a: &ArrObj, start: i64, count: i64, dst: *mut u8) -> PyResult<()> {
    let (soff, slen, src) = source(a);
    let all = allgather_i64s(&[soff, slen, start, count]);
    let most = all.chunks_exact(4).map(|c| c[1].max(c[3])).max().unwrap_or(0);
    comm::check_rows(most, a.row_bytes())?;
    let (mut sends, mut recvs) = (Parts::default(), Parts::default());
    // Empty parts get displacement 0 so that every part lies in its buffer.
    for c in all.chunks_exact(4) {
        let (lo, n) = overlap(soff, slen, c[2], c[3]);
        sends.counts.push(n as i32);
        sends.displs.push(if n > 0 { (lo - soff) as i32 } else { 0 });
        let (lo, n) = overlap(c[0], c[1], start, count);
        recvs.counts.push(n as i32);
        recvs.displs.push(if n > 0 { (lo - start) as i32 } else { 0 });
    }
    if a.dtype == dtype::STR {
        return strs::alltoallv(src as *const *mut StrObj, &sends, dst as *mut *mut StrObj, &recvs);
    }
    comm::alltoallv_rows(src, &sends, dst, &recvs, a.row_bytes());
    Ok(())
}

/// Collective: a new array of shape `s` (same dtype and columns as `a`)
/// holding `a`'s global rows `s.offset .. s.offset + s.len`.
///
/// # Safety
/// `a` is live.
pub unsafe fn window(a: &ArrObj, s: Shape) -> PyResult<*mut ArrObj> {
    let r = new_like_unfilled(a, s)?;
    if let Err(e) = fetch_rows(a, s.offset, s.len, (*r).data) {
        decref(r as *mut Header);
        return Err(e);
    }
    Ok(r)
}

/// Collective: whether `a` and `b` have the same row layout on every rank
/// (both REP, or both distributed with equal local offset and length).
/// Two 1D_Block arrays need no communication: their layout follows from
/// the global row count.
///
/// # Safety
/// `a` and `b` are live.
pub unsafe fn same_layout(a: &ArrObj, b: &ArrObj) -> bool {
    match (a.is_dist(), b.is_dist()) {
        (false, false) => true,
        _ if a.dist == dist::ONE_D && b.dist == dist::ONE_D => a.glen == b.glen,
        (true, true) => {
            let mut ok = [i64::from(a.offset == b.offset && a.len == b.len)];
            comm::allreduce(&mut ok, comm::Op::Min);
            ok[0] == 1
        }
        _ => false,
    }
}

/// A sequential loop reading a distributed array by element
/// (`compiler/src/ir/loop_replicas.rs`) makes one collective per read,
/// microseconds each (5-9 us on 2 ranks here), while a gathered row costs
/// nanoseconds: a whole copy costs about as much as one read per this
/// many rows.
const ROWS_PER_READ: i64 = 1024;
/// Collective reads a loop makes at least before a copy.
const MIN_READS: i64 = 16;
/// Largest copy a loop makes: it takes the array's memory on every rank.
const MAX_COPY_BYTES: i64 = 1 << 30;

/// The whole copy of `a` a loop starts with: `a` itself (incref'd) where it
/// is whole on this rank (one rank, or REP), else null.
///
/// # Safety
/// `a` is a live array.
pub unsafe fn replica_whole(a: *mut ArrObj) -> *mut ArrObj {
    if (*a).is_dist() && mpi_env::size() > 1 {
        return std::ptr::null_mut();
    }
    incref(a as *mut Header);
    a
}

/// After how many collective reads of `a` a loop gathers a whole copy:
/// when the reads have cost about what the copy does, so the loop spends at
/// most twice the time of the better choice in hindsight; never for a copy
/// over `MAX_COPY_BYTES`. The same on every rank.
pub fn replica_limit(a: &ArrObj) -> i64 {
    if a.glen.saturating_mul(a.row_bytes() as i64) > MAX_COPY_BYTES {
        return i64::MAX;
    }
    (a.glen / ROWS_PER_READ).max(MIN_READS)
}

/// Collective: a REP copy of a distributed array on every rank, rows in
/// global order; a REP array is returned itself (incref'd).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn gather(a: *mut ArrObj) -> PyResult<*mut ArrObj> {
    let ar = &*a;
    if !ar.is_dist() {
        incref(a as *mut Header);
        return Ok(a);
    }
    comm::check_rows(ar.glen, ar.row_bytes())?;
    // 1D_Block places follow from the row count; others must be asked.
    let places = if ar.dist == dist::ONE_D {
        let size = mpi_env::size();
        (0..size).flat_map(|r| <[i64; 2]>::from(block_range(ar.glen, r, size))).collect()
    } else {
        allgather_i64s(&[ar.offset, ar.len])
    };
    let mut recv = Parts::default();
    for c in places.chunks_exact(2) {
        let (off, n) = (c[0], c[1]);
        if n > 0 && (off < 0 || off + n > ar.glen) {
            return Err(PyErr::new(exc::RUNTIME_ERROR, "inconsistent layout of a distributed array"));
        }
        recv.counts.push(n as i32);
        recv.displs.push(if n > 0 { off as i32 } else { 0 });
    }
    let r = new_like(ar, Shape::rep(ar.dtype, ar.ndim, ar.glen, ar.ncols))?;
    if ar.dtype == dtype::STR {
        return strs::allgatherv(strs::elems(ar), (*r).data as *mut *mut StrObj, &recv).map(|()| r).inspect_err(|_| {
            decref(r as *mut Header);
        });
    }
    comm::allgatherv_rows(ar.data, ar.len as usize, (*r).data, &recv, ar.row_bytes());
    Ok(r)
}

/// This rank's 1D_Block rows of a REP array (a copy, no communication); a
/// distributed array is returned itself (incref'd).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn scatter(a: *mut ArrObj) -> PyResult<*mut ArrObj> {
    let ar = &*a;
    if ar.is_dist() {
        incref(a as *mut Header);
        return Ok(a);
    }
    let (start, count) = block_range(ar.glen, mpi_env::rank(), mpi_env::size());
    let r = new_like(ar, Shape { len: count, offset: start, dist: dist::ONE_D, ..ar.shape() })?;
    let rb = ar.row_bytes();
    bytes_mut(r).copy_from_slice(&ar.bytes()[start as usize * rb..(start + count) as usize * rb]);
    strs::retain(r);
    Ok(r)
}

/// Collective: `a`'s rows in global order spread in even blocks over all
/// ranks (1D_Block), or over the listed destination ranks in list order
/// (1D_Block_Var; other ranks get no rows). Listed ranks this run does not
/// have are skipped (the same program runs on any number of ranks, as its
/// sequential meaning ignores `dests`); with none left, rank 0 takes all.
///
/// # Safety
/// `a` is a live array.
pub unsafe fn rebalance(a: &ArrObj, dests: &[i64]) -> PyResult<*mut ArrObj> {
    let (rank, size, glen) = (mpi_env::rank(), mpi_env::size(), a.glen);
    let (start, count, dist) = if dests.is_empty() {
        let (s, c) = block_range(glen, rank, size);
        (s, c, dist::ONE_D)
    } else {
        for (k, &d) in dests.iter().enumerate() {
            if d < 0 || dests[..k].contains(&d) {
                let msg = format!("rebalance: invalid or repeated destination rank {d}");
                return Err(PyErr::new(exc::VALUE_ERROR, msg));
            }
        }
        let present: Vec<i64> = dests.iter().copied().filter(|&d| d < size).collect();
        let dests = if present.is_empty() { vec![0] } else { present };
        let nd = dests.len() as i64;
        match dests.iter().position(|&d| d == rank) {
            Some(k) => {
                let (s, c) = block_range(glen, k as i64, nd);
                (s, c, dist::ONE_D_VAR)
            }
            // No rows: the offset counts the rows of lower-numbered ranks.
            None => {
                let lower = dests.iter().enumerate().filter(|&(_, &d)| d < rank);
                (lower.map(|(k, _)| block_range(glen, k as i64, nd).1).sum(), 0, dist::ONE_D_VAR)
            }
        }
    };
    window(a, Shape { len: count, offset: start, dist, ..a.shape() })
}

/// Collective: `a` with the row layout of `like` (itself, incref'd, when
/// the layouts already match on every rank). NumPy's broadcast error when
/// the row counts differ.
///
/// # Safety
/// `a` and `like` are live arrays.
pub unsafe fn align(a: *mut ArrObj, like: &ArrObj) -> PyResult<*mut ArrObj> {
    let ar = &*a;
    if ar.glen != like.glen {
        let msg = format!(
            "operands could not be broadcast together with shapes {} {} ",
            like.shape().text(),
            ar.shape().text()
        );
        return Err(PyErr::new(exc::VALUE_ERROR, msg));
    }
    if same_layout(ar, like) {
        incref(a as *mut Header);
        return Ok(a);
    }
    window(ar, Shape { len: like.len, offset: like.offset, dist: like.dist, ..ar.shape() })
}

/// Collective: copies `src`'s rows into `dst`'s own buffer, moving them to
/// `dst`'s layout: a callee that wrote into a converted copy of its array
/// argument hands the writes back to the caller's array (NumPy passes
/// arrays by reference). Arrays of different shapes are left alone.
///
/// # Safety
/// `dst` and `src` are live arrays.
pub unsafe fn write_back(dst: *mut ArrObj, src: *mut ArrObj) -> PyResult<()> {
    let (d, s) = (&*dst, &*src);
    if dst == src || d.glen != s.glen || d.ncols != s.ncols || d.dtype != s.dtype {
        return Ok(());
    }
    let rows = align(src, d)?;
    bytes_mut(dst).copy_from_slice(bytes_mut(rows));
    decref(rows as *mut Header);
    Ok(())
}

/// Collective: `a` laid out for a prange loop led by `like`, whose row
/// count may differ: each rank holds the rows of `a` among its rows of
/// `like`, the last rank also the rows past the end of `like`.
///
/// # Safety
/// `a` and `like` are live arrays.
pub unsafe fn align_rows(a: *mut ArrObj, like: &ArrObj) -> PyResult<*mut ArrObj> {
    let ar = &*a;
    if ar.glen == like.glen || !ar.is_dist() || !like.is_dist() {
        return align(a, like);
    }
    let lo = like.offset.min(ar.glen);
    let hi = if mpi_env::rank() == mpi_env::size() - 1 { ar.glen } else { (like.offset + like.len).min(ar.glen) };
    window(ar, Shape { len: hi - lo, offset: lo, dist: dist::ONE_D_VAR, ..ar.shape() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::object::{data_mut, desc_for, new_checked, Data, DataMut};
    use bodo_abi::dtype;

    unsafe fn ints(v: &[i64], s: Shape) -> *mut ArrObj {
        let a = new_checked(desc_for(dtype::INT64), s).unwrap();
        if let DataMut::Int(d) = data_mut(a) {
            d.copy_from_slice(v);
        }
        a
    }

    #[test]
    fn one_rank_layout_changes() {
        unsafe {
            let live = crate::object::live_objects();
            let rep = ints(&[1, 2, 3, 4, 5, 6], Shape::rep(dtype::INT64, 2, 3, 2));
            let d = scatter(rep).unwrap();
            assert_eq!(((*d).dist, (*d).len, (*d).offset), (dist::ONE_D, 3, 0));
            let g = gather(d).unwrap();
            assert!(matches!((*g).data(), Data::Int(&[1, 2, 3, 4, 5, 6])));
            assert_eq!(((*g).dist, (*g).len, (*g).ncols), (dist::REP, 3, 2));
            let r = rebalance(&*rep, &[0]).unwrap();
            assert_eq!(((*r).dist, (*r).len), (dist::ONE_D_VAR, 3));
            // A rank the run does not have is skipped: rank 0 takes the rows.
            let missing = rebalance(&*rep, &[1]).unwrap();
            assert_eq!(((*missing).dist, (*missing).len), (dist::ONE_D_VAR, 3));
            assert_eq!(rebalance(&*rep, &[0, 0]).unwrap_err().class, exc::VALUE_ERROR);
            let same = align(d, &*r).unwrap();
            assert_eq!(same, d);
            let other = ints(&[0; 4], Shape::rep1(dtype::INT64, 4));
            let e = align(d, &*other).unwrap_err();
            assert_eq!(e.msg, "operands could not be broadcast together with shapes (4,) (3,2) ");
            let w = window(&*rep, Shape { len: 2, offset: 1, dist: dist::ONE_D_VAR, ..(*rep).shape() }).unwrap();
            assert!(matches!((*w).data(), Data::Int(&[3, 4, 5, 6])));
            for p in [rep, d, g, r, missing, same, other, w] {
                decref(p as *mut Header);
            }
            assert_eq!(crate::object::live_objects(), live);
        }
    }
}
