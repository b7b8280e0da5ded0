//! pandas' windows over a Series' values: `shift(n)` and
//! `rolling(w).sum()`/`.mean()`, each rank computing its own rows from
//! the rows before them that other ranks hold (fetched as one window).
//!
//! Rolling sums follow pandas' `roll_sum`/`roll_mean`
//! (`_libs/window/aggregations.pyx`): one running Kahan sum over the whole
//! column, adding the value entering the window and removing the one
//! leaving it, so a result depends on every row before it. The ranks take
//! turns in row order, each handing the running state to the next, and
//! get pandas' digits at any rank count.

use super::comm::allgather_i64s;
use super::object::{data_mut, desc_for, new_unfilled, ArrObj, DataMut};
use super::redist::fetch_rows;
use crate::errors::{PyErr, PyResult};
use crate::mpi_env;
use bodo_abi::{dtype, exc, shift_mode};

/// Global rows `[lo, hi)` of the 1D array `a` (collective when `a` is
/// distributed), clipped to its rows, as float64 values (ints converted)
/// or, with `raw`, as the int64 words themselves.
unsafe fn rows(a: &ArrObj, lo: i64, hi: i64) -> PyResult<Vec<u64>> {
    let (lo, hi) = (lo.clamp(0, a.glen), hi.clamp(0, a.glen));
    let n = (hi - lo).max(0) as usize;
    let size = a.row_bytes();
    let mut buf = vec![0u8; n * size];
    if a.is_dist() {
        fetch_rows(a, lo, n as i64, buf.as_mut_ptr())?;
    } else if n > 0 {
        buf.copy_from_slice(&a.bytes()[lo as usize * size..hi as usize * size]);
    }
    Ok(match a.dtype {
        dtype::BOOL => buf.iter().map(|&b| f64::from(b).to_bits()).collect(),
        _ => buf.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))).collect(),
    })
}

/// The value of a word of [`rows`] as a float.
fn float_of(a: &ArrObj, w: u64) -> f64 {
    match a.dtype {
        dtype::INT64 => w as i64 as f64,
        _ => f64::from_bits(w),
    }
}

/// A new array of `a`'s rows and distribution holding `values` (float64,
/// or int64 with `ints`).
unsafe fn like(a: &ArrObj, values: &[u64], ints: bool) -> PyResult<*mut ArrObj> {
    let mut shape = a.shape();
    shape.dtype = if ints { dtype::INT64 } else { dtype::FLOAT64 };
    let r = new_unfilled(desc_for(shape.dtype), shape)?;
    match data_mut(r) {
        DataMut::Int(d) => d.iter_mut().zip(values).for_each(|(o, &w)| *o = w as i64),
        DataMut::Float(d) => d.iter_mut().zip(values).for_each(|(o, &w)| *o = f64::from_bits(w)),
        DataMut::Bool(_) => {}
    }
    Ok(r)
}

/// `s.shift(n)` of the values `a` (`mode` a `bodo_abi::shift_mode`): row
/// `g` holds row `g - n` (`FLOATS`: as float64, NaN where there is none;
/// `DATETIMES`: int64, NaT), or (`DIFF`) row `g` less row `g - n`, as
/// pandas' `diff` computes it (ints subtracted as ints), float64.
///
/// # Safety
/// `a` is a live 1D array of numbers.
pub unsafe fn shift(a: &ArrObj, n: i64, mode: i64) -> PyResult<*mut ArrObj> {
    let first = a.offset.saturating_sub(n);
    let got = rows(a, first, first.saturating_add(a.len))?;
    // The fetched rows start at global row `first` clipped to 0.
    let base = first.max(0);
    let own = |k: i64| match a.data() {
        super::object::Data::Int(v) => v[k as usize] as u64,
        super::object::Data::Float(v) => v[k as usize].to_bits(),
        super::object::Data::Bool(v) => f64::from(v[k as usize]).to_bits(),
    };
    let out: Vec<u64> = (0..a.len)
        .map(|k| {
            let g = first.saturating_add(k);
            let there = (0..a.glen).contains(&g);
            match mode {
                shift_mode::DATETIMES if there => got[(g - base) as usize],
                shift_mode::DATETIMES => i64::MIN as u64,
                _ if !there => f64::NAN.to_bits(),
                shift_mode::DIFF if a.dtype == dtype::INT64 => {
                    ((own(k) as i64).wrapping_sub(got[(g - base) as usize] as i64) as f64).to_bits()
                }
                shift_mode::DIFF => (float_of(a, own(k)) - float_of(a, got[(g - base) as usize])).to_bits(),
                _ => float_of(a, got[(g - base) as usize]).to_bits(),
            }
        })
        .collect();
    like(a, &out, mode == shift_mode::DATETIMES)
}

/// pandas' running state of a rolling sum or mean.
#[derive(Debug, Clone, Copy, Default)]
struct Running {
    nobs: i64,
    sum: f64,
    comp_add: f64,
    comp_remove: f64,
    negatives: i64,
    same: i64,
    prev: f64,
}

impl Running {
    /// A fresh window whose first value is `first` (pandas' setup).
    fn start(first: f64) -> Running {
        Running { prev: first, ..Running::default() }
    }

    fn add(&mut self, v: f64) {
        if v.is_nan() {
            return;
        }
        self.nobs += 1;
        let y = v - self.comp_add;
        let t = self.sum + y;
        self.comp_add = t - self.sum - y;
        self.sum = t;
        if v.is_sign_negative() {
            self.negatives += 1;
        }
        // Runs of one value are exact (pandas GH#42064).
        self.same = if v == self.prev { self.same + 1 } else { 1 };
        self.prev = v;
    }

    fn remove(&mut self, v: f64) {
        if v.is_nan() {
            return;
        }
        self.nobs -= 1;
        let y = -v - self.comp_remove;
        let t = self.sum + y;
        self.comp_remove = t - self.sum - y;
        self.sum = t;
        if v.is_sign_negative() {
            self.negatives -= 1;
        }
    }

    /// pandas' `calc_sum` (`mean` false) or `calc_mean` with `min_periods` `minp`.
    fn result(&self, minp: i64, mean: bool) -> f64 {
        if mean {
            if self.nobs < minp || self.nobs == 0 {
                return f64::NAN;
            }
            let r = self.sum / self.nobs as f64;
            return if self.same >= self.nobs {
                self.prev
            } else if (self.negatives == 0 && r < 0.0) || (self.negatives == self.nobs && r > 0.0) {
                0.0
            } else {
                r
            };
        }
        match self.nobs {
            0 if minp == 0 => 0.0,
            n if n >= minp && self.same >= n => self.prev * n as f64,
            n if n >= minp => self.sum,
            _ => f64::NAN,
        }
    }

    fn words(&self) -> [i64; 7] {
        let f = |x: f64| x.to_bits() as i64;
        [self.nobs, f(self.sum), f(self.comp_add), f(self.comp_remove), self.negatives, self.same, f(self.prev)]
    }

    fn from_words(w: &[i64]) -> Running {
        let f = |x: i64| f64::from_bits(x as u64);
        Running {
            nobs: w[0],
            sum: f(w[1]),
            comp_add: f(w[2]),
            comp_remove: f(w[3]),
            negatives: w[4],
            same: w[5],
            prev: f(w[6]),
        }
    }
}

/// `s.rolling(w).sum()` (`mean` false) or `.mean()` of the values `a`
/// (min_periods `w`): a float64 array of `a`'s rows. Collective when `a`
/// is distributed.
///
/// # Safety
/// `a` is a live 1D array of numbers.
pub unsafe fn rolling(a: &ArrObj, w: i64, mean: bool) -> PyResult<*mut ArrObj> {
    if w < 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "window must be an integer 0 or greater"));
    }
    // This rank's rows and the `w` before them, whose values leave windows.
    let lo = a.offset.saturating_sub(w).max(0);
    let vals: Vec<f64> = rows(a, lo, a.offset + a.len)?.into_iter().map(|x| float_of(a, x)).collect();
    let at = |g: i64| vals[(g - lo) as usize];
    let step = |state: Option<Running>, g: i64, out: &mut Vec<u64>| -> Running {
        let state = match state {
            // A window that shares no row with the previous one starts afresh.
            Some(mut s) if w >= 2 => {
                if g - w >= 0 {
                    s.remove(at(g - w));
                }
                s.add(at(g));
                s
            }
            _ if w == 0 => Running::default(),
            _ => {
                let mut s = Running::start(at(g));
                s.add(at(g));
                s
            }
        };
        out.push(state.result(w, mean).to_bits());
        state
    };
    let mut out = Vec::with_capacity(a.len as usize);
    if !a.is_dist() {
        let mut state = None;
        for g in 0..a.len {
            state = Some(step(state, g, &mut out));
        }
        return like(a, &out, false);
    }
    // Ranks take turns in row order: the state after the last row of the
    // ranks before (none at row 0) is handed on after each turn.
    let (rank, size) = (mpi_env::rank(), mpi_env::size());
    let mut state: Option<Running> = None;
    for turn in 0..size {
        let mut mine = [0i64; 8];
        if turn == rank {
            for g in a.offset..a.offset + a.len {
                state = Some(step(state, g, &mut out));
            }
            if let Some(s) = state {
                mine[0] = 1;
                mine[1..].copy_from_slice(&s.words());
            }
        }
        let all = allgather_i64s(&mine);
        let theirs = &all[turn as usize * 8..turn as usize * 8 + 8];
        if turn < rank && theirs[0] == 1 {
            state = Some(Running::from_words(&theirs[1..]));
        }
    }
    like(a, &out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// pandas' rolling(3).sum() of [1, 2, NaN, 4, 5, 6]: NaN while a
    /// window holds fewer than 3 values.
    #[test]
    fn running_sum_skips_nan() {
        let v = [1.0, 2.0, f64::NAN, 4.0, 5.0, 6.0];
        let mut s = Running::start(v[0]);
        let mut out = Vec::new();
        for (g, &x) in v.iter().enumerate() {
            if g >= 3 {
                s.remove(v[g - 3]);
            }
            s.add(x);
            out.push(s.result(3, false));
        }
        assert!(out[..5].iter().all(|x| x.is_nan()));
        assert_eq!(out[5], 15.0);
    }

    /// A run of one value gives it exactly (pandas GH#42064).
    #[test]
    fn runs_of_one_value_are_exact() {
        let mut s = Running::start(0.1);
        for _ in 0..3 {
            s.add(0.1);
        }
        assert_eq!(s.result(3, true), 0.1);
        assert_eq!(s.result(3, false), 0.1 * 3.0);
    }
}
