//! What a result shows of its text: the title with the query's words marked, and a
//! snippet, the stretch of the lead or the body around the first of those words.

use super::model::Marked;
use super::terms::{Terms, words};

/// A snippet's length, in characters, about.
pub const SNIPPET_CHARS: usize = 220;
/// Characters kept before the first marked word.
const BEFORE: usize = 60;

/// `text` in runs, the query's words marked.
pub fn mark(text: &str, terms: &Terms) -> Marked {
    let mut out: Marked = Vec::new();
    let mut at = 0;
    let mut push = |s: &str, marked: bool| {
        if s.is_empty() {
            return;
        }
        match out.last_mut() {
            Some((t, m)) if *m == marked => t.push_str(s),
            _ => out.push((s.to_string(), marked)),
        }
    };
    // where the last marked word ended: words marked one after another are one mark
    let mut after_mark = None;
    for (start, w) in words(text) {
        if terms.marks(w) {
            let gap = &text[at..start];
            let joins = after_mark == Some(at) && gap.chars().all(char::is_whitespace);
            push(gap, joins);
            push(w, true);
            at = start + w.len();
            after_mark = Some(at);
        }
    }
    push(&text[at..], false);
    out
}

/// The byte offset of the first word of `text` the query asks for.
fn first_mark(text: &str, terms: &Terms) -> Option<usize> {
    words(text).find(|(_, w)| terms.marks(w)).map(|(i, _)| i)
}

/// About `SNIPPET_CHARS` of `text` from byte `start` (moved back to a word's start),
/// with "…" where it was cut.
fn cut(text: &str, start: usize) -> String {
    let begin = if start == 0 {
        0
    } else {
        // back up BEFORE characters, then forward to the next word
        let back: usize = text[..start]
            .chars()
            .rev()
            .take(BEFORE)
            .map(char::len_utf8)
            .sum();
        let from = start - back;
        match text[from..start].find(char::is_whitespace) {
            Some(ws) if from > 0 => from + ws + 1,
            _ => from,
        }
    };
    let rest = &text[begin..];
    let mut end = rest
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    if end < rest.len()
        && let Some(ws) = rest[..end].rfind(char::is_whitespace)
        && ws > 0
    {
        end = ws;
    }
    let mut s = String::new();
    if begin > 0 {
        s.push('…');
    }
    s.push_str(rest[..end].trim());
    if end < rest.len() {
        s.push('…');
    }
    s
}

/// The snippet of a result: the lead around its first marked word, else the body's,
/// else the lead's (or the body's) beginning.
pub fn snippet(lead: &str, body: &str, terms: &Terms) -> Marked {
    let text = if let Some(i) = first_mark(lead, terms) {
        cut(lead, i)
    } else if let Some(i) = first_mark(body, terms) {
        cut(body, i)
    } else if !lead.trim().is_empty() {
        cut(lead, 0)
    } else {
        cut(body, 0)
    };
    mark(&text, terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(m: &Marked) -> String {
        m.iter()
            .map(|(t, marked)| if *marked { format!("[{t}]") } else { t.clone() })
            .collect()
    }

    #[test]
    fn words_are_marked_whatever_their_tones() {
        let t = Terms::parse("xay dung dang");
        assert_eq!(
            shown(&mark("Xây dựng Đảng và chính quyền", &t)),
            "[Xây dựng Đảng] và chính quyền"
        );
        assert_eq!(shown(&mark("không có", &t)), "không có");
    }

    #[test]
    fn a_snippet_is_cut_around_the_first_word() {
        let t = Terms::parse("cầu");
        let body = format!(
            "{} cây cầu mới {}",
            "mở đầu ".repeat(40),
            "kết thúc ".repeat(60)
        );
        let s = shown(&snippet("", &body, &t));
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("[cầu]"));
        assert!(
            s.chars().count() <= SNIPPET_CHARS + 10,
            "{}",
            s.chars().count()
        );
        // no match: the lead's beginning, whole when short
        assert_eq!(
            shown(&snippet("Tin ngắn.", &body, &Terms::parse("xyz"))),
            "Tin ngắn."
        );
        // the lead first when it has the word
        assert_eq!(shown(&snippet("Một cây cầu.", &body, &t)), "Một cây [cầu].");
    }
}
