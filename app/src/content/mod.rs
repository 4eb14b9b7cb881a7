//! The typed document model of article bodies: a `Doc` is a list of blocks holding runs
//! of marked text. It is stored as JSON; no HTML ever comes out of it except through
//! the one renderer in `render.rs`, so reader-supplied text cannot become markup.
//! `validate.rs` checks a Doc before it is stored; `markdown.rs` (server) imports one;
//! `edit` holds the editor's operations on it, `check` what the editor warns of; `html.rs` (server) is the one way HTML
//! comes in (paste, imports).

pub mod check;
pub mod diff;
pub mod edit;
#[cfg(feature = "ssr")]
pub mod html;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod markdown_export;
pub mod render;
pub mod validate;

use serde::{Deserialize, Serialize};

/// An article body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: Vec<Inline>,
    },
    /// Level 2 or 3 (the article title is the page's only level 1).
    Heading {
        level: u8,
        text: Vec<Inline>,
    },
    Image(Figure),
    Gallery {
        images: Vec<Figure>,
    },
    Quote {
        text: Vec<Inline>,
        cite: String,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    /// Rows of cells; the first row is a header row when `header` is set.
    Table {
        header: bool,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A video from a whitelisted host, by id.
    Embed {
        provider: EmbedProvider,
        id: String,
        caption: String,
    },
    /// A document of the documents library, cited as a card (its number, type, date
    /// and link). What it shows is copied from the library when the article is saved.
    DocumentRef(DocRef),
    Divider,
}

/// What a document-reference block shows of the document it cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRef {
    /// The document's id in the library (what the server looks up on save).
    pub id: i64,
    pub slug: String,
    /// "2466-QĐ/TU"
    pub number: String,
    /// Its type's name ("Quyết định").
    pub kind: String,
    /// YYYY-MM-DD
    pub issued_on: String,
    pub summary: String,
}

/// A narrower copy of a stored picture (the media library makes them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PictureCopy {
    pub width: u32,
    /// Its file under /media/.
    pub file: String,
    /// A WebP made beside the copies of a picture of another format (offered to the
    /// browsers that take WebP, in a `<source>`).
    #[serde(default)]
    pub webp: bool,
}

/// The copies of a document's pictures, by media id: what the renderer offers in
/// `srcset`. Loaded with the document; empty where none are made (yet).
pub type Pictures = std::collections::BTreeMap<i64, Vec<PictureCopy>>;

/// A picture stored in the media library, with its caption and photo credit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub media_id: i64,
    /// Path under /media/ on this site.
    pub src: String,
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub alt: String,
    #[serde(default)]
    pub caption: String,
    /// The photographer, shown as "Ảnh: …".
    #[serde(default)]
    pub credit: String,
}

/// Video hosts that may be embedded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmbedProvider {
    Youtube,
}

/// A run of text with its marks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Inline {
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bold: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub italic: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub underline: bool,
    /// http, https or mailto only (checked by `validate`, and again by the renderer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl Inline {
    pub fn plain(text: impl Into<String>) -> Self {
        Inline {
            text: text.into(),
            ..Default::default()
        }
    }
}

impl Doc {
    /// The text of the document, one block per line: for search and summaries.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        let mut line = |s: &str| {
            let s = s.trim();
            if !s.is_empty() {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(s);
            }
        };
        for block in &self.blocks {
            match block {
                Block::Paragraph { text } | Block::Heading { text, .. } => line(&runs_text(text)),
                Block::Quote { text, cite } => {
                    line(&runs_text(text));
                    line(cite);
                }
                Block::List { items, .. } => items.iter().for_each(|i| line(&runs_text(i))),
                Block::Table { rows, .. } => {
                    for row in rows {
                        let cells: Vec<String> = row.iter().map(|c| runs_text(c)).collect();
                        line(&cells.join(" | "));
                    }
                }
                Block::Image(f) => line(&f.caption),
                Block::Gallery { images } => images.iter().for_each(|f| line(&f.caption)),
                Block::Embed { caption, .. } => line(caption),
                Block::DocumentRef(r) => line(&format!("{} {}: {}", r.kind, r.number, r.summary)),
                Block::Divider => {}
            }
        }
        out
    }

    /// The first picture of the document, used as a cover when none is chosen.
    pub fn first_figure(&self) -> Option<&Figure> {
        self.blocks.iter().find_map(|b| match b {
            Block::Image(f) => Some(f),
            Block::Gallery { images } => images.first(),
            _ => None,
        })
    }

    /// Every picture of the document, to fill in.
    pub fn figures_mut(&mut self) -> impl Iterator<Item = &mut Figure> {
        self.blocks.iter_mut().flat_map(|b| match b {
            Block::Image(f) => std::slice::from_mut(f).iter_mut(),
            Block::Gallery { images } => images.iter_mut(),
            _ => [].iter_mut(),
        })
    }

    /// Ids of all media the document refers to.
    pub fn media_ids(&self) -> Vec<i64> {
        let mut ids = Vec::new();
        for b in &self.blocks {
            match b {
                Block::Image(f) => ids.push(f.media_id),
                Block::Gallery { images } => ids.extend(images.iter().map(|f| f.media_id)),
                _ => {}
            }
        }
        ids
    }
}

/// The text of a list of runs.
pub fn runs_text(runs: &[Inline]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip_keeps_every_block() {
        let fig = Figure {
            media_id: 7,
            src: "/media/ab.png".into(),
            width: 640,
            height: 360,
            alt: "Hội nghị".into(),
            caption: "Quang cảnh hội nghị.".into(),
            credit: "Mai Tưởng".into(),
        };
        let doc = Doc {
            blocks: vec![
                Block::Heading {
                    level: 2,
                    text: vec![Inline::plain("Một")],
                },
                Block::Paragraph {
                    text: vec![Inline {
                        text: "đậm".into(),
                        bold: true,
                        ..Default::default()
                    }],
                },
                Block::Image(fig.clone()),
                Block::Gallery { images: vec![fig] },
                Block::Quote {
                    text: vec![Inline::plain("Trích")],
                    cite: "Bác Hồ".into(),
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![Inline::plain("a")]],
                },
                Block::Table {
                    header: true,
                    rows: vec![vec![vec![Inline::plain("ô")]]],
                },
                Block::Embed {
                    provider: EmbedProvider::Youtube,
                    id: "dQw4w9WgXcQ".into(),
                    caption: String::new(),
                },
                Block::Divider,
            ],
        };
        let json = serde_json::to_string(&doc).unwrap();
        assert!(json.contains("\"type\":\"paragraph\""));
        let back: Doc = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
        assert_eq!(doc.media_ids(), vec![7, 7]);
        assert_eq!(doc.first_figure().unwrap().credit, "Mai Tưởng");
        let text = doc.plain_text();
        assert!(text.starts_with("Một\nđậm\nQuang cảnh hội nghị."), "{text}");
    }
}
