//! Tables: the columns of a DataFrame (1D arrays of one distribution, the
//! same rows on each rank) worked on row by row, for pandas' sorts
//! (`table_sort.rs`) and groupby (`groupby.rs`).
//!
//! A column is its local values ([`Col`]). What sorting and grouping need
//! of an element type is the small trait [`KeyVal`]: pandas' order (a
//! missing value, NaN, None or NaT, after every other and equal to another
//! missing one), equality and a hash consistent with it; rows move between
//! ranks with [`Plan`]. A new column dtype is one more `Col` variant, one
//! more `KeyVal` implementation and its way of travelling in
//! [`Col::exchange`].
//!
//! Strings ([`S`]) are borrowed: from the input arrays, alive for the
//! whole operation, or from the bytes other ranks sent, which the column
//! keeps (`Col::Str`'s second part); results are new arrays of new strings.
//!
//! Datetimes ([`Time`]) are int64 arrays whose static descriptor's element
//! is `kind::DATETIME` ([`Col::of_typed`] reads it): their own column type,
//! because NaT (the smallest int64) is a missing value to pandas, not the
//! earliest time. They travel and come back as int64 arrays.

use super::comm::{self, allgather_i64s, Parts};
use super::object::{desc_for, new_checked, ArrObj, Data, Shape};
use crate::errors::PyResult;
use crate::frame_fmt::datetime::NAT;
use crate::mpi_env;
use crate::object::TypeDesc;
use bodo_abi::{dtype, kind};
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

/// A datetime64[ns] value of a column: nanoseconds since the epoch, NaT
/// when missing. Laid out as the int64 it is, so columns of them move
/// between ranks and into arrays as int64 values do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(transparent)]
pub struct Time(pub i64);

impl KeyVal for Time {
    fn missing(self) -> bool {
        self.0 == NAT
    }

    fn order(a: Self, b: Self) -> Ordering {
        a.0.cmp(&b.0)
    }

    fn hash(self) -> u64 {
        self.0.hash()
    }

    fn na() -> Self {
        Time(NAT)
    }

    fn radix(self) -> Option<u64> {
        self.0.radix()
    }
}

/// A string value of a column, `None` when missing. `'static` stands for
/// "as long as the column": see the module's header.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct S(pub Option<&'static str>);

impl KeyVal for S {
    fn missing(self) -> bool {
        self.0.is_none()
    }

    /// Python's order of strings (by code point, as bytes of UTF-8 sort).
    fn order(a: Self, b: Self) -> Ordering {
        a.0.cmp(&b.0)
    }

    fn hash(self) -> u64 {
        let b = self.0.unwrap_or_default().as_bytes();
        b.chunks(8).fold(b.len() as u64, |h, c| {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            mix(h ^ u64::from_le_bytes(w))
        })
    }

    fn radix(self) -> Option<u64> {
        None
    }
}

/// Strings `v` as lengths (-1 for a missing one) and their bytes in a row.
fn encode(v: &[S]) -> (Vec<i64>, Vec<u8>) {
    let mut bytes = Vec::new();
    let lens = v
        .iter()
        .map(|s| match s.0 {
            Some(t) => {
                bytes.extend_from_slice(t.as_bytes());
                t.len() as i64
            }
            None => -1,
        })
        .collect();
    (lens, bytes)
}

/// The strings [`encode`] wrote, borrowed from `bytes` (which the caller
/// keeps with them).
fn decode(lens: &[i64], bytes: &std::rc::Rc<[u8]>) -> Vec<S> {
    let mut at = 0usize;
    // SAFETY: the bytes are whole strings of UTF-8 cut at their lengths,
    // and the column holding these values keeps `bytes` alive.
    let all: &'static [u8] = unsafe { std::slice::from_raw_parts(bytes.as_ptr(), bytes.len()) };
    lens.iter()
        .map(|&n| {
            if n < 0 {
                return S(None);
            }
            let piece = &all[at..at + n as usize];
            at += n as usize;
            S(Some(unsafe { std::str::from_utf8_unchecked(piece) }))
        })
        .collect()
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
    /// datetime64[ns] values (an int64 array's).
    Time(Vec<Time>),
    Float(Vec<f64>),
    Bool(Vec<u8>),
    /// Strings, and the received bytes some of them borrow.
    Str(Vec<S>, Vec<std::rc::Rc<[u8]>>),
}

/// `$body` with `$v` bound to the values of column `$c`, whatever their type.
macro_rules! each {
    ($c:expr, $v:ident => $body:expr) => {
        match $c {
            Col::Int($v) => $body,
            Col::Time($v) => $body,
            Col::Float($v) => $body,
            Col::Bool($v) => $body,
            Col::Str($v, _) => $body,
        }
    };
}

/// A column of the same type as `$c` made of `$body` over its values `$v`.
macro_rules! same {
    ($c:expr, $v:ident => $body:expr) => {
        match $c {
            Col::Int($v) => Col::Int($body),
            Col::Time($v) => Col::Time($body),
            Col::Float($v) => Col::Float($body),
            Col::Bool($v) => Col::Bool($body),
            Col::Str($v, keep) => Col::Str($body, keep.clone()),
        }
    };
}

/// `$body` with `$v` bound to the values of a number column `$c`, or
/// `$other` for a column of strings or datetimes (which the compiler never
/// asks for number arithmetic: `types/pandas_groupby.rs`).
macro_rules! each_num {
    ($c:expr, $v:ident => $body:expr, $other:expr) => {
        match $c {
            Col::Int($v) => $body,
            Col::Float($v) => $body,
            Col::Bool($v) => $body,
            Col::Time(_) | Col::Str(..) => $other,
        }
    };
}

pub(super) use {each, each_num, same};

impl Col {
    /// The local values of 1D array `a`, int64 ones as ints whatever they
    /// stand for (enough where only equality matters).
    ///
    /// # Safety
    /// `a` is a live 1D array.
    pub unsafe fn of(a: &ArrObj) -> Col {
        if a.dtype == dtype::STR {
            let v = super::strs::elems(a).iter().map(|&p| S((!p.is_null()).then(|| crate::str::as_str(p))));
            return Col::Str(v.collect(), Vec::new());
        }
        match a.data() {
            Data::Int(v) => Col::Int(v.to_vec()),
            Data::Float(v) => Col::Float(v.to_vec()),
            Data::Bool(v) => Col::Bool(v.to_vec()),
        }
    }

    /// The local values of 1D array `a` of static descriptor `ad`: datetimes
    /// when its element is `kind::DATETIME` (the array's own header may
    /// carry the runtime's plain int64 descriptor, `desc_for`).
    ///
    /// # Safety
    /// `a` is a live 1D array of type `ad`.
    pub unsafe fn of_typed(a: &ArrObj, ad: &TypeDesc) -> Col {
        match Col::of(a) {
            Col::Int(v) if ad.child(0).kind == kind::DATETIME => Col::Time(v.into_iter().map(Time).collect()),
            c => c,
        }
    }

    pub fn len(&self) -> usize {
        each!(self, v => v.len())
    }

    pub fn dtype(&self) -> i64 {
        match self {
            Col::Int(_) | Col::Time(_) => dtype::INT64,
            Col::Float(_) => dtype::FLOAT64,
            Col::Bool(_) => dtype::BOOL,
            Col::Str(..) => dtype::STR,
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
            (Col::Time(a), Col::Time(b)) => order_of(a[i], b[j]),
            (Col::Float(a), Col::Float(b)) => order_of(a[i], b[j]),
            (Col::Bool(a), Col::Bool(b)) => order_of(a[i], b[j]),
            (Col::Str(a, _), Col::Str(b, _)) => order_of(a[i], b[j]),
            _ => Ordering::Equal,
        }
    }

    /// Every rank's values, in rank order (collective).
    pub fn gather_all(&self) -> PyResult<Col> {
        Ok(match self {
            Col::Int(v) => Col::Int(comm::allgatherv_vec(v)?),
            Col::Time(v) => Col::Time(comm::allgatherv_vec(v)?),
            Col::Float(v) => Col::Float(comm::allgatherv_vec(v)?),
            Col::Bool(v) => Col::Bool(comm::allgatherv_vec(v)?),
            Col::Str(v, _) => {
                let (lens, bytes) = encode(v);
                let bytes: std::rc::Rc<[u8]> = comm::allgatherv_vec(&bytes)?.into();
                Col::Str(decode(&comm::allgatherv_vec(&lens)?, &bytes), vec![bytes])
            }
        })
    }

    /// The rows `plan` sends this rank (collective).
    pub fn exchange(&self, plan: &Plan) -> Col {
        let Col::Str(v, _) = self else {
            return same!(self, v => send_ordered(&plan.sending(v), plan));
        };
        // Lengths travel as rows, then the bytes of each part.
        let (lens, bytes) = encode(&plan.sending(v));
        let rlens = send_ordered(&lens, plan);
        let part_bytes = |lens: &[i64], parts: &Parts| {
            let mut at = 0usize;
            let mut out = Parts::default();
            for &c in &parts.counts {
                let n: i64 = lens[at..at + c as usize].iter().map(|&l| l.max(0)).sum();
                out.displs.push(out.counts.iter().map(|&x| x as i64).sum::<i64>() as Count);
                out.counts.push(n as Count);
                at += c as usize;
            }
            out
        };
        let (sb, rb) = (part_bytes(&lens, &plan.sends), part_bytes(&rlens, &plan.recvs));
        let total: i64 = rlens.iter().map(|&l| l.max(0)).sum();
        let mut out = vec![0u8; total as usize];
        // SAFETY: the buffers hold the bytes the parts describe.
        unsafe { comm::alltoallv_rows(bytes.as_ptr(), &sb, out.as_mut_ptr(), &rb, 1) };
        let out: std::rc::Rc<[u8]> = out.into();
        Col::Str(decode(&rlens, &out), vec![out])
    }

    /// A new 1D array of these values as the local part of `shape`'s array.
    pub fn into_array(self, shape: Shape) -> PyResult<*mut ArrObj> {
        let s = Shape { dtype: self.dtype(), ndim: 1, ncols: 1, len: self.len() as i64, ..shape };
        let r = new_checked(desc_for(s.dtype), s)?;
        if let Col::Str(v, _) = &self {
            // New strings: the values may borrow from bytes dropped with the column.
            let out = unsafe { std::slice::from_raw_parts_mut((*r).data as *mut *mut crate::object::StrObj, v.len()) };
            for (o, x) in out.iter_mut().zip(v) {
                *o = x.0.map_or(std::ptr::null_mut(), crate::str::new_str);
            }
            return Ok(r);
        }
        // SAFETY: `r` holds `len` elements of this column's type.
        unsafe {
            each!(&self, v => std::ptr::copy_nonoverlapping(v.as_ptr(), (*r).data as *mut _, v.len()));
        }
        Ok(r)
    }
}

/// The rows `plan` sends this rank, from `sent`, this rank's rows already
/// in sending order (collective).
fn send_ordered<T: Copy + Default>(sent: &[T], plan: &Plan) -> Vec<T> {
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

/// Which rows go to which rank: the local rows in sending order (by
/// destination) and the parts of the exchange.
pub struct Plan {
    order: Vec<usize>,
    sends: Parts,
    recvs: Parts,
    pub received: usize,
}

impl Plan {
    /// This rank's values `v` in sending order.
    fn sending<T: Copy>(&self, v: &[T]) -> Vec<T> {
        self.order.iter().map(|&r| v[r]).collect()
    }

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
