//! Arrays of strings (`dtype::STR`, pandas' object columns of `str`):
//! each 8-byte element is an owned reference to a `str` object, or null
//! for a missing value.
//!
//! The array code moves elements as bytes, which copies the references
//! but not their counts: every place that fills a new STR array from
//! another one's elements calls [`retain`] on the result, and freeing an
//! array releases them ([`release`]). Between ranks a pointer means
//! nothing, so the row exchanges send lengths and bytes instead and make
//! new string objects on arrival ([`alltoallv`], [`allgatherv`]).

use super::comm::{self, Parts};
use super::object::ArrObj;
use crate::errors::PyResult;
use crate::mpi_env::world;
use crate::object::{decref, incref, Header, StrObj};
use crate::str as pystr;
use bodo_abi::dtype;

/// The local elements of STR array `a`.
///
/// # Safety
/// `a` is a live array of dtype STR.
pub unsafe fn elems(a: &ArrObj) -> &[*mut StrObj] {
    std::slice::from_raw_parts(a.data as *const *mut StrObj, a.nelems())
}

/// Takes a reference to every element of `a` if it holds strings: after
/// its elements were copied from another array.
///
/// # Safety
/// `a` is a live array whose elements are all valid (or null).
pub unsafe fn retain(a: *mut ArrObj) {
    if (*a).dtype == dtype::STR {
        for &s in elems(&*a).iter().filter(|s| !s.is_null()) {
            incref(s as *mut Header);
        }
    }
}

/// Drops the reference of every element of `a` if it holds strings: the
/// array is being freed.
///
/// # Safety
/// As for [`retain`]; the array is not used afterwards.
pub unsafe fn release(a: *mut ArrObj) {
    if (*a).dtype == dtype::STR {
        for &s in elems(&*a).iter().filter(|s| !s.is_null()) {
            decref(s as *mut Header);
        }
    }
}

/// The bytes of a run of elements, one after the other, and each one's
/// length (-1 for a missing value).
unsafe fn encode(items: &[*mut StrObj]) -> (Vec<i64>, Vec<u8>) {
    let mut lens = Vec::with_capacity(items.len());
    let mut bytes = Vec::new();
    for &s in items {
        if s.is_null() {
            lens.push(-1);
        } else {
            let t = pystr::as_str(s);
            lens.push(t.len() as i64);
            bytes.extend_from_slice(t.as_bytes());
        }
    }
    (lens, bytes)
}

/// New string objects from lengths and bytes made by [`encode`].
fn decode(lens: &[i64], bytes: &[u8], out: &mut [*mut StrObj]) {
    let mut at = 0;
    for (o, &n) in out.iter_mut().zip(lens) {
        *o = if n < 0 {
            std::ptr::null_mut()
        } else {
            let piece = &bytes[at..at + n as usize];
            at += n as usize;
            pystr::from_bytes(piece)
        };
    }
}

/// Where each element's bytes start in the buffer [`encode`] makes from
/// elements of lengths `lens`, and the buffer's length last.
fn byte_starts(lens: &[i64]) -> Vec<i64> {
    let mut starts = Vec::with_capacity(lens.len() + 1);
    let mut at = 0;
    starts.push(0);
    for &l in lens {
        at += l.max(0);
        starts.push(at);
    }
    starts
}

/// Byte counts and displacements of parts given in elements, from the
/// elements' [`byte_starts`].
fn byte_parts(starts: &[i64], parts: &Parts) -> Parts {
    let mut out = Parts::default();
    for (&c, &d) in parts.counts.iter().zip(&parts.displs) {
        let (lo, hi) = (starts[d as usize], starts[(d + c) as usize]);
        out.counts.push((hi - lo) as mpi::Count);
        out.displs.push(if hi > lo { lo as mpi::Count } else { 0 });
    }
    out
}

/// [`comm::alltoallv_rows`] of string elements: `sends` parts of `src` go
/// to each rank, `recvs` parts of `dst` (null on entry) come from each
/// rank, as new references.
///
/// # Safety
/// `src` and `dst` cover their parts (in elements); `dst`'s slots in the
/// parts are null.
pub unsafe fn alltoallv(src: *const *mut StrObj, sends: &Parts, dst: *mut *mut StrObj, recvs: &Parts) -> PyResult<()> {
    let extent = |p: &Parts| p.counts.iter().zip(&p.displs).map(|(&c, &d)| (c + d) as usize).max().unwrap_or(0);
    let (sext, rext) = (extent(sends), extent(recvs));
    let src = std::slice::from_raw_parts(src, sext);
    let dst = std::slice::from_raw_parts_mut(dst, rext);
    if world().is_none() {
        if let (Some(&n), Some(&s), Some(&d)) = (sends.counts.first(), sends.displs.first(), recvs.displs.first()) {
            let (n, s, d) = (n as usize, s as usize, d as usize);
            dst[d..d + n].copy_from_slice(&src[s..s + n]);
            dst[d..d + n].iter().filter(|p| !p.is_null()).for_each(|&p| incref(p as *mut Header));
        }
        return Ok(());
    }
    let (lens, bytes) = encode(src);
    let mut rlens = vec![0i64; rext];
    comm::alltoallv_rows(lens.as_ptr() as *const u8, sends, rlens.as_mut_ptr() as *mut u8, recvs, 8);
    let (sstarts, rstarts) = (byte_starts(&lens), byte_starts(&rlens));
    let total = rstarts[rext];
    // Every rank must take the same decision before the exchange.
    let most = comm::allgather_i64s(&[total.max(bytes.len() as i64)]).into_iter().max().unwrap_or(0);
    comm::check_rows(most, 1)?;
    let mut rbuf = vec![0u8; total as usize];
    comm::alltoallv_rows(
        bytes.as_ptr(),
        &byte_parts(&sstarts, sends),
        rbuf.as_mut_ptr(),
        &byte_parts(&rstarts, recvs),
        1,
    );
    for (&c, &d) in recvs.counts.iter().zip(&recvs.displs) {
        let (lo, hi) = (d as usize, (d + c) as usize);
        decode(&rlens[lo..hi], &rbuf[rstarts[lo] as usize..], &mut dst[lo..hi]);
    }
    Ok(())
}

/// [`comm::allgatherv_rows`] of string elements: this rank's `send`
/// elements land on every rank at element `recv.displs[r]` of `dst` for
/// rank r, as new references.
///
/// # Safety
/// `dst` covers `recv`, its slots null on entry.
pub unsafe fn allgatherv(send: &[*mut StrObj], dst: *mut *mut StrObj, recv: &Parts) -> PyResult<()> {
    let (lens, bytes) = encode(send);
    let all_lens = comm::allgatherv_vec(&lens)?;
    let all_bytes = comm::allgatherv_vec(&bytes)?;
    // Rank r's elements sit at recv.displs[r]; the gathered lengths are in rank order.
    let (mut li, mut bi) = (0usize, 0usize);
    for (&c, &d) in recv.counts.iter().zip(&recv.displs) {
        let run = &all_lens[li..li + c as usize];
        let out = std::slice::from_raw_parts_mut(dst.add(d as usize), c as usize);
        decode(run, &all_bytes[bi..], out);
        li += c as usize;
        bi += run.iter().map(|&l| l.max(0) as usize).sum::<usize>();
    }
    Ok(())
}
