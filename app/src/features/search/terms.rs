//! The words of search: how a text becomes the terms both databases index, how a
//! reader's query becomes the terms it asks for, and which words of a text a query
//! marks. One tokenizer serves all three, so what is indexed, what is asked and what
//! is highlighted agree.
//!
//! A word is a run of letters, digits (and combining marks). Each is lower-cased and
//! folded with the project's one folding (`fold_vietnamese`: tones, hats and đ), and
//! written as ASCII only, marked with the field it comes from:
//! - `t…` a word of the title, `h…` of the title or the lead, `a…` of any field
//!   (folded: "Đảng" → `tdang`, `hdang`, `adang`);
//! - `x…` the word as written, tones kept (hex of its UTF-8: "đảng" → `xc491e1baa36e67`),
//!   for "exact first".
//!
//! The databases see nothing but these ASCII words separated by spaces, so SQLite's
//! FTS5 (`ascii` tokenizer) and PostgreSQL's `to_tsvector('simple', …)` find the same
//! entries for the same terms.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::core::text::{fold_vietnamese, hex};

/// A word longer than this (a URL, a run of digits) is not indexed nor asked for.
pub const WORD_MAX: usize = 48;
/// A query's words beyond this many are ignored.
pub const QUERY_WORDS_MAX: usize = 8;
/// Words of a body beyond this many are not indexed (PostgreSQL keeps positions up to
/// 16,383 and a term list under 1 MB).
pub const BODY_WORDS_MAX: usize = 5_000;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The words of `text` with their byte ranges, in order.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out.into_iter()
        .filter(|(_, w)| w.chars().count() <= WORD_MAX)
}

/// A word folded and lower-cased, in ASCII ("Đảng" → "dang"; what folding leaves
/// outside ASCII is written as hex after a `q`).
pub fn folded(word: &str) -> String {
    let f = fold_vietnamese(word).to_lowercase();
    if f.bytes().all(|b| b.is_ascii_alphanumeric()) {
        f
    } else {
        format!("q{}", hex(f.as_bytes()))
    }
}

/// A word as written, lower-cased with its tones, in ASCII (`x` and the hex of its
/// NFC UTF-8).
pub fn exact(word: &str) -> String {
    let w: String = word.nfc().collect::<String>().to_lowercase();
    format!("x{}", hex(w.as_bytes()))
}

/// True when a word carries a tone, a hat or đ (folding changes it).
fn toned(word: &str) -> bool {
    fold_vietnamese(word) != word.nfc().collect::<String>()
}

/// The terms indexed for an entry (see the module comment), title words first.
pub fn index_terms(title: &str, lead: &str, body: &str) -> String {
    let mut out = String::new();
    let mut push = |mark: char, term: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(mark);
        out.push_str(term);
    };
    let title_words: Vec<String> = words(title).map(|(_, w)| folded(w)).collect();
    let lead_words: Vec<String> = words(lead).map(|(_, w)| folded(w)).collect();
    for w in &title_words {
        push('t', w);
    }
    for w in title_words.iter().chain(&lead_words) {
        push('h', w);
    }
    let body_words = || words(body).take(BODY_WORDS_MAX);
    for w in title_words.iter().chain(&lead_words) {
        push('a', w);
    }
    for (_, w) in body_words() {
        push('a', &folded(w));
    }
    let all = words(title).chain(words(lead)).chain(body_words());
    for (_, w) in all {
        // `exact` starts with its own mark
        push('x', &exact(w)[1..]);
    }
    out
}

/// One word of a query: folded, and as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    pub exact: String,
}

/// A reader's query as terms: its words in order (at most `QUERY_WORDS_MAX`; a word
/// twice stays twice, for the title's phrase), and
/// whether it was typed with tones (then what matches them as written comes first).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Terms {
    pub words: Vec<Word>,
    pub toned: bool,
}

impl Terms {
    pub fn parse(query: &str) -> Terms {
        let mut terms = Terms::default();
        for (_, w) in words(query) {
            if terms.words.len() == QUERY_WORDS_MAX {
                break;
            }
            let word = Word {
                folded: folded(w),
                exact: exact(w),
            };
            terms.toned |= toned(w);
            terms.words.push(word);
        }
        terms
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `word` (of a text shown) is one the query asks for.
    pub fn marks(&self, word: &str) -> bool {
        let f = folded(word);
        self.words.iter().any(|w| w.folded == f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_anything_but_letters_and_digits() {
        let w: Vec<&str> = words("Xây dựng Đảng, năm 2024: COVID-19!")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["Xây", "dựng", "Đảng", "năm", "2024", "COVID", "19"]);
        let long = "a".repeat(WORD_MAX + 1);
        assert_eq!(words(&format!("x {long} y")).count(), 2);
    }

    #[test]
    fn folding_makes_toned_and_plain_the_same_term() {
        assert_eq!(folded("Đảng"), "dang");
        assert_eq!(folded("đang"), "dang");
        assert_eq!(folded("XÂY"), "xay");
        assert_ne!(exact("Đảng"), exact("đang"));
        assert_eq!(exact("Đảng"), exact("đảng"));
        // a decomposed "ả" is the same word as the composed one
        assert_eq!(exact("đa\u{309}ng"), exact("đảng"));
        assert!(folded("Straße").starts_with('q'));
    }

    #[test]
    fn the_index_holds_ascii_words_marked_with_their_field() {
        let terms = index_terms("Xây dựng Đảng", "Sáng nay", "Hội nghị");
        assert!(
            terms
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b' ')
        );
        let t: Vec<&str> = terms.split(' ').collect();
        assert_eq!(&t[..3], ["txay", "tdung", "tdang"]);
        assert!(t.contains(&"hsang") && !t.contains(&"tsang"));
        assert!(t.contains(&"ahoi") && !t.contains(&"hhoi"));
        assert!(t.contains(&exact("Đảng").as_str()));
    }

    #[test]
    fn a_query_knows_its_words_and_whether_it_has_tones() {
        let plain = Terms::parse("xay dung dang");
        assert!(!plain.toned);
        assert_eq!(plain.words.len(), 3);
        let toned = Terms::parse("Xây dựng Đảng");
        assert!(toned.toned);
        let folded: Vec<&str> = toned.words.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(folded, ["xay", "dung", "dang"]);
        assert_eq!(Terms::parse("công bố cổng").words.len(), 3);
        assert_eq!(
            Terms::parse(&(0..20).map(|i| format!("w{i} ")).collect::<String>())
                .words
                .len(),
            QUERY_WORDS_MAX
        );
        assert!(Terms::parse(" ,;- ").is_empty());
        assert!(toned.marks("ĐẢNG") && toned.marks("đang") && !toned.marks("dân"));
    }
}
