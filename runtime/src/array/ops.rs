//! Whole-array operations that produce new arrays: `np.cumsum`, `np.cumprod`
//! (and the running maximum and minimum), `np.concatenate` and
//! `np.array(list)`.

use super::collective::in_row_order;
use super::cum_axis::{float_op, int_op};
use super::object::{data_mut, desc_for, new_checked, new_like, promote, ArrObj, Data, DataMut, Shape};
use super::redist::fetch_rows;
use crate::errors::{PyErr, PyResult};
use crate::object::{decref, Header, ListObj, TupleObj, TypeDesc};
use crate::{list, mpi_env};
use bodo_abi::{block_range, dist, dtype, exc, kind};
use std::borrow::Cow;

/// `np.cumsum(a)`, `np.cumprod(a)`, `np.maximum.accumulate(a)` or
/// `np.minimum.accumulate(a)` (`op` a `bodo_abi::cum_op` code):
/// flattened (row-major), int64 (wrapping) for int and bool input, float64
/// for float. A
/// distributed array keeps its layout; each rank starts from the total of
/// the rows before its own.
///
/// # Safety
/// `a` is a live array.
pub unsafe fn cumulative(a: &ArrObj, op: i64) -> PyResult<*mut ArrObj> {
    let n = a.nelems() as i64;
    let dt = if a.dtype == dtype::FLOAT64 { dtype::FLOAT64 } else { dtype::INT64 };
    let s = if a.is_dist() {
        let w = a.ncols.max(0);
        // Whole rows flattened are not the blocks of the flat length.
        let d = if a.ndim == 2 { dist::ONE_D_VAR } else { a.dist };
        Shape { dtype: dt, ndim: 1, len: n, ncols: 1, glen: a.glen * w, offset: a.offset * w, dist: d }
    } else {
        Shape::rep1(dt, n)
    };
    // The totals of the ranks holding earlier rows (collective when distributed).
    let before = |total: i64| -> Vec<i64> {
        if !a.is_dist() {
            return Vec::new();
        }
        let (vals, k) = in_row_order(a.offset, a.len, total);
        vals[..k].to_vec()
    };
    let src = a.data();
    match src {
        Data::Float(x) => {
            let op = float_op(op);
            let total = x.iter().copied().reduce(op).unwrap_or(0.0);
            let earlier = before(total.to_bits() as i64);
            let r = new_like(a, s)?;
            if let DataMut::Float(out) = data_mut(r) {
                // A running total without a predecessor starts at the first
                // element (so `-0.0` stays `-0.0`, as in NumPy).
                let mut acc = earlier.iter().map(|&b| f64::from_bits(b as u64)).reduce(op);
                for (o, &v) in out.iter_mut().zip(x) {
                    *o = acc.map_or(v, |s| op(s, v));
                    acc = Some(*o);
                }
            }
            Ok(r)
        }
        _ => {
            let op = int_op(op);
            let at = |k: usize| src.i64_at(k);
            // As for floats: a rank without elements has no total to pass on.
            let total = (1..src.len()).fold(if src.len() > 0 { at(0) } else { 0 }, |s, k| op(s, at(k)));
            let mut acc = before(total).into_iter().reduce(op);
            let r = new_like(a, s)?;
            if let DataMut::Int(out) = data_mut(r) {
                for (k, o) in out.iter_mut().enumerate() {
                    *o = acc.map_or(at(k), |s| op(s, at(k)));
                    acc = Some(*o);
                }
            }
            Ok(r)
        }
    }
}

/// NumPy's errors for arrays that cannot be concatenated along rows.
fn check_concat(arrs: &[&ArrObj]) -> PyResult<()> {
    let Some(first) = arrs.first() else {
        return Err(PyErr::new(exc::VALUE_ERROR, "need at least one array to concatenate"));
    };
    for (i, a) in arrs.iter().enumerate().skip(1) {
        if a.ndim != first.ndim {
            let msg = format!(
                "all the input arrays must have same number of dimensions, but the array at index 0 has {} \
                 dimension(s) and the array at index {i} has {} dimension(s)",
                first.ndim, a.ndim
            );
            return Err(PyErr::new(exc::VALUE_ERROR, msg));
        }
        if a.ncols != first.ncols {
            return Err(size_mismatch(1, first.ncols, i, a.ncols));
        }
    }
    Ok(())
}

/// NumPy's error for joined arrays whose sizes along `dim` (not the
/// joining axis) differ: array 0 has `first`, array `i` has `size`.
pub fn size_mismatch(dim: u8, first: i64, i: usize, size: i64) -> PyErr {
    let msg = format!(
        "all the input array dimensions except for the concatenation axis must match exactly, but along \
         dimension {dim}, the array at index 0 has size {first} and the array at index {i} has size {size}"
    );
    PyErr::new(exc::VALUE_ERROR, msg)
}

/// Rows `lo..hi` of `dst`'s elements as a typed view, for writing a piece.
unsafe fn rows_mut<'a>(dst: *mut ArrObj, lo: usize, hi: usize) -> DataMut<'a> {
    let w = (*dst).ncols.max(0) as usize;
    match data_mut(dst) {
        DataMut::Int(d) => DataMut::Int(&mut d[lo * w..hi * w]),
        DataMut::Float(d) => DataMut::Float(&mut d[lo * w..hi * w]),
        DataMut::Bool(d) => DataMut::Bool(&mut d[lo * w..hi * w]),
    }
}

/// `np.concatenate(arrs)` along rows, in argument order, converted to the
/// widest dtype (bool < int64 < float64). All REP gives REP; otherwise the
/// result is 1D_Block (collective), each input's rows fetched straight
/// into the blocks that hold them (a REP input counts once, as a whole).
///
/// # Safety
/// Every array is live.
pub unsafe fn concat(arrs: &[&ArrObj]) -> PyResult<*mut ArrObj> {
    check_concat(arrs)?;
    let first = arrs[0];
    let dt = arrs.iter().fold(first.dtype, |d, a| promote(d, a.dtype));
    let glen: i64 = arrs.iter().map(|a| a.glen).sum();
    let desc = if dt == first.dtype { first.hdr.desc } else { desc_for(dt) };
    if !arrs.iter().any(|a| a.is_dist()) {
        let r = new_checked(desc, Shape::rep(dt, first.ndim, glen, first.ncols))?;
        let mut at = 0;
        for a in arrs {
            let n = a.len as usize;
            a.data().convert_into(rows_mut(r, at, at + n));
            at += n;
        }
        return Ok(r);
    }
    let (bs, bc) = block_range(glen, mpi_env::rank(), mpi_env::size());
    let shape = Shape { dtype: dt, ndim: first.ndim, len: bc, ncols: first.ncols, glen, offset: bs, dist: dist::ONE_D };
    let r = new_checked(desc, shape)?;
    let mut base = 0;
    for a in arrs {
        // This rank's block within `a`'s rows: [lo, lo + n) of `a`.
        let lo = bs.max(base) - base;
        let n = ((bs + bc).min(base + a.glen) - base - lo).max(0);
        let at = (base + lo - bs).clamp(0, bc) as usize;
        let res = if a.dtype == dt {
            fetch_rows(a, lo, n, (*r).data.add(at * (*r).row_bytes()))
        } else {
            let s = Shape { len: n, offset: lo, dist: dist::ONE_D_VAR, ..a.shape() };
            new_like(a, s).and_then(|piece| {
                let res = fetch_rows(a, lo, n, (*piece).data);
                (*piece).data().convert_into(rows_mut(r, at, at + n as usize));
                decref(piece as *mut Header);
                res
            })
        };
        if let Err(e) = res {
            decref(r as *mut Header);
            return Err(e);
        }
        base += a.glen;
    }
    Ok(r)
}

/// `np.array(l)` for a list of int, float or bool: a REP 1D array of `dt`.
///
/// # Safety
/// `l` is a live list; `t` an array descriptor for `dt`.
pub unsafe fn from_list(t: *const TypeDesc, l: *const ListObj, dt: i64) -> PyResult<*mut ArrObj> {
    let rows = list::items(l);
    let row_kind = list::elem_desc(l).kind;
    if dt == dtype::STR && row_kind == kind::STR {
        let r = new_checked(t, Shape::rep1(dt, rows.len() as i64))?;
        std::ptr::copy_nonoverlapping(rows.as_ptr(), (*r).data as *mut u64, rows.len());
        super::strs::retain(r);
        return Ok(r);
    }
    // Each value with its kind: a tuple row's items may mix ints and floats.
    let (items, shape): (Vec<(u64, u32)>, Shape) = if matches!(row_kind, kind::LIST | kind::TUPLE | kind::VTUPLE) {
        // A list of lists or tuples is a 2D array: every row the same length, row-major.
        let row_items: Vec<(Cow<[u64]>, &TypeDesc)> = rows.iter().map(|&r| row(r, row_kind)).collect();
        let ncols = row_items.first().map_or(0, |r| r.0.len());
        if row_items.iter().any(|r| r.0.len() != ncols) {
            let msg = format!(
                "setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was ({},) + inhomogeneous part.",
                rows.len()
            );
            return Err(PyErr::new(exc::VALUE_ERROR, msg));
        }
        let flat = row_items
            .iter()
            .flat_map(|(vals, d)| vals.iter().enumerate().map(|(j, &v)| (v, item_kind(d, row_kind, j))))
            .collect();
        (flat, Shape::rep(dt, 2, rows.len() as i64, ncols as i64))
    } else {
        (rows.iter().map(|&v| (v, row_kind)).collect(), Shape::rep1(dt, rows.len() as i64))
    };
    if items.iter().any(|&(_, k)| !matches!(k, kind::INT | kind::FLOAT | kind::BOOL)) {
        return Err(PyErr::new(exc::NOT_IMPLEMENTED_ERROR, "np.array() of a list of non-scalar values"));
    }
    let r = new_checked(t, shape)?;
    let as_f64 = |(v, k): (u64, u32)| if k == kind::FLOAT { f64::from_bits(v) } else { v as i64 as f64 };
    match data_mut(r) {
        DataMut::Int(d) => d.iter_mut().zip(&items).for_each(|(o, &(v, k))| {
            *o = if k == kind::FLOAT { super::object::f64_to_i64(f64::from_bits(v)) } else { v as i64 }
        }),
        DataMut::Float(d) => d.iter_mut().zip(&items).for_each(|(o, &it)| *o = as_f64(it)),
        DataMut::Bool(d) => d.iter_mut().zip(&items).for_each(|(o, &it)| *o = u8::from(as_f64(it) != 0.0)),
    }
    Ok(r)
}

/// `a.tolist()` of a replicated 2D array: a list (descriptor `t`) of one
/// list per row holding the row's values as Python scalars (list slots).
///
/// # Safety
/// `t` is a list-of-lists descriptor matching `a`'s dtype; `a` is live.
pub unsafe fn rows_to_lists(t: *const TypeDesc, a: &ArrObj) -> *mut ListObj {
    let ncols = a.ncols.max(0) as usize;
    let slots: Vec<u64> = match a.data() {
        Data::Int(d) => d.iter().map(|&v| v as u64).collect(),
        Data::Float(d) => d.iter().map(|v| v.to_bits()).collect(),
        Data::Bool(d) => d.iter().map(|&v| u64::from(v)).collect(),
    };
    let row_desc = (*t).child(0) as *const TypeDesc;
    let out = list::new(t, a.len);
    for r in 0..a.len.max(0) as usize {
        list::push_owned(out, list::from_slots(row_desc, &slots[r * ncols..(r + 1) * ncols]) as u64);
    }
    out
}

/// The values of one row of `np.array(rows)` (a list, tuple or variable-length
/// tuple, as `row_kind` says) and its type descriptor.
unsafe fn row<'a>(r: u64, row_kind: u32) -> (Cow<'a, [u64]>, &'static TypeDesc) {
    if row_kind != kind::TUPLE {
        // A variable-length tuple has a list's layout.
        let l = r as usize as *const ListObj;
        (list::items(l), (*l).hdr.desc())
    } else {
        let t = r as usize as *const TupleObj;
        (Cow::Borrowed(crate::tuple::items(t)), (*t).hdr.desc())
    }
}

/// The kind of item `j` of a row with descriptor `d`: a fixed tuple's items
/// each have their own, a list's or variable-length tuple's share one.
fn item_kind(d: &TypeDesc, row_kind: u32, j: usize) -> u32 {
    if row_kind == kind::TUPLE {
        d.child(j).kind
    } else {
        d.child(0).kind
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::object::test_array as arr;
    use crate::test_descs::{LIST_FLOAT, LIST_INT};

    #[test]
    fn cumsum_flattens_and_promotes() {
        unsafe {
            let live = crate::object::live_objects();
            let b = arr(dtype::BOOL, &[1u8, 0, 1, 1], Shape::rep(0, 2, 2, 2));
            let c = cumulative(&*b, bodo_abi::cum_op::SUM).unwrap();
            assert!(matches!((*c).data(), Data::Int(&[1, 1, 2, 3])));
            assert_eq!(((*c).ndim, (*c).len), (1, 4));
            let f =
                arr(dtype::FLOAT64, &[-0.0f64, 1.5, f64::NAN, 1.0], Shape { dist: dist::ONE_D, ..Shape::rep1(0, 4) });
            let g = cumulative(&*f, bodo_abi::cum_op::SUM).unwrap();
            let Data::Float(v) = (*g).data() else { panic!("float cumsum") };
            assert_eq!(v[0].to_bits(), (-0.0f64).to_bits());
            assert_eq!(v[1], 1.5);
            assert!(v[2].is_nan() && v[3].is_nan());
            assert_eq!((*g).dist, dist::ONE_D);
            for p in [b, c, f, g] {
                decref(p as *mut Header);
            }
            assert_eq!(crate::object::live_objects(), live);
        }
    }

    #[test]
    fn concat_promotes_in_order() {
        unsafe {
            let live = crate::object::live_objects();
            let b = arr(dtype::BOOL, &[1u8, 0], Shape::rep1(0, 2));
            let i = arr(dtype::INT64, &[7i64], Shape::rep1(0, 1));
            let f = arr(dtype::FLOAT64, &[2.5f64], Shape { dist: dist::ONE_D, ..Shape::rep1(0, 1) });
            let bi = concat(&[&*b, &*i]).unwrap();
            assert!(matches!((*bi).data(), Data::Int(&[1, 0, 7])));
            assert_eq!((*bi).dist, dist::REP);
            let all = concat(&[&*i, &*f, &*b]).unwrap();
            assert!(matches!((*all).data(), Data::Float(&[7.0, 2.5, 1.0, 0.0])));
            assert_eq!(((*all).dist, (*all).glen), (dist::ONE_D, 4));
            assert_eq!(concat(&[]).unwrap_err().msg, "need at least one array to concatenate");
            let m = arr(dtype::INT64, &[1i64, 2], Shape::rep(0, 2, 1, 2));
            assert!(concat(&[&*i, &*m]).unwrap_err().msg.starts_with("all the input arrays must have same number"));
            for p in [b, i, f, bi, all, m] {
                decref(p as *mut Header);
            }
            assert_eq!(crate::object::live_objects(), live);
        }
    }

    #[test]
    fn from_lists() {
        unsafe {
            let live = crate::object::live_objects();
            let li = list::from_slots(&LIST_INT, &[3, (-1i64) as u64]);
            let lf = list::from_slots(&LIST_FLOAT, &[0.5f64.to_bits()]);
            let a = from_list(desc_for(dtype::INT64), li, dtype::INT64).unwrap();
            let f = from_list(desc_for(dtype::FLOAT64), li, dtype::FLOAT64).unwrap();
            let g = from_list(desc_for(dtype::FLOAT64), lf, dtype::FLOAT64).unwrap();
            assert!(matches!((*a).data(), Data::Int(&[3, -1])));
            assert!(matches!((*f).data(), Data::Float(&[3.0, -1.0])));
            assert!(matches!((*g).data(), Data::Float(&[0.5])));
            decref(li as *mut Header);
            decref(lf as *mut Header);
            for p in [a, f, g] {
                decref(p as *mut Header);
            }
            assert_eq!(crate::object::live_objects(), live);
        }
    }
}
