//! Editing a document: the operations the in-browser editor applies to the typed
//! model (never to HTML), pure and the same on both sides, so every one is tested here.
//! A caret is a text of the document (a block's own text, a list item, a table cell)
//! and a character offset in it:
//! - `runs`: one text's runs (insert, delete, cut, join, marks over a range);
//! - `blocks`: typing, deleting across blocks, Enter (split), Backspace at the start
//!   (merge), converting between text blocks, moving, adding and removing blocks;
//! - `table`: rows, columns, the header row, Tab from cell to cell;
//! - `history`: undo and redo, typing grouped into steps, a composition one step.
//!
//! An operation that does not apply where it is asked (a caret outside any text, a
//! merge with a picture) returns `None` and leaves the document as it was.

pub mod blocks;
pub mod history;
pub mod runs;
pub mod table;

use super::{Block, Doc, Inline};

/// Which text of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A paragraph's, heading's or quote's text.
    Text,
    /// Item `n` of a list.
    Item(usize),
    /// A table's cell.
    Cell { row: usize, col: usize },
}

/// A text of the document: its block and which of the block's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub block: usize,
    pub part: Part,
}

impl Place {
    pub fn text(block: usize) -> Place {
        Place {
            block,
            part: Part::Text,
        }
    }

    pub fn item(block: usize, item: usize) -> Place {
        Place {
            block,
            part: Part::Item(item),
        }
    }

    pub fn cell(block: usize, row: usize, col: usize) -> Place {
        Place {
            block,
            part: Part::Cell { row, col },
        }
    }
}

/// A caret: a text and a character offset in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caret {
    pub at: Place,
    pub offset: usize,
}

impl Caret {
    pub fn new(at: Place, offset: usize) -> Caret {
        Caret { at, offset }
    }
}

/// The text at `at`, when there is one.
pub fn text(doc: &Doc, at: Place) -> Option<&Vec<Inline>> {
    match (doc.blocks.get(at.block)?, at.part) {
        (
            Block::Paragraph { text } | Block::Heading { text, .. } | Block::Quote { text, .. },
            Part::Text,
        ) => Some(text),
        (Block::List { items, .. }, Part::Item(n)) => items.get(n),
        (Block::Table { rows, .. }, Part::Cell { row, col }) => rows.get(row)?.get(col),
        _ => None,
    }
}

/// The text at `at`, to change.
pub fn text_mut(doc: &mut Doc, at: Place) -> Option<&mut Vec<Inline>> {
    match (doc.blocks.get_mut(at.block)?, at.part) {
        (
            Block::Paragraph { text } | Block::Heading { text, .. } | Block::Quote { text, .. },
            Part::Text,
        ) => Some(text),
        (Block::List { items, .. }, Part::Item(n)) => items.get_mut(n),
        (Block::Table { rows, .. }, Part::Cell { row, col }) => rows.get_mut(row)?.get_mut(col),
        _ => None,
    }
}

/// The caret where it may be: its offset no further than its text's end.
pub fn clamp(doc: &Doc, caret: Caret) -> Option<Caret> {
    let n = runs::len(text(doc, caret.at)?);
    Some(Caret::new(caret.at, caret.offset.min(n)))
}

/// The first and the last text of a block (a list's items, a table's cells in reading
/// order); none for a picture, a divider or an embed.
pub fn ends(doc: &Doc, block: usize) -> Option<(Place, Place)> {
    match doc.blocks.get(block)? {
        Block::Paragraph { .. } | Block::Heading { .. } | Block::Quote { .. } => {
            Some((Place::text(block), Place::text(block)))
        }
        Block::List { items, .. } if !items.is_empty() => {
            Some((Place::item(block, 0), Place::item(block, items.len() - 1)))
        }
        Block::Table { rows, .. } => {
            let last_row = rows.len().checked_sub(1)?;
            let last_col = rows[last_row].len().checked_sub(1)?;
            rows.first()?.first()?;
            Some((
                Place::cell(block, 0, 0),
                Place::cell(block, last_row, last_col),
            ))
        }
        _ => None,
    }
}

/// Every text of the document in Unicode's composed form (NFC), as Vietnamese is
/// stored: an IME or a pasted file may give a tone mark as a character of its own.
/// Runs are composed one by one (a mark never starts a run the editor makes).
pub fn make_nfc(doc: &mut Doc) {
    let fix = |s: &mut String| {
        if let Some(composed) = composed(s) {
            *s = composed;
        }
    };
    let runs = |rs: &mut Vec<Inline>| rs.iter_mut().for_each(|r| fix(&mut r.text));
    let figure = |f: &mut crate::content::Figure| {
        fix(&mut f.alt);
        fix(&mut f.caption);
        fix(&mut f.credit);
    };
    for b in &mut doc.blocks {
        match b {
            Block::Paragraph { text } | Block::Heading { text, .. } => runs(text),
            Block::Quote { text, cite } => {
                runs(text);
                fix(cite);
            }
            Block::List { items, .. } => items.iter_mut().for_each(runs),
            Block::Table { rows, .. } => rows.iter_mut().flatten().for_each(runs),
            Block::Image(f) => figure(f),
            Block::Gallery { images } => images.iter_mut().for_each(figure),
            Block::Embed { caption, .. } => fix(caption),
            Block::DocumentRef(r) => fix(&mut r.summary),
            Block::Divider => {}
        }
    }
}

/// `s` in NFC when it is not already (the server and the staff's client, which have
/// the tables; the reader's client never edits a document, and goes without them).
pub fn composed(s: &str) -> Option<String> {
    #[cfg(any(feature = "ssr", feature = "staff"))]
    {
        use unicode_normalization::{UnicodeNormalization, is_nfc};
        (!is_nfc(s)).then(|| s.nfc().collect())
    }
    #[cfg(not(any(feature = "ssr", feature = "staff")))]
    {
        let _ = s;
        None
    }
}

/// The end of the text at `at`.
pub fn end_of(doc: &Doc, at: Place) -> Option<Caret> {
    Some(Caret::new(at, runs::len(text(doc, at)?)))
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub fn p(text: &str) -> Block {
        Block::Paragraph {
            text: runs_of(text),
        }
    }

    pub fn h(level: u8, text: &str) -> Block {
        Block::Heading {
            level,
            text: runs_of(text),
        }
    }

    pub fn list(ordered: bool, items: &[&str]) -> Block {
        Block::List {
            ordered,
            items: items.iter().map(|i| runs_of(i)).collect(),
        }
    }

    pub fn runs_of(text: &str) -> Vec<Inline> {
        if text.is_empty() {
            Vec::new()
        } else {
            vec![Inline::plain(text)]
        }
    }

    pub fn doc(blocks: Vec<Block>) -> Doc {
        Doc { blocks }
    }

    /// The text at `at`, as a string.
    pub fn said(doc: &Doc, at: Place) -> String {
        crate::content::runs_text(text(doc, at).expect("a text there"))
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use crate::content::Figure;

    #[test]
    fn text_is_stored_composed() {
        // "tiếng" typed with its marks as characters of their own (NFD)
        let mut d = doc(vec![
            p("tie\u{302}\u{301}ng Vie\u{323}\u{302}t"),
            list(false, &["đã"]),
        ]);
        make_nfc(&mut d);
        assert_eq!(said(&d, Place::text(0)), "tiếng Việt");
        assert_eq!(said(&d, Place::text(0)).chars().count(), 10);
        assert_eq!(said(&d, Place::item(1, 0)), "đã");
    }

    #[test]
    fn texts_are_found_by_place() {
        let d = doc(vec![
            p("Mở đầu"),
            list(false, &["một", "hai"]),
            Block::Table {
                header: true,
                rows: vec![vec![runs_of("Tỉnh"), runs_of("Số")]],
            },
            Block::Image(Figure {
                media_id: 1,
                src: "/media/a.png".into(),
                width: 1,
                height: 1,
                alt: String::new(),
                caption: String::new(),
                credit: String::new(),
            }),
        ]);
        assert_eq!(said(&d, Place::text(0)), "Mở đầu");
        assert_eq!(said(&d, Place::item(1, 1)), "hai");
        assert_eq!(said(&d, Place::cell(2, 0, 1)), "Số");
        assert!(
            text(&d, Place::text(1)).is_none(),
            "a list has items, not a text"
        );
        assert!(text(&d, Place::item(1, 2)).is_none());
        assert!(text(&d, Place::text(3)).is_none(), "a picture has no text");
        assert_eq!(
            clamp(&d, Caret::new(Place::text(0), 99)),
            Some(Caret::new(Place::text(0), 6))
        );
        assert_eq!(
            ends(&d, 2),
            Some((Place::cell(2, 0, 0), Place::cell(2, 0, 1)))
        );
        assert_eq!(ends(&d, 3), None);
    }
}
