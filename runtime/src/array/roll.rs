//! `np.roll(a, shift, axis)`: elements shifted cyclically. The result has
//! `a`'s shape and row layout, so rolling along the rows of a distributed
//! array fetches, for this rank's rows, at most two runs of `a`'s rows (the
//! wrap-around splits the window) from their owners (collective); rolling
//! the columns of a 2D array is local to each row.

use super::object::{elem_size, new_like_unfilled, ArrObj};
use super::redist::fetch_rows;
use crate::errors::PyResult;
use crate::object::{decref, Header};
use bodo_abi::roll_axis::{COLS, FLAT};

/// `np.roll(a, shift, axis)`, `axis` one of `bodo_abi::roll_axis`'s codes
/// (collective unless `COLS` or `a` is replicated).
///
/// # Safety
/// `a` is live.
pub unsafe fn roll(a: &ArrObj, shift: i64, axis: i64) -> PyResult<*mut ArrObj> {
    let r = new_like_unfilled(a, a.shape())?;
    let done = match axis {
        COLS => {
            roll_cols(a, shift, (*r).data);
            Ok(())
        }
        FLAT => roll_rows(&a.flat_view(), shift, (*r).data),
        _ => roll_rows(a, shift, (*r).data),
    };
    if let Err(e) = done {
        decref(r as *mut Header);
        return Err(e);
    }
    Ok(r)
}

/// Fills `dst` (room for `a`'s local rows) with this rank's rows of `a`
/// rolled by `shift` rows: global row `g` is `a`'s row `(g - shift) mod glen`.
unsafe fn roll_rows(a: &ArrObj, shift: i64, dst: *mut u8) -> PyResult<()> {
    let n = a.glen;
    if n == 0 {
        return Ok(());
    }
    let from = (a.offset - shift.rem_euclid(n)).rem_euclid(n);
    let first = a.len.min(n - from);
    let rest = a.len - first;
    let rb = a.row_bytes();
    if !a.is_dist() {
        // Every rank holds every row: no one to ask.
        let src = a.bytes();
        let (head, tail) = (from as usize * rb, first as usize * rb);
        std::ptr::copy_nonoverlapping(src[head..head + tail].as_ptr(), dst, tail);
        std::ptr::copy_nonoverlapping(src.as_ptr(), dst.add(tail), rest as usize * rb);
        return Ok(());
    }
    // Both fetches run on every rank (each collective), empty windows included.
    fetch_rows(a, from, first, dst)?;
    fetch_rows(a, 0, rest, dst.add(first as usize * rb))
}

/// Fills `dst` with each local row of 2D `a` rolled by `shift` columns.
unsafe fn roll_cols(a: &ArrObj, shift: i64, dst: *mut u8) {
    let m = a.ncols;
    if m == 0 {
        return;
    }
    let (es, rb) = (elem_size(a.dtype), a.row_bytes());
    let s = shift.rem_euclid(m) as usize * es;
    for (i, row) in a.bytes().chunks_exact(rb).enumerate() {
        // Result column j is column (j - s) mod m: the row's last s columns first.
        let out = dst.add(i * rb);
        std::ptr::copy_nonoverlapping(row[rb - s..].as_ptr(), out, s);
        std::ptr::copy_nonoverlapping(row.as_ptr(), out.add(s), rb - s);
    }
}
