//! Snowball stemmers (rust-stemmers) behind a per-thread stem cache,
//! shared by the languages that use one.

/// A Snowball stemmer whose stems are remembered per thread.
///
/// Snowball Arabic is slow (its `find_among` tables took a quarter of the
/// CPU of indexing ant-multisource-ar), and news vocabulary repeats: each
/// thread keeps a direct-mapped cache of 65,536 words and their stems per
/// algorithm (4 MB, words of up to 30 bytes), a slot overwritten on
/// collision.
pub(crate) struct Snowball {
    stemmer: rust_stemmers::Stemmer,
    tag: usize,
}

impl Snowball {
    pub(crate) fn new(algorithm: rust_stemmers::Algorithm) -> Self {
        Snowball {
            stemmer: rust_stemmers::Stemmer::create(algorithm),
            tag: algorithm as usize,
        }
    }

    /// The stem of `word`, without the cache.
    #[cfg(test)]
    pub(crate) fn stem_uncached<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        self.stemmer.stem(word)
    }
}

/// Slots of a thread's stem cache, per algorithm.
const STEM_CACHE_SLOTS: usize = 1 << 16;
/// Longest word (and stem) kept in the cache, in bytes.
const STEM_CACHE_BYTES: usize = 30;

/// One slot of the direct-mapped stem cache: the word and its stem inline,
/// so a lookup is one memory access and no allocation.
#[derive(Clone, Copy)]
struct StemSlot {
    word_len: u8,
    stem_len: u8,
    word: [u8; STEM_CACHE_BYTES],
    stem: [u8; STEM_CACHE_BYTES],
}

const EMPTY_SLOT: StemSlot = StemSlot {
    word_len: u8::MAX,
    stem_len: 0,
    word: [0; STEM_CACHE_BYTES],
    stem: [0; STEM_CACHE_BYTES],
};

fn slot_of(word: &[u8]) -> usize {
    const M: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = word.len() as u64;
    for c in word.chunks(8) {
        let mut v = 0u64;
        for (i, &b) in c.iter().enumerate() {
            v |= u64::from(b) << (8 * i);
        }
        h = (h.rotate_left(5) ^ v).wrapping_mul(M);
    }
    (h >> 48) as usize % STEM_CACHE_SLOTS
}

thread_local! {
    static STEMS: std::cell::RefCell<Vec<Vec<StemSlot>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Replaces `out` by its Snowball stem.
pub(crate) fn snowball_in_place(out: &mut String, stemmer: &Snowball) {
    if out.len() > STEM_CACHE_BYTES {
        let stem = stemmer.stemmer.stem(out).into_owned();
        *out = stem;
        return;
    }
    STEMS.with(|cell| {
        let mut caches = cell.borrow_mut();
        if caches.len() <= stemmer.tag {
            caches.resize_with(stemmer.tag + 1, Vec::new);
        }
        let cache = &mut caches[stemmer.tag];
        if cache.is_empty() {
            cache.resize(STEM_CACHE_SLOTS, EMPTY_SLOT);
        }
        let word = out.as_bytes();
        let slot = &mut cache[slot_of(word)];
        if usize::from(slot.word_len) == word.len() && &slot.word[..word.len()] == word {
            if let Ok(stem) = std::str::from_utf8(&slot.stem[..usize::from(slot.stem_len)]) {
                out.clear();
                out.push_str(stem);
                return;
            }
        }
        let stem = stemmer.stemmer.stem(out).into_owned();
        if stem.len() <= STEM_CACHE_BYTES {
            let word = out.as_bytes();
            slot.word_len = word.len() as u8;
            slot.word[..word.len()].copy_from_slice(word);
            slot.stem_len = stem.len() as u8;
            slot.stem[..stem.len()].copy_from_slice(stem.as_bytes());
        }
        *out = stem;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_snowball_stems_equal_uncached_ones() {
        use rust_stemmers::Algorithm;
        let words = [
            (Algorithm::Arabic, "والمغرب"),
            (Algorithm::Arabic, "المغربية"),
            (Algorithm::Arabic, "الاتفاقيات"),
            (Algorithm::French, "protocoles"),
            (Algorithm::French, "marocaines"),
            (Algorithm::Spanish, "negociaciones"),
        ];
        for _round in 0..2 {
            // The second round is answered by the cache.
            for (algorithm, word) in words {
                let s = Snowball::new(algorithm);
                let mut out = word.to_string();
                snowball_in_place(&mut out, &s);
                assert_eq!(out, s.stem_uncached(word), "{word}");
            }
        }
        // One word, two algorithms: each has its own cache.
        let (mut fr, mut es) = ("nacional".to_string(), "nacional".to_string());
        snowball_in_place(&mut fr, &Snowball::new(Algorithm::French));
        snowball_in_place(&mut es, &Snowball::new(Algorithm::Spanish));
        assert_eq!(
            fr,
            Snowball::new(Algorithm::French).stem_uncached("nacional")
        );
        assert_eq!(
            es,
            Snowball::new(Algorithm::Spanish).stem_uncached("nacional")
        );
    }
}
