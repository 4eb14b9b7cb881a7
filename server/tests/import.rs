//! `toasoan import` against the real application: the shared corpus shows every title,
//! lead, paragraph, caption with credit and dateline; bad files fail alone; imports do
//! not duplicate; text from files is never rendered as markup.

mod common;

use std::path::{Path, PathBuf};

use common::{TestServer, backends, page_text, unescape};
use toasoan_server::import::{self, ImportError, Outcome};

fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    dir.join("README.md").exists().then_some(dir)
}

/// Body paragraphs and image captions of a corpus file, from its Markdown source.
fn paragraphs_and_captions(body: &str) -> (Vec<String>, Vec<String>) {
    let mut paragraphs = Vec::new();
    let mut captions = Vec::new();
    for block in body.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        if let Some(rest) = block.strip_prefix("![") {
            captions.push(toasoan_app::core::text::nfc(
                rest.split("](").next().unwrap(),
            ));
        } else {
            // the corpus marks the byline **bold** and the author's title *italic*
            let text = block.replace("**", "").trim_matches('*').to_string();
            // the importer stores NFC text; some corpus files are not NFC
            paragraphs.push(
                toasoan_app::core::text::nfc(&text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    (paragraphs, captions)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_corpus_imports_and_reads_in_full() {
    let Some(dir) = corpus_dir() else {
        eprintln!("corpus test skipped: ../shared/corpus is absent");
        return;
    };
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let report = import::import_paths(&s.pool, std::slice::from_ref(&dir), &s.media_dir).await;
        assert!(report.failed.is_empty(), "{backend:?}: {:?}", report.failed);
        assert_eq!(
            report.done.len(),
            3,
            "README.md is skipped, the three articles are imported"
        );

        for (file, outcome) in &report.done {
            let Outcome::Created { slug } = outcome else {
                panic!("{outcome:?}")
            };
            let text = std::fs::read_to_string(file).unwrap();
            let parsed = import::parse("x", &text).unwrap();
            let (status, html) = s.get(&format!("/bai-viet/{slug}")).await;
            assert_eq!(status, 200, "{backend:?} {slug}");
            let page = unescape(&html);
            let page_flat = page_text(&html);
            assert!(page.contains(&parsed.title), "{slug}: title");
            assert!(
                page_flat.contains(&parsed.lead.split_whitespace().collect::<Vec<_>>().join(" ")),
                "{slug}: lead"
            );
            let dateline = toasoan_app::core::time::dateline(parsed.published_at.unwrap());
            assert!(page.contains(&dateline), "{slug}: dateline {dateline}");
            let (paragraphs, captions) = paragraphs_and_captions(&parsed.body);
            assert!(
                paragraphs.len() >= 3,
                "{slug}: {} paragraphs",
                paragraphs.len()
            );
            for p in &paragraphs {
                assert!(
                    page_flat.contains(p),
                    "{backend:?} {slug}: missing paragraph {:?}",
                    &p[..p.len().min(80)]
                );
            }
            assert!(!captions.is_empty());
            for c in &captions {
                let (caption, credit) = toasoan_app::content::markdown::split_credit(c);
                let caption = caption.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(page_flat.contains(&caption), "{slug}: caption {caption}");
                assert!(
                    page.contains(&format!("Ảnh: {credit}")),
                    "{slug}: credit {credit}"
                );
            }
            assert!(
                page_flat.contains(&format!("Nguồn tin: {}", parsed.source)),
                "{slug}: source"
            );
            assert!(page.contains(&parsed.byline), "{slug}: byline");
        }
        // the exact dateline of the portal article this corpus came from
        let kien_giang = report
            .done
            .iter()
            .find_map(|(f, o)| match o {
                Outcome::Created { slug } if f.ends_with("kien-giang-cong-thong-tin.md") => {
                    Some(slug.clone())
                }
                _ => None,
            })
            .expect("the Kiên Giang article");
        let (_, html) = s.get(&format!("/bai-viet/{kien_giang}")).await;
        assert!(
            html.contains("Thứ tư - 24/02/2021 01:52"),
            "{backend:?} Kiên Giang dateline"
        );

        // importing again updates in place: no duplicate articles or pictures
        let articles = s.scalar("SELECT COUNT(*) FROM articles").await;
        let media = s.scalar("SELECT COUNT(*) FROM media").await;
        let again = import::import_paths(&s.pool, std::slice::from_ref(&dir), &s.media_dir).await;
        assert!(again.failed.is_empty());
        assert!(
            again
                .done
                .iter()
                .all(|(_, o)| matches!(o, Outcome::Updated { .. })),
            "{:?}",
            again.done
        );
        assert_eq!(s.scalar("SELECT COUNT(*) FROM articles").await, articles);
        assert_eq!(s.scalar("SELECT COUNT(*) FROM media").await, media);
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM categories").await,
            3,
            "{backend:?} categories created once"
        );
    }
}

const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_files_fail_alone_and_store_nothing() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let dir = s.dir.path().join("nhap");
        std::fs::create_dir_all(dir.join("anh")).unwrap();
        std::fs::write(dir.join("anh/tot.png"), PNG_1X1).unwrap();
        std::fs::write(
            dir.join("a-tot.md"),
            "---\ntitle: Bài tốt\ncategory: Thời sự\npublished: \"2024-03-01T08:00:00+07:00\"\n---\n\nNội dung.\n\n![Ảnh đẹp. Ảnh: T.H](anh/tot.png)\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("b-thieu-anh.md"),
            "---\ntitle: Bài thiếu ảnh\ncategory: Chuyên mục mới\n---\n\nChữ.\n\n![Không có](anh/khong-co.png)\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("c-hong.md"),
            "---\ntitle: Bài hỏng\ntags: [a, b\ncategory: X\n---\nChữ\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("d-khong-phai-anh.md"),
            "---\ntitle: Ảnh giả\n---\n\n![x](anh/gia.png)\n",
        )
        .unwrap();
        std::fs::write(dir.join("anh/gia.png"), b"not a picture").unwrap();

        let report = import::import_paths(&s.pool, std::slice::from_ref(&dir), &s.media_dir).await;
        assert_eq!(report.done.len(), 1, "{backend:?} {:?}", report.failed);
        assert_eq!(report.failed.len(), 3);
        let messages: Vec<String> = report.failed.iter().map(|e| e.to_string()).collect();
        assert!(
            matches!(&report.failed[0], ImportError::MissingImage { file, image, .. }
            if file.ends_with("b-thieu-anh.md") && image == "anh/khong-co.png"),
            "{messages:?}"
        );
        match &report.failed[1] {
            ImportError::Malformed { file, line, .. } => {
                assert!(file.ends_with("c-hong.md"));
                assert!((3..=5).contains(line), "line {line}");
            }
            other => panic!("{other:?}"),
        }
        assert!(messages[1].contains("c-hong.md:"), "{messages:?}");
        assert!(
            matches!(&report.failed[2], ImportError::BadImage { .. }),
            "{messages:?}"
        );

        // nothing of the failed files was stored
        assert_eq!(s.scalar("SELECT COUNT(*) FROM articles").await, 1);
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM categories").await,
            1,
            "no category from a failed file"
        );
        assert_eq!(s.scalar("SELECT COUNT(*) FROM media").await, 1);
        let (status, html) = s.get("/bai-viet/bai-tot").await;
        assert_eq!(status, 200);
        assert!(html.contains("Ảnh: T.H"));
        assert!(html.contains("Thứ sáu - 01/03/2024 08:00"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn imported_text_is_never_markup() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let dir = s.dir.path().join("xss");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("x.md"),
            "---\ntitle: \"</title><script>alert('tieu de')</script> Tin\"\nlead: \"<img src=x onerror=alert(1)>\"\nauthor: \"<b>Tác giả</b>\"\n---\n\n<script>alert('than')</script>\n\nChữ [bấm vào](javascript:alert(1)) và <iframe src=\"https://evil.example\"></iframe> hết.\n",
        )
        .unwrap();
        let report = import::import_paths(&s.pool, &[dir], &s.media_dir).await;
        assert!(report.failed.is_empty(), "{:?}", report.failed);
        let Outcome::Created { slug } = &report.done[0].1 else {
            panic!()
        };
        let (status, html) = s.get(&format!("/bai-viet/{slug}")).await;
        assert_eq!(status, 200);
        assert!(!html.contains("<script>alert"), "a script tag got through");
        assert!(
            !html.contains("</title><script>"),
            "the title broke out of <title>"
        );
        assert!(!html.contains("<img src=x"), "an img tag got through");
        assert!(
            html.contains("<title>&lt;/title&gt;&lt;script&gt;"),
            "the title is text"
        );
        assert!(!html.contains("<b>Tác giả"), "a b tag got through");
        assert!(
            !html.contains("javascript:alert"),
            "a javascript: link got through"
        );
        assert!(!html.contains("evil.example"), "raw HTML got through");
        assert!(
            html.contains("&lt;script&gt;alert"),
            "the title is shown as text"
        );
        assert!(unescape(&html).contains("bấm vào"), "the link text stays");
    }
}

/// Rows of a query as text, for comparing what was recorded.
async fn texts(s: &TestServer, sql: &str) -> Vec<String> {
    use sqlx::Row;
    sqlx::query(sql)
        .fetch_all(&s.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get::<String, _>(0).unwrap())
        .collect()
}

/// Imports and the demo write through the one article writer: every import keeps a
/// revision naming its file, and publishing is a status change recorded by the
/// workflow with what made it ("import", "demo"), as the desk's saves are.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn imports_and_the_demo_keep_revisions_and_events() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let dir = s.dir.path().join("nhap");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bai.md");
        std::fs::write(
            &file,
            "---\ntitle: Bài nhập\ncategory: Thời sự\ntags: [Nông thôn mới]\n---\n\nLần một.\n",
        )
        .unwrap();
        let report = import::import_paths(&s.pool, std::slice::from_ref(&dir), &s.media_dir).await;
        assert!(report.failed.is_empty(), "{backend:?} {:?}", report.failed);
        let id = s
            .scalar("SELECT id FROM articles WHERE slug = 'bai-nhap'")
            .await;
        let revisions = texts(
            &s,
            &format!(
                "SELECT summary FROM article_revisions WHERE article_id = {id} ORDER BY number"
            ),
        )
        .await;
        assert_eq!(revisions.len(), 1, "{backend:?} {revisions:?}");
        assert!(
            revisions[0].contains("Nhập từ tệp") && revisions[0].contains("bai.md"),
            "{revisions:?}"
        );
        let events = texts(
            &s,
            &format!(
                "SELECT origin || ' ' || from_status || '>' || to_status || ' ' || reason FROM article_events \
                 WHERE article_id = {id} ORDER BY id"
            ),
        )
        .await;
        assert_eq!(events.len(), 1, "{backend:?} {events:?}");
        assert!(
            events[0].starts_with("import draft>published "),
            "{events:?}"
        );
        assert!(events[0].contains("bai.md"), "{events:?}");

        // importing again keeps a second revision; it was already published: no event
        std::fs::write(
            &file,
            "---\ntitle: Bài nhập\ncategory: Thời sự\n---\n\nLần hai.\n",
        )
        .unwrap();
        let report = import::import_paths(&s.pool, std::slice::from_ref(&dir), &s.media_dir).await;
        assert!(
            matches!(report.done[0].1, Outcome::Updated { .. }),
            "{:?}",
            report.done
        );
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM article_revisions WHERE article_id = {id}"
            ))
            .await,
            2
        );
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM article_events WHERE article_id = {id}"
            ))
            .await,
            1
        );
        let (_, html) = s.get("/bai-viet/bai-nhap").await;
        assert!(page_text(&html).contains("Lần hai."), "{backend:?}");

        // the demo: every article with its revision and its "demo" publication
        s.seed_demo().await;
        let demo_articles = s.scalar("SELECT COUNT(*) FROM articles").await - 1;
        assert!(demo_articles >= 24, "{demo_articles}");
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM article_revisions WHERE article_id <> {id} AND author_id IS NULL"
            ))
            .await,
            demo_articles
        );
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM article_events WHERE origin = 'demo' AND to_status = 'published'")
                .await,
            demo_articles
        );
        // the desk's history names what published it
        let history = toasoan_app::features::workflow::events(&s.pool, id)
            .await
            .unwrap();
        assert_eq!(history[0].actor, None, "no person imported it");
        assert_eq!(history[0].process.as_deref(), Some("Nhập bài tự động"));
    }
}
