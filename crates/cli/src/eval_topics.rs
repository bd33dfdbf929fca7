//! `corpus eval topics DIR`: topic discovery against a folder of labelled articles, one
//! subfolder per label. Each story's main topic (its heaviest) is compared with its folder:
//! normalised mutual information (arithmetic mean normalisation, as scikit-learn's default) and
//! purity, with the wall time of ingest and of topic discovery.

use corpus::Corpus;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

/// The topic scores.
#[derive(Debug, Serialize)]
pub struct TopicScore {
    /// Stories scored (copies count once).
    pub articles: usize,
    /// Distinct folder labels.
    pub labels: usize,
    /// Topics found.
    pub topics: usize,
    /// Normalised mutual information of main topic and label (0–1).
    pub nmi: f64,
    /// Share of stories whose main topic's commonest label is theirs (0–1).
    pub purity: f64,
    /// Seconds to read and clean the files.
    pub ingest_seconds: f64,
    /// Seconds to find the topics.
    pub topic_seconds: f64,
    /// Each topic's label, size and commonest folder.
    pub detail: Vec<String>,
}

fn entropy(counts: impl Iterator<Item = usize>, n: f64) -> f64 {
    counts
        .filter(|&c| c > 0)
        .map(|c| {
            let p = c as f64 / n;
            -p * p.ln()
        })
        .sum()
}

/// NMI and purity of two labelings of the same items.
pub fn nmi_and_purity(clusters: &[usize], labels: &[usize]) -> (f64, f64) {
    let n = clusters.len() as f64;
    if clusters.is_empty() {
        return (0.0, 0.0);
    }
    let mut joint: HashMap<(usize, usize), usize> = HashMap::new();
    let mut by_cluster: HashMap<usize, usize> = HashMap::new();
    let mut by_label: HashMap<usize, usize> = HashMap::new();
    for (&c, &l) in clusters.iter().zip(labels) {
        *joint.entry((c, l)).or_default() += 1;
        *by_cluster.entry(c).or_default() += 1;
        *by_label.entry(l).or_default() += 1;
    }
    let mutual: f64 = joint
        .iter()
        .map(|(&(c, l), &count)| {
            let p = count as f64 / n;
            p * (p / ((by_cluster[&c] as f64 / n) * (by_label[&l] as f64 / n))).ln()
        })
        .sum();
    let (hc, hl) = (
        entropy(by_cluster.values().copied(), n),
        entropy(by_label.values().copied(), n),
    );
    let nmi = if hc + hl == 0.0 {
        1.0
    } else {
        (2.0 * mutual / (hc + hl)).clamp(0.0, 1.0)
    };
    let mut best: HashMap<usize, usize> = HashMap::new();
    for (&(c, _), &count) in &joint {
        let entry = best.entry(c).or_default();
        *entry = (*entry).max(count);
    }
    let purity = best.values().sum::<usize>() as f64 / n;
    (nmi, purity)
}

/// Reads `dir/LABEL/*`, finds topics (`requested` of them, or automatically) and scores them.
/// Where a file of a label's folder goes in the corpus: `label/file`, or, in order `seed`, under a
/// folder named by a hash of the seed and that name, so that the corpus (which reads its files in
/// name order) meets the labels mixed rather than one after another.
fn name_in_order(label: &str, file: &str, order: Option<u64>) -> String {
    let name = format!("{label}/{file}");
    let Some(seed) = order else {
        return name;
    };
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 29;
    format!("{h:016x}/{name}")
}

/// Scores the topics of the labelled folder `dir`; `order` reads its files in another order
/// (see [`name_in_order`]).
pub fn score_topics(
    dir: &Path,
    requested: Option<usize>,
    order: Option<u64>,
) -> Result<TopicScore, String> {
    let mut labels: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot list: {e}", dir.display()))?
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    labels.sort();
    if labels.is_empty() {
        return Err(format!("{}: no label subfolders", dir.display()));
    }
    let started = Instant::now();
    let mut corpus = Corpus::new();
    for label in &labels {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(label))
            .map_err(|e| format!("{label}: cannot list: {e}"))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        for path in files {
            let file = path.file_name().unwrap_or_default().to_string_lossy();
            let name = name_in_order(label, &file, order);
            match std::fs::read(&path) {
                Ok(bytes) => {
                    if let Err(error) = corpus.add_file(&name, &bytes) {
                        eprintln!("corpus: {}: {error}", path.display());
                    }
                }
                Err(error) => eprintln!("corpus: {}: cannot read: {error}", path.display()),
            }
        }
    }
    corpus.finish();
    let ingest_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    corpus.build_topics(requested, |_, _| {});
    let topic_seconds = started.elapsed().as_secs_f64();

    let none = usize::MAX;
    let (mut clusters, mut truth) = (Vec::new(), Vec::new());
    for doc in corpus
        .documents()
        .iter()
        .filter(|d| d.duplicate_of.is_none())
    {
        let label = doc
            .file
            .split('/')
            .nth(usize::from(order.is_some()))
            .unwrap_or("");
        let Some(label) = labels.iter().position(|l| l == label) else {
            continue;
        };
        clusters.push(
            corpus
                .topics_of(doc.id)
                .first()
                .map(|w| w.topic as usize)
                .unwrap_or(none),
        );
        truth.push(label);
    }
    let (nmi, purity) = nmi_and_purity(&clusters, &truth);
    let detail = corpus
        .topics()
        .topics
        .iter()
        .map(|topic| {
            let mut counts: HashMap<usize, usize> = HashMap::new();
            for (&c, &l) in clusters.iter().zip(&truth) {
                if c == topic.id as usize {
                    *counts.entry(l).or_default() += 1;
                }
            }
            let main: usize = counts.values().sum();
            let commonest = counts
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(&l, &c)| format!("{} {c}/{main}", labels[l]))
                .unwrap_or_else(|| "—".into());
            format!(
                "{} ({} stories; main topic of {commonest})",
                topic.label, topic.size
            )
        })
        .collect();
    Ok(TopicScore {
        articles: clusters.len(),
        labels: labels.len(),
        topics: corpus.topics().topics.len(),
        nmi,
        purity,
        ingest_seconds,
        topic_seconds,
        detail,
    })
}

/// The scores as a person reads them.
pub fn topics_report(score: &TopicScore) -> String {
    let mut out = format!(
        "articles        {} in {} labels\ntopics          {}\nNMI             {:.3}\npurity          {:.3}\ntime            {:.2} s ingest, {:.2} s topics\n",
        score.articles, score.labels, score.topics, score.nmi, score.purity, score.ingest_seconds, score.topic_seconds
    );
    for line in &score.detail {
        out.push_str(&format!("  - {line}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nmi_is_one_for_the_same_partition_and_zero_for_an_unrelated_one() {
        let (nmi, purity) = nmi_and_purity(&[0, 0, 1, 1], &[5, 5, 7, 7]);
        assert!((nmi - 1.0).abs() < 1e-9 && (purity - 1.0).abs() < 1e-9);
        let (nmi, purity) = nmi_and_purity(&[0, 1, 0, 1], &[5, 5, 7, 7]);
        assert!(nmi.abs() < 1e-9);
        assert!((purity - 0.5).abs() < 1e-9);
    }
}
