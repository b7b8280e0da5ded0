//! Integer and slice indexing on global row numbers: `a[i]`, `a[i, j]`,
//! `a[i]` of a 2D array (a row), `a[start:stop:step]`, `a[idx]` with an
//! int index array, and their assignments. Reads of a distributed array are collective (the owner's
//! value reaches every rank); writes touch only the owner's local part.

use super::comm::{self, Op};
use super::object::{bytes_mut, copy, data_mut, fill, new_like, new_like_unfilled, ArrObj, Shape};
use super::redist::{gather, rebalance, window};
use crate::errors::{PyErr, PyResult};
use crate::index::{self, Slice};
use crate::object::{decref, Header};
use bodo_abi::{dist, exc};

/// `i` normalised against `size` on `axis`, or NumPy's IndexError.
pub(super) fn resolve(i: i64, size: i64, axis: u8) -> PyResult<i64> {
    index::resolve(i, size).ok_or_else(|| {
        PyErr::new(exc::INDEX_ERROR, format!("index {i} is out of bounds for axis {axis} with size {size}"))
    })
}

/// Column `j` of a 2D array normalised (negative counts from the end), or
/// NumPy's IndexError: `X[:, j]`. Local (every rank has every column).
pub fn col_index(a: &ArrObj, j: i64) -> PyResult<i64> {
    resolve(j, a.ncols, 1)
}

/// The local row holding global row `g`, if this rank has it.
pub(super) fn local_row(a: &ArrObj, g: i64) -> Option<usize> {
    let r = if a.is_dist() { g - a.offset } else { g };
    (0..a.len).contains(&r).then_some(r as usize)
}

/// `a[i]` (1D, `j = None`) or `a[i, j]` (2D) as a slot of the array's
/// dtype. Collective for a distributed array: the owning rank contributes
/// the bits and a bitwise-or allreduce hands them to everyone.
///
/// # Safety
/// `a` is a live array.
pub unsafe fn getitem(a: &ArrObj, i: i64, j: Option<i64>) -> PyResult<u64> {
    let g = resolve(i, a.glen, 0)?;
    let j = j.map_or(Ok(0), |j| resolve(j, a.ncols, 1))?;
    let mut v = [local_row(a, g).map_or(0, |r| a.data().slot(r * a.ncols as usize + j as usize))];
    if a.is_dist() {
        comm::allreduce(&mut v, Op::BitOr);
    }
    Ok(v[0])
}

/// `a[idx]` with an int64 index array `idx` (REP): the chosen elements (or
/// rows of a 2D array) in index order as a new REP array. Collective for
/// a distributed `a`: each rank fills the rows it holds, and a bitwise-or
/// allreduce gives every rank all of them.
///
/// # Safety
/// `a` and `idx` are live arrays.
pub unsafe fn take(a: &ArrObj, idx: &ArrObj) -> PyResult<*mut ArrObj> {
    let rows = resolve_all(a, idx)?;
    let r = new_like(a, Shape::rep(a.dtype, a.ndim, rows.len() as i64, a.ncols))?;
    let (src, rb) = (a.bytes(), a.row_bytes());
    let out = bytes_mut(r);
    for (k, &g) in rows.iter().enumerate() {
        if let Some(lr) = local_row(a, g) {
            out[k * rb..(k + 1) * rb].copy_from_slice(&src[lr * rb..(lr + 1) * rb]);
        }
    }
    if a.is_dist() {
        comm::allreduce(out, Op::BitOr);
    }
    Ok(r)
}

/// `a[i] = v` (1D, `j = None`) or `a[i, j] = v`: the rank holding the row writes.
///
/// # Safety
/// `a` is a live array; `v` is a slot of its dtype.
pub unsafe fn setitem(a: *mut ArrObj, i: i64, j: Option<i64>, v: u64) -> PyResult<()> {
    let ar = &*a;
    let g = resolve(i, ar.glen, 0)?;
    let j = j.map_or(Ok(0), |j| resolve(j, ar.ncols, 1))?;
    if let Some(r) = local_row(ar, g) {
        let k = r * ar.ncols as usize + j as usize;
        fill(a, k, k + 1, v);
    }
    Ok(())
}

/// `a[:, k] = v` (`axis` 0) or `a[k, :] = v` (`axis` 1) of a 2D array, on
/// the local rows.
///
/// # Safety
/// `a` is a live array.
pub unsafe fn set_line(a: *mut ArrObj, axis: i64, k: i64, v: u64) -> PyResult<()> {
    let ar = &*a;
    let w = ar.ncols as usize;
    if axis == 0 {
        let j = resolve(k, ar.ncols, 1)? as usize;
        for r in 0..ar.len as usize {
            fill(a, r * w + j, r * w + j + 1, v);
        }
    } else if let Some(r) = local_row(ar, resolve(k, ar.glen, 0)?) {
        fill(a, r * w, (r + 1) * w, v);
    }
    Ok(())
}

/// Row `i` of a 2D array as a new REP 1D array (collective when distributed).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn getrow(a: &ArrObj, i: i64) -> PyResult<*mut ArrObj> {
    let g = resolve(i, a.glen, 0)?;
    let r = new_like(a, Shape::rep(a.dtype, 1, a.ncols, 1))?;
    let (rb, out) = (a.row_bytes(), bytes_mut(r));
    if let Some(row) = local_row(a, g) {
        out.copy_from_slice(&a.bytes()[row * rb..(row + 1) * rb]);
    }
    if a.is_dist() {
        comm::allreduce(out, Op::BitOr);
    }
    Ok(r)
}

/// Local row `r` of a 2D array (`X[i]`/`X[i, :]` inside a prange over its
/// rows) as a REP 1D array. Local: no communication.
pub unsafe fn localrow(a: &ArrObj, r: i64) -> PyResult<*mut ArrObj> {
    let rr = resolve(r, a.len, 0)? as usize;
    let out = new_like(a, Shape::rep(a.dtype, 1, a.ncols, 1))?;
    let rb = a.row_bytes();
    bytes_mut(out).copy_from_slice(&a.bytes()[rr * rb..(rr + 1) * rb]);
    Ok(out)
}

/// The positions `k` (in `0..sl.count`) of the slice whose rows
/// `sl.start + k * sl.step` fall in the local rows `off .. off + len`.
fn local_k_range(sl: Slice, off: i64, len: i64) -> (i64, i64) {
    let ceil_div = |n: i64, d: i64| -(-n).div_euclid(d);
    let (lo, hi) = if sl.step > 0 {
        (ceil_div(off - sl.start, sl.step), ceil_div(off + len - sl.start, sl.step))
    } else {
        let s = -sl.step;
        (ceil_div(sl.start - (off + len - 1), s), (sl.start - off).div_euclid(s) + 1)
    };
    let (lo, hi) = (lo.clamp(0, sl.count), hi.clamp(0, sl.count));
    (lo, hi.max(lo))
}

/// Copies `n` rows of `src`, from local row `first` and `step` rows apart,
/// to the start of `dst`.
unsafe fn copy_rows(src: &ArrObj, first: i64, step: i64, n: i64, dst: *mut ArrObj) {
    if n <= 0 {
        return;
    }
    let (rb, s, d) = (src.row_bytes(), src.bytes(), bytes_mut(dst));
    if step == 1 {
        let at = first as usize * rb;
        d.copy_from_slice(&s[at..at + n as usize * rb]);
    } else {
        for (k, out) in d.chunks_exact_mut(rb.max(1)).enumerate().take(n as usize) {
            let at = (first + k as i64 * step) as usize * rb;
            out.copy_from_slice(&s[at..at + rb]);
        }
    }
    super::strs::retain(dst);
}

/// `a[start:stop:step]` on global rows. REP gives REP. Distributed gives
/// 1D_Block_Var: each rank keeps the selected rows it holds, and their
/// position in the result is known locally (no communication). A negative
/// step reverses the row order across ranks, so that case is rebalanced
/// into 1D_Block (collective).
///
/// # Safety
/// `a` is a live array.
pub unsafe fn slice(a: &ArrObj, start: i64, stop: i64, step: i64) -> PyResult<*mut ArrObj> {
    let sl = index::slice(a.glen, start, stop, step)?;
    if !a.is_dist() {
        let r = new_like_unfilled(a, Shape::rep(a.dtype, a.ndim, sl.count, a.ncols))?;
        copy_rows(a, sl.start, sl.step, sl.count, r);
        return Ok(r);
    }
    let (lo, hi) = local_k_range(sl, a.offset, a.len);
    let piece =
        new_like_unfilled(a, Shape { len: hi - lo, offset: lo, glen: sl.count, dist: dist::ONE_D_VAR, ..a.shape() })?;
    copy_rows(a, sl.start + lo * sl.step - a.offset, sl.step, hi - lo, piece);
    if sl.step > 0 {
        return Ok(piece);
    }
    let r = rebalance(&*piece, &[]);
    decref(piece as *mut Header);
    r
}

/// `a[start:stop:step] = v`: every rank writes the selected rows it holds.
///
/// # Safety
/// `a` is a live array; `v` is a slot of its dtype.
pub unsafe fn set_slice(a: *mut ArrObj, start: i64, stop: i64, step: i64, v: u64) -> PyResult<()> {
    let ar = &*a;
    let sl = index::slice(ar.glen, start, stop, step)?;
    let off = if ar.is_dist() { ar.offset } else { 0 };
    let (lo, hi) = local_k_range(sl, off, ar.len);
    if hi <= lo {
        return Ok(());
    }
    let w = ar.ncols as usize;
    if sl.step == 1 {
        let first = (sl.start + lo - off) as usize;
        fill(a, first * w, (first + (hi - lo) as usize) * w, v);
        return Ok(());
    }
    for k in lo..hi {
        let row = (sl.start + k * sl.step - off) as usize;
        fill(a, row * w, (row + 1) * w, v);
    }
    Ok(())
}

/// `v` whole (gathered), and a copy if that is `a` itself (`a[::-1] = a`),
/// so the values are read from a buffer the writes do not touch.
unsafe fn gathered_apart(a: *mut ArrObj, v: *mut ArrObj) -> PyResult<*mut ArrObj> {
    let w = gather(v)?;
    if w != a {
        return Ok(w);
    }
    let src = copy(&*a);
    decref(w as *mut Header);
    src
}

/// The values an assignment to `a` reads from `v`, and the selection
/// position of their first row. When `v` is distributed with one row for
/// each of the `count` selected rows (`by_rows`), this rank fetches only
/// the rows of positions `lo..hi`, the ones it writes (collective: every
/// rank decides alike from `v`'s global shape), so a stencil step moves
/// halo rows, not the grid; otherwise `v` is gathered whole (position 0).
unsafe fn values_for(
    a: *mut ArrObj,
    v: *mut ArrObj,
    by_rows: bool,
    count: i64,
    lo: i64,
    hi: i64,
) -> PyResult<(*mut ArrObj, usize)> {
    let vr = &*v;
    if by_rows && vr.is_dist() && vr.glen == count {
        let s = Shape { len: hi - lo, offset: lo, dist: dist::ONE_D_VAR, ..vr.shape() };
        return Ok((window(vr, s)?, lo as usize));
    }
    Ok((gathered_apart(a, v)?, 0))
}

/// `a[start:stop:step] = v` with an array `v` of the selected rows (or one
/// row, broadcast), converted to `a`'s dtype. Collective when `v` is
/// distributed: every rank fetches the rows it writes (`values_for`).
///
/// # Safety
/// `a` and `v` are live arrays.
pub unsafe fn set_slice_arr(a: *mut ArrObj, start: i64, stop: i64, step: i64, v: *mut ArrObj) -> PyResult<()> {
    let sl = index::slice((*a).glen, start, stop, step)?;
    let ar = &*a;
    let off = if ar.is_dist() { ar.offset } else { 0 };
    let (lo, hi) = local_k_range(sl, off, ar.len);
    let (w, base) = values_for(a, v, (*v).ndim == ar.ndim, sl.count, lo, hi)?;
    let wr = &*w;
    let rows_ok = wr.glen == sl.count || wr.glen == 1;
    if !rows_ok || wr.ndim > ar.ndim || (wr.ndim == ar.ndim && wr.ncols != ar.ncols) {
        let mut into = ar.shape();
        into.glen = sl.count;
        let msg =
            format!("could not broadcast input array from shape {} into shape {}", wr.shape().text(), into.text());
        decref(w as *mut Header);
        return Err(PyErr::new(exc::VALUE_ERROR, msg));
    }
    let (cols, src_cols) = (ar.ncols.max(0) as usize, wr.ncols.max(0) as usize);
    let (s, mut d) = (wr.data(), data_mut(a));
    for k in lo..hi {
        let row = (sl.start + k * sl.step - off) as usize * cols;
        let from = if wr.glen == 1 { 0 } else { (k as usize - base) * src_cols };
        if src_cols == cols {
            d.put_run(row, &s, from, cols);
        } else {
            (0..cols).for_each(|c| d.put(row + c, &s, from));
        }
    }
    decref(w as *mut Header);
    Ok(())
}

/// `a[:, k] = v` (`axis` 0) or `a[k, :] = v` (`axis` 1) of a 2D array with
/// a 1D array `v` of the line's length (or of one element), as NumPy
/// broadcasts it. Collective when `v` is distributed (a column's value
/// fetched for the rows this rank holds, `values_for`).
///
/// # Safety
/// `a` and `v` are live arrays.
pub unsafe fn set_line_arr(a: *mut ArrObj, axis: i64, k: i64, v: *mut ArrObj) -> PyResult<()> {
    let ar = &*a;
    let (lo, hi) = if ar.is_dist() { (ar.offset, ar.offset + ar.len) } else { (0, ar.glen) };
    let (w, base) = values_for(a, v, axis == 0 && (*v).ndim == 1, ar.glen, lo, hi)?;
    let res = write_line(a, axis, k, &*w, base);
    decref(w as *mut Header);
    res
}

/// `write_line` with `w`'s first row at position `base` of the line.
unsafe fn write_line(a: *mut ArrObj, axis: i64, k: i64, w: &ArrObj, base: usize) -> PyResult<()> {
    let ar = &*a;
    let want = if axis == 0 { ar.glen } else { ar.ncols };
    if w.ndim != 1 || (w.glen != want && w.glen != 1) {
        let msg = format!("could not broadcast input array from shape {} into shape ({want},)", w.shape().text());
        return Err(PyErr::new(exc::VALUE_ERROR, msg));
    }
    let (cols, s, mut d) = (ar.ncols as usize, w.data(), data_mut(a));
    let from = |x: usize| if w.glen == 1 { 0 } else { x };
    if axis == 0 {
        let j = resolve(k, ar.ncols, 1)? as usize;
        let off = if ar.is_dist() { ar.offset as usize } else { 0 };
        for r in 0..ar.len as usize {
            d.put(r * cols + j, &s, from(off + r - base));
        }
    } else if let Some(r) = local_row(ar, resolve(k, ar.glen, 0)?) {
        for c in 0..cols {
            d.put(r * cols + c, &s, from(c));
        }
    }
    Ok(())
}

/// Every index of the int64 array `idx` resolved against `a`'s rows (or
/// NumPy's IndexError) before anything is written.
unsafe fn resolve_all(a: &ArrObj, idx: &ArrObj) -> PyResult<Vec<i64>> {
    let ix = idx.data();
    (0..ix.len()).map(|k| resolve(ix.i64_at(k), a.glen, 0)).collect()
}

/// `a[idx] = v` with an int64 index array `idx` (REP) and a scalar slot
/// `v` of `a`'s dtype: each rank fills the chosen rows it holds.
///
/// # Safety
/// `a` and `idx` are live arrays.
pub unsafe fn set_take(a: *mut ArrObj, idx: &ArrObj, v: u64) -> PyResult<()> {
    let ar = &*a;
    let w = ar.ncols.max(0) as usize;
    for g in resolve_all(ar, idx)? {
        if let Some(r) = local_row(ar, g) {
            fill(a, r * w, (r + 1) * w, v);
        }
    }
    Ok(())
}

/// `a[idx] = v` of a 1D array with a 1D array `v` of one value per index
/// (or one value, broadcast), converted to `a`'s dtype. Indices are applied
/// in order, so a repeated index keeps the last value, as in NumPy.
/// Collective when `v` is distributed (it is gathered).
///
/// # Safety
/// `a`, `idx` and `v` are live arrays.
pub unsafe fn set_take_arr(a: *mut ArrObj, idx: &ArrObj, v: *mut ArrObj) -> PyResult<()> {
    let rows = resolve_all(&*a, idx)?;
    let w = gathered_apart(a, v)?;
    let wr = &*w;
    if wr.ndim != 1 || (wr.glen != rows.len() as i64 && wr.glen != 1) {
        let msg = format!(
            "shape mismatch: value array of shape {} could not be broadcast to indexing result of shape ({},)",
            wr.shape().text(),
            rows.len()
        );
        decref(w as *mut Header);
        return Err(PyErr::new(exc::VALUE_ERROR, msg));
    }
    let (s, mut d) = (wr.data(), data_mut(a));
    for (k, &g) in rows.iter().enumerate() {
        if let Some(r) = local_row(&*a, g) {
            d.put(r, &s, if wr.glen == 1 { 0 } else { k });
        }
    }
    decref(w as *mut Header);
    Ok(())
}

/// `a[:, start:stop:step]` of a 2D array, or `a[:, j]` with `j` given as
/// `start` when `single` (a 1D result): the chosen columns of the local
/// rows, keeping the rows' distribution. Local: every rank has every column.
///
/// # Safety
/// `a` is a live 2D array.
pub unsafe fn select_cols(a: &ArrObj, start: i64, stop: i64, step: i64, single: bool) -> PyResult<*mut ArrObj> {
    let (first, step, width) = if single {
        (resolve(start, a.ncols, 1)?, 1, 1)
    } else {
        let sl = index::slice(a.ncols, start, stop, step)?;
        (sl.start, sl.step, sl.count)
    };
    let ndim = if single { 1 } else { 2 };
    let r = new_like_unfilled(a, Shape { ndim, ncols: width, ..a.shape() })?;
    let (s, mut d, w) = (a.data(), data_mut(r), a.ncols.max(0) as usize);
    let (first, width) = (first as usize, width.max(0) as usize);
    for i in 0..a.len.max(0) as usize {
        if step == 1 {
            d.put_run(i * width, &s, i * w + first, width);
            continue;
        }
        for k in 0..width {
            d.put(i * width + k, &s, i * w + (first as i64 + k as i64 * step) as usize);
        }
    }
    Ok(r)
}

/// What `set_sub` stores: one number (a slot of the array's dtype), or
/// the values of an array broadcast over the selected block.
pub enum SubValue {
    Scalar(u64),
    Array(*mut ArrObj),
}

/// `a[rows, cols] = v` of a 2D array where each part is a slice
/// `[start, stop, step]` or, when its bit of `singles` is set (1 rows,
/// 2 columns), one index given as `start`: `A[1:3, 0:2] = v`,
/// `A[1:, j] = v`, `A[i, 1:] = v`. Each rank fills the rows it holds; an
/// array value is broadcast as NumPy does (collective when distributed:
/// each rank fetches the rows it writes, `values_for`).
///
/// # Safety
/// `a` is a live 2D array; a scalar value is a slot of its dtype, an array
/// value a live array.
pub unsafe fn set_sub(a: *mut ArrObj, rows: [i64; 3], cols: [i64; 3], singles: i64, v: SubValue) -> PyResult<()> {
    let ar = &*a;
    let cols: Vec<usize> = if singles & 2 != 0 {
        vec![resolve(cols[0], ar.ncols, 1)? as usize]
    } else {
        let sl = index::slice(ar.ncols, cols[0], cols[1], cols[2])?;
        (0..sl.count).map(|k| (sl.start + k * sl.step) as usize).collect()
    };
    // (position in the selection, local row) of the selected rows held here.
    let (count, local): (i64, Vec<(usize, usize)>) = if singles & 1 != 0 {
        (1, local_row(ar, resolve(rows[0], ar.glen, 0)?).map(|r| (0, r)).into_iter().collect())
    } else {
        let sl = index::slice(ar.glen, rows[0], rows[1], rows[2])?;
        let off = if ar.is_dist() { ar.offset } else { 0 };
        let (lo, hi) = local_k_range(sl, off, ar.len);
        (sl.count, (lo..hi).map(|k| (k as usize, (sl.start + k * sl.step - off) as usize)).collect())
    };
    let w = ar.ncols.max(0) as usize;
    let v = match v {
        SubValue::Scalar(x) => {
            for &(_, r) in &local {
                for &c in &cols {
                    fill(a, r * w + c, r * w + c + 1, x);
                }
            }
            return Ok(());
        }
        SubValue::Array(v) => v,
    };
    // The selection's shape as NumPy has it: a single index drops its axis.
    let mut target = Vec::new();
    if singles & 1 == 0 {
        target.push(count);
    }
    if singles & 2 == 0 {
        target.push(cols.len() as i64);
    }
    // `v`'s rows are the selection's unless one row is selected or a 1D
    // value spans the columns.
    let by_rows = singles & 1 == 0 && ((*v).ndim == 2 || singles & 2 != 0);
    let (lo, hi) = match (local.first(), local.last()) {
        (Some(f), Some(l)) => (f.0.min(l.0) as i64, f.0.max(l.0) as i64 + 1),
        _ => (0, 0),
    };
    let (vals, base) = values_for(a, v, by_rows, count, lo, hi)?;
    let vr = &*vals;
    let vdims = if vr.ndim == 2 { vec![vr.glen, vr.ncols] } else { vec![vr.glen] };
    let fits =
        vdims.len() <= target.len() && vdims.iter().rev().zip(target.iter().rev()).all(|(&x, &t)| x == t || x == 1);
    if !fits {
        let shown = match target.as_slice() {
            [r, c] => format!("({r},{c})"),
            [n] => format!("({n},)"),
            _ => "()".to_string(),
        };
        let msg = format!("could not broadcast input array from shape {} into shape {shown}", vr.shape().text());
        decref(vals as *mut Header);
        return Err(PyErr::new(exc::VALUE_ERROR, msg));
    }
    // Element (k, m) of the selection reads the value at these strides
    // (0 along a broadcast axis).
    let along = |len: i64, pos: usize| if len == 1 { 0 } else { pos };
    let from = |k: usize, m: usize| match (vdims.as_slice(), target.len()) {
        ([vrows, vcols], _) => along(*vrows, k - base) * vr.ncols as usize + along(*vcols, m),
        ([n], 2) => along(*n, m),
        ([n], _) if singles & 1 != 0 => along(*n, m),
        ([n], _) => along(*n, k - base),
        _ => 0,
    };
    let (s, mut d) = (vr.data(), data_mut(a));
    // Consecutive columns read from consecutive values copy as one run.
    let run = cols.windows(2).all(|p| p[1] == p[0] + 1);
    for &(k, r) in &local {
        match cols.first() {
            Some(&c0) if run && (cols.len() == 1 || from(k, 1) == from(k, 0) + 1) => {
                d.put_run(r * w + c0, &s, from(k, 0), cols.len());
            }
            _ => cols.iter().enumerate().for_each(|(m, &c)| d.put(r * w + c, &s, from(k, m))),
        }
    }
    decref(vals as *mut Header);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::object::{data_mut, desc_for, new_checked, Data, DataMut};
    use bodo_abi::{dtype, SLICE_NONE};

    unsafe fn floats(v: &[f64], s: Shape) -> *mut ArrObj {
        let a = new_checked(desc_for(dtype::FLOAT64), s).unwrap();
        if let DataMut::Float(d) = data_mut(a) {
            d.copy_from_slice(v);
        }
        a
    }

    unsafe fn vals(a: *mut ArrObj) -> Vec<f64> {
        let d = (*a).data();
        (0..d.len()).map(|k| d.f64_at(k)).collect()
    }

    #[test]
    fn local_ranges_match_brute_force() {
        for len in [0, 1, 7, 10] {
            for (a, b, c) in
                [(SLICE_NONE, SLICE_NONE, 1), (1, 9, 3), (SLICE_NONE, SLICE_NONE, -1), (8, 0, -3), (-2, 1, -2)]
            {
                let sl = index::slice(len, a, b, c).unwrap();
                for off in 0..=len {
                    for n in 0..=(len - off) {
                        let want: Vec<i64> =
                            (0..sl.count).filter(|k| (off..off + n).contains(&(sl.start + k * sl.step))).collect();
                        let (lo, hi) = local_k_range(sl, off, n);
                        assert_eq!((lo..hi).collect::<Vec<_>>(), want, "len {len} slice {a}:{b}:{c} rows {off}+{n}");
                    }
                }
            }
        }
    }

    #[test]
    fn slices_and_items() {
        unsafe {
            let live = crate::object::live_objects();
            let a = floats(&[0.0, 1.0, 2.0, 3.0, 4.0], Shape::rep1(dtype::FLOAT64, 5));
            let r = slice(&*a, SLICE_NONE, SLICE_NONE, -2).unwrap();
            assert_eq!(vals(r), [4.0, 2.0, 0.0]);
            assert_eq!(slice(&*a, 0, 1, 0).unwrap_err().msg, "slice step cannot be zero");
            set_slice(a, 1, SLICE_NONE, 2, 9.5f64.to_bits()).unwrap();
            set_slice(a, 0, 1, 1, (-1.0f64).to_bits()).unwrap();
            assert_eq!(vals(a), [-1.0, 9.5, 2.0, 9.5, 4.0]);
            assert_eq!(f64::from_bits(getitem(&*a, -2, None).unwrap()), 9.5);
            assert_eq!(getitem(&*a, -6, None).unwrap_err().msg, "index -6 is out of bounds for axis 0 with size 5");
            setitem(a, 4, None, 7.0f64.to_bits()).unwrap();
            assert_eq!(vals(a)[4], 7.0);
            let m = floats(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], Shape::rep(dtype::FLOAT64, 2, 3, 2));
            assert_eq!(f64::from_bits(getitem(&*m, 1, Some(-1)).unwrap()), 4.0);
            assert_eq!(getitem(&*m, 1, Some(2)).unwrap_err().msg, "index 2 is out of bounds for axis 1 with size 2");
            let row = getrow(&*m, -1).unwrap();
            assert!(matches!((*row).data(), Data::Float(&[5.0, 6.0])));
            let rows = slice(&*m, 1, SLICE_NONE, 1).unwrap();
            assert_eq!(((*rows).len, (*rows).ndim), (2, 2));
            assert_eq!(vals(rows), [3.0, 4.0, 5.0, 6.0]);
            set_slice(m, SLICE_NONE, SLICE_NONE, -2, 0f64.to_bits()).unwrap();
            assert_eq!(vals(m), [0.0, 0.0, 3.0, 4.0, 0.0, 0.0]);
            for p in [a, r, m, row, rows] {
                decref(p as *mut Header);
            }
            assert_eq!(crate::object::live_objects(), live);
        }
    }

    #[test]
    fn distributed_slice_on_one_rank() {
        unsafe {
            let live = crate::object::live_objects();
            let s = Shape { dist: dist::ONE_D, ..Shape::rep1(dtype::FLOAT64, 4) };
            let a = floats(&[0.0, 1.0, 2.0, 3.0], s);
            let r = slice(&*a, SLICE_NONE, SLICE_NONE, -1).unwrap();
            assert_eq!(((*r).dist, (*r).glen), (dist::ONE_D, 4));
            assert_eq!(vals(r), [3.0, 2.0, 1.0, 0.0]);
            let f = slice(&*a, 1, 3, 1).unwrap();
            assert_eq!(((*f).dist, (*f).offset, (*f).glen), (dist::ONE_D_VAR, 0, 2));
            assert_eq!(f64::from_bits(getitem(&*a, 3, None).unwrap()), 3.0);
            for p in [a, r, f] {
                decref(p as *mut Header);
            }
            assert_eq!(crate::object::live_objects(), live);
        }
    }
}
