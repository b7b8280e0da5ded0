//! Python index and slice normalisation shared by `str` and `list`.

use crate::errors::{PyErr, PyResult};
use bodo_abi::{exc, SLICE_NONE};

/// Resolves a possibly negative index against `len`; `None` if out of range.
pub fn resolve(i: i64, len: i64) -> Option<i64> {
    let j = if i < 0 { i.wrapping_add(len) } else { i };
    (0..len).contains(&j).then_some(j)
}

/// A normalised slice: the first index, the step and the number of items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    pub start: i64,
    pub step: i64,
    pub count: i64,
}

impl Slice {
    /// Indices selected by the slice, in order.
    pub fn indices(self) -> impl Iterator<Item = i64> {
        (0..self.count).map(move |k| self.start + k * self.step)
    }
}

/// `PySlice_Unpack` + `PySlice_AdjustIndices`: omitted bounds are
/// [`SLICE_NONE`]; a zero step is a ValueError.
pub fn slice(len: i64, start: i64, stop: i64, step: i64) -> PyResult<Slice> {
    let step = if step == SLICE_NONE { 1 } else { step };
    if step == 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "slice step cannot be zero"));
    }
    let start = if start == SLICE_NONE {
        if step < 0 {
            i64::MAX
        } else {
            0
        }
    } else {
        start
    };
    let stop = if stop == SLICE_NONE {
        if step < 0 {
            i64::MIN
        } else {
            i64::MAX
        }
    } else {
        stop
    };
    let clamp = |v: i64| -> i64 {
        if v < 0 {
            let v = v + len;
            if v < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                v
            }
        } else if v >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            v
        }
    };
    let (start, stop) = (clamp(start), clamp(stop));
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok(Slice { start, step, count })
}

/// `ADJUST_INDICES` of CPython's find/count: clamps `start`/`end` (omitted
/// = [`SLICE_NONE`]) into `0..=len`, except that `start` may exceed `len`.
pub fn find_range(len: i64, start: i64, end: i64) -> (i64, i64) {
    let mut end = if end == SLICE_NONE { len } else { end };
    let mut start = if start == SLICE_NONE { 0 } else { start };
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// `np.unravel_index(i, dims)`: the coordinates of flat (C order) index `i`
/// in an array of extents `dims`, or NumPy's ValueError when `i` is not
/// one of its elements.
pub fn unravel(i: i64, dims: &[i64]) -> PyResult<Vec<i64>> {
    let size = dims.iter().fold(1i64, |p, &d| p.wrapping_mul(d));
    if !(0..size).contains(&i) {
        return Err(PyErr::new(exc::VALUE_ERROR, format!("index {i} is out of bounds for array with size {size}")));
    }
    let mut coords = vec![0; dims.len()];
    let mut rest = i;
    for (c, &d) in coords.iter_mut().zip(dims).rev() {
        *c = rest % d;
        rest /= d;
    }
    Ok(coords)
}

#[cfg(test)]
mod tests {
    use super::*;
    const N: i64 = SLICE_NONE;

    fn idx(len: i64, a: i64, b: i64, c: i64) -> Vec<i64> {
        slice(len, a, b, c).unwrap().indices().collect()
    }

    #[test]
    fn slices_match_python() {
        assert_eq!(idx(5, N, N, -1), vec![4, 3, 2, 1, 0]);
        assert_eq!(idx(5, N, N, -2), vec![4, 2, 0]);
        assert_eq!(idx(5, 3, 0, -1), vec![3, 2, 1]);
        assert_eq!(idx(5, -2, N, 1), vec![3, 4]);
        assert_eq!(idx(5, 1, -1, 1), vec![1, 2, 3]);
        assert_eq!(idx(5, 10, N, -1), vec![4, 3, 2, 1, 0]);
        assert_eq!(idx(5, N, -10, -1), vec![4, 3, 2, 1, 0]);
        assert_eq!(idx(5, -10, 2, 1), vec![0, 1]);
        assert_eq!(idx(0, N, N, -1), Vec::<i64>::new());
        assert_eq!(idx(5, 4, 1, 2), Vec::<i64>::new());
        assert!(slice(5, N, N, 0).is_err());
    }

    #[test]
    fn resolve_negative() {
        assert_eq!(resolve(-1, 3), Some(2));
        assert_eq!(resolve(3, 3), None);
        assert_eq!(resolve(-4, 3), None);
        assert_eq!(resolve(i64::MIN, 3), None);
    }

    #[test]
    fn unravel_is_c_order() {
        assert_eq!(unravel(7, &[3, 4]).unwrap(), vec![1, 3]);
        assert_eq!(unravel(7, &[2, 2, 2]).unwrap(), vec![1, 1, 1]);
        assert_eq!(unravel(3, &[5]).unwrap(), vec![3]);
        assert_eq!(unravel(12, &[3, 4]).unwrap_err().msg, "index 12 is out of bounds for array with size 12");
        assert!(unravel(-1, &[3, 4]).is_err());
        assert!(unravel(0, &[0, 4]).is_err());
    }
}
