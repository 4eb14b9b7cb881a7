//! Checks a document before it is stored: sizes, link schemes, heading levels, media
//! paths and embed ids. The server runs this on every Doc it receives.

use super::{Block, Doc, EmbedProvider, Figure, Inline};
use crate::i18n::{fill, tm};

pub const MAX_BLOCKS: usize = 2_000;
pub const MAX_TEXT_CHARS: usize = 400_000;
pub const MAX_RUN_CHARS: usize = 50_000;
pub const MAX_LIST_ITEMS: usize = 500;
pub const MAX_TABLE_CELLS: usize = 5_000;
pub const MAX_GALLERY: usize = 100;
pub const MAX_URL_LEN: usize = 2_000;
pub const MAX_CAPTION_CHARS: usize = 2_000;

/// Why a document was refused, in the editor's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    #[error("{}", fill(tm().content_too_many_blocks, &[&MAX_BLOCKS]))]
    TooManyBlocks,
    #[error("{}", fill(tm().content_too_long, &[&MAX_TEXT_CHARS]))]
    TooLong,
    #[error("{}", fill(tm().content_run_too_long, &[&MAX_RUN_CHARS]))]
    RunTooLong,
    #[error("{}", tm().content_too_many_items)]
    TooManyItems,
    #[error("{}", fill(tm().content_bad_link, &[&.0]))]
    BadLink(String),
    #[error("{}", tm().content_bad_heading)]
    BadHeading,
    #[error("{}", fill(tm().content_bad_media, &[&.0]))]
    BadMedia(String),
    #[error("{}", fill(tm().content_bad_embed, &[&.0]))]
    BadEmbed(String),
    #[error("{}", tm().content_caption_too_long)]
    CaptionTooLong,
    #[error("{}", tm().content_bad_document)]
    BadDocument,
}

/// True for links a reader may follow: http, https and mailto.
pub fn is_safe_link(url: &str) -> bool {
    let u = url.trim();
    if u.len() > MAX_URL_LEN || u.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && u.len() > 8
        || lower.starts_with("mailto:") && u.len() > 7
}

/// True for a path the media library serves: "/media/<name>" with a safe name.
pub fn is_media_src(src: &str) -> bool {
    match src.strip_prefix("/media/") {
        Some(name) => {
            !name.is_empty()
                && name.len() < 200
                && !name.starts_with('.')
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        }
        None => false,
    }
}

/// The id of a YouTube video from its address (watch, youtu.be, embed, shorts): the
/// editor's video field, and pasted or imported frames.
pub fn youtube_id(url: &str) -> Option<String> {
    let u = url.trim();
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))?
        .trim_start_matches("www.")
        .trim_start_matches("m.");
    let id = if let Some(q) = rest.strip_prefix("youtube.com/watch?") {
        q.split('&').find_map(|kv| kv.strip_prefix("v="))?
    } else if let Some(p) = rest
        .strip_prefix("youtu.be/")
        .or_else(|| rest.strip_prefix("youtube.com/embed/"))
        .or_else(|| rest.strip_prefix("youtube-nocookie.com/embed/"))
        .or_else(|| rest.strip_prefix("youtube.com/shorts/"))
    {
        p.split(['?', '&', '/', '#']).next()?
    } else {
        return None;
    };
    is_youtube_id(id).then(|| id.to_string())
}

fn is_youtube_id(id: &str) -> bool {
    id.len() == 11
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

struct Counter {
    chars: usize,
}

impl Counter {
    fn text(&mut self, s: &str, limit: usize, err: ContentError) -> Result<(), ContentError> {
        let n = s.chars().count();
        if n > limit {
            return Err(err);
        }
        self.chars += n;
        if self.chars > MAX_TEXT_CHARS {
            return Err(ContentError::TooLong);
        }
        Ok(())
    }

    fn runs(&mut self, runs: &[Inline]) -> Result<(), ContentError> {
        for r in runs {
            self.text(&r.text, MAX_RUN_CHARS, ContentError::RunTooLong)?;
            if let Some(link) = &r.link
                && !is_safe_link(link)
            {
                return Err(ContentError::BadLink(link.chars().take(60).collect()));
            }
        }
        Ok(())
    }

    fn figure(&mut self, f: &Figure) -> Result<(), ContentError> {
        if !is_media_src(&f.src) || f.media_id <= 0 {
            return Err(ContentError::BadMedia(f.src.chars().take(60).collect()));
        }
        for s in [&f.alt, &f.caption, &f.credit] {
            self.text(s, MAX_CAPTION_CHARS, ContentError::CaptionTooLong)?;
        }
        Ok(())
    }
}

impl Doc {
    /// Refuses a document that is too big or holds anything unsafe.
    pub fn validate(&self) -> Result<(), ContentError> {
        if self.blocks.len() > MAX_BLOCKS {
            return Err(ContentError::TooManyBlocks);
        }
        let mut c = Counter { chars: 0 };
        for block in &self.blocks {
            match block {
                Block::Paragraph { text } => c.runs(text)?,
                Block::Heading { level, text } => {
                    if !matches!(level, 2 | 3) {
                        return Err(ContentError::BadHeading);
                    }
                    c.runs(text)?
                }
                Block::Image(f) => c.figure(f)?,
                Block::Gallery { images } => {
                    if images.len() > MAX_GALLERY {
                        return Err(ContentError::TooManyItems);
                    }
                    for f in images {
                        c.figure(f)?;
                    }
                }
                Block::Quote { text, cite } => {
                    c.runs(text)?;
                    c.text(cite, MAX_CAPTION_CHARS, ContentError::CaptionTooLong)?;
                }
                Block::List { items, .. } => {
                    if items.len() > MAX_LIST_ITEMS {
                        return Err(ContentError::TooManyItems);
                    }
                    for item in items {
                        c.runs(item)?;
                    }
                }
                Block::Table { rows, .. } => {
                    let cells: usize = rows.iter().map(|r| r.len()).sum();
                    if cells > MAX_TABLE_CELLS {
                        return Err(ContentError::TooManyItems);
                    }
                    for cell in rows.iter().flatten() {
                        c.runs(cell)?;
                    }
                }
                Block::Embed {
                    provider,
                    id,
                    caption,
                } => {
                    match provider {
                        EmbedProvider::Youtube if is_youtube_id(id) => {}
                        _ => return Err(ContentError::BadEmbed(id.chars().take(20).collect())),
                    }
                    c.text(caption, MAX_CAPTION_CHARS, ContentError::CaptionTooLong)?;
                }
                Block::DocumentRef(r) => {
                    let slug_ok = !r.slug.is_empty()
                        && r.slug.len() <= 120
                        && r.slug
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                    if r.id <= 0
                        || !slug_ok
                        || r.number.chars().count() > 60
                        || r.kind.chars().count() > 40
                    {
                        return Err(ContentError::BadDocument);
                    }
                    c.text(
                        &r.summary,
                        MAX_CAPTION_CHARS * 2,
                        ContentError::CaptionTooLong,
                    )?;
                }
                Block::Divider => {}
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(run: Inline) -> Doc {
        Doc {
            blocks: vec![Block::Paragraph { text: vec![run] }],
        }
    }

    fn link(url: &str) -> Doc {
        para(Inline {
            text: "x".into(),
            link: Some(url.into()),
            ..Default::default()
        })
    }

    #[test]
    fn a_document_reference_must_name_a_document() {
        let r = crate::content::DocRef {
            id: 3,
            slug: "2466-qd-tu-2021".into(),
            number: "2466-QĐ/TU".into(),
            kind: "Quyết định".into(),
            issued_on: "2021-10-04".into(),
            summary: "Về việc".into(),
        };
        let doc = |r: crate::content::DocRef| Doc {
            blocks: vec![Block::DocumentRef(r)],
        };
        assert!(doc(r.clone()).validate().is_ok());
        assert!(
            doc(crate::content::DocRef { id: 0, ..r.clone() })
                .validate()
                .is_err()
        );
        assert!(
            doc(crate::content::DocRef {
                slug: "../x".into(),
                ..r.clone()
            })
            .validate()
            .is_err()
        );
        assert!(
            doc(crate::content::DocRef {
                number: "9".repeat(61),
                ..r
            })
            .validate()
            .is_err()
        );
    }

    #[test]
    fn javascript_and_data_links_are_refused() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "//evil.example/x",
            "/relative",
            "https://",
        ] {
            assert!(
                matches!(link(url).validate(), Err(ContentError::BadLink(_))),
                "{url}"
            );
        }
        for url in [
            "https://dangcongsan.vn/a?b=1#c",
            "http://example.vn",
            "mailto:bbt@tinhuy.vn",
        ] {
            assert_eq!(link(url).validate(), Ok(()), "{url}");
        }
    }

    #[test]
    fn oversized_documents_are_refused() {
        let doc = Doc {
            blocks: vec![Block::Divider; MAX_BLOCKS + 1],
        };
        assert_eq!(doc.validate(), Err(ContentError::TooManyBlocks));
        let run = para(Inline::plain("a".repeat(MAX_RUN_CHARS + 1)));
        assert_eq!(run.validate(), Err(ContentError::RunTooLong));
        let many = Doc {
            blocks: (0..10)
                .map(|_| Block::Paragraph {
                    text: vec![Inline::plain("ă".repeat(MAX_RUN_CHARS))],
                })
                .collect(),
        };
        assert_eq!(many.validate(), Err(ContentError::TooLong));
    }

    #[test]
    fn headings_media_and_embeds_are_checked() {
        let h1 = Doc {
            blocks: vec![Block::Heading {
                level: 1,
                text: vec![],
            }],
        };
        assert_eq!(h1.validate(), Err(ContentError::BadHeading));
        let fig = |src: &str| Figure {
            media_id: 1,
            src: src.into(),
            width: 1,
            height: 1,
            alt: String::new(),
            caption: String::new(),
            credit: String::new(),
        };
        for bad in [
            "https://evil.example/x.png",
            "/media/../secret",
            "/media/a b.png",
            "javascript:x",
        ] {
            let d = Doc {
                blocks: vec![Block::Image(fig(bad))],
            };
            assert!(
                matches!(d.validate(), Err(ContentError::BadMedia(_))),
                "{bad}"
            );
        }
        let ok = Doc {
            blocks: vec![Block::Image(fig("/media/3f2a.png"))],
        };
        assert_eq!(ok.validate(), Ok(()));
        let embed = |id: &str| Doc {
            blocks: vec![Block::Embed {
                provider: EmbedProvider::Youtube,
                id: id.into(),
                caption: String::new(),
            }],
        };
        assert_eq!(embed("dQw4w9WgXcQ").validate(), Ok(()));
        assert!(embed("\"><script>").validate().is_err());
    }

    #[test]
    fn youtube_addresses_give_their_video() {
        for u in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?t=10",
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
            "https://m.youtube.com/shorts/dQw4w9WgXcQ",
        ] {
            assert_eq!(youtube_id(u).as_deref(), Some("dQw4w9WgXcQ"), "{u}");
        }
        for u in [
            "https://vimeo.com/123",
            "javascript:alert(1)//youtu.be/dQw4w9WgXcQ",
            "https://youtu.be/short",
            "https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ",
        ] {
            assert_eq!(youtube_id(u), None, "{u}");
        }
    }
}
