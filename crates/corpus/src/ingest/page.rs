//! Main content of a page: which lines of a block are the article, and which line is its headline.
//!
//! A whole web page flattened to text (one line per block element) holds the article somewhere in
//! the middle: menus, a cookie notice and share buttons before it; related stories, comments and
//! the footer after it. Without the HTML the article is told by what its lines are and where they
//! stand:
//! - **what a line is**: a paragraph is a sentence with the function words of running prose
//!   ("the", "of", "and"); a menu item, a label or a list of links has few or none of them; site
//!   chrome (fragments, known phrases, lines that recur across the corpus) is never the article;
//!   a header such as "Leave a Reply", "Related stories" or "About the author" ends it;
//! - **where it stands**: the article is the one contiguous run of lines where prose outweighs
//!   everything else, found as the run of greatest total score (each paragraph counts its words,
//!   each other line a small cost), so short lines inside the run (subheadings, list items, a
//!   caption) are kept when the run goes on after them, and the same lines before or after it
//!   are not.
//!
//! The headline: a page dump starts with the page's `<title>`, usually the headline with the
//! site's name after a separator ("Storm hits the coast | The Daily Example"), and the headline
//! stands again just above the article. So the title is the line nearest above the article that
//! is the page title or a part of it (the longest part that matches), else the nearest line above
//! the article that reads like a headline.
//!
//! Everything here is general to web pages: no site, page or name is special.

use super::chrome;

/// Words of running English prose: a paragraph has them, a menu or a list of names has few.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "because", "been",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
    "her", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its", "more", "most", "my",
    "no", "not", "of", "on", "one", "only", "or", "our", "out", "she", "so", "some", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "will", "with", "would",
    "you", "your",
];

/// Headers that end an article: what follows them is comments, other stories or the author's
/// profile, never more of the article (compared as chrome keys, lower-cased).
const SECTION_ENDS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "write a comment",
    "join the conversation",
    "join the discussion",
    "comments",
    "comment",
    "responses",
    "discussion",
    "reader comments",
    "show comments",
    "view comments",
    "related",
    "related posts",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "related reading",
    "related coverage",
    "related links",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "more stories",
    "more news",
    "more articles",
    "more to read",
    "read next",
    "read more",
    "up next",
    "most read",
    "most popular",
    "trending",
    "trending now",
    "popular posts",
    "popular stories",
    "latest news",
    "latest posts",
    "latest articles",
    "latest stories",
    "top stories",
    "editor's picks",
    "editors' picks",
    "about the author",
    "about the authors",
    "more from this author",
    "share this",
    "share this article",
    "share this post",
    "share this story",
    "share on",
    "share",
    "tags",
    "filed under",
    "previous post",
    "next post",
    "previous article",
    "next article",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "references",
    "sources",
    "article sources",
    "sources and references",
    "references and further reading",
    "footnotes",
    "bibliography",
    "works cited",
    "citations",
    "see also",
    "external links",
    "external websites",
    "further reading",
];

/// What a line weighs in the search for the article's run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Weight {
    /// Ends the article: nothing after it belongs to the run before it. After a comments
    /// header, once an article has been seen, nothing at all is the article.
    SectionEnd {
        /// Whether it opens the comments.
        comments: bool,
    },
    /// A score: positive for prose, negative for everything else.
    Score(f32),
}

/// What a sentence's words count for beyond this many: a long paragraph is article, a line of
/// a few words with a full stop (a product blurb in a menu) hardly is.
const SHORT_SENTENCE: f32 = 8.0;

/// The share of function words from which a sentence reads as prose.
pub const PROSE_SHARE: f32 = 0.12;

/// The cost of a line of site chrome inside the run.
const CHROME_COST: f32 = 6.0;

/// The number of white-space separated words.
pub fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// A word packed into a number for a quick look-up: lower-cased, ’ read as ', at most 8 bytes.
/// None when the word cannot be a function word (longer, or not ASCII).
fn packed(word: &str) -> Option<u64> {
    let mut value = 0u64;
    for (length, c) in word.chars().enumerate() {
        let byte = match c {
            '’' => b'\'',
            c if c.is_ascii() => c.to_ascii_lowercase() as u8,
            _ => return None,
        };
        if length == 8 {
            return None;
        }
        value = value << 8 | u64::from(byte);
    }
    Some(value)
}

/// [`FUNCTION_WORDS`] packed and sorted.
fn function_words() -> &'static [u64] {
    static PACKED: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    PACKED.get_or_init(|| {
        let mut packed: Vec<u64> = FUNCTION_WORDS.iter().filter_map(|w| packed(w)).collect();
        packed.sort_unstable();
        packed
    })
}

/// Whether a word (any case) is a function word of English prose.
pub fn is_function_word(word: &str) -> bool {
    // No function word is longer than 7 letters ("because"; "it’s" is 6 bytes).
    word.len() <= 8 && packed(word).is_some_and(|p| function_words().binary_search(&p).is_ok())
}

/// How many words [`function_word_share`] reads: enough to tell prose from a list.
const SHARE_SAMPLE: usize = 24;

/// The share of a line's words that are function words (0 for an empty line), over its first
/// [`SHARE_SAMPLE`] words.
pub fn function_word_share(line: &str) -> f32 {
    let mut words = 0usize;
    let mut function = 0usize;
    for word in line.split_whitespace().take(SHARE_SAMPLE) {
        words += 1;
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        if is_function_word(bare) {
            function += 1;
        }
    }
    if words == 0 {
        0.0
    } else {
        function as f32 / words as f32
    }
}

/// A header after which the article is over ("Leave a Reply", "Related stories", "3 Comments").
pub fn is_section_end(line: &str) -> bool {
    if line.len() > 48 || word_count(line) > 6 {
        return line.len() <= 300 && counts_comments(line.trim());
    }
    SECTION_ENDS.contains(&chrome::key(line).as_str()) || counts_comments(line.trim())
}

/// Words a count of comments may follow when it is a link or a button to them ("View all 12
/// comments", "Read 3 replies", "Search 87 Comments").
const TO_COMMENTS: &[&str] = &["view", "show", "see", "read", "load", "search", "all"];

/// A count of comments, alone or naming the headline in quotes (then as long as the
/// headline), or the link to them: "3 Comments", "One response", "12 thoughts on “The
/// headline”", "View all 12 comments".
fn counts_comments(line: &str) -> bool {
    let mut words = line.split_whitespace().peekable();
    for _ in 0..2 {
        if words
            .peek()
            .is_some_and(|w| TO_COMMENTS.iter().any(|to| w.eq_ignore_ascii_case(to)))
        {
            words.next();
        }
    }
    let first = words.next().unwrap_or("");
    let counted = !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit())
        || ["one", "two", "three", "no"]
            .iter()
            .any(|count| first.eq_ignore_ascii_case(count));
    if !counted {
        return false;
    }
    let second = words.next().unwrap_or("").trim_end_matches(':');
    let comments = [
        "comment",
        "comments",
        "response",
        "responses",
        "thoughts",
        "replies",
    ]
    .iter()
    .any(|word| second.eq_ignore_ascii_case(word));
    if !comments {
        return false;
    }
    let third = words.next();
    let names_headline = third
        .is_some_and(|w| w.eq_ignore_ascii_case("on") || w.eq_ignore_ascii_case("to"))
        && words
            .next()
            .is_some_and(|w| w.starts_with(['"', '“', '‘', '\'', '«']));
    let rest = usize::from(third.is_some()) + words.count();
    rest <= 4 || names_headline
}

/// Whether a section end opens the comments ("Leave a Reply", "3 Comments").
pub fn opens_comments(line: &str) -> bool {
    let key = chrome::key(line);
    [
        "comment",
        "repl",
        "respons",
        "thought",
        "discussion",
        "conversation",
    ]
    .iter()
    .any(|word| key.contains(word))
}

/// How much a line weighs: `sentence` says whether it has the shape of a sentence, `chrome`
/// whether it is site chrome, `repeated` whether the same line stood earlier in the block (a
/// widget shown twice is not twice the article).
pub fn weigh(line: &str, sentence: bool, chrome: bool, repeated: bool) -> Weight {
    if is_section_end(line) {
        return Weight::SectionEnd {
            comments: opens_comments(line),
        };
    }
    if chrome || repeated {
        return Weight::Score(-CHROME_COST);
    }
    let words = word_count(line) as f32;
    let share = function_word_share(line);
    if sentence && share >= PROSE_SHARE {
        Weight::Score((words - SHORT_SENTENCE).max(-1.0))
    } else if sentence {
        // Sentence-shaped but without prose's function words: a list of names or links.
        Weight::Score(-1.0)
    } else if words >= 4.0 && share >= 0.2 {
        // A short line in the words of prose: a list item, a lead-in ("Here is how:").
        Weight::Score(0.5)
    } else if is_title_case(line) {
        // A menu item, a label, a link, a heading.
        Weight::Score(-1.0 - 0.25 * words.min(12.0))
    } else {
        Weight::Score(-0.5)
    }
}

/// Every word of two letters or more starts with a capital letter (or is a number): the shape
/// of menu items, labels and headings, not of text.
pub fn is_title_case(line: &str) -> bool {
    line.split_whitespace()
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .all(|word| {
            word.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| !c.is_lowercase())
        })
}

/// How much prose a run needs to be an article that comments come after.
const ARTICLE_BEFORE_COMMENTS: f32 = 50.0;

/// The run of lines (first, last, inclusive) of greatest total score, never crossing a
/// [`Weight::SectionEnd`], and never past the comments once an article stood before them;
/// None when no line scores above zero.
pub fn main_run(weights: &[Weight]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut current = 0.0f32;
    let mut start = 0usize;
    for (index, weight) in weights.iter().enumerate() {
        let score = match *weight {
            Weight::SectionEnd { comments } => {
                if comments && best.is_some_and(|(total, _, _)| total >= ARTICLE_BEFORE_COMMENTS) {
                    break;
                }
                current = 0.0;
                start = index + 1;
                continue;
            }
            Weight::Score(score) => score,
        };
        if current <= 0.0 {
            current = score;
            start = index;
        } else {
            current += score;
        }
        if current > 0.0 && best.is_none_or(|(total, _, _)| current > total) {
            best = Some((current, start, index));
        }
    }
    best.map(|(_, first, last)| (first, last))
}

/// The most words of a page title's part that can be its headline.
const LONGEST_TITLE_PART: usize = 25;

/// Separators between a headline and the site's name in a page title.
pub const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " • ", " · ", " :: ", " » ", " « ", " / ", " ~ ",
];

/// The parts of a page title split at its separators, the headline's first: in the title's
/// order, unless the last part is much the longest (the whole title is not among them; none when
/// it has no separator).
pub fn title_parts(title: &str) -> Vec<&str> {
    let whole = title;
    let title = title.trim_end_matches(|c: char| c.is_whitespace() || "|-–—•·»«/~:".contains(c));
    let mut parts = vec![title];
    for separator in TITLE_SEPARATORS {
        parts = parts
            .into_iter()
            .flat_map(|part| part.split(separator))
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect();
    }
    if parts.len() < 2 {
        // "Headline |": a separator with nothing after it still ends the headline.
        return if parts.first().is_some_and(|&part| part != whole) {
            parts
        } else {
            Vec::new()
        };
    }
    // The headline first: a page title names the page before the site ("Headline | Site",
    // "Headline - Section - Site"), unless its last part is much the longest ("Site - A long
    // headline of many words").
    let last = parts[parts.len() - 1];
    let others_longest = parts[..parts.len() - 1]
        .iter()
        .map(|part| part.len())
        .max()
        .unwrap_or(0);
    // A last part of several sentences is the site's description, not a headline.
    if last.len() >= 2 * others_longest && (4..=LONGEST_TITLE_PART).contains(&word_count(last)) {
        parts.rotate_right(1);
    }
    parts
}

/// A headline as a reader wants it: character references a scraper left undecoded ("&amp;",
/// "&#x26;") made into their characters, a breadcrumb trail in front of it ("Home » Blog »
/// Headline", "You are here: Home / Headline") and separators or ornaments left at its end
/// ("Headline |", "Headline ⋆") taken off.
pub fn clean_title(title: &str) -> String {
    let decoded = decode_references(title);
    let mut text = decoded.trim();
    for opener in ["you are here:", "home"] {
        let Some(head) = text.get(..opener.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(opener) {
            continue;
        }
        let rest = text[opener.len()..].trim_start();
        if opener == "home" {
            // The trail's own separator, right after "Home", cuts off everything but the last crumb.
            if let Some(separator) = BREADCRUMB_SEPARATORS
                .iter()
                .find(|separator| rest.starts_with(separator.trim_start()))
            {
                let last = rest[separator.trim_start().len()..]
                    .rsplit(separator)
                    .map(str::trim)
                    .find(|crumb| !crumb.is_empty());
                if let Some(last) = last.filter(|crumb| word_count(crumb) >= 2) {
                    text = last;
                }
            }
        } else {
            text = rest;
        }
    }
    // "Headline (example.com) 87": a link site's headline names where it leads and counts its
    // comments.
    if let Some((head, tail)) = text.rsplit_once(" (") {
        if let Some((host, count)) = tail.split_once(')') {
            let count = count.trim();
            if is_host_name(host)
                && count.chars().all(|c| c.is_ascii_digit())
                && word_count(head) >= 3
            {
                text = head.trim_end();
            }
        }
    }
    // "Headline | Section": a headline is never written with a bar in it; what follows the bar
    // is the site's, the section's or a label's.
    if let Some(at) = text.find(" | ") {
        if word_count(&text[..at]) >= 2 {
            text = &text[..at];
        }
    }
    text.trim_end_matches(|c: char| c.is_whitespace() || TITLE_ORNAMENTS.contains(c))
        .to_owned()
}

/// A host's name alone: "latimes.com", "news.example.co.uk" (letters, digits and hyphens in
/// dotted labels, the last a word of letters).
fn is_host_name(text: &str) -> bool {
    let labels: Vec<&str> = text.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// What follows the first of `openers` a line opens with (any case, leading white space
/// aside), or None: `after_opener("Written by Jane", &["written by "])` is `Some("Jane")`.
pub fn after_opener<'a>(line: &'a str, openers: &[&str]) -> Option<&'a str> {
    let line = line.trim_start();
    openers.iter().find_map(|opener| {
        line.get(..opener.len())
            .filter(|head| head.eq_ignore_ascii_case(opener))
            .map(|_| &line[opener.len()..])
    })
}

/// Whether a short line is one of `labels` (compared as chrome keys, lower-cased, without the
/// punctuation around it: "Published:" is "published").
pub fn is_label(line: &str, labels: &[&str]) -> bool {
    line.len() <= 24 && labels.contains(&chrome::key(line).as_str())
}

/// What separates the crumbs of a breadcrumb trail.
const BREADCRUMB_SEPARATORS: &[&str] = &[" » ", " > ", " › ", " / ", " | ", " - "];

/// Separators and ornaments that end no headline.
const TITLE_ORNAMENTS: &str = "|•·⋆★☆»«/~-–—:;,";

/// Text with the HTML character references a scraper can leave in it decoded: numeric ones and
/// the few named ones that stand in running text. Anything else is kept as written.
pub fn decode_references(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&end| (2..=10).contains(&end));
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = if let Some(number) = name.strip_prefix('#') {
                let value = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => number.parse().ok(),
                };
                value.and_then(char::from_u32).filter(|c| !c.is_control())
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some(' '),
                    "ndash" => Some('–'),
                    "mdash" => Some('—'),
                    "rsquo" => Some('’'),
                    "lsquo" => Some('‘'),
                    "ldquo" => Some('“'),
                    "rdquo" => Some('”'),
                    "hellip" => Some('…'),
                    _ => None,
                }
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Lower-cased words (letters and digits) of a line, as a set.
fn word_set(line: &str) -> std::collections::HashSet<String> {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A title's words, kept to be compared with many lines.
pub struct TitleWords(std::collections::HashSet<String>);

impl TitleWords {
    /// The words of a title.
    pub fn new(title: &str) -> Self {
        TitleWords(word_set(title))
    }

    /// How alike a line is to the title: the Dice coefficient of their word sets (0 to 1).
    pub fn similarity(&self, line: &str) -> f32 {
        let words = word_set(line);
        let total = words.len() + self.0.len();
        if total == 0 {
            return 0.0;
        }
        2.0 * words.intersection(&self.0).count() as f32 / total as f32
    }
}

/// A line that reads like a headline: a few words, not a sentence's end, not a date.
pub fn is_headline_like(line: &str) -> bool {
    let words = word_count(line);
    (3..=30).contains(&words)
        // Not a sentence's end, nor a link ("See our picks →").
        && !line.trim_end().ends_with(['.', ':', ',', '→', '»', '›'])
        && line.chars().any(char::is_alphabetic)
        && line.chars().next().is_some_and(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn prose_outweighs_menus() {
        assert!(
            function_word_share("The council approved the bridge on Monday after a debate.") > 0.3
        );
        assert!(
            function_word_share("Cash Flow Management Performance Analytics KPIs Calculator")
                < 0.05
        );
    }

    #[test]
    fn section_ends() {
        for line in [
            "Leave a Reply",
            "Related stories",
            "3 Comments",
            "About the Author",
            "Tags:",
            "59 Comments on “The December Comfort Watches 2025, Day Eighteen: Starship Troopers”",
            "References",
            "Sources:",
            "Further reading",
            "External Websites",
            "View all 12 comments",
            "Search 87 Comments Log In/Create an Account",
        ] {
            assert!(is_section_end(line), "{line}");
        }
        for line in [
            "The comments came late",
            "Related to the case, he said",
            "Storm hits",
            "3 comments on the plan were sent to the council before the vote on Monday",
            "Sources said the deal was close",
            "References to the war",
            "Read 3 books a week",
            "See all 5 stories",
        ] {
            assert!(!is_section_end(line), "{line}");
        }
    }

    #[test]
    fn the_run_keeps_short_lines_inside_and_drops_them_outside() {
        use Weight::Score;
        let weights = [
            Score(-2.0),
            Score(-2.0),
            Score(30.0),
            Score(-2.0),
            Score(25.0),
            Score(-2.0),
            Weight::SectionEnd { comments: false },
            Score(20.0),
        ];
        assert_eq!(main_run(&weights), Some((2, 4)));
        assert_eq!(main_run(&[Score(-1.0)]), None);
    }

    #[test]
    fn titles_lose_references_trails_and_ornaments() {
        assert_eq!(
            clean_title("12 Data Tools for 2026 &#x26; Beyond"),
            "12 Data Tools for 2026 & Beyond"
        );
        assert_eq!(
            clean_title("Salt &amp; Pepper &copy; Guide"),
            "Salt & Pepper &copy; Guide"
        );
        assert_eq!(
            clean_title("Home » Our Journey » The Ultimate Wedding Timeline"),
            "The Ultimate Wedding Timeline"
        );
        assert_eq!(
            clean_title("You are here: Home / Blog / Oklahoma / The Best Restaurants in OKC"),
            "The Best Restaurants in OKC"
        );
        assert_eq!(
            clean_title("The Best Boxes in 2025 |"),
            "The Best Boxes in 2025"
        );
        assert_eq!(clean_title("Home Gym Must Haves ⋆"), "Home Gym Must Haves");
        // A headline that only starts with the word is no trail.
        assert_eq!(
            clean_title("Home prices fall for a third month"),
            "Home prices fall for a third month"
        );
        assert_eq!(clean_title("Why now?"), "Why now?");
        assert_eq!(
            clean_title("How meditation rewires brains | Opinion"),
            "How meditation rewires brains"
        );
        // A link site's headline: where it leads and the count of its comments go.
        assert_eq!(
            clean_title("Grads find their degrees no longer guarantee jobs (latimes.com) 87"),
            "Grads find their degrees no longer guarantee jobs"
        );
        assert_eq!(
            clean_title("Notes on the 1.5 release (version 2.0)"),
            "Notes on the 1.5 release (version 2.0)"
        );
    }

    #[test]
    fn page_titles_split_at_separators() {
        assert_eq!(
            title_parts("Storm hits the coast | The Daily Example"),
            ["Storm hits the coast", "The Daily Example"]
        );
        assert!(title_parts("Storm hits the coast").is_empty());
        assert_eq!(title_parts("A - B | Site").len(), 3);
        // The headline's part first, even when a section's is longer.
        assert_eq!(
            title_parts("Rates rise - Business and Personal Finance | The Daily Example")[0],
            "Rates rise"
        );
        // Unless the last part is much the longest: the site's name came first.
        assert_eq!(
            title_parts("Example News - Storm hits the coast as thousands lose power")[0],
            "Storm hits the coast as thousands lose power"
        );
        assert_eq!(
            title_parts("Storm hits the coast |"),
            ["Storm hits the coast"]
        );
        // A site's description of several sentences is no headline, however long.
        assert_eq!(
            title_parts("Sustainable Clothing Brands | I travel and live in a way that supports a peaceful climate. Slow, minimalist, vegan and mindful. It is meaningful. It is imperfect. So I lean on gratitude.")[0],
            "Sustainable Clothing Brands"
        );
    }
}
