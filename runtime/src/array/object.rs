//! The array object: its `#[repr(C)]` layout (pinned to `bodo_abi::layout::array`),
//! the shape metadata, allocation of the 64-byte aligned data buffer and
//! freeing, typed views of the local data with NumPy's conversions between
//! element types, and whole-array copies (`copy`).

use super::buffers;
use crate::errors::{PyErr, PyResult};
use crate::object::{alloc_obj, dealloc_obj, DescChildren, Header, TypeDesc};
use bodo_abi::{dist, dtype, exc, kind};
use std::ptr;

/// `struct Array` of the ABI: a 1D or row-major 2D array's local part.
#[repr(C)]
pub struct ArrObj {
    pub hdr: Header,
    pub dtype: i64,
    pub ndim: i64,
    pub len: i64,
    pub ncols: i64,
    pub glen: i64,
    pub offset: i64,
    pub dist: i64,
    pub data: *mut u8,
}

mod layout_checks {
    use super::ArrObj;
    use bodo_abi::layout::array as l;
    use std::mem::{offset_of, size_of};

    const _: () = assert!(offset_of!(ArrObj, dtype) as u64 == l::DTYPE);
    const _: () = assert!(offset_of!(ArrObj, ndim) as u64 == l::NDIM);
    const _: () = assert!(offset_of!(ArrObj, len) as u64 == l::LEN);
    const _: () = assert!(offset_of!(ArrObj, ncols) as u64 == l::NCOLS);
    const _: () = assert!(offset_of!(ArrObj, glen) as u64 == l::GLEN);
    const _: () = assert!(offset_of!(ArrObj, offset) as u64 == l::OFFSET);
    const _: () = assert!(offset_of!(ArrObj, dist) as u64 == l::DIST);
    const _: () = assert!(offset_of!(ArrObj, data) as u64 == l::DATA);
    const _: () = assert!(size_of::<ArrObj>() as u64 == l::SIZE);
}

/// Everything about an array but its data: what a new array is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub dtype: i64,
    pub ndim: i64,
    pub len: i64,
    pub ncols: i64,
    pub glen: i64,
    pub offset: i64,
    pub dist: i64,
}

impl Shape {
    /// A replicated array of `rows` rows.
    pub fn rep(dtype: i64, ndim: i64, rows: i64, ncols: i64) -> Shape {
        Shape { dtype, ndim, len: rows, ncols, glen: rows, offset: 0, dist: dist::REP }
    }

    /// A replicated 1D array.
    pub fn rep1(dtype: i64, n: i64) -> Shape {
        Shape::rep(dtype, 1, n, 1)
    }

    /// Bytes of the local data, `None` if not representable.
    fn nbytes(&self) -> Option<usize> {
        let rows = usize::try_from(self.len).ok()?;
        let cols = usize::try_from(self.ncols).ok()?;
        rows.checked_mul(cols)?.checked_mul(elem_size(self.dtype))
    }

    /// NumPy's spelling of the global shape: `(n,)` or `(n,c)`.
    pub fn text(&self) -> String {
        if self.ndim == 2 {
            format!("({},{})", self.glen, self.ncols)
        } else {
            format!("({},)", self.glen)
        }
    }
}

/// Bytes per element of a dtype (bool is stored as one byte, like NumPy).
pub fn elem_size(dt: i64) -> usize {
    if dt == dtype::BOOL {
        1
    } else {
        8
    }
}

/// NumPy's name of a dtype.
pub fn dtype_name(dt: i64) -> &'static str {
    match dt {
        dtype::INT64 => "int64",
        dtype::BOOL => "bool",
        dtype::STR => "object",
        _ => "float64",
    }
}

/// The dtype NumPy gives a mix of two: bool < int64 < float64.
pub fn promote(a: i64, b: i64) -> i64 {
    let rank = |d: i64| match d {
        dtype::BOOL => 0,
        dtype::INT64 => 1,
        _ => 2,
    };
    if rank(a) >= rank(b) {
        a
    } else {
        b
    }
}

static INT: TypeDesc = TypeDesc { kind: kind::INT, n: 0, children: ptr::null() };
static FLOAT: TypeDesc = TypeDesc { kind: kind::FLOAT, n: 0, children: ptr::null() };
static BOOL: TypeDesc = TypeDesc { kind: kind::BOOL, n: 0, children: ptr::null() };
static ARR_INT_CHILDREN: DescChildren<1> = DescChildren([&INT]);
static ARR_FLOAT_CHILDREN: DescChildren<1> = DescChildren([&FLOAT]);
static ARR_BOOL_CHILDREN: DescChildren<1> = DescChildren([&BOOL]);
static ARR_INT: TypeDesc = TypeDesc { kind: kind::ARRAY, n: 1, children: ARR_INT_CHILDREN.as_ptr() };
static ARR_FLOAT: TypeDesc = TypeDesc { kind: kind::ARRAY, n: 1, children: ARR_FLOAT_CHILDREN.as_ptr() };
static ARR_BOOL: TypeDesc = TypeDesc { kind: kind::ARRAY, n: 1, children: ARR_BOOL_CHILDREN.as_ptr() };
static ARR_STR_CHILDREN: DescChildren<1> = DescChildren([&crate::object::descs::STR]);
static ARR_STR: TypeDesc = TypeDesc { kind: kind::ARRAY, n: 1, children: ARR_STR_CHILDREN.as_ptr() };

/// The runtime's own descriptor for arrays of `dt`, for results whose dtype
/// differs from every argument's (the descriptor only names the element).
pub fn desc_for(dt: i64) -> &'static TypeDesc {
    match dt {
        dtype::INT64 => &ARR_INT,
        dtype::BOOL => &ARR_BOOL,
        dtype::STR => &ARR_STR,
        _ => &ARR_FLOAT,
    }
}

/// Storage of `n` bytes, zeroed when asked; a dangling aligned pointer
/// when `n` is 0 (data is never null). `None` when memory is exhausted.
fn alloc_data(n: usize, zeroed: bool) -> Option<*mut u8> {
    if n == 0 {
        return Some(ptr::without_provenance_mut(buffers::ALIGN));
    }
    // Zeroing keeps bool arrays valid 0/1 bytes; writers of every element skip it.
    buffers::alloc(n, zeroed)
}

/// NumPy's `_size_to_string`: `7.28 EiB`, `800 bytes`.
fn size_text(n: u128) -> String {
    const UNITS: [&str; 7] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let bits = 128 - n.leading_zeros() as usize;
    let mut unit = bits.saturating_sub(1).max(1) / 10;
    let mut units = n as f64 / (1u128 << (unit * 10)) as f64;
    if units.round_ties_even() == 1024.0 {
        unit += 1;
        units /= 1024.0;
    }
    if unit >= UNITS.len() {
        units *= (1u128 << ((unit - UNITS.len() + 1) * 10)) as f64;
        unit = UNITS.len() - 1;
    }
    let spec = if unit == 0 {
        ".0f"
    } else if units.round_ties_even() < 1000.0 {
        "#.3g"
    } else {
        "#.0f"
    };
    let num = crate::format::format_float(units, spec).unwrap_or_else(|_| units.to_string());
    format!("{num} {}", UNITS[unit])
}

/// A new array with zeroed data; NumPy's errors for negative or impossible
/// sizes (decided on the global shape, which all ranks share) and
/// MemoryError when the local buffer cannot be allocated.
pub fn new_checked(desc: *const TypeDesc, s: Shape) -> PyResult<*mut ArrObj> {
    new_array(desc, s, true)
}

/// [`new_checked`] without zeroing, for a caller that writes every element
/// before anything reads the array.
pub fn new_unfilled(desc: *const TypeDesc, s: Shape) -> PyResult<*mut ArrObj> {
    new_array(desc, s, false)
}

fn new_array(desc: *const TypeDesc, s: Shape, zeroed: bool) -> PyResult<*mut ArrObj> {
    if s.glen < 0 || s.ncols < 0 || s.len < 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "negative dimensions are not allowed"));
    }
    let esize = elem_size(s.dtype) as u128;
    let gbytes = s.glen as u128 * s.ncols as u128 * esize;
    if gbytes > isize::MAX as u128 {
        return Err(PyErr::new(
            exc::VALUE_ERROR,
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        ));
    }
    // A string array is freed element by element, so it starts all null.
    let zeroed = zeroed || s.dtype == dtype::STR;
    let data = s.nbytes().and_then(|n| alloc_data(n, zeroed)).ok_or_else(|| {
        let shape = if s.ndim == 2 { format!("({}, {})", s.glen, s.ncols) } else { format!("({},)", s.glen) };
        let msg = format!(
            "Unable to allocate {} for an array with shape {shape} and data type {}",
            size_text(gbytes),
            dtype_name(s.dtype)
        );
        PyErr::new(exc::MEMORY_ERROR, msg)
    })?;
    let p = alloc_obj(size_of::<ArrObj>(), desc) as *mut ArrObj;
    // SAFETY: freshly allocated with room for an ArrObj; the header is set.
    unsafe {
        (*p).dtype = s.dtype;
        (*p).ndim = s.ndim;
        (*p).len = s.len;
        (*p).ncols = s.ncols;
        (*p).glen = s.glen;
        (*p).offset = s.offset;
        (*p).dist = s.dist;
        (*p).data = data;
    }
    Ok(p)
}

/// A new array like `a` (same descriptor) with shape `s`.
pub fn new_like(a: &ArrObj, s: Shape) -> PyResult<*mut ArrObj> {
    new_array(like_desc(a, &s), s, true)
}

/// [`new_like`] without zeroing, for a caller that writes every element.
pub fn new_like_unfilled(a: &ArrObj, s: Shape) -> PyResult<*mut ArrObj> {
    new_array(like_desc(a, &s), s, false)
}

fn like_desc(a: &ArrObj, s: &Shape) -> *const TypeDesc {
    if s.dtype == a.dtype {
        a.hdr.desc
    } else {
        desc_for(s.dtype)
    }
}

/// # Safety
/// `a` is an array whose count reached zero.
pub unsafe fn free(a: *mut ArrObj) {
    super::strs::release(a);
    if let Some(n) = (*a).shape().nbytes().filter(|&n| n > 0) {
        buffers::free((*a).data, n);
    }
    dealloc_obj(a as *mut Header, size_of::<ArrObj>());
}

/// The local data, typed.
#[derive(Clone, Copy)]
pub enum Data<'a> {
    Int(&'a [i64]),
    Float(&'a [f64]),
    Bool(&'a [u8]),
}

/// The local data, typed and writable.
pub enum DataMut<'a> {
    Int(&'a mut [i64]),
    Float(&'a mut [f64]),
    Bool(&'a mut [u8]),
}

impl DataMut<'_> {
    /// `self[i] = s[x]`, cast to this dtype as NumPy's assignment casts.
    pub fn put(&mut self, i: usize, s: &Data, x: usize) {
        match self {
            DataMut::Int(d) => d[i] = s.i64_at(x),
            DataMut::Float(d) => d[i] = s.f64_at(x),
            DataMut::Bool(d) => d[i] = u8::from(s.f64_at(x) != 0.0),
        }
    }

    /// `self[i..i + n] = s[x..x + n]`, cast as `put` casts: one copy when the
    /// dtypes agree, so contiguous runs (block rows) need no per-element dispatch.
    pub fn put_run(&mut self, i: usize, s: &Data, x: usize, n: usize) {
        let dst = match self {
            DataMut::Int(d) => DataMut::Int(&mut d[i..i + n]),
            DataMut::Float(d) => DataMut::Float(&mut d[i..i + n]),
            DataMut::Bool(d) => DataMut::Bool(&mut d[i..i + n]),
        };
        s.range(x, x + n).convert_into(dst);
    }
}

/// NumPy's float to int64 cast: truncation, and INT64_MIN for NaN,
/// infinities and out-of-range values (what x86 produces).
pub fn f64_to_i64(x: f64) -> i64 {
    const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2**63
    if (-LIMIT..LIMIT).contains(&x) {
        x as i64
    } else {
        i64::MIN
    }
}

impl<'a> Data<'a> {
    pub fn len(&self) -> usize {
        match self {
            Data::Int(v) => v.len(),
            Data::Float(v) => v.len(),
            Data::Bool(v) => v.len(),
        }
    }

    /// Elements `lo..hi`.
    pub fn range(self, lo: usize, hi: usize) -> Data<'a> {
        match self {
            Data::Int(v) => Data::Int(&v[lo..hi]),
            Data::Float(v) => Data::Float(&v[lo..hi]),
            Data::Bool(v) => Data::Bool(&v[lo..hi]),
        }
    }

    pub fn f64_at(&self, k: usize) -> f64 {
        match self {
            Data::Int(v) => v[k] as f64,
            Data::Float(v) => v[k],
            Data::Bool(v) => f64::from(v[k]),
        }
    }

    pub fn i64_at(&self, k: usize) -> i64 {
        match self {
            Data::Int(v) => v[k],
            Data::Float(v) => f64_to_i64(v[k]),
            Data::Bool(v) => i64::from(v[k]),
        }
    }

    /// Element `k` as a slot of its own dtype.
    pub fn slot(&self, k: usize) -> u64 {
        match self {
            Data::Int(v) => v[k] as u64,
            Data::Float(v) => v[k].to_bits(),
            Data::Bool(v) => u64::from(v[k]),
        }
    }

    /// Writes every element into `dst` (same length), converted like NumPy's `astype`.
    pub fn convert_into(self, dst: DataMut) {
        match (self, dst) {
            (Data::Int(s), DataMut::Int(d)) => d.copy_from_slice(s),
            (Data::Float(s), DataMut::Float(d)) => d.copy_from_slice(s),
            (Data::Bool(s), DataMut::Bool(d)) => d.copy_from_slice(s),
            (s, DataMut::Int(d)) => d.iter_mut().enumerate().for_each(|(k, x)| *x = s.i64_at(k)),
            (s, DataMut::Float(d)) => d.iter_mut().enumerate().for_each(|(k, x)| *x = s.f64_at(k)),
            (s, DataMut::Bool(d)) => d.iter_mut().enumerate().for_each(|(k, x)| *x = u8::from(s.f64_at(k) != 0.0)),
        }
    }
}

impl ArrObj {
    pub fn shape(&self) -> Shape {
        let ArrObj { dtype, ndim, len, ncols, glen, offset, dist, .. } = *self;
        Shape { dtype, ndim, len, ncols, glen, offset, dist }
    }

    pub fn is_dist(&self) -> bool {
        self.dist != dist::REP
    }

    /// Local elements (rows times columns).
    pub fn nelems(&self) -> usize {
        (self.len.max(0) * self.ncols.max(0)) as usize
    }

    /// The same data read as a 1D array of one element per row (a view
    /// sharing `data`, never freed), so row windows are element windows.
    pub fn flat_view(&self) -> ArrObj {
        ArrObj {
            hdr: Header { rc: 1, desc: self.hdr.desc },
            dtype: self.dtype,
            ndim: 1,
            len: self.len * self.ncols,
            ncols: 1,
            glen: self.glen * self.ncols,
            offset: self.offset * self.ncols,
            dist: self.dist,
            data: self.data,
        }
    }

    pub fn row_bytes(&self) -> usize {
        self.ncols.max(0) as usize * elem_size(self.dtype)
    }

    /// The local data as bytes.
    ///
    /// # Safety
    /// The array is live and its data not written while the slice is used.
    pub unsafe fn bytes(&self) -> &[u8] {
        std::slice::from_raw_parts(self.data, self.nelems() * elem_size(self.dtype))
    }

    /// The local data, typed.
    ///
    /// # Safety
    /// As for [`ArrObj::bytes`].
    pub unsafe fn data(&self) -> Data<'_> {
        let n = self.nelems();
        match self.dtype {
            dtype::INT64 => Data::Int(std::slice::from_raw_parts(self.data as *const i64, n)),
            dtype::BOOL => Data::Bool(std::slice::from_raw_parts(self.data, n)),
            _ => Data::Float(std::slice::from_raw_parts(self.data as *const f64, n)),
        }
    }
}

/// The local data of `a` as writable bytes.
///
/// # Safety
/// `a` is live and nothing else reads or writes its data meanwhile.
pub unsafe fn bytes_mut<'a>(a: *mut ArrObj) -> &'a mut [u8] {
    std::slice::from_raw_parts_mut((*a).data, (*a).nelems() * elem_size((*a).dtype))
}

/// The local data of `a`, typed and writable.
///
/// # Safety
/// As for [`bytes_mut`].
pub unsafe fn data_mut<'a>(a: *mut ArrObj) -> DataMut<'a> {
    let n = (*a).nelems();
    match (*a).dtype {
        dtype::INT64 => DataMut::Int(std::slice::from_raw_parts_mut((*a).data as *mut i64, n)),
        dtype::BOOL => DataMut::Bool(std::slice::from_raw_parts_mut((*a).data, n)),
        _ => DataMut::Float(std::slice::from_raw_parts_mut((*a).data as *mut f64, n)),
    }
}

/// Writes slot `v` (of the array's dtype) to elements `lo..hi`.
///
/// # Safety
/// As for [`bytes_mut`]; `lo..hi` is within the local elements.
pub unsafe fn fill(a: *mut ArrObj, lo: usize, hi: usize, v: u64) {
    match data_mut(a) {
        DataMut::Int(d) => d[lo..hi].fill(v as i64),
        DataMut::Float(d) => d[lo..hi].fill(f64::from_bits(v)),
        DataMut::Bool(d) => d[lo..hi].fill(u8::from(v != 0)),
    }
}

/// `a.copy()`: a deep copy with the same layout and distribution.
///
/// # Safety
/// `a` is a live array.
pub unsafe fn copy(a: &ArrObj) -> PyResult<*mut ArrObj> {
    let r = new_like_unfilled(a, a.shape())?;
    bytes_mut(r).copy_from_slice(a.bytes());
    super::strs::retain(r);
    Ok(r)
}

/// A test array of dtype `dt` and layout `s` holding `v` (unit tests only).
///
/// # Safety
/// `v` must hold `s`'s element count of the dtype's element type.
#[cfg(test)]
pub unsafe fn test_array<T: Copy>(dt: i64, v: &[T], s: Shape) -> *mut ArrObj {
    let a = new_checked(desc_for(dt), Shape { dtype: dt, ..s }).unwrap();
    std::ptr::copy_nonoverlapping(v.as_ptr(), (*a).data as *mut T, v.len());
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::decref;

    #[test]
    fn numpy_size_text() {
        assert_eq!(size_text(8_000_000_000_000_000_000), "6.94 EiB");
        assert_eq!(size_text(800), "800 bytes");
        assert_eq!(size_text(8_000_000_000_000), "7.28 TiB");
        assert_eq!(size_text(1 << 80), "1048576. EiB");
    }

    #[test]
    fn new_validates_and_aligns() {
        let e = new_checked(desc_for(dtype::INT64), Shape::rep1(dtype::INT64, -1)).unwrap_err();
        assert_eq!(e.msg, "negative dimensions are not allowed");
        let e = new_checked(desc_for(dtype::FLOAT64), Shape::rep1(dtype::FLOAT64, 1 << 62)).unwrap_err();
        assert_eq!(e.class, exc::VALUE_ERROR);
        for n in [0, 3] {
            let a = new_checked(desc_for(dtype::BOOL), Shape::rep1(dtype::BOOL, n)).unwrap();
            unsafe {
                assert_eq!((*a).data as usize % buffers::ALIGN, 0);
                assert!((*a).bytes().iter().all(|&b| b == 0));
                decref(a as *mut Header);
            }
        }
    }

    #[test]
    fn generic_operations_on_arrays() {
        unsafe {
            let live = crate::object::live_objects();
            let d = desc_for(dtype::INT64);
            let a = new_checked(d, Shape::rep1(dtype::INT64, 3)).unwrap();
            if let DataMut::Int(x) = data_mut(a) {
                x.copy_from_slice(&[1, 2, 3]);
            }
            assert_eq!(crate::generic::str(a as u64, d), "[1 2 3]");
            assert_eq!(crate::generic::repr(a as u64, d), "array([1, 2, 3])");
            assert_eq!(crate::generic::hash(a as u64, d).unwrap_err().msg, "unhashable type: 'numpy.ndarray'");
            assert_eq!(crate::generic::len(a as *const Header), 3);
            assert!(crate::generic::eq(a as u64, a as u64, d));
            decref(a as *mut Header);
            assert_eq!(crate::object::live_objects(), live);
        }
    }

    #[test]
    fn conversions_are_numpy_astype() {
        unsafe {
            let a = new_checked(desc_for(dtype::FLOAT64), Shape::rep1(dtype::FLOAT64, 4)).unwrap();
            if let DataMut::Float(d) = data_mut(a) {
                d.copy_from_slice(&[-1.7, 2.9, f64::NAN, 0.0]);
            }
            let convert = |dt| {
                let r = new_like(&*a, Shape { dtype: dt, ..(*a).shape() }).unwrap();
                (*a).data().convert_into(data_mut(r));
                r
            };
            let (i, b) = (convert(dtype::INT64), convert(dtype::BOOL));
            assert!(matches!((*i).data(), Data::Int(&[-1, 2, i64::MIN, 0])));
            assert!(matches!((*b).data(), Data::Bool(&[1, 1, 1, 0])));
            assert_eq!((*i).hdr.desc().child(0).kind, kind::INT);
            for p in [a, i, b] {
                decref(p as *mut Header);
            }
        }
    }
}
