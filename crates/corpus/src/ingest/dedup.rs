//! Duplicate and near-duplicate stories.
//!
//! Each article's body becomes a set of shingles: hashes of every run of [`SHINGLE_WORDS`]
//! lower-cased words. Two articles are copies of one story when the Jaccard similarity of their
//! shingle sets is at least [`SIMILARITY`] (0.8): the same story with a changed paragraph or
//! a different footer still matches, two stories on one subject do not.
//!
//! To stay fast on tens of thousands of articles, candidates come from MinHash signatures
//! ([`HASHES`] hash functions) split into [`BANDS`] bands: two articles are compared only when one
//! band is identical (for a similarity of 0.8 that misses a pair less than once in 5,000). Every
//! candidate pair is then checked on the exact shingle sets, so no false pair gets through.
//! The earliest article in corpus order is the canonical copy. Hashes are fixed (FNV-1a and
//! SplitMix64), so the result is the same on every machine.

use std::collections::{HashMap, HashSet};

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// The Jaccard similarity from which two articles are one story.
pub const SIMILARITY: f64 = 0.8;
/// MinHash functions per signature.
pub const HASHES: usize = 64;
/// LSH bands (each of `HASHES / BANDS` rows).
pub const BANDS: usize = 16;
/// Distinct stories per LSH bucket that a new member is compared with.
const REPRESENTATIVES: usize = 8;

fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325 ^ seed;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// [`fnv1a`] of the lower-cased bytes, for ASCII text, without building the lower-cased copy.
fn fnv1a_lower_ascii(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte.to_ascii_lowercase());
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The sorted, distinct shingle hashes of a text (one shingle for texts shorter than a shingle).
pub fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.is_ascii() {
                fnv1a_lower_ascii(w.as_bytes())
            } else {
                fnv1a(w.to_lowercase().as_bytes(), 0)
            }
        })
        .collect();
    let mut out: Vec<u64> = if words.len() < SHINGLE_WORDS {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![words.iter().fold(0, |acc, &w| splitmix(acc ^ w))]
        }
    } else {
        words
            .windows(SHINGLE_WORDS)
            .map(|window| window.iter().fold(0, |acc, &w| splitmix(acc ^ w)))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// The Jaccard similarity of two sorted sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let shared = crate::sorted::overlap(a, b);
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// MinHash signature. Shingles are already well mixed hashes, so the k-th hash function is a
/// cheap xor-multiply with fixed odd constants rather than a full mix.
fn signature(shingles: &[u64]) -> [u64; HASHES] {
    let mut keys = [(0u64, 0u64); HASHES];
    for (k, key) in keys.iter_mut().enumerate() {
        *key = (splitmix(k as u64), splitmix(!(k as u64)) | 1);
    }
    let mut signature = [u64::MAX; HASHES];
    for &shingle in shingles {
        for (slot, &(xor, multiply)) in signature.iter_mut().zip(&keys) {
            let hash = (shingle ^ xor).wrapping_mul(multiply);
            if hash < *slot {
                *slot = hash;
            }
        }
    }
    signature
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// For each text, the index of the earliest text it is a copy of, or None when it is the first
/// (or only) telling of its story. Empty texts are never duplicates.
pub fn find_duplicates<S: AsRef<str> + Sync>(texts: &[S]) -> Vec<Option<usize>> {
    let rows = HASHES / BANDS;
    // Each article's band keys (on every core natively); its shingles are dropped once signed
    // and read again only for an article that shares a band with another.
    let bands: Vec<Option<[u64; BANDS]>> = crate::par::map(texts, |text| {
        let set = shingles(text.as_ref());
        if set.is_empty() {
            return None;
        }
        let signature = signature(&set);
        let mut keys = [0u64; BANDS];
        for (band, key) in keys.iter_mut().enumerate() {
            *key = signature[band * rows..(band + 1) * rows]
                .iter()
                .fold(band as u64, |acc, &h| splitmix(acc ^ h));
        }
        Some(keys)
    });
    // (band, key, article), sorted: a bucket is a run of one (band, key), its members in order.
    let mut keys: Vec<(usize, u64, usize)> = Vec::with_capacity(texts.len() * BANDS);
    for (index, article) in bands.iter().enumerate() {
        if let Some(article) = article {
            keys.extend(
                article
                    .iter()
                    .enumerate()
                    .map(|(band, &key)| (band, key, index)),
            );
        }
    }
    drop(bands);
    keys.sort_unstable();
    let mut sets: HashMap<usize, Vec<u64>> = HashMap::new();
    let mut similarity = |a: usize, b: usize| -> f64 {
        for index in [a, b] {
            sets.entry(index)
                .or_insert_with(|| shingles(texts[index].as_ref()));
        }
        jaccard(&sets[&a], &sets[&b])
    };
    let mut parent: Vec<usize> = (0..texts.len()).collect();
    let mut checked: HashSet<(usize, usize)> = HashSet::new();
    for bucket in keys.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        if bucket.len() < 2 {
            continue;
        }
        // Each member is compared with the stories already seen in its bucket (at most
        // REPRESENTATIVES of them), not with every member: a bucket of a thousand copies of one
        // story costs a thousand comparisons, not half a million.
        let mut representatives: Vec<usize> = Vec::new();
        for member in bucket.iter().map(|&(_, _, member)| member) {
            let member_root = root(&mut parent, member);
            let mut joined = false;
            for &other in &representatives {
                let other_root = root(&mut parent, other);
                if other_root == member_root {
                    joined = true;
                    break;
                }
                if checked.insert((other, member)) && similarity(other, member) >= SIMILARITY {
                    // The earliest article stays the root, so it is the canonical copy.
                    let (keep, join) = if other_root < member_root {
                        (other_root, member_root)
                    } else {
                        (member_root, other_root)
                    };
                    parent[join] = keep;
                    joined = true;
                    break;
                }
            }
            if !joined && representatives.len() < REPRESENTATIVES {
                representatives.push(member);
            }
        }
    }
    (0..texts.len())
        .map(|i| {
            let r = root(&mut parent, i);
            (r != i).then_some(r)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The council approved the new bridge on Monday after a long debate. Work starts in spring, the mayor said, and the bridge should open in two years. Critics say the cost is too high and the river crossing will bring more traffic into the old town.";

    #[test]
    fn copies_and_near_copies_join_the_earliest() {
        let near = format!("{STORY} The mayor declined to comment.");
        let other = "Firefighters from Romania and Bulgaria arrived in Greece on Saturday to help with the wildfire season, the ministry said in a statement on its website.";
        let found = find_duplicates(&[STORY, other, STORY, near.as_str(), ""]);
        assert_eq!(found, [None, None, Some(0), Some(0), None]);
    }

    #[test]
    fn a_story_on_the_same_subject_is_not_a_copy() {
        let follow_up = "The council approved the new bridge on Monday. Opponents said on Tuesday they would go to court to stop the work, which is planned for spring, and a petition has gathered thousands of names.";
        assert_eq!(find_duplicates(&[STORY, follow_up]), [None, None]);
        assert!(jaccard(&shingles(STORY), &shingles(follow_up)) < SIMILARITY);
    }
}
