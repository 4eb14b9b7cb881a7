//! Edits of one text (a list of marked runs) at character offsets: insert, delete,
//! cut in two, join, and marks set over a range. Offsets count Unicode scalar values
//! (`char`s) of the text the runs spell; every edit leaves the runs normal (no empty
//! run, no two neighbours with the same marks), so equal texts compare equal.

use crate::content::Inline;

/// The marks of a run, without its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub link: Option<String>,
}

impl Marks {
    pub fn of(run: &Inline) -> Marks {
        Marks {
            bold: run.bold,
            italic: run.italic,
            underline: run.underline,
            link: run.link.clone(),
        }
    }

    /// A run of `text` with these marks.
    pub fn run(&self, text: impl Into<String>) -> Inline {
        Inline {
            text: text.into(),
            bold: self.bold,
            italic: self.italic,
            underline: self.underline,
            link: self.link.clone(),
        }
    }
}

/// A mark set or cleared over a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Bold,
    Italic,
    Underline,
    /// A link to the address (checked by the caller as the server checks it), or none.
    Link(Option<String>),
}

impl Mark {
    fn set(&self, run: &mut Inline, on: bool) {
        match self {
            Mark::Bold => run.bold = on,
            Mark::Italic => run.italic = on,
            Mark::Underline => run.underline = on,
            Mark::Link(to) => run.link = if on { to.clone() } else { None },
        }
    }

    fn is_on(&self, run: &Inline) -> bool {
        match self {
            Mark::Bold => run.bold,
            Mark::Italic => run.italic,
            Mark::Underline => run.underline,
            Mark::Link(to) => run.link.is_some() && (to.is_none() || run.link == *to),
        }
    }
}

/// How many characters the runs spell.
pub fn len(runs: &[Inline]) -> usize {
    runs.iter().map(|r| r.text.chars().count()).sum()
}

/// The byte index in `text` of character `offset` (its end when past it).
fn byte_at(text: &str, offset: usize) -> usize {
    text.char_indices()
        .nth(offset)
        .map_or(text.len(), |(i, _)| i)
}

/// Merges neighbours with the same marks and drops empty runs.
pub fn normalize(runs: &mut Vec<Inline>) {
    let mut out: Vec<Inline> = Vec::with_capacity(runs.len());
    for run in runs.drain(..) {
        if run.text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if Marks::of(last) == Marks::of(&run) => last.text.push_str(&run.text),
            _ => out.push(run),
        }
    }
    *runs = out;
}

/// Cuts the runs at character `offset`: what comes before and what comes after.
pub fn split(runs: &[Inline], offset: usize) -> (Vec<Inline>, Vec<Inline>) {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    let mut at = 0;
    for run in runs {
        let n = run.text.chars().count();
        if at + n <= offset {
            left.push(run.clone());
        } else if at >= offset {
            right.push(run.clone());
        } else {
            let cut = byte_at(&run.text, offset - at);
            let marks = Marks::of(run);
            left.push(marks.run(&run.text[..cut]));
            right.push(marks.run(&run.text[cut..]));
        }
        at += n;
    }
    normalize(&mut left);
    normalize(&mut right);
    (left, right)
}

/// The runs of `from..to` (characters), marks kept.
pub fn slice(runs: &[Inline], from: usize, to: usize) -> Vec<Inline> {
    let (_, rest) = split(runs, from);
    split(&rest, to.saturating_sub(from)).0
}

/// `a` followed by `b`.
pub fn join(a: &[Inline], b: &[Inline]) -> Vec<Inline> {
    let mut out: Vec<Inline> = a.iter().chain(b).cloned().collect();
    normalize(&mut out);
    out
}

/// The marks typing at `offset` takes: those of the character before it (at the start,
/// those of the first character). A link does not grow at its end: text typed right
/// after a link is plain of it.
pub fn marks_at(runs: &[Inline], offset: usize) -> Marks {
    let mut at = 0;
    for run in runs {
        let n = run.text.chars().count();
        if offset > at && offset <= at + n {
            let mut marks = Marks::of(run);
            if offset == at + n {
                marks.link = None;
            }
            return marks;
        }
        at += n;
    }
    runs.first().map(Marks::of).unwrap_or_default()
}

/// Inserts `text` at `offset` with `marks`.
pub fn insert(runs: &mut Vec<Inline>, offset: usize, text: &str, marks: &Marks) {
    if text.is_empty() {
        return;
    }
    let (left, right) = split(runs, offset);
    let mut out = left;
    out.push(marks.run(text));
    out.extend(right);
    normalize(&mut out);
    *runs = out;
}

/// Deletes the characters `from..to`.
pub fn delete(runs: &mut Vec<Inline>, from: usize, to: usize) {
    if to <= from {
        return;
    }
    let (left, rest) = split(runs, from);
    let (_, right) = split(&rest, to - from);
    *runs = join(&left, &right);
}

/// True when every character of `from..to` has `mark` (an empty range: the character
/// before it has).
pub fn has_mark(runs: &[Inline], from: usize, to: usize, mark: &Mark) -> bool {
    if to <= from {
        let before = marks_at(runs, from).run("x");
        return mark.is_on(&before);
    }
    let part = slice(runs, from, to);
    !part.is_empty() && part.iter().all(|r| mark.is_on(r))
}

/// Sets (`on`) or clears `mark` over the characters `from..to`.
pub fn set_mark(runs: &mut Vec<Inline>, from: usize, to: usize, mark: &Mark, on: bool) {
    if to <= from {
        return;
    }
    let (left, rest) = split(runs, from);
    let (mut middle, right) = split(&rest, to - from);
    for run in &mut middle {
        mark.set(run, on);
    }
    let mut out = left;
    out.extend(middle);
    out.extend(right);
    normalize(&mut out);
    *runs = out;
}

/// Ctrl+B and the like: clears `mark` over the range when all of it has it, sets it
/// otherwise. Returns whether it is on now.
pub fn toggle_mark(runs: &mut Vec<Inline>, from: usize, to: usize, mark: &Mark) -> bool {
    let on = !has_mark(runs, from, to, mark);
    set_mark(runs, from, to, mark, on);
    on
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bold(text: &str) -> Inline {
        Inline {
            text: text.into(),
            bold: true,
            ..Default::default()
        }
    }

    fn plain(text: &str) -> Inline {
        Inline::plain(text)
    }

    #[test]
    fn offsets_count_characters_not_bytes() {
        let runs = vec![plain("Tiếng "), bold("Việt")];
        assert_eq!(len(&runs), 10);
        let (l, r) = split(&runs, 3);
        assert_eq!(l, vec![plain("Tiế")]);
        assert_eq!(r, vec![plain("ng "), bold("Việt")]);
        assert_eq!(slice(&runs, 3, 7), vec![plain("ng "), bold("V")]);
        assert_eq!(join(&l, &r), runs);
    }

    #[test]
    fn typing_takes_the_marks_before_it_but_a_link_does_not_grow() {
        let mut runs = vec![plain("Hội "), bold("nghị")];
        let marks = marks_at(&runs, 8);
        assert!(marks.bold);
        insert(&mut runs, 8, " lần", &marks);
        assert_eq!(runs, vec![plain("Hội "), bold("nghị lần")]);
        // at the start: the first character's marks
        assert!(!marks_at(&runs, 0).bold);
        let link = Inline {
            text: "đây".into(),
            link: Some("https://quochoi.vn".into()),
            ..Default::default()
        };
        let runs = vec![plain("xem "), link];
        assert_eq!(marks_at(&runs, 7).link, None);
        assert!(marks_at(&runs, 6).link.is_some());
        assert_eq!(marks_at(&[], 0), Marks::default());
    }

    #[test]
    fn deleting_across_runs_joins_what_is_left() {
        let mut runs = vec![plain("Đại "), bold("hội"), plain(" Đảng")];
        delete(&mut runs, 2, 10);
        assert_eq!(runs, vec![plain("Đạng")]);
        let mut runs = vec![plain("ab"), bold("cd"), plain("ef")];
        delete(&mut runs, 2, 4);
        assert_eq!(
            runs,
            vec![plain("abef")],
            "neighbours with the same marks merge"
        );
        delete(&mut runs, 3, 3);
        assert_eq!(runs, vec![plain("abef")], "an empty range deletes nothing");
        delete(&mut runs, 0, 99);
        assert!(runs.is_empty());
    }

    #[test]
    fn marks_over_a_range_across_runs() {
        let mut runs = vec![plain("một "), bold("hai"), plain(" ba")];
        // part bold: Ctrl+B makes all of it bold
        assert!(toggle_mark(&mut runs, 2, 9, &Mark::Bold));
        assert_eq!(runs, vec![plain("mộ"), bold("t hai b"), plain("a")]);
        assert!(toggle_mark(&mut runs, 0, 10, &Mark::Bold));
        assert_eq!(runs, vec![bold("một hai ba")]);
        // all bold: Ctrl+B clears it
        assert!(!toggle_mark(&mut runs, 0, 10, &Mark::Bold));
        assert_eq!(runs, vec![plain("một hai ba")]);
        // a link, then another address over part of it
        let to = |u: &str| Mark::Link(Some(u.to_string()));
        set_mark(&mut runs, 4, 10, &to("https://a.vn"), true);
        set_mark(&mut runs, 8, 10, &to("https://b.vn"), true);
        assert_eq!(runs.len(), 3);
        assert_eq!(runs[1].link.as_deref(), Some("https://a.vn"));
        assert_eq!(runs[2].link.as_deref(), Some("https://b.vn"));
        assert!(has_mark(&runs, 4, 10, &Mark::Link(None)));
        assert!(!has_mark(&runs, 4, 10, &to("https://a.vn")));
        set_mark(&mut runs, 0, 10, &Mark::Link(None), false);
        assert_eq!(runs, vec![plain("một hai ba")]);
    }

    #[test]
    fn normal_runs_compare_equal() {
        let mut a = vec![plain(""), plain("a"), plain("b"), bold(""), bold("c")];
        normalize(&mut a);
        assert_eq!(a, vec![plain("ab"), bold("c")]);
    }
}
