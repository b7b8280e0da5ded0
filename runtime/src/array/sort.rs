//! `np.sort` and `np.unique` in NumPy's order: numbers ascending, NaN last
//! (and `np.unique` keeps a single NaN, NumPy 2's `equal_nan=True`).

use super::comm;
use super::object::{copy, data_mut, new_like, ArrObj, DataMut, Shape};
use super::redist::gather;
use crate::errors::PyResult;
use crate::mpi_env;
use crate::object::{decref, Header};
use bodo_abi::{block_range, dist};
use std::cmp::Ordering;

/// Element types with NumPy's sort order.
trait SortKey: Copy + Default {
    fn order(a: &Self, b: &Self) -> Ordering;
}

impl SortKey for i64 {
    fn order(a: &Self, b: &Self) -> Ordering {
        a.cmp(b)
    }
}

impl SortKey for u8 {
    fn order(a: &Self, b: &Self) -> Ordering {
        a.cmp(b)
    }
}

impl SortKey for f64 {
    /// NaN after every number and equal to NaN; `-0.0 == 0.0`.
    fn order(a: &Self, b: &Self) -> Ordering {
        match (a.is_nan(), b.is_nan()) {
            (false, false) => a.partial_cmp(b).unwrap_or(Ordering::Equal),
            (an, bn) => an.cmp(&bn),
        }
    }
}

/// Sorts each run of `per` elements (a row, or the whole array).
fn sort_runs<T: SortKey>(v: &mut [T], per: usize) {
    if per > 0 {
        v.chunks_mut(per).for_each(|c| c.sort_unstable_by(T::order));
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
    // Gathering everything to every rank is simple but costs O(n) memory
    // per rank. TODO: sample sort (local sort, allgather of regular samples,
    // splitters, alltoallv of the buckets, local merge, then a rebalance).
    let g = gather(a)?;
    sort_local(g, (*g).nelems());
    let (start, count) = block_range(ar.glen, mpi_env::rank(), mpi_env::size());
    let r = new_like(&*g, Shape { len: count, offset: start, dist: dist::ONE_D, ..ar.shape() });
    if let Ok(r) = r {
        std::ptr::copy_nonoverlapping((*g).data.add(start as usize * ar.row_bytes()), (*r).data, (*r).bytes().len());
    }
    decref(g as *mut Header);
    r
}

/// The sorted distinct values of `v` (NaNs count as equal).
fn sorted_distinct<T: SortKey>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable_by(T::order);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::object::test_array as arr;
    use crate::array::object::Data;
    use bodo_abi::dtype;

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
