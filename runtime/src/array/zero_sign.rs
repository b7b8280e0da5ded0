//! The zero NumPy's `a.max()` / `a.min()` of a float64 array returns when
//! the result is a zero and zeros of both signs are among the elements.
//! NumPy's contiguous reduction (`loops_minmax`) starts the four lanes of
//! an accumulator at `a[0]`, folds `a[1..]` into them four elements at a
//! time, reduces the lanes in pairs (0 with 2, 1 with 3, then the two) and
//! folds the remaining elements one by one; every tie keeps the later
//! operand. So the zero returned is the last one among the elements folded
//! one by one if any, else the last one of the first lane holding one in
//! the order 3, 1, 2, 0 (`a[0]` being in every lane).

use super::comm::{self, Op};
use super::object::{ArrObj, Data};

/// Where the element at flat position `p` of `n` weighs in: 0 for the
/// elements folded one by one, then the lanes in the order a tie prefers
/// them (1 for lane 3, 2 for lane 1, 3 for lane 2, 4 for lane 0); None for
/// `a[0]`, which is in every lane.
fn class(p: i64, n: i64) -> Option<usize> {
    let lanes_end = 1 + 4 * ((n - 1).max(0) / 4);
    match p {
        0 => None,
        p if p >= lanes_end => Some(0),
        p => Some([4, 2, 3, 1][((p - 1) % 4) as usize]),
    }
}

/// `r`, a zero that is the min or max of float array `a`, with the sign of
/// the zero NumPy returns (collective when `a` is distributed).
///
/// # Safety
/// `a` is a live float64 array.
pub unsafe fn zero_sign(a: &ArrObj, r: f64) -> f64 {
    let Data::Float(xs) = a.data() else { return r };
    let (n, first) = (a.glen * a.ncols, if a.is_dist() { a.offset * a.ncols } else { 0 });
    // Per class, the last zero's position and sign as `2 * p + sign`.
    let mut last = [-1i64; 5];
    for (k, x) in xs.iter().enumerate().filter(|(_, x)| **x == 0.0) {
        let p = first + k as i64;
        let code = 2 * p + i64::from(x.is_sign_negative());
        match class(p, n) {
            Some(c) => last[c] = last[c].max(code),
            None => last[1..].iter_mut().for_each(|l| *l = (*l).max(code)),
        }
    }
    if a.is_dist() {
        comm::allreduce(&mut last, Op::Max);
    }
    match last.iter().find(|&&l| l >= 0) {
        Some(l) if l & 1 == 1 => -0.0,
        Some(_) => 0.0,
        None => r,
    }
}
