//! Boolean-mask indexing: `a[mask]` and `a[mask] = v`. A 1D mask selects
//! rows; a 2D mask on a 2D array selects elements (row-major), giving a 1D
//! result, as in NumPy. `np.nonzero(a)` of a 1D array lists the positions
//! a mask of `a != 0` would select.
//!
//! `a[mask]` is collective for distributed arrays: the mask is first
//! brought to `a`'s rows if the compiler could not align it, and the
//! result's offsets come from a scan of the selected counts. `a[mask] = v`
//! never communicates (it may run on some ranks only), so it needs a REP
//! mask or one with `a`'s local layout.

use super::collective::ordered_exscan_i64;
use super::object::{data_mut, desc_for, elem_size, new_like, new_unfilled, ArrObj, DataMut, Shape};
use super::redist::{align, gather};
use crate::errors::{PyErr, PyResult};
use crate::object::{decref, incref, Header};
use bodo_abi::{dist, dtype, exc};
use std::borrow::Cow;

/// NumPy's errors for a mask whose shape does not fit `a`.
fn check_shapes(a: &ArrObj, mask: &ArrObj) -> PyResult<()> {
    let mismatch = |axis: u8, size: i64, msize: i64| {
        let msg = format!(
            "boolean index did not match indexed array along axis {axis}; \
             size of axis is {size} but size of corresponding boolean axis is {msize}"
        );
        Err(PyErr::new(exc::INDEX_ERROR, msg))
    };
    if mask.ndim > a.ndim {
        let msg = format!("too many indices for array: array is {}-dimensional, but 2 were indexed", a.ndim);
        return Err(PyErr::new(exc::INDEX_ERROR, msg));
    }
    if mask.glen != a.glen {
        return mismatch(0, a.glen, mask.glen);
    }
    if mask.ndim == 2 && mask.ncols != a.ncols {
        return mismatch(1, a.ncols, mask.ncols);
    }
    Ok(())
}

/// Elements of `a` one mask byte covers: a row, or one element for a 2D mask.
fn per_mask_byte(a: &ArrObj, mask: &ArrObj) -> usize {
    if mask.ndim == 2 {
        1
    } else {
        a.ncols.max(0) as usize
    }
}

/// Collective: a reference (owned) to a mask holding at least `a`'s local
/// rows, and the local row of that mask where `a`'s rows start.
unsafe fn mask_for_rows(a: &ArrObj, mask: *mut ArrObj) -> PyResult<(*mut ArrObj, usize)> {
    let m = &*mask;
    if !m.is_dist() {
        incref(mask as *mut Header);
        return Ok((mask, if a.is_dist() { a.offset as usize } else { 0 }));
    }
    let own = if a.is_dist() { align(mask, a)? } else { gather(mask)? };
    Ok((own, 0))
}

/// Copies the elements (`per` at a time) whose mask byte is set.
fn compress<T: Copy>(src: &[T], mask: &[u8], per: usize, dst: &mut [T]) {
    if per == 0 {
        return;
    }
    if per == 1 {
        let picked = src.iter().zip(mask).filter(|&(_, &b)| b != 0);
        dst.iter_mut().zip(picked).for_each(|(d, (&x, _))| *d = x);
        return;
    }
    let chosen = src.chunks_exact(per).zip(mask).filter(|&(_, &b)| b != 0);
    dst.chunks_exact_mut(per).zip(chosen).for_each(|(d, (x, _))| d.copy_from_slice(x));
}

/// `a[mask]`. REP gives REP; distributed gives 1D_Block_Var with this
/// rank's selected rows, placed by a scan of the counts in row order.
///
/// # Safety
/// `a` and `mask` are live arrays, `mask` of dtype bool.
pub unsafe fn filter(a: &ArrObj, mask: *mut ArrObj) -> PyResult<*mut ArrObj> {
    check_shapes(a, &*mask)?;
    let per = per_mask_byte(a, &*mask);
    let (own, first_row) = mask_for_rows(a, mask)?;
    let mrow = (*own).ncols.max(0) as usize;
    let m = &(*own).bytes()[first_row * mrow..(first_row + a.len as usize) * mrow];
    let count = m.iter().filter(|&&b| b != 0).count() as i64;
    let (ndim, ncols) = if (*mask).ndim == 2 { (1, 1) } else { (a.ndim, a.ncols) };
    let s = if a.is_dist() {
        let (offset, glen) = ordered_exscan_i64(a.offset, a.len, count);
        Shape { dtype: a.dtype, ndim, len: count, ncols, glen, offset, dist: dist::ONE_D_VAR }
    } else {
        Shape::rep(a.dtype, ndim, count, ncols)
    };
    let r = new_like(a, s).inspect(|&r| copy_selected(a, m, per, r));
    decref(own as *mut Header);
    r
}

/// The positions of the non-zero elements of `a` (NaN counts as
/// non-zero), in row-major order, as an int64 array: their flat global
/// indices (`part` 0: `np.flatnonzero(a)`, `np.nonzero(a)[0]` of a 1D
/// array), or for a 2D array their rows (`part` 1) or columns (`part` 2),
/// `np.nonzero(a)`'s two arrays. REP gives REP; distributed gives
/// 1D_Block_Var with this rank's elements, placed by a scan of the counts
/// in row order (collective).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn nonzero(a: &ArrObj, part: i64) -> PyResult<*mut ArrObj> {
    let d = a.data();
    let m = a.ncols.max(1);
    let base = if a.is_dist() { a.offset * m } else { 0 };
    let place = |flat: i64| match part {
        1 => flat / m,
        2 => flat % m,
        _ => flat,
    };
    let idx: Vec<i64> = (0..d.len()).filter(|&k| d.f64_at(k) != 0.0).map(|k| place(base + k as i64)).collect();
    let count = idx.len() as i64;
    let s = if a.is_dist() {
        let (offset, glen) = ordered_exscan_i64(a.offset, a.len, count);
        Shape { dtype: dtype::INT64, ndim: 1, len: count, ncols: 1, glen, offset, dist: dist::ONE_D_VAR }
    } else {
        Shape::rep1(dtype::INT64, count)
    };
    let r = new_unfilled(desc_for(dtype::INT64), s)?;
    if let DataMut::Int(out) = data_mut(r) {
        out.copy_from_slice(&idx);
    }
    Ok(r)
}

/// Fills `r` with the elements of `a` (`per` at a time) whose mask byte is set.
unsafe fn copy_selected(a: &ArrObj, m: &[u8], per: usize, r: *mut ArrObj) {
    let (n, rn) = (a.nelems(), (*r).nelems());
    if elem_size(a.dtype) == 8 {
        let src = std::slice::from_raw_parts(a.data as *const u64, n);
        compress(src, m, per, std::slice::from_raw_parts_mut((*r).data as *mut u64, rn));
    } else {
        compress(a.bytes(), m, per, std::slice::from_raw_parts_mut((*r).data, rn));
    }
    super::strs::retain(r);
}

/// Writes `v` to the elements (`per` at a time) whose mask byte is set.
fn set_where<T: Copy>(dst: &mut [T], mask: &[u8], per: usize, v: T) {
    for (d, _) in dst.chunks_exact_mut(per.max(1)).zip(mask).filter(|&(_, &b)| b != 0) {
        d.fill(v);
    }
}

/// The mask bytes of `a`'s local rows (elements, for a 2D mask): `mask` is
/// REP or has `a`'s local layout. A copy when `mask` is `a` itself
/// (`a[a] = False`), which the writes would change under the reads.
///
/// # Safety
/// `a` and `mask` are live arrays, `mask` of dtype bool.
unsafe fn local_mask<'m>(a: &ArrObj, mask: &'m ArrObj) -> PyResult<Cow<'m, [u8]>> {
    check_shapes(a, mask)?;
    let first_row = if !mask.is_dist() {
        if a.is_dist() {
            a.offset as usize
        } else {
            0
        }
    } else if a.is_dist() && mask.offset == a.offset && mask.len == a.len {
        0
    } else {
        let msg = "boolean mask assignment needs a replicated mask or one aligned with the array";
        return Err(PyErr::new(exc::RUNTIME_ERROR, msg));
    };
    let mrow = mask.ncols.max(0) as usize;
    let m = &mask.bytes()[first_row * mrow..(first_row + a.len as usize) * mrow];
    Ok(if mask.data == a.data { Cow::Owned(m.to_vec()) } else { Cow::Borrowed(m) })
}

/// `a[mask] = v` on the local part (no communication).
///
/// # Safety
/// `a` and `mask` are live arrays, `mask` of dtype bool; `v` is a slot of
/// `a`'s dtype.
pub unsafe fn set_mask(a: *mut ArrObj, mask: &ArrObj, v: u64) -> PyResult<()> {
    let m = local_mask(&*a, mask)?;
    let per = per_mask_byte(&*a, mask);
    match data_mut(a) {
        DataMut::Int(d) => set_where(d, &m, per, v as i64),
        DataMut::Float(d) => set_where(d, &m, per, f64::from_bits(v)),
        DataMut::Bool(d) => set_where(d, &m, per, u8::from(v != 0)),
    }
    Ok(())
}

/// Writes `vals` in order to the elements (`per` at a time) whose mask
/// byte is set: the inverse of [`compress`].
fn expand<T: Copy>(dst: &mut [T], mask: &[u8], per: usize, vals: &[T]) {
    let chosen = dst.chunks_exact_mut(per.max(1)).zip(mask).filter(|&(_, &b)| b != 0);
    for ((d, _), v) in chosen.zip(vals.chunks_exact(per.max(1))) {
        d.copy_from_slice(v);
    }
}

/// `a[mask] op= v`: `vals` is `a[mask] op v`, on each rank the new values
/// of this rank's selected elements in order (as [`filter`] laid them
/// out), written back in place. The mask is REP or aligned with `a`.
///
/// # Safety
/// `a`, `mask` and `vals` are live arrays, `mask` of dtype bool and `vals`
/// of `a`'s dtype.
pub unsafe fn set_selected(a: *mut ArrObj, mask: &ArrObj, vals: &ArrObj) -> PyResult<()> {
    let m = local_mask(&*a, mask)?;
    let per = per_mask_byte(&*a, mask);
    let chosen = m.iter().filter(|&&b| b != 0).count() * per;
    if chosen != vals.nelems() {
        let msg = format!(
            "NumPy boolean array indexing assignment cannot assign {} input values to the {chosen} output values where the mask is true",
            vals.nelems()
        );
        return Err(PyErr::new(exc::VALUE_ERROR, msg));
    }
    let n = vals.nelems();
    match data_mut(a) {
        DataMut::Int(d) => expand(d, &m, per, std::slice::from_raw_parts(vals.data as *const i64, n)),
        DataMut::Float(d) => expand(d, &m, per, std::slice::from_raw_parts(vals.data as *const f64, n)),
        DataMut::Bool(d) => expand(d, &m, per, std::slice::from_raw_parts(vals.data, n)),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::object::test_array as arr;
    use crate::array::object::Data;
    use bodo_abi::dtype;

    #[test]
    fn expand_inverts_compress() {
        let (src, mask) = ([1i64, 2, 3, 4, 5, 6], [0u8, 1, 1]);
        let mut picked = [0i64; 4];
        compress(&src, &mask, 2, &mut picked);
        assert_eq!(picked, [3, 4, 5, 6]);
        let mut dst = src;
        expand(&mut dst, &mask, 2, &[30, 40, 50, 60]);
        assert_eq!(dst, [1, 2, 30, 40, 50, 60]);
        let mut one = [0.5f64, 1.5, 2.5];
        expand(&mut one, &[1, 0, 1], 1, &[9.0, 8.0]);
        assert_eq!(one, [9.0, 1.5, 8.0]);
    }

    #[test]
    fn filter_rows_and_elements() {
        unsafe {
            let live = crate::object::live_objects();
            let a = arr(dtype::INT64, &[1i64, 2, 3, 4, 5, 6], Shape::rep(0, 2, 3, 2));
            let rows = arr(dtype::BOOL, &[1u8, 0, 1], Shape::rep1(0, 3));
            let r = filter(&*a, rows).unwrap();
            assert!(matches!((*r).data(), Data::Int(&[1, 2, 5, 6])));
            assert_eq!(((*r).ndim, (*r).len, (*r).ncols), (2, 2, 2));
            let elems = arr(dtype::BOOL, &[0u8, 1, 1, 0, 0, 1], Shape::rep(0, 2, 3, 2));
            let e = filter(&*a, elems).unwrap();
            assert!(matches!((*e).data(), Data::Int(&[2, 3, 6])));
            assert_eq!((*e).ndim, 1);
            let short = arr(dtype::BOOL, &[1u8, 0], Shape::rep1(0, 2));
            assert_eq!(
                filter(&*a, short).unwrap_err().msg,
                "boolean index did not match indexed array along axis 0; \
                 size of axis is 3 but size of corresponding boolean axis is 2"
            );
            set_mask(a, &*rows, 0).unwrap();
            assert!(matches!((*a).data(), Data::Int(&[0, 0, 3, 4, 0, 0])));
            set_mask(a, &*elems, 9).unwrap();
            assert!(matches!((*a).data(), Data::Int(&[0, 9, 9, 4, 0, 9])));
            set_mask(elems, &*elems, 0).unwrap();
            assert!(matches!((*elems).data(), Data::Bool(&[0, 0, 0, 0, 0, 0])));
            let d = arr(dtype::FLOAT64, &[1.0f64, 2.0, 3.0], Shape { dist: dist::ONE_D, ..Shape::rep1(0, 3) });
            let f = filter(&*d, rows).unwrap();
            assert_eq!(((*f).dist, (*f).glen, (*f).offset), (dist::ONE_D_VAR, 2, 0));
            assert!(matches!((*f).data(), Data::Float(&[1.0, 3.0])));
            for p in [a, rows, r, elems, e, short, d, f] {
                decref(p as *mut Header);
            }
            assert_eq!(crate::object::live_objects(), live);
        }
    }
}
