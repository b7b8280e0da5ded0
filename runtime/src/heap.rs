//! The runtime's global allocator. Small requests (up to 256 bytes: the
//! slots of short lists, small vectors) come from the object pool's size
//! classes (`pool.rs`), a few instructions where the C heap's malloc and
//! free take over a hundred; ordinary ones go to the C heap; large ones (at least [`LARGE`] bytes: the slots of long lists, dict
//! tables, long strings, array buffers) are page mappings of their own with
//! transparent huge pages requested, grown and shrunk in place by
//! `mremap`.
//!
//! Huge pages make a first touch one fault per 2 MiB instead of per 4 KiB:
//! a sieve over a list of 5 million flags took 10k faults (a tenth of its
//! run), a 128 MB array 32k. `mremap` moves a growing list's or string's
//! pages instead of copying them. (Array buffers add a cache of freed
//! mappings on top: see `array/buffers.rs`.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr;

use crate::pool;

#[global_allocator]
static HEAP: Heap = Heap;

/// Requests from this size on are mappings of their own.
pub(crate) const LARGE: usize = 1 << 20;
const PAGE: usize = 4096;
const HUGE_PAGE: usize = 2 << 20;
/// From this size on a mapping is a whole number of huge pages: the kernel
/// then places it on a huge-page boundary, so all of it can be huge pages
/// (the rounding adds at most a quarter, and only touched pages are real).
const WHOLE_HUGE: usize = 8 << 20;

extern "C" {
    fn mmap(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut u8;
    fn mremap(old: *mut u8, old_len: usize, new_len: usize, flags: i32, ...) -> *mut u8;
    fn munmap(addr: *mut u8, len: usize) -> i32;
    fn madvise(addr: *mut u8, len: usize, advice: i32) -> i32;
}
const MADV_HUGEPAGE: i32 = 14;
const PROT_READ_WRITE: i32 = 0x1 | 0x2;
const MAP_PRIVATE_ANONYMOUS: i32 = 0x02 | 0x20;
const MREMAP_MAYMOVE: i32 = 1;
const MAP_FAILED: *mut u8 = !0usize as *mut u8;

struct Heap;

fn is_large(l: &Layout) -> bool {
    l.size() >= LARGE && l.align() <= PAGE
}

/// The length of the mapping that holds `n` bytes.
pub(crate) fn mapped_len(n: usize) -> usize {
    let unit = if n >= WHOLE_HUGE { HUGE_PAGE } else { PAGE };
    n.div_ceil(unit) * unit
}

/// A fresh zero-filled mapping of `len` bytes (a multiple of the page size)
/// with transparent huge pages requested where the system offers them.
/// `None` when the system refuses.
pub(crate) fn map_pages(len: usize) -> Option<*mut u8> {
    // SAFETY: a fresh anonymous mapping (zero-filled by the kernel).
    let p = unsafe { mmap(ptr::null_mut(), len, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0) };
    if p == MAP_FAILED || p.is_null() {
        return None;
    }
    // Only advice: failure is harmless.
    // SAFETY: `p` is a mapping of `len` bytes.
    unsafe { madvise(p, len, MADV_HUGEPAGE) };
    Some(p)
}

/// Unmaps a mapping [`map_pages`] returned.
///
/// # Safety
/// `p` is a mapping of `len` bytes no longer used.
pub(crate) unsafe fn unmap(p: *mut u8, len: usize) {
    munmap(p, len);
}

// SAFETY: every block comes from the pool, the C heap or is a mapping of at
// least the requested size with page alignment; which one is decided by
// the layout alone, so a block always goes back the way it came.
unsafe impl GlobalAlloc for Heap {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        if pool::serves(&l) {
            pool::alloc(l.size())
        } else if is_large(&l) {
            map_pages(mapped_len(l.size())).unwrap_or(ptr::null_mut())
        } else {
            System.alloc(l)
        }
    }

    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        if pool::serves(&l) {
            let p = pool::alloc(l.size());
            ptr::write_bytes(p, 0, l.size());
            p
        } else if is_large(&l) {
            // A fresh mapping is zero-filled.
            self.alloc(l)
        } else {
            System.alloc_zeroed(l)
        }
    }

    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        if pool::serves(&l) {
            pool::free(p, l.size());
        } else if is_large(&l) {
            unmap(p, mapped_len(l.size()));
        } else {
            System.dealloc(p, l);
        }
    }

    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let nl = Layout::from_size_align_unchecked(new, l.align());
        if pool::serves(&l) && pool::serves(&nl) && pool::block_size(l.size()) == pool::block_size(new) {
            return p;
        }
        match (is_large(&l), is_large(&nl)) {
            (false, false) if !pool::serves(&l) && !pool::serves(&nl) => System.realloc(p, l, new),
            // The kernel moves the pages (or extends in place): no copy,
            // which keeps a growing list or string linear.
            (true, true) => {
                let (old_len, new_len) = (mapped_len(l.size()), mapped_len(new));
                if old_len == new_len {
                    return p;
                }
                let q = mremap(p, old_len, new_len, MREMAP_MAYMOVE);
                if q == MAP_FAILED {
                    ptr::null_mut()
                } else {
                    q
                }
            }
            _ => {
                let q = self.alloc(nl);
                if !q.is_null() {
                    ptr::copy_nonoverlapping(p, q, l.size().min(new));
                    self.dealloc(p, l);
                }
                q
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::{alloc, dealloc, realloc};

    #[test]
    fn realloc_keeps_contents_across_sizes() {
        unsafe {
            let small = Layout::from_size_align(1000, 8).unwrap();
            let p = alloc(small);
            for i in 0..1000 {
                *p.add(i) = i as u8;
            }
            // Small to large, large to larger (mremap), large to small.
            let p = realloc(p, small, 3 * LARGE);
            let large = Layout::from_size_align(3 * LARGE, 8).unwrap();
            *p.add(3 * LARGE - 1) = 9;
            let p = realloc(p, large, 20 * LARGE);
            let larger = Layout::from_size_align(20 * LARGE, 8).unwrap();
            assert_eq!(*p.add(3 * LARGE - 1), 9);
            let p = realloc(p, larger, 500);
            assert!((0..500).all(|i| *p.add(i) == i as u8));
            // C heap to pooled, within a size class, across classes, and back.
            let p = realloc(p, Layout::from_size_align(500, 8).unwrap(), 100);
            let p = realloc(p, Layout::from_size_align(100, 8).unwrap(), 104);
            let p = realloc(p, Layout::from_size_align(104, 8).unwrap(), 200);
            assert!((0..100).all(|i| *p.add(i) == i as u8));
            let p = realloc(p, Layout::from_size_align(200, 8).unwrap(), 300);
            assert!((0..100).all(|i| *p.add(i) == i as u8));
            dealloc(p, Layout::from_size_align(300, 8).unwrap());
        }
    }
}
