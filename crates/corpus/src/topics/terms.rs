//! Terms for topic discovery: lower-cased words without stop words, plurals folded to the
//! singular, and runs of capitalised words ("Coordination Framework", "Mohammed Shia al-Sudani")
//! kept as one term, so a name counts as one thing and not as its parts.

use crate::extract::dates::{MONTH_NAMES, WEEKDAY_NAMES};

/// English function words and the words every news story uses, which say nothing of a topic.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "away",
    "back",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "came",
    "can",
    "cannot",
    "come",
    "could",
    "day",
    "days",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "early",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "first",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "given",
    "go",
    "going",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "near",
    "need",
    "never",
    "new",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "part",
    "past",
    "per",
    "put",
    "rather",
    "really",
    "recent",
    "recently",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "second",
    "see",
    "seen",
    "set",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "take",
    "taken",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "three",
    "through",
    "thus",
    "time",
    "times",
    "to",
    "told",
    "too",
    "toward",
    "towards",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "very",
    "via",
    "was",
    "way",
    "we",
    "week",
    "weeks",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "added",
    "according",
    "asked",
    "called",
    "made",
    "make",
    "making",
    "month",
    "months",
    "today",
    "around",
    "believe",
    "did",
    "doesn",
    "didn",
    "don",
    "isn",
    "wasn",
    "won",
    "t",
    "s",
];

/// Whether a lower-cased word says nothing of a topic. A contraction of function words ("i'm",
/// "we’ve", "don't", "it's") is one too, whichever apostrophe it is written with.
pub fn is_stop_word(word: &str) -> bool {
    if let Some((stem, tail)) = word.split_once(['\'', '’']) {
        let contraction = match tail {
            "m" | "re" | "ve" | "ll" | "d" => true,
            "t" => stem.ends_with('n'),
            "s" => is_listed_stop_word(stem),
            _ => false,
        };
        if contraction {
            return true;
        }
    }
    is_listed_stop_word(word)
}

fn is_listed_stop_word(word: &str) -> bool {
    // Looked up for every word of the corpus: hashed with FNV, not SipHash.
    static SET: std::sync::OnceLock<crate::extract::gazetteer::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        // Weekdays and months date a story; they say nothing of its topic.
        let calendar = MONTH_NAMES.iter().chain(WEEKDAY_NAMES.iter());
        STOP_WORDS.iter().chain(calendar).copied().collect()
    })
    .contains(word)
}

/// Folds a plural to its singular: militias → militia, countries → country, buses → bus.
pub fn fold(word: &str) -> String {
    let mut out = fold_str(word).to_owned();
    if let Some(tail) = fold_tail(word) {
        out.push_str(tail);
    }
    out
}

/// The part of `word` its singular keeps (see [`fold`]).
fn fold_str(word: &str) -> &str {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        &word[..n - 3]
    } else if n > 4
        && (word.ends_with("sses")
            || word.ends_with("ches")
            || word.ends_with("shes")
            || word.ends_with("xes"))
    {
        &word[..n - 2]
    } else if n > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        &word[..n - 1]
    } else {
        word
    }
}

/// What the singular of `word` adds to [`fold_str`]: the y of countries → country.
fn fold_tail(word: &str) -> Option<&'static str> {
    (word.len() > 4 && word.ends_with("ies")).then_some("y")
}

/// A word of the text with whether it starts with a capital and whether it starts a sentence.
struct Word<'a> {
    text: &'a str,
    capital: bool,
    sentence_start: bool,
}

/// A capitalised word, or a name particle glued to one ("al-Sudani").
fn is_capitalised(word: &str) -> bool {
    let rest = word
        .strip_prefix("al-")
        .or_else(|| word.strip_prefix("el-"))
        .unwrap_or(word);
    let mut chars = rest.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    // An all-capital word of four or more letters is a shouted heading, not a name.
    let shouted = rest.chars().count() >= 4 && rest.chars().all(|c| !c.is_lowercase());
    first_upper && !shouted
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    let mut start: Option<usize> = None;
    let is_word_char = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
            let next_is_word = chars.peek().is_some_and(|&(_, n)| is_word_char(n));
            if !next_is_word {
                let from = start.take().unwrap_or(i);
                let piece = text[from..i + c.len_utf8()]
                    .trim_matches(|c: char| c == '-' || c == '\'' || c == '’');
                // Possessives go: Iran's → Iran.
                let piece = piece
                    .strip_suffix("'s")
                    .or_else(|| piece.strip_suffix("’s"))
                    .unwrap_or(piece);
                if !piece.is_empty() {
                    out.push(Word {
                        text: piece,
                        capital: is_capitalised(piece),
                        sentence_start,
                    });
                    sentence_start = false;
                }
            }
        } else if matches!(c, '.' | '!' | '?' | '\n' | ':' | ';' | '“' | '"') {
            sentence_start = true;
        } else if !c.is_whitespace() && c != ',' {
            // Brackets, dashes and the like break a run of capitalised words.
            sentence_start = sentence_start || matches!(c, '(' | ')' | '—' | '–');
        }
    }
    out
}

/// `word` lower-cased into `out` (cleared first).
fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// The terms of a text with their surface forms, all kept in one string: a text's terms cost
/// two allocations, not two per word.
#[derive(Debug, Default)]
pub struct TermList {
    text: String,
    /// Per term: where it ends and its surface form starts, and where that ends (each starts
    /// where the one before ends).
    spans: Vec<(u32, u32)>,
}

impl TermList {
    fn push(&mut self, term: &str, surface: &str) {
        self.text.push_str(term);
        let middle = self.text.len() as u32;
        self.text.push_str(surface);
        self.spans.push((middle, self.text.len() as u32));
    }

    /// Each term with its surface form, in the text's order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        let mut start = 0usize;
        self.spans.iter().map(move |&(middle, end)| {
            let (middle, end) = (middle as usize, end as usize);
            let pair = (&self.text[start..middle], &self.text[middle..end]);
            start = end;
            pair
        })
    }
}

/// The terms of a text, each with the surface form it had there.
pub fn terms(text: &str) -> Vec<(String, String)> {
    term_list(text)
        .iter()
        .map(|(term, surface)| (term.to_owned(), surface.to_owned()))
        .collect()
}

/// Whether a word (in lower case) is a term: three letters or more, a letter among them, and no
/// stop word.
fn is_term_word(lower: &str) -> bool {
    lower.chars().count() >= 3 && !is_stop_word(lower) && lower.chars().any(char::is_alphabetic)
}

/// [`terms`], kept in one [`TermList`].
pub fn term_list(text: &str) -> TermList {
    term_list_with(text, false)
}

/// [`term_list`]; with `name_words`, each word of a name of several words is a term too, beside
/// the name ("Tony Blair" also gives "tony" and "blair").
pub fn term_list_with(text: &str, name_words: bool) -> TermList {
    let words = words(text);
    let mut out = TermList {
        text: String::with_capacity(text.len()),
        spans: Vec::with_capacity(words.len() / 2),
    };
    let mut lower = String::new();
    let mut folded = String::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        if word.capital {
            // A run of capitalised words, with "of" allowed inside: Ministry of Defence.
            let mut end = i + 1;
            while end < words.len() {
                let next = &words[end];
                if next.sentence_start {
                    break;
                }
                if next.capital {
                    end += 1;
                } else if next.text == "of"
                    && words
                        .get(end + 1)
                        .is_some_and(|w| w.capital && !w.sentence_start)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            // A sentence-initial function word is not part of a name: "The Iraqi official".
            let mut from = i;
            while from < end && {
                lower_into(words[from].text, &mut lower);
                is_stop_word(&lower)
            } {
                from += 1;
            }
            if end - from >= 2 {
                let surface: Vec<&str> = words[from..end].iter().map(|w| w.text).collect();
                let surface = surface.join(" ");
                out.push(&surface.to_lowercase(), &surface);
                if name_words {
                    for w in &words[from..end] {
                        lower_into(w.text, &mut lower);
                        if is_term_word(&lower) {
                            out.push(&lower, w.text);
                        }
                    }
                }
            } else if end - from == 1 {
                lower_into(words[from].text, &mut lower);
                if !is_stop_word(&lower)
                    && lower.chars().count() >= 3
                    && !lower.chars().all(|c| c.is_ascii_digit())
                {
                    if word.sentence_start && from == i {
                        out.push(&lower, &lower);
                    } else {
                        out.push(&lower, words[from].text);
                    }
                }
            }
            i = end.max(i + 1);
            continue;
        }
        lower_into(word.text, &mut lower);
        if is_term_word(&lower) {
            folded.clear();
            folded.push_str(fold_str(&lower));
            if let Some(tail) = fold_tail(&lower) {
                folded.push_str(tail);
            }
            out.push(&folded, &lower);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn contractions_of_function_words_name_no_topic() {
        for word in ["i’m", "i'm", "we’ve", "you're", "don't", "it’s", "they'll"] {
            assert!(is_stop_word(word), "{word}");
        }
        for word in ["o'brien", "rock'n'roll", "militia"] {
            assert!(!is_stop_word(word), "{word}");
        }
    }

    use super::*;

    fn just_terms(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn names_are_one_term_and_words_are_folded() {
        assert_eq!(
            just_terms("The Iraqi premier warned the Coordination Framework about militias."),
            [
                "iraqi",
                "premier",
                "warned",
                "coordination framework",
                "militia"
            ]
        );
        assert_eq!(
            just_terms("Prime Minister Mohammed Shia al-Sudani met the Ministry of Defence in Iran's capital."),
            ["prime minister mohammed shia al-sudani", "met", "ministry of defence", "iran", "capital"]
        );
        assert_eq!(
            just_terms("PARLIAMENTARY ELECTIONS NEXT YEAR"),
            ["parliamentary", "election"]
        );
    }

    #[test]
    fn the_words_of_a_name_count_beside_it_when_asked() {
        let text = "The talks were led by Tony Blair in London.";
        let plain: Vec<String> = term_list(text).iter().map(|(t, _)| t.to_owned()).collect();
        assert!(plain.contains(&"tony blair".to_owned()), "{plain:?}");
        assert!(!plain.contains(&"blair".to_owned()), "{plain:?}");
        let with: Vec<(String, String)> = term_list_with(text, true)
            .iter()
            .map(|(t, s)| (t.to_owned(), s.to_owned()))
            .collect();
        for (term, surface) in [
            ("tony blair", "Tony Blair"),
            ("tony", "Tony"),
            ("blair", "Blair"),
        ] {
            assert!(with.contains(&(term.into(), surface.into())), "{with:?}");
        }
        // A lone capitalised word is already one term, not two.
        assert_eq!(
            with.iter().filter(|(t, _)| t == "london").count(),
            1,
            "{with:?}"
        );
    }

    #[test]
    fn plurals_fold_to_singular() {
        assert_eq!(fold("militias"), "militia");
        assert_eq!(fold("countries"), "country");
        assert_eq!(fold("crisis"), "crisis");
        assert_eq!(fold("bus"), "bus");
        assert_eq!(fold("churches"), "church");
    }
}
