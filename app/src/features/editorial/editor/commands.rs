//! The block editor's other commands, on the same state (`state::Editor`): marks over
//! a selection and for what is typed next, links, what the toolbar shows, a block's
//! fields, blocks added, pastes and Tab in tables.

use super::state::{Editor, Focus, Sel, pieces};
use crate::content::edit::blocks::{self, TextKind};
use crate::content::edit::history::Change;
use crate::content::edit::runs::{self, Mark, Marks};
use crate::content::edit::{Caret, Part, Place, ends, make_nfc, table, text, text_mut};
use crate::content::{Block, Doc, Inline};

impl Editor {
    /// Bold, italic or underline over the selection (on unless all of it has it), or
    /// for the next characters typed when nothing is selected.
    pub fn toggle(&mut self, sel: Sel, mark: Mark, now: f64) -> Option<Caret> {
        if sel.collapsed() {
            let runs = text(&self.doc, sel.focus.at)?;
            let mut m = self
                .pending
                .clone()
                .unwrap_or_else(|| runs::marks_at(runs, sel.focus.offset));
            match mark {
                Mark::Bold => m.bold = !m.bold,
                Mark::Italic => m.italic = !m.italic,
                Mark::Underline => m.underline = !m.underline,
                Mark::Link(_) => return None,
            }
            self.pending = Some(m);
            return None;
        }
        let (from, to) = sel.range();
        let parts = pieces(&self.doc, from, to);
        let on = !parts.iter().all(|(at, a, b)| {
            text(&self.doc, *at).is_some_and(|r| runs::has_mark(r, *a, *b, &mark))
        });
        self.set_mark(sel, parts, &mark, on, now)
    }

    /// A link over the selection (`None`: links taken off it). The address is checked
    /// by the caller as the server checks it.
    pub fn link(&mut self, sel: Sel, to: Option<String>, now: f64) -> Option<Caret> {
        let (from, till) = sel.range();
        let parts = pieces(&self.doc, from, till);
        let on = to.is_some();
        self.set_mark(sel, parts, &Mark::Link(to), on, now)
    }

    fn set_mark(
        &mut self,
        sel: Sel,
        parts: Vec<(Place, usize, usize)>,
        mark: &Mark,
        on: bool,
        now: f64,
    ) -> Option<Caret> {
        if parts.is_empty() {
            return None;
        }
        self.apply(Some(sel.focus), Change::Other, now, |doc| {
            for (at, a, b) in parts {
                runs::set_mark(text_mut(doc, at)?, a, b, mark, on);
            }
            Some(sel.focus)
        })
    }

    /// The marks the next typed character gets, and where the caret is, for the toolbar.
    pub fn focus(&self, sel: Option<Sel>) -> Focus {
        let Some(sel) = sel else {
            return Focus::default();
        };
        let c = sel.focus;
        let kind = match self.doc.blocks.get(c.at.block) {
            Some(Block::Paragraph { .. }) => Some(TextKind::Paragraph),
            Some(Block::Heading { level, .. }) => Some(TextKind::Heading(*level)),
            Some(Block::Quote { .. }) => Some(TextKind::Quote),
            Some(Block::List { ordered, .. }) => Some(TextKind::List { ordered: *ordered }),
            _ => None,
        };
        let marks = match (&self.pending, text(&self.doc, c.at)) {
            (Some(m), _) if sel.collapsed() => m.clone(),
            (_, Some(r)) if sel.collapsed() => runs::marks_at(r, c.offset),
            (_, Some(r)) => {
                let (a, b) = sel.range();
                if a.at == b.at {
                    Marks {
                        bold: runs::has_mark(r, a.offset, b.offset, &Mark::Bold),
                        italic: runs::has_mark(r, a.offset, b.offset, &Mark::Italic),
                        underline: runs::has_mark(r, a.offset, b.offset, &Mark::Underline),
                        link: runs::marks_at(r, b.offset).link,
                    }
                } else {
                    Marks::default()
                }
            }
            _ => Marks::default(),
        };
        Focus {
            block: Some(c.at.block),
            kind,
            table: matches!(c.at.part, Part::Cell { .. }),
            marks,
        }
    }

    /// A block's field typed into (a picture's words, a quote's source, a video's
    /// address): the typing in one field is one step, until another change.
    pub fn field(
        &mut self,
        block: usize,
        key: (&'static str, Option<usize>),
        now: f64,
        f: impl FnOnce(&mut Block) -> bool,
    ) -> bool {
        let Some(mut next) = self.doc.blocks.get(block).cloned() else {
            return false;
        };
        if !f(&mut next) || Some(&next) == self.doc.blocks.get(block) {
            return false;
        }
        let key = (block, key.0, key.1);
        if self.field != Some(key) {
            self.history.record(&self.doc, None, Change::Other, now);
            self.field = Some(key);
        }
        self.doc.blocks[block] = next;
        true
    }

    /// A block put after block `after` (at the start when none); an empty paragraph
    /// the caret is in is replaced. The caret goes to its first text, if it has one.
    pub fn add_block(&mut self, after: Option<usize>, block: Block, now: f64) -> Option<Caret> {
        let empty_here = after.filter(|b| {
            matches!(self.doc.blocks.get(*b), Some(Block::Paragraph { text }) if text.is_empty())
        });
        self.change(None, now, |doc| {
            let at = match empty_here {
                Some(b) => {
                    doc.blocks[b] = block;
                    b
                }
                None => blocks::insert_block(doc, after.map_or(0, |b| b + 1), block),
            };
            // something to type in after a picture, a table or a divider at the end
            if at + 1 == doc.blocks.len()
                && ends(doc, at).is_none_or(|_| matches!(doc.blocks[at], Block::Table { .. }))
            {
                doc.blocks.push(Block::Paragraph { text: Vec::new() });
            }
            let first = ends(doc, at).or_else(|| ends(doc, at + 1));
            // a picture before a table's end: the caret stays at the block (no text)
            Some(Caret::new(first.map_or(Place::text(at), |(f, _)| f), 0))
        })
    }

    /// A paste (made into blocks by the server) over the selection: a single paragraph
    /// goes into the text with its marks; more blocks go between the halves of the
    /// text, whose empty halves are dropped. In a table cell, the paste's words.
    pub fn paste(&mut self, sel: Sel, pasted: Doc, now: f64) -> Option<Caret> {
        let mut pasted = pasted;
        make_nfc(&mut pasted);
        if pasted.blocks.is_empty() {
            return None;
        }
        self.apply(Some(sel.focus), Change::Other, now, |doc| {
            let (from, to) = sel.range();
            let at = blocks::delete(doc, from, to).unwrap_or(from);
            let inline = match (&pasted.blocks[..], at.at.part) {
                ([Block::Paragraph { text }], _) => Some(text.clone()),
                (_, Part::Cell { .. }) => {
                    Some(vec![Inline::plain(pasted.plain_text().replace('\n', " "))])
                }
                _ => None,
            };
            if let Some(mut inserted) = inline {
                let runs = text_mut(doc, at.at)?;
                let (a, b) = runs::split(runs, at.offset);
                let end = at.offset + runs::len(&inserted);
                inserted = runs::join(&a, &inserted);
                *runs = runs::join(&inserted, &b);
                return Some(Caret::new(at.at, end));
            }
            let second = blocks::split(doc, at)?;
            let mut index = second.at.block;
            let count = pasted.blocks.len();
            doc.blocks.splice(index..index, pasted.blocks);
            let empty = |b: &Block| matches!(b, Block::Paragraph { text } if text.is_empty());
            if doc.blocks.get(index + count).is_some_and(empty)
                && index + count + 1 < doc.blocks.len()
            {
                doc.blocks.remove(index + count);
            }
            if index > 0 && empty(&doc.blocks[index - 1]) {
                doc.blocks.remove(index - 1);
                index -= 1;
            }
            let last = (index..index + count).rev().find_map(|b| ends(doc, b));
            match last {
                Some((_, last)) => crate::content::edit::end_of(doc, last),
                None => Some(Caret::new(Place::text(index + count), 0)),
            }
        })
    }

    /// Tab in a table: the next cell (a row added after the last), or the one before.
    pub fn tab(&mut self, at: Place, back: bool, now: f64) -> Option<Caret> {
        // a step only when a row was added (else just the caret moves)
        self.apply(Some(Caret::new(at, 0)), Change::Other, now, |doc| {
            table::next_cell(doc, at, back).map(|p| Caret::new(p, 0))
        })
    }
}

/// Block `b` one place up or down, the caret with it.
pub fn move_block(e: &mut Editor, sel: Sel, down: bool, now: f64) -> Option<Caret> {
    let c = sel.focus;
    let b = c.at.block;
    let to = if down { b + 1 } else { b.checked_sub(1)? };
    e.change(Some(c), now, |doc| {
        blocks::move_block(doc, b, to)?;
        Some(Caret::new(Place { block: to, ..c.at }, c.offset))
    })
}
