//! Markdown importer: turns Markdown (the corpus and import format, and the plain
//! editing form) into a `Doc`. Raw HTML in the input is dropped, links that are not
//! http/https/mailto lose their link, and images must already be in the media library
//! (the caller resolves them first, see `image_urls`).

use std::collections::HashMap;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use unicode_normalization::UnicodeNormalization;

use super::validate::is_safe_link;
use super::{Block, Doc, Figure, Inline};

/// A picture the media library already holds.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredImage {
    pub media_id: i64,
    pub src: String,
    pub width: u32,
    pub height: u32,
}

fn parser(md: &str) -> Parser<'_> {
    Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
}

/// The image addresses a Markdown text refers to, in order, without repeats.
pub fn image_urls(md: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for ev in parser(md) {
        if let Event::Start(Tag::Image { dest_url, .. }) = ev {
            let url = dest_url.to_string();
            if !out.contains(&url) {
                out.push(url);
            }
        }
    }
    out
}

/// Splits a caption that ends with the photo credit: "Quang cảnh. Ảnh: Mai Tưởng" →
/// ("Quang cảnh.", "Mai Tưởng"). Also understands "(Ảnh: …)".
pub fn split_credit(caption: &str) -> (String, String) {
    use crate::i18n::PHOTO_CREDIT;
    let caption = caption.trim();
    if let Some(pos) = caption.rfind(PHOTO_CREDIT) {
        let credit = caption[pos + PHOTO_CREDIT.len()..]
            .trim()
            .trim_end_matches(')')
            .trim();
        let mut before = caption[..pos].trim_end();
        before = before.strip_suffix('(').unwrap_or(before).trim_end();
        before = before.strip_suffix(['-', '–']).unwrap_or(before).trim_end();
        if !credit.is_empty() && credit.chars().count() <= 80 {
            return (before.to_string(), credit.to_string());
        }
    }
    (caption.to_string(), String::new())
}

#[derive(Default)]
struct Marks {
    bold: u32,
    italic: u32,
    link: Vec<Option<String>>,
}

enum Container {
    Quote(Vec<Vec<Inline>>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

struct Converter<'a> {
    images: &'a HashMap<String, StoredImage>,
    blocks: Vec<Block>,
    runs: Vec<Inline>,
    marks: Marks,
    /// Figures met in the current paragraph.
    figures: Vec<Figure>,
    /// Inside ![alt](src): (src, alt text so far).
    image: Option<(String, String)>,
    containers: Vec<Container>,
    table: Option<(bool, Vec<Vec<Vec<Inline>>>)>,
}

impl Converter<'_> {
    fn text(&mut self, s: &str) {
        if let Some((_, alt)) = &mut self.image {
            alt.push_str(s);
            return;
        }
        if s.is_empty() {
            return;
        }
        let link = self.marks.link.last().cloned().flatten();
        let run = Inline {
            text: s.to_string(),
            bold: self.marks.bold > 0,
            italic: self.marks.italic > 0,
            underline: false,
            link,
        };
        if let Some(last) = self.runs.last_mut()
            && last.bold == run.bold
            && last.italic == run.italic
            && last.link == run.link
        {
            last.text.push_str(&run.text);
            return;
        }
        self.runs.push(run);
    }

    fn take_runs(&mut self) -> Vec<Inline> {
        let mut runs = std::mem::take(&mut self.runs);
        if let Some(first) = runs.first_mut() {
            first.text = first.text.trim_start().to_string();
        }
        if let Some(last) = runs.last_mut() {
            last.text = last.text.trim_end().to_string();
        }
        runs.retain(|r| !r.text.is_empty());
        runs
    }

    fn end_paragraph(&mut self) {
        let runs = self.take_runs();
        let figures = std::mem::take(&mut self.figures);
        if !runs.is_empty() {
            match self.containers.last_mut() {
                Some(Container::Quote(paras)) => paras.push(runs),
                Some(Container::List { items, .. }) => match items.last_mut() {
                    Some(item) if !item.is_empty() => {
                        item.push(Inline::plain(" "));
                        item.extend(runs);
                    }
                    Some(item) => item.extend(runs),
                    None => items.push(runs),
                },
                None => self.blocks.push(Block::Paragraph { text: runs }),
            }
        }
        match figures.len() {
            0 => {}
            1 => self.blocks.extend(figures.into_iter().map(Block::Image)),
            _ => self.blocks.push(Block::Gallery { images: figures }),
        }
    }

    fn event(&mut self, ev: Event<'_>) {
        match ev {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(s) | Event::Code(s) => self.text(&s),
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Rule => self.blocks.push(Block::Divider),
            // raw HTML (Html, InlineHtml) and the rest are dropped
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Strong => self.marks.bold += 1,
            Tag::Emphasis => self.marks.italic += 1,
            Tag::Link { dest_url, .. } => {
                let url = dest_url.trim().to_string();
                self.marks.link.push(is_safe_link(&url).then_some(url));
            }
            Tag::Image { dest_url, .. } => self.image = Some((dest_url.to_string(), String::new())),
            Tag::BlockQuote(_) => self.containers.push(Container::Quote(Vec::new())),
            Tag::List(start) => {
                self.end_paragraph();
                if !matches!(self.containers.last(), Some(Container::List { .. })) {
                    self.containers.push(Container::List {
                        ordered: start.is_some(),
                        items: Vec::new(),
                    });
                }
            }
            Tag::Item => {
                self.end_paragraph();
                if let Some(Container::List { items, .. }) = self.containers.last_mut() {
                    items.push(Vec::new());
                }
            }
            Tag::Table(_) => self.table = Some((false, Vec::new())),
            Tag::TableHead => {
                if let Some((header, rows)) = &mut self.table {
                    *header = true;
                    rows.push(Vec::new());
                }
            }
            Tag::TableRow => {
                if let Some((_, rows)) = &mut self.table {
                    rows.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Strong => self.marks.bold = self.marks.bold.saturating_sub(1),
            TagEnd::Emphasis => self.marks.italic = self.marks.italic.saturating_sub(1),
            TagEnd::Link => {
                self.marks.link.pop();
            }
            TagEnd::Image => {
                if let Some((src, alt)) = self.image.take()
                    && let Some(img) = self.images.get(&src)
                {
                    let (caption, credit) = split_credit(&alt);
                    self.figures.push(Figure {
                        media_id: img.media_id,
                        src: img.src.clone(),
                        width: img.width,
                        height: img.height,
                        alt: caption.clone(),
                        caption,
                        credit,
                    });
                }
            }
            TagEnd::Paragraph => self.end_paragraph(),
            TagEnd::Heading(level) => {
                let text = self.take_runs();
                let level = if level <= HeadingLevel::H2 { 2 } else { 3 };
                if !text.is_empty() {
                    self.blocks.push(Block::Heading { level, text });
                }
                let figures = std::mem::take(&mut self.figures);
                self.blocks.extend(figures.into_iter().map(Block::Image));
            }
            TagEnd::CodeBlock => self.end_paragraph(),
            TagEnd::Item => self.end_paragraph(),
            TagEnd::BlockQuote(_) => {
                self.end_paragraph();
                if let Some(Container::Quote(paras)) = self.containers.pop() {
                    let mut text = Vec::new();
                    for (i, p) in paras.into_iter().enumerate() {
                        if i > 0 {
                            text.push(Inline::plain("\n"));
                        }
                        text.extend(p);
                    }
                    if !text.is_empty() {
                        self.push_block(Block::Quote {
                            text,
                            cite: String::new(),
                        });
                    }
                }
            }
            TagEnd::List(_) => {
                self.end_paragraph();
                // nested lists were merged into their parent; close only the outermost
                let nested = self
                    .containers
                    .iter()
                    .filter(|c| matches!(c, Container::List { .. }))
                    .count()
                    > 1;
                if !nested && let Some(Container::List { ordered, items }) = self.containers.pop() {
                    let items: Vec<_> = items.into_iter().filter(|i| !i.is_empty()).collect();
                    if !items.is_empty() {
                        self.push_block(Block::List { ordered, items });
                    }
                }
            }
            TagEnd::TableCell => {
                let runs = self.take_runs();
                if let Some((_, rows)) = &mut self.table
                    && let Some(row) = rows.last_mut()
                {
                    row.push(runs);
                }
            }
            TagEnd::Table => {
                if let Some((header, rows)) = self.table.take() {
                    self.blocks.push(Block::Table { header, rows });
                }
            }
            _ => {}
        }
    }

    fn push_block(&mut self, block: Block) {
        self.blocks.push(block);
    }
}

/// Converts Markdown into a document. Images not in `images` are left out (resolve
/// them first with `image_urls`). The text is NFC-normalised.
pub fn to_doc(md: &str, images: &HashMap<String, StoredImage>) -> Doc {
    let md: String = md.nfc().collect();
    let mut c = Converter {
        images,
        blocks: Vec::new(),
        runs: Vec::new(),
        marks: Marks::default(),
        figures: Vec::new(),
        image: None,
        containers: Vec::new(),
        table: None,
    };
    for ev in parser(&md) {
        c.event(ev);
    }
    c.end_paragraph();
    Doc { blocks: c.blocks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::runs_text;

    fn images() -> HashMap<String, StoredImage> {
        let mut m = HashMap::new();
        m.insert(
            "images/a.png".to_string(),
            StoredImage {
                media_id: 3,
                src: "/media/aa.png".into(),
                width: 640,
                height: 360,
            },
        );
        m
    }

    #[test]
    fn paragraphs_marks_and_links() {
        let doc = to_doc(
            "Một **đậm** và *nghiêng* [liên kết](https://a.vn).\n\nHai",
            &HashMap::new(),
        );
        assert_eq!(doc.blocks.len(), 2);
        let Block::Paragraph { text } = &doc.blocks[0] else {
            panic!()
        };
        assert_eq!(runs_text(text), "Một đậm và nghiêng liên kết.");
        assert!(text.iter().any(|r| r.bold && r.text == "đậm"));
        assert!(text.iter().any(|r| r.italic && r.text == "nghiêng"));
        assert!(
            text.iter()
                .any(|r| r.link.as_deref() == Some("https://a.vn"))
        );
    }

    #[test]
    fn raw_html_and_script_links_are_dropped() {
        let md = "<script>alert(1)</script>\n\nChữ <b onclick=x>in</b> [bấm](javascript:alert(1))";
        let doc = to_doc(md, &HashMap::new());
        let json = serde_json::to_string(&doc).unwrap();
        assert!(!json.contains("script"), "{json}");
        assert!(!json.contains("onclick"), "{json}");
        assert_eq!(doc.plain_text(), "Chữ in bấm");
        assert_eq!(doc.validate(), Ok(()));
    }

    #[test]
    fn images_become_figures_with_credit() {
        let md = "Trước\n\n![Quang cảnh hội nghị. Ảnh: Mai Tưởng](images/a.png)\n\nSau";
        let doc = to_doc(md, &images());
        assert_eq!(image_urls(md), vec!["images/a.png".to_string()]);
        let Block::Image(f) = &doc.blocks[1] else {
            panic!("{doc:?}")
        };
        assert_eq!(f.caption, "Quang cảnh hội nghị.");
        assert_eq!(f.credit, "Mai Tưởng");
        assert_eq!(f.src, "/media/aa.png");
        assert_eq!(doc.blocks.len(), 3);
    }

    #[test]
    fn headings_lists_quotes_tables() {
        let md = "# Lớn\n\n### Nhỏ\n\n- một\n- hai\n  - hai rưỡi\n\n1. a\n2. b\n\n> trích\n> dẫn\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n---\n";
        let doc = to_doc(md, &HashMap::new());
        let kinds: Vec<&str> = doc
            .blocks
            .iter()
            .map(|b| match b {
                Block::Heading { level: 2, .. } => "h2",
                Block::Heading { .. } => "h3",
                Block::List { ordered: false, .. } => "ul",
                Block::List { ordered: true, .. } => "ol",
                Block::Quote { .. } => "quote",
                Block::Table { .. } => "table",
                Block::Divider => "hr",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, vec!["h2", "h3", "ul", "ol", "quote", "table", "hr"]);
        let Block::List { items, .. } = &doc.blocks[2] else {
            panic!()
        };
        assert_eq!(items.len(), 3);
        let Block::Table { header, rows } = &doc.blocks[5] else {
            panic!()
        };
        assert!(*header);
        assert_eq!(rows.len(), 2);
        assert_eq!(runs_text(&rows[1][1]), "2");
    }

    #[test]
    fn credit_splitting() {
        assert_eq!(
            split_credit("Bấm nút. Ảnh: Tâm Giang"),
            ("Bấm nút.".into(), "Tâm Giang".into())
        );
        assert_eq!(
            split_credit("Hội nghị (Ảnh: MT)"),
            ("Hội nghị".into(), "MT".into())
        );
        assert_eq!(
            split_credit("Không có tác giả"),
            ("Không có tác giả".into(), String::new())
        );
    }
}
