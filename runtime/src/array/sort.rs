//! `np.sort`, `np.argsort` and `np.unique` in NumPy's order: numbers ascending, NaN last
//! (and `np.unique` keeps a single NaN, NumPy 2's `equal_nan=True`).
//! A distributed `np.sort` is a sample sort: no rank ever holds more than
//! its share of the rows plus the buckets it is sent.

use super::comm::{self, allgather_i64s, Parts};
use super::object::{copy, data_mut, desc_for, new_checked, new_like, ArrObj, Data, DataMut, Shape};
use super::radix;
use super::redist::window;
use crate::errors::PyResult;
use crate::mpi_env;
use crate::object::{decref, Header};
use bodo_abi::{block_range, dist, dtype};
use mpi::Count;
use std::cmp::Ordering;

/// Element types with NumPy's sort order, given by an unsigned key that
/// compares as the values do (integer comparisons sort several times
/// faster than a float comparison closure).
trait SortKey: Copy + Default {
    fn key(self) -> u64;

    fn order(a: &Self, b: &Self) -> Ordering {
        a.key().cmp(&b.key())
    }
}

impl SortKey for i64 {
    fn key(self) -> u64 {
        self as u64 ^ 1 << 63
    }
}

impl SortKey for u8 {
    fn key(self) -> u64 {
        u64::from(self)
    }
}

impl SortKey for f64 {
    /// NaN after every number and equal to NaN; `-0.0 == 0.0` (adding 0.0
    /// turns -0.0 into 0.0). Flipping the sign bit of positive numbers and
    /// every bit of negative ones orders the bit patterns as the values.
    fn key(self) -> u64 {
        if self.is_nan() {
            return u64::MAX;
        }
        let b = (self + 0.0).to_bits();
        b ^ ((b as i64 >> 63) as u64 | 1 << 63)
    }
}

/// Sorts `v` in NumPy's order, stably: equal values (`-0.0` and `0.0`,
/// NaNs) keep their order, as NumPy's sorts of short arrays do.
fn sort_values<T: SortKey>(v: &mut [T]) {
    radix::sort_by_key(v, |x| x.key());
}

/// Sorts each run of `per` elements (a row, or the whole array).
fn sort_runs<T: SortKey>(v: &mut [T], per: usize) {
    if per > 0 {
        v.chunks_mut(per).for_each(sort_values);
    }
}

/// Merges the sorted runs of `v` that start at `starts` (ascending, the
/// first 0) into one sorted run, adjacent pairs per round.
fn merge_runs<T: SortKey>(v: &mut [T], starts: &[usize]) {
    let mut bounds: Vec<usize> = starts.iter().copied().filter(|&s| s < v.len()).collect();
    bounds.dedup();
    let mut scratch = Vec::with_capacity(v.len());
    while bounds.len() > 1 {
        scratch.clear();
        let mut next = Vec::with_capacity(bounds.len().div_ceil(2));
        for pair in bounds.chunks(2) {
            next.push(scratch.len());
            let mid = pair.get(1).copied().unwrap_or(v.len());
            let end = bounds.iter().find(|&&b| b > mid).copied().unwrap_or(v.len());
            let (mut i, mut j) = (pair[0], mid);
            while i < mid && j < end {
                if v[j].key() < v[i].key() {
                    scratch.push(v[j]);
                    j += 1;
                } else {
                    scratch.push(v[i]);
                    i += 1;
                }
            }
            scratch.extend_from_slice(&v[i..mid]);
            scratch.extend_from_slice(&v[j..end]);
        }
        v.copy_from_slice(&scratch);
        bounds = next;
    }
}

/// Sorts the local data of `r` in runs of `per` elements.
unsafe fn sort_local(r: *mut ArrObj, per: usize) {
    match data_mut(r) {
        DataMut::Int(d) => sort_runs(d, per),
        DataMut::Float(d) => sort_runs(d, per),
        DataMut::Bool(d) => sort_runs(d, per),
    }
}

/// `np.argsort(a)` of a REP 1D array, or of each row of a 2D array (local,
/// any distribution, the result in `a`'s layout): the positions in sorted
/// order, equal values in their original order (NumPy's default quicksort
/// may order ties otherwise on long arrays).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn argsort(a: &ArrObj) -> PyResult<*mut ArrObj> {
    fn keys<T: SortKey>(d: &[T]) -> Vec<u64> {
        d.iter().map(|x| x.key()).collect()
    }
    let keys = match a.data() {
        Data::Int(d) => keys(d),
        Data::Float(d) => keys(d),
        Data::Bool(d) => keys(d),
    };
    let r = new_checked(desc_for(dtype::INT64), Shape { dtype: dtype::INT64, ..a.shape() })?;
    let per = if a.ndim == 2 { a.ncols.max(0) as usize } else { keys.len() };
    if let (DataMut::Int(out), true) = (data_mut(r), per > 0) {
        for (keys, out) in keys.chunks(per).zip(out.chunks_mut(per)) {
            let mut pairs: Vec<(u64, i64)> = keys.iter().zip(0..).map(|(&k, i)| (k, i)).collect();
            radix::sort_by_key(&mut pairs, |p| p.0);
            for (o, p) in out.iter_mut().zip(&pairs) {
                *o = p.1;
            }
        }
    }
    Ok(r)
}

/// `np.sort(a)`: along the last axis, so a 2D array sorts each row (local,
/// any distribution). A 1D REP array gives REP; a distributed one gives the
/// globally sorted 1D_Block array (collective).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn sort(a: *mut ArrObj) -> PyResult<*mut ArrObj> {
    let ar = &*a;
    if ar.ndim == 2 || !ar.is_dist() {
        let r = copy(ar)?;
        sort_local(r, if ar.ndim == 2 { ar.ncols as usize } else { ar.nelems() });
        return Ok(r);
    }
    comm::check_rows(ar.glen, ar.row_bytes())?;
    let sorted = match ar.data() {
        Data::Int(d) => sample_sort(ar, d),
        Data::Float(d) => sample_sort(ar, d),
        Data::Bool(d) => sample_sort(ar, d),
    }?;
    let (start, count) = block_range(ar.glen, mpi_env::rank(), mpi_env::size());
    let r = window(&*sorted, Shape { len: count, offset: start, dist: dist::ONE_D, ..ar.shape() });
    decref(sorted as *mut Header);
    r
}

/// Total order of the elements across ranks: the value, then a tag made of
/// the holding rank and the element's place in that rank's sorted run.
/// Equal values thereby still split evenly between buckets (a bool array
/// must not land whole on one rank).
type Key<T> = (T, i64);

fn key_less<T: SortKey>(a: &Key<T>, b: &Key<T>) -> bool {
    (a.0.key(), a.1) < (b.0.key(), b.1)
}

fn tag(rank: i64, at: usize) -> i64 {
    (rank << 40) | at as i64
}

/// Collective sample sort (regular sampling): each rank sorts its rows and
/// offers `size` evenly spaced keys; the gathered samples give `size - 1`
/// splitters; one alltoallv sends every rank the bucket between its two
/// splitters, whose sorted runs (one per sender) it merges. The result is globally sorted 1D_Block_Var
/// (each bucket's size is at most about twice a block).
unsafe fn sample_sort<T: SortKey>(a: &ArrObj, local: &[T]) -> PyResult<*mut ArrObj> {
    let (me, p) = (mpi_env::rank(), mpi_env::size());
    let pu = p as usize;
    let mut run = local.to_vec();
    sort_values(&mut run);
    let k = run.len().min(pu);
    let picks: Vec<usize> = (0..k).map(|j| j * run.len() / k).collect();
    let values = comm::allgatherv_vec(&picks.iter().map(|&i| run[i]).collect::<Vec<T>>())?;
    let tags = comm::allgatherv_vec(&picks.iter().map(|&i| tag(me, i)).collect::<Vec<i64>>())?;
    let mut samples: Vec<Key<T>> = values.into_iter().zip(tags).collect();
    samples.sort_unstable_by_key(|x| (x.0.key(), x.1));
    // Bucket r holds the keys in [splitter r-1, splitter r): its start here
    // is the count of this rank's keys below splitter r-1.
    let mut bounds = vec![0usize; pu + 1];
    bounds[pu] = run.len();
    for (r, bound) in bounds.iter_mut().enumerate().take(pu).skip(1) {
        if let Some(s) = samples.get(r * samples.len() / pu) {
            *bound = lower_bound(run.len(), |i| key_less(&(run[i], tag(me, i)), s));
        }
    }
    let sends: Vec<i64> = bounds.windows(2).map(|w| (w[1] - w[0]) as i64).collect();
    // Row s of `all` is what rank s sends to each rank.
    let all = allgather_i64s(&sends);
    let from = |s: usize, r: usize| all[s * pu + r];
    let mine: i64 = (0..pu).map(|s| from(s, me as usize)).sum();
    let before: i64 = (0..me as usize).flat_map(|r| (0..pu).map(move |s| (s, r))).map(|(s, r)| from(s, r)).sum();
    let r = new_like(a, Shape { len: mine, offset: before, dist: dist::ONE_D_VAR, ..a.shape() })?;
    let mut spart = Parts::default();
    let mut rpart = Parts::default();
    let mut at = 0;
    for s in 0..pu {
        spart.counts.push(sends[s] as Count);
        spart.displs.push(bounds[s] as Count);
        rpart.counts.push(from(s, me as usize) as Count);
        rpart.displs.push(at as Count);
        at += from(s, me as usize);
    }
    comm::alltoallv_rows(run.as_ptr() as *const u8, &spart, (*r).data, &rpart, size_of::<T>());
    let starts: Vec<usize> = rpart.displs.iter().map(|&d| d as usize).collect();
    merge_runs(std::slice::from_raw_parts_mut((*r).data as *mut T, mine as usize), &starts);
    Ok(r)
}

/// The first index in `0..n` where `below` turns false (`below` holds for a
/// prefix of the indices).
fn lower_bound(n: usize, below: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The sorted distinct values of `v` (NaNs count as equal).
fn sorted_distinct<T: SortKey>(mut v: Vec<T>) -> Vec<T> {
    sort_values(&mut v);
    v.dedup_by(|a, b| T::order(a, b) == Ordering::Equal);
    v
}

/// Distinct values of a distributed array: each rank's distinct values,
/// gathered and deduplicated again (collective).
fn distinct<T: SortKey>(local: &[T], distributed: bool) -> PyResult<Vec<T>> {
    let mine = sorted_distinct(local.to_vec());
    if !distributed {
        return Ok(mine);
    }
    Ok(sorted_distinct(comm::allgatherv_vec(&mine)?))
}

/// Writes `vals` into a new REP 1D array of `a`'s dtype.
unsafe fn rep_from<T: Copy>(a: &ArrObj, vals: &[T]) -> PyResult<*mut ArrObj> {
    let r = new_like(a, Shape::rep1(a.dtype, vals.len() as i64))?;
    std::ptr::copy_nonoverlapping(vals.as_ptr(), (*r).data as *mut T, vals.len());
    Ok(r)
}

/// `np.unique(a)`: the sorted distinct values of the flattened array, as a
/// REP 1D array (collective when `a` is distributed).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn unique(a: &ArrObj) -> PyResult<*mut ArrObj> {
    let n = a.nelems();
    match a.dtype {
        bodo_abi::dtype::INT64 => {
            rep_from(a, &distinct(std::slice::from_raw_parts(a.data as *const i64, n), a.is_dist())?)
        }
        bodo_abi::dtype::BOOL => rep_from(a, &distinct(a.bytes(), a.is_dist())?),
        _ => rep_from(a, &distinct(std::slice::from_raw_parts(a.data as *const f64, n), a.is_dist())?),
    }
}

/// How many elements of `local` equal each of the sorted distinct values
/// `u` (which hold every value of the array), summed over the ranks when
/// the array is distributed (collective).
fn counts_of<T: SortKey>(local: &[T], u: &[T], distributed: bool) -> Vec<i64> {
    let mut counts = vec![0i64; u.len()];
    for x in local {
        if let Ok(k) = u.binary_search_by(|p| T::order(p, x)) {
            counts[k] += 1;
        }
    }
    if distributed {
        comm::allreduce(&mut counts, comm::Op::Sum);
    }
    counts
}

/// The counts of `np.unique(a, return_counts=True)`: how often each of the
/// sorted distinct values occurs, as a REP int64 array (collective when `a`
/// is distributed).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn unique_counts(a: &ArrObj) -> PyResult<*mut ArrObj> {
    unsafe fn of<T: SortKey>(local: &[T], dist: bool) -> PyResult<*mut ArrObj> {
        let counts = counts_of(local, &distinct(local, dist)?, dist);
        let r = new_checked(desc_for(dtype::INT64), Shape::rep1(dtype::INT64, counts.len() as i64))?;
        std::ptr::copy_nonoverlapping(counts.as_ptr(), (*r).data as *mut i64, counts.len());
        Ok(r)
    }
    let n = a.nelems();
    match a.dtype {
        dtype::INT64 => of(std::slice::from_raw_parts(a.data as *const i64, n), a.is_dist()),
        dtype::BOOL => of(a.bytes(), a.is_dist()),
        _ => of(std::slice::from_raw_parts(a.data as *const f64, n), a.is_dist()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::object::test_array as arr;
    use crate::array::object::Data;
    use bodo_abi::dtype;

    #[test]
    fn keys_order_as_numpy_and_runs_merge() {
        let v = [f64::NAN, 1.5, -0.0, f64::NEG_INFINITY, 0.0, -2.0, f64::INFINITY, -f64::NAN, 1e-300];
        for a in v {
            for b in v {
                let want = match (a.is_nan(), b.is_nan()) {
                    (false, false) => a.partial_cmp(&b).unwrap(),
                    (an, bn) => an.cmp(&bn),
                };
                assert_eq!(f64::order(&a, &b), want, "{a} vs {b}");
            }
        }
        assert_eq!(i64::order(&i64::MIN, &-1), Ordering::Less);
        assert_eq!(i64::order(&-1, &0), Ordering::Less);
        let mut runs = vec![1i64, 4, 9, 2, 3, 0, 5, 6, 7, 8, -1];
        merge_runs(&mut runs, &[0, 3, 5, 5, 10]);
        assert_eq!(runs, [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }

    #[test]
    fn nan_sorts_last_and_unique_keeps_one() {
        unsafe {
            let live = crate::object::live_objects();
            let v = [3.0, f64::NAN, -1.0, f64::NAN, 3.0, f64::NEG_INFINITY];
            let a = arr(dtype::FLOAT64, &v, Shape::rep1(0, 6));
            let s = sort(a).unwrap();
            let Data::Float(x) = (*s).data() else { panic!("float sort") };
            assert_eq!(&x[..4], &[f64::NEG_INFINITY, -1.0, 3.0, 3.0]);
            assert!(x[4].is_nan() && x[5].is_nan());
            let u = unique(&*a).unwrap();
            let Data::Float(x) = (*u).data() else { panic!("float unique") };
            assert_eq!(x.len(), 4);
            assert_eq!(&x[..3], &[f64::NEG_INFINITY, -1.0, 3.0]);
            assert!(x[3].is_nan());
            let d = arr(dtype::INT64, &[5i64, 1, 5, 2], Shape { dist: dist::ONE_D, ..Shape::rep1(0, 4) });
            let ds = sort(d).unwrap();
            assert!(matches!((*ds).data(), Data::Int(&[1, 2, 5, 5])));
            assert_eq!((*ds).dist, dist::ONE_D);
            let du = unique(&*d).unwrap();
            assert!(matches!((*du).data(), Data::Int(&[1, 2, 5])));
            assert_eq!((*du).dist, dist::REP);
            let m = arr(dtype::BOOL, &[1u8, 0, 0, 1, 1, 0], Shape::rep(0, 2, 2, 3));
            let ms = sort(m).unwrap();
            assert!(matches!((*ms).data(), Data::Bool(&[0, 0, 1, 0, 1, 1])));
            let mu = unique(&*m).unwrap();
            assert!(matches!((*mu).data(), Data::Bool(&[0, 1])));
            for p in [a, s, u, d, ds, du, m, ms, mu] {
                decref(p as *mut Header);
            }
            assert_eq!(crate::object::live_objects(), live);
        }
    }
}
