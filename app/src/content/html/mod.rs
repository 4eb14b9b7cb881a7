//! The one way HTML comes in (server only, DESIGN.md §3): pasted HTML (Word, LibreOffice,
//! Google Docs, web pages) and, later, the NukeViet importer's article bodies become a
//! `Doc`. Kept: paragraphs, headings, quotes, lists (Word's `mso-list` paragraphs too),
//! tables (a merged cell's other places left empty), dividers, YouTube frames, and
//! bold, italic, underline and safe links, from tags and from inline styles (Google
//! Docs wraps everything in `<b style="font-weight:normal">`). Dropped: styles, fonts,
//! classes, scripts, event handlers, forms, comments, empty paragraphs, runs of spaces
//! and `&nbsp;`. Pictures are counted, not kept: the editor uploads the pasted files.
//! Text comes out in NFC.

mod legacy;
mod read;

pub use legacy::Legacy;

use scraper::{ElementRef, Html, Node};
use unicode_normalization::UnicodeNormalization;

use super::edit::runs::{Marks, normalize};
use super::validate::MAX_BLOCKS;
use super::validate::youtube_id;
use super::{Block, Doc, EmbedProvider, Inline};
use read::{clean_spaces, marks_in, ordered_marker, style_of, word_list_marker};

/// A converted paste: the blocks and what could not come with them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Converted {
    pub doc: Doc,
    /// Pictures left out (the editor uploads pasted files itself).
    pub pictures: usize,
    /// Other things left out with what they held: scripts, forms, frames, objects.
    pub other: usize,
    /// Text in a legacy encoding (TCVN3, VNI) was made Unicode.
    pub legacy: Option<Legacy>,
}

/// Converts HTML (a whole document, as Word puts it on the clipboard, or a fragment).
pub fn doc_from_html(html: &str) -> Converted {
    let parsed = Html::parse_document(html);
    let mut w = Walker::default();
    let root = parsed.root_element();
    let body = root
        .child_elements()
        .find(|e| e.value().name() == "body")
        .unwrap_or(root);
    w.children(body, &Marks::default());
    w.flush();
    let mut blocks = w.blocks;
    blocks.truncate(MAX_BLOCKS);
    Converted {
        doc: Doc { blocks },
        pictures: w.pictures,
        other: w.other,
        legacy: w.converted,
    }
}

/// Plain text: a paragraph per line, empty lines dropped; TCVN3 or VNI text (known by
/// its letters) made Unicode.
pub fn doc_from_text(text: &str) -> Converted {
    let legacy = Legacy::guess(text);
    let text = legacy.map_or_else(|| text.to_string(), |l| l.decode(text));
    let blocks = text
        .lines()
        .map(|line| clean_spaces(line).trim().to_string())
        .filter(|line| !line.is_empty())
        .take(MAX_BLOCKS)
        .map(|line| Block::Paragraph {
            text: vec![Inline::plain(crate::core::text::nfc(&line))],
        })
        .collect();
    Converted {
        doc: Doc { blocks },
        legacy,
        ..Converted::default()
    }
}

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "head", "title", "meta", "link", "noscript", "template", "object", "embed",
    "svg", "math", "form", "input", "button", "select", "textarea", "canvas", "video", "audio",
    "map", "xml",
];

/// Elements that end the text before them and start a block.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "li",
    "table",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "pre",
    "address",
    "center",
    "dl",
    "dt",
    "dd",
    "iframe",
    "img",
];

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    /// The text being gathered for the next paragraph (or heading, item, cell).
    runs: Vec<Inline>,
    pictures: usize,
    other: usize,
    /// Taking a list item's own text: the lists inside it come after it.
    skip_lists: bool,
    /// The legacy encoding of the font the text is in now, if any.
    legacy: Option<Legacy>,
    /// One that was met (and its text made Unicode).
    converted: Option<Legacy>,
}
impl Walker {
    /// The gathered text, trimmed, normal and in NFC (empty: nothing).
    fn take_runs(&mut self) -> Vec<Inline> {
        let mut runs = std::mem::take(&mut self.runs);
        for r in &mut runs {
            // NFC, keeping the spaces between runs (core::text::nfc trims)
            r.text = r.text.nfc().collect();
        }
        if let Some(first) = runs.first_mut() {
            first.text = first.text.trim_start().to_string();
        }
        if let Some(last) = runs.last_mut() {
            last.text = last.text.trim_end().to_string();
        }
        normalize(&mut runs);
        runs
    }

    /// Ends the paragraph being gathered.
    fn flush(&mut self) {
        let text = self.take_runs();
        if !text.is_empty() {
            self.blocks.push(Block::Paragraph { text });
        }
    }

    fn text(&mut self, text: &str, marks: &Marks) {
        let mut text = clean_spaces(text);
        if let Some(l) = self.legacy {
            text = l.decode(&text);
            self.converted = Some(l);
        }
        // a space at the start of a block, or after a space, is none
        let after_space = self.runs.last().is_none_or(|r| r.text.ends_with(' '));
        if after_space {
            text = text.trim_start().to_string();
        }
        if !text.is_empty() {
            self.runs.push(marks.run(text));
        }
    }

    fn children(&mut self, e: ElementRef, marks: &Marks) {
        for child in e.children() {
            match child.value() {
                Node::Text(t) => self.text(t, marks),
                Node::Element(_) => {
                    if let Some(el) = ElementRef::wrap(child) {
                        self.element(el, marks);
                    }
                }
                _ => {}
            }
        }
    }

    /// The text inside `e` alone (a heading's, an item's, a cell's): gathered apart
    /// from the paragraph around it.
    fn inline_of(&mut self, e: ElementRef, marks: &Marks) -> Vec<Inline> {
        let around = std::mem::take(&mut self.runs);
        let start = self.blocks.len();
        self.children(e, marks);
        // blocks inside (paragraphs in a cell or item): their text, one line
        let inner: Vec<Block> = self.blocks.drain(start..).collect();
        let mut runs = Vec::new();
        for b in inner {
            let texts = match b {
                Block::Paragraph { text }
                | Block::Heading { text, .. }
                | Block::Quote { text, .. } => {
                    vec![text]
                }
                Block::List { items, .. } => items,
                _ => Vec::new(),
            };
            for text in texts {
                if !runs.is_empty() {
                    runs.push(Inline::plain(" "));
                }
                runs.extend(text);
            }
        }
        if !runs.is_empty() && !self.runs.is_empty() {
            runs.push(Inline::plain(" "));
        }
        runs.extend(self.take_runs());
        self.runs = around;
        normalize(&mut runs);
        runs
    }

    /// An element, in the font it names (a `.Vn…` or `VNI-…` font: its text decoded).
    fn element(&mut self, e: ElementRef, outer: &Marks) {
        let font = style_of(&e)
            .into_iter()
            .find(|(k, _)| k == "font-family")
            .map(|(_, v)| v)
            .or_else(|| e.value().attr("face").map(str::to_string));
        let around = self.legacy;
        if let Some(f) = font {
            self.legacy = Legacy::of_font(&f);
        }
        self.element_in_font(e, outer);
        self.legacy = around;
    }

    fn element_in_font(&mut self, e: ElementRef, outer: &Marks) {
        let name = e.value().name().to_ascii_lowercase();
        let name = name.as_str();
        if DROPPED.contains(&name) {
            self.other += usize::from(!matches!(
                name,
                "style" | "head" | "title" | "meta" | "link" | "xml"
            ));
            return;
        }
        if self.skip_lists && matches!(name, "ul" | "ol") {
            return;
        }
        // Word's list marker ("1.", "·"), written before the item's text
        if style_of(&e)
            .iter()
            .any(|(k, v)| k == "mso-list" && v == "ignore")
        {
            return;
        }
        let marks = marks_in(&e, outer);
        if !BLOCKS.contains(&name) {
            if name == "br" {
                self.flush();
            } else {
                self.children(e, &marks);
            }
            return;
        }
        self.flush();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = if matches!(name, "h1" | "h2") { 2 } else { 3 };
                let text = self.inline_of(e, &marks);
                if !text.is_empty() {
                    self.blocks.push(Block::Heading { level, text });
                }
            }
            "blockquote" => {
                let text = self.inline_of(e, &marks);
                if !text.is_empty() {
                    self.blocks.push(Block::Quote {
                        text,
                        cite: String::new(),
                    });
                }
            }
            "ul" | "ol" => self.list(e, name == "ol", &marks),
            "li" => {
                let item = self.inline_of(e, &marks);
                self.push_item(item, false);
            }
            "table" => self.table(e, &marks),
            "hr" => self.blocks.push(Block::Divider),
            "img" => self.pictures += 1,
            "iframe" => match e.value().attr("src").and_then(youtube_id) {
                Some(id) => self.blocks.push(Block::Embed {
                    provider: EmbedProvider::Youtube,
                    id,
                    caption: String::new(),
                }),
                None => self.other += 1,
            },
            "p" | "div" => match word_list_marker(&e) {
                Some(marker) => {
                    let item = self.inline_of(e, &marks);
                    self.push_item(item, ordered_marker(&marker));
                }
                None => {
                    self.children(e, &marks);
                    self.flush();
                }
            },
            _ => {
                self.children(e, &marks);
                self.flush();
            }
        }
    }

    fn list(&mut self, e: ElementRef, ordered: bool, marks: &Marks) {
        let mut items = Vec::new();
        for child in e.child_elements() {
            match child.value().name() {
                "li" => {
                    // a list inside an item: its items follow (the model has one level)
                    let nested: Vec<ElementRef> = child
                        .child_elements()
                        .filter(|c| matches!(c.value().name(), "ul" | "ol"))
                        .collect();
                    self.skip_lists = true;
                    let item = self.inline_of(child, marks);
                    self.skip_lists = false;
                    if !item.is_empty() {
                        items.push(item);
                    }
                    for n in nested {
                        let start = self.blocks.len();
                        self.list(n, ordered, marks);
                        for b in self.blocks.drain(start..).collect::<Vec<_>>() {
                            if let Block::List { items: more, .. } = b {
                                items.extend(more);
                            }
                        }
                    }
                }
                _ => {
                    let item = self.inline_of(child, marks);
                    if !item.is_empty() {
                        items.push(item);
                    }
                }
            }
        }
        if !items.is_empty() {
            self.blocks.push(Block::List { ordered, items });
        }
    }

    /// A list item: joins the list just before it, or starts one.
    fn push_item(&mut self, item: Vec<Inline>, ordered: bool) {
        if item.is_empty() {
            return;
        }
        if let Some(Block::List { items, ordered: o }) = self.blocks.last_mut()
            && *o == ordered
        {
            items.push(item);
            return;
        }
        self.blocks.push(Block::List {
            ordered,
            items: vec![item],
        });
    }

    fn table(&mut self, e: ElementRef, marks: &Marks) {
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        let mut header = false;
        // per column, how many rows below are still covered by a cell above (rowspan)
        let mut covered: Vec<usize> = Vec::new();
        let trs: Vec<ElementRef> = e
            .descendent_elements()
            .filter(|d| d.value().name() == "tr")
            .collect();
        for (r, tr) in trs.into_iter().enumerate() {
            let mut row: Vec<Vec<Inline>> = Vec::new();
            let mut all_th = true;
            for cell in tr
                .child_elements()
                .filter(|c| matches!(c.value().name(), "td" | "th"))
            {
                fill_covered(&mut row, &mut covered);
                all_th &= cell.value().name() == "th";
                let span = |a: &str| {
                    cell.value()
                        .attr(a)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 50)
                };
                let (cols, down) = (span("colspan"), span("rowspan"));
                let col = row.len();
                row.push(self.inline_of(cell, marks));
                row.extend(std::iter::repeat_n(Vec::new(), cols - 1));
                if covered.len() < col + cols {
                    covered.resize(col + cols, 0);
                }
                covered[col..col + cols].fill(down - 1);
            }
            fill_covered(&mut row, &mut covered);
            if r == 0 {
                header = all_th && !row.is_empty();
            }
            if !row.is_empty() {
                rows.push(row);
            }
        }
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut rows {
            row.resize(width, Vec::new());
        }
        if width > 0 {
            self.blocks.push(Block::Table { header, rows });
        }
    }
}

/// Empty cells where a cell of a row above still covers the row's next columns.
fn fill_covered(row: &mut Vec<Vec<Inline>>, covered: &mut [usize]) {
    while let Some(n) = covered.get_mut(row.len()).filter(|n| **n > 0) {
        *n -= 1;
        row.push(Vec::new());
    }
}

#[cfg(test)]
mod tests;
