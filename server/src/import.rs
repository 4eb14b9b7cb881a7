//! `toasoan import`: Markdown articles with YAML front matter (the format of
//! shared/corpus/README.md). Each file is parsed and its images are read before
//! anything is written; then the file is stored in one transaction. A bad file is
//! reported with its name (and line) and does not stop the others. Re-importing a file
//! replaces the article with the same slug instead of adding a copy.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sqlx::AnyPool;
use toasoan_app::content::markdown::{StoredImage, image_urls, to_doc};
use toasoan_app::core::text::{nfc, slugify};
use toasoan_app::core::time;
use toasoan_app::features::articles::{self, Author, Content, Settings, Write, WriteError};
use toasoan_app::features::categories;
use toasoan_app::features::media;
use toasoan_app::features::topics;

/// Category of articles whose front matter names none.
pub const DEFAULT_CATEGORY: &str = "Tin tổng hợp";

/// Why a file was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}:{line}: {message}")]
    Malformed {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: không tìm thấy ảnh {image} ({reason})")]
    MissingImage {
        file: String,
        image: String,
        reason: String,
    },
    #[error("{file}: ảnh {image} không dùng được: {reason}")]
    BadImage {
        file: String,
        image: String,
        reason: String,
    },
    #[error("{file}: không đọc được tệp: {reason}")]
    Read { file: String, reason: String },
    #[error("{file}: nội dung không hợp lệ: {reason}")]
    Invalid { file: String, reason: String },
    #[error("{file}: lỗi cơ sở dữ liệu: {reason}")]
    Db { file: String, reason: String },
}

/// The front matter keys.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub published: Option<String>,
    pub category: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    pub lead: Option<String>,
    pub slug: Option<String>,
    #[serde(default)]
    pub featured: bool,
    /// An internal bulletin: read by signed-in members and staff only.
    #[serde(default)]
    pub members_only: bool,
}

/// A parsed file, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedArticle {
    pub title: String,
    pub slug: String,
    pub published_at: Option<i64>,
    pub category: String,
    pub byline: String,
    pub source: String,
    pub tags: Vec<String>,
    pub topics: Vec<String>,
    pub lead: String,
    pub featured: bool,
    pub members_only: bool,
    pub body: String,
}

fn malformed(file: &str, line: usize, message: impl Into<String>) -> ImportError {
    ImportError::Malformed {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Splits and checks the front matter of `text` (from `file`, for messages).
pub fn parse(file: &str, text: &str) -> Result<ParsedArticle, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    match lines.next() {
        Some(first) if first.trim_end() == "---" => {}
        _ => {
            return Err(malformed(
                file,
                1,
                "thiếu phần đầu YAML: dòng đầu tiên phải là ---",
            ));
        }
    }
    let mut yaml = String::new();
    let mut closing_line = None;
    let mut consumed = 0;
    for (i, line) in lines.by_ref().enumerate() {
        consumed += line.len();
        if line.trim_end() == "---" {
            closing_line = Some(i + 2);
            break;
        }
        yaml.push_str(line);
    }
    let Some(closing_line) = closing_line else {
        return Err(malformed(
            file,
            1,
            "phần đầu YAML không có dòng --- kết thúc",
        ));
    };
    let first_len = text.split_inclusive('\n').next().map(str::len).unwrap_or(0);
    let body = &text[first_len + consumed..];

    let front: FrontMatter = if yaml.trim().is_empty() {
        FrontMatter::default()
    } else {
        serde_yaml::from_str(&yaml).map_err(|e| {
            let line = e.location().map(|l| l.line() + 1).unwrap_or(2);
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            malformed(file, line, format!("YAML không hợp lệ: {message}"))
        })?
    };
    let line_of = |key: &str| {
        yaml.lines()
            .position(|l| l.trim_start().starts_with(&format!("{key}:")))
            .map(|i| i + 2)
            .unwrap_or(closing_line)
    };

    let title = nfc(front.title.as_deref().unwrap_or_default());
    if title.is_empty() {
        return Err(malformed(file, line_of("title"), "thiếu tiêu đề (title)"));
    }
    if title.chars().count() > 300 {
        return Err(malformed(
            file,
            line_of("title"),
            "tiêu đề dài quá 300 ký tự",
        ));
    }
    let published_at = match front
        .published
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(p) => Some(time::parse_rfc3339(p).ok_or_else(|| {
            malformed(
                file,
                line_of("published"),
                format!("thời điểm đăng không hợp lệ \"{p}\": cần dạng 2021-02-24T01:52:00+07:00"),
            )
        })?),
    };
    let slug = match front.slug.as_deref() {
        Some(s) => slugify(s),
        None => slugify(&title),
    };
    if slug.is_empty() {
        return Err(malformed(
            file,
            line_of("title"),
            "không tạo được đường dẫn từ tiêu đề",
        ));
    }
    let clean = |v: Option<String>| nfc(v.as_deref().unwrap_or_default());
    let category = match clean(front.category) {
        c if c.is_empty() => DEFAULT_CATEGORY.to_string(),
        c => c,
    };
    Ok(ParsedArticle {
        title,
        slug,
        published_at,
        category,
        byline: clean(front.author),
        source: clean(front.source),
        tags: front
            .tags
            .iter()
            .map(|t| nfc(t))
            .filter(|t| !t.is_empty())
            .collect(),
        topics: front
            .topics
            .iter()
            .map(|t| nfc(t))
            .filter(|t| !t.is_empty())
            .collect(),
        lead: clean(front.lead),
        featured: front.featured,
        members_only: front.members_only,
        body: body.to_string(),
    })
}

/// Picture bytes for an image address in a file: (bytes, file name).
pub type ImageSource<'a> = dyn Fn(&str) -> Result<(Vec<u8>, String), String> + Sync + 'a;

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Created {
        slug: String,
    },
    Updated {
        slug: String,
    },
    /// `only_new` was set and the article was already there.
    Kept {
        slug: String,
    },
}

/// Options of one import.
pub struct ImportOptions<'a> {
    pub media_dir: &'a Path,
    /// Leave an existing article with the same slug untouched (the demo).
    pub only_new: bool,
    /// Publication time of articles whose front matter has none.
    pub default_published: i64,
    /// The demo writes (its revisions and events say so), not an import.
    pub demo: bool,
}

/// Stores one parsed article, with its images, in one transaction.
pub async fn store(
    pool: &AnyPool,
    file: &str,
    parsed: ParsedArticle,
    images: &ImageSource<'_>,
    opts: &ImportOptions<'_>,
) -> Result<Outcome, ImportError> {
    let db = |e: &dyn std::fmt::Display| ImportError::Db {
        file: file.to_string(),
        reason: e.to_string(),
    };

    // Read every picture first: a missing one stops this file before any write.
    let mut pictures = Vec::new();
    for url in image_urls(&parsed.body) {
        if url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//") {
            return Err(ImportError::MissingImage {
                file: file.to_string(),
                image: url,
                reason: "chỉ nhập ảnh nằm cạnh tệp bài viết".into(),
            });
        }
        match images(&url) {
            Ok((bytes, name)) => {
                if media::sniff(&bytes).is_none() {
                    return Err(ImportError::BadImage {
                        file: file.to_string(),
                        image: url,
                        reason: media::MediaError::UnknownFormat.to_string(),
                    });
                }
                pictures.push((url, bytes, name));
            }
            Err(reason) => {
                return Err(ImportError::MissingImage {
                    file: file.to_string(),
                    image: url,
                    reason,
                });
            }
        }
    }

    let now = time::now();
    let mut tx = toasoan_app::core::state::begin_write(pool)
        .await
        .map_err(|e| db(&e))?;
    if opts.only_new
        && articles::id_by_slug(&mut tx, &parsed.slug)
            .await
            .map_err(|e| db(&e))?
            .is_some()
    {
        return Ok(Outcome::Kept { slug: parsed.slug });
    }
    let mut stored: HashMap<String, StoredImage> = HashMap::new();
    for (url, bytes, name) in &pictures {
        let img = media::store(&mut tx, opts.media_dir, bytes, name, "", now)
            .await
            .map_err(|e| match e {
                media::MediaError::Db(e) => db(&e),
                other => ImportError::BadImage {
                    file: file.to_string(),
                    image: url.clone(),
                    reason: other.to_string(),
                },
            })?;
        stored.insert(url.clone(), img);
    }
    let doc = to_doc(&parsed.body, &stored);
    doc.validate().map_err(|e| ImportError::Invalid {
        file: file.to_string(),
        reason: e.to_string(),
    })?;
    let category_id = categories::ensure_by_name(&mut tx, &parsed.category, now)
        .await
        .map_err(|e| db(&e))?;
    let content = Content {
        title: parsed.title,
        sapo: parsed.lead,
        category_id,
        tags: parsed.tags,
        byline: parsed.byline,
        source: parsed.source,
        body: doc,
        seo: Default::default(),
    };
    let settings = Settings {
        featured: Some(parsed.featured),
        members_only: Some(parsed.members_only),
        ..Settings::default()
    };
    let what = Write::Publish {
        slug: &parsed.slug,
        publish_at: parsed.published_at.unwrap_or(opts.default_published),
    };
    let by = if opts.demo {
        Author::Demo { file }
    } else {
        Author::Import { file }
    };
    let written = articles::write(&mut tx, what, &content, &settings, by, now)
        .await
        .map_err(|e| match e {
            WriteError::Invalid(reason) => ImportError::Invalid {
                file: file.to_string(),
                reason,
            },
            other => db(&other),
        })?;
    topics::set_for_article(&mut tx, written.id, &parsed.topics, now)
        .await
        .map_err(|e| db(&e))?;
    tx.commit().await.map_err(|e| db(&e))?;
    let slug = parsed.slug;
    Ok(if written.created {
        Outcome::Created { slug }
    } else {
        Outcome::Updated { slug }
    })
}

/// Imports one Markdown file; its images are read relative to its folder.
pub async fn import_file(
    pool: &AnyPool,
    path: &Path,
    opts: &ImportOptions<'_>,
) -> Result<Outcome, ImportError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ImportError::Read {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    let parsed = parse(&file, &text)?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let images = move |url: &str| -> Result<(Vec<u8>, String), String> {
        let rel = url.split(['?', '#']).next().unwrap_or(url);
        let p = dir.join(rel);
        let bytes = std::fs::read(&p).map_err(|e| e.to_string())?;
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        Ok((bytes, name))
    };
    store(pool, &file, parsed, &images, opts).await
}

/// The Markdown files named by the arguments: files as given, folders searched for
/// `*.md` (README.md files skipped), in name order.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ImportError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found).map_err(|e| ImportError::Read {
                file: p.display().to_string(),
                reason: e.to_string(),
            })?;
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"))
            && !path
                .file_name()
                .is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// The result of importing several files.
#[derive(Debug, Default)]
pub struct Report {
    pub done: Vec<(PathBuf, Outcome)>,
    pub failed: Vec<ImportError>,
}

/// Imports every file, going on past failures.
pub async fn import_paths(pool: &AnyPool, paths: &[PathBuf], media_dir: &Path) -> Report {
    let mut report = Report::default();
    let files = match collect_files(paths) {
        Ok(f) => f,
        Err(e) => {
            report.failed.push(e);
            return report;
        }
    };
    let opts = ImportOptions {
        media_dir,
        only_new: false,
        default_published: time::now(),
        demo: false,
    };
    for f in files {
        match import_file(pool, &f, &opts).await {
            Ok(outcome) => report.done.push((f, outcome)),
            Err(e) => report.failed.push(e),
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\ntitle: Lễ Công bố Cổng Thông tin\npublished: \"2020-06-23T19:00:00+07:00\"\ncategory: Thời sự\nauthor: Thắng Nguyễn\ntags: [Cổng thông tin điện tử, Tây Ninh]\nlead: Sáng ngày 23.6\n---\n\nĐoạn một.\n";

    #[test]
    fn parses_the_corpus_format() {
        let p = parse("a.md", GOOD).unwrap();
        assert_eq!(p.title, "Lễ Công bố Cổng Thông tin");
        assert_eq!(p.slug, "le-cong-bo-cong-thong-tin");
        assert_eq!(
            p.published_at,
            time::parse_rfc3339("2020-06-23T19:00:00+07:00")
        );
        assert_eq!(p.category, "Thời sự");
        assert_eq!(p.byline, "Thắng Nguyễn");
        assert_eq!(p.tags, vec!["Cổng thông tin điện tử", "Tây Ninh"]);
        assert_eq!(p.lead, "Sáng ngày 23.6");
        assert_eq!(p.body.trim(), "Đoạn một.");
    }

    fn err(text: &str) -> (usize, String) {
        match parse("bai.md", text) {
            Err(ImportError::Malformed {
                file,
                line,
                message,
            }) => {
                assert_eq!(file, "bai.md");
                (line, message)
            }
            other => panic!("expected a malformed error, got {other:?}"),
        }
    }

    #[test]
    fn missing_front_matter_is_reported_on_line_one() {
        let (line, msg) = err("# Tiêu đề\n\nNội dung");
        assert_eq!(line, 1);
        assert!(msg.contains("---"), "{msg}");
    }

    #[test]
    fn unclosed_front_matter_is_reported() {
        let (line, msg) = err("---\ntitle: A\n\nNội dung");
        assert_eq!(line, 1);
        assert!(msg.contains("kết thúc"), "{msg}");
    }

    #[test]
    fn yaml_errors_carry_the_file_line() {
        // line 3 of the file holds the broken YAML
        let (line, msg) = err("---\ntitle: A\ntags: [a, b\ncategory: X\n---\nx");
        assert!((3..=5).contains(&line), "line {line}: {msg}");
        assert!(msg.starts_with("YAML không hợp lệ"), "{msg}");
    }

    #[test]
    fn missing_title_and_bad_dates_name_their_line() {
        let (line, msg) = err("---\ncategory: X\n---\nx");
        assert_eq!(line, 3);
        assert!(msg.contains("title"), "{msg}");
        let (line, msg) = err("---\ntitle: A\npublished: 24/02/2021\n---\nx");
        assert_eq!(line, 3);
        assert!(msg.contains("24/02/2021"), "{msg}");
    }

    #[test]
    fn unknown_keys_are_refused() {
        let (line, msg) = err("---\ntitle: A\ntitel: B\n---\nx");
        assert!(line >= 2, "{line}");
        assert!(msg.contains("titel"), "{msg}");
    }

    #[test]
    fn defaults_when_optional_keys_are_missing() {
        let p = parse("a.md", "---\ntitle: Tin ngắn\n---\n").unwrap();
        assert_eq!(p.category, DEFAULT_CATEGORY);
        assert_eq!(p.published_at, None);
        assert!(p.tags.is_empty());
    }
}
