//! Keys of duplicate groups: the 64-bit key the index stores for each
//! article's group, and the hasher that sets of such keys use.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// The 64-bit key of a group id, as the index stores it in its `group_key`
/// fast field.
pub fn group_key(group: &str) -> u64 {
    let hash = blake3::hash(group.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&hash.as_bytes()[..8]);
    u64::from_le_bytes(bytes)
}

/// Hashes a group key (already a hash: blake3's first 8 bytes) by a
/// multiplication that spreads it over the high bits hashbrown reads. Counting
/// groups inserts every match into a set, so this costs per match at 1M
/// articles (SipHash took about three times as long).
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A set of group keys.
pub type KeySet = HashSet<u64, BuildHasherDefault<KeyHasher>>;
