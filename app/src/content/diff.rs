//! Differences between two documents, on the document model: which blocks were added,
//! removed or changed, and inside a changed block which words were inserted or
//! deleted. Used by the revision history of the admin area.

use serde::{Deserialize, Serialize};

use super::{Block, Doc, Figure, runs_text};
use crate::i18n::{fill, tm};

/// A piece of text in a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Piece {
    Same(String),
    Inserted(String),
    Deleted(String),
}

/// One entry of a document diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockChange {
    /// `count` blocks in a row that did not change.
    Unchanged {
        count: usize,
    },
    Added {
        kind: String,
        text: String,
    },
    Removed {
        kind: String,
        text: String,
    },
    /// A block of the same kind whose content changed, word by word.
    Changed {
        kind: String,
        pieces: Vec<Piece>,
    },
}

/// The name of a block's kind, in the request's language.
pub fn block_kind(b: &Block) -> &'static str {
    match b {
        Block::Paragraph { .. } => tm().block_paragraph,
        Block::Heading { .. } => tm().block_heading,
        Block::Image(_) => tm().block_image,
        Block::Gallery { .. } => tm().block_gallery,
        Block::Quote { .. } => tm().block_quote,
        Block::List { .. } => tm().block_list,
        Block::Table { .. } => tm().block_table,
        Block::Embed { .. } => "Video",
        Block::DocumentRef(_) => tm().block_document,
        Block::Divider => tm().block_divider,
    }
}

fn figure_text(f: &Figure) -> String {
    let mut s = f.caption.clone();
    if !f.credit.is_empty() {
        s.push_str(&fill(tm().diff_photo_credit, &[&f.credit]));
    }
    format!("{s} [{}]", f.src)
}

/// The text a diff compares for a block, marks and links included so that a change of
/// formatting shows up too.
pub fn block_text(b: &Block) -> String {
    let runs = |text: &[super::Inline]| {
        text.iter()
            .map(|r| {
                let mut t = r.text.clone();
                if r.bold {
                    t = format!("**{t}**");
                }
                if r.italic {
                    t = format!("*{t}*");
                }
                if let Some(l) = &r.link {
                    t = format!("[{t}]({l})");
                }
                t
            })
            .collect::<String>()
    };
    match b {
        Block::Paragraph { text } | Block::Heading { text, .. } => runs(text),
        Block::Image(f) => figure_text(f),
        Block::Gallery { images } => images
            .iter()
            .map(figure_text)
            .collect::<Vec<_>>()
            .join(" · "),
        Block::Quote { text, cite } => {
            if cite.is_empty() {
                runs(text)
            } else {
                format!("{} — {cite}", runs(text))
            }
        }
        Block::List { items, .. } => items
            .iter()
            .map(|i| format!("• {}", runs(i)))
            .collect::<Vec<_>>()
            .join(" "),
        Block::Table { rows, .. } => rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| runs_text(c))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect::<Vec<_>>()
            .join(" / "),
        Block::Embed { id, caption, .. } => format!("{caption} [youtube:{id}]"),
        Block::DocumentRef(r) => format!("{} {}: {}", r.kind, r.number, r.summary),
        Block::Divider => "———".into(),
    }
}

/// Longest-common-subsequence alignment of two sequences: for each step, Some(i) /
/// Some(j) index into a / b (both Some when equal).
fn align<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(Option<usize>, Option<usize>)> {
    // skip the common head and tail: most edits touch a small part of a document
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut out: Vec<(Option<usize>, Option<usize>)> =
        (0..head).map(|i| (Some(i), Some(i))).collect();
    let (n, m) = (am.len(), bm.len());
    if n * m > 4_000_000 {
        // too big to align: everything in the middle is replaced
        out.extend((0..n).map(|i| (Some(head + i), None)));
        out.extend((0..m).map(|j| (None, Some(head + j))));
    } else {
        // lengths of the LCS of suffixes
        let mut len = vec![0u32; (n + 1) * (m + 1)];
        let at = |i: usize, j: usize| i * (m + 1) + j;
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                len[at(i, j)] = if am[i] == bm[j] {
                    len[at(i + 1, j + 1)] + 1
                } else {
                    len[at(i + 1, j)].max(len[at(i, j + 1)])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                out.push((Some(head + i), Some(head + j)));
                i += 1;
                j += 1;
            } else if i < n && (j == m || len[at(i + 1, j)] >= len[at(i, j + 1)]) {
                // deletions first, so "old → new" reads in that order
                out.push((Some(head + i), None));
                i += 1;
            } else {
                out.push((None, Some(head + j)));
                j += 1;
            }
        }
    }
    let (an, bn) = (a.len(), b.len());
    out.extend((0..tail).map(|k| (Some(an - tail + k), Some(bn - tail + k))));
    out
}

/// Words and the spaces between them, as separate tokens.
fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_space: Option<bool> = None;
    for (i, c) in s.char_indices() {
        let space = c.is_whitespace();
        if prev_space.is_some_and(|p| p != space) {
            out.push(&s[start..i]);
            start = i;
        }
        prev_space = Some(space);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// Word-level differences between two texts; neighbouring pieces of one kind merged.
pub fn diff_text(old: &str, new: &str) -> Vec<Piece> {
    let (a, b) = (tokens(old), tokens(new));
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |p: Piece| match (out.last_mut(), &p) {
        (Some(Piece::Same(x)), Piece::Same(y))
        | (Some(Piece::Inserted(x)), Piece::Inserted(y))
        | (Some(Piece::Deleted(x)), Piece::Deleted(y)) => x.push_str(y),
        _ => out.push(p),
    };
    for step in align(&a, &b) {
        match step {
            (Some(i), Some(_)) => push(Piece::Same(a[i].to_string())),
            (Some(i), None) => push(Piece::Deleted(a[i].to_string())),
            (None, Some(j)) => push(Piece::Inserted(b[j].to_string())),
            (None, None) => {}
        }
    }
    out
}

/// The differences between two documents, block by block.
pub fn diff_docs(old: &Doc, new: &Doc) -> Vec<BlockChange> {
    let steps = align(&old.blocks, &new.blocks);
    let mut out: Vec<BlockChange> = Vec::new();
    let mut removed: Vec<&Block> = Vec::new();
    let mut added: Vec<&Block> = Vec::new();
    // a run of removed and added blocks between two unchanged ones: blocks of the same
    // kind at the same place in the run are one changed block
    let flush = |out: &mut Vec<BlockChange>, removed: &mut Vec<&Block>, added: &mut Vec<&Block>| {
        let n = removed.len().max(added.len());
        for k in 0..n {
            match (removed.get(k), added.get(k)) {
                (Some(r), Some(a)) if block_kind(r) == block_kind(a) => {
                    out.push(BlockChange::Changed {
                        kind: block_kind(a).into(),
                        pieces: diff_text(&block_text(r), &block_text(a)),
                    })
                }
                (r, a) => {
                    if let Some(r) = r {
                        out.push(BlockChange::Removed {
                            kind: block_kind(r).into(),
                            text: block_text(r),
                        });
                    }
                    if let Some(a) = a {
                        out.push(BlockChange::Added {
                            kind: block_kind(a).into(),
                            text: block_text(a),
                        });
                    }
                }
            }
        }
        removed.clear();
        added.clear();
    };
    for step in steps {
        match step {
            (Some(_), Some(_)) => {
                flush(&mut out, &mut removed, &mut added);
                match out.last_mut() {
                    Some(BlockChange::Unchanged { count }) => *count += 1,
                    _ => out.push(BlockChange::Unchanged { count: 1 }),
                }
            }
            (Some(i), None) => removed.push(&old.blocks[i]),
            (None, Some(j)) => added.push(&new.blocks[j]),
            (None, None) => {}
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Inline;

    fn p(text: &str) -> Block {
        Block::Paragraph {
            text: vec![Inline::plain(text)],
        }
    }

    #[test]
    fn words_inserted_and_deleted() {
        let d = diff_text("Sáng nay Tỉnh ủy họp", "Sáng 24/2 Tỉnh ủy đã họp");
        assert_eq!(
            d,
            vec![
                Piece::Same("Sáng ".into()),
                Piece::Deleted("nay".into()),
                Piece::Inserted("24/2".into()),
                Piece::Same(" Tỉnh ủy".into()),
                Piece::Inserted(" đã".into()),
                Piece::Same(" họp".into()),
            ]
        );
        assert_eq!(diff_text("a", "a"), vec![Piece::Same("a".into())]);
        assert_eq!(diff_text("", "mới"), vec![Piece::Inserted("mới".into())]);
    }

    #[test]
    fn blocks_added_removed_and_changed() {
        let old = Doc {
            blocks: vec![p("một"), p("hai"), p("ba"), Block::Divider, p("năm")],
        };
        let new = Doc {
            blocks: vec![
                p("một"),
                p("hai sửa"),
                p("ba"),
                p("năm"),
                Block::Heading {
                    level: 2,
                    text: vec![Inline::plain("Mới")],
                },
            ],
        };
        let d = diff_docs(&old, &new);
        assert_eq!(
            d,
            vec![
                BlockChange::Unchanged { count: 1 },
                BlockChange::Changed {
                    kind: "Đoạn văn".into(),
                    pieces: vec![Piece::Same("hai".into()), Piece::Inserted(" sửa".into())],
                },
                BlockChange::Unchanged { count: 1 },
                BlockChange::Removed {
                    kind: "Đường phân cách".into(),
                    text: "———".into()
                },
                BlockChange::Unchanged { count: 1 },
                BlockChange::Added {
                    kind: "Tiêu đề mục".into(),
                    text: "Mới".into()
                },
            ]
        );
        assert_eq!(
            diff_docs(&old, &old),
            vec![BlockChange::Unchanged { count: 5 }]
        );
    }

    #[test]
    fn a_change_of_marks_is_a_change() {
        let bold = Block::Paragraph {
            text: vec![Inline {
                text: "đậm".into(),
                bold: true,
                ..Default::default()
            }],
        };
        let d = diff_docs(
            &Doc {
                blocks: vec![p("đậm")],
            },
            &Doc { blocks: vec![bold] },
        );
        assert!(matches!(&d[0], BlockChange::Changed { .. }), "{d:?}");
    }
}
