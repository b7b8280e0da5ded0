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

/// A hash of `b` for tables whose order does not depend on it (dicts):
/// a few multiplications for a short word where SipHash-1-3 takes about
/// a hundred instructions. Equal texts have equal bytes, so equal hashes.
pub fn table_hash(b: &[u8]) -> i64 {
    const P0: u64 = 0xa076_1d64_78bd_642f;
    const P1: u64 = 0xe703_7ed1_a0b4_28db;
    let n = b.len();
    let (lo, hi) = match n {
        0 => (0, 0),
        1..=3 => ((u64::from(b[0]) << 16) | (u64::from(b[n / 2]) << 8) | u64::from(b[n - 1]), 0),
        4..=8 => (word32(b, 0), word32(b, n - 4)),
        _ => {
            // Every whole word but the last folds into the seed; the last
            // eight bytes (overlapping the previous word) are the second half.
            let mut seed = P0;
            let mut i = 0;
            while i + 8 < n {
                seed = fold(word64(b, i) ^ P1, seed);
                i += 8;
            }
            (seed, word64(b, n - 8))
        }
    };
    // The length goes above the bits the short cases fill.
    fold(lo ^ P1 ^ ((n as u64) << 40), hi ^ P0) as i64
}

/// The 128-bit product of `a` and `b` with its halves xored: every input
/// bit reaches the low bits, which pick a table slot.
fn fold(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    p as u64 ^ (p >> 64) as u64
}

fn word32(b: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes")))
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

    #[test]
    fn table_hashes_tell_near_texts_apart() {
        // Every length path, and texts differing in one byte anywhere.
        let texts = ["", "a", "ab", "abc", "abcd", "abcdefgh", "abcdefghi", "abcdefghijklmnopq"];
        let mut seen = std::collections::HashSet::new();
        for t in texts {
            assert!(seen.insert(table_hash(t.as_bytes())), "{t:?}");
            for i in 0..t.len() {
                let mut b = t.as_bytes().to_vec();
                b[i] ^= 1;
                assert!(seen.insert(table_hash(&b)), "{t:?} at {i}");
            }
        }
        assert_eq!(table_hash(b"naive"), table_hash("naive".as_bytes()));
    }
}
