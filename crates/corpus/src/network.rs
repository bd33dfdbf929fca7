//! Who appears with whom: the entities of a filter as a network, linked by the stories they
//! share, laid out by a force simulation that is run to rest and seeded by the data, so the same
//! corpus and filter always give the same picture.
//!
//! A narrower filter starts from where the wider picture put each entity (its `anchors`) and
//! moves them only a little, so a picture does not jump about as the user filters.

use crate::extract::gazetteer::Fnv;
use crate::query::Query;
use crate::{Corpus, DocId, EntityId, EntityKind};
use serde::{Deserialize, Serialize};
use std::hash::Hasher;

/// The width of the frame a network is laid out in (its height is [`HEIGHT`]).
pub const WIDTH: f32 = 1000.0;
/// The height of the frame a network is laid out in.
pub const HEIGHT: f32 = 680.0;
/// The most entities a network holds.
pub const MAX_NODES: usize = 300;

/// Which entities a network shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkOptions {
    /// How many entities, the most storied first (at most [`MAX_NODES`]).
    pub size: usize,
    /// Of which kinds.
    pub kinds: Vec<EntityKind>,
    /// Links of fewer shared stories than this are left out of the answer (they still shape
    /// the layout, so moving the slider does not move the entities).
    pub min_weight: usize,
}

impl Default for NetworkOptions {
    fn default() -> Self {
        NetworkOptions {
            size: 60,
            kinds: vec![EntityKind::Person, EntityKind::Org],
            min_weight: 1,
        }
    }
}

/// Where a node's name is written.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Label {
    /// Where the text starts (left edge).
    pub x: f32,
    /// Where its baseline is.
    pub y: f32,
    /// Its font size, in the frame's units.
    pub size: f32,
}

/// One entity in a network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// The entity.
    pub entity: EntityId,
    /// Its name.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// The filter's stories that name it.
    pub stories: usize,
    /// Its centre in the frame.
    pub x: f32,
    /// Its centre in the frame.
    pub y: f32,
    /// Its radius.
    pub r: f32,
    /// Where its name is written; None when there is no room for it.
    pub label: Option<Label>,
}

/// Two entities named in the same stories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// One end, as an index into the nodes.
    pub a: u32,
    /// The other end.
    pub b: u32,
    /// How many of the filter's stories name both.
    pub weight: usize,
}

/// A laid-out network.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Network {
    /// The entities, the most storied first.
    pub nodes: Vec<Node>,
    /// The links at least `min_weight` strong, the strongest first. Serialised as one run of
    /// bytes (see `flat_links`): thousands of links cross to the page as one array.
    #[serde(with = "flat_links")]
    pub links: Vec<Link>,
    /// Links left out as weaker than `min_weight`.
    pub weak_links: usize,
    /// Entities of the chosen kinds that the filter's stories name (the network shows the
    /// first `size` of them).
    pub candidates: usize,
    /// Steps the layout took to come to rest.
    pub steps: usize,
}

/// [`Link`]s as one run of bytes, three little-endian `u32`s a link (a, b, weight): in the
/// browser it crosses from the worker as one typed array, not thousands of objects.
mod flat_links {
    use super::Link;
    use serde::de::{Error, SeqAccess, Visitor};
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(links: &[Link], serializer: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = links
            .iter()
            .flat_map(|l| [l.a, l.b, u32::try_from(l.weight).unwrap_or(u32::MAX)])
            .flat_map(u32::to_le_bytes)
            .collect();
        serializer.serialize_bytes(&bytes)
    }

    struct Bytes;

    impl<'de> Visitor<'de> for Bytes {
        type Value = Vec<u8>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("the links as bytes")
        }

        fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
            Ok(v.to_vec())
        }

        fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
            Ok(v)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
            let mut out = Vec::new();
            while let Some(byte) = seq.next_element::<u8>()? {
                out.push(byte);
            }
            Ok(out)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Link>, D::Error> {
        let bytes = deserializer.deserialize_byte_buf(Bytes)?;
        let words: Vec<u32> = bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(words
            .chunks_exact(3)
            .map(|c| Link {
                a: c[0],
                b: c[1],
                weight: c[2] as usize,
            })
            .collect())
    }
}

impl Network {
    /// Where each entity is, to start a narrower picture from.
    pub fn anchors(&self) -> Vec<(EntityId, (f32, f32))> {
        let mut anchors: Vec<(EntityId, (f32, f32))> =
            self.nodes.iter().map(|n| (n.entity, (n.x, n.y))).collect();
        anchors.sort_by_key(|a| a.0);
        anchors
    }
}

impl Corpus {
    /// The network of the entities `query` keeps (its page is ignored), laid out; `anchors`
    /// are where a wider picture put its entities (see [`Network::anchors`]).
    pub fn network(
        &self,
        query: &Query,
        options: &NetworkOptions,
        anchors: &[(EntityId, (f32, f32))],
    ) -> Network {
        let matching = self.matching(query);
        self.network_of(&matching, options, anchors)
    }

    /// The network of the entities named in `matching`.
    pub fn network_of(
        &self,
        matching: &[DocId],
        options: &NetworkOptions,
        anchors: &[(EntityId, (f32, f32))],
    ) -> Network {
        let counts = self.entity_story_counts(matching);
        let mut chosen: Vec<(&crate::Entity, usize)> = self
            .entities()
            .iter()
            .filter(|e| !e.hidden && options.kinds.contains(&e.kind))
            .map(|e| (e, counts.get(e.id as usize).copied().unwrap_or(0)))
            .filter(|&(_, count)| count > 0)
            .collect();
        let candidates = chosen.len();
        chosen.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.name.cmp(&b.0.name)));
        chosen.truncate(options.size.min(MAX_NODES));
        let n = chosen.len();

        // Shared stories, counted in one pass over the filter's stories.
        let mut slot = vec![u32::MAX; self.entities().len()];
        for (i, (e, _)) in chosen.iter().enumerate() {
            slot[e.id as usize] = i as u32;
        }
        let mut shared = vec![0u32; n * n];
        let mut in_doc: Vec<u32> = Vec::new();
        for &id in matching {
            let Some(doc) = self.document(id) else {
                continue;
            };
            in_doc.clear();
            in_doc.extend(
                doc.mentions
                    .iter()
                    .filter_map(|m| slot.get(m.entity as usize).copied())
                    .filter(|&s| s != u32::MAX),
            );
            in_doc.sort_unstable();
            in_doc.dedup();
            for (k, &a) in in_doc.iter().enumerate() {
                for &b in &in_doc[k + 1..] {
                    shared[a as usize * n + b as usize] += 1;
                }
            }
        }
        let mut pairs: Vec<(u32, u32, usize)> = Vec::new();
        for a in 0..n {
            for b in a + 1..n {
                let w = shared[a * n + b] as usize;
                if w > 0 {
                    pairs.push((a as u32, b as u32, w));
                }
            }
        }
        let stories: Vec<usize> = chosen.iter().map(|c| c.1).collect();
        let ids: Vec<EntityId> = chosen.iter().map(|c| c.0.id).collect();
        let names: Vec<&str> = chosen.iter().map(|c| c.0.name.as_str()).collect();
        let (positions, steps) = layout(&ids, &names, &stories, &pairs, anchors);
        let radii = radii(&stories);
        let positions = settle(positions, &radii);
        let labels = place_labels(&names, &stories, &positions, &radii);

        let nodes = chosen
            .iter()
            .enumerate()
            .map(|(i, (e, count))| Node {
                entity: e.id,
                name: e.name.clone(),
                kind: e.kind,
                stories: *count,
                x: positions[i].0,
                y: positions[i].1,
                r: radii[i],
                label: labels[i],
            })
            .collect();
        let mut links: Vec<Link> = pairs
            .iter()
            .filter(|p| p.2 >= options.min_weight.max(1))
            .map(|&(a, b, weight)| Link { a, b, weight })
            .collect();
        let weak_links = pairs.len() - links.len();
        links.sort_by(|x, y| y.weight.cmp(&x.weight).then((x.a, x.b).cmp(&(y.a, y.b))));
        Network {
            nodes,
            links,
            weak_links,
            candidates,
            steps,
        }
    }

    /// The stories of `query` that name both entities, in the query's order.
    pub fn shared_stories(&self, query: &Query, a: EntityId, b: EntityId) -> Vec<DocId> {
        let with_both = match (self.entity(a), self.entity(b)) {
            (Some(a), Some(b)) => crate::sorted::intersection(&a.documents, &b.documents),
            _ => return Vec::new(),
        };
        self.matching(query)
            .into_iter()
            .filter(|id| with_both.binary_search(id).is_ok())
            .collect()
    }
}

/// A number in 0..1 from a name: where an entity with no anchor starts.
fn unit_hash(name: &str, salt: u8) -> f32 {
    let mut h = Fnv::default();
    h.write(name.as_bytes());
    h.write(&[salt]);
    (h.finish() >> 40) as f32 / (1u64 << 24) as f32
}

/// The most steps a layout takes.
const MAX_STEPS: usize = 500;
/// How much of its heat (the longest step a node may take) the layout keeps at each step.
const COOLING: f32 = 0.98;
/// The same for a layout started from a wider picture's places.
const WARM_COOLING: f32 = 0.95;

/// Positions for the nodes: each group of linked nodes (a connected component) laid out by a
/// force simulation of its own, then the groups packed in rows, the largest first, and the
/// whole fitted to the frame. Returns the positions and the most steps a group took.
fn layout(
    ids: &[EntityId],
    names: &[&str],
    stories: &[usize],
    pairs: &[(u32, u32, usize)],
    anchors: &[(EntityId, (f32, f32))],
) -> (Vec<(f32, f32)>, usize) {
    let n = ids.len();
    if n == 0 {
        return (Vec::new(), 0);
    }
    let anchor = |id: EntityId| {
        anchors
            .binary_search_by_key(&id, |a| a.0)
            .ok()
            .map(|i| anchors[i].1)
    };
    // Start: an anchored node where the wider picture had it; another beside its strongest
    // linked anchored neighbour, else at a point drawn from its name.
    let mut pos: Vec<(f32, f32)> = ids
        .iter()
        .zip(names)
        .map(|(&id, name)| {
            anchor(id).unwrap_or((
                WIDTH * (0.15 + 0.7 * unit_hash(name, 1)),
                HEIGHT * (0.15 + 0.7 * unit_hash(name, 2)),
            ))
        })
        .collect();
    for i in 0..n {
        if anchor(ids[i]).is_some() {
            continue;
        }
        let strongest = pairs
            .iter()
            .filter_map(|&(a, b, w)| match (a as usize, b as usize) {
                (a, b) if a == i => Some((b, w)),
                (a, b) if b == i => Some((a, w)),
                _ => None,
            })
            .filter(|&(j, _)| anchor(ids[j]).is_some())
            .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((j, _)) = strongest {
            let angle = std::f32::consts::TAU * unit_hash(names[i], 3);
            pos[i] = (pos[j].0 + 30.0 * angle.cos(), pos[j].1 + 30.0 * angle.sin());
        }
    }
    let strength: Vec<(usize, usize, f32)> = pairs
        .iter()
        .map(|&(a, b, w)| {
            let (a, b) = (a as usize, b as usize);
            let norm = (stories[a] as f32 * stories[b] as f32).sqrt().max(1.0);
            (a, b, (w as f32 / norm).min(1.0))
        })
        .collect();
    let warm = ids.iter().filter(|&&id| anchor(id).is_some()).count() * 2 >= n;

    // The groups, each as its nodes in index order, the largest (then the earliest) first.
    let mut group_of: Vec<usize> = (0..n).collect();
    fn root(group_of: &mut [usize], mut i: usize) -> usize {
        while group_of[i] != i {
            group_of[i] = group_of[group_of[i]];
            i = group_of[i];
        }
        i
    }
    for &(a, b, _) in &strength {
        let (ra, rb) = (root(&mut group_of, a), root(&mut group_of, b));
        if ra != rb {
            group_of[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_index = vec![usize::MAX; n];
    for i in 0..n {
        let r = root(&mut group_of, i);
        if group_index[r] == usize::MAX {
            group_index[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[group_index[r]].push(i);
    }
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));

    let mut steps = 0;
    let mut boxes: Vec<(f32, f32, f32, f32)> = Vec::with_capacity(groups.len());
    for group in &groups {
        steps = steps.max(simulate(group, &mut pos, &strength, warm));
        let (min_x, max_x, min_y, max_y) = group.iter().fold(
            (f32::MAX, f32::MIN, f32::MAX, f32::MIN),
            |(a, b, c, d), &i| {
                (
                    a.min(pos[i].0),
                    b.max(pos[i].0),
                    c.min(pos[i].1),
                    d.max(pos[i].1),
                )
            },
        );
        boxes.push((min_x, min_y, max_x - min_x, max_y - min_y));
    }
    // Rows of groups, as wide as the largest group or the frame's shape asks, whichever is
    // wider; each group moved into its place.
    let gap = 40.0;
    let area: f32 = boxes.iter().map(|b| (b.2 + gap) * (b.3 + gap)).sum();
    let row_width = boxes
        .iter()
        .map(|b| b.2 + gap)
        .fold((area * WIDTH / HEIGHT).sqrt(), f32::max);
    let (mut x, mut y, mut row_height) = (0f32, 0f32, 0f32);
    for (group, b) in groups.iter().zip(&boxes) {
        if x > 0.0 && x + b.2 > row_width {
            x = 0.0;
            y += row_height + gap;
            row_height = 0.0;
        }
        for &i in group {
            pos[i].0 += x - b.0;
            pos[i].1 += y - b.1;
        }
        x += b.2 + gap;
        row_height = row_height.max(b.3);
    }
    (fit(pos), steps)
}

/// Lays out one group of linked nodes with ForceAtlas2's forces (Jacomy et al., 2014), which
/// keep hubs apart and groups together: every pair repels by the product of their degrees over
/// their distance, a link pulls by its strength (shared / √(stories a × stories b)) times the
/// distance, and every node is pulled to the group's middle by its degree times its distance
/// ("strong gravity"). Run, cooling, until no node moves as much as half a unit, or
/// [`MAX_STEPS`]; a group started from a wider picture's places only settles. Returns the steps.
fn simulate(
    group: &[usize],
    pos: &mut [(f32, f32)],
    strength: &[(usize, usize, f32)],
    warm: bool,
) -> usize {
    let n = group.len();
    if n < 2 {
        return 0;
    }
    let mut local = vec![usize::MAX; pos.len()];
    for (k, &i) in group.iter().enumerate() {
        local[i] = k;
    }
    let links: Vec<(usize, usize, f32)> = strength
        .iter()
        .filter(|l| local[l.0] != usize::MAX)
        .map(|&(a, b, s)| (local[a], local[b], s))
        .collect();
    let mut degree = vec![1f32; n];
    for &(a, b, _) in &links {
        degree[a] += 1.0;
        degree[b] += 1.0;
    }
    let mut p: Vec<(f32, f32)> = group.iter().map(|&i| pos[i]).collect();
    let repulsion = 120.0;
    let gravity = 0.002;
    let spread = 40.0 * (n as f32).sqrt();
    // A group started from a wider picture's places only settles, and cools faster.
    let (start_heat, cooling) = if warm {
        (spread / 10.0, WARM_COOLING)
    } else {
        (spread, COOLING)
    };
    let mut shift = vec![(0f32, 0f32); n];
    let mut steps = 0;
    for step in 0..MAX_STEPS {
        steps = step + 1;
        shift.iter_mut().for_each(|s| *s = (0.0, 0.0));
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (p[i].0 - p[j].0, p[i].1 - p[j].1);
                let d2 = (dx * dx + dy * dy).max(1.0);
                let f = repulsion * degree[i] * degree[j] / d2;
                shift[i].0 += dx * f;
                shift[i].1 += dy * f;
                shift[j].0 -= dx * f;
                shift[j].1 -= dy * f;
            }
        }
        for &(a, b, s) in &links {
            let (dx, dy) = (p[a].0 - p[b].0, p[a].1 - p[b].1);
            shift[a].0 -= dx * s;
            shift[a].1 -= dy * s;
            shift[b].0 += dx * s;
            shift[b].1 += dy * s;
        }
        let centre = p.iter().fold((0.0, 0.0), |c, q| {
            (c.0 + q.0 / n as f32, c.1 + q.1 / n as f32)
        });
        let heat = start_heat * cooling.powi(step as i32);
        let mut moved = 0f32;
        for i in 0..n {
            shift[i].0 += (centre.0 - p[i].0) * gravity * degree[i];
            shift[i].1 += (centre.1 - p[i].1) * gravity * degree[i];
            let len = (shift[i].0 * shift[i].0 + shift[i].1 * shift[i].1).sqrt();
            if len > 0.0 {
                let step_len = len.min(heat);
                p[i].0 += shift[i].0 / len * step_len;
                p[i].1 += shift[i].1 / len * step_len;
                moved = moved.max(step_len);
            }
        }
        if moved < 0.5 {
            break;
        }
    }
    for (&i, q) in group.iter().zip(p) {
        pos[i] = q;
    }
    steps
}

/// The radius of each node: by the square root of its stories, from 4 to 22.
fn radii(stories: &[usize]) -> Vec<f32> {
    let most = stories.iter().copied().max().unwrap_or(1).max(1) as f32;
    stories
        .iter()
        .map(|&s| 4.0 + 18.0 * (s as f32 / most).sqrt())
        .collect()
}

/// The margin kept free around a picture.
const MARGIN: f32 = 30.0;

/// Positions scaled and moved to fill the frame, with the same scale both ways.
fn fit(pos: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let (min_x, max_x, min_y, max_y) = pos.iter().fold(
        (f32::MAX, f32::MIN, f32::MAX, f32::MIN),
        |(a, b, c, d), p| (a.min(p.0), b.max(p.0), c.min(p.1), d.max(p.1)),
    );
    let (w, h) = ((max_x - min_x).max(1.0), (max_y - min_y).max(1.0));
    let scale = ((WIDTH - 2.0 * MARGIN) / w)
        .min((HEIGHT - 2.0 * MARGIN) / h)
        .min(3.0);
    let (ox, oy) = (
        (WIDTH - w * scale) / 2.0 - min_x * scale,
        (HEIGHT - h * scale) / 2.0 - min_y * scale,
    );
    pos.into_iter()
        .map(|(x, y)| (x * scale + ox, y * scale + oy))
        .collect()
}

/// Nodes pushed apart until no two circles overlap (a few passes), kept in the frame.
fn settle(mut pos: Vec<(f32, f32)>, radii: &[f32]) -> Vec<(f32, f32)> {
    let n = pos.len();
    for _ in 0..60 {
        let mut overlapped = false;
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[j].0 - pos[i].0, pos[j].1 - pos[i].1);
                let d = (dx * dx + dy * dy).sqrt();
                let need = radii[i] + radii[j] + 2.0;
                if d < need {
                    overlapped = true;
                    let (ux, uy) = if d > 0.01 {
                        (dx / d, dy / d)
                    } else {
                        let a = (i * 7 + j * 13) as f32;
                        (a.cos(), a.sin())
                    };
                    let push = (need - d) / 2.0;
                    pos[i].0 -= ux * push;
                    pos[i].1 -= uy * push;
                    pos[j].0 += ux * push;
                    pos[j].1 += uy * push;
                }
            }
        }
        for (p, r) in pos.iter_mut().zip(radii) {
            p.0 = p.0.clamp(r + 2.0, WIDTH - r - 2.0);
            p.1 = p.1.clamp(r + 2.0, HEIGHT - r - 2.0);
        }
        if !overlapped {
            break;
        }
    }
    pos
}

/// How wide a text is at font size 1, by its letters, on the wide side of common sans-serif
/// faces (DejaVu Sans, Segoe UI, Roboto), so that labels placed apart are drawn apart.
pub fn text_width(text: &str) -> f32 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | '.' | ',' | '\'' | ' ' | '-' | '(' | ')' => {
                0.36
            }
            'm' | 'w' | 'M' | 'W' => 0.92,
            c if c.is_uppercase() => 0.74,
            c if c.is_ascii_digit() => 0.64,
            _ => 0.62,
        })
        .sum()
}

/// Labels for the nodes, the most storied first, each put right of, left of, above or below its
/// node where it overlaps no label placed before it and stays in the frame; a node with no such
/// place is left without a label (its name shows on hover).
fn place_labels(
    names: &[&str],
    stories: &[usize],
    pos: &[(f32, f32)],
    radii: &[f32],
) -> Vec<Option<Label>> {
    let most = stories.iter().copied().max().unwrap_or(1).max(1) as f32;
    let mut placed: Vec<(f32, f32, f32, f32)> = Vec::new();
    let mut labels = vec![None; names.len()];
    // Nodes come sorted by stories, most first.
    for i in 0..names.len() {
        let size = 11.0 + 5.0 * (stories[i] as f32 / most).sqrt();
        let w = text_width(names[i]) * size;
        let h = size * 1.2;
        let (x, y, r) = (pos[i].0, pos[i].1, radii[i]);
        let spots = [
            (x + r + 3.0, y - h / 2.0),
            (x - r - 3.0 - w, y - h / 2.0),
            (x - w / 2.0, y - r - 2.0 - h),
            (x - w / 2.0, y + r + 2.0),
        ];
        let free = spots.into_iter().find(|&(left, top)| {
            left >= 0.0
                && top >= 0.0
                && left + w <= WIDTH
                && top + h <= HEIGHT
                && placed.iter().all(|&(l, t, pw, ph)| {
                    left + w <= l || l + pw <= left || top + h <= t || t + ph <= top
                })
        });
        if let Some((left, top)) = free {
            placed.push((left, top, w, h));
            labels[i] = Some(Label {
                x: left,
                y: top + size * 0.95,
                size,
            });
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let mut corpus = Corpus::new();
        let stories = [
            ("a.txt", "Talks in Geneva\n\nPresident Joe Biden met Chancellor Olaf Scholz in Geneva on Monday. Biden said the United Nations would help. Scholz agreed.\n"),
            ("b.txt", "Aid for the flood\n\nJoe Biden and Olaf Scholz promised aid through the United Nations, Biden told Reuters.\n"),
            ("c.txt", "A new budget\n\nOlaf Scholz presented the budget to the Bundestag in Berlin. Scholz said the Bundestag would vote soon.\n"),
            ("d.txt", "Ceasefire call\n\nAntonio Guterres, head of the United Nations, called for a ceasefire. Guterres spoke in New York.\n"),
        ];
        for (name, text) in stories {
            corpus.add_file(name, text.as_bytes()).unwrap();
        }
        corpus.finish();
        corpus
    }

    fn by_name<'a>(network: &'a Network, name: &str) -> Option<(usize, &'a Node)> {
        network
            .nodes
            .iter()
            .enumerate()
            .find(|(_, n)| n.name == name)
    }

    #[test]
    fn entities_named_together_are_linked_by_the_stories_they_share() {
        let corpus = corpus();
        let options = NetworkOptions::default();
        let network = corpus.network(&Query::default(), &options, &[]);
        let (biden, node) = by_name(&network, "Joe Biden").expect("Biden is a node");
        assert_eq!(node.stories, 2);
        let (scholz, _) = by_name(&network, "Olaf Scholz").unwrap();
        let link = network
            .links
            .iter()
            .find(|l| (l.a as usize, l.b as usize) == (biden.min(scholz), biden.max(scholz)))
            .expect("Biden and Scholz are linked");
        assert_eq!(link.weight, 2);
        // Places are not asked for.
        assert!(by_name(&network, "Geneva").is_none());
        // The shared stories are the two that name both.
        let shared =
            corpus.shared_stories(&Query::default(), node.entity, network.nodes[scholz].entity);
        assert_eq!(shared.len(), 2);
        // A heavier minimum weight leaves the one-story links out.
        let strong = corpus.network(
            &Query::default(),
            &NetworkOptions {
                min_weight: 2,
                ..options
            },
            &[],
        );
        assert!(strong.links.iter().all(|l| l.weight >= 2));
        assert!(strong.weak_links > 0);
        assert_eq!(strong.nodes, network.nodes, "the slider moves no entity");
    }

    #[test]
    fn a_network_crosses_to_the_page_and_back_unchanged() {
        let network = corpus().network(&Query::default(), &NetworkOptions::default(), &[]);
        assert!(!network.links.is_empty());
        let json = serde_json::to_string(&network).unwrap();
        // Three little-endian u32s a link.
        let bytes = json
            .split("\"links\":[")
            .nth(1)
            .unwrap()
            .split(']')
            .next()
            .unwrap();
        assert_eq!(bytes.split(',').count(), network.links.len() * 12, "{json}");
        assert_eq!(serde_json::from_str::<Network>(&json).unwrap(), network);
    }

    #[test]
    fn the_layout_is_deterministic_inside_the_frame_and_without_overlaps() {
        let corpus = corpus();
        let options = NetworkOptions {
            kinds: EntityKind::ALL.to_vec(),
            ..NetworkOptions::default()
        };
        let network = corpus.network(&Query::default(), &options, &[]);
        assert_eq!(network, corpus.network(&Query::default(), &options, &[]));
        let nodes = &network.nodes;
        assert!(nodes.len() >= 6, "{nodes:?}");
        for (i, a) in nodes.iter().enumerate() {
            assert!(
                a.x - a.r >= 0.0 && a.x + a.r <= WIDTH && a.y - a.r >= 0.0 && a.y + a.r <= HEIGHT
            );
            for b in &nodes[i + 1..] {
                let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                assert!(d >= a.r + b.r, "{} and {} overlap", a.name, b.name);
            }
        }
        // The most storied entity always has its name written.
        assert!(nodes[0].label.is_some());
    }

    #[test]
    fn labels_never_overlap_even_when_crowded() {
        let names: Vec<String> = (0..200).map(|i| format!("Person Number {i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let stories: Vec<usize> = (0..200).rev().map(|i| i + 1).collect();
        let pos: Vec<(f32, f32)> = (0..200)
            .map(|i| {
                (
                    WIDTH * unit_hash(names[i], 1),
                    HEIGHT * unit_hash(names[i], 2),
                )
            })
            .collect();
        let radii = radii(&stories);
        let labels = place_labels(&names, &stories, &pos, &radii);
        let boxes: Vec<(f32, f32, f32, f32)> = labels
            .iter()
            .zip(&names)
            .filter_map(|(l, name)| {
                let l = (*l)?;
                let w = text_width(name) * l.size;
                Some((l.x, l.y - l.size * 0.95, w, l.size * 1.2))
            })
            .collect();
        assert!(boxes.len() >= 20, "only {} labels", boxes.len());
        assert!(boxes.len() < 200, "not every label can fit");
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = a.0 + a.2 <= b.0 + 0.01
                    || b.0 + b.2 <= a.0 + 0.01
                    || a.1 + a.3 <= b.1 + 0.01
                    || b.1 + b.3 <= a.1 + 0.01;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn a_narrower_filter_keeps_entities_near_where_they_were() {
        let corpus = corpus();
        let options = NetworkOptions {
            kinds: EntityKind::ALL.to_vec(),
            ..NetworkOptions::default()
        };
        let wide = corpus.network(&Query::default(), &options, &[]);
        let narrow_query = Query {
            text: "Scholz".into(),
            ..Query::default()
        };
        let narrow = corpus.network(&narrow_query, &options, &wide.anchors());
        assert!(narrow.nodes.len() < wide.nodes.len());
        let moved: f32 = narrow
            .nodes
            .iter()
            .filter_map(|n| {
                let w = wide.nodes.iter().find(|w| w.entity == n.entity)?;
                Some(((n.x - w.x).powi(2) + (n.y - w.y).powi(2)).sqrt())
            })
            .fold(0.0, f32::max);
        assert!(moved < WIDTH / 3.0, "an entity moved {moved}");
    }
}
