//! A table read from a file: each column's local values as plain vectors
//! (strs already objects), and the frame generated code gets.

use crate::array::{new_unfilled, Shape};
use crate::errors::PyResult;
use crate::object::{decref, Header, StrObj, TupleObj, TypeDesc};
use crate::tuple;
use bodo_abi::{dist, dtype};

/// One column's local values.
pub enum Values {
    Int(Vec<i64>),
    Float(Vec<f64>),
    Bool(Vec<u8>),
    /// Owned `str` objects, null for a missing value.
    Str(Vec<*mut StrObj>),
}

impl Drop for Values {
    fn drop(&mut self) {
        if let Values::Str(v) = self {
            for &s in v.iter().filter(|s| !s.is_null()) {
                // SAFETY: each non-null item is an owned str nobody else took.
                unsafe { decref(s as *mut Header) };
            }
        }
    }
}

impl Values {
    pub fn len(&self) -> usize {
        match self {
            Values::Int(x) => x.len(),
            Values::Float(x) => x.len(),
            Values::Bool(x) => x.len(),
            Values::Str(x) => x.len(),
        }
    }
}

/// The columns read, this rank's rows.
pub struct Table {
    pub columns: Vec<Values>,
    /// Rows on this rank, rows before them on other ranks, rows in all.
    pub len: usize,
    pub offset: usize,
    pub total: usize,
}

/// The table as a DataFrame with a RangeIndex from 0: a tuple of type
/// `desc` holding the index's start (0) and step (1), then one 1D array per
/// column, of distribution `dist_code` (REP when every rank read every row).
///
/// # Safety
/// `desc` is a tuple descriptor of two ints then the columns' array descriptors.
pub unsafe fn into_tuple(mut t: Table, desc: *const TypeDesc, dist_code: i64) -> PyResult<*mut TupleObj> {
    let mut arrays = Vec::with_capacity(t.columns.len());
    let mut made = Ok(());
    for (i, col) in t.columns.iter_mut().enumerate() {
        let (dt, src): (i64, &[u8]) = match col {
            Values::Int(v) => (dtype::INT64, bytes_of(v)),
            Values::Float(v) => (dtype::FLOAT64, bytes_of(v)),
            Values::Bool(v) => (dtype::BOOL, &v[..]),
            Values::Str(v) => (dtype::STR, bytes_of(v)),
        };
        let (glen, offset) = if dist_code == dist::REP { (t.len, 0) } else { (t.total, t.offset) };
        let s = Shape {
            dtype: dt,
            ndim: 1,
            len: t.len as i64,
            ncols: 1,
            glen: glen as i64,
            offset: offset as i64,
            dist: dist_code,
        };
        match new_unfilled((*desc).child(RANGE_PARTS + i), s) {
            Ok(a) => {
                std::ptr::copy_nonoverlapping(src.as_ptr(), (*a).data, src.len());
                // The array owns the strs now.
                if let Values::Str(v) = col {
                    v.clear();
                }
                arrays.push(a);
            }
            Err(e) => {
                made = Err(e);
                break;
            }
        }
    }
    let r = made.map(|()| {
        let mut slots = vec![0, 1];
        slots.extend(arrays.iter().map(|&a| a as u64));
        tuple::new(desc, &slots)
    });
    for a in arrays {
        decref(a as *mut Header);
    }
    r
}

/// The items before the columns: a RangeIndex's start and step.
const RANGE_PARTS: usize = 2;

fn bytes_of<T>(v: &[T]) -> &[u8] {
    // SAFETY: plain values (numbers, pointers) viewed as their bytes.
    unsafe { std::slice::from_raw_parts(v.as_ptr() as *const u8, std::mem::size_of_val(v)) }
}
