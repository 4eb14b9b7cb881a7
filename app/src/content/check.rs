//! What the editor points out while an article is written (DESIGN.md §3's model, in the
//! browser and on the server alike): a picture without alt text, a heading level
//! skipped, an empty heading, a link whose text says nothing of where it leads; and
//! the article's length in words and minutes of reading. Warnings, not refusals: only
//! the alt text is required, when the article is submitted.

use super::{Block, Doc, Inline, runs_text};
use crate::i18n::VAGUE_LINK_TEXTS;

/// Something to fix, and the block it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A picture (or one of a gallery's, by its place) has no alt text.
    PictureWithoutAlt { block: usize, picture: usize },
    /// A heading of level 3 with no level 2 before it (the title is the level 1).
    SkippedHeading { block: usize },
    /// A heading with no text.
    EmptyHeading { block: usize },
    /// A link whose text is "bấm vào đây" or the like.
    VagueLink { block: usize, text: String },
}

impl Warning {
    /// True for what must be fixed before the article is submitted.
    pub fn blocks_submission(&self) -> bool {
        matches!(self, Warning::PictureWithoutAlt { .. })
    }
}

/// The document's warnings, in reading order.
pub fn warnings(doc: &Doc) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut seen_level_2 = false;
    for (block, b) in doc.blocks.iter().enumerate() {
        match b {
            Block::Heading { level, text } => {
                if runs_text(text).trim().is_empty() {
                    out.push(Warning::EmptyHeading { block });
                }
                if *level == 2 {
                    seen_level_2 = true;
                } else if !seen_level_2 {
                    out.push(Warning::SkippedHeading { block });
                }
                vague_links(block, text, &mut out);
            }
            Block::Image(f) if f.alt.trim().is_empty() => {
                out.push(Warning::PictureWithoutAlt { block, picture: 0 });
            }
            Block::Gallery { images } => {
                for (picture, f) in images.iter().enumerate() {
                    if f.alt.trim().is_empty() {
                        out.push(Warning::PictureWithoutAlt { block, picture });
                    }
                }
            }
            Block::Paragraph { text } | Block::Quote { text, .. } => {
                vague_links(block, text, &mut out)
            }
            Block::List { items, .. } => items.iter().for_each(|i| vague_links(block, i, &mut out)),
            Block::Table { rows, .. } => rows
                .iter()
                .flatten()
                .for_each(|cell| vague_links(block, cell, &mut out)),
            _ => {}
        }
    }
    out
}

/// The links of `runs` whose whole text is a vague one. A link over several runs
/// (part of it bold) is read as one.
fn vague_links(block: usize, runs: &[Inline], out: &mut Vec<Warning>) {
    let mut i = 0;
    while i < runs.len() {
        let Some(to) = &runs[i].link else {
            i += 1;
            continue;
        };
        let mut text = String::new();
        while i < runs.len() && runs[i].link.as_ref() == Some(to) {
            text.push_str(&runs[i].text);
            i += 1;
        }
        let said = text
            .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '…')
            .to_lowercase();
        if VAGUE_LINK_TEXTS.contains(&said.as_str()) {
            out.push(Warning::VagueLink {
                block,
                text: text.trim().to_string(),
            });
        }
    }
}

/// The article's words: its text split at white space (a Vietnamese word is written as
/// syllables, so this counts syllables, as the portals' own counters do).
pub fn word_count(doc: &Doc) -> usize {
    doc.plain_text().split_whitespace().count()
}

/// Syllables a reader reads in a minute (Vietnamese news, read silently).
pub const SYLLABLES_PER_MINUTE: usize = 250;

/// Minutes of reading, at least one for any text.
pub fn reading_minutes(words: usize) -> usize {
    if words == 0 {
        0
    } else {
        words.div_ceil(SYLLABLES_PER_MINUTE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Figure;

    fn figure(alt: &str) -> Figure {
        Figure {
            media_id: 1,
            src: "/media/a.jpg".into(),
            width: 10,
            height: 10,
            alt: alt.into(),
            caption: String::new(),
            credit: String::new(),
        }
    }

    fn link(text: &str) -> Inline {
        Inline {
            text: text.into(),
            link: Some("https://tinhuy.example.vn/van-ban".into()),
            ..Default::default()
        }
    }

    #[test]
    fn each_kind_of_warning_is_found_where_it_is() {
        let doc = Doc {
            blocks: vec![
                Block::Heading {
                    level: 3,
                    text: vec![Inline::plain("Bối cảnh")],
                },
                Block::Image(figure("")),
                Block::Paragraph {
                    text: vec![Inline::plain("Toàn văn nghị quyết "), link("Bấm vào đây!")],
                },
                Block::Heading {
                    level: 2,
                    text: vec![],
                },
                Block::Heading {
                    level: 3,
                    text: vec![Inline::plain("Nội dung")],
                },
                Block::Gallery {
                    images: vec![figure("Đại biểu"), figure(" ")],
                },
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![link("Nghị quyết số 12-NQ/TU")],
                        vec![
                            link("tại "),
                            Inline {
                                bold: true,
                                ..link("đây")
                            },
                        ],
                    ],
                },
            ],
        };
        let found = warnings(&doc);
        assert_eq!(
            found,
            vec![
                Warning::SkippedHeading { block: 0 },
                Warning::PictureWithoutAlt {
                    block: 1,
                    picture: 0
                },
                Warning::VagueLink {
                    block: 2,
                    text: "Bấm vào đây!".into()
                },
                Warning::EmptyHeading { block: 3 },
                Warning::PictureWithoutAlt {
                    block: 5,
                    picture: 1
                },
                Warning::VagueLink {
                    block: 6,
                    text: "tại đây".into()
                },
            ]
        );
        assert_eq!(found.iter().filter(|w| w.blocks_submission()).count(), 2);
        assert!(warnings(&Doc::default()).is_empty());
    }

    #[test]
    fn words_and_minutes_of_reading() {
        let doc = Doc {
            blocks: vec![
                Block::Paragraph {
                    text: vec![Inline::plain("Hội nghị  Ban Chấp hành Đảng bộ tỉnh")],
                },
                Block::Image(figure("x")),
                Block::List {
                    ordered: true,
                    items: vec![vec![Inline::plain("lần thứ mười")]],
                },
            ],
        };
        assert_eq!(word_count(&doc), 11);
        assert_eq!(reading_minutes(0), 0);
        assert_eq!(reading_minutes(11), 1);
        assert_eq!(reading_minutes(5_000), 20);
        assert_eq!(reading_minutes(5_001), 21);
    }
}
