//! Copies of a few bytes without a `memcpy` call. The pieces of a split,
//! the fields of an f-string and the words of a join are mostly under 16
//! bytes, where the call and its size dispatch cost more than the copy:
//! two overlapping loads and stores of a fixed width move any length
//! from 4 to 32 bytes.

use std::ptr;

/// Copies `n` bytes from `src` to `dst`.
///
/// # Safety
/// `src` is readable and `dst` writable for `n` bytes; they do not overlap.
#[inline(always)]
pub unsafe fn copy(src: *const u8, dst: *mut u8, n: usize) {
    if n <= SHORT {
        copy_short(src, dst, n);
    } else {
        long_copy(src, dst, n);
    }
}

/// The longest copy [`copy_short`] makes.
pub const SHORT: usize = 32;

/// Copies `n <= SHORT` bytes with no call, so that a caller whose copies
/// are all short is a leaf function (no registers saved around a call).
///
/// # Safety
/// As [`copy`], and `n <= SHORT`.
#[inline(always)]
pub unsafe fn copy_short(src: *const u8, dst: *mut u8, n: usize) {
    debug_assert!(n <= SHORT);
    match n {
        0 => {}
        // The first, middle and last bytes are all of them.
        1..=3 => {
            *dst = *src;
            *dst.add(n / 2) = *src.add(n / 2);
            *dst.add(n - 1) = *src.add(n - 1);
        }
        4..=7 => {
            let (a, b) = ((src as *const u32).read_unaligned(), (src.add(n - 4) as *const u32).read_unaligned());
            (dst as *mut u32).write_unaligned(a);
            (dst.add(n - 4) as *mut u32).write_unaligned(b);
        }
        8..=16 => {
            let (a, b) = ((src as *const u64).read_unaligned(), (src.add(n - 8) as *const u64).read_unaligned());
            (dst as *mut u64).write_unaligned(a);
            (dst.add(n - 8) as *mut u64).write_unaligned(b);
        }
        _ => {
            let (a, b) = ((src as *const u128).read_unaligned(), (src.add(n - 16) as *const u128).read_unaligned());
            (dst as *mut u128).write_unaligned(a);
            (dst.add(n - 16) as *mut u128).write_unaligned(b);
        }
    }
}

/// The `memcpy` call of a long copy, out of line and cold: a caller whose
/// copies are short then saves no registers around a call it never makes.
///
/// # Safety
/// As [`copy`].
#[cold]
#[inline(never)]
unsafe fn long_copy(src: *const u8, dst: *mut u8, n: usize) {
    ptr::copy_nonoverlapping(src, dst, n);
}

/// `out.push_str(s)` through [`copy`].
#[inline(always)]
pub fn push_str(out: &mut String, s: &str) {
    out.reserve(s.len());
    // SAFETY: `reserve` made room for `s` after the current text, and
    // appending whole UTF-8 text keeps the string valid.
    unsafe {
        let v = out.as_mut_vec();
        let at = v.len();
        copy(s.as_ptr(), v.as_mut_ptr().add(at), s.len());
        v.set_len(at + s.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_short_length_copies_exactly() {
        let src: Vec<u8> = (1..=40).collect();
        for n in 0..=src.len() {
            let mut dst = vec![0u8; 42];
            unsafe { copy(src.as_ptr(), dst.as_mut_ptr().add(1), n) };
            assert_eq!(&dst[1..=n], &src[..n], "{n}");
            assert!(dst[0] == 0 && dst[n + 1..].iter().all(|&b| b == 0), "{n}");
        }
        let mut s = String::from("ab");
        push_str(&mut s, "cdé");
        assert_eq!(s, "abcdé");
    }
}
