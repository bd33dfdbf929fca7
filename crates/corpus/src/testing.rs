//! Helpers shared by the unit tests.

/// `count` texts, each made of up to `most` of `pieces` (fewer for most), drawn by a fixed
/// pseudo-random sequence, `separator` after each piece: the same texts on every run.
pub(crate) fn pseudo_random_texts(
    pieces: &[&str],
    count: usize,
    most: usize,
    separator: &str,
) -> Vec<String> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    (0..count)
        .map(|_| {
            let mut text = String::new();
            for _ in 0..next() % (most + 1) {
                text.push_str(pieces[next() % pieces.len()]);
                text.push_str(separator);
            }
            text
        })
        .collect()
}

/// Holds that `test` says yes to every line of `yes` and no to every line of `no`.
pub(crate) fn assert_sorts(test: fn(&str) -> bool, yes: &[&str], no: &[&str]) {
    for line in yes {
        assert!(test(line), "{line}");
    }
    for line in no {
        assert!(!test(line), "{line}");
    }
}
