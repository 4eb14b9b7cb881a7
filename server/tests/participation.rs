//! Readers taking part, against the real application on SQLite and PostgreSQL:
//! ratings (once per reader, re-rating, the summary line, refusals), comments
//! (validation, honeypot, minimum fill time, moderation states and counts, replies,
//! reports, banned words, duplicates, nothing as HTML), rate limits (429), view
//! counts (dedupe, robots, flush on shutdown), 200 concurrent readers, the QR code,
//! the print view and the "most read" blocks.

mod common;

use common::{
    Backend, CHROME, FIREFOX, TestServer, backends, browser, call_as, page_text, rate, relaxed,
};
use leptos::server_fn::ServerFn;
use toasoan_app::core::site::ParticipationConfig;
use toasoan_app::features::comments::admin_api::{
    EditComment, GetCommentQueue, ModerateComments, ReplyAsBoard,
};
use toasoan_app::features::comments::api::{PostComment, ReportComment};
use toasoan_app::features::ratings::api::{GetMyRating, RateArticle};

const PASSWORD: &str = "kiem-duyet-2026";

/// A published article, seeded with the demo; returns its slug.
async fn published_slug(s: &TestServer) -> String {
    s.seed_demo().await;
    s.newest_published_slug().await
}

async fn article_id(s: &TestServer, slug: &str) -> i64 {
    s.scalar(&format!("SELECT id FROM articles WHERE slug = '{slug}'"))
        .await
}

/// The comment-form token on an article page.
async fn form_token(s: &TestServer, slug: &str) -> String {
    let (status, html) = s.get(&format!("/bai-viet/{slug}")).await;
    assert_eq!(status, 200);
    let at = html
        .find("name=\"started\" value=\"")
        .expect("comment form")
        + 22;
    html[at..].split('"').next().unwrap().to_string()
}

/// A comment form as the page sends it (empty fields by default).
#[derive(Clone, Copy, Default)]
struct Form<'a> {
    slug: &'a str,
    parent: &'a str,
    name: &'a str,
    email: &'a str,
    body: &'a str,
    website: &'a str,
    started: &'a str,
}

impl Form<'_> {
    fn fields(&self) -> [(&str, &str); 7] {
        [
            ("slug", self.slug),
            ("parent", self.parent),
            ("name", self.name),
            ("email", self.email),
            ("body", self.body),
            ("website", self.website),
            ("started", self.started),
        ]
    }
}

/// Sends a comment form as the hydrated page does.
async fn send(s: &TestServer, client: &reqwest::Client, form: Form<'_>) -> (u16, String) {
    call_as(s, client, PostComment::PATH, &form.fields()).await
}

async fn comment(
    s: &TestServer,
    client: &reqwest::Client,
    slug: &str,
    parent: &str,
    name: &str,
    body: &str,
) -> (u16, String) {
    let token = form_token(s, slug).await;
    let form = Form {
        slug,
        parent,
        name,
        email: "ban-doc@example.vn",
        body,
        started: &token,
        ..Form::default()
    };
    send(s, client, form).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ratings_once_per_reader_replaced_on_re_rating_with_the_summary_line() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        let slug = published_slug(&s).await;
        let id = article_id(&s, &slug).await;
        let (_, page) = s.get(&format!("/bai-viet/{slug}")).await;
        assert!(
            page_text(&page).contains("Bài viết chưa có đánh giá nào"),
            "{backend:?}"
        );

        let a = browser(CHROME);
        let (status, body) = rate(&s, &a, &slug, "4").await;
        assert_eq!(status, 200, "{body}");
        assert!(
            body.contains("\"count\":1") && body.contains("\"sum\":4"),
            "{body}"
        );
        // the same reader again (now with the visitor cookie): replaced, not added
        let (status, body) = rate(&s, &a, &slug, "5").await;
        assert_eq!(status, 200, "{body}");
        assert!(
            body.contains("\"count\":1") && body.contains("\"sum\":5"),
            "{body}"
        );
        // another reader
        let b = browser(FIREFOX);
        let (status, _) = rate(&s, &b, &slug, "4").await;
        assert_eq!(status, 200);
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM ratings WHERE article_id = {id}"
            ))
            .await,
            2
        );
        // the article's line is recounted a moment later (the job runs every second)
        assert_eq!(
            s.scalar_settled(
                &format!("SELECT rating_sum FROM articles WHERE id = {id}"),
                9
            )
            .await,
            9
        );
        let line = "Tổng số điểm của bài viết là: 9 trong 2 đánh giá (trung bình 4,5/5)";
        assert!(
            s.page_settled(&format!("/bai-viet/{slug}"), line)
                .await
                .contains(line),
            "{backend:?}: summary line"
        );
        // each reader's own stars, never in the page itself
        let (_, mine) = call_as(&s, &a, GetMyRating::PATH, &[("slug", &slug)]).await;
        assert_eq!(mine, "5");
        let (_, mine) = call_as(&s, &b, GetMyRating::PATH, &[("slug", &slug)]).await;
        assert_eq!(mine, "4");
        let c = browser("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1");
        let (_, mine) = call_as(&s, &c, GetMyRating::PATH, &[("slug", &slug)]).await;
        assert_eq!(mine, "null");

        // refused: bad stars, unknown and unpublished articles, ratings switched off
        for stars in ["0", "6", "bốn", ""] {
            let (status, body) = rate(&s, &c, &slug, stars).await;
            assert_eq!(status, 400, "stars {stars:?}: {body}");
        }
        let (status, _) = rate(&s, &c, "khong-co-bai-nay", "3").await;
        assert_eq!(status, 404);
        sqlx::query("UPDATE articles SET status = 'draft' WHERE slug = (SELECT slug FROM articles WHERE status = 'published' AND id <> $1 ORDER BY id LIMIT 1)")
            .bind(id)
            .execute(&s.pool)
            .await
            .unwrap();
        let draft: String = sqlx::Row::get(
            &sqlx::query("SELECT slug FROM articles WHERE status = 'draft' LIMIT 1")
                .fetch_one(&s.pool)
                .await
                .unwrap(),
            0,
        );
        let (status, _) = rate(&s, &c, &draft, "3").await;
        assert_eq!(status, 404, "an unpublished article cannot be rated");
        sqlx::query("UPDATE articles SET allow_ratings = 0 WHERE id = $1")
            .bind(id)
            .execute(&s.pool)
            .await
            .unwrap();
        // changed behind the server's back: told as its own changes tell it
        s.pages.invalidate();
        let (status, body) = rate(&s, &c, &slug, "3").await;
        assert_eq!(status, 400);
        assert!(body.contains("không nhận đánh giá"), "{body}");
        assert_eq!(
            s.scalar(&format!(
                "SELECT rating_count FROM articles WHERE id = {id}"
            ))
            .await,
            2
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rating_works_as_a_plain_form_without_javascript() {
    let s = TestServer::start_with(Backend::Sqlite, relaxed()).await;
    let slug = published_slug(&s).await;
    let reader = browser(CHROME);
    let res = reader
        .post(s.url(RateArticle::PATH))
        .header("Origin", &s.base)
        .header("Accept", "text/html,application/xhtml+xml")
        .form(&[("slug", slug.as_str()), ("stars", "3")])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(location, format!("/bai-viet/{slug}?danh-gia=3#danh-gia"));
    assert!(
        res.headers()
            .get_all("set-cookie")
            .iter()
            .any(|c| c.to_str().unwrap().starts_with("toasoan_khach=")),
        "the reader gets the visitor cookie"
    );
    let (_, page) = s.get(&format!("/bai-viet/{slug}?danh-gia=3")).await;
    let text = page_text(&page);
    assert!(
        text.contains("Cảm ơn bạn đã đánh giá bài viết: 3 sao"),
        "thanks"
    );
    assert!(text.contains("Tổng số điểm của bài viết là: 3 trong 1 đánh giá"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn comments_are_validated_moderated_counted_and_never_html() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        let slug = published_slug(&s).await;
        let id = article_id(&s, &slug).await;
        let reader = browser(CHROME);
        let count = |sql: String| {
            let s = &s;
            async move { s.scalar(&sql).await }
        };

        // refused, nothing stored
        for (name, email, body, why) in [
            ("A", "", "Bài viết rất hữu ích.", "họ tên"),
            (
                "Nguyễn Văn An",
                "khong-phai-thu",
                "Bài viết rất hữu ích.",
                "thư điện tử",
            ),
            ("Nguyễn Văn An", "", "hay", "quá ngắn"),
        ] {
            let token = form_token(&s, &slug).await;
            let (status, res) = send(
                &s,
                &reader,
                Form {
                    slug: &slug,
                    name,
                    email,
                    body,
                    started: &token,
                    ..Form::default()
                },
            )
            .await;
            assert_eq!(status, 400, "{why}: {res}");
            assert!(res.to_lowercase().contains(why), "{why}: {res}");
        }
        let long = "ý".repeat(2001);
        let (status, _) = comment(&s, &reader, &slug, "", "Nguyễn Văn An", &long).await;
        assert_eq!(status, 400, "too long");
        // the honeypot
        let token = form_token(&s, &slug).await;
        let (status, _) = send(
            &s,
            &reader,
            Form {
                slug: &slug,
                name: "Spam Bot",
                body: "Mua hàng giá rẻ tại đây",
                website: "http://spam.example",
                started: &token,
                ..Form::default()
            },
        )
        .await;
        assert_eq!(status, 400, "honeypot");
        // a forged form time
        let (status, res) = send(
            &s,
            &reader,
            Form {
                slug: &slug,
                name: "Nguyễn Văn An",
                body: "Bài viết rất hữu ích.",
                started: "1000.abcdef",
                ..Form::default()
            },
        )
        .await;
        assert_eq!(status, 400, "forged token: {res}");
        let token = form_token(&s, &slug).await;
        let (status, _) = send(
            &s,
            &reader,
            Form {
                slug: "khong-co-bai-nay",
                name: "Nguyễn Văn An",
                body: "Bài viết rất hữu ích.",
                started: &token,
                ..Form::default()
            },
        )
        .await;
        assert_eq!(status, 404);
        assert_eq!(count("SELECT COUNT(*) FROM comments".into()).await, 0);

        // accepted: waits for a moderator, not on the page, not counted
        let body =
            "Bài viết rất hữu ích <script>alert(1)</script>, xem thêm https://chinhphu.vn/tin.";
        let (status, res) = comment(&s, &reader, &slug, "", "Nguyễn Văn An", body).await;
        assert_eq!(status, 200, "{res}");
        assert!(res.contains("\"pending\":true"), "{res}");
        let first = count("SELECT MAX(id) FROM comments".into()).await;
        let (_, page) = s.get(&format!("/bai-viet/{slug}")).await;
        assert!(
            !page.contains("Nguyễn Văn An"),
            "{backend:?}: pending comments are not shown"
        );
        assert!(page_text(&page).contains("Ý kiến bạn đọc (0)"));
        // the same text again is refused
        let (status, res) = comment(
            &s,
            &reader,
            &slug,
            "",
            "Nguyễn Văn An",
            &body.to_uppercase(),
        )
        .await;
        assert_eq!(status, 409, "duplicate: {res}");

        // a moderator approves it: shown, counted, email never shown, text never HTML
        s.sign_in_as("kiemduyet", "moderator", PASSWORD).await;
        let ids = first.to_string();
        let res = s
            .call(
                ModerateComments::PATH,
                &[("ids[]", &ids), ("action", "approve")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200, "{}", res.text().await.unwrap());
        assert_eq!(
            count(format!(
                "SELECT comment_count FROM articles WHERE id = {id}"
            ))
            .await,
            1
        );
        let page = reader
            .get(s.url(&format!("/bai-viet/{slug}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let text = page_text(&page);
        assert!(
            text.contains("Ý kiến bạn đọc (1)") && text.contains("Nguyễn Văn An"),
            "{backend:?}"
        );
        assert!(
            text.contains("Ý kiến: 1"),
            "the count in the article's meta line"
        );
        assert!(!page.contains("ban-doc@example.vn"), "e-mail never shown");
        assert!(!page.contains("<script>alert(1)"), "never rendered as HTML");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(
            page.contains(
                "href=\"https://chinhphu.vn/tin\" rel=\"nofollow ugc noopener noreferrer\""
            ),
            "links clickable"
        );
        // the category list counts it too
        let (_, home) = s.get("/").await;
        assert!(
            page_text(&home).contains("1 ý kiến"),
            "{backend:?}: lists count approved comments"
        );

        // replies: one level deep; a reply to a reply joins the thread
        let parent = first.to_string();
        let (status, res) = comment(
            &s,
            &reader,
            &slug,
            &parent,
            "Trần Thị Bình",
            "Tôi đồng ý với bạn An.",
        )
        .await;
        assert_eq!(status, 200, "{res}");
        let reply = count("SELECT MAX(id) FROM comments".into()).await;
        s.call(
            ModerateComments::PATH,
            &[("ids[]", &reply.to_string()), ("action", "approve")],
        )
        .await;
        let (status, res) = comment(
            &s,
            &reader,
            &slug,
            &reply.to_string(),
            "Lê Văn Cường",
            "Tôi cũng đồng ý như vậy.",
        )
        .await;
        assert_eq!(status, 200, "{res}");
        let deeper = count("SELECT MAX(id) FROM comments".into()).await;
        assert_eq!(
            count(format!(
                "SELECT parent_id FROM comments WHERE id = {deeper}"
            ))
            .await,
            first
        );
        let (status, _) = comment(
            &s,
            &reader,
            &slug,
            &deeper.to_string(),
            "Lê Văn Cường",
            "Trả lời ý kiến chưa duyệt.",
        )
        .await;
        assert_eq!(status, 400, "a pending comment cannot be answered");

        // reject and spam: not shown, not counted; rejecting a published one lowers the count
        let (status, _) = comment(
            &s,
            &reader,
            &slug,
            "",
            "Phạm Dũng",
            "Ý kiến thứ tư để thử từ chối.",
        )
        .await;
        assert_eq!(status, 200);
        let fourth = count("SELECT MAX(id) FROM comments".into()).await;
        let both = [
            ("ids[]", deeper.to_string()),
            ("ids[]", fourth.to_string()),
            ("action", "spam".to_string()),
        ];
        let form: Vec<(&str, &str)> = both.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = s.call(ModerateComments::PATH, &form).await;
        assert_eq!(res.text().await.unwrap(), "2", "bulk action");
        assert_eq!(
            count("SELECT COUNT(*) FROM comments WHERE status = 'spam'".into()).await,
            2
        );
        assert_eq!(
            count(format!(
                "SELECT comment_count FROM articles WHERE id = {id}"
            ))
            .await,
            2
        );
        s.call(
            ModerateComments::PATH,
            &[("ids[]", &reply.to_string()), ("action", "reject")],
        )
        .await;
        assert_eq!(
            count(format!(
                "SELECT comment_count FROM articles WHERE id = {id}"
            ))
            .await,
            1
        );
        let (_, page) = s.get(&format!("/bai-viet/{slug}")).await;
        assert!(!page.contains("Trần Thị Bình") && !page.contains("Phạm Dũng"));

        // the board answers and corrects; both in the audit log
        let res = s
            .call(
                ReplyAsBoard::PATH,
                &[("id", &parent), ("body", "Cảm ơn bạn An đã góp ý.")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        let res = s
            .call(
                EditComment::PATH,
                &[
                    ("id", &parent),
                    ("name", "Nguyễn Văn An"),
                    ("body", "Bài viết rất hữu ích (đã sửa)."),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        let (_, page) = s.get(&format!("/bai-viet/{slug}")).await;
        let text = page_text(&page);
        assert!(
            text.contains("Ban Biên tập") && text.contains("Cảm ơn bạn An đã góp ý."),
            "{backend:?}"
        );
        assert!(text.contains("(đã sửa)"));
        assert_eq!(
            count(format!(
                "SELECT comment_count FROM articles WHERE id = {id}"
            ))
            .await,
            2
        );
        assert!(
            count("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'comment.%'".into()).await
                >= 5
        );
        let (status, queue) = s
            .query(GetCommentQueue::PATH, &[("tab", "spam"), ("page", "1")])
            .await;
        assert_eq!(status, 200);
        assert!(
            queue.contains("Phạm Dũng") && queue.contains("ban-doc@example.vn"),
            "moderators see e-mails"
        );

        // comments closed per article
        let token = form_token(&s, &slug).await;
        sqlx::query("UPDATE articles SET allow_comments = 0 WHERE id = $1")
            .bind(id)
            .execute(&s.pool)
            .await
            .unwrap();
        // changed behind the server's back: told as its own changes tell it
        s.pages.invalidate();
        let (status, res) = send(
            &s,
            &reader,
            Form {
                slug: &slug,
                name: "Nguyễn Văn An",
                body: "Ý kiến khi đã đóng.",
                started: &token,
                ..Form::default()
            },
        )
        .await;
        assert_eq!(status, 400);
        assert!(res.contains("đóng ý kiến"), "{res}");
        let (_, page) = s.get(&format!("/bai-viet/{slug}")).await;
        assert!(page_text(&page).contains("Bài viết này đã đóng ý kiến bạn đọc."));
        assert!(
            !page.contains("name=\"started\""),
            "no form on a closed article"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_is_for_moderators_and_reports_reach_it() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        let slug = published_slug(&s).await;
        let reader = browser(CHROME);
        comment(
            &s,
            &reader,
            &slug,
            "",
            "Nguyễn Văn An",
            "Một ý kiến bị báo cáo.",
        )
        .await;
        let id = s.scalar("SELECT MAX(id) FROM comments").await.to_string();
        // readers cannot report what is not published
        let (status, _) = call_as(&s, &reader, ReportComment::PATH, &[("id", &id)]).await;
        assert_eq!(status, 404);

        let (status, _) = s
            .query(GetCommentQueue::PATH, &[("tab", "pending"), ("page", "1")])
            .await;
        assert_eq!(status, 401, "signed out");
        s.sign_in_as("bientap", "editor", PASSWORD).await;
        let (status, _) = s
            .query(GetCommentQueue::PATH, &[("tab", "pending"), ("page", "1")])
            .await;
        assert_eq!(status, 403, "editors do not moderate");
        let res = s
            .call(
                ModerateComments::PATH,
                &[("ids[]", &id), ("action", "approve")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 403);
        let (status, page) = s.get("/quan-tri/y-kien").await;
        assert_eq!(status, 403);
        assert!(!page.contains("Một ý kiến bị báo cáo"));

        s.sign_in_as("kiemduyet", "moderator", PASSWORD).await;
        let (status, page) = s.get("/quan-tri/y-kien").await;
        assert_eq!(status, 200);
        assert!(
            page_text(&page).contains("Một ý kiến bị báo cáo"),
            "{backend:?}: the queue page"
        );
        let (_, dash) = s.get("/quan-tri").await;
        assert!(
            page_text(&dash).contains("Ý kiến bạn đọc1Chờ duyệt0Bị báo cáo"),
            "{backend:?}: dashboard counts"
        );
        let res = s
            .call(ModerateComments::PATH, &[("action", "approve")])
            .await;
        assert_eq!(res.status().as_u16(), 400, "nothing chosen");
        let res = s
            .call(ModerateComments::PATH, &[("ids[]", &id), ("action", "xoa")])
            .await;
        assert_eq!(res.status().as_u16(), 400, "unknown action");
        s.call(
            ModerateComments::PATH,
            &[("ids[]", &id), ("action", "approve")],
        )
        .await;

        // two readers report it, one of them twice: counted once each
        let other = browser(FIREFOX);
        for client in [&reader, &reader, &other] {
            let (status, _) = call_as(&s, client, ReportComment::PATH, &[("id", &id)]).await;
            assert_eq!(status, 200);
        }
        assert_eq!(
            s.scalar(&format!(
                "SELECT report_count FROM comments WHERE id = {id}"
            ))
            .await,
            2
        );
        let (_, queue) = s
            .query(GetCommentQueue::PATH, &[("tab", "reported"), ("page", "1")])
            .await;
        assert!(
            queue.contains("Một ý kiến bị báo cáo") && queue.contains("\"reported\":1"),
            "{queue}"
        );
        // keeping it (approve) clears the reports
        s.call(
            ModerateComments::PATH,
            &[("ids[]", &id), ("action", "approve")],
        )
        .await;
        assert_eq!(
            s.scalar(&format!(
                "SELECT report_count FROM comments WHERE id = {id}"
            ))
            .await,
            0
        );
        // a plain-form report returns to the comment
        let res = other
            .post(s.url(ReportComment::PATH))
            .header("Origin", &s.base)
            .header("Accept", "text/html")
            .form(&[("id", id.as_str())])
            .send()
            .await
            .unwrap();
        assert!(res.status().is_redirection());
        assert_eq!(
            res.headers()["location"],
            format!("/bai-viet/{slug}?bao-cao={id}#y-kien-{id}").as_str()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_approval_banned_words_and_the_plain_form() {
    let rules = ParticipationConfig {
        comments_need_approval: false,
        banned_words: vec!["lừa đảo".into()],
        ..relaxed()
    };
    let s = TestServer::start_with(Backend::Sqlite, rules).await;
    let slug = published_slug(&s).await;
    let reader = browser(CHROME);
    let (_, res) = comment(&s, &reader, &slug, "", "Nguyễn Văn An", "Ý kiến đăng ngay.").await;
    assert!(res.contains("\"pending\":false"), "{res}");
    let (_, res) = comment(
        &s,
        &reader,
        &slug,
        "",
        "Nguyễn Văn An",
        "Trang kia LUA DAO người dân.",
    )
    .await;
    assert!(res.contains("\"pending\":true"), "banned words wait: {res}");
    assert_eq!(
        s.scalar(
            "SELECT COUNT(*) FROM comments WHERE status = 'pending' AND held_for LIKE '%lừa đảo%'"
        )
        .await,
        1
    );
    let (_, page) = s.get(&format!("/bai-viet/{slug}")).await;
    let text = page_text(&page);
    assert!(text.contains("Ý kiến đăng ngay.") && !text.contains("LUA DAO"));

    // without JavaScript: posted, then back to the article with the notice
    let token = form_token(&s, &slug).await;
    let res = reader
        .post(s.url(PostComment::PATH))
        .header("Origin", &s.base)
        .header("Accept", "text/html")
        .form(
            &Form {
                slug: &slug,
                name: "Trần Bình",
                body: "Gửi không cần JavaScript.",
                started: &token,
                ..Form::default()
            }
            .fields(),
        )
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection());
    assert_eq!(
        res.headers()["location"],
        format!("/bai-viet/{slug}?y-kien=da-dang#y-kien").as_str()
    );
    let (_, page) = s.get(&format!("/bai-viet/{slug}?y-kien=cho-duyet")).await;
    assert!(page_text(&page).contains("Ý kiến của bạn đang chờ duyệt"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_fast_and_too_many_are_refused() {
    for backend in backends() {
        let rules = ParticipationConfig {
            min_fill_seconds: 3,
            comments_per_visitor: 2,
            ratings_per_visitor: 3,
            view_flush_seconds: 3600,
            ..Default::default()
        };
        let s = TestServer::start_with(backend, rules).await;
        let slug = published_slug(&s).await;
        let reader = browser(CHROME);
        // a form sent right after the page was made
        let (status, res) =
            comment(&s, &reader, &slug, "", "Nguyễn Văn An", "Gửi ngay lập tức.").await;
        assert_eq!(status, 400);
        assert!(res.contains("quá nhanh"), "{res}");
        // a form made ten seconds ago
        let secret: String = sqlx::Row::get(
            &sqlx::query("SELECT value FROM settings WHERE key = 'secret'")
                .fetch_one(&s.pool)
                .await
                .unwrap(),
            0,
        );
        let old = toasoan_app::features::guard::form_token_at(
            &secret,
            toasoan_app::core::time::now() - 10,
        );
        // the first attempt gave this reader the visitor cookie; from then on two
        // comments per window are taken and the third is refused with 429
        let mut answers = Vec::new();
        for body in [
            "Gửi sau khi đọc kỹ.",
            "Ý kiến thứ hai liên tiếp.",
            "Ý kiến thứ ba liên tiếp.",
        ] {
            let form = Form {
                slug: &slug,
                name: "Nguyễn Văn An",
                body,
                started: &old,
                ..Form::default()
            };
            answers.push(send(&s, &reader, form).await);
        }
        assert_eq!(answers[0].0, 200, "{}", answers[0].1);
        assert_eq!(answers[1].0, 200, "{}", answers[1].1);
        let (status, res) = answers.pop().unwrap();
        assert_eq!(status, 429, "{backend:?}: {res}");
        let shown: toasoan_app::core::error::AppError = serde_json::from_str(&res).unwrap();
        assert!(
            shown.to_string().contains("thao tác quá nhanh"),
            "the page shows: {shown}"
        );
        assert_eq!(s.scalar("SELECT COUNT(*) FROM comments").await, 2);

        for _ in 0..3 {
            let (status, _) = rate(&s, &reader, &slug, "5").await;
            assert_eq!(status, 200);
        }
        let (status, res) = rate(&s, &reader, &slug, "1").await;
        assert_eq!(status, 429, "{res}");
        let id = article_id(&s, &slug).await;
        assert_eq!(
            s.scalar(&format!("SELECT rating_sum FROM articles WHERE id = {id}"))
                .await,
            5
        );
        // another reader is not held back
        let (status, _) = call_as(
            &s,
            &browser(FIREFOX),
            RateArticle::PATH,
            &[("slug", &slug), ("stars", "4")],
        )
        .await;
        assert_eq!(status, 200);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn views_count_once_per_reader_skip_robots_and_are_written_on_shutdown() {
    for backend in backends() {
        let mut s = TestServer::start_with(backend, relaxed()).await;
        let slug = published_slug(&s).await;
        let id = article_id(&s, &slug).await;
        let page = format!("/bai-viet/{slug}");
        let a = browser(CHROME);
        for _ in 0..3 {
            assert_eq!(a.get(s.url(&page)).send().await.unwrap().status(), 200);
        }
        let b = browser(FIREFOX);
        b.get(s.url(&page)).send().await.unwrap();
        // robots are not readers
        for agent in [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "curl/8.5",
        ] {
            browser(agent).get(s.url(&page)).send().await.unwrap();
        }
        // a third reader arriving by client-side navigation (the page's server function)
        let c = browser(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15",
        );
        let res = c
            .get(s.url(toasoan_app::pages::article::GetArticlePage::PATH))
            .query(&[("slug", slug.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        // nothing written while serving (the flush job runs hourly in this test)
        assert_eq!(
            s.scalar(&format!("SELECT view_count FROM articles WHERE id = {id}"))
                .await,
            0
        );
        s.shut_down().await;
        assert_eq!(
            s.scalar(&format!("SELECT view_count FROM articles WHERE id = {id}"))
                .await,
            3,
            "{backend:?}: three readers, written on shutdown"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_readers_lose_nothing() {
    for backend in backends() {
        let rules = ParticipationConfig {
            comments_need_approval: false,
            ..relaxed()
        };
        let s = TestServer::start_with(backend, rules).await;
        let slug = published_slug(&s).await;
        let id = article_id(&s, &slug).await;
        let token = form_token(&s, &slug).await;
        let client = reqwest::Client::builder()
            .user_agent(CHROME)
            .build()
            .unwrap();
        let mut tasks = Vec::new();
        for i in 0..200u32 {
            let client = client.clone();
            let (base, slug, token) = (s.base.clone(), slug.clone(), token.clone());
            tasks.push(tokio::spawn(async move {
                let cookie = format!("toasoan_khach={:032x}", i + 1);
                let stars = (i % 5 + 1).to_string();
                let rate = client
                    .post(format!("{base}{}", RateArticle::PATH))
                    .header("Origin", &base)
                    .header("Cookie", &cookie)
                    .form(&[("slug", slug.as_str()), ("stars", stars.as_str())])
                    .send();
                let body = format!("Ý kiến số {i} của bạn đọc.");
                let name = format!("Bạn đọc {i}");
                let post = client
                    .post(format!("{base}{}", PostComment::PATH))
                    .header("Origin", &base)
                    .header("Cookie", &cookie)
                    .form(
                        &Form {
                            slug: &slug,
                            name: &name,
                            body: &body,
                            started: &token,
                            ..Form::default()
                        }
                        .fields(),
                    )
                    .send();
                let (rate, post) = tokio::join!(rate, post);
                (
                    rate.unwrap().status().as_u16(),
                    post.unwrap().status().as_u16(),
                )
            }));
        }
        for t in tasks {
            assert_eq!(t.await.unwrap(), (200, 200), "{backend:?}");
        }
        // stars 1..5, forty of each (the totals a moment later: the recount)
        assert_eq!(
            s.scalar_settled(
                &format!("SELECT rating_count FROM articles WHERE id = {id}"),
                200
            )
            .await,
            200
        );
        assert_eq!(
            s.scalar_settled(
                &format!("SELECT rating_sum FROM articles WHERE id = {id}"),
                600
            )
            .await,
            600
        );
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM comments WHERE article_id = {id}"
            ))
            .await,
            200
        );
        assert_eq!(
            s.scalar(&format!(
                "SELECT comment_count FROM articles WHERE id = {id}"
            ))
            .await,
            200
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn qr_code_print_view_and_most_read_blocks() {
    let mut s = TestServer::start_with(Backend::Sqlite, relaxed()).await;
    let slug = published_slug(&s).await;
    let res = s
        .client
        .get(s.url(&format!("/qr/bai-viet/{slug}.svg")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/svg+xml");
    assert!(res.text().await.unwrap().contains("<svg"));
    let (status, _) = s.get("/qr/bai-viet/khong-co-bai-nay.svg").await;
    assert_eq!(status, 404);

    let (status, print) = s.get(&format!("/bai-viet/{slug}/in")).await;
    assert_eq!(status, 200);
    assert!(print.contains(&format!("/qr/bai-viet/{slug}.svg")) && print.contains("print-view"));
    assert!(
        !print.contains("name=\"started\""),
        "no comment form on paper"
    );
    let (status, _) = s.get("/bai-viet/khong-co-bai-nay/in").await;
    assert_eq!(status, 404);

    let (_, article) = s.get(&format!("/bai-viet/{slug}")).await;
    assert!(article.contains("https://www.facebook.com/sharer/sharer.php?u=http"));
    assert!(article.contains("https://sp.zalo.me/share?url=http"));
    assert!(
        !article.contains("<script src=\"http"),
        "no third-party scripts"
    );

    let (_, home) = s.get("/").await;
    assert!(
        !page_text(&home).contains("Đọc nhiều nhất"),
        "no block before anyone read"
    );
    browser(CHROME)
        .get(s.url(&format!("/bai-viet/{slug}")))
        .send()
        .await
        .unwrap();
    s.shut_down().await;
    let title: String = sqlx::Row::get(
        &sqlx::query("SELECT title FROM articles WHERE slug = $1")
            .bind(&slug)
            .fetch_one(&s.pool)
            .await
            .unwrap(),
        0,
    );
    let s2 = restart(&s).await;
    let (_, home) = s2.get("/").await;
    let text = page_text(&home);
    let at = text.find("Đọc nhiều nhất").expect("the most-read block");
    assert!(
        text[at..].contains(&format!("{title} 1 lượt đọc")),
        "{}",
        &text[at..at + 300.min(text.len() - at)]
    );
}

/// A new server on the same database (after a shutdown).
async fn restart(s: &TestServer) -> TestServer {
    TestServer::on_database(s.backend, &s.database_url, relaxed()).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_reader_rating_many_times_at_once_counts_once() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        let slug = published_slug(&s).await;
        let id = article_id(&s, &slug).await;
        let (count, sum) = (
            s.scalar(&format!(
                "SELECT rating_count FROM articles WHERE id = {id}"
            ))
            .await,
            s.scalar(&format!("SELECT rating_sum FROM articles WHERE id = {id}"))
                .await,
        );
        let client = reqwest::Client::builder()
            .user_agent(CHROME)
            .build()
            .unwrap();
        // a double (or twentyfold) click: the same visitor, different stars, all at once
        for status in rate_at_once(&s, &client, &slug, |_| 7).await {
            assert_eq!(status, 200, "{backend:?}");
        }
        let stored = s
            .scalar(&format!(
                "SELECT stars FROM ratings WHERE article_id = {id} AND voter_key = 'k:{:032x}'",
                7
            ))
            .await;
        assert_eq!(
            s.scalar_settled(
                &format!("SELECT rating_count FROM articles WHERE id = {id}"),
                count + 1
            )
            .await,
            count + 1,
            "{backend:?}: one reader, one rating"
        );
        assert_eq!(
            s.scalar_settled(
                &format!("SELECT rating_sum FROM articles WHERE id = {id}"),
                sum + stored
            )
            .await,
            sum + stored,
            "{backend:?}: the totals hold the rating that stayed"
        );
        // and twenty other readers at once: none waits out another's total, none is lost
        for status in rate_at_once(&s, &client, &slug, |i| 100 + i).await {
            assert_eq!(status, 200, "{backend:?}");
        }
        assert_eq!(
            s.scalar_settled(
                &format!("SELECT rating_count FROM articles WHERE id = {id}"),
                count + 21
            )
            .await,
            count + 21,
            "{backend:?}: every reader counted"
        );
        let all = sum + stored + (0..20).map(|i| i % 5 + 1).sum::<i64>();
        assert_eq!(
            s.scalar_settled(
                &format!("SELECT rating_sum FROM articles WHERE id = {id}"),
                all
            )
            .await,
            all,
            "{backend:?}: every reader's stars in the totals"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rating_shows_to_its_reader_at_once_to_others_soon_and_after_a_crash() {
    for backend in backends() {
        let mut s = TestServer::start_with(backend, relaxed()).await;
        let slug = published_slug(&s).await;
        let id = article_id(&s, &slug).await;
        let count_sql = format!("SELECT rating_count FROM articles WHERE id = {id}");
        let sum_sql = format!("SELECT rating_sum FROM articles WHERE id = {id}");
        let (count, sum) = (s.scalar(&count_sql).await, s.scalar(&sum_sql).await);
        // its reader: the answer holds their rating
        let (status, body) = rate(&s, &browser(CHROME), &slug, "5").await;
        assert_eq!(status, 200, "{body}");
        assert!(
            body.contains(&format!("\"count\":{}", count + 1))
                && body.contains(&format!("\"sum\":{}", sum + 5)),
            "{backend:?}: {body}"
        );
        // everyone else: the article's line within the recount (every second)
        let line = format!(
            "Tổng số điểm của bài viết là: {} trong {}",
            sum + 5,
            count + 1
        );
        assert!(
            s.page_settled(&format!("/bai-viet/{slug}"), &line)
                .await
                .contains(&line),
            "{backend:?}: the page shows the new total"
        );
        // a rating, then a crash before any recount could write its totals (made
        // certain by putting the old totals back): the next start recounts
        let (status, _) = rate(&s, &browser(FIREFOX), &slug, "1").await;
        assert_eq!(status, 200);
        s.crash();
        sqlx::query("UPDATE articles SET rating_count = $1, rating_sum = $2 WHERE id = $3")
            .bind(count + 1)
            .bind(sum + 5)
            .bind(id)
            .execute(&s.pool)
            .await
            .unwrap();
        let s2 = restart(&s).await;
        assert_eq!(
            s2.scalar_settled(&count_sql, count + 2).await,
            count + 2,
            "{backend:?}"
        );
        assert_eq!(
            s2.scalar_settled(&sum_sql, sum + 6).await,
            sum + 6,
            "{backend:?}"
        );
    }
}

/// Twenty ratings of `slug` sent at once, the i-th with `i % 5 + 1` stars by the visitor
/// `visitor(i)`; their statuses.
async fn rate_at_once(
    s: &TestServer,
    client: &reqwest::Client,
    slug: &str,
    visitor: impl Fn(u32) -> u32,
) -> Vec<u16> {
    let mut tasks = Vec::new();
    for i in 0..20u32 {
        let (client, base, slug) = (client.clone(), s.base.clone(), slug.to_string());
        let cookie = format!("toasoan_khach={:032x}", visitor(i));
        tasks.push(tokio::spawn(async move {
            client
                .post(format!("{base}{}", RateArticle::PATH))
                .header("Origin", &base)
                .header("Cookie", cookie)
                .form(&[("slug", slug.as_str()), ("stars", &(i % 5 + 1).to_string())])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses
}
