//! Topics: what the corpus is about, found from the text, named, and usable as a filter.
//!
//! Over the distinct stories (copies of a story count once), [`discover`]:
//! 1. turns each article into [`terms`]: lower-cased words without stop words, plurals folded,
//!    and runs of capitalised words kept as one term ("Coordination Framework");
//! 2. keeps terms found in at least 2 articles (1 in a corpus of fewer than 5) and in at most
//!    [`MAX_SPREAD`] of them (a word in most stories, "year", "people", sets no topic apart),
//!    the [`MAX_TERMS`] most widespread, and weighs them by TF-IDF (sublinear term frequency,
//!    smoothed inverse document frequency, each article's vector of length 1);
//! 3. factorises the article-term matrix by [`nmf`] into k topics. Unless the user sets k, it is
//!    chosen among [`MIN_AUTOMATIC_TOPICS`]..=[`max_topics`] as the most stable one (Greene,
//!    O'Callaghan and Cunningham, "How many topics? Stability analysis for topic models", 2014):
//!    the topics found on an even sample of at most [`SELECTION_SAMPLE`] stories are found again
//!    on [`STABILITY_FOLDS`] subsamples, each leaving out another share of them, and the k whose
//!    topics keep their top terms best wins. A k that only splits a subject by the events of a
//!    few stories finds other splits on other subsamples; the subjects of the corpus stay;
//! 4. names each topic by its three most distinctive terms (weight in the topic times the share
//!    of the term's weight in that topic) in their usual spelling ("militias · Iraq · Sudani"),
//!    and puts an article in every topic that holds at least [`MEMBERSHIP_SHARE`] of its weight
//!    (a topic's weight in a story scaled by the length of the topic's term weights, so topics
//!    compare fairly), so an article can sit in two topics.
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
/// How much of itself the topics must reproduce for a story to belong to any, as a share of
/// what they reproduce of the median story.
pub const LEAST_FIT_OF_MEDIAN: f64 = 0.25;
/// The largest share of the stories a term may be in to be kept.
pub const MAX_SPREAD: f64 = 0.5;
/// The most terms the model keeps (the most widespread ones).
pub const MAX_TERMS: usize = 6000;
const SELECTION_SWEEPS: usize = 20;
/// The fewest topics chosen automatically (where the stories allow as many): every corpus splits
/// stably in two or three on its broadest contrast, which tells a reader little.
pub const MIN_AUTOMATIC_TOPICS: usize = 4;
/// How many subsamples a number of topics is tried on, each leaving out every n-th story from
/// another start (a fifth of them for 5).
pub const STABILITY_FOLDS: usize = 5;
/// How many of a topic's top terms are compared between the sample and a subsample.
const STABILITY_TERMS: usize = 20;
/// How many terms a topic keeps to be named by.
const LABEL_TERMS: usize = 8;
const FINAL_SWEEPS: usize = 50;
/// The number of topics is chosen on at most this many stories (every n-th, so the sample is
/// the same each time); the final topics are then found on all of them.
pub const SELECTION_SAMPLE: usize = 500;

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
    /// The stability of each k tried (0–1), for the record.
    #[serde(alias = "coherence")]
    pub stability: Vec<(usize, f64)>,
}

/// The largest number of topics tried automatically for `n` stories.
pub fn max_topics(n: usize) -> usize {
    (((n as f64).sqrt() * 1.5) as usize).clamp(2, 12)
}

struct Matrix {
    x: nmf::Sparse,
    /// Every term read, by number (also those too rare for the matrix).
    names: Vec<Box<str>>,
    /// Each article's terms as (number, count), in number order.
    counts: Vec<Vec<(u32, u32)>>,
    /// In how many articles each term occurs, by number.
    df: Vec<u32>,
    /// Per term: its spellings as written, with how often.
    forms: Vec<Vec<(Box<str>, u32)>>,
}

impl Matrix {
    /// A term's usual spelling: its most frequent form (ties: the first in sorted order).
    fn surface(&self, term: u32) -> String {
        self.forms[term as usize]
            .iter()
            .min_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)))
            .map_or_else(
                || self.names[term as usize].to_string(),
                |f| f.0.to_string(),
            )
    }
}

/// From this many stories on, each word of a name of several words counts as a term beside the
/// name in the topics themselves ("Tony Blair" also as "tony" and "blair"), so that "Blair",
/// "Mr Blair" and "Tony Blair" meet. In a larger corpus the names that recur (a minister, a
/// club, a firm) mark its sections; in a few dozen stories they mostly mark single events and
/// pull the topics towards them. The number of topics is chosen on the names as single terms.
const NAME_WORDS_FROM: usize = 100;

/// How many stories are read into terms at once (on every core natively): their terms as
/// strings are held only until they are numbered.
const READ_CHUNK: usize = 2048;

/// The article-term matrix of `count` texts, each made by `text` when it is read, with the words
/// of names as terms too if `name_words` (see [`NAME_WORDS_FROM`]).
fn matrix(count: usize, text: impl Fn(usize) -> String + Sync, name_words: bool) -> Matrix {
    let n = count;
    let mut numbers: HashMap<Box<str>, u32> = HashMap::default();
    let mut names: Vec<Box<str>> = Vec::new();
    let mut forms: Vec<Vec<(Box<str>, u32)>> = Vec::new();
    let mut df: Vec<u32> = Vec::new();
    let mut counts: Vec<Vec<(u32, u32)>> = Vec::with_capacity(n);
    let mut ids: Vec<u32> = Vec::new();
    let indices: Vec<usize> = (0..n).collect();
    for chunk in indices.chunks(READ_CHUNK) {
        let read: Vec<terms::TermList> =
            crate::par::map(chunk, |&i| terms::term_list_with(&text(i), name_words));
        for found in read {
            ids.clear();
            for (term, surface) in found.iter() {
                let id = match numbers.get(term) {
                    Some(&id) => id,
                    None => {
                        let id = names.len() as u32;
                        let term: Box<str> = term.into();
                        numbers.insert(term.clone(), id);
                        names.push(term);
                        forms.push(Vec::new());
                        df.push(0);
                        id
                    }
                };
                let spellings = &mut forms[id as usize];
                match spellings.iter_mut().find(|f| *f.0 == *surface) {
                    Some(form) => form.1 += 1,
                    None => spellings.push((surface.into(), 1)),
                }
                ids.push(id);
            }
            ids.sort_unstable();
            // Exactly as long as it needs: fifty thousand of these stay until the topics are named.
            let mut tf: Vec<(u32, u32)> = ids
                .chunk_by(|a, b| a == b)
                .map(|run| (run[0], run.len() as u32))
                .collect();
            tf.shrink_to_fit();
            for &(id, _) in &tf {
                df[id as usize] += 1;
            }
            counts.push(tf);
        }
    }
    drop(numbers);
    let min_df = if n < 5 { 1 } else { 2 };
    let max_df = ((n as f64 * MAX_SPREAD).floor() as usize).max(min_df);
    let mut kept: Vec<(u32, u32)> = df
        .iter()
        .enumerate()
        .filter(|&(_, &d)| d as usize >= min_df && d as usize <= max_df)
        .map(|(id, &d)| (id as u32, d))
        .collect();
    // The MAX_TERMS most widespread (ties by term), found without sorting every term: a corpus
    // of 50,000 stories has hundreds of thousands, most of them tied on a count of 2 or 3.
    let by_spread = |a: &(u32, u32), b: &(u32, u32)| {
        b.1.cmp(&a.1)
            .then_with(|| names[a.0 as usize].cmp(&names[b.0 as usize]))
    };
    if kept.len() > MAX_TERMS {
        kept.select_nth_unstable_by(MAX_TERMS, by_spread);
        kept.truncate(MAX_TERMS);
    }
    kept.sort_by(|a, b| names[a.0 as usize].cmp(&names[b.0 as usize]));
    // Each term's column, if it has one.
    let mut column: Vec<u32> = vec![u32::MAX; names.len()];
    for (c, &(id, _)) in kept.iter().enumerate() {
        column[id as usize] = c as u32;
    }
    let rows = counts
        .iter()
        .map(|tf| {
            let mut row: Vec<(u32, f64)> = tf
                .iter()
                .filter_map(|&(id, count)| {
                    let c = column[id as usize];
                    if c == u32::MAX {
                        return None;
                    }
                    let idf = ((1.0 + n as f64) / (1.0 + f64::from(df[id as usize]))).ln() + 1.0;
                    Some((c, (1.0 + f64::from(count).ln()) * idf))
                })
                .collect();
            row.sort_by_key(|&(c, _)| c);
            row.shrink_to_fit();
            let norm = row.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
            if norm > 0.0 {
                row.iter_mut().for_each(|(_, v)| *v /= norm);
            }
            row
        })
        .collect();
    Matrix {
        x: nmf::Sparse {
            rows,
            columns: kept.len(),
        },
        names,
        counts,
        df,
        forms,
    }
}

/// The `count` heaviest terms of a topic, heaviest first (of equals, the first term): picked
/// out without sorting every term.
fn top_terms(h: &[f64], count: usize) -> Vec<usize> {
    let heavier = |a: &usize, b: &usize| {
        h[*b]
            .partial_cmp(&h[*a])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(b))
    };
    let mut order: Vec<usize> = (0..h.len()).collect();
    if count < order.len() {
        order.select_nth_unstable_by(count, heavier);
        order.truncate(count);
    }
    order.sort_by(heavier);
    order
}

/// Average Jaccard of two rankings: the overlap of their first d terms, as a share of the
/// terms in either, averaged over every depth d (1 when they agree in order, 0 when they share
/// nothing).
fn average_jaccard(a: &[usize], b: &[usize]) -> f64 {
    let depth = a.len().min(b.len());
    if depth == 0 {
        return 0.0;
    }
    let mut shared = 0usize;
    let mut sum = 0.0;
    for d in 0..depth {
        // The terms at depth d+1 that are now in both.
        shared += usize::from(b[..=d].contains(&a[d]));
        shared += usize::from(a[..d].contains(&b[d]));
        sum += shared as f64 / (2 * (d + 1) - shared) as f64;
    }
    sum / depth as f64
}

/// How well two sets of topics agree: each topic paired with the one of the other set whose top
/// terms it shares most (greedily, the best pair first), the average Jaccard of the pairs
/// averaged.
fn agreement(a: &[Vec<usize>], b: &[Vec<usize>]) -> f64 {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::with_capacity(a.len() * b.len());
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            pairs.push((average_jaccard(x, y), i, j));
        }
    }
    pairs.sort_by(|p, q| {
        q.0.partial_cmp(&p.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then((p.1, p.2).cmp(&(q.1, q.2)))
    });
    let (mut paired_a, mut paired_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut total = 0.0;
    for (score, i, j) in pairs {
        if !paired_a[i] && !paired_b[j] {
            paired_a[i] = true;
            paired_b[j] = true;
            total += score;
        }
    }
    total / a.len().max(1) as f64
}

/// The [`STABILITY_FOLDS`] subsamples of a matrix the number of topics is tried on: its stories
/// but every n-th, from another start each time. Made once, for every k tried.
fn subsamples(x: &nmf::Sparse) -> Vec<nmf::Sparse> {
    (0..STABILITY_FOLDS)
        .map(|fold| nmf::Sparse {
            rows: x
                .rows
                .iter()
                .enumerate()
                .filter(|(i, _)| i % STABILITY_FOLDS != fold)
                .map(|(_, row)| row.clone())
                .collect(),
            columns: x.columns,
        })
        .collect()
}

/// The stability of `k` topics on `x` (0–1): how well the top terms of the topics found on all
/// of its stories agree with those found on each of its [`subsamples`], averaged.
fn stability(x: &nmf::Sparse, subsamples: &[nmf::Sparse], k: usize) -> f64 {
    let top = |x: &nmf::Sparse| -> Vec<Vec<usize>> {
        nmf::factorise(x, k, SELECTION_SWEEPS)
            .h
            .iter()
            .map(|h| top_terms(h, STABILITY_TERMS))
            .collect()
    };
    let reference = top(x);
    let total: f64 = subsamples
        .iter()
        .map(|subsample| agreement(&reference, &top(subsample)))
        .sum();
    total / subsamples.len().max(1) as f64
}

/// A term's TF-IDF in a story: `count` times in it, in `df` of the `n` stories.
fn tf_idf(count: u32, df: u32, n: f64) -> f64 {
    (1.0 + f64::from(count).ln()) * (((1.0 + n) / (1.0 + f64::from(df))).ln() + 1.0)
}

/// Each term's TF-IDF summed over all stories (counting every term, also those too rare for
/// the factorisation), by number.
fn term_totals(m: &Matrix, n: f64) -> Vec<f64> {
    let mut total = vec![0.0; m.names.len()];
    for counts in &m.counts {
        for &(id, count) in counts {
            total[id as usize] += tf_idf(count, m.df[id as usize], n);
        }
    }
    total
}

/// A topic's naming terms: over the stories in it, each term's TF-IDF weighed by the story's
/// share in the topic (so a one-story topic is named by its own words); a term scores by that
/// sum times the share of the term's total weight that falls in this topic, so words every
/// topic uses give way.
fn label_terms(
    m: &Matrix,
    totals: &[f64],
    n: f64,
    memberships: &[Vec<TopicWeight>],
    topic: usize,
) -> Vec<String> {
    let mut in_topic: HashMap<u32, f64> = HashMap::default();
    for (story, counts) in m.counts.iter().enumerate() {
        let Some(share) = memberships[story]
            .iter()
            .find(|w| w.topic as usize == topic)
            .map(|w| f64::from(w.weight))
        else {
            continue;
        };
        for &(id, count) in counts {
            *in_topic.entry(id).or_default() += tf_idf(count, m.df[id as usize], n) * share;
        }
    }
    let mut scored: Vec<(u32, f64)> = in_topic
        .into_iter()
        .map(|(id, w)| (id, w * w / totals[id as usize].max(1e-12)))
        .collect();
    let order = |a: &(u32, f64), b: &(u32, f64)| {
        b.1.partial_cmp(&a.1)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| m.names[a.0 as usize].cmp(&m.names[b.0 as usize]))
    };
    // The 8 best, without sorting every term of the topic.
    if scored.len() > LABEL_TERMS {
        scored.select_nth_unstable_by(LABEL_TERMS, order);
        scored.truncate(LABEL_TERMS);
    }
    scored.sort_by(order);
    scored.into_iter().map(|(id, _)| m.surface(id)).collect()
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
    progress: impl FnMut(usize, usize),
) -> TopicModel {
    let stories = stories(documents);
    let text = |s: usize| story_text(&stories[s].title, &stories[s].body);
    let found = discover_stories(stories.len(), text, requested, progress);
    into_model(documents, &stories, requested, found)
}

/// The stories topics are found in: every document that is no copy of another, in id order.
fn stories(documents: &[Document]) -> Vec<&Document> {
    documents
        .iter()
        .filter(|d| d.duplicate_of.is_none())
        .collect()
}

/// The text of a story as topic discovery reads it.
fn story_text(title: &str, body: &str) -> String {
    format!("{title}.\n{body}")
}

/// The topics of a corpus's stories, by story number (the n-th document that is no copy).
#[derive(Debug, Default, Serialize, Deserialize)]
struct StoryTopics {
    /// How many stories they were found in.
    stories: usize,
    /// The topics; `top_documents` hold story numbers.
    topics: Vec<Topic>,
    /// Per story, its topics.
    memberships: Vec<Vec<TopicWeight>>,
    /// The stability of each k tried.
    stability: Vec<(usize, f64)>,
}

/// The title and body of every story of `documents`, in order: what [`run_job`] reads.
pub(crate) fn story_texts(documents: &[Document]) -> Vec<(&str, &str)> {
    stories(documents)
        .iter()
        .map(|d| (d.title.as_str(), d.body.as_str()))
        .collect()
}

/// Finds the topics of a corpus's stories (`Corpus::topic_stories`) where no corpus is at hand
/// (another worker): the answer's bytes go back to `Corpus::set_topics_from_job`, which makes of
/// them the topics `Corpus::build_topics` finds. There are `count` stories, each given as
/// (title, body) by `story` when it is read (once or twice, a chunk at a time), so the caller
/// need not hold every text at once. `requested` and `progress` are as in [`discover`].
pub fn run_job<T: AsRef<str>>(
    count: usize,
    story: impl Fn(usize) -> (T, T) + Sync,
    requested: Option<usize>,
    progress: impl FnMut(usize, usize),
) -> Vec<u8> {
    let text = |s: usize| {
        let (title, body) = story(s);
        story_text(title.as_ref(), body.as_ref())
    };
    let found = discover_stories(count, text, requested, progress);
    postcard::to_allocvec(&found).unwrap_or_default()
}

/// The topic model of `documents` from a [`run_job`] answer, if it was found for their stories.
pub(crate) fn model_from_answer(
    documents: &[Document],
    requested: Option<usize>,
    answer: &[u8],
) -> Result<TopicModel, String> {
    let found: StoryTopics =
        postcard::from_bytes(answer).map_err(|e| format!("unreadable topics: {e}"))?;
    let stories = stories(documents);
    if found.stories != stories.len() || found.memberships.len() != stories.len() {
        return Err("the topics were found for other stories".into());
    }
    Ok(into_model(documents, &stories, requested, found))
}

/// The model of `documents` from the topics of their stories.
fn into_model(
    documents: &[Document],
    stories: &[&Document],
    requested: Option<usize>,
    found: StoryTopics,
) -> TopicModel {
    let mut memberships = vec![Vec::new(); documents.len()];
    for (story, weights) in stories.iter().zip(found.memberships) {
        memberships[story.id as usize] = weights;
    }
    for doc in documents {
        if let Some(original) = doc.duplicate_of {
            memberships[doc.id as usize] = memberships[original as usize].clone();
        }
    }
    let topics = found
        .topics
        .into_iter()
        .map(|mut topic| {
            topic.top_documents = topic
                .top_documents
                .iter()
                .filter_map(|&s| stories.get(s as usize).map(|d| d.id))
                .collect();
            topic
        })
        .collect();
    TopicModel {
        topics,
        memberships,
        automatic: requested.is_none(),
        stability: found.stability,
    }
}

/// The topics of `count` stories, each made by `text` when it is read.
fn discover_stories(
    count: usize,
    text: impl Fn(usize) -> String + Sync,
    requested: Option<usize>,
    mut progress: impl FnMut(usize, usize),
) -> StoryTopics {
    let name_words = count >= NAME_WORDS_FROM;
    let m = matrix(count, &text, name_words);
    if count < 2 || m.x.columns == 0 {
        return StoryTopics {
            stories: count,
            memberships: vec![Vec::new(); count],
            ..StoryTopics::default()
        };
    }
    let candidates: Vec<usize> = match requested {
        Some(k) => vec![k.clamp(1, count)],
        None => {
            let most = max_topics(count).min(count);
            (MIN_AUTOMATIC_TOPICS.min(most)..=most).collect()
        }
    };
    let mut scored = Vec::new();
    let mut best: Option<(usize, f64)> = None;
    // The number of topics is chosen on an even sample of the stories, with names as single
    // terms.
    let sample = if count > SELECTION_SAMPLE && candidates.len() > 1 {
        let step = count.div_ceil(SELECTION_SAMPLE);
        Some(matrix(count.div_ceil(step), |i| text(i * step), false))
    } else if candidates.len() > 1 && name_words {
        Some(matrix(count, &text, false))
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
    let folds = if to_score.is_empty() {
        Vec::new()
    } else {
        subsamples(&selection.x)
    };
    let scores = crate::par::map_reporting(
        to_score,
        |&k| stability(&selection.x, &folds, k),
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

    // How much of each story its topics reproduce: a story far less explained than most (one
    // of a handful on a subject the topics do not cover) belongs to none, rather than to the
    // topic that happens to fit it least badly.
    let fits: Vec<f64> = factors
        .w
        .iter()
        .zip(&m.x.rows)
        .map(|(w, row)| {
            row.iter()
                .map(|&(c, x)| x * (0..k).map(|j| w[j] * factors.h[j][c as usize]).sum::<f64>())
                .sum()
        })
        .collect();
    let mut sorted_fits = fits.clone();
    sorted_fits.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let least_fit = sorted_fits[sorted_fits.len() / 2] * LEAST_FIT_OF_MEDIAN;
    // A story's weight on a topic, measured as how much of it the topic gives: the factors
    // leave each topic's scale between W and H free, so a topic of heavier terms would
    // otherwise seem to hold less of its stories than it does.
    let scale: Vec<f64> = factors
        .h
        .iter()
        .map(|h| h.iter().map(|v| v * v).sum::<f64>().sqrt())
        .collect();
    let mut memberships_by_story: Vec<Vec<TopicWeight>> = Vec::with_capacity(count);
    for (w, &fit) in factors.w.iter().zip(&fits) {
        if fit < least_fit {
            memberships_by_story.push(Vec::new());
            continue;
        }
        let w: Vec<f64> = w.iter().zip(&scale).map(|(x, s)| x * s).collect();
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
    let n = count as f64;
    let totals = term_totals(&m, n);
    let topics = kept
        .iter()
        .enumerate()
        .map(|(j, &factor)| {
            let terms = label_terms(&m, &totals, n, &memberships_by_story, j);
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
                    .map(|&(s, _)| DocId::try_from(s).unwrap_or(DocId::MAX))
                    .collect(),
            }
        })
        .collect();
    StoryTopics {
        stories: count,
        topics,
        memberships: memberships_by_story,
        stability: scored,
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

    #[test]
    fn rankings_agree_by_their_shared_top_terms() {
        assert_eq!(average_jaccard(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(average_jaccard(&[1, 2, 3], &[4, 5, 6]), 0.0);
        // Depth 1: 0/2; depth 2: {1,2} and {2,1}: 2/2; depth 3: 2 shared of 4.
        let swapped = average_jaccard(&[1, 2, 3], &[2, 1, 4]);
        assert!((swapped - (0.0 + 1.0 + 0.5) / 3.0).abs() < 1e-12);
        // Topics pair up whatever their order.
        let a = vec![vec![1, 2, 3], vec![7, 8, 9]];
        let b = vec![vec![7, 8, 9], vec![1, 2, 3]];
        assert_eq!(agreement(&a, &b), 1.0);
    }

    /// Six subjects: election, football, vaccines, banks, storms, music.
    const SUBJECTS: [&str; 6] = [
        "election vote party parliament minister campaign ballot",
        "football match goal league striker coach season",
        "vaccine hospital doctors patients health virus clinic",
        "bank rates inflation market shares investors profit",
        "storm flood rain river residents evacuated damage",
        "album band concert songs tour singer stage",
    ];

    /// Story `i` on a subject's words (most of them, thrice), with words of its own besides.
    fn story_on(subject: &str, i: usize) -> String {
        let words: Vec<&str> = subject.split(' ').collect();
        let own: Vec<String> = (0..4).map(|j| format!("word{}x{}", i, j)).collect();
        let mut text = String::new();
        for round in 0..3 {
            for (n, w) in words.iter().enumerate() {
                if !(n + round + i).is_multiple_of(3) {
                    text.push_str(w);
                    text.push(' ');
                }
            }
        }
        text + &own.join(" ")
    }

    #[test]
    fn the_number_of_topics_follows_the_subjects_not_the_stories() {
        // Six subjects, five stories each.
        let stories: Vec<String> = (0..30).map(|i| story_on(SUBJECTS[i % 6], i)).collect();
        let found = discover_stories(stories.len(), |i| stories[i].clone(), None, |_, _| {});
        assert_eq!(found.topics.len(), 6, "{:?}", found.stability);
    }

    #[test]
    fn a_story_no_topic_explains_belongs_to_none() {
        // Six subjects, five stories each, and two stories on a subject no other story shares,
        // but for a word ("minister") that pulls them towards the election.
        let mut stories: Vec<String> = (0..30).map(|i| story_on(SUBJECTS[i % 6], i)).collect();
        let odd = "embassy militia ceasefire border ambassador sanctions minister";
        stories.push(story_on(odd, 30));
        stories.push(story_on(odd, 31));
        let found = discover_stories(stories.len(), |i| stories[i].clone(), Some(6), |_, _| {});
        for (i, topics) in found.memberships.iter().enumerate() {
            assert_eq!(topics.is_empty(), i >= 30, "story {i}: {topics:?}");
        }
    }
}
