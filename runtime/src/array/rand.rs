//! Keys for `np.random`: the compiler draws one 64-bit key per random
//! array (or scalar) and hashes it with each element's global index, so
//! values do not depend on the number of ranks. Keys are a splitmix64
//! stream over a counter from the base seed: every rank computes the same
//! sequence without communicating, and `np.random.seed(s)` restarts it.

use std::sync::atomic::{AtomicU64, Ordering};

/// Base seed before any `np.random.seed` call (fixed, so runs repeat).
const DEFAULT_SEED: u64 = 0x5eed_b0d0_2024_0001;
/// splitmix64's increment (the golden ratio in 64 bits).
const GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

static BASE: AtomicU64 = AtomicU64::new(DEFAULT_SEED);
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// splitmix64's output function.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The next key of the stream.
pub fn rand_key() -> i64 {
    let k = COUNTER.fetch_add(1, Ordering::Relaxed).wrapping_add(1);
    mix(BASE.load(Ordering::Relaxed).wrapping_add(k.wrapping_mul(GAMMA))) as i64
}

/// `np.random.seed(seed)`: restarts the key stream from `seed`.
pub fn rand_seed(seed: i64) {
    BASE.store(seed as u64, Ordering::Relaxed);
    COUNTER.store(0, Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeding_restarts_the_stream() {
        rand_seed(42);
        let (a, b) = (rand_key(), rand_key());
        assert_ne!(a, b);
        rand_seed(42);
        assert_eq!((rand_key(), rand_key()), (a, b));
        rand_seed(43);
        assert_ne!(rand_key(), a);
    }
}
