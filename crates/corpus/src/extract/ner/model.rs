//! The weights of the labeller and how a line of tokens is labelled with them: first-order
//! Viterbi over B/I/O tags, and forward-backward for how sure each tag is.

use super::super::entities::EntityKind;

/// Tags: O, then B and I of each kind.
pub(crate) const TAGS: usize = 7;
/// The row of the transition table that stands for the start of a line.
pub(crate) const START: usize = TAGS;

/// The kinds in tag order: tag `1 + 2k` begins kind `k`, tag `2 + 2k` continues it.
pub(crate) const KINDS: [EntityKind; 3] = [EntityKind::Person, EntityKind::Org, EntityKind::Place];

/// The tag that begins `kind`.
pub(crate) fn begin(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 1,
        EntityKind::Org => 3,
        EntityKind::Place => 5,
    }
}

/// Whether tag `tag` continues a name.
pub(crate) fn is_inside(tag: u8) -> bool {
    tag != 0 && tag.is_multiple_of(2)
}

/// The kind a tag other than O stands for.
pub(crate) fn kind_of(tag: u8) -> Option<EntityKind> {
    (tag != 0).then(|| KINDS[usize::from((tag - 1) / 2)])
}

/// Whether tag `to` may follow tag `from` (`START` for the start of a line): an I tag only after
/// the B or I of its own kind.
pub(crate) fn allowed(from: usize, to: usize) -> bool {
    if !is_inside(to as u8) {
        return true;
    }
    from == to || from + 1 == to
}

/// Transition scores: `[from][to]`, `from` = `START` at a line's start.
pub(crate) type Transitions = [[f32; TAGS]; TAGS + 1];

/// The best tag sequence for per-token scores `em` (one row of `TAGS` per token).
pub(crate) fn viterbi(em: &[[f32; TAGS]], trans: &Transitions) -> Vec<u8> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    // Transitions that may not be taken score minus infinity.
    let mut t = *trans;
    for (from, row) in t.iter_mut().enumerate() {
        for (to, v) in row.iter_mut().enumerate() {
            if !allowed(from, to) {
                *v = f32::NEG_INFINITY;
            }
        }
    }
    let mut back = vec![[0u8; TAGS]; n];
    let mut score = [0f32; TAGS];
    for k in 0..TAGS {
        score[k] = t[START][k] + em[0][k];
    }
    for (step, e) in em.iter().enumerate().skip(1) {
        let mut next = [0f32; TAGS];
        for k in 0..TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for j in 0..TAGS {
                let s = score[j] + t[j][k];
                if s > best {
                    best = s;
                    arg = j as u8;
                }
            }
            next[k] = best + e[k];
            back[step][k] = arg;
        }
        score = next;
    }
    let mut last = 0;
    for k in 1..TAGS {
        if score[k] > score[last] {
            last = k;
        }
    }
    let mut tags = vec![0u8; n];
    tags[n - 1] = last as u8;
    for t in (1..n).rev() {
        tags[t - 1] = back[t][usize::from(tags[t])];
    }
    tags
}

/// The probability of each tag at each token, the scores read as log-odds divided by
/// `temperature`: forward-backward in probabilities, each step scaled to sum to one (one `exp`
/// per tag and token; no logarithms).
pub(crate) fn marginals(
    em: &[[f32; TAGS]],
    trans: &Transitions,
    temperature: f32,
) -> Vec<[f32; TAGS]> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let inv = 1.0 / temperature.max(1e-3);
    let mut step = [[0f32; TAGS]; TAGS];
    let mut start = [0f32; TAGS];
    for k in 0..TAGS {
        start[k] = if allowed(START, k) {
            (trans[START][k] * inv).exp()
        } else {
            0.0
        };
        for j in 0..TAGS {
            step[j][k] = if allowed(j, k) {
                (trans[j][k] * inv).exp()
            } else {
                0.0
            };
        }
    }
    // Each token's emissions as odds against its best tag.
    let odds: Vec<[f32; TAGS]> = em
        .iter()
        .map(|e| {
            let max = e.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            e.map(|v| ((v - max) * inv).exp())
        })
        .collect();
    let normalise = |row: &mut [f32; TAGS]| {
        let total: f32 = row.iter().sum();
        let scale = if total > 0.0 { 1.0 / total } else { 0.0 };
        row.iter_mut().for_each(|v| *v *= scale);
        scale
    };
    let mut alpha = vec![[0f32; TAGS]; n];
    let mut scales = vec![0f32; n];
    for k in 0..TAGS {
        alpha[0][k] = start[k] * odds[0][k];
    }
    scales[0] = normalise(&mut alpha[0]);
    for t in 1..n {
        for k in 0..TAGS {
            let into: f32 = (0..TAGS).map(|j| alpha[t - 1][j] * step[j][k]).sum();
            alpha[t][k] = into * odds[t][k];
        }
        scales[t] = normalise(&mut alpha[t]);
    }
    let mut beta = vec![[1f32; TAGS]; n];
    for t in (0..n - 1).rev() {
        for j in 0..TAGS {
            let out: f32 = (0..TAGS)
                .map(|k| step[j][k] * odds[t + 1][k] * beta[t + 1][k])
                .sum();
            beta[t][j] = out * scales[t + 1];
        }
    }
    (0..n)
        .map(|t| {
            let mut p = [0f32; TAGS];
            for k in 0..TAGS {
                p[k] = alpha[t][k] * beta[t][k];
            }
            normalise(&mut p);
            p
        })
        .collect()
}

/// Trained weights, as compiled into the engine.
pub(crate) struct Model {
    /// Feature rows are `bits` wide.
    pub bits: u32,
    /// One row of `TAGS` weights per hashed feature, in units of `scale`, each padded with a
    /// zero to [`ROW`] so that a row never straddles two cache lines and sums in one vector.
    pub weights: Vec<[i16; ROW]>,
    /// What one unit of a weight is worth.
    pub scale: f32,
    /// Transition scores, in score units.
    pub trans: Transitions,
    /// The temperature that turns scores into calibrated probabilities.
    pub temperature: f32,
}

const MAGIC: &[u8; 4] = b"CENR";

/// The width of a row of weights in memory: the tags and a zero.
pub(crate) const ROW: usize = 8;

/// Rows of weights from `TAGS` weights per feature, side by side.
pub(crate) fn padded_rows(flat: &[i16]) -> Vec<[i16; ROW]> {
    flat.chunks_exact(TAGS)
        .map(|tags| {
            let mut row = [0i16; ROW];
            row[..TAGS].copy_from_slice(tags);
            row
        })
        .collect()
}

impl Model {
    /// The per-token scores of the feature rows of each token (`starts` as [`super::features::rows`]
    /// writes them).
    pub fn emissions(&self, rows: &[u32], starts: &[u32]) -> Vec<[f32; TAGS]> {
        let mut out = Vec::with_capacity(starts.len().saturating_sub(1));
        for w in starts.windows(2) {
            let mut sum = [0i32; ROW];
            for &row in &rows[w[0] as usize..w[1] as usize] {
                let weights = &self.weights[row as usize];
                for k in 0..ROW {
                    sum[k] += i32::from(weights[k]);
                }
            }
            let mut e = [0f32; TAGS];
            for k in 0..TAGS {
                e[k] = sum[k] as f32 * self.scale;
            }
            out.push(e);
        }
        out
    }

    /// The model as bytes: magic, bits, scale, temperature, transitions, weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.weights.len() * TAGS * 2 + 512);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.temperature.to_le_bytes());
        for row in &self.trans {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        for w in self.weights.iter().flat_map(|row| &row[..TAGS]) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads what [`Model::to_bytes`] wrote; `None` when the bytes are not a model.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let word = |at: usize| -> Option<[u8; 4]> { rest.get(at..at + 4)?.try_into().ok() };
        let bits = u32::from_le_bytes(word(0)?);
        if !(8..=24).contains(&bits) {
            return None;
        }
        let scale = f32::from_le_bytes(word(4)?);
        let temperature = f32::from_le_bytes(word(8)?);
        let mut trans = [[0f32; TAGS]; TAGS + 1];
        let mut at = 12;
        for row in trans.iter_mut() {
            for v in row.iter_mut() {
                *v = f32::from_le_bytes(word(at)?);
                at += 4;
            }
        }
        let count = (1usize << bits) * TAGS;
        let data = rest.get(at..at + count * 2)?;
        let flat: Vec<i16> = data
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        let weights = padded_rows(&flat);
        Some(Model {
            bits,
            weights,
            scale,
            trans,
            temperature,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_never_continues_a_name_it_did_not_begin() {
        let mut em = vec![[0f32; TAGS]; 3];
        // I-PER scores best everywhere, but may only follow B-PER.
        for e in &mut em {
            e[2] = 5.0;
        }
        em[0][1] = 1.0;
        let trans = [[0f32; TAGS]; TAGS + 1];
        let tags = viterbi(&em, &trans);
        assert_eq!(tags, vec![1, 2, 2]);
        let p = marginals(&em, &trans, 1.0);
        for row in &p {
            let total: f32 = row.iter().sum();
            assert!((total - 1.0).abs() < 1e-3);
        }
        assert_eq!(p[0][2], 0.0);
    }

    /// Forward-backward in log space, the plain way.
    fn marginals_in_logs(
        em: &[[f32; TAGS]],
        trans: &Transitions,
        temperature: f32,
    ) -> Vec<[f32; TAGS]> {
        let lse = |v: &[f32]| {
            let max = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            if max == f32::NEG_INFINITY {
                return max;
            }
            max + v.iter().map(|x| (x - max).exp()).sum::<f32>().ln()
        };
        let n = em.len();
        let inv = 1.0 / temperature;
        let mut alpha = vec![[f32::NEG_INFINITY; TAGS]; n];
        let mut beta = vec![[0f32; TAGS]; n];
        for k in 0..TAGS {
            if allowed(START, k) {
                alpha[0][k] = (trans[START][k] + em[0][k]) * inv;
            }
        }
        let mut terms = [0f32; TAGS];
        for t in 1..n {
            for k in 0..TAGS {
                for j in 0..TAGS {
                    terms[j] = if allowed(j, k) {
                        alpha[t - 1][j] + trans[j][k] * inv
                    } else {
                        f32::NEG_INFINITY
                    };
                }
                alpha[t][k] = lse(&terms) + em[t][k] * inv;
            }
        }
        for t in (0..n - 1).rev() {
            for j in 0..TAGS {
                for k in 0..TAGS {
                    terms[k] = if allowed(j, k) {
                        (trans[j][k] + em[t + 1][k]) * inv + beta[t + 1][k]
                    } else {
                        f32::NEG_INFINITY
                    };
                }
                beta[t][j] = lse(&terms);
            }
        }
        let z = lse(&alpha[n - 1]);
        (0..n)
            .map(|t| std::array::from_fn(|k| (alpha[t][k] + beta[t][k] - z).exp()))
            .collect()
    }

    #[test]
    fn scaled_marginals_agree_with_the_log_space_ones() {
        let mut seed = 7u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            (seed % 2000) as f32 / 100.0 - 10.0
        };
        let em: Vec<[f32; TAGS]> = (0..40)
            .map(|_| std::array::from_fn(|_| next() * 5.0))
            .collect();
        let mut trans = [[0f32; TAGS]; TAGS + 1];
        for row in &mut trans {
            for v in row.iter_mut() {
                *v = next();
            }
        }
        for temperature in [1.0, 21.9] {
            let fast = marginals(&em, &trans, temperature);
            let slow = marginals_in_logs(&em, &trans, temperature);
            for (a, b) in fast.iter().zip(&slow) {
                for k in 0..TAGS {
                    assert!((a[k] - b[k]).abs() < 1e-3, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn a_model_reads_back_what_it_wrote() {
        let model = Model {
            bits: 8,
            weights: padded_rows(
                &(0..256 * TAGS)
                    .map(|i| (i % 300) as i16 - 150)
                    .collect::<Vec<_>>(),
            ),
            scale: 0.5,
            trans: [[0.25; TAGS]; TAGS + 1],
            temperature: 2.0,
        };
        let back = Model::from_bytes(&model.to_bytes()).expect("a model");
        assert_eq!(back.weights, model.weights);
        assert_eq!(back.trans, model.trans);
        assert_eq!(back.scale, 0.5);
        assert!(Model::from_bytes(b"not a model").is_none());
    }
}
