//! `np.convolve(a, v, mode)` of two 1D arrays. As NumPy does, the longer
//! array (`a` on a tie) slides under the shorter one, which every rank
//! holds whole (gathered when distributed). The result is 1D_Block when
//! either input is distributed: each rank computes its block of outputs
//! from the window of the longer array that block overlaps, fetched from
//! its owners (collective), so a moving average moves only halo elements.

use super::object::{data_mut, desc_for, new_unfilled, promote, ArrObj, Data, DataMut, Shape};
use super::redist::{fetch_rows, gather};
use crate::errors::{PyErr, PyResult};
use crate::mpi_env;
use crate::object::{decref, Header};
use bodo_abi::{block_range, convolve_mode, dist, exc};

/// `np.convolve(a, v, mode)`, `mode` one of `bodo_abi::convolve_mode`'s
/// codes. Collective when either input is distributed.
///
/// # Safety
/// `a` and `v` are live 1D arrays.
pub unsafe fn convolve(a: *mut ArrObj, v: *mut ArrObj, mode: i64) -> PyResult<*mut ArrObj> {
    let (long, short) = if (*v).glen > (*a).glen { (v, a) } else { (a, v) };
    let (n, m) = ((*long).glen, (*short).glen);
    if n == 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "a cannot be empty"));
    }
    if m == 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "v cannot be empty"));
    }
    // Output `k` is element `k + skip` of the full convolution.
    let (len, skip) = match mode {
        convolve_mode::VALID => (n - m + 1, m - 1),
        convolve_mode::SAME => (n, (m - 1) / 2),
        _ => (n + m - 1, 0),
    };
    let dt = promote((*a).dtype, (*v).dtype);
    let s = if (*a).is_dist() || (*v).is_dist() {
        let (offset, count) = block_range(len, mpi_env::rank(), mpi_env::size());
        Shape { dtype: dt, ndim: 1, len: count, ncols: 1, glen: len, offset, dist: dist::ONE_D }
    } else {
        Shape::rep1(dt, len)
    };
    // Full outputs `lo..hi` read the longer array's elements `first..last`.
    let (lo, hi) = (s.offset + skip, s.offset + skip + s.len);
    let (first, last) = ((lo - m + 1).max(0), hi.min(n));
    let whole = gather(short)?;
    let out = window_of(&*long, first, (last - first).max(0)).and_then(|win| {
        let r = new_unfilled(desc_for(dt), s)?;
        fill(data_mut(r), &win.data(), &(*whole).data(), lo - first, m as usize);
        Ok(r)
    });
    decref(whole as *mut Header);
    out
}

/// The longer array's elements `first..first + count`: its own data when
/// REP, else fetched (collective, also when `count` is 0).
unsafe fn window_of(a: &ArrObj, first: i64, count: i64) -> PyResult<Window> {
    if !a.is_dist() {
        return Ok(Window {
            arr: a as *const ArrObj as *mut ArrObj,
            lo: first as usize,
            n: count as usize,
            owned: false,
        });
    }
    let s = Shape { len: count, offset: first, dist: dist::ONE_D_VAR, ..a.shape() };
    let w = new_unfilled(a.hdr.desc, s)?;
    if let Err(e) = fetch_rows(a, first, count, (*w).data) {
        decref(w as *mut Header);
        return Err(e);
    }
    Ok(Window { arr: w, lo: 0, n: count as usize, owned: true })
}

/// Elements `lo..lo + n` of `arr`, which is released on drop when owned.
struct Window {
    arr: *mut ArrObj,
    lo: usize,
    n: usize,
    owned: bool,
}

impl Window {
    unsafe fn data(&self) -> Data<'_> {
        (*self.arr).data().range(self.lo, self.lo + self.n)
    }
}

impl Drop for Window {
    fn drop(&mut self) {
        if self.owned {
            // SAFETY: an owned window is a live array only this value refers to.
            unsafe { decref(self.arr as *mut Header) }
        }
    }
}

/// Writes each output `i`: the sum over `j` of `v[j] * x[lead + i - j]`
/// for the `x` positions inside the window, in NumPy's order (ascending
/// position in `x`, the reversed `v` sliding along it).
fn fill(out: DataMut, x: &Data, v: &Data, lead: i64, m: usize) {
    let nx = x.len() as i64;
    // The `j` range whose `x` position `p - j` lies in the window.
    let span = |p: i64| ((p - nx + 1).max(0) as usize, (p.min(m as i64 - 1) + 1).max(0) as usize);
    match out {
        DataMut::Float(d) => {
            for (i, o) in d.iter_mut().enumerate() {
                let p = lead + i as i64;
                let (j0, j1) = span(p);
                *o = (j0..j1).rev().fold(0.0, |acc, j| acc + v.f64_at(j) * x.f64_at((p - j as i64) as usize));
            }
        }
        DataMut::Int(d) => {
            for (i, o) in d.iter_mut().enumerate() {
                *o = int_dot(x, v, lead + i as i64, span(lead + i as i64));
            }
        }
        DataMut::Bool(d) => {
            for (i, o) in d.iter_mut().enumerate() {
                *o = u8::from(int_dot(x, v, lead + i as i64, span(lead + i as i64)) != 0);
            }
        }
    }
}

/// One int output (wrapping, as int64 arithmetic does).
fn int_dot(x: &Data, v: &Data, p: i64, (j0, j1): (usize, usize)) -> i64 {
    (j0..j1).fold(0i64, |acc, j| acc.wrapping_add(v.i64_at(j).wrapping_mul(x.i64_at((p - j as i64) as usize))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::object::test_array;
    use bodo_abi::dtype;

    unsafe fn run(a: &[f64], v: &[f64], mode: i64) -> Vec<f64> {
        let pa = test_array(dtype::FLOAT64, a, Shape::rep1(dtype::FLOAT64, a.len() as i64));
        let pv = test_array(dtype::FLOAT64, v, Shape::rep1(dtype::FLOAT64, v.len() as i64));
        let r = convolve(pa, pv, mode).unwrap();
        let out = match (*r).data() {
            Data::Float(d) => d.to_vec(),
            _ => unreachable!(),
        };
        for p in [pa, pv, r] {
            decref(p as *mut Header);
        }
        out
    }

    #[test]
    fn modes_match_numpy() {
        unsafe {
            let (a, v) = ([1.0, 2.0, 3.0], [0.0, 1.0, 0.5]);
            assert_eq!(run(&a, &v, convolve_mode::FULL), [0.0, 1.0, 2.5, 4.0, 1.5]);
            assert_eq!(run(&a, &v, convolve_mode::SAME), [1.0, 2.5, 4.0]);
            assert_eq!(run(&a, &v, convolve_mode::VALID), [2.5]);
            // The shorter array slides, whichever argument it is.
            assert_eq!(run(&[1.0, 1.0], &[1.0, 2.0, 3.0, 4.0], convolve_mode::SAME), [1.0, 3.0, 5.0, 7.0]);
            assert_eq!(run(&[1.0, 2.0, 3.0, 4.0], &[1.0, 1.0], convolve_mode::VALID), [3.0, 5.0, 7.0]);
        }
    }
}
