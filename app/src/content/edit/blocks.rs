//! The editor's operations on blocks: typing and deleting (a range may span blocks),
//! Enter (a text cut in two), Backspace at a text's start (joined with the one before),
//! converting between text blocks, and moving, adding and removing blocks. Each returns
//! where the caret goes, or `None` when it does not apply there (nothing changed).

use super::runs::{self, Marks};
use super::{Caret, Part, Place, end_of, text, text_mut};
use crate::content::{Block, Doc, Inline};

/// What a text block may be turned into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Paragraph,
    Heading(u8),
    Quote,
    List { ordered: bool },
}

/// Types `text` at `caret`, with `marks` when given (a mark switched on with nothing
/// selected), else the marks of the character before.
pub fn insert_text(
    doc: &mut Doc,
    caret: Caret,
    typed: &str,
    marks: Option<&Marks>,
) -> Option<Caret> {
    let runs = text_mut(doc, caret.at)?;
    let offset = caret.offset.min(runs::len(runs));
    let marks = marks
        .cloned()
        .unwrap_or_else(|| runs::marks_at(runs, offset));
    runs::insert(runs, offset, typed, &marks);
    Some(Caret::new(caret.at, offset + typed.chars().count()))
}

/// True when `a` comes before `b` in the document.
pub fn before(a: Caret, b: Caret) -> bool {
    let rank = |c: Caret| {
        let (x, y) = match c.at.part {
            Part::Text => (0, 0),
            Part::Item(n) => (n, 0),
            Part::Cell { row, col } => (row, col),
        };
        (c.at.block, x, y, c.offset)
    };
    rank(a) < rank(b)
}

/// Deletes from `from` to `to` (either order). Within one text, its characters; across
/// texts, the rest of the first, everything between and the start of the last, whose
/// rest then joins the first. Not across table cells (a cell range clears cells, which
/// `table` does).
pub fn delete(doc: &mut Doc, from: Caret, to: Caret) -> Option<Caret> {
    let (from, to) = if before(to, from) {
        (to, from)
    } else {
        (from, to)
    };
    let from = super::clamp(doc, from)?;
    let to = super::clamp(doc, to)?;
    if from.at == to.at {
        runs::delete(text_mut(doc, from.at)?, from.offset, to.offset);
        return Some(from);
    }
    if matches!(from.at.part, Part::Cell { .. }) || matches!(to.at.part, Part::Cell { .. }) {
        return None;
    }
    let tail = runs::split(text(doc, to.at)?, to.offset).1;
    if from.at.block == to.at.block {
        // two items of one list
        let (Part::Item(i), Part::Item(j)) = (from.at.part, to.at.part) else {
            return None;
        };
        let Block::List { items, .. } = &mut doc.blocks[from.at.block] else {
            return None;
        };
        items.drain(i + 1..=j);
    } else {
        // the end's block: a list loses its items up to the end's, another text goes
        match (&mut doc.blocks[to.at.block], to.at.part) {
            (Block::List { items, .. }, Part::Item(j)) if j + 1 < items.len() => {
                items.drain(..=j);
            }
            _ => {
                doc.blocks.remove(to.at.block);
            }
        }
        if let (Block::List { items, .. }, Part::Item(i)) =
            (&mut doc.blocks[from.at.block], from.at.part)
        {
            items.truncate(i + 1);
        }
        doc.blocks.drain(from.at.block + 1..to.at.block);
    }
    let runs = text_mut(doc, from.at)?;
    let kept = runs::split(runs, from.offset).0;
    *runs = runs::join(&kept, &tail);
    Some(from)
}

/// Enter: cuts the text at `caret` in two. A heading or quote cut at its end goes on
/// with a paragraph; a list item with another item, and an empty item ends the list (it
/// becomes the paragraph after it). Not in a table cell (Tab moves between them).
pub fn split(doc: &mut Doc, caret: Caret) -> Option<Caret> {
    let caret = super::clamp(doc, caret)?;
    let (head, tail) = runs::split(text(doc, caret.at)?, caret.offset);
    let at_end = tail.is_empty();
    let block = caret.at.block;
    match (&mut doc.blocks[block], caret.at.part) {
        (Block::List { items, .. }, Part::Item(i)) => {
            if items[i].is_empty() {
                return end_list(doc, block, i);
            }
            items[i] = head;
            items.insert(i + 1, tail);
            Some(Caret::new(Place::item(block, i + 1), 0))
        }
        (Block::Paragraph { text }, Part::Text) => {
            *text = head;
            doc.blocks
                .insert(block + 1, Block::Paragraph { text: tail });
            Some(Caret::new(Place::text(block + 1), 0))
        }
        (Block::Heading { text, level }, Part::Text) => {
            let level = *level;
            *text = head;
            let next = if at_end {
                Block::Paragraph { text: tail }
            } else {
                Block::Heading { level, text: tail }
            };
            doc.blocks.insert(block + 1, next);
            Some(Caret::new(Place::text(block + 1), 0))
        }
        (Block::Quote { text, cite }, Part::Text) => {
            *text = head;
            let next = if at_end {
                Block::Paragraph { text: tail }
            } else {
                // the source belongs to the quote's end
                Block::Quote {
                    text: tail,
                    cite: std::mem::take(cite),
                }
            };
            doc.blocks.insert(block + 1, next);
            Some(Caret::new(Place::text(block + 1), 0))
        }
        _ => None,
    }
}

/// Item `i` of the list at `block` leaves it as a paragraph after the items before it
/// (the items after it form a list of their own).
fn end_list(doc: &mut Doc, block: usize, i: usize) -> Option<Caret> {
    let Block::List { items, ordered } = &mut doc.blocks[block] else {
        return None;
    };
    let ordered = *ordered;
    let after: Vec<Vec<Inline>> = items.drain(i + 1..).collect();
    let item = items.pop()?;
    let mut at = block + 1;
    if items.is_empty() {
        doc.blocks.remove(block);
        at = block;
    }
    doc.blocks.insert(at, Block::Paragraph { text: item });
    if !after.is_empty() {
        doc.blocks.insert(
            at + 1,
            Block::List {
                ordered,
                items: after,
            },
        );
    }
    Some(Caret::new(Place::text(at), 0))
}

/// Backspace at the start of the text at `at`: a list's item joins the item before (the
/// first leaves the list as a paragraph); a heading or quote with no text before it to
/// join becomes a paragraph; otherwise the text joins the end of the text before it. A
/// picture, table or divider before it is not joined (`None`: the editor selects it).
pub fn merge_back(doc: &mut Doc, at: Place) -> Option<Caret> {
    let block = at.block;
    match (&mut doc.blocks[block], at.part) {
        (Block::List { items, .. }, Part::Item(i)) if i > 0 => {
            let moved = items.remove(i);
            let end = runs::len(&items[i - 1]);
            items[i - 1] = runs::join(&items[i - 1], &moved);
            return Some(Caret::new(Place::item(block, i - 1), end));
        }
        (Block::List { .. }, Part::Item(0)) => return end_list_first(doc, block),
        (Block::Paragraph { .. } | Block::Heading { .. } | Block::Quote { .. }, Part::Text) => {}
        _ => return None,
    }
    let previous = block
        .checked_sub(1)
        .and_then(|b| super::ends(doc, b).map(|(_, last)| last));
    match previous {
        Some(last) if !matches!(last.part, Part::Cell { .. }) => {
            let end = end_of(doc, last)?;
            let moved = text(doc, at)?.clone();
            doc.blocks.remove(block);
            let runs = text_mut(doc, last)?;
            *runs = runs::join(runs, &moved);
            Some(end)
        }
        _ if !matches!(doc.blocks[block], Block::Paragraph { .. }) => {
            convert(doc, block, TextKind::Paragraph)?;
            Some(Caret::new(Place::text(block), 0))
        }
        _ => None,
    }
}

/// The first item of the list at `block` becomes the paragraph before it.
fn end_list_first(doc: &mut Doc, block: usize) -> Option<Caret> {
    let Block::List { items, .. } = &mut doc.blocks[block] else {
        return None;
    };
    let first = items.remove(0);
    if items.is_empty() {
        doc.blocks.remove(block);
    }
    doc.blocks.insert(block, Block::Paragraph { text: first });
    Some(Caret::new(Place::text(block), 0))
}

/// Turns the text block at `block` into `kind`, its text kept: a list's items become
/// as many blocks, and a block becomes a list of one item. A quote keeps its source
/// only as a quote.
pub fn convert(doc: &mut Doc, block: usize, kind: TextKind) -> Option<()> {
    let texts: Vec<Vec<Inline>> = match doc.blocks.get(block)? {
        Block::Paragraph { text } | Block::Heading { text, .. } | Block::Quote { text, .. } => {
            vec![text.clone()]
        }
        Block::List { items, .. } => items.clone(),
        _ => return None,
    };
    if let (Block::Quote { .. }, TextKind::Quote) = (&doc.blocks[block], kind) {
        return Some(());
    }
    let made: Vec<Block> = match kind {
        TextKind::List { ordered } => vec![Block::List {
            ordered,
            items: texts,
        }],
        TextKind::Paragraph => texts
            .into_iter()
            .map(|text| Block::Paragraph { text })
            .collect(),
        TextKind::Heading(level) => {
            let level = level.clamp(2, 3);
            texts
                .into_iter()
                .map(|text| Block::Heading { level, text })
                .collect()
        }
        TextKind::Quote => vec![Block::Quote {
            text: texts
                .into_iter()
                .reduce(|a, b| runs::join(&a, &b))
                .unwrap_or_default(),
            cite: String::new(),
        }],
    };
    doc.blocks.splice(block..=block, made);
    Some(())
}

/// Moves the block at `from` to stand at `to` (indexes of the document as it is).
pub fn move_block(doc: &mut Doc, from: usize, to: usize) -> Option<usize> {
    if from >= doc.blocks.len() || to >= doc.blocks.len() {
        return None;
    }
    let block = doc.blocks.remove(from);
    doc.blocks.insert(to, block);
    Some(to)
}

/// Adds `block` at index `at` (at most the end).
pub fn insert_block(doc: &mut Doc, at: usize, block: Block) -> usize {
    let at = at.min(doc.blocks.len());
    doc.blocks.insert(at, block);
    at
}

/// Removes the block at `at`; the caret goes to the end of the text before, or to the
/// start of the one after (an empty document gets an empty paragraph).
pub fn remove_block(doc: &mut Doc, at: usize) -> Option<Caret> {
    if at >= doc.blocks.len() {
        return None;
    }
    doc.blocks.remove(at);
    if doc.blocks.is_empty() {
        doc.blocks.push(Block::Paragraph { text: Vec::new() });
    }
    let before = (0..at.min(doc.blocks.len()))
        .rev()
        .find_map(|b| super::ends(doc, b));
    if let Some((_, last)) = before {
        return end_of(doc, last);
    }
    let after = (at.min(doc.blocks.len())..doc.blocks.len()).find_map(|b| super::ends(doc, b));
    after.map(|(first, _)| Caret::new(first, 0))
}

#[cfg(test)]
#[path = "blocks_tests.rs"]
mod tests;
