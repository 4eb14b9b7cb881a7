//! Every public route answers with its content and the right status, on SQLite and
//! PostgreSQL, against the real application seeded with the demo content.

mod common;

use common::{TestServer, backends, first_article_slug, page_text};

/// Checks the page's text (tags and hydration markers removed).
fn assert_has(html: &str, needle: &str, page: &str) {
    assert!(page_text(html).contains(needle), "{page} lacks {needle:?}");
}

/// The text of the page's first <h1>.
fn h1(html: &str) -> String {
    let start = html.find("<h1").expect("an h1");
    let end = html[start..].find("</h1>").expect("a closed h1") + start;
    page_text(&html[start..end + 5])
}

fn assert_meta(html: &str, base: &str, path: &str) {
    assert!(html.contains("<title>"), "{path}: no title");
    assert!(
        html.contains("<meta name=\"description\""),
        "{path}: no description"
    );
    let canonical = format!("href=\"{base}{path}\" rel=\"canonical\"");
    let canonical_alt = format!("rel=\"canonical\" href=\"{base}{path}\"");
    assert!(
        html.contains(&canonical) || html.contains(&canonical_alt),
        "{path}: canonical"
    );
    assert!(html.contains("property=\"og:title\""), "{path}: og:title");
    assert!(
        html.contains(&format!("property=\"og:url\" content=\"{base}{path}\"")),
        "{path}: og:url"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_public_route_answers_with_its_content() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.seed_demo().await;
        let ctx = format!("{backend:?}");

        // home
        let (status, home) = s.get("/").await;
        assert_eq!(status, 200, "{ctx} home");
        for text in [
            "Tin nổi bật",
            "Tin mới nhất",
            "Hoạt động cấp ủy",
            "Xây dựng Đảng",
            "Hỏi – Đáp công tác Đảng",
            "Chuyên đề",
            "Công tác tổ chức",
            "Thư điện tử",
        ] {
            assert_has(&home, text, &format!("{ctx} home"));
        }
        assert!(home.contains("<html lang=\"vi\""), "{ctx} lang");
        assert!(home.contains("/pkg/toasoan.js"), "{ctx} hydration script");
        assert_meta(&home, &s.base, "/");
        // the header date, in Vietnamese
        assert!(home.contains(", ngày "), "{ctx} header date");
        let featured_count: i64 = s
            .scalar("SELECT COUNT(*) FROM articles WHERE featured = 1")
            .await;
        assert!(featured_count >= 3);

        // category with subcategories: its list includes articles of the subcategories
        let (status, cat) = s.get("/chuyen-muc/xay-dung-dang").await;
        assert_eq!(status, 200, "{ctx} category");
        assert_eq!(h1(&cat), "Xây dựng Đảng", "{ctx}");
        assert_has(&cat, "Công tác tổ chức", &ctx);
        assert_has(&cat, "Kiểm tra, giám sát", &ctx);
        assert_has(
            &cat,
            "Phát triển đảng viên trong doanh nghiệp ngoài khu vực nhà nước",
            &ctx,
        );
        assert!(cat.contains("class=\"breadcrumb\""), "{ctx} breadcrumb");
        assert_meta(&cat, &s.base, "/chuyen-muc/xay-dung-dang");

        // a subcategory's breadcrumb goes through its parent
        let (status, sub) = s.get("/chuyen-muc/cong-tac-to-chuc").await;
        assert_eq!(status, 200);
        let crumb = &sub[sub.find("class=\"breadcrumb\"").unwrap()..];
        assert!(crumb.find("Xây dựng Đảng").unwrap() < crumb.find("Công tác tổ chức").unwrap());

        // pagination: Thời sự has 7 articles over its subtree; the home-wide list is paged
        let (status, _) = s.get("/chuyen-muc/thoi-su?trang=1").await;
        assert_eq!(status, 200);
        let (status, _) = s.get("/chuyen-muc/thoi-su?trang=50").await;
        assert_eq!(status, 404, "{ctx} a page past the end");
        let (status, _) = s.get("/chuyen-muc/thoi-su?trang=abc").await;
        assert_eq!(status, 200, "{ctx} a bad page number means page 1");

        // article
        let slug = first_article_slug(&cat[cat.find("article-list").unwrap()..]);
        let path = format!("/bai-viet/{slug}");
        let (status, art) = s.get(&path).await;
        assert_eq!(status, 200, "{ctx} article");
        assert!(art.contains("class=\"dateline\""), "{ctx} dateline");
        let dateline = art.split("class=\"dateline\"").nth(1).unwrap();
        let dateline = page_text(
            &dateline[dateline.find('>').unwrap() + 1..dateline.find("</time>").unwrap()],
        );
        let dateline = dateline.as_str();
        let weekdays = toasoan_app::i18n::VI.weekdays;
        assert!(
            weekdays
                .iter()
                .any(|w| dateline.starts_with(&format!("{w} - "))),
            "{ctx} dateline {dateline}"
        );
        assert_eq!(
            dateline.len() - dateline.find(" - ").unwrap(),
            " - 24/02/2021 01:52".len(),
            "{dateline}"
        );
        for text in [
            "Số lần đọc: 0",
            "Ý kiến: 0",
            "Nguồn tin",
            "Từ khóa",
            "Tin liên quan",
            "Ban Biên tập",
            "Ảnh: ",
        ] {
            assert_has(&art, text, &format!("{ctx} article"));
        }
        assert!(art.contains("class=\"sapo\""), "{ctx} sapo");
        assert!(
            art.contains("property=\"og:type\" content=\"article\""),
            "{ctx} og:type"
        );
        assert!(art.contains("property=\"og:image\""), "{ctx} og:image");
        assert_meta(&art, &s.base, &path);
        // schema.org data for search engines: the same headline, date, section and picture
        let ld = art
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .expect("JSON-LD on the article page");
        let ld: serde_json::Value =
            serde_json::from_str(&ld[..ld.find("</script>").unwrap()]).expect("JSON-LD parses");
        let news = &ld["@graph"][0];
        assert_eq!(news["@type"], "NewsArticle", "{ctx}");
        assert_eq!(news["headline"].as_str().unwrap(), h1(&art), "{ctx}");
        assert_eq!(news["url"], format!("{}{path}", s.base), "{ctx}");
        assert!(
            news["datePublished"].as_str().unwrap().ends_with("+07:00"),
            "{ctx} {news}"
        );
        assert!(
            news["image"][0]
                .as_str()
                .unwrap()
                .starts_with(&format!("{}/media/", s.base)),
            "{ctx} {news}"
        );
        assert_eq!(ld["@graph"][1]["@type"], "BreadcrumbList", "{ctx}");
        // related news never lists the article itself
        let related = &art[art.find("Tin liên quan").unwrap()..];
        assert!(
            !related.contains(&format!("href=\"{path}\"")),
            "{ctx} related lists itself"
        );
        assert!(
            related.contains("href=\"/bai-viet/"),
            "{ctx} related is empty"
        );

        // its picture is served
        let src = art
            .split("src=\"/media/")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let res = s
            .client
            .get(s.url(&format!("/media/{src}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(res.headers()["content-type"], "image/svg+xml");
        assert!(
            res.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("sandbox")
        );

        // topic and tag pages
        let (status, topic) = s.get("/chuyen-de/chuyen-doi-so-trong-co-quan-dang").await;
        assert_eq!(status, 200, "{ctx} topic");
        assert_has(&topic, "Chuyển đổi số trong cơ quan Đảng", &ctx);
        assert_has(&topic, "Số hóa hồ sơ đảng viên", &ctx);
        assert_meta(
            &topic,
            &s.base,
            "/chuyen-de/chuyen-doi-so-trong-co-quan-dang",
        );
        let (status, tag) = s.get("/the/hoi-dap").await;
        assert_eq!(status, 200, "{ctx} tag");
        assert_has(&tag, "Hỏi đáp", &ctx);
        assert_has(&tag, "Mức đóng đảng phí", &ctx);

        // unknown slugs and paths are 404 pages in Vietnamese
        for path in [
            "/bai-viet/khong-co-bai-nay",
            "/chuyen-muc/khong-co",
            "/chuyen-de/khong-co",
            "/the/khong-co",
            "/trang-khong-ton-tai",
        ] {
            let (status, body) = s.get(path).await;
            assert_eq!(status, 404, "{ctx} {path}");
            assert_has(&body, "Không tìm thấy trang", path);
            assert_has(&body, "Về trang chủ", path);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unpublished_and_future_articles_stay_hidden() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.seed_demo().await;
        let (_, home) = s.get("/").await;
        let slug = first_article_slug(&home);
        sqlx::query("UPDATE articles SET status = 'draft' WHERE slug = $1")
            .bind(&slug)
            .execute(&s.pool)
            .await
            .unwrap();
        // written behind the application's back: its kept pages do not know
        s.pages.invalidate();
        let (status, _) = s.get(&format!("/bai-viet/{slug}")).await;
        assert_eq!(status, 404, "{backend:?} a draft is not public");
        let (_, home) = s.get("/").await;
        assert!(
            !home.contains(&format!("/bai-viet/{slug}\"")),
            "{backend:?} home lists a draft"
        );

        sqlx::query("UPDATE articles SET status = 'published', publish_at = $1 WHERE slug = $2")
            .bind(toasoan_app::core::time::now() + 3600)
            .bind(&slug)
            .execute(&s.pool)
            .await
            .unwrap();
        // written behind the application's back: its kept pages do not know
        s.pages.invalidate();
        let (status, _) = s.get(&format!("/bai-viet/{slug}")).await;
        assert_eq!(
            status, 404,
            "{backend:?} a scheduled article is not public yet"
        );

        sqlx::query("UPDATE articles SET publish_at = $1, expire_at = $2 WHERE slug = $3")
            .bind(toasoan_app::core::time::now() - 7200)
            .bind(toasoan_app::core::time::now() - 60)
            .bind(&slug)
            .execute(&s.pool)
            .await
            .unwrap();
        // written behind the application's back: its kept pages do not know
        s.pages.invalidate();
        let (status, _) = s.get(&format!("/bai-viet/{slug}")).await;
        assert_eq!(status, 404, "{backend:?} an expired article is gone");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_twice_changes_nothing() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let snapshot = || async {
            let rows = sqlx::query(
                "SELECT (SELECT COUNT(*) FROM articles), (SELECT CAST(COALESCE(SUM(updated_at), 0) AS BIGINT) FROM articles), \
                 (SELECT COUNT(*) FROM categories), (SELECT COUNT(*) FROM topics), (SELECT COUNT(*) FROM tags), \
                 (SELECT COUNT(*) FROM media), (SELECT COUNT(*) FROM article_tags), \
                 (SELECT CAST(COALESCE(SUM(publish_at), 0) AS BIGINT) FROM articles)",
            )
            .fetch_one(&s.pool)
            .await
            .unwrap();
            (0..8)
                .map(|i| sqlx::Row::get::<i64, _>(&rows, i))
                .collect::<Vec<_>>()
        };
        let first = toasoan_server::demo::seed(&s.pool, &s.media_dir)
            .await
            .unwrap();
        assert!(first.created >= 24, "{backend:?} {first:?}");
        let before = snapshot().await;
        let files_before = std::fs::read_dir(&s.media_dir).unwrap().count();
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        let second = toasoan_server::demo::seed(&s.pool, &s.media_dir)
            .await
            .unwrap();
        assert_eq!(second.created, 0, "{backend:?}");
        assert_eq!(second.kept, first.created);
        assert_eq!(snapshot().await, before, "{backend:?}");
        assert_eq!(
            std::fs::read_dir(&s.media_dir).unwrap().count(),
            files_before
        );
        // the demo has nested categories and at least two topics
        assert!(
            s.scalar("SELECT COUNT(*) FROM categories WHERE parent_id IS NOT NULL")
                .await
                >= 1
        );
        assert!(s.scalar("SELECT COUNT(*) FROM topics").await >= 2);
        assert!(
            s.scalar("SELECT COUNT(DISTINCT category_id) FROM articles")
                .await
                >= 6
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_storage_failure_shows_the_error_page_and_logs_no_details_to_the_reader() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.seed_demo().await;
        let (_, home) = s.get("/").await;
        let slug = first_article_slug(&home);
        sqlx::query("ALTER TABLE articles RENAME TO articles_moved")
            .execute(&s.pool)
            .await
            .unwrap();
        // pages kept from before the failure would still be served (and rightly so);
        // this test is about pages rendered while the storage fails
        let (status, _) = s.get("/").await;
        assert_eq!(
            status, 200,
            "{backend:?} the kept home page outlives the failure"
        );
        s.pages.invalidate();
        for path in [
            "/".to_string(),
            format!("/bai-viet/{slug}"),
            "/chuyen-muc/thoi-su".to_string(),
        ] {
            let (status, body) = s.get(&path).await;
            assert_eq!(status, 500, "{backend:?} {path}");
            assert_has(&body, "Đã có lỗi xảy ra", &path);
            assert_has(&body, "Về trang chủ", &path);
            let text = page_text(&body).to_lowercase();
            assert!(
                !text.contains("articles"),
                "{backend:?} {path}: the reader sees a table name"
            );
            assert!(
                !text.contains("sqlite") && !text.contains("postgres"),
                "{backend:?} {path}: database details"
            );
        }
    }
}

/// The server functions behind the category, tag and topic pages (what a client-side
/// navigation calls) answer 404 for an unknown slug or a page past the end, not 500.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_server_functions_answer_404_for_what_is_not_there() {
    use leptos::server_fn::ServerFn;
    use toasoan_app::pages::{category::GetCategoryPage, tag::GetTagPage, topic::GetTopicPage};
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.seed_demo().await;
        for path in [GetCategoryPage::PATH, GetTagPage::PATH, GetTopicPage::PATH] {
            let (status, body) = s
                .query(path, &[("slug", "khong-co-dau"), ("page", "1")])
                .await;
            assert_eq!(status, 404, "{backend:?} {path}: {body}");
            assert!(body.contains("NotFound"), "{backend:?} {path}: {body}");
        }
        // a known category answers, and a page past its end is missing too
        let (status, _) = s
            .query(GetCategoryPage::PATH, &[("slug", "thoi-su"), ("page", "1")])
            .await;
        assert_eq!(status, 200, "{backend:?}");
        let (status, _) = s
            .query(
                GetCategoryPage::PATH,
                &[("slug", "thoi-su"), ("page", "999")],
            )
            .await;
        assert_eq!(status, 404, "{backend:?}");
        // errors keep their own status too: the desk refuses a stranger with 401
        let (status, _) = s
            .query(
                toasoan_app::features::editorial::dashboard::GetDashboard::PATH,
                &[],
            )
            .await;
        assert_eq!(status, 401, "{backend:?}");
    }
}
