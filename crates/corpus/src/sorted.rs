//! Merges of sorted, distinct slices, shared by search, duplicate detection and topics.

use std::cmp::Ordering;

/// Walks two sorted slices together, calling `both` for every element they share.
fn merge<T: Ord>(a: &[T], b: &[T], mut both: impl FnMut(&T)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                both(&a[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// How many elements two sorted, distinct slices share.
pub(crate) fn overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let mut shared = 0;
    merge(a, b, |_| shared += 1);
    shared
}

/// The elements two sorted, distinct slices share, in order.
pub(crate) fn intersection<T: Ord + Copy>(a: &[T], b: &[T]) -> Vec<T> {
    let mut out = Vec::new();
    merge(a, b, |x| out.push(*x));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn shared_elements() {
        assert_eq!(super::overlap(&[1, 3, 5, 7], &[3, 4, 5]), 2);
        assert_eq!(super::intersection(&[1, 3, 5, 7], &[3, 4, 5]), [3, 5]);
        assert!(super::intersection::<u32>(&[], &[1]).is_empty());
    }
}
