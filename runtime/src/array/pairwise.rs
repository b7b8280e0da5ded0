//! NumPy's pairwise summation order for float sums, so that `x.sum()` on
//! one rank gives NumPy's exact bits (and, with eight independent
//! accumulators per leaf, runs at vector speed instead of one add latency
//! per element).
//!
//! NumPy sums `n >= 8` elements by halving: `n2 = n / 2` rounded down to a
//! multiple of 8, sum of the first `n2` plus sum of the rest, down to leaves
//! of at most 128 elements, each summed with eight accumulators. Generated
//! code computes the leaf sums (the elements come from a fused loop, so it
//! cannot be a callback); this module gives it the leaves in order (a plan)
//! and then combines their sums in the recursion's order.
//!
//! A plan is one i64 buffer: `[nleaves, start_0, ..., start_nleaves (= n),
//! sum_0, ..., sum_{nleaves-1}]`, the sums written by generated code as f64
//! bits.

use super::comm::allgatherv_vec;
use crate::errors::PyResult;

const BLOCK: i64 = 128;

/// Distributed float sums of at most this many terms are summed over all
/// the terms, gathered on every rank, in NumPy's order: the same bits at
/// any rank count. A per-rank sum then an allreduce adds in another order,
/// which shows when a result cancels: `x - x.mean()` prints `-4.3e-16`
/// where NumPy prints `0.`, and every printed element then changes format.
/// Larger sums are per-rank sums combined by an allreduce (their last bits
/// may differ from NumPy's; printed scalars agree within the oracle's
/// tolerance).
pub const GATHERED_MAX: i64 = 1 << 15;

/// Collective: the sum, in NumPy's pairwise order, of every rank's terms
/// `local` taken in rank order (the global order of a distributed array).
pub fn gathered_sum(local: &[f64]) -> PyResult<f64> {
    Ok(sum(&allgatherv_vec(local)?))
}

/// Leaf starts of the pairwise recursion over `[lo, lo + n)`, in order.
fn leaves(lo: i64, n: i64, out: &mut Vec<i64>) {
    if n <= BLOCK {
        out.push(lo);
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        leaves(lo, n2, out);
        leaves(lo + n2, n - n2, out);
    }
}

/// The plan for summing `n >= 8` elements (see the module comment).
pub fn plan(n: i64) -> Vec<i64> {
    let mut starts = Vec::new();
    leaves(0, n, &mut starts);
    let k = starts.len();
    let mut p = Vec::with_capacity(2 * k + 2);
    p.push(k as i64);
    p.extend(starts);
    p.push(n);
    p.resize(2 * k + 2, 0);
    p
}

/// The total of a plan whose leaf sums are filled in, added in the order
/// of the recursion.
pub fn combine(p: &[i64]) -> f64 {
    let k = p[0] as usize;
    let sums: Vec<f64> = p[k + 2..2 * k + 2].iter().map(|&b| f64::from_bits(b as u64)).collect();
    combine_sums(p, &sums)
}

/// The total of plan `p` for the leaf sums `sums` (one per leaf, in order)
/// kept outside the plan: a loop summing several columns at once keeps
/// one row of leaf sums per column.
pub fn combine_sums(p: &[i64], sums: &[f64]) -> f64 {
    let k = p[0] as usize;
    let mut next = 0;
    total(p[k + 1], sums, &mut next)
}

fn total(n: i64, sums: &[f64], next: &mut usize) -> f64 {
    if n <= BLOCK {
        let s = sums[*next];
        *next += 1;
        s
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        let a = total(n2, sums, next);
        let b = total(n - n2, sums, next);
        a + b
    }
}

/// NumPy's pairwise sum of a contiguous run (`a.sum()` of a float row):
/// below 8 elements one running sum from 0.0, else leaves of at most 128
/// elements summed with eight accumulators, combined by halving.
pub fn sum(x: &[f64]) -> f64 {
    if x.len() < 8 {
        return x.iter().fold(0.0, |s, &v| s + v);
    }
    if x.len() as i64 <= BLOCK {
        return leaf(x);
    }
    let mut n2 = x.len() / 2;
    n2 -= n2 % 8;
    sum(&x[..n2]) + sum(&x[n2..])
}

/// One leaf of at least 8 elements: eight accumulators, then the tail.
fn leaf(x: &[f64]) -> f64 {
    let mut r = [0.0; 8];
    r.copy_from_slice(&x[..8]);
    let whole = x.len() - x.len() % 8;
    for b in (8..whole).step_by(8) {
        for j in 0..8 {
            r[j] += x[b + j];
        }
    }
    let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for v in &x[whole..] {
        res += v;
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_and_combine_follow_numpys_recursion() {
        for n in [8i64, 9, 127, 128, 129, 300, 1000, 4097, 12345] {
            let x: Vec<f64> = (0..n).map(|i| ((i * 7919) % 1013) as f64 * 0.37 - 150.0).collect();
            let mut p = plan(n);
            let k = p[0] as usize;
            for l in 0..k {
                let (s, e) = (p[1 + l] as usize, p[2 + l] as usize);
                assert!(e - s >= 8, "leaves hold at least 8 elements");
                p[k + 2 + l] = leaf(&x[s..e]).to_bits() as i64;
            }
            assert_eq!(p[k + 1], n);
            assert_eq!(combine(&p).to_bits(), sum(&x).to_bits(), "n = {n}");
            let sums: Vec<f64> = p[k + 2..].iter().map(|&b| f64::from_bits(b as u64)).collect();
            assert_eq!(combine_sums(&p, &sums).to_bits(), sum(&x).to_bits(), "n = {n}");
        }
    }
}
