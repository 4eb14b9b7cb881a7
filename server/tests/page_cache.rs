//! The page cache in front of the reading pages, against the real application on
//! SQLite and PostgreSQL: a second request is served from the cache in brotli, gzip or
//! plain, all the same page; views served from the cache still count (robots' do not);
//! an accepted rating and written views make the kept pages stale, refused and
//! cross-site requests do not; 404s, notice URLs and signed-in users always get a
//! fresh render.

mod common;

use std::io::Read;

use common::{CHROME, FIREFOX, TestServer, backends, browser, page_text, rate, relaxed};
use leptos::server_fn::ServerFn;
use toasoan_app::core::site::ParticipationConfig;
use toasoan_app::features::ratings::api::RateArticle;

/// A GET as `client` with this Accept-Encoding: (status, x-cache, content-encoding, body
/// decoded).
async fn fetch(
    s: &TestServer,
    client: &reqwest::Client,
    path: &str,
    accept: &str,
) -> (u16, String, String, String) {
    let res = client
        .get(s.url(path))
        .header("Accept-Encoding", accept)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let (cache, coding) = (header("x-cache"), header("content-encoding"));
    assert_eq!(
        header("x-toasoan-bai-viet"),
        "",
        "the article header stays inside"
    );
    let bytes = res.bytes().await.unwrap();
    let mut body = String::new();
    match coding.as_str() {
        "br" => {
            brotli::Decompressor::new(&bytes[..], 4096)
                .read_to_string(&mut body)
                .unwrap();
        }
        "gzip" => {
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_string(&mut body)
                .unwrap();
        }
        "" => body = String::from_utf8(bytes.to_vec()).unwrap(),
        other => panic!("unexpected coding {other}"),
    };
    (status, cache, coding, body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kept_pages_are_the_same_page_in_every_encoding_and_views_still_count() {
    for backend in backends() {
        let rules = ParticipationConfig {
            view_flush_seconds: 3600,
            ..Default::default()
        };
        let mut s = TestServer::start_with(backend, rules).await;
        s.seed_demo().await;
        let slug = s.newest_published_slug().await;
        let id = s
            .scalar(&format!("SELECT id FROM articles WHERE slug = '{slug}'"))
            .await;
        let path = format!("/bai-viet/{slug}");
        let reader = browser(CHROME);

        let (status, cache, coding, first) = fetch(&s, &reader, &path, "gzip, deflate, br").await;
        assert_eq!(
            (status, cache.as_str(), coding.as_str()),
            (200, "miss", "br"),
            "{backend:?}"
        );
        let (_, cache, coding, brotli) = fetch(&s, &reader, &path, "br").await;
        assert_eq!(
            (cache.as_str(), coding.as_str()),
            ("hit", "br"),
            "{backend:?}"
        );
        let (_, cache, coding, gzip) = fetch(&s, &reader, &path, "gzip").await;
        assert_eq!((cache.as_str(), coding.as_str()), ("hit", "gzip"));
        let (_, cache, coding, plain) = fetch(&s, &reader, &path, "identity").await;
        assert_eq!((cache.as_str(), coding.as_str()), ("hit", ""));
        assert!(page_text(&first).contains("Số lần đọc"), "{backend:?}");
        assert_eq!(first, brotli);
        assert_eq!(first, gzip);
        assert_eq!(first, plain);

        // other reading pages are kept too; a page number is its own page
        for page in ["/", "/chuyen-muc/thoi-su", "/chuyen-muc/thoi-su?trang=1"] {
            assert_eq!(fetch(&s, &reader, page, "br").await.1, "miss", "{page}");
            assert_eq!(fetch(&s, &reader, page, "br").await.1, "hit", "{page}");
        }
        // not kept: 404s, notices after a form, made-up queries, the admin
        for page in [
            "/bai-viet/khong-co-bai-nay".to_string(),
            format!("{path}?danh-gia=5"),
            format!("{path}?utm_source=zalo"),
            "/dang-nhap".to_string(),
        ] {
            for _ in 0..2 {
                assert_eq!(fetch(&s, &reader, &page, "br").await.1, "", "{page}");
            }
        }

        // two more readers, both served from the cache: each view counts once
        fetch(&s, &browser(FIREFOX), &path, "br").await;
        let safari =
            browser("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Version/17.0 Safari/605.1.15");
        assert_eq!(fetch(&s, &safari, &path, "gzip").await.1, "hit");
        fetch(&s, &safari, &path, "gzip").await;
        // a robot served from the cache is not a reader
        fetch(
            &s,
            &browser("Googlebot/2.1 (+http://www.google.com/bot.html)"),
            &path,
            "gzip",
        )
        .await;
        s.shut_down().await;
        assert_eq!(
            s.scalar(&format!("SELECT view_count FROM articles WHERE id = {id}"))
                .await,
            3,
            "{backend:?}: three readers"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_make_kept_pages_stale_and_signed_in_users_get_fresh_pages() {
    for backend in backends() {
        let rules = ParticipationConfig {
            view_flush_seconds: 1,
            ..Default::default()
        };
        let s = TestServer::start_with(backend, rules).await;
        s.seed_demo().await;
        let slug = s.newest_published_slug().await;
        let path = format!("/bai-viet/{slug}");
        let reader = browser(CHROME);
        let (_, _, _, page) = fetch(&s, &reader, &path, "br").await;
        assert!(page_text(&page).contains("Bài viết chưa có đánh giá nào"));
        // views are written every second: the kept pages then show them, rendered again
        let mut shown = None;
        for _ in 0..40 {
            let (_, cache, _, page) = fetch(&s, &reader, &path, "br").await;
            if page_text(&page).contains("Số lần đọc: 1") {
                shown = Some(cache);
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
        assert_eq!(
            shown.as_deref(),
            Some("miss"),
            "{backend:?}: written views make pages stale"
        );
        assert_eq!(fetch(&s, &reader, &path, "br").await.1, "hit");

        // another reader rates (the first rating gives a visitor cookie, which would make
        // the page reader a new reader and a new view)
        let rater = browser(FIREFOX);
        // a refused rating changes nothing: the page stays kept
        let (status, _) = rate(&s, &rater, &slug, "9").await;
        assert_eq!(status, 400);
        assert_eq!(
            fetch(&s, &reader, &path, "br").await.1,
            "hit",
            "{backend:?}"
        );
        // an accepted one shows to its reader at once (the answer), to the others when
        // the recount has written it (the page is then made stale and rendered again)
        let (status, body) = rate(&s, &rater, &slug, "4").await;
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("\"count\":1"), "{body}");
        let line = "Tổng số điểm của bài viết là: 4 trong 1 đánh giá";
        let (cache, text) = fetch_until_shown(&s, &reader, &path, "br", line).await;
        assert!(text.contains(line), "{backend:?}");
        assert_eq!(cache, "miss", "{backend:?}");

        // a cross-site POST is refused before it reaches the cache: nothing goes stale
        assert_eq!(fetch(&s, &reader, &path, "br").await.1, "hit");
        let forged = rater
            .post(s.url(RateArticle::PATH))
            .header("Origin", "https://evil.example")
            .form(&[("slug", slug.as_str()), ("stars", "1")])
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), 403);
        assert_eq!(fetch(&s, &reader, &path, "br").await.1, "hit");

        // signed in: always rendered for the user (members will see internal pages),
        // never kept nor served from the cache
        s.sign_in_as("btv", "editor", "bien-tap-2026").await;
        for _ in 0..2 {
            let res = s.client.get(s.url("/")).send().await.unwrap();
            assert_eq!(res.status(), 200);
            assert!(res.headers().get("x-cache").is_none(), "{backend:?}");
        }
    }
}

/// An article the scheduler publishes shows on the kept home page and its category
/// at once, not a minute later (the scheduler makes the kept pages stale).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scheduler_tells_the_cache() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.seed_demo().await;
        let slug = s.newest_published_slug().await;
        let id = s
            .scalar(&format!("SELECT id FROM articles WHERE slug = '{slug}'"))
            .await;
        let category: String = sqlx::query_scalar(
            "SELECT c.slug FROM categories c JOIN articles a ON a.category_id = c.id WHERE a.id = $1",
        )
        .bind(id)
        .fetch_one(&s.pool)
        .await
        .unwrap();
        // the newest article is scheduled and its time has just come (written behind
        // the app's back); the scheduler has not run yet
        let at = toasoan_app::core::time::now() - 1;
        sqlx::query("UPDATE articles SET status = 'scheduled', publish_at = $1 WHERE id = $2")
            .bind(at)
            .bind(id)
            .execute(&s.pool)
            .await
            .unwrap();
        s.pages.invalidate();
        let reader = browser(CHROME);
        let href = format!("/bai-viet/{slug}");
        let category_path = format!("/chuyen-muc/{category}");
        for path in ["/", category_path.as_str()] {
            fetch(&s, &reader, path, "gzip").await;
            let (status, cache, _, body) = fetch(&s, &reader, path, "gzip").await;
            assert_eq!(
                (status, cache.as_str()),
                (200, "hit"),
                "{backend:?} {path} kept"
            );
            assert!(
                !body.contains(&href),
                "{backend:?} {path}: not yet published"
            );
        }
        let published = toasoan_server::jobs::publish_scheduled(&s.pool, &s.pages, at)
            .await
            .unwrap();
        assert_eq!(published, 1, "{backend:?}");
        for path in ["/", category_path.as_str()] {
            let (status, cache, _, body) = fetch(&s, &reader, path, "gzip").await;
            assert_eq!(
                (status, cache.as_str()),
                (200, "miss"),
                "{backend:?} {path} rendered again"
            );
            assert!(
                body.contains(&href),
                "{backend:?} {path} shows the article at once"
            );
        }
    }
}

/// The newest published article of the demo: (path, id).
async fn newest_article(s: &TestServer) -> (String, i64) {
    s.seed_demo().await;
    let slug = s.newest_published_slug().await;
    let id = s
        .scalar(&format!("SELECT id FROM articles WHERE slug = '{slug}'"))
        .await;
    (format!("/bai-viet/{slug}"), id)
}

/// Two published articles' slugs (the newest two).
/// Fetches `path` until its text shows `line` (the ratings' recount makes the rated
/// article's page stale about a second after the rating); returns how the cache
/// answered then and the page's text. Until then the kept copy is served.
async fn fetch_until_shown(
    s: &TestServer,
    client: &reqwest::Client,
    path: &str,
    accept: &str,
    line: &str,
) -> (String, String) {
    let until = std::time::Instant::now() + common::SETTLE;
    loop {
        let (_, cache, _, page) = fetch(s, client, path, accept).await;
        let text = page_text(&page);
        if text.contains(line) || std::time::Instant::now() > until {
            return (cache, text);
        }
        assert!(
            cache == "hit" || cache == "stale",
            "until the recount the kept copy serves: {cache}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

async fn two_articles(s: &TestServer) -> (String, String) {
    let rows = sqlx::query(
        "SELECT slug FROM articles WHERE status = 'published' ORDER BY publish_at DESC, id DESC LIMIT 2",
    )
    .fetch_all(&s.pool)
    .await
    .unwrap();
    let slug = |i: usize| sqlx::Row::get::<String, _>(&rows[i], 0);
    (slug(0), slug(1))
}

/// A rating makes stale only its article's page; a comment that waits for moderation
/// and a report make nothing stale; an accepted change without a word about what it
/// changed still makes everything stale.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_makes_stale_only_what_it_changes() {
    use toasoan_app::features::comments::api::PostComment;
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        s.seed_demo().await;
        let (a, b) = two_articles(&s).await;
        let (page_a, page_b) = (format!("/bai-viet/{a}"), format!("/bai-viet/{b}"));
        let reader = browser(CHROME);
        for path in ["/", page_a.as_str(), page_b.as_str()] {
            fetch(&s, &reader, path, "gzip").await;
            assert_eq!(
                fetch(&s, &reader, path, "gzip").await.1,
                "hit",
                "{backend:?} {path}"
            );
        }
        let rater = browser(FIREFOX);
        let (status, _) = rate(&s, &rater, &a, "5").await;
        assert_eq!(status, 200, "{backend:?}");
        let line = "Tổng số điểm của bài viết là: 5 trong 1 đánh giá";
        let (cache, text) = fetch_until_shown(&s, &reader, &page_a, "gzip", line).await;
        assert!(text.contains(line), "{backend:?}");
        assert_eq!(
            cache, "miss",
            "{backend:?} the rated article is rendered again"
        );
        assert_eq!(
            fetch(&s, &reader, &page_b, "gzip").await.1,
            "hit",
            "{backend:?} another article"
        );
        assert_eq!(
            fetch(&s, &reader, "/", "gzip").await.1,
            "hit",
            "{backend:?} the home page"
        );

        // a comment waits for a moderator: no page changes
        let (_, _, _, html) = fetch(&s, &reader, &page_b, "identity").await;
        let at = html
            .find("name=\"started\" value=\"")
            .expect("comment form")
            + 22;
        let token = html[at..].split('"').next().unwrap().to_string();
        let res = rater
            .post(s.url(PostComment::PATH))
            .header("Origin", &s.base)
            .form(&[
                ("slug", b.as_str()),
                ("parent", ""),
                ("name", "Nguyễn Văn Đọc"),
                ("email", ""),
                ("body", "Một ý kiến đang chờ duyệt."),
                ("website", ""),
                ("started", token.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            200,
            "{backend:?} {}",
            res.text().await.unwrap()
        );
        for path in ["/", page_a.as_str(), page_b.as_str()] {
            assert_eq!(
                fetch(&s, &reader, path, "gzip").await.1,
                "hit",
                "{backend:?} {path}"
            );
        }
        // a change that says nothing of what it changed makes every page stale
        s.pages.invalidate();
        assert_eq!(
            fetch(&s, &reader, "/", "gzip").await.1,
            "miss",
            "{backend:?}"
        );
    }
}

/// Kept pages carry a weak ETag and a Cache-Control a proxy may honour; a browser that
/// has the page gets a 304 (its view still counts); signed-in users' pages are never
/// kept by anyone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kept_pages_answer_304_and_say_who_may_keep_them() {
    for backend in backends() {
        let mut s = TestServer::start_with(backend, relaxed()).await;
        let (path, id) = newest_article(&s).await;
        let reader = browser(CHROME);
        let first = reader.get(s.url(&path)).send().await.unwrap();
        let etag = first.headers()["etag"].to_str().unwrap().to_string();
        assert!(etag.starts_with("W/\""), "{etag}");
        assert_eq!(
            first.headers()["cache-control"],
            "public, max-age=0, s-maxage=60"
        );
        assert!(first.headers()["vary"].to_str().unwrap().contains("cookie"));
        let again = reader
            .get(s.url(&path))
            .header("If-None-Match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{backend:?}");
        assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
        assert!(again.bytes().await.unwrap().is_empty());
        let other = reader
            .get(s.url(&path))
            .header("If-None-Match", "W/\"0000000000000000\"")
            .send()
            .await
            .unwrap();
        assert_eq!(
            other.status(),
            200,
            "{backend:?} another copy is not this one"
        );
        // a 304 is still a reading: the other reader's views count once each
        browser(FIREFOX)
            .get(s.url(&path))
            .header("If-None-Match", &etag)
            .send()
            .await
            .unwrap();
        s.shut_down().await;
        assert_eq!(
            s.scalar(&format!("SELECT view_count FROM articles WHERE id = {id}"))
                .await,
            2,
            "{backend:?}"
        );

        // a signed-in editor's page: fresh and private
        let s = TestServer::start(backend).await;
        s.seed_demo().await;
        s.sign_in_as("bientap", "editor", "bien-tap-2026-ok").await;
        let res = s.client.get(s.url("/")).send().await.unwrap();
        assert_eq!(
            res.headers()["cache-control"],
            "private, no-store",
            "{backend:?}"
        );
        assert!(!res.headers().contains_key("etag"));
        let res = s.client.get(s.url("/quan-tri")).send().await.unwrap();
        assert_eq!(
            res.headers()["cache-control"],
            "private, no-store",
            "{backend:?}"
        );
    }
}

/// A hundred readers asking at once for a page not kept yet, or for a stale one, cause
/// one render; while a stale page is rendered again the others get the previous copy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_readers_cause_one_render() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        s.seed_demo().await;
        let slug = s.newest_published_slug().await;
        let path = format!("/bai-viet/{slug}");
        let url = s.url(&path);
        let burst = |url: String| async move {
            let client = browser(CHROME);
            let tasks: Vec<_> = (0..100)
                .map(|_| {
                    let (client, url) = (client.clone(), url.clone());
                    tokio::spawn(async move {
                        let res = client.get(&url).send().await.unwrap();
                        let cache = res.headers()["x-cache"].to_str().unwrap().to_string();
                        (res.status().as_u16(), cache)
                    })
                })
                .collect();
            let mut out = Vec::new();
            for t in tasks {
                out.push(t.await.unwrap());
            }
            out
        };
        let before = s.pages.renders();
        let answers = burst(url.clone()).await;
        assert!(
            answers.iter().all(|(status, _)| *status == 200),
            "{backend:?}"
        );
        assert_eq!(
            s.pages.renders() - before,
            1,
            "{backend:?} a page not kept yet"
        );
        s.pages.invalidate();
        let before = s.pages.renders();
        let answers = burst(url).await;
        assert!(
            answers.iter().all(|(status, _)| *status == 200),
            "{backend:?}"
        );
        assert_eq!(s.pages.renders() - before, 1, "{backend:?} a stale page");
        assert!(
            answers
                .iter()
                .all(|(_, c)| ["miss", "stale", "hit"].contains(&c.as_str())),
            "{answers:?}"
        );
    }
}

/// A change made by another process on the same database — `toasoan import` while the
/// server runs, or another server — shows on the kept home page within a second.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_from_another_process_show_within_a_second() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        s.seed_demo().await;
        let reader = browser(CHROME);
        fetch(&s, &reader, "/", "gzip").await;
        assert_eq!(
            fetch(&s, &reader, "/", "gzip").await.1,
            "hit",
            "{backend:?}"
        );
        // the importer writes to the database; no request reaches this server
        let dir = s.dir.path().join("nhap-ngoai");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("tin-moi.md"),
            "---\ntitle: Tin vừa nhập từ nơi khác\ncategory: Thời sự\nfeatured: true\n---\n\nNội dung.\n",
        )
        .unwrap();
        let report = toasoan_server::import::import_paths(&s.pool, &[dir], &s.media_dir).await;
        assert!(report.failed.is_empty(), "{:?}", report.failed);
        let started = std::time::Instant::now();
        let mut shown = false;
        while started.elapsed() < std::time::Duration::from_millis(1500) {
            let (_, _, _, html) = fetch(&s, &reader, "/", "gzip").await;
            if html.contains("/bai-viet/tin-vua-nhap-tu-noi-khac") {
                shown = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(
            shown,
            "{backend:?}: the imported article is on the home page within a second"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kept_page_answered_at_once_carries_every_header_of_the_ordinary_way() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let (path, _) = newest_article(&s).await;
        let reader = browser(CHROME);
        let headers = |res: &reqwest::Response| {
            let mut names: Vec<(String, String)> = res
                .headers()
                .iter()
                .filter(|(name, _)| !matches!(name.as_str(), "date" | "x-cache" | "set-cookie"))
                .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_string()))
                .collect();
            names.sort();
            names
        };
        for path in ["/", path.as_str()] {
            let get = || {
                reader
                    .get(s.url(path))
                    .header("Accept-Encoding", "br")
                    .send()
            };
            let rendered = get().await.unwrap();
            assert_eq!(rendered.headers()["x-cache"], "miss", "{backend:?} {path}");
            let kept = get().await.unwrap();
            assert_eq!(kept.headers()["x-cache"], "hit", "{backend:?} {path}");
            assert_eq!(headers(&kept), headers(&rendered), "{backend:?} {path}");
            for name in [
                "x-content-type-options",
                "referrer-policy",
                "x-frame-options",
                "etag",
                "vary",
            ] {
                assert!(
                    kept.headers().contains_key(name),
                    "{backend:?} {path}: {name}"
                );
            }
            let etag = kept.headers()["etag"].clone();
            let again = reader
                .get(s.url(path))
                .header("If-None-Match", etag)
                .send()
                .await
                .unwrap();
            assert_eq!(again.status().as_u16(), 304, "{backend:?} {path}");
            assert_eq!(again.headers()["x-content-type-options"], "nosniff");
        }
    }
}
