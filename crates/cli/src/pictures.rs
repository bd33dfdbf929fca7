//! `corpus network` and `corpus map`: the page's two pictures as JSON Lines, for the same
//! search.

use corpus::network::NetworkOptions;
use corpus::{EntityKind, Query};
use serde::Serialize;
use std::io::BufWriter;
use std::process::ExitCode;
use std::time::Instant;

/// One line of `corpus network` output.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum NetworkLine<'a> {
    /// An entity, where the layout put it.
    Node {
        name: &'a str,
        kind: &'static str,
        stories: usize,
        x: f32,
        y: f32,
        r: f32,
        label: Option<corpus::network::Label>,
    },
    /// Two entities and the stories they share.
    Link {
        a: &'a str,
        b: &'a str,
        weight: usize,
    },
}

/// The arguments both commands take: `--search Q` and the paths, and the network's options.
struct Args {
    query: Query,
    options: NetworkOptions,
    paths: Vec<String>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args {
        query: Query::default(),
        options: NetworkOptions::default(),
        paths: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        let number = |flag: &str, v: String| {
            v.parse::<usize>()
                .map_err(|_| format!("{flag} takes a number, not {v}"))
        };
        match arg.as_str() {
            "--search" => parsed.query.text = value("--search")?,
            "--size" => parsed.options.size = number("--size", value("--size")?)?,
            "--min-weight" => {
                parsed.options.min_weight = number("--min-weight", value("--min-weight")?)?
            }
            "--kinds" => {
                parsed.options.kinds = value("--kinds")?
                    .split(',')
                    .map(|k| match k.trim().to_uppercase().as_str() {
                        "PERSON" => Ok(EntityKind::Person),
                        "ORG" => Ok(EntityKind::Org),
                        "PLACE" => Ok(EntityKind::Place),
                        other => Err(format!("--kinds takes PERSON, ORG and PLACE, not {other}")),
                    })
                    .collect::<Result<_, _>>()?
            }
            _ => parsed.paths.push(arg.clone()),
        }
    }
    if parsed.paths.is_empty() {
        return Err("give files or folders to read".into());
    }
    Ok(parsed)
}

/// `corpus network [--size N] [--kinds PERSON,ORG,PLACE] [--min-weight N] [--search Q] PATH...`
/// or `corpus map [--search Q] PATH...`.
pub fn command(what: &str, args: &[String], usage: &str) -> ExitCode {
    let parsed = match parse(args) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("corpus: {message}\n{usage}");
            return ExitCode::from(2);
        }
    };
    let (corpus, failed) = crate::load(&parsed.paths);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let started = Instant::now();
    let written = if what == "network" {
        let network = corpus.network(&parsed.query, &parsed.options, &[]);
        eprintln!(
            "corpus: {} of {} entities, {} links ({} weaker left out), laid out in {} steps, {:.0} ms",
            network.nodes.len(),
            network.candidates,
            network.links.len(),
            network.weak_links,
            network.steps,
            started.elapsed().as_secs_f64() * 1000.0
        );
        let nodes = network.nodes.iter().map(|n| NetworkLine::Node {
            name: &n.name,
            kind: n.kind.label(),
            stories: n.stories,
            x: n.x,
            y: n.y,
            r: n.r,
            label: n.label,
        });
        let links = network.links.iter().map(|l| NetworkLine::Link {
            a: &network.nodes[l.a as usize].name,
            b: &network.nodes[l.b as usize].name,
            weight: l.weight,
        });
        nodes
            .chain(links)
            .try_for_each(|line| crate::write_line(&mut out, &line))
    } else {
        let map = corpus.place_map(&parsed.query);
        eprintln!(
            "corpus: {} countries, {} dots, {} places not on the map, {:.0} ms",
            map.countries.len(),
            map.points.len(),
            map.unplaced.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
        let countries = map
            .countries
            .iter()
            .map(|c| serde_json::json!({"type": "country", "code": c.code, "name": c.name, "stories": c.stories, "inside": c.inside}));
        let points = map.points.iter().map(|p| serde_json::json!({"type": "point", "name": p.name, "kind": p.kind, "country": p.country, "lon": p.lon, "lat": p.lat, "stories": p.stories}));
        let unplaced = map.unplaced.iter().map(|u| serde_json::json!({"type": "unplaced", "name": u.name, "why": u.why, "stories": u.stories}));
        countries
            .chain(points)
            .chain(unplaced)
            .try_for_each(|line| crate::write_line(&mut out, &line))
    };
    if written.is_err() {
        return ExitCode::SUCCESS;
    }
    crate::finish_output(&mut out, failed)
}
