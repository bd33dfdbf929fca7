//! Site chrome: the menus, prompts, counters and footers that scrapers sweep up with the article.
//!
//! Three kinds of evidence, weakest assumption first:
//! - shape: a fragment of at most three characters, or a line with no letter (`TT`, `20`, `|`);
//! - corpus statistics ([`LineStats`]): a line that is not a sentence and recurs at the same place
//!   in the blocks of at least [`RECURRING_BLOCKS`] different articles is chrome, so a new site's
//!   footer is found without a code change;
//! - a short list of phrases that mean chrome on any news site ([`is_known_phrase`]).
//!
//! A body sentence is never chrome by statistics: only a known phrase can remove a sentence.

use aho_corasick::AhoCorasick;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// In how many different blocks a non-sentence line must recur to count as chrome.
pub const RECURRING_BLOCKS: usize = 3;

/// Lines that are chrome when they are the whole line (compared lower-cased, end punctuation off).
const WHOLE_LINE: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "menu",
    "home",
    "search",
    "close",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "print this article",
    "comments",
    "comment",
    "reply",
    "click to comment",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "continue reading",
    "read more",
    "read the full story",
    "load more",
    "show more",
    "related",
    "related news",
    "related articles",
    "related posts",
    "related stories",
    "related content",
    "more stories",
    "more news",
    "trending",
    "most read",
    "most popular",
    "popular posts",
    "recommended",
    "you may also like",
    "article source",
    "source",
    "connect with us",
    "follow us",
    "follow us on",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "newsletter",
    "domain registration",
    "cookie settings",
    "accept",
    "accept all",
    "accept cookies",
    "reject all",
    "manage preferences",
    "privacy policy",
    "terms of use",
    "terms of service",
    "contact us",
    "about us",
    "back to top",
    "top of page",
    "next article",
    "previous article",
    "tags",
    "topics",
    "listen to this article",
    "view comments",
    "all rights reserved",
    "photo gallery",
    "watch",
    "video",
    "live updates",
];

/// Markers that make a whole line chrome wherever they stand in it, even in a sentence-like line.
const MARKERS: &[&str] = &[
    "your email address will not be published",
    "required fields are marked",
    "save my name, email",
    "follow our google news",
    "google news channel",
    "we use cookies",
    "uses cookies",
    "use of cookies",
    "cookie policy",
    "by continuing to browse",
    "by continuing to use",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "sign up to our newsletter",
    "get the latest news delivered",
    "in your inbox",
    "all rights reserved",
    "download our app",
    "download the app",
    "follow us on twitter",
    "follow us on facebook",
    "like us on facebook",
    "join our telegram",
    "this article was originally published",
    "click here to",
    // The notice a page shows a reader without scripts.
    "requires javascript",
    "javascript is required",
    "enable javascript",
    "javascript enabled",
    "javascript is disabled",
    "activating javascript",
    "turn on javascript",
];

/// All [`MARKERS`] in one automaton, so a line is scanned once whatever the number of markers.
fn markers() -> &'static AhoCorasick {
    static MARKERS_AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    MARKERS_AUTOMATON.get_or_init(|| {
        // The markers are a fixed list of plain strings: building the automaton cannot fail.
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(MARKERS)
            .expect("the chrome markers build an automaton")
    })
}

/// Headers that introduce a list of links to other articles.
const READ_MORE: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "related news",
    "related articles",
    "related stories",
    "related posts",
    "related coverage",
    "more on this",
    "more on this story",
    "more from",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "further reading",
    "more stories",
    "most read",
];

/// Typographic quotes and dashes as their plain forms: a page writes the same headline with
/// "’" in one place and "'" in another.
pub fn fold_typography(c: char) -> char {
    match c {
        '‘' | '’' | '′' => '\'',
        '“' | '”' | '″' => '"',
        '‐' | '‑' | '–' | '—' => '-',
        c => c,
    }
}

/// A line lower-cased with white space collapsed, end punctuation trimmed and typographic quotes
/// and dashes made plain: the key under which lines are compared with each other and with the
/// phrase lists.
pub fn key(line: &str) -> String {
    let trimmed = line.trim_matches(|c: char| !c.is_alphanumeric());
    let mut key = String::with_capacity(trimmed.len());
    let mut space = false;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            key.push(' ');
            space = false;
        }
        if c.is_ascii() {
            key.push(c.to_ascii_lowercase());
        } else {
            let c = fold_typography(c);
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// The hash of a line's [`key`], computed without building the key: lines are compared by it.
pub fn key_hash(line: &str) -> u64 {
    let trimmed = line.trim_matches(|c: char| !c.is_alphanumeric());
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |byte: u8| hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    let mut space = false;
    let mut buffer = [0u8; 4];
    for c in trimmed.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            feed(b' ');
            space = false;
        }
        if c.is_ascii() {
            feed(c.to_ascii_lowercase() as u8);
        } else if let c @ ('\'' | '"' | '-') = fold_typography(c) {
            feed(c as u8);
        } else {
            for lower in c.to_lowercase() {
                lower.encode_utf8(&mut buffer).bytes().for_each(&mut feed);
            }
        }
    }
    hash
}

/// Lines longer than this are never a whole-line phrase, so their key string is not needed.
const LONGEST_PHRASE: usize = 48;

/// A line of at most three characters, or one with no letter in it.
pub fn is_fragment(line: &str) -> bool {
    line.chars().count() <= 3 || !line.chars().any(char::is_alphabetic)
}

/// A phrase that is chrome on any site: the whole line, or a marker anywhere in it.
pub fn is_known_phrase(line: &str) -> bool {
    (line.len() <= LONGEST_PHRASE && WHOLE_LINE.contains(&key(line).as_str()))
        || (has_copyright_mark(line) && line.split_whitespace().count() <= 16)
        || markers().is_match(line)
        || is_skip_link(line)
}

/// A copyright mark that opens a notice ("© 2025 Site", "Copyright ©2025"), not one written on
/// a brand's last word ("Bryan University Online©", in a page title).
fn has_copyright_mark(line: &str) -> bool {
    line.match_indices('©').any(|(at, _)| {
        !line[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    })
}

/// The most words of a link that skips to a part of the page.
const SKIP_LINK_WORDS: usize = 10;

/// A link that skips to a part of the page, as pages offer for keyboards and screen readers or
/// above a long review ("Skip to main content", "Skip to table of contents", "Jump to Review",
/// "Skip to main content Skip to footer"): a few words, no sentence.
fn is_skip_link(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let opens = words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("skip") || w.eq_ignore_ascii_case("jump"))
        && words
            .next()
            .is_some_and(|w| w.trim_end_matches(':').eq_ignore_ascii_case("to"));
    opens
        && line.split_whitespace().nth(SKIP_LINK_WORDS).is_none()
        && !line.trim_end().ends_with(['.', '!', '?'])
}

/// Labels that put a link to another article inside the text ("Read next: …") besides the
/// headers of lists of links ([`READ_MORE`]).
const LINK_LABELS: &[&str] = &[
    "related reading",
    "related article",
    "related story",
    "related post",
    "related content",
    "read next",
    "check out",
    "don't miss",
    "must read",
];

/// The most words of the headline after a link label.
const LINK_WORDS: usize = 24;

/// A link to another article standing as a line of the text: a label, a colon and a headline
/// ("Related: Students aren't benefiting much from tutoring", "💡 Read More: Protect Your
/// Review Assets", "(Related reading: the democratization of data.)"). A headline may itself
/// open with "Recommended:", so that label is left to the headers.
pub fn is_inline_link(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    let label = label.trim_start_matches(|c: char| !c.is_alphanumeric());
    if label.len() > LONGEST_PHRASE {
        return false;
    }
    let label = key(label);
    let labelled = LINK_LABELS.contains(&label.as_str())
        || READ_MORE.contains(&label.as_str()) && !label.starts_with("recommended");
    labelled && (1..=LINK_WORDS).contains(&rest.split_whitespace().take(LINK_WORDS + 1).count())
}

/// A header that introduces related links ("Read more:", "Related News", "See also").
pub fn is_read_more_header(line: &str) -> bool {
    line.len() <= LONGEST_PHRASE
        && line.split_whitespace().count() <= 5
        && READ_MORE.contains(&key(line).as_str())
}

fn hash(text: &str) -> u64 {
    // FNV-1a: fixed, so counts are the same on every machine.
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// How often each line recurs across the blocks of a corpus.
#[derive(Debug, Default)]
pub struct LineStats {
    blocks_by_key: HashMap<u64, usize>,
}

impl LineStats {
    /// Counts, for every line key, the blocks it occurs in, where blocks with the same longest
    /// line count once: copies of one story share it, so they must not make the story's own
    /// lines look like chrome.
    pub fn from_blocks<'a>(blocks: impl Iterator<Item = &'a [(crate::LineNo, &'a str)]>) -> Self {
        let mut seen: HashSet<(u64, u64)> = HashSet::new();
        for block in blocks {
            let Some((_, longest)) = block.iter().max_by_key(|(_, line)| line.len()) else {
                continue;
            };
            let context = hash(longest);
            for (_, line) in block {
                seen.insert((key_hash(line), context));
            }
        }
        let mut blocks_by_key: HashMap<u64, usize> = HashMap::new();
        for (line, _) in seen {
            *blocks_by_key.entry(line).or_default() += 1;
        }
        LineStats { blocks_by_key }
    }

    /// The lines that occur in [`RECURRING_BLOCKS`] blocks or more, as (key hash, blocks), in
    /// key order: all that another worker needs of the counts to split files as this corpus does
    /// (see [`LineStats::from_recurring`]), since fewer blocks make no line chrome.
    pub fn recurring(&self) -> Vec<(u64, usize)> {
        let mut lines: Vec<(u64, usize)> = self
            .blocks_by_key
            .iter()
            .filter(|&(_, &blocks)| blocks >= RECURRING_BLOCKS)
            .map(|(&key, &blocks)| (key, blocks))
            .collect();
        lines.sort_unstable();
        lines
    }

    /// The counts [`LineStats::recurring`] gave: every other line is counted as in no block.
    pub fn from_recurring(lines: impl IntoIterator<Item = (u64, usize)>) -> Self {
        LineStats {
            blocks_by_key: lines.into_iter().collect(),
        }
    }

    /// In how many distinct blocks the line occurs.
    pub fn blocks(&self, line: &str) -> usize {
        self.blocks_for_hash(key_hash(line))
    }

    /// [`LineStats::blocks`] for a line whose [`key_hash`] is already at hand.
    pub fn blocks_for_hash(&self, key_hash: u64) -> usize {
        self.blocks_by_key.get(&key_hash).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_other_articles_inside_the_text() {
        crate::testing::assert_sorts(
            is_inline_link,
            &[
                "Related: Students aren’t benefiting much from tutoring, one new study shows",
                "READ MORE: Should you offer green cleaning services?",
                "💡 Read More: Protect Your Review Assets With Forensic Watermarking",
                "(Related reading: the democratization of data.)",
                "See also: A Brief History of Photography",
            ],
            &[
                "The council said: read more about the plan on its website before Friday's meeting.",
                "Read more",
                "Note: prices may change",
                "Related: The committee, which met for the first time in March, heard evidence from twelve witnesses over three days and will publish its findings in the autumn after a further round of hearings",
            ],
        );
    }

    #[test]
    fn links_that_skip_to_a_part_of_the_page() {
        crate::testing::assert_sorts(
            is_known_phrase,
            &[
                "Skip to table of contents",
                "Skip to main content Skip to footer",
                "Jump to Review",
                "Jump to:",
                "skip to the end of the global utility bar",
            ],
            &[
                "Jump to the end of the queue, the minister told the farmers.",
                "Skip to 2019, when the council voted again and the plan was dropped for good after a long debate",
                "Jumping to conclusions",
            ],
        );
    }

    #[test]
    fn key_hash_is_the_hash_of_the_key() {
        for line in [
            "  Read More: ",
            "Iraq Frustrated by Iran’s Reluctance",
            "ÉTÉ   Été",
            "…",
        ] {
            assert_eq!(key_hash(line), hash(&key(line)), "{line}");
        }
    }

    #[test]
    fn phrases_fragments_and_headers() {
        assert!(is_known_phrase("Continue Reading"));
        assert!(is_known_phrase("  Related News "));
        assert!(is_known_phrase("Your email address will not be published."));
        assert!(is_known_phrase(
            "For the latest headlines, follow our Google News channel online or via the app."
        ));
        assert!(is_known_phrase(
            "© 2024 The Daily Example. All rights reserved."
        ));
        assert!(is_known_phrase("Copyright ©2025 Example Media"));
        // A brand's mark in a page title is no notice.
        assert!(!is_known_phrase(
            "Kickstart Your Accounting Education: Degree vs. Certification | Bryan University Online©"
        ));
        assert!(!is_known_phrase(
            "The council said it would read more reports before deciding."
        ));
        assert!(is_fragment("TT") && is_fragment("20") && is_fragment("— | —"));
        assert!(!is_fragment("Iran"));
        assert!(is_read_more_header("Read more:") && is_read_more_header("SEE ALSO"));
        assert!(!is_read_more_header(
            "Read more about the floods in our earlier report:"
        ));
    }

    #[test]
    fn recurrence_counts_distinct_blocks_once_per_story() {
        let a = [
            (1, "Story one"),
            (2, "Share this"),
            (3, "The body of the first story."),
        ];
        let b = [
            (1, "Story two"),
            (2, "Share this"),
            (3, "The body of the second story."),
        ];
        let b_copy = b;
        let stats = LineStats::from_blocks([&a[..], &b[..], &b_copy[..]].into_iter());
        assert_eq!(stats.blocks("share THIS"), 2);
        assert_eq!(stats.blocks("The body of the second story."), 1);
        assert_eq!(stats.blocks("never seen"), 0);
    }
}
