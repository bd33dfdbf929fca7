//! Non-negative matrix factorisation X ≈ W·H of a sparse document-term matrix, by hierarchical
//! alternating least squares (HALS), which converges in a few dozen sweeps.
//!
//! Initialisation is deterministic: the topic seeds are documents chosen by farthest-point
//! traversal (the most typical document first, then each time the document least like every seed
//! so far), so the same corpus always gives the same topics, with no random numbers.

/// A sparse matrix by rows: for each row, (column, value) pairs.
#[derive(Debug, Clone, Default)]
pub struct Sparse {
    /// The rows.
    pub rows: Vec<Vec<(u32, f64)>>,
    /// How many columns.
    pub columns: usize,
}

/// The factors: `w` is rows × k (a document's weight on each topic), `h` is k × columns (a
/// topic's weight on each term).
#[derive(Debug, Clone)]
pub struct Factors {
    /// Document-topic weights.
    pub w: Vec<Vec<f64>>,
    /// Topic-term weights.
    pub h: Vec<Vec<f64>>,
}

const FLOOR: f64 = 1e-12;
/// A sweep that changes the document weights by less than this share of their sum ends the
/// factorisation early.
const CONVERGED: f64 = 1e-4;

fn dot_sparse_dense(row: &[(u32, f64)], dense: &[f64]) -> f64 {
    row.iter().map(|&(c, v)| v * dense[c as usize]).sum()
}

fn dot_sparse(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Seeds: the row most like the mean row, then each time the row whose greatest similarity to
/// the seeds so far is least. Rows are expected to be L2-normalised.
fn seeds(x: &Sparse, k: usize) -> Vec<usize> {
    let n = x.rows.len();
    let mut mean = vec![0.0; x.columns];
    for row in &x.rows {
        for &(c, v) in row {
            mean[c as usize] += v;
        }
    }
    let first = (0..n)
        .max_by(|&a, &b| {
            let (sa, sb) = (
                dot_sparse_dense(&x.rows[a], &mean),
                dot_sparse_dense(&x.rows[b], &mean),
            );
            sa.partial_cmp(&sb)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.cmp(&a))
        })
        .unwrap_or(0);
    let mut chosen = vec![first];
    let mut closest: Vec<f64> = (0..n)
        .map(|d| dot_sparse(&x.rows[d], &x.rows[first]))
        .collect();
    while chosen.len() < k.min(n) {
        let next = (0..n).filter(|d| !chosen.contains(d)).min_by(|&a, &b| {
            closest[a]
                .partial_cmp(&closest[b])
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.cmp(&b))
        });
        let Some(next) = next else { break };
        chosen.push(next);
        for (best, row) in closest.iter_mut().zip(&x.rows) {
            *best = best.max(dot_sparse(row, &x.rows[next]));
        }
    }
    chosen
}

/// One document's row of X, its weights being updated, and how much they moved and sum to.
type RowUpdate<'a> = (&'a Vec<(u32, f64)>, &'a mut Vec<f64>, (f64, f64));

/// Calls `$f::<K>(…)` with K the number of topics `$k` when it is one of those usually asked for
/// (the automatic choice and the page's menu), so that the loops over one term's or one
/// document's k weights are compiled for that k and unrolled; `$f::<0>(…)` reads k at run time.
/// Either way the sums are the same, made in the same order.
macro_rules! for_k {
    ($k:expr, $f:ident ( $($arg:expr),* )) => {
        match $k {
            2 => $f::<2>($($arg),*),
            3 => $f::<3>($($arg),*),
            4 => $f::<4>($($arg),*),
            5 => $f::<5>($($arg),*),
            6 => $f::<6>($($arg),*),
            7 => $f::<7>($($arg),*),
            8 => $f::<8>($($arg),*),
            9 => $f::<9>($($arg),*),
            10 => $f::<10>($($arg),*),
            11 => $f::<11>($($arg),*),
            12 => $f::<12>($($arg),*),
            _ => $f::<0>($($arg),*),
        }
    };
}

/// A document's row of X times Hᵀ, H kept by term (`h[t * k + j]`): its weight on each topic's
/// terms.
fn row_times(row: &[(u32, f64)], h: &[f64], k: usize) -> Vec<f64> {
    for_k!(k, row_times_for(row, h, k))
}

/// [`row_times`] for `K` topics (`k`, when `K` is 0): for a known `K` the sums are made in an
/// array of that length, held in registers.
fn row_times_for<const K: usize>(row: &[(u32, f64)], h: &[f64], k: usize) -> Vec<f64> {
    if K == 0 {
        let mut b = vec![0.0; k];
        add_row_times(&mut b, row, h);
        return b;
    }
    let mut b = [0.0; K];
    add_row_times(&mut b, row, h);
    b.to_vec()
}

/// `b` += a document's row of X times Hᵀ (H kept by term, `b.len()` topics).
#[inline(always)]
fn add_row_times(b: &mut [f64], row: &[(u32, f64)], h: &[f64]) {
    let k = b.len();
    for &(c, value) in row {
        let ht = &h[c as usize * k..(c as usize + 1) * k];
        for (bj, &hj) in b.iter_mut().zip(ht) {
            *bj += value * hj;
        }
    }
}

/// A += the document's weights `wd` times each value of its row of X (A kept by term).
fn add_document<const K: usize>(a: &mut [f64], row: &[(u32, f64)], wd: &[f64], k: usize) {
    let k = if K == 0 { k } else { K };
    let wd = &wd[..k];
    for &(c, value) in row {
        let at = &mut a[c as usize * k..(c as usize + 1) * k];
        for (atj, &wdj) in at.iter_mut().zip(wd) {
            *atj += wdj * value;
        }
    }
}

/// F = HHᵀ (k × k, by row) from H kept by term: the upper triangle summed term by term, the
/// lower one its mirror.
fn term_products<const K: usize>(h: &[f64], k: usize) -> Vec<f64> {
    let k = if K == 0 { k } else { K };
    let mut f = vec![0.0; k * k];
    for ht in h.chunks_exact(k) {
        for j in 0..k {
            let hj = ht[j];
            for (fjl, &hl) in f[j * k + j..(j + 1) * k].iter_mut().zip(&ht[j..]) {
                *fjl += hj * hl;
            }
        }
    }
    for j in 1..k {
        for l in 0..j {
            f[j * k + l] = f[l * k + j];
        }
    }
    f
}

/// One HALS update of a document's weights `wd` given H (by term) and F = HHᵀ (by row): how
/// much they moved, and what they sum to after.
fn update_document<const K: usize>(
    row: &[(u32, f64)],
    wd: &mut [f64],
    h: &[f64],
    f: &[f64],
    k: usize,
) -> (f64, f64) {
    let k = if K == 0 { k } else { K };
    let b = row_times_for::<K>(row, h, k);
    let mut change = (0.0, 0.0);
    for j in 0..k {
        let fjj = f[j * k + j];
        if fjj <= FLOOR {
            continue;
        }
        let predicted: f64 = (0..k).map(|l| wd[l] * f[l * k + j]).sum();
        let updated = (wd[j] + (b[j] - predicted) / fjj).max(FLOOR);
        change.0 += (updated - wd[j]).abs();
        change.1 += updated;
        wd[j] = updated;
    }
    change
}

/// How many terms' weights are updated side by side.
const TERMS_AT_ONCE: usize = 4;

/// One HALS update of the weights of `M` terms side by side (`ht`: each term's `k` weights, one
/// term after another; `at`: their columns of A), given G = WᵀW. A term's update is a chain of
/// sums and a division, each waiting on the last; the terms' chains are independent, so `M` of
/// them run at once. Each term's sums are made in the same order as alone.
fn update_terms<const M: usize>(ht: &mut [f64], at: &[f64], g: &[Vec<f64>], k: usize) {
    for (j, gj) in g.iter().enumerate() {
        if gj[j] <= FLOOR {
            continue;
        }
        let mut predicted = [0.0f64; M];
        for (l, &gjl) in gj.iter().enumerate() {
            for (q, p) in predicted.iter_mut().enumerate() {
                *p += gjl * ht[q * k + l];
            }
        }
        for (q, p) in predicted.iter().enumerate() {
            let weight = &mut ht[q * k + j];
            *weight = (*weight + (at[q * k + j] - p) / gj[j]).max(FLOOR);
        }
    }
}

/// Factorises `x` into `k` topics with at most `sweeps` HALS sweeps (fewer once converged). Never
/// panics; an empty matrix gives empty factors.
///
/// H is kept by term while it is worked on (each term's k weights side by side), so every inner
/// loop runs over the k topics of one term in memory order; the sums are made in the same order
/// as over H by topic, so the factors are the same.
pub fn factorise(x: &Sparse, k: usize, sweeps: usize) -> Factors {
    let n = x.rows.len();
    let v = x.columns;
    let k = k.max(1);
    if n == 0 {
        return Factors {
            w: Vec::new(),
            h: vec![vec![0.0; v]; k],
        };
    }
    let mut h = vec![FLOOR; v * k];
    for (j, &seed) in seeds(x, k).iter().enumerate() {
        for &(c, value) in &x.rows[seed] {
            h[c as usize * k + j] = value.max(FLOOR);
        }
    }
    let mut w: Vec<Vec<f64>> = x
        .rows
        .iter()
        .map(|row| {
            row_times(row, &h, k)
                .into_iter()
                .map(|b| b.max(FLOOR))
                .collect()
        })
        .collect();
    let mut a = vec![0.0; v * k];
    for _ in 0..sweeps {
        // H given W: A = WᵀX (by term), G = WᵀW (k × k).
        a.iter_mut().for_each(|x| *x = 0.0);
        let mut g = vec![vec![0.0; k]; k];
        for (row, wd) in x.rows.iter().zip(&w) {
            // (Every weight is at least FLOOR: none is skipped as zero.)
            for_k!(k, add_document(&mut a, row, wd, k));
            for (gj, &wdj) in g.iter_mut().zip(wd) {
                for (gjl, &wdl) in gj.iter_mut().zip(wd) {
                    *gjl += wdj * wdl;
                }
            }
        }
        // Each term's weights depend only on that term's column of A: term by term, topic by
        // topic, as HALS updates each topic's row in turn.
        for (hs, as_) in h
            .chunks_mut(TERMS_AT_ONCE * k)
            .zip(a.chunks(TERMS_AT_ONCE * k))
        {
            if hs.len() == TERMS_AT_ONCE * k {
                update_terms::<TERMS_AT_ONCE>(hs, as_, &g, k);
            } else {
                for (ht, at) in hs.chunks_exact_mut(k).zip(as_.chunks_exact(k)) {
                    update_terms::<1>(ht, at, &g, k);
                }
            }
        }
        // W given H: B = XHᵀ (n × k), F = HHᵀ (k × k, by row).
        let f = for_k!(k, term_products(&h, k));
        // Each document's weights are updated on their own (on every core natively); what moved
        // is summed after, in document order, so the sum is the same however many threads ran.
        let mut rows: Vec<RowUpdate<'_>> = x
            .rows
            .iter()
            .zip(w.iter_mut())
            .map(|(row, wd)| (row, wd, (0.0, 0.0)))
            .collect();
        crate::par::for_each_mut(&mut rows, |(row, wd, change)| {
            *change = for_k!(k, update_document(row, wd, &h, &f, k));
        });
        let (moved, size) = rows
            .iter()
            .fold((0.0, 0.0), |(m, s), r| (m + r.2 .0, s + r.2 .1));
        // Converged: the document weights hardly move any more.
        if size > 0.0 && moved / size < CONVERGED {
            break;
        }
    }
    // Back to H by topic.
    let mut by_topic = vec![vec![0.0; v]; k];
    for (t, ht) in h.chunks_exact(k).enumerate() {
        for (j, &value) in ht.iter().enumerate() {
            by_topic[j][t] = value;
        }
    }
    Factors { w, h: by_topic }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loops_compiled_for_a_number_of_topics_sum_as_the_general_ones() {
        let k = 5;
        let mut seed = 11u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            f64::from(seed % 1000) / 997.0 + 1e-3
        };
        let terms = 9;
        let h: Vec<f64> = (0..terms * k).map(|_| next()).collect();
        let row: Vec<(u32, f64)> = [0u32, 2, 3, 7, 8].iter().map(|&c| (c, next())).collect();
        assert_eq!(
            row_times_for::<5>(&row, &h, k),
            row_times_for::<0>(&row, &h, k)
        );
        let f = term_products::<5>(&h, k);
        assert_eq!(f, term_products::<0>(&h, k));
        let wd: Vec<f64> = (0..k).map(|_| next()).collect();
        let (mut fast, mut general) = (wd.clone(), wd);
        assert_eq!(
            update_document::<5>(&row, &mut fast, &h, &f, k),
            update_document::<0>(&row, &mut general, &h, &f, k)
        );
        assert_eq!(fast, general);
        let (mut fast, mut general) = (vec![0.0; terms * k], vec![0.0; terms * k]);
        add_document::<5>(&mut fast, &row, &document_weights(k), k);
        add_document::<0>(&mut general, &row, &document_weights(k), k);
        assert_eq!(fast, general);
        // Four terms' weights updated side by side, as each alone.
        let g: Vec<Vec<f64>> = (0..k).map(|_| (0..k).map(|_| next()).collect()).collect();
        let a: Vec<f64> = (0..4 * k).map(|_| next()).collect();
        let mut together = h[..4 * k].to_vec();
        update_terms::<4>(&mut together, &a, &g, k);
        let mut alone = h[..4 * k].to_vec();
        for (ht, at) in alone.chunks_exact_mut(k).zip(a.chunks_exact(k)) {
            update_terms::<1>(ht, at, &g, k);
        }
        assert_eq!(together, alone);
    }

    fn document_weights(k: usize) -> Vec<f64> {
        (0..k).map(|j| 0.5 + j as f64 / 7.0).collect()
    }

    #[test]
    fn two_clear_groups_come_apart() {
        // Terms 0-2 belong to one subject, 3-5 to another.
        let row = |cols: &[u32]| -> Vec<(u32, f64)> {
            let v = 1.0 / (cols.len() as f64).sqrt();
            cols.iter().map(|&c| (c, v)).collect()
        };
        let x = Sparse {
            rows: vec![
                row(&[0, 1, 2]),
                row(&[0, 1]),
                row(&[1, 2]),
                row(&[3, 4, 5]),
                row(&[4, 5]),
                row(&[3, 5]),
            ],
            columns: 6,
        };
        let f = factorise(&x, 2, 50);
        let main: Vec<usize> =
            f.w.iter()
                .map(|w| if w[0] >= w[1] { 0 } else { 1 })
                .collect();
        assert_eq!(main[0], main[1]);
        assert_eq!(main[1], main[2]);
        assert_eq!(main[3], main[4]);
        assert_eq!(main[4], main[5]);
        assert_ne!(main[0], main[3]);
        let again = factorise(&x, 2, 50);
        assert_eq!(f.w, again.w, "deterministic");
    }

    #[test]
    fn empty_input_gives_empty_factors() {
        let f = factorise(&Sparse::default(), 3, 10);
        assert!(f.w.is_empty());
    }
}
