//! Markdown exporter: writes a `Doc` back as the Markdown the plain editing form shows,
//! so that `markdown::to_doc(to_markdown(doc))` gives the same document again (for
//! everything Markdown can say: underline and video embeds have no Markdown form; a
//! video becomes its link).

use super::{Block, Doc, EmbedProvider, Figure, Inline};

/// The Markdown of a document, blocks separated by blank lines.
pub fn to_markdown(doc: &Doc) -> String {
    let blocks: Vec<String> = doc.blocks.iter().map(block).collect();
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

fn block(b: &Block) -> String {
    match b {
        Block::Paragraph { text } => line_start(&runs(text, false)),
        Block::Heading { level, text } => {
            format!("{} {}", "#".repeat(*level as usize), runs(text, false))
        }
        Block::Image(f) => figure(f),
        Block::Gallery { images } => images.iter().map(figure).collect::<Vec<_>>().join("\n"),
        Block::Quote { text, cite } => {
            // paragraphs of a quote are separated by "\n" runs
            let mut paras: Vec<Vec<Inline>> = vec![Vec::new()];
            for r in text {
                if r.text == "\n" {
                    paras.push(Vec::new());
                } else if let Some(last) = paras.last_mut() {
                    last.push(r.clone());
                }
            }
            let mut lines: Vec<String> = paras
                .iter()
                .map(|p| format!("> {}", line_start(&runs(p, false))))
                .collect();
            if !cite.is_empty() {
                lines.push(format!("> — {}", escape(cite, false)));
            }
            lines.join("\n>\n")
        }
        Block::List { ordered, items } => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let marker = if *ordered {
                    format!("{}.", i + 1)
                } else {
                    "-".into()
                };
                format!("{marker} {}", line_start(&runs(item, false)))
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { rows, .. } => {
            let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let row = |cells: &[Vec<Inline>]| {
                let mut out: Vec<String> = cells.iter().map(|c| runs(c, true)).collect();
                out.resize(width, String::new());
                format!("| {} |", out.join(" | "))
            };
            let mut lines = Vec::new();
            let mut it = rows.iter();
            lines.push(row(it.next().map(Vec::as_slice).unwrap_or(&[])));
            lines.push(format!("|{}", " --- |".repeat(width)));
            lines.extend(it.map(|r| row(r)));
            lines.join("\n")
        }
        Block::Embed {
            provider: EmbedProvider::Youtube,
            id,
            caption,
        } => {
            let url = format!("https://www.youtube.com/watch?v={id}");
            if caption.is_empty() {
                format!("<{url}>")
            } else {
                format!("[{}]({url})", escape(caption, false))
            }
        }
        Block::DocumentRef(r) => format!(
            "[{}]({})",
            escape(&format!("{} {}: {}", r.kind, r.number, r.summary), false),
            crate::core::links::document_href(&r.slug)
        ),
        Block::Divider => "---".into(),
    }
}

fn figure(f: &Figure) -> String {
    let mut alt = f.caption.clone();
    if !f.credit.is_empty() {
        if !alt.is_empty() {
            alt.push(' ');
        }
        alt.push_str(crate::i18n::PHOTO_CREDIT);
        alt.push(' ');
        alt.push_str(&f.credit);
    }
    format!("![{}]({})", escape(&alt, false), f.src)
}

/// Runs as inline Markdown: consecutive runs with the same link share one `[…](…)`;
/// marks wrap the text without its outer spaces (`** a **` would not be bold).
fn runs(text: &[Inline], in_table: bool) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < text.len() {
        let link = &text[i].link;
        let mut j = i;
        while j < text.len() && &text[j].link == link {
            j += 1;
        }
        let inner: String = text[i..j].iter().map(|r| marked(r, in_table)).collect();
        match link {
            Some(url) => {
                let url = if url.contains([' ', '(', ')', '<', '>']) {
                    format!("<{}>", url.replace(['<', '>'], ""))
                } else {
                    url.clone()
                };
                out.push_str(&format!("[{inner}]({url})"));
            }
            None => out.push_str(&inner),
        }
        i = j;
    }
    out
}

fn marked(r: &Inline, in_table: bool) -> String {
    let text = r.text.replace('\n', " ");
    let core = text.trim();
    if core.is_empty() || (!r.bold && !r.italic) {
        return escape(&text, in_table);
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    let mark = match (r.bold, r.italic) {
        (true, true) => "***",
        (true, false) => "**",
        _ => "*",
    };
    format!("{lead}{mark}{}{mark}{trail}", escape(core, in_table))
}

/// Backslash-escapes what Markdown would read as syntax inside a line.
fn escape(s: &str, in_table: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '~')
            || (in_table && c == '|')
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would start another kind of block at the beginning of a line:
/// headings, quotes, list markers, rules.
fn line_start(line: &str) -> String {
    let first = line.chars().next();
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let after_digits = line[digits..].chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=' | '|'))
        || (digits > 0 && matches!(after_digits, Some('.' | ')')))
    {
        if digits > 0 {
            format!("{}\\{}", &line[..digits], &line[digits..])
        } else {
            format!("\\{line}")
        }
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::content::markdown::{StoredImage, to_doc};

    fn run(text: &str) -> Inline {
        Inline::plain(text)
    }

    fn figure(n: i64) -> Figure {
        Figure {
            media_id: n,
            src: format!("/media/{n}.png"),
            width: 640,
            height: 360,
            alt: format!("Ảnh số {n}"),
            caption: format!("Ảnh số {n}"),
            credit: "Mai Tưởng".into(),
        }
    }

    fn images() -> HashMap<String, StoredImage> {
        (1..=3)
            .map(|n| {
                (
                    format!("/media/{n}.png"),
                    StoredImage {
                        media_id: n,
                        src: format!("/media/{n}.png"),
                        width: 640,
                        height: 360,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn every_markdown_expressible_block_survives_the_round_trip() {
        let doc = Doc {
            blocks: vec![
                Block::Heading {
                    level: 2,
                    text: vec![run("Hội nghị *lần* thứ 10")],
                },
                Block::Paragraph {
                    text: vec![
                        run("Sáng 24/2, "),
                        Inline {
                            text: "Ban Chấp hành".into(),
                            bold: true,
                            ..Default::default()
                        },
                        run(" họp; xem "),
                        Inline {
                            text: "văn bản [số 5]".into(),
                            link: Some("https://vanban.gov.vn/a_b?x=1".into()),
                            ..Default::default()
                        },
                        run(" và "),
                        Inline {
                            text: "ghi chú".into(),
                            italic: true,
                            ..Default::default()
                        },
                        run("."),
                    ],
                },
                Block::Paragraph {
                    text: vec![run("1. Không phải danh sách, # không phải tiêu đề")],
                },
                Block::Paragraph {
                    text: vec![run("- cũng không phải danh sách <b>")],
                },
                Block::Image(figure(1)),
                Block::Gallery {
                    images: vec![figure(2), figure(3)],
                },
                Block::Heading {
                    level: 3,
                    text: vec![run("Kết luận")],
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![run("một")], vec![run("hai")]],
                },
                Block::List {
                    ordered: false,
                    items: vec![vec![run("ba")], vec![run("bốn_năm")]],
                },
                Block::Quote {
                    text: vec![run("Dân là gốc"), run("\n"), run("đoạn hai")],
                    cite: String::new(),
                },
                Block::Table {
                    header: true,
                    rows: vec![
                        vec![vec![run("Chỉ tiêu")], vec![run("Kết quả | %")]],
                        vec![vec![run("GRDP")], vec![run("7,5")]],
                    ],
                },
                Block::Divider,
                Block::Paragraph {
                    text: vec![run("Hết.")],
                },
            ],
        };
        let md = to_markdown(&doc);
        let back = to_doc(&md, &images());
        assert_eq!(back, doc, "{md}");
    }

    #[test]
    fn the_corpus_round_trips() {
        // every real article of the shared corpus, once imported, exports and
        // re-imports to the same document (pictures resolved by their address)
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("corpus not found at {}", dir.display());
            return;
        };
        let mut checked = 0;
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_none_or(|x| x != "md") || path.ends_with("README.md") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let body = text.splitn(3, "---").nth(2).unwrap_or(&text);
            let urls = crate::content::markdown::image_urls(body);
            let images: HashMap<String, StoredImage> = urls
                .iter()
                .enumerate()
                .map(|(i, u)| {
                    let img = StoredImage {
                        media_id: i as i64 + 1,
                        src: format!("/media/{}.jpg", i + 1),
                        width: 800,
                        height: 600,
                    };
                    (u.clone(), img)
                })
                .collect();
            let doc = to_doc(body, &images);
            let by_src: HashMap<String, StoredImage> = images
                .values()
                .map(|i| (i.src.clone(), i.clone()))
                .collect();
            let md = to_markdown(&doc);
            assert_eq!(to_doc(&md, &by_src), doc, "{}", path.display());
            checked += 1;
        }
        assert!(checked > 0, "no corpus article in {}", dir.display());
    }
}
