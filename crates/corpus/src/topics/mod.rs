//! Topics: what the corpus is about, found from the text, named, and usable as a filter.
//!
//! Over the distinct stories (copies of a story count once), [`discover`]:
//! 1. turns each article into [`terms`]: lower-cased words without stop words, plurals folded,
//!    and runs of capitalised words kept as one term ("Coordination Framework");
//! 2. keeps terms found in at least 2 articles (1 in a corpus of fewer than 5) and at most 90% of
//!    them, the [`MAX_TERMS`] most widespread, and weighs them by TF-IDF (sublinear term
//!    frequency, smoothed inverse document frequency, each article's vector of length 1);
//! 3. factorises the article-term matrix by [`nmf`] into k topics. Unless the user sets k, it is
//!    chosen among 2..=[`max_topics`] as the one whose topics are most coherent: the mean NPMI of
//!    the document co-occurrence of each topic's top 10 terms, measured on an even sample of at
//!    most [`SELECTION_SAMPLE`] stories;
//! 4. names each topic by its three most distinctive terms (weight in the topic times the share
//!    of the term's weight in that topic) in their usual spelling ("militias · Iraq · Sudani"),
//!    and puts an article in every topic that holds at least [`MEMBERSHIP_SHARE`] of its weight,
//!    so an article can sit in two topics.
//!
//! Everything is deterministic: the same articles always give the same topics.

pub mod nmf;
pub mod terms;

use crate::extract::gazetteer::HashMap;
use crate::{DocId, Document};
use serde::{Deserialize, Serialize};

/// A topic's number within one model.
pub type TopicId = u32;

/// The share of an article's topic weight from which it belongs to a topic.
pub const MEMBERSHIP_SHARE: f64 = 0.25;
/// The most terms the model keeps (the most widespread ones).
pub const MAX_TERMS: usize = 6000;
const SELECTION_SWEEPS: usize = 20;
/// How many terms a topic keeps to be named by.
const LABEL_TERMS: usize = 8;
const FINAL_SWEEPS: usize = 50;
/// The number of topics is chosen on at most this many stories (every n-th, so the sample is
/// the same each time); the final topics are then found on all of them.
pub const SELECTION_SAMPLE: usize = 1000;

/// One topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// Its number.
    pub id: TopicId,
    /// Its name: the three heaviest terms, or the user's name for it.
    pub label: String,
    /// How many distinct stories belong to it.
    pub size: usize,
    /// Its heaviest terms, in their usual spelling.
    pub top_terms: Vec<String>,
    /// The stories most in it, best first.
    pub top_documents: Vec<DocId>,
}

/// An article's weight in a topic (its share of the article's topic weight, 0–1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TopicWeight {
    /// The topic.
    pub topic: TopicId,
    /// The share.
    pub weight: f32,
}

/// The topics of a corpus and which articles belong to them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicModel {
    /// The topics.
    pub topics: Vec<Topic>,
    /// For each document (by id; copies share their canonical's), the topics it belongs to,
    /// heaviest first.
    pub memberships: Vec<Vec<TopicWeight>>,
    /// Whether k was chosen from the data (false: the user set it).
    pub automatic: bool,
    /// The coherence of each k tried, for the record.
    pub coherence: Vec<(usize, f64)>,
}

/// The largest number of topics tried automatically for `n` stories.
pub fn max_topics(n: usize) -> usize {
    (((n as f64).sqrt() * 1.5) as usize).clamp(2, 12)
}

struct Matrix {
    x: nmf::Sparse,
    /// Each article's term counts, all terms (also those too rare for the matrix).
    counts: Vec<HashMap<String, usize>>,
    /// In how many articles each term occurs, all terms.
    df: HashMap<String, usize>,
    /// For each column, the rows (articles) that contain it.
    postings: Vec<Vec<u32>>,
    surfaces: HashMap<String, String>,
}

fn matrix(texts: &[String]) -> Matrix {
    let n = texts.len();
    let mut counts: Vec<HashMap<String, usize>> = Vec::with_capacity(n);
    let mut df: HashMap<String, usize> = HashMap::default();
    let mut forms: HashMap<String, HashMap<String, usize>> = HashMap::default();
    // Reading the words is each text's own work (on every core natively); counting them is not.
    let read: Vec<Vec<(String, String)>> = crate::par::map(texts, |text| terms::terms(text));
    for found in read {
        let mut tf: HashMap<String, usize> = HashMap::default();
        for (term, surface) in found {
            *forms
                .entry(term.clone())
                .or_default()
                .entry(surface)
                .or_default() += 1;
            *tf.entry(term).or_default() += 1;
        }
        for term in tf.keys() {
            *df.entry(term.clone()).or_default() += 1;
        }
        counts.push(tf);
    }
    let min_df = if n < 5 { 1 } else { 2 };
    let max_df = ((n as f64 * 0.9).floor() as usize).max(min_df);
    let mut kept: Vec<(String, usize)> = df
        .iter()
        .filter(|&(_, &d)| d >= min_df && d <= max_df)
        .map(|(term, &d)| (term.clone(), d))
        .collect();
    // The MAX_TERMS most widespread (ties by term), found without sorting every term: a corpus
    // of 50,000 stories has hundreds of thousands, most of them tied on a count of 2 or 3.
    if kept.len() > MAX_TERMS {
        kept.select_nth_unstable_by(MAX_TERMS, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        kept.truncate(MAX_TERMS);
    }
    kept.sort_by(|a, b| a.0.cmp(&b.0));
    let column: HashMap<&str, (u32, usize)> = kept
        .iter()
        .enumerate()
        .map(|(c, (term, d))| (term.as_str(), (c as u32, *d)))
        .collect();
    let mut postings = vec![Vec::new(); kept.len()];
    let rows = counts
        .iter()
        .enumerate()
        .map(|(d, tf)| {
            let mut row: Vec<(u32, f64)> = tf
                .iter()
                .filter_map(|(term, &count)| {
                    let &(c, df) = column.get(term.as_str())?;
                    let idf = ((1.0 + n as f64) / (1.0 + df as f64)).ln() + 1.0;
                    Some((c, (1.0 + (count as f64).ln()) * idf))
                })
                .collect();
            row.sort_by_key(|&(c, _)| c);
            let norm = row.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
            if norm > 0.0 {
                row.iter_mut().for_each(|(_, v)| *v /= norm);
            }
            for &(c, _) in &row {
                postings[c as usize].push(d as u32);
            }
            row
        })
        .collect();
    Matrix {
        x: nmf::Sparse {
            rows,
            columns: kept.len(),
        },
        counts,
        df,
        postings,
        surfaces: terms::surfaces(forms),
    }
}

fn top_terms(h: &[f64], count: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..h.len()).collect();
    order.sort_by(|&a, &b| {
        h[b].partial_cmp(&h[a])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    order.truncate(count);
    order
}

/// Mean NPMI of the top-10 term pairs of every topic (−1 … 1; higher is more coherent).
fn coherence(m: &Matrix, factors: &nmf::Factors) -> f64 {
    let n = m.x.rows.len() as f64;
    let mut total = 0.0;
    let mut topics = 0;
    for h in &factors.h {
        let top = top_terms(h, 10);
        let mut sum = 0.0;
        let mut pairs = 0;
        for (a, &i) in top.iter().enumerate() {
            for &j in &top[a + 1..] {
                let (pi, pj) = (
                    m.postings[i].len() as f64 / n,
                    m.postings[j].len() as f64 / n,
                );
                let pij = crate::sorted::overlap(&m.postings[i], &m.postings[j]) as f64 / n;
                sum += if pij == 0.0 {
                    -1.0
                } else if pij >= 1.0 {
                    1.0
                } else {
                    (pij / (pi * pj)).ln() / -pij.ln()
                };
                pairs += 1;
            }
        }
        if pairs > 0 {
            total += sum / pairs as f64;
            topics += 1;
        }
    }
    if topics == 0 {
        -1.0
    } else {
        total / topics as f64
    }
}

/// Each term's TF-IDF in each story, counting every term (also those too rare for the
/// factorisation), and each term's total over all stories.
struct TermWeights<'a> {
    by_story: Vec<Vec<(&'a str, f64)>>,
    total: HashMap<&'a str, f64>,
}

fn term_weights(m: &Matrix, n: f64) -> TermWeights<'_> {
    let mut total: HashMap<&str, f64> = HashMap::default();
    let by_story = m
        .counts
        .iter()
        .map(|counts| {
            counts
                .iter()
                .map(|(term, &count)| {
                    let df = m.df.get(term).copied().unwrap_or(1) as f64;
                    let weight =
                        (1.0 + (count as f64).ln()) * (((1.0 + n) / (1.0 + df)).ln() + 1.0);
                    *total.entry(term.as_str()).or_default() += weight;
                    (term.as_str(), weight)
                })
                .collect()
        })
        .collect();
    TermWeights { by_story, total }
}

/// A topic's naming terms: over the stories in it, each term's TF-IDF weighed by the story's
/// share in the topic (so a one-story topic is named by its own words); a term scores by that
/// sum times the share of the term's total weight that falls in this topic, so words every
/// topic uses give way.
fn label_terms(
    m: &Matrix,
    weights: &TermWeights<'_>,
    memberships: &[Vec<TopicWeight>],
    topic: usize,
) -> Vec<String> {
    let mut in_topic: HashMap<&str, f64> = HashMap::default();
    for (story, terms) in weights.by_story.iter().enumerate() {
        let Some(share) = memberships[story]
            .iter()
            .find(|w| w.topic as usize == topic)
            .map(|w| f64::from(w.weight))
        else {
            continue;
        };
        for &(term, weight) in terms {
            *in_topic.entry(term).or_default() += weight * share;
        }
    }
    let mut scored: Vec<(&str, f64)> = in_topic
        .into_iter()
        .map(|(term, w)| {
            let total = weights.total.get(term).copied().unwrap_or(w).max(1e-12);
            (term, w * w / total)
        })
        .collect();
    let order = |a: &(&str, f64), b: &(&str, f64)| {
        b.1.partial_cmp(&a.1)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.0.cmp(b.0))
    };
    // The 8 best, without sorting every term of the topic.
    if scored.len() > LABEL_TERMS {
        scored.select_nth_unstable_by(LABEL_TERMS, order);
        scored.truncate(LABEL_TERMS);
    }
    scored.sort_by(order);
    scored
        .into_iter()
        .map(|(term, _)| {
            m.surfaces
                .get(term)
                .cloned()
                .unwrap_or_else(|| term.to_owned())
        })
        .collect()
}

/// A factor no story belongs to (none gives it a share of [`MEMBERSHIP_SHARE`]) is no topic: it
/// would be listed with no story and no name. Gives the factors kept, in order, and numbers the
/// stories' memberships by their place among them.
fn drop_empty_topics(k: usize, memberships: &mut [Vec<TopicWeight>]) -> Vec<usize> {
    let mut sizes = vec![0usize; k];
    for weights in memberships.iter() {
        for w in weights {
            if let Some(size) = sizes.get_mut(w.topic as usize) {
                *size += 1;
            }
        }
    }
    let kept: Vec<usize> = (0..k).filter(|&j| sizes[j] > 0).collect();
    for weights in memberships.iter_mut() {
        for w in weights.iter_mut() {
            if let Ok(new) = kept.binary_search(&(w.topic as usize)) {
                w.topic = new as TopicId;
            }
        }
    }
    kept
}

/// Finds the topics of `documents`. `requested` sets the number of topics (None: chosen from the
/// data). `progress` is told (done, total) as candidate models are tried. Never panics.
pub fn discover(
    documents: &[Document],
    requested: Option<usize>,
    mut progress: impl FnMut(usize, usize),
) -> TopicModel {
    let stories: Vec<&Document> = documents
        .iter()
        .filter(|d| d.duplicate_of.is_none())
        .collect();
    let texts: Vec<String> = stories
        .iter()
        .map(|d| format!("{}.\n{}", d.title, d.body))
        .collect();
    let m = matrix(&texts);
    if stories.len() < 2 || m.x.columns == 0 {
        return TopicModel {
            memberships: vec![Vec::new(); documents.len()],
            automatic: requested.is_none(),
            ..TopicModel::default()
        };
    }
    let candidates: Vec<usize> = match requested {
        Some(k) => vec![k.clamp(1, stories.len())],
        None => (2..=max_topics(stories.len()).min(stories.len())).collect(),
    };
    let mut scored = Vec::new();
    let mut best: Option<(usize, f64)> = None;
    let sample = if texts.len() > SELECTION_SAMPLE && candidates.len() > 1 {
        let step = texts.len().div_ceil(SELECTION_SAMPLE);
        let picked: Vec<String> = texts.iter().step_by(step).cloned().collect();
        Some(matrix(&picked))
    } else {
        None
    };
    let selection = sample.as_ref().unwrap_or(&m);
    // Each candidate is scored on its own (on every core natively); the best is then chosen in
    // candidate order, so the choice is the same however many threads ran.
    let to_score: &[usize] = if candidates.len() > 1 {
        &candidates
    } else {
        &[]
    };
    let scores = crate::par::map_reporting(
        to_score,
        |&k| {
            coherence(
                selection,
                &nmf::factorise(&selection.x, k, SELECTION_SWEEPS),
            )
        },
        |done| progress(done, candidates.len() + 1),
    );
    for (&k, score) in to_score.iter().zip(scores) {
        scored.push((k, score));
        if best.is_none_or(|(_, b)| score > b + 1e-9) {
            best = Some((k, score));
        }
    }
    let k = best.map(|(k, _)| k).unwrap_or(candidates[0]);
    progress(candidates.len(), candidates.len() + 1);
    let factors = nmf::factorise(&m.x, k, FINAL_SWEEPS);

    let mut memberships_by_story: Vec<Vec<TopicWeight>> = Vec::with_capacity(stories.len());
    for w in &factors.w {
        let sum: f64 = w.iter().sum();
        let mut weights: Vec<TopicWeight> = w
            .iter()
            .enumerate()
            .filter(|&(_, &x)| sum > 1e-9 && x / sum >= MEMBERSHIP_SHARE)
            .map(|(j, &x)| TopicWeight {
                topic: j as TopicId,
                weight: (x / sum) as f32,
            })
            .collect();
        weights.sort_by(|a, b| {
            b.weight
                .partial_cmp(&a.weight)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        memberships_by_story.push(weights);
    }
    let kept = drop_empty_topics(k, &mut memberships_by_story);
    let weights = term_weights(&m, stories.len() as f64);
    let topics = kept
        .iter()
        .enumerate()
        .map(|(j, &factor)| {
            let terms = label_terms(&m, &weights, &memberships_by_story, j);
            let mut members: Vec<(usize, f64)> = memberships_by_story
                .iter()
                .enumerate()
                .filter(|(_, ws)| ws.iter().any(|w| w.topic == j as TopicId))
                .map(|(s, _)| (s, factors.w[s][factor]))
                .collect();
            members.sort_by(|a, b| {
                b.1.partial_cmp(&a.1)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(a.0.cmp(&b.0))
            });
            Topic {
                id: j as TopicId,
                label: terms
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" · "),
                size: members.len(),
                top_terms: terms,
                top_documents: members
                    .iter()
                    .take(5)
                    .map(|&(s, _)| stories[s].id)
                    .collect(),
            }
        })
        .collect();
    let mut memberships = vec![Vec::new(); documents.len()];
    for (story, weights) in stories.iter().zip(memberships_by_story) {
        memberships[story.id as usize] = weights;
    }
    for doc in documents {
        if let Some(original) = doc.duplicate_of {
            memberships[doc.id as usize] = memberships[original as usize].clone();
        }
    }
    TopicModel {
        topics,
        memberships,
        automatic: requested.is_none(),
        coherence: scored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_factor_no_story_belongs_to_is_no_topic() {
        let w = |topic: TopicId, weight: f32| TopicWeight { topic, weight };
        let mut memberships = vec![
            vec![w(0, 1.0)],
            vec![w(2, 0.7), w(0, 0.3)],
            vec![],
            vec![w(3, 1.0)],
        ];
        let kept = drop_empty_topics(5, &mut memberships);
        assert_eq!(kept, [0, 2, 3]);
        assert_eq!(
            memberships,
            vec![
                vec![w(0, 1.0)],
                vec![w(1, 0.7), w(0, 0.3)],
                vec![],
                vec![w(2, 1.0)]
            ]
        );
    }
}
