//! Storage for array data. Small buffers come from the C heap; large ones
//! (at least `heap::LARGE` bytes) are page mappings of their own (with huge
//! pages, see `crate::heap`), and a freed one waits in a small cache for
//! the next request of the same size.
//!
//! Array programs allocate and free buffers of the same few sizes over and
//! over (a temporary per statement per iteration). Returning each to the
//! kernel costs a page fault per 4 KiB on the next use; keeping them in the
//! C heap avoids that but fragments it (a logistic regression's heap grew
//! to 1.6x its live data as temporaries of equal size rotated through
//! holes). Exact-size reuse of separate mappings gives both: no faults in
//! steady state and resident memory close to the live data.

use crate::heap::{map_pages, mapped_len, unmap, LARGE};
use std::alloc::{self, Layout};
use std::ptr;
use std::sync::Mutex;

/// Alignment of every buffer (a cache line, AVX-512 friendly).
pub const ALIGN: usize = 64;
/// Freed large buffers kept for reuse, at most.
const CACHED: usize = 8;

/// A freed mapping: (length in bytes, address).
struct Free(usize, *mut u8);
// The cache only hands addresses out under its lock.
unsafe impl Send for Free {}

static CACHE: Mutex<Vec<Free>> = Mutex::new(Vec::new());

/// `n` bytes (n > 0), zeroed when asked; `None` when memory is exhausted.
pub fn alloc(n: usize, zeroed: bool) -> Option<*mut u8> {
    if n < LARGE {
        let layout = Layout::from_size_align(n, ALIGN).ok()?;
        // SAFETY: non-zero size.
        let p = unsafe {
            if zeroed {
                alloc::alloc_zeroed(layout)
            } else {
                alloc::alloc(layout)
            }
        };
        return (!p.is_null()).then_some(p);
    }
    let len = mapped_len(n);
    if let Some(p) = take_cached(len) {
        if zeroed {
            // SAFETY: the mapping is `len` writable bytes.
            unsafe { ptr::write_bytes(p, 0, len) };
        }
        return Some(p);
    }
    map_pages(len)
}

/// Gives back a buffer [`alloc`] returned for the same `n`.
///
/// # Safety
/// `p` came from `alloc(n, _)` and is not used afterwards.
pub unsafe fn free(p: *mut u8, n: usize) {
    if n < LARGE {
        alloc::dealloc(p, Layout::from_size_align_unchecked(n, ALIGN));
        return;
    }
    let len = mapped_len(n);
    let evicted = {
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        cache.push(Free(len, p));
        (cache.len() > CACHED).then(|| cache.remove(0))
    };
    if let Some(Free(len, p)) = evicted {
        unmap(p, len);
    }
}

/// The most recently freed cached mapping of exactly `len` bytes.
fn take_cached(len: usize) -> Option<*mut u8> {
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let i = cache.iter().rposition(|f| f.0 == len)?;
    Some(cache.remove(i).1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_buffers_are_reused_by_size_and_zeroed_on_request() {
        let n = LARGE + 10;
        let a = alloc(n, false).unwrap();
        assert_eq!(a as usize % ALIGN, 0);
        unsafe {
            *a.add(5) = 7;
            free(a, n);
        }
        let b = alloc(n + 1, true).unwrap();
        assert_eq!(a, b, "same page count: the cached mapping comes back");
        assert_eq!(unsafe { *b.add(5) }, 0);
        let c = alloc(n, false).unwrap();
        assert_ne!(b, c);
        unsafe {
            free(b, n + 1);
            free(c, n);
        }
        let small = alloc(100, true).unwrap();
        assert_eq!(small as usize % ALIGN, 0);
        unsafe { free(small, 100) };
    }
}
