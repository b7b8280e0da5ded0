//! Tables: the columns of a DataFrame (1D arrays of one distribution, the
//! same rows on each rank) worked on row by row, for pandas' sorts
//! (`table_sort.rs`) and groupby (`groupby.rs`).
//!
//! A column is its local values ([`Col`]). What sorting and grouping need
//! of an element type is the small trait [`KeyVal`]: pandas' order (a
//! missing value, NaN, after every other and equal to another missing one),
//! equality and a hash consistent with it; rows move between ranks with
//! [`Plan`]. A new column dtype is one more `Col` variant, one more
//! `KeyVal` implementation and its way of travelling in [`Col::exchange`].

use super::comm::{self, allgather_i64s, Parts};
use super::object::{desc_for, new_checked, ArrObj, Data, Shape};
use crate::errors::PyResult;
use crate::mpi_env;
use bodo_abi::dtype;
use mpi::Count;
use std::cmp::Ordering;

/// What sorting and grouping need of a column's element type.
pub trait KeyVal: Copy + Default {
    /// Whether the value is missing: never a group's key, last in a sort.
    fn missing(self) -> bool {
        false
    }

    /// pandas' order of two present values.
    fn order(a: Self, b: Self) -> Ordering;

    /// A hash equal for values the order finds equal.
    fn hash(self) -> u64;

    /// The value of a row no group holds (a missing key's row).
    fn na() -> Self {
        Self::default()
    }

    /// An unsigned key ordered as the present values are, for radix
    /// sorting (`None` for types compared only by [`KeyVal::order`]).
    fn radix(self) -> Option<u64>;
}

/// Spreads the bits of `x` (the finalizer of SplitMix64).
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

impl KeyVal for i64 {
    fn order(a: Self, b: Self) -> Ordering {
        a.cmp(&b)
    }

    fn radix(self) -> Option<u64> {
        Some(self as u64 ^ 1 << 63)
    }

    fn hash(self) -> u64 {
        mix(self as u64)
    }
}

impl KeyVal for f64 {
    fn missing(self) -> bool {
        self.is_nan()
    }

    fn order(a: Self, b: Self) -> Ordering {
        a.partial_cmp(&b).unwrap_or(Ordering::Equal)
    }

    /// `-0.0` and `0.0` are one key.
    fn hash(self) -> u64 {
        mix((self + 0.0).to_bits())
    }

    fn na() -> Self {
        f64::NAN
    }

    /// The sign bit flipped for positive numbers and every bit for
    /// negative ones orders the bit patterns as the values.
    fn radix(self) -> Option<u64> {
        let b = (self + 0.0).to_bits();
        Some(b ^ ((b as i64 >> 63) as u64 | 1 << 63))
    }
}

impl KeyVal for u8 {
    fn order(a: Self, b: Self) -> Ordering {
        a.cmp(&b)
    }

    fn radix(self) -> Option<u64> {
        Some(u64::from(self))
    }

    fn hash(self) -> u64 {
        mix(u64::from(self))
    }
}

/// The order of two values of one column, missing values last.
pub fn order_of<T: KeyVal>(a: T, b: T) -> Ordering {
    match (a.missing(), b.missing()) {
        (false, false) => T::order(a, b),
        (x, y) => x.cmp(&y),
    }
}

/// One column's local values.
#[derive(Clone)]
pub enum Col {
    Int(Vec<i64>),
    Float(Vec<f64>),
    Bool(Vec<u8>),
}

/// `$body` with `$v` bound to the values of column `$c`, whatever their type.
macro_rules! each {
    ($c:expr, $v:ident => $body:expr) => {
        match $c {
            Col::Int($v) => $body,
            Col::Float($v) => $body,
            Col::Bool($v) => $body,
        }
    };
}

/// A column of the same type as `$c` made of `$body` over its values `$v`.
macro_rules! same {
    ($c:expr, $v:ident => $body:expr) => {
        match $c {
            Col::Int($v) => Col::Int($body),
            Col::Float($v) => Col::Float($body),
            Col::Bool($v) => Col::Bool($body),
        }
    };
}

pub(super) use {each, same};

impl Col {
    /// The local values of 1D array `a`.
    ///
    /// # Safety
    /// `a` is a live 1D array.
    pub unsafe fn of(a: &ArrObj) -> Col {
        match a.data() {
            Data::Int(v) => Col::Int(v.to_vec()),
            Data::Float(v) => Col::Float(v.to_vec()),
            Data::Bool(v) => Col::Bool(v.to_vec()),
        }
    }

    pub fn len(&self) -> usize {
        each!(self, v => v.len())
    }

    pub fn dtype(&self) -> i64 {
        match self {
            Col::Int(_) => dtype::INT64,
            Col::Float(_) => dtype::FLOAT64,
            Col::Bool(_) => dtype::BOOL,
        }
    }

    /// The values at `rows`, in that order.
    pub fn take(&self, rows: &[usize]) -> Col {
        same!(self, v => rows.iter().map(|&r| v[r]).collect())
    }

    /// The values at `rows`, a missing value where a row is `None`.
    pub fn take_or_na(&self, rows: &[Option<usize>]) -> Col {
        same!(self, v => rows.iter().map(|r| r.map_or(KeyVal::na(), |r| v[r])).collect())
    }

    /// Radix keys of the values in the order of direction `ascending`,
    /// missing values last either way (`None` if the type has none).
    pub fn radix_keys(&self, ascending: bool) -> Option<Vec<u64>> {
        fn keys<T: KeyVal>(v: &[T], ascending: bool) -> Option<Vec<u64>> {
            v.iter()
                .map(|&x| match (x.missing(), x.radix()) {
                    (true, _) => Some(u64::MAX),
                    (false, Some(k)) if ascending => Some(k),
                    (false, k) => k.map(|k| !k),
                })
                .collect()
        }
        each!(self, v => keys(v, ascending))
    }

    pub fn missing(&self, i: usize) -> bool {
        each!(self, v => v[i].missing())
    }

    pub fn hash(&self, i: usize) -> u64 {
        each!(self, v => v[i].hash())
    }

    /// The order of row `i` of this column and row `j` of `other`, a
    /// column of the same type (missing values last).
    pub fn order(&self, i: usize, other: &Col, j: usize) -> Ordering {
        match (self, other) {
            (Col::Int(a), Col::Int(b)) => order_of(a[i], b[j]),
            (Col::Float(a), Col::Float(b)) => order_of(a[i], b[j]),
            (Col::Bool(a), Col::Bool(b)) => order_of(a[i], b[j]),
            _ => Ordering::Equal,
        }
    }

    /// Every rank's values, in rank order (collective).
    pub fn gather_all(&self) -> PyResult<Col> {
        Ok(match self {
            Col::Int(v) => Col::Int(comm::allgatherv_vec(v)?),
            Col::Float(v) => Col::Float(comm::allgatherv_vec(v)?),
            Col::Bool(v) => Col::Bool(comm::allgatherv_vec(v)?),
        })
    }

    /// The rows `plan` sends this rank (collective).
    pub fn exchange(&self, plan: &Plan) -> Col {
        fn moved<T: Copy + Default>(v: &[T], plan: &Plan) -> Vec<T> {
            let sent: Vec<T> = plan.order.iter().map(|&r| v[r]).collect();
            let mut out = vec![T::default(); plan.received];
            // SAFETY: `sent` and `out` hold the rows the parts describe.
            unsafe {
                comm::alltoallv_rows(
                    sent.as_ptr() as *const u8,
                    &plan.sends,
                    out.as_mut_ptr() as *mut u8,
                    &plan.recvs,
                    size_of::<T>(),
                );
            }
            out
        }
        same!(self, v => moved(v, plan))
    }

    /// A new 1D array of these values as the local part of `shape`'s array.
    pub fn into_array(self, shape: Shape) -> PyResult<*mut ArrObj> {
        let s = Shape { dtype: self.dtype(), ndim: 1, ncols: 1, len: self.len() as i64, ..shape };
        let r = new_checked(desc_for(s.dtype), s)?;
        // SAFETY: `r` holds `len` elements of this column's type.
        unsafe {
            each!(&self, v => std::ptr::copy_nonoverlapping(v.as_ptr(), (*r).data as *mut _, v.len()));
        }
        Ok(r)
    }
}

/// Which rows go to which rank: the local rows in sending order (by
/// destination) and the parts of the exchange.
pub struct Plan {
    order: Vec<usize>,
    sends: Parts,
    recvs: Parts,
    pub received: usize,
}

impl Plan {
    /// The exchange sending local row `i` to rank `dest[i]`, rows to one
    /// rank keeping their order (collective).
    pub fn new(dest: &[usize]) -> PyResult<Plan> {
        let p = mpi_env::size() as usize;
        let mut counts = vec![0i64; p];
        for &d in dest {
            counts[d] += 1;
        }
        let mut at: Vec<usize> =
            counts.iter().scan(0, |acc, &c| Some(std::mem::replace(acc, *acc + c as usize))).collect();
        let mut order = vec![0; dest.len()];
        for (i, &d) in dest.iter().enumerate() {
            order[at[d]] = i;
            at[d] += 1;
        }
        // Row s of `all` is what rank s sends to each rank.
        let all = allgather_i64s(&counts);
        let me = mpi_env::rank() as usize;
        comm::check_rows(all.iter().sum(), 8)?;
        let parts = |counts: Vec<i64>| {
            let displs = counts.iter().scan(0, |acc, &c| Some(std::mem::replace(acc, *acc + c))).collect::<Vec<_>>();
            Parts {
                counts: counts.iter().map(|&c| c as Count).collect(),
                displs: displs.iter().map(|&d| d as Count).collect(),
            }
        };
        let received = (0..p).map(|s| all[s * p + me]).sum::<i64>() as usize;
        let recvs = parts((0..p).map(|s| all[s * p + me]).collect());
        Ok(Plan { order, sends: parts(counts), recvs, received })
    }
}

/// This rank's first global row and the global row count of a 1D_Block_Var
/// array of `len` local rows (collective).
pub fn var_layout(len: usize) -> (i64, i64) {
    let all = allgather_i64s(&[len as i64]);
    let me = mpi_env::rank() as usize;
    (all[..me].iter().sum(), all.iter().sum())
}
