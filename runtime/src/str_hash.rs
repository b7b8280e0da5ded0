//! CPython's `hash(str)` as the reference runs it (`PYTHONHASHSEED=0`:
//! SipHash-1-3 with a zero key over the string's compact representation,
//! one, two or four little-endian bytes per code point by its widest
//! one). Sets iterate in an order that depends on their items' hashes,
//! so with these the sets of strings print and iterate as in the
//! reference. Dicts iterate in insertion order whatever their keys'
//! hashes, so their string keys use the cheaper [`table_hash`].

/// SipHash-1-3's state.
struct Sip([u64; 4]);

impl Sip {
    /// The state for the zero key.
    fn new() -> Self {
        Sip([0x736f_6d65_7073_6575, 0x646f_7261_6e64_6f6d, 0x6c79_6765_6e65_7261, 0x7465_6462_7974_6573])
    }

    fn round(&mut self) {
        let [mut v0, mut v1, mut v2, mut v3] = self.0;
        v0 = v0.wrapping_add(v1);
        v2 = v2.wrapping_add(v3);
        v1 = v1.rotate_left(13) ^ v0;
        v3 = v3.rotate_left(16) ^ v2;
        v0 = v0.rotate_left(32);
        v2 = v2.wrapping_add(v1);
        v0 = v0.wrapping_add(v3);
        v1 = v1.rotate_left(17) ^ v2;
        v3 = v3.rotate_left(21) ^ v0;
        v2 = v2.rotate_left(32);
        self.0 = [v0, v1, v2, v3];
    }

    fn absorb(&mut self, m: u64) {
        self.0[3] ^= m;
        self.round();
        self.0[0] ^= m;
    }

    /// The hash of `b`.
    fn of(b: &[u8]) -> u64 {
        let mut s = Sip::new();
        let mut words = b.chunks_exact(8);
        for w in &mut words {
            s.absorb(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        }
        let tail = words.remainder().iter().rev().fold(0, |t, &x| (t << 8) | u64::from(x));
        s.absorb(((b.len() as u64) << 56) | tail);
        s.0[2] ^= 0xff;
        for _ in 0..3 {
            s.round();
        }
        let [v0, v1, v2, v3] = s.0;
        v0 ^ v1 ^ v2 ^ v3
    }
}

/// `hash(s)` of a string of `nchars` code points.
pub fn hash(s: &str, nchars: usize) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let h = if s.len() == nchars {
        // ASCII: the bytes are the compact representation.
        Sip::of(s.as_bytes())
    } else {
        let width = match s.chars().map(u32::from).max().unwrap_or(0) {
            0..=0xff => 1,
            0x100..=0xffff => 2,
            _ => 4,
        };
        let mut compact = Vec::with_capacity(nchars * width);
        for c in s.chars() {
            compact.extend_from_slice(&u32::from(c).to_le_bytes()[..width]);
        }
        Sip::of(&compact)
    };
    match h as i64 {
        -1 => -2,
        x => x,
    }
}

/// The constants of [`table_hash`].
const P0: u64 = 0xa076_1d64_78bd_642f;
const P1: u64 = 0xe703_7ed1_a0b4_28db;

/// A hash of `b` for tables whose order does not depend on it (dicts):
/// a few multiplications for a short word where SipHash-1-3 takes about
/// a hundred instructions. Equal texts have equal bytes, so equal hashes.
/// A key of up to eight bytes (most words and fields) is one word read
/// with no branch on its length: a dict of words of random lengths
/// mispredicted a branch on every other lookup.
///
/// # Safety
/// `b` is (part of) the text of a string object: the eight bytes before
/// its end are readable, the object's header if not the text.
pub unsafe fn table_hash(b: &[u8]) -> i64 {
    let n = b.len();
    if n <= 8 {
        return short_hash(tail_word(b), n);
    }
    // Every whole word but the last folds into the seed; the last eight
    // bytes (overlapping the previous word) are the second half.
    let mut seed = P0;
    let mut i = 0;
    while i + 8 < n {
        seed = fold(word64(b, i) ^ P1, seed);
        i += 8;
    }
    fold(seed ^ P1, word64(b, n - 8) ^ P0 ^ n as u64) as i64
}

/// [`table_hash`] of a text of `n <= 8` bytes whose [`tail_word`] is `w`.
#[inline(always)]
pub fn short_hash(w: u64, n: usize) -> i64 {
    fold(w ^ P1, P0 ^ n as u64) as i64
}

/// The bytes of a text of at most eight bytes as a little-endian number,
/// read as the unaligned word that ends where the text ends.
///
/// # Safety
/// As [`table_hash`], and `b.len() <= 8`.
#[inline(always)]
pub unsafe fn tail_word(b: &[u8]) -> u64 {
    debug_assert!(b.len() <= 8);
    let n = b.len() as u32;
    let w = b.as_ptr().add(b.len()).sub(8).cast::<u64>().read_unaligned();
    w.checked_shr(64 - 8 * n).unwrap_or(0)
}

/// Whether two texts of string objects are the same bytes; texts of up to
/// eight bytes compare as one word each, with no branch on their length.
///
/// # Safety
/// As [`table_hash`], for both.
#[inline(always)]
pub unsafe fn same_text(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.len() <= 8 {
        return tail_word(a) == tail_word(b);
    }
    crate::str::same_bytes(a, b)
}

/// The 128-bit product of `a` and `b` with its halves xored: every input
/// bit reaches the low bits, which pick a table slot.
fn fold(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    p as u64 ^ (p >> 64) as u64
}

fn word64(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(s: &str) -> i64 {
        hash(s, s.chars().count())
    }

    #[test]
    fn matches_cpython_with_hash_seed_zero() {
        assert_eq!(h(""), 0);
        assert_eq!(h("a"), 4_644_417_185_603_328_019);
        assert_eq!(h("apple"), -2_003_999_543_335_776_700);
        assert_eq!(h("hello world, long string!"), 5_021_289_327_430_431_636);
        assert_eq!(h("é"), 6_047_309_291_227_476_195);
        assert_eq!(h("naïve"), 7_682_306_841_811_832_039);
        assert_eq!(h("日本"), 6_243_316_497_235_261_705);
        assert_eq!(h("😀x"), -8_926_728_262_118_538_918);
    }

    /// `f` of the text of a new string object holding `t`.
    fn with_text<R>(t: &[u8], f: impl FnOnce(&[u8]) -> R) -> R {
        let text = std::str::from_utf8(t).expect("ASCII test texts");
        // SAFETY: a new string object, released after its text's last use.
        unsafe {
            let p = crate::str::new_str(text);
            let r = f(crate::str::as_str(p).as_bytes());
            crate::object::decref(p as *mut crate::object::Header);
            r
        }
    }

    #[test]
    fn table_hashes_tell_near_texts_apart() {
        // Every length path, and texts differing in one byte anywhere.
        let texts = ["", "a", "ab", "abc", "abcd", "abcdefgh", "abcdefghi", "abcdefghijklmnopq"];
        let mut seen = std::collections::HashSet::new();
        // SAFETY: texts of string objects.
        let hash = |b: &[u8]| with_text(b, |t| unsafe { table_hash(t) });
        for t in texts {
            assert!(seen.insert(hash(t.as_bytes())), "{t:?}");
            for i in 0..t.len() {
                let mut b = t.as_bytes().to_vec();
                b[i] ^= 1;
                assert!(seen.insert(hash(&b)), "{t:?} at {i}");
            }
        }
        // A piece of a longer text hashes as the same text on its own.
        let whole = with_text(b"xxnaive!", |t| unsafe { table_hash(&t[2..7]) });
        assert_eq!(whole, hash(b"naive"));
    }

    #[test]
    fn same_texts_at_every_length() {
        let t = b"abcdefghijklmnopqrstu";
        for n in 0..=t.len() {
            with_text(&t[..n], |a| {
                with_text(&t[..n], |b| assert!(unsafe { same_text(a, b) }, "{n}"));
                for i in 0..n {
                    let mut other = t[..n].to_vec();
                    other[i] = b'_';
                    with_text(&other, |b| assert!(!unsafe { same_text(a, b) }, "{n} at {i}"));
                }
                if n < t.len() {
                    with_text(&t[..n + 1], |b| assert!(!unsafe { same_text(a, b) }));
                }
            });
        }
    }
}
