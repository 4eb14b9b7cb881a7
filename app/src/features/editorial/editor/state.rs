//! The block editor's state and its commands, with no browser in them (so they are
//! unit-tested, in `state_tests.rs`): the document, its history, the marks switched on
//! for what is typed next, and each command a key or an IME asks for (typing,
//! deleting, Enter, a composition read back), as a change of the document and where
//! the caret goes; `commands` has the marks' and the blocks' commands. A command that
//! does not apply changes nothing and keeps no step.

use crate::content::edit::blocks::{self, TextKind, before};
use crate::content::edit::history::{Change, History};
use crate::content::edit::runs::{self, Marks};
use crate::content::edit::{Caret, Part, Place, ends, text, text_mut};
use crate::content::{Block, Doc, runs_text};

/// A selection: where it started and where it ends now (the caret, when collapsed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sel {
    pub anchor: Caret,
    pub focus: Caret,
}

impl Sel {
    pub fn caret(c: Caret) -> Sel {
        Sel {
            anchor: c,
            focus: c,
        }
    }

    pub fn collapsed(&self) -> bool {
        self.anchor == self.focus
    }

    /// Its start and its end, in reading order.
    pub fn range(&self) -> (Caret, Caret) {
        if before(self.focus, self.anchor) {
            (self.focus, self.anchor)
        } else {
            (self.anchor, self.focus)
        }
    }
}

/// The texts of a block in reading order (a list's items, a table's cells row by row).
pub fn texts_of(doc: &Doc, block: usize) -> Vec<Place> {
    match doc.blocks.get(block) {
        Some(Block::Paragraph { .. } | Block::Heading { .. } | Block::Quote { .. }) => {
            vec![Place::text(block)]
        }
        Some(Block::List { items, .. }) => {
            (0..items.len()).map(|i| Place::item(block, i)).collect()
        }
        Some(Block::Table { rows, .. }) => rows
            .iter()
            .enumerate()
            .flat_map(|(r, row)| (0..row.len()).map(move |c| Place::cell(block, r, c)))
            .collect(),
        _ => Vec::new(),
    }
}

/// Each text a range touches, with the part of it inside the range (from, to).
pub(super) fn pieces(doc: &Doc, from: Caret, to: Caret) -> Vec<(Place, usize, usize)> {
    let mut out = Vec::new();
    for block in from.at.block..=to.at.block {
        for at in texts_of(doc, block) {
            let len = runs::len(text(doc, at).map(Vec::as_slice).unwrap_or_default());
            let start = Caret::new(at, 0);
            let end = Caret::new(at, len);
            if before(end, from) || before(to, start) {
                continue;
            }
            let a = if at == from.at { from.offset } else { 0 };
            let b = if at == to.at { to.offset } else { len };
            if a < b {
                out.push((at, a, b));
            }
        }
    }
    out
}

/// The text after `at` (the next item, cell or text block), if any.
fn next_text(doc: &Doc, at: Place) -> Option<Place> {
    let mut all = texts_of(doc, at.block).into_iter().skip_while(|p| *p != at);
    all.next();
    all.next()
        .or_else(|| ends(doc, at.block + 1).map(|(first, _)| first))
}

/// What the toolbar shows of where the caret is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Focus {
    pub block: Option<usize>,
    pub kind: Option<TextKind>,
    pub table: bool,
    pub marks: Marks,
}

#[derive(Debug, Clone, Default)]
pub struct Editor {
    pub doc: Doc,
    pub history: History,
    /// Marks switched on or off with nothing selected, for the next characters typed.
    pub(super) pending: Option<Marks>,
    /// The block field last typed into: its typing is one step until another change.
    pub(super) field: Option<(usize, &'static str, Option<usize>)>,
}

impl Editor {
    /// An editor on `doc`, with a paragraph to type in at its end (the server drops
    /// empty paragraphs).
    pub fn new(mut doc: Doc) -> Editor {
        if !matches!(doc.blocks.last(), Some(Block::Paragraph { .. })) {
            doc.blocks.push(Block::Paragraph { text: Vec::new() });
        }
        Editor {
            doc,
            ..Editor::default()
        }
    }

    /// Applies `f` to a copy of the document; when it applies, the copy becomes the
    /// document and the history keeps a step (or goes on with one) of kind `change`.
    pub(super) fn apply(
        &mut self,
        before: Option<Caret>,
        change: Change,
        now: f64,
        f: impl FnOnce(&mut Doc) -> Option<Caret>,
    ) -> Option<Caret> {
        self.field = None;
        let mut next = self.doc.clone();
        let caret = f(&mut next)?;
        if next == self.doc {
            return Some(caret);
        }
        self.history.record(&self.doc, before, change, now);
        self.doc = next;
        self.history.moved_to(Some(caret));
        Some(caret)
    }

    /// The caret moved by the reader's hand (a click, an arrow): typing starts a step.
    pub fn moved(&mut self) {
        self.pending = None;
        self.field = None;
        self.history.seal();
    }

    /// Characters typed over the selection.
    pub fn type_text(&mut self, sel: Sel, typed: &str, now: f64) -> Option<Caret> {
        let typed = nfc(typed);
        let pending = self.pending.take();
        let change = if sel.collapsed() {
            Change::Typing
        } else {
            Change::Other
        };
        self.apply(Some(sel.focus), change, now, |doc| {
            let (from, to) = sel.range();
            let at = if sel.collapsed() {
                from
            } else {
                blocks::delete(doc, from, to).unwrap_or(from)
            };
            blocks::insert_text(doc, at, &typed, pending.as_ref())
        })
    }

    /// Deletes `range` (the browser's target range, else the selection); with nothing
    /// to delete, the character before (`back`) or after the caret, or joins texts.
    pub fn delete(&mut self, sel: Sel, range: Option<Sel>, back: bool, now: f64) -> Option<Caret> {
        let range = range
            .filter(|r| !r.collapsed())
            .or((!sel.collapsed()).then_some(sel));
        if let Some(r) = range {
            let (from, to) = r.range();
            return self.apply(Some(sel.focus), Change::Deleting, now, |doc| {
                blocks::delete(doc, from, to)
            });
        }
        let c = sel.focus;
        let len = runs::len(text(&self.doc, c.at)?);
        let change = if (back && c.offset > 0) || (!back && c.offset < len) {
            Change::Deleting
        } else {
            Change::Other
        };
        self.apply(Some(c), change, now, |doc| match (back, c.offset) {
            (true, 0) => blocks::merge_back(doc, c.at),
            (true, n) => blocks::delete(doc, Caret::new(c.at, n - 1), c),
            (false, n) if n < len => blocks::delete(doc, c, Caret::new(c.at, n + 1)),
            (false, _) => {
                let next = next_text(doc, c.at)?;
                if matches!(next.part, Part::Cell { .. }) || matches!(c.at.part, Part::Cell { .. })
                {
                    return None;
                }
                blocks::merge_back(doc, next)
            }
        })
    }

    /// Enter: the selection deleted, the text cut in two.
    pub fn enter(&mut self, sel: Sel, now: f64) -> Option<Caret> {
        self.apply(Some(sel.focus), Change::Other, now, |doc| {
            let (from, to) = sel.range();
            let at = blocks::delete(doc, from, to)?;
            blocks::split(doc, at)
        })
    }

    /// A text replaced by what the browser shows of it (after an IME composition, or
    /// a change the browser made by itself): only the characters that differ change,
    /// taking the marks of the character before them. `from`, where the change began
    /// (the caret when the composition started), settles a repeated letter's place.
    pub fn replace_text(
        &mut self,
        at: Place,
        shown: &str,
        from: Option<usize>,
        change: Change,
        now: f64,
    ) -> Option<Caret> {
        let old: Vec<char> = runs_text(text(&self.doc, at)?).chars().collect();
        let new: Vec<char> = nfc(shown).chars().collect();
        let (head, tail) = common_ends(&old, &new, from, |a, b| a == b);
        let inserted: String = new[head..new.len() - tail].iter().collect();
        let removed_to = old.len() - tail;
        let caret = Caret::new(at, new.len() - tail);
        self.apply(Some(Caret::new(at, head)), change, now, |doc| {
            let runs = text_mut(doc, at)?;
            let marks = runs::marks_at(runs, head);
            runs::delete(runs, head, removed_to);
            runs::insert(runs, head, &inserted, &marks);
            Some(caret)
        })
    }

    /// Any other change of the document (blocks, tables, a picture's words), one step.
    pub fn change(
        &mut self,
        before: Option<Caret>,
        now: f64,
        f: impl FnOnce(&mut Doc) -> Option<Caret>,
    ) -> Option<Caret> {
        self.apply(before, Change::Other, now, f)
    }

    pub fn undo(&mut self) -> Option<Option<Caret>> {
        self.pending = None;
        self.history.undo(&mut self.doc)
    }

    pub fn redo(&mut self) -> Option<Option<Caret>> {
        self.pending = None;
        self.history.redo(&mut self.doc)
    }
}

/// How many items `old` and `new` share at their start (at most `head_at_most`) and,
/// of the rest, at their end: what is between changed (a text's characters, the blocks
/// drawn on the page).
pub fn common_ends<A, B>(
    old: &[A],
    new: &[B],
    head_at_most: Option<usize>,
    same: impl Fn(&A, &B) -> bool,
) -> (usize, usize) {
    let shared = old.iter().zip(new).take_while(|(a, b)| same(a, b)).count();
    let head = head_at_most.map_or(shared, |f| f.min(shared));
    let room = old.len().min(new.len()) - head;
    let tail = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| same(a, b))
        .count();
    (head, tail)
}

/// Text in Unicode's composed form, as it is stored.
pub fn nfc(s: &str) -> String {
    crate::content::edit::composed(s).unwrap_or_else(|| s.to_string())
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
