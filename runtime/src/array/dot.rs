//! `np.dot` for vector·vector and vector·matrix, the shape checks and
//! block step of the fused loops that compute matrix·vector and
//! vector·matrix products (`compiler/src/ir/kernel_dot.rs`). The result is
//! int64 when both operands are int or bool, else float64.
//!
//! Products over rows need the rows of both operands on the same rank:
//! a REP operand offers the rows the distributed one holds, and two
//! distributed operands with different layouts are aligned first; the
//! local partial results are then summed over ranks.

use super::collective::allreduce_f64;
use super::comm::{self, Op};
use super::dot_kernels;
use super::object::{data_mut, new_like, ArrObj, Data, DataMut, Shape};
use super::redist::{align, gather};
use crate::errors::{PyErr, PyResult};
use crate::object::{decref, incref, Header};
use bodo_abi::{dtype, exc};
use std::borrow::Cow;

fn not_aligned(a: &ArrObj, b: &ArrObj, (na, da): (i64, u8), (nb, db): (i64, u8)) -> PyErr {
    shapes_not_aligned(&a.shape().text(), &b.shape().text(), (na, da), (nb, db))
}

fn shapes_not_aligned(sa: &str, sb: &str, (na, da): (i64, u8), (nb, db): (i64, u8)) -> PyErr {
    PyErr::new(exc::VALUE_ERROR, format!("shapes {sa} and {sb} not aligned: {na} (dim {da}) != {nb} (dim {db})"))
}

/// `np.matmul`'s (and `@`'s) message for the shape mismatch that `msg`, a
/// message of [`shapes_not_aligned`], reports; None for any other message.
pub fn matmul_wording(msg: &str) -> Option<String> {
    let (_, dims) = msg.split_once(" not aligned: ")?;
    let (a, b) = dims.split_once(" != ")?;
    let size = |s: &'_ str| s.split(' ').next().map(str::to_owned);
    let (k_a, k_b) = (size(a)?, size(b)?);
    Some(format!(
        "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature \
         (n?,k),(k,m?)->(n?,m?) (size {k_b} is different from {k_a})"
    ))
}

/// NumPy's error for `np.dot(m, v)` when `v` does not have `m`'s column
/// count (a fused loop computes the products).
pub fn check_mv(m: &ArrObj, v: &ArrObj) -> PyResult<()> {
    if m.ncols != v.glen {
        return Err(not_aligned(m, v, (m.ncols, 1), (v.glen, 0)));
    }
    Ok(())
}

/// Before a fused loop computes `np.dot(v, m)` (or `m.T @ v`, when
/// `transposed`) for a vector expression of `vlen` elements: NumPy's error
/// when `m` has another row count, else the zeroed REP result of `m`'s
/// column count the loop adds into.
pub fn vm_result(vlen: i64, m: &ArrObj, dtype: i64, transposed: bool) -> PyResult<*mut ArrObj> {
    if vlen != m.glen {
        let v = format!("({vlen},)");
        return Err(if transposed {
            shapes_not_aligned(&transposed_text(m), &v, (m.glen, 1), (vlen, 0))
        } else {
            shapes_not_aligned(&v, &m.shape().text(), (vlen, 0), (m.glen, 0))
        });
    }
    new_like(m, Shape::rep1(dtype, m.ncols))
}

/// The shape of `m.T` as NumPy prints it.
fn transposed_text(m: &ArrObj) -> String {
    format!("({},{})", m.ncols, m.glen)
}

/// After the fused loop of [`vm_result`]: per-rank sums over local rows
/// become the global result.
///
/// # Safety
/// `r` is a live array.
pub unsafe fn vm_finish(r: *mut ArrObj, partial: bool) {
    if !partial {
        return;
    }
    match data_mut(r) {
        DataMut::Int(out) => comm::allreduce(out, Op::Sum),
        DataMut::Float(out) => comm::allreduce(out, Op::Sum),
        DataMut::Bool(_) => {}
    }
}

fn int_result(a: &ArrObj, b: &ArrObj) -> bool {
    a.dtype != dtype::FLOAT64 && b.dtype != dtype::FLOAT64
}

fn as_f64(d: Data) -> Cow<[f64]> {
    match d {
        Data::Float(v) => Cow::Borrowed(v),
        _ => Cow::Owned((0..d.len()).map(|k| d.f64_at(k)).collect()),
    }
}

fn as_i64(d: Data) -> Cow<[i64]> {
    match d {
        Data::Int(v) => Cow::Borrowed(v),
        _ => Cow::Owned((0..d.len()).map(|k| d.i64_at(k)).collect()),
    }
}

/// The rows of `x` and `y` (same global row count) that meet on this rank.
struct Paired {
    /// An owned reference to `x` or to `x` aligned with `y`.
    x: *mut ArrObj,
    x_first: usize,
    y_first: usize,
    rows: usize,
    /// Whether the local results are partial sums to add over ranks.
    partial: bool,
}

/// Collective when either operand is distributed.
unsafe fn pair_rows(x: *mut ArrObj, y: &ArrObj) -> PyResult<Paired> {
    let xr = &*x;
    let (x_first, y_first, rows) = match (xr.is_dist(), y.is_dist()) {
        (false, false) => (0, 0, xr.len),
        (true, false) => (0, xr.offset, xr.len),
        (false, true) => (y.offset, 0, y.len),
        (true, true) => (0, 0, y.len),
    };
    let x = if xr.is_dist() && y.is_dist() {
        align(x, y)?
    } else {
        incref(x as *mut Header);
        x
    };
    let partial = xr.is_dist() || y.is_dist();
    Ok(Paired { x, x_first: x_first as usize, y_first: y_first as usize, rows: rows as usize, partial })
}

/// `np.dot(a, b)` of two 1D arrays, as a slot (int64 or float64 bits).
///
/// # Safety
/// `a` and `b` are live 1D arrays.
pub unsafe fn dot_vv(a: *mut ArrObj, b: &ArrObj) -> PyResult<u64> {
    let ar = &*a;
    if ar.glen != b.glen {
        return Err(not_aligned(ar, b, (ar.glen, 0), (b.glen, 0)));
    }
    let p = pair_rows(a, b)?;
    let xs = (*p.x).data().range(p.x_first, p.x_first + p.rows);
    let ys = b.data().range(p.y_first, p.y_first + p.rows);
    let r = if int_result(ar, b) {
        let (x, y) = (as_i64(xs), as_i64(ys));
        let mut s = [x.iter().zip(y.iter()).fold(0i64, |s, (&u, &v)| s.wrapping_add(u.wrapping_mul(v)))];
        if p.partial {
            comm::allreduce(&mut s, Op::Sum);
        }
        Ok(s[0] as u64)
    } else {
        let (x, y) = (as_f64(xs), as_f64(ys));
        let s = x.iter().zip(y.iter()).fold(0.0, |s, (&u, &v)| s + u * v);
        if p.partial { allreduce_f64(s, 0) } else { Ok(s) }.map(f64::to_bits)
    };
    decref(p.x as *mut Header);
    r
}

/// `np.dot(v, m)`: a 1D array by a 2D array with as many rows; a REP 1D
/// result of `m`'s column count, summed over ranks when distributed.
///
/// # Safety
/// `v` is a live 1D array, `m` a live 2D array.
pub unsafe fn dot_vm(v: *mut ArrObj, m: &ArrObj) -> PyResult<*mut ArrObj> {
    let vr = &*v;
    if vr.glen != m.glen {
        return Err(not_aligned(vr, m, (vr.glen, 0), (m.glen, 0)));
    }
    let rt = if int_result(vr, m) { dtype::INT64 } else { dtype::FLOAT64 };
    let p = pair_rows(v, m)?;
    let w = m.ncols.max(0) as usize;
    let xs = (*p.x).data().range(p.x_first, p.x_first + p.rows);
    let ys = m.data().range(p.y_first * w, (p.y_first + p.rows) * w);
    let r = new_like(m, Shape::rep1(rt, w as i64));
    if let Ok(r) = r {
        add_row_products(data_mut(r), xs, ys, w);
        vm_finish(r, p.partial);
    }
    decref(p.x as *mut Header);
    r
}

/// `out[c] += sum_r x[r] * rows[r, c]` over rows of width `w`, in order,
/// in the result's dtype.
fn add_row_products(out: DataMut, xs: Data, rows: Data, w: usize) {
    match out {
        DataMut::Int(out) => {
            let (x, y) = (as_i64(xs), as_i64(rows));
            for (&u, row) in x.iter().zip(y.chunks_exact(w.max(1))) {
                out.iter_mut().zip(row).for_each(|(o, &v)| *o = o.wrapping_add(u.wrapping_mul(v)));
            }
        }
        DataMut::Float(out) => dot_kernels::vecmat_add(&as_f64(xs), &as_f64(rows), out),
        DataMut::Bool(_) => {}
    }
}

/// One block of a fused `np.dot(vector, m)` loop: the loop computed the
/// vector's elements for local rows `row0..row0 + n` into `v`; their
/// products with those rows of `m` are added into `out`.
///
/// # Safety
/// `v`, `m` and `out` are live arrays, `v` holds at least `n` elements
/// and `m` at least `row0 + n` local rows.
pub unsafe fn vm_add_block(v: &ArrObj, n: usize, m: &ArrObj, row0: usize, out: *mut ArrObj) {
    let w = m.ncols.max(0) as usize;
    add_row_products(data_mut(out), v.data().range(0, n), m.data().range(row0 * w, (row0 + n) * w), w);
}

/// One block of a fused `np.dot(m, v)` leaf of float64 arrays: `out[r]` is
/// local row `row0 + r` of `m` dotted with `v`, for `r < n`, so the fused
/// loop that reads them has no inner loop over columns.
///
/// # Safety
/// `m` is a live float64 2D array with at least `row0 + n` local rows, `v`
/// a live float64 1D array of `m`'s column count, `out` a live float64
/// array of at least `n` elements.
pub unsafe fn mv_rows(m: &ArrObj, v: &ArrObj, row0: usize, n: usize, out: *mut ArrObj) {
    let w = m.ncols.max(0) as usize;
    if let (Data::Float(x), Data::Float(v), DataMut::Float(out)) = (m.data(), v.data(), data_mut(out)) {
        dot_kernels::matvec_rows(&x[row0 * w..(row0 + n) * w], v, &mut out[..n]);
    }
}

/// `m.T @ v` (`np.dot(m.T, v)`): `np.dot(v, m)` with the transposed
/// operand's shape error. The transpose is never built, so a distributed
/// `m` is not gathered.
///
/// # Safety
/// `m` is a live 2D array, `v` a live 1D array.
pub unsafe fn dot_tv(m: &ArrObj, v: *mut ArrObj) -> PyResult<*mut ArrObj> {
    let vr = &*v;
    if m.glen != vr.glen {
        return Err(shapes_not_aligned(&transposed_text(m), &vr.shape().text(), (m.glen, 1), (vr.glen, 0)));
    }
    dot_vm(v, m)
}

/// `a.T @ b` (`np.dot(a.T, b)`) of two 2D arrays with as many rows: the REP
/// `(a columns, b columns)` sum over rows `r` of `outer(a[r], b[r])`, each
/// rank adding its rows' products before the sum over ranks (Bodo's plan
/// for `X.T @ X`), so no transpose is built and nothing is gathered.
///
/// # Safety
/// `a` and `b` are live 2D arrays.
pub unsafe fn dot_tm(a: *mut ArrObj, b: &ArrObj) -> PyResult<*mut ArrObj> {
    let ar = &*a;
    if ar.glen != b.glen {
        return Err(shapes_not_aligned(&transposed_text(ar), &b.shape().text(), (ar.glen, 1), (b.glen, 0)));
    }
    let rt = if int_result(ar, b) { dtype::INT64 } else { dtype::FLOAT64 };
    let p = pair_rows(a, b)?;
    let (d, k) = (ar.ncols.max(0) as usize, b.ncols.max(0) as usize);
    let xs = (*p.x).data().range(p.x_first * d, (p.x_first + p.rows) * d);
    let ys = b.data().range(p.y_first * k, (p.y_first + p.rows) * k);
    let r = new_like(b, Shape::rep(rt, 2, d as i64, k as i64));
    if let Ok(r) = r {
        add_outer_products(data_mut(r), xs, ys, d, k);
        vm_finish(r, p.partial);
    }
    decref(p.x as *mut Header);
    r
}

/// `out[i, j] += sum_r x[r, i] * y[r, j]` over the rows of `x` (width `d`)
/// and `y` (width `k`), in row order, in the result's dtype.
fn add_outer_products(out: DataMut, xs: Data, ys: Data, d: usize, k: usize) {
    match out {
        DataMut::Int(out) => {
            let (x, y) = (as_i64(xs), as_i64(ys));
            for (xr, yr) in x.chunks_exact(d.max(1)).zip(y.chunks_exact(k.max(1))) {
                for (&u, o) in xr.iter().zip(out.chunks_exact_mut(k.max(1))) {
                    o.iter_mut().zip(yr).for_each(|(o, &v)| *o = o.wrapping_add(u.wrapping_mul(v)));
                }
            }
        }
        DataMut::Float(out) => {
            let (x, y) = (as_f64(xs), as_f64(ys));
            for (xr, yr) in x.chunks_exact(d.max(1)).zip(y.chunks_exact(k.max(1))) {
                for (&u, o) in xr.iter().zip(out.chunks_exact_mut(k.max(1))) {
                    o.iter_mut().zip(yr).for_each(|(o, &v)| *o += u * v);
                }
            }
        }
        DataMut::Bool(_) => {}
    }
}

/// `np.dot(a, b)` (and `a @ b`) of two 2D arrays: `b` whole on every rank
/// (gathered: every row of the result needs all of it), each rank computing
/// the result rows of the rows of `a` it holds, so the result has `a`'s
/// distribution. Each element sums `a[i, p] * b[p, j]` in `p` order.
///
/// # Safety
/// `a` and `b` are live 2D arrays.
pub unsafe fn dot_mm(a: &ArrObj, b: *mut ArrObj) -> PyResult<*mut ArrObj> {
    let br = &*b;
    if a.ncols != br.glen {
        return Err(not_aligned(a, br, (a.ncols, 1), (br.glen, 0)));
    }
    let rt = if int_result(a, br) { dtype::INT64 } else { dtype::FLOAT64 };
    let w = gather(b)?;
    let (k, m) = (a.ncols.max(0) as usize, br.ncols.max(0) as usize);
    let r = new_like(a, Shape { dtype: rt, ncols: m as i64, ..a.shape() });
    if let Ok(r) = r {
        let ys = (*w).data();
        let mut out = data_mut(r);
        for i in 0..a.len.max(0) as usize {
            let xs = a.data().range(i * k, (i + 1) * k);
            let row = match &mut out {
                DataMut::Int(o) => DataMut::Int(&mut o[i * m..(i + 1) * m]),
                DataMut::Float(o) => DataMut::Float(&mut o[i * m..(i + 1) * m]),
                DataMut::Bool(o) => DataMut::Bool(&mut o[i * m..(i + 1) * m]),
            };
            add_row_products(row, xs, ys, m);
        }
    }
    decref(w as *mut Header);
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::object::test_array as arr;
    use bodo_abi::dist;

    #[test]
    fn dots_and_their_errors() {
        unsafe {
            let live = crate::object::live_objects();
            let i = arr(dtype::INT64, &[1i64, 2, 3], Shape::rep1(0, 3));
            let b = arr(dtype::BOOL, &[1u8, 0, 1], Shape { dist: dist::ONE_D, ..Shape::rep1(0, 3) });
            let f = arr(dtype::FLOAT64, &[0.5f64, 0.25, 2.0], Shape::rep1(0, 3));
            assert_eq!(dot_vv(i, &*b).unwrap() as i64, 4);
            assert_eq!(f64::from_bits(dot_vv(i, &*f).unwrap()), 7.0);
            let m = arr(dtype::INT64, &[1i64, 2, 3, 4, 5, 6], Shape::rep(0, 2, 3, 2));
            let two = arr(dtype::FLOAT64, &[1.0f64, -1.0], Shape::rep1(0, 2));
            assert!(check_mv(&*m, &*two).is_ok());
            let vm = dot_vm(i, &*m).unwrap();
            assert!(matches!((*vm).data(), Data::Int(&[22, 28])));
            assert_eq!(dot_vv(i, &*two).unwrap_err().msg, "shapes (3,) and (2,) not aligned: 3 (dim 0) != 2 (dim 0)");
            assert_eq!(
                check_mv(&*m, &*i).unwrap_err().msg,
                "shapes (3,2) and (3,) not aligned: 2 (dim 1) != 3 (dim 0)"
            );
            let out = vm_result(3, &*m, dtype::INT64, false).unwrap();
            vm_add_block(&*i, 2, &*m, 1, out);
            assert!(matches!((*out).data(), Data::Int(&[13, 16])));
            assert_eq!(
                vm_result(2, &*m, dtype::INT64, false).unwrap_err().msg,
                "shapes (2,) and (3,2) not aligned: 2 (dim 0) != 3 (dim 0)"
            );
            assert_eq!(
                vm_result(2, &*m, dtype::INT64, true).unwrap_err().msg,
                "shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)"
            );
            // m.T @ i and m.T @ m, with the transposed shape in the errors.
            let tv = dot_tv(&*m, i).unwrap();
            assert!(matches!((*tv).data(), Data::Int(&[22, 28])));
            assert_eq!(dot_tv(&*m, two).unwrap_err().msg, "shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)");
            let tm = dot_tm(m, &*m).unwrap();
            assert!(matches!((*tm).data(), Data::Int(&[35, 44, 44, 56])));
            let sq = arr(dtype::INT64, &[1i64, 2, 3, 4], Shape::rep(0, 2, 2, 2));
            assert_eq!(dot_tm(sq, &*m).unwrap_err().msg, "shapes (2,2) and (3,2) not aligned: 2 (dim 1) != 3 (dim 0)");
            assert_eq!(dot_vm(two, &*m).unwrap_err().msg, "shapes (2,) and (3,2) not aligned: 2 (dim 0) != 3 (dim 0)");
            for p in [i, b, f, m, two, out, vm, tv, tm, sq] {
                decref(p as *mut Header);
            }
            assert_eq!(crate::object::live_objects(), live);
        }
    }
}
