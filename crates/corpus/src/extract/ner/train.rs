//! Training the labeller: an averaged structured perceptron (Collins 2002) over the hashed
//! features of [`super::features`], deterministic for a given seed.

use super::annotated::AnnotatedDoc;
use super::features::{self, Context};
use super::model::{self, Model, Transitions, TAGS};
use super::tokens::{self, Tok};
use super::{gold_tags, lines};

/// How to train.
#[derive(Debug, Clone)]
pub struct Config {
    /// Feature rows are `bits` wide (the table holds `2^bits` rows of 7 weights).
    pub bits: u32,
    /// Passes over the training lines.
    pub epochs: usize,
    /// Seed of the order the lines are read in.
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bits: 18,
            epochs: 10,
            seed: 17,
        }
    }
}

/// One line of training text, its feature rows ready.
struct Line {
    rows: Vec<u32>,
    starts: Vec<u32>,
    gold: Vec<u8>,
}

/// The feature rows and gold tags of every line of `docs`.
fn prepare(docs: &[AnnotatedDoc], bits: u32) -> Vec<Line> {
    let mut out = Vec::new();
    for doc in docs {
        let toks: Vec<Tok> = tokens::tokenize(&doc.text);
        let ctx = Context::new(&doc.text, &toks);
        let gold = gold_tags(&toks, &doc.names);
        for (from, to) in lines(&toks) {
            let mut rows = Vec::new();
            let mut starts = Vec::new();
            features::rows(
                &ctx,
                &toks,
                &doc.text,
                (from, to),
                bits,
                &mut rows,
                &mut starts,
            );
            out.push(Line {
                rows,
                starts,
                gold: gold[from..to].to_vec(),
            });
        }
    }
    out
}

/// Weights while training, with the sums that averaging needs.
struct Perceptron {
    w: Vec<f32>,
    /// Per weight, the sum of every update times the step it came at.
    u: Vec<f32>,
    trans: Transitions,
    trans_u: Transitions,
    step: f32,
}

impl Perceptron {
    fn emissions(&self, line: &Line) -> Vec<[f32; TAGS]> {
        line.starts
            .windows(2)
            .map(|s| {
                let mut e = [0f32; TAGS];
                for &row in &line.rows[s[0] as usize..s[1] as usize] {
                    let base = row as usize * TAGS;
                    for (k, v) in e.iter_mut().enumerate() {
                        *v += self.w[base + k];
                    }
                }
                e
            })
            .collect()
    }

    fn update_token(&mut self, line: &Line, t: usize, tag: u8, delta: f32) {
        let s = &line.starts;
        for &row in &line.rows[s[t] as usize..s[t + 1] as usize] {
            let i = row as usize * TAGS + usize::from(tag);
            self.w[i] += delta;
            self.u[i] += self.step * delta;
        }
    }

    fn update_trans(&mut self, from: usize, to: u8, delta: f32) {
        self.trans[from][usize::from(to)] += delta;
        self.trans_u[from][usize::from(to)] += self.step * delta;
    }

    fn learn(&mut self, line: &Line) -> bool {
        let em = self.emissions(line);
        let guess = model::viterbi(&em, &self.trans);
        self.step += 1.0;
        if guess == line.gold {
            return false;
        }
        for t in 0..line.gold.len() {
            let (g, p) = (line.gold[t], guess[t]);
            let g_prev = if t == 0 {
                model::START
            } else {
                usize::from(line.gold[t - 1])
            };
            let p_prev = if t == 0 {
                model::START
            } else {
                usize::from(guess[t - 1])
            };
            if g != p {
                self.update_token(line, t, g, 1.0);
                self.update_token(line, t, p, -1.0);
            }
            if g != p || g_prev != p_prev {
                self.update_trans(g_prev, g, 1.0);
                self.update_trans(p_prev, p, -1.0);
            }
        }
        true
    }

    /// The averaged weights.
    fn average(&self) -> (Vec<f32>, Transitions) {
        let c = self.step.max(1.0);
        let w = self.w.iter().zip(&self.u).map(|(w, u)| w - u / c).collect();
        let mut trans = self.trans;
        for (row, urow) in trans.iter_mut().zip(&self.trans_u) {
            for (v, u) in row.iter_mut().zip(urow) {
                *v -= u / c;
            }
        }
        (w, trans)
    }
}

/// A small deterministic generator for the reading order.
fn xorshift(state: &mut u64) -> u64 {
    let mut x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    x
}

/// What training reports as it goes.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Training lines.
    pub lines: usize,
    /// Training tokens.
    pub tokens: usize,
    /// Lines labelled wrong in each epoch.
    pub mistakes: Vec<usize>,
    /// Weight rows that are not all zero.
    pub rows_used: usize,
    /// The temperature chosen on the calibration text.
    pub temperature: f32,
}

/// Trains a model on `docs`; `calibrate` (held-out text) sets how scores become probabilities.
pub fn train(
    docs: &[AnnotatedDoc],
    calibrate: &[AnnotatedDoc],
    config: &Config,
) -> (Vec<u8>, Report) {
    let data = prepare(docs, config.bits);
    let rows = 1usize << config.bits;
    let mut p = Perceptron {
        w: vec![0.0; rows * TAGS],
        u: vec![0.0; rows * TAGS],
        trans: [[0.0; TAGS]; TAGS + 1],
        trans_u: [[0.0; TAGS]; TAGS + 1],
        step: 0.0,
    };
    let mut report = Report {
        lines: data.len(),
        tokens: data.iter().map(|l| l.gold.len()).sum(),
        ..Report::default()
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut state = config.seed.max(1);
    for _ in 0..config.epochs {
        // Fisher–Yates with the fixed generator.
        for i in (1..order.len()).rev() {
            let j = (xorshift(&mut state) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mistakes = order.iter().filter(|&&i| p.learn(&data[i])).count();
        report.mistakes.push(mistakes);
    }
    let (w, trans) = p.average();
    let max = w.iter().fold(0f32, |m, v| m.max(v.abs())).max(1e-6);
    let scale = max / 32767.0;
    let weights: Vec<i16> = w.iter().map(|v| (v / scale).round() as i16).collect();
    report.rows_used = weights
        .chunks_exact(TAGS)
        .filter(|r| r.iter().any(|&v| v != 0))
        .count();
    let mut model = Model {
        bits: config.bits,
        weights: super::model::padded_rows(&weights),
        scale,
        trans,
        temperature: 1.0,
    };
    model.temperature = calibrate_temperature(&model, calibrate);
    report.temperature = model.temperature;
    (model.to_bytes(), report)
}

/// The temperature under which the gold tags of `docs` are most probable.
fn calibrate_temperature(model: &Model, docs: &[AnnotatedDoc]) -> f32 {
    let data = prepare(docs, model.bits);
    let ems: Vec<Vec<[f32; TAGS]>> = data
        .iter()
        .map(|l| model.emissions(&l.rows, &l.starts))
        .collect();
    let mut best = (f64::INFINITY, 1.0f32);
    for step in 0..40 {
        let t = 0.25 * 1.15f32.powi(step);
        let mut loss = 0f64;
        for (line, em) in data.iter().zip(&ems) {
            let m = model::marginals(em, &model.trans, t);
            for (row, &g) in m.iter().zip(&line.gold) {
                loss -= f64::from(row[usize::from(g)].max(1e-6)).ln();
            }
        }
        if loss < best.0 {
            best = (loss, t);
        }
    }
    best.1
}
