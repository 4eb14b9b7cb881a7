//! The editorial desk against the real application, on SQLite and PostgreSQL: saving
//! keeps revisions, a stale form never overwrites, diff and restore, notes, who may
//! see and edit what, rejected articles return to draft when fixed, pictures only from
//! the media library, the admin pages' 401/403, the audit log, pasting and the block
//! editor's JSON save with its topics and tag suggestions.

mod common;

use common::{TestServer, backends, page_text, save_doc};
use leptos::server_fn::ServerFn;
use toasoan_app::features::editorial::desk_list::GetDeskList;
use toasoan_app::features::editorial::detail::GetDeskArticle;
use toasoan_app::features::editorial::form::{GetArticleForm, SaveArticle};
use toasoan_app::features::editorial::lock::{HoldLock, ReleaseLock};
use toasoan_app::features::editorial::notes::AddNote;
use toasoan_app::features::editorial::paste::{ConvertPaste, MAX_PASTE_MB};
use toasoan_app::features::editorial::revisions::{GetRevisionDiff, RestoreRevision};
use toasoan_app::features::workflow::api::TransitionArticle;

const PASSWORD: &str = "ban-bien-tap-2026";

async fn category(s: &TestServer, slug: &str) -> i64 {
    sqlx::Row::get(
        &sqlx::query(
            "INSERT INTO categories (slug, name, created_at) VALUES ($1, $1, 0) RETURNING id",
        )
        .bind(slug)
        .fetch_one(&s.pool)
        .await
        .unwrap(),
        0,
    )
}

#[allow(clippy::too_many_arguments)]
async fn save(
    s: &TestServer,
    id: i64,
    base: i64,
    title: &str,
    category: i64,
    tags: &str,
    body: &str,
) -> (u16, String) {
    save_with(s, id, base, title, category, tags, body, &[]).await
}

/// Sends the editing form; `checked` are the ticked checkboxes (`("allow_comments",
/// "on")`, …), which a browser sends only when ticked.
#[allow(clippy::too_many_arguments)]
async fn save_with(
    s: &TestServer,
    id: i64,
    base: i64,
    title: &str,
    category: i64,
    tags: &str,
    body: &str,
    checked: &[(&str, &str)],
) -> (u16, String) {
    let (id, base, category) = (id.to_string(), base.to_string(), category.to_string());
    let mut fields = vec![
        ("base_revision", base.as_str()),
        ("title", title),
        ("sapo", "Sapo của bài."),
        ("category_id", &category),
        ("tags", tags),
        ("body", body),
        ("byline", "Phóng viên"),
        ("source", ""),
        ("expire_at", ""),
    ];
    if id != "0" {
        fields.push(("id", id.as_str()));
    }
    fields.extend_from_slice(checked);
    let res = s
        .call_named(SaveArticle::PATH, &as_article_input(&fields))
        .await;
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The editing form's fields as the form names them: `article[title]`, …
fn as_article_input<'a>(fields: &[(&str, &'a str)]) -> Vec<(String, &'a str)> {
    fields
        .iter()
        .map(|(name, value)| (format!("article[{name}]"), *value))
        .collect()
}

/// One text column of an article.
async fn column(s: &TestServer, name: &str, id: i64) -> String {
    sqlx::Row::get(
        &sqlx::query(&format!("SELECT {name} FROM articles WHERE id = $1"))
            .bind(id)
            .fetch_one(&s.pool)
            .await
            .unwrap(),
        0,
    )
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saving_keeps_revisions_refuses_stale_forms_and_restores() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let cat = category(&s, "thoi-su").await;
        s.sign_in_as("ctv", "contributor", PASSWORD).await;

        // a new draft
        let (status, body) = save(
            &s,
            0,
            0,
            "Hội nghị Tỉnh ủy lần thứ 10",
            cat,
            "Đại hội, chuyển đổi số",
            "Sáng nay Tỉnh ủy họp.\n\n## Kết luận\n\nHội nghị thành công.",
        )
        .await;
        assert_eq!(status, 200, "{backend:?} {body}");
        let id: i64 = body.trim().parse().unwrap();
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM article_revisions WHERE article_id = {id}"
            ))
            .await,
            1
        );
        let slug: String = column(&s, "slug", id).await;
        assert_eq!(slug, "hoi-nghi-tinh-uy-lan-thu-10");
        // a draft is not public
        assert_eq!(s.get(&format!("/bai-viet/{slug}")).await.0, 404);

        // the form comes back with Markdown of the stored document
        let (status, form) = s
            .query(GetArticleForm::PATH, &[("id", &id.to_string())])
            .await;
        assert_eq!(status, 200, "{form}");
        let form = json(&form);
        assert_eq!(form["base_revision"], 1);
        assert!(
            form["body"].as_str().unwrap().contains("## Kết luận"),
            "{form}"
        );
        assert_eq!(form["tags"], "chuyển đổi số, Đại hội");

        // an edit from revision 1
        let (status, body) = save(
            &s,
            id,
            1,
            "Hội nghị Tỉnh ủy lần thứ 10",
            cat,
            "Đại hội",
            "Sáng 24/2 Tỉnh ủy đã họp.\n\n## Kết luận\n\nHội nghị thành công.\n\nThêm một đoạn.",
        )
        .await;
        assert_eq!(status, 200, "{body}");
        // a second form still on revision 1 does not overwrite revision 2
        let (status, body) = save(&s, id, 1, "Bản cũ", cat, "", "Ghi đè").await;
        assert_eq!(status, 409, "{backend:?} {body}");
        assert!(body.contains("người khác lưu"), "{body}");
        let text: String = column(&s, "body_text", id).await;
        assert!(text.contains("Thêm một đoạn."), "nothing lost: {text}");

        // the diff between 1 and 2, on the document model
        let (status, diff) = s
            .query(
                GetRevisionDiff::PATH,
                &[("article_id", &id.to_string()), ("from", "1"), ("to", "2")],
            )
            .await;
        assert_eq!(status, 200, "{diff}");
        let diff = json(&diff);
        let blocks = diff["body"].as_array().unwrap();
        let changed = &blocks[0]["Changed"];
        assert_eq!(changed["kind"], "Đoạn văn");
        let pieces = changed["pieces"].to_string();
        assert!(pieces.contains(r#"{"Deleted":"nay"}"#), "{pieces}");
        assert!(pieces.contains(r#"{"Inserted":"24/2"}"#), "{pieces}");
        assert!(
            blocks
                .iter()
                .any(|b| b["Added"]["text"] == "Thêm một đoạn."),
            "{blocks:?}"
        );
        let fields = diff["fields"].to_string();
        assert!(fields.contains("Thẻ"), "{fields}");

        // restore 1: itself a new revision, with revision 1's text
        let res = s
            .call(
                RestoreRevision::PATH,
                &[("article_id", &id.to_string()), ("number", "1")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(
            s.scalar(&format!(
                "SELECT MAX(number) FROM article_revisions WHERE article_id = {id}"
            ))
            .await,
            3
        );
        let text: String = column(&s, "body_text", id).await;
        assert!(text.starts_with("Sáng nay Tỉnh ủy họp."), "{text}");
        let (_, page) = s
            .query(GetDeskArticle::PATH, &[("id", &id.to_string())])
            .await;
        assert!(page.contains("Khôi phục phiên bản 1"), "{page}");

        // bad input: no title, a picture not in the library, an unknown category
        let (status, body) = save(&s, id, 3, "  ", cat, "", "x").await;
        assert_eq!(status, 400, "{body}");
        assert!(body.contains("tiêu đề"), "{body}");
        let (status, body) =
            save(&s, id, 3, "Có ảnh", cat, "", "![Ảnh](/media/khong-co.png)").await;
        assert_eq!(status, 400, "{body}");
        assert!(body.contains("không có trong thư viện"), "{body}");
        let (status, _) = save(&s, id, 3, "Sai chuyên mục", 999_999, "", "x").await;
        assert_eq!(status, 400);
        let (status, body) =
            save(&s, id, 3, "Liên kết", cat, "", "[bấm](javascript:alert(1))").await;
        assert_eq!(status, 200, "{body}");
        let json_body: String = column(&s, "body_json", id).await;
        assert!(!json_body.contains("javascript"), "{json_body}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_comment_and_rating_switches_follow_the_form_checkboxes() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let cat = category(&s, "y-kien").await;
        s.sign_in_as("btv", "editor", PASSWORD).await;
        let switches = |id: i64| {
            format!("SELECT allow_comments * 10 + allow_ratings FROM articles WHERE id = {id}")
        };

        // comments ticked, ratings not
        let (status, body) = save_with(
            &s,
            0,
            0,
            "Lấy ý kiến nhân dân về dự thảo",
            cat,
            "",
            "Mời bạn đọc góp ý.",
            &[("allow_comments", "on")],
        )
        .await;
        assert_eq!(status, 200, "{backend:?} {body}");
        let id: i64 = body.trim().parse().unwrap();
        assert_eq!(s.scalar(&switches(id)).await, 10, "{backend:?}");
        let (_, form) = s
            .query(GetArticleForm::PATH, &[("id", &id.to_string())])
            .await;
        let form = json(&form);
        assert_eq!(form["allow_comments"], true, "{form}");
        assert_eq!(form["allow_ratings"], false, "{form}");

        // both ticked, then neither: each save says what the boxes say
        let (status, body) = save_with(
            &s,
            id,
            1,
            "Lấy ý kiến nhân dân về dự thảo",
            cat,
            "",
            "Mời bạn đọc góp ý.",
            &[("allow_comments", "on"), ("allow_ratings", "on")],
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(s.scalar(&switches(id)).await, 11);
        let (status, body) = save(
            &s,
            id,
            2,
            "Lấy ý kiến nhân dân về dự thảo",
            cat,
            "",
            "Mời bạn đọc góp ý.",
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(s.scalar(&switches(id)).await, 0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_edit_of_an_imported_article_keeps_what_was_there() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.seed_demo().await;
        s.sign_in_as("tbt", "editor_in_chief", PASSWORD).await;
        let id = s
            .scalar("SELECT MIN(id) FROM articles WHERE status = 'published'")
            .await;
        // imports keep a revision now (tests/import.rs); an article imported before
        // they did has none, and its first edit must keep what was there
        let (_, form) = s
            .query(GetArticleForm::PATH, &[("id", &id.to_string())])
            .await;
        assert_eq!(
            json(&form)["base_revision"],
            1,
            "{backend:?} the demo's revision"
        );
        sqlx::query("DELETE FROM article_revisions WHERE article_id = $1")
            .bind(id)
            .execute(&s.pool)
            .await
            .unwrap();
        let (_, form) = s
            .query(GetArticleForm::PATH, &[("id", &id.to_string())])
            .await;
        let form = json(&form);
        assert_eq!(form["base_revision"], 0);
        let before: String = column(&s, "body_json", id).await;
        // saved back unchanged: the Markdown round trip loses nothing
        let res = s
            .call_named(
                SaveArticle::PATH,
                &as_article_input(&[
                    ("id", &id.to_string()),
                    ("base_revision", "0"),
                    ("title", form["title"].as_str().unwrap()),
                    ("sapo", form["sapo"].as_str().unwrap()),
                    ("category_id", &form["category_id"].to_string()),
                    ("tags", form["tags"].as_str().unwrap()),
                    ("body", form["body"].as_str().unwrap()),
                    ("byline", form["byline"].as_str().unwrap()),
                    ("source", form["source"].as_str().unwrap()),
                    ("expire_at", ""),
                    ("featured", "on"),
                ]),
            )
            .await;
        assert_eq!(res.status().as_u16(), 200, "{backend:?}");
        let after: String = column(&s, "body_json", id).await;
        assert_eq!(after, before, "{backend:?}");
        let summaries: Vec<String> = sqlx::query(
            "SELECT summary FROM article_revisions WHERE article_id = $1 ORDER BY number",
        )
        .bind(id)
        .fetch_all(&s.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| sqlx::Row::get(r, 0))
        .collect();
        assert_eq!(
            summaries,
            vec!["Nội dung có sẵn trước lần sửa đầu tiên", "Sửa bài"]
        );
        // the published article keeps its address and stays public
        let slug: String = column(&s, "slug", id).await;
        assert_eq!(s.get(&format!("/bai-viet/{slug}")).await.0, 200);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn who_may_see_and_edit_what_and_rejected_drafts_come_back() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let cat = category(&s, "xay-dung-dang").await;
        s.sign_in_as("ctv-khac", "contributor", PASSWORD).await;
        let (_, other) = save(&s, 0, 0, "Bài của người khác", cat, "", "Nội dung.").await;
        let other: i64 = other.trim().parse().unwrap();

        s.sign_in_as("ctv", "contributor", PASSWORD).await;
        let (_, mine) = save(&s, 0, 0, "Bài của tôi", cat, "", "Bản đầu.").await;
        let mine: i64 = mine.trim().parse().unwrap();
        // someone else's article: not seen, not edited, no notes
        let (status, _) = s
            .query(GetDeskArticle::PATH, &[("id", &other.to_string())])
            .await;
        assert_eq!(status, 403, "{backend:?}");
        let (status, _) = save(&s, other, 1, "Sửa trộm", cat, "", "x").await;
        assert_eq!(status, 403);
        let res = s
            .call(
                AddNote::PATH,
                &[("article_id", &other.to_string()), ("body", "x")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 403);
        // the list shows only their own
        let (_, list) = s
            .query(
                GetDeskList::PATH,
                &[
                    ("status", ""),
                    ("category", ""),
                    ("author", ""),
                    ("q", ""),
                    ("page", "1"),
                ],
            )
            .await;
        assert!(
            list.contains("Bài của tôi") && !list.contains("Bài của người khác"),
            "{list}"
        );

        // submit; now out of the contributor's hands
        let submit = |id: i64, action: &'static str, reason: &'static str| {
            let s = &s;
            async move {
                s.call(
                    TransitionArticle::PATH,
                    &[
                        ("article_id", &id.to_string()),
                        ("action", action),
                        ("reason", reason),
                        ("publish_at", ""),
                    ],
                )
                .await
                .status()
                .as_u16()
            }
        };
        assert_eq!(submit(mine, "submit", "").await, 200);
        let (status, _) = save(&s, mine, 1, "Sửa sau khi gửi", cat, "", "x").await;
        assert_eq!(status, 403);

        // the editor-in-chief rejects with a reason and leaves a note
        s.sign_in_as("tbt", "editor_in_chief", PASSWORD).await;
        assert_eq!(
            submit(mine, "reject", "").await,
            400,
            "a reason is required"
        );
        assert_eq!(submit(mine, "reject", "Thiếu nguồn tin").await, 200);
        let res = s
            .call(
                AddNote::PATH,
                &[
                    ("article_id", &mine.to_string()),
                    ("body", "Bổ sung nguồn, <b>gấp</b>."),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        let res = s
            .call(
                AddNote::PATH,
                &[("article_id", &mine.to_string()), ("body", "   ")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 400);
        // the list filters by status, author and (folded) title words
        let ctv = s
            .scalar("SELECT id FROM users WHERE username = 'ctv'")
            .await;
        let (_, list) = s
            .query(
                GetDeskList::PATH,
                &[
                    ("status", "rejected"),
                    ("category", &cat.to_string()),
                    ("author", &ctv.to_string()),
                    ("q", "bai cua toi"),
                    ("page", "1"),
                ],
            )
            .await;
        let list = json(&list);
        assert_eq!(list["rows"]["total"], 1, "{list}");

        // the contributor sees why, fixes it: back to draft, submitted again
        s.sign_in_as("ctv", "contributor", PASSWORD).await;
        let (_, page) = s
            .query(GetDeskArticle::PATH, &[("id", &mine.to_string())])
            .await;
        let page = json(&page);
        assert_eq!(page["rejection"], "Thiếu nguồn tin");
        assert_eq!(page["notes"][0]["body"], "Bổ sung nguồn, <b>gấp</b>.");
        assert_eq!(page["can_edit"], true);
        let (status, body) = save(
            &s,
            mine,
            1,
            "Bài của tôi",
            cat,
            "",
            "Bản đầu. Nguồn: TTXVN.",
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let st: String = column(&s, "status", mine).await;
        assert_eq!(st, "draft");
        assert_eq!(submit(mine, "submit", "").await, 200);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_pages_refuse_readers_and_strangers() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        // signed out: 401 with a way to sign in that comes back here
        let (status, html) = s.get("/quan-tri/bai-viet").await;
        assert_eq!(status, 401, "{backend:?}");
        assert!(
            html.contains("/dang-nhap?tiep=/quan-tri/bai-viet"),
            "{html}"
        );
        // a member: 403 and nothing of the admin frame
        s.sign_in_as("docgia", "member", PASSWORD).await;
        for path in [
            "/quan-tri",
            "/quan-tri/bai-viet",
            "/quan-tri/nguoi-dung",
            "/quan-tri/nhat-ky",
        ] {
            let (status, html) = s.get(path).await;
            assert_eq!(status, 403, "{path}");
            assert!(!html.contains("admin-nav"), "{path}");
            assert!(
                page_text(&html).contains("Bạn không có quyền"),
                "{path}: {}",
                page_text(&html)
            );
        }
        // a moderator enters the admin area but not the article desk
        s.sign_in_as("kiemduyet", "moderator", PASSWORD).await;
        assert_eq!(s.get("/quan-tri").await.0, 200);
        assert_eq!(s.get("/quan-tri/bai-viet").await.0, 403);
        // an editor has the desk, not users, categories or the audit log
        s.sign_in_as("bientap", "editor", PASSWORD).await;
        let (status, html) = s.get("/quan-tri").await;
        assert_eq!(status, 200);
        assert!(page_text(&html).contains("Bản nháp của tôi"));
        assert_eq!(s.get("/quan-tri/bai-viet/moi").await.0, 200);
        assert_eq!(s.get("/quan-tri/nguoi-dung").await.0, 403);
        assert_eq!(s.get("/quan-tri/chuyen-muc").await.0, 403);
        assert_eq!(s.get("/quan-tri/nhat-ky").await.0, 403);
        assert_eq!(s.get("/quan-tri/bai-viet/999999").await.0, 404);
        // the editor-in-chief reads the audit log, with the workflow in it
        s.seed_demo().await;
        s.sign_in_as("tbt", "editor_in_chief", PASSWORD).await;
        let id = s
            .scalar("SELECT MIN(id) FROM articles WHERE status = 'published'")
            .await;
        let res = s
            .call(
                TransitionArticle::PATH,
                &[
                    ("article_id", &id.to_string()),
                    ("action", "unpublish"),
                    ("reason", "Đính chính số liệu"),
                    ("publish_at", ""),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        let (status, html) = s.get("/quan-tri/nhat-ky").await;
        assert_eq!(status, 200);
        let text = page_text(&html);
        assert!(text.contains("Đã đăng → Đã gỡ"), "{text}");
        assert!(text.contains("Đính chính số liệu"), "{text}");
        let (status, html) = s.get(&format!("/quan-tri/bai-viet/{id}")).await;
        assert_eq!(status, 200);
        let text = page_text(&html);
        assert!(
            text.contains("Trả về bản nháp") && text.contains("Xuất bản"),
            "{text}"
        );
    }
}

/// Sends a paste to the server's converter as `s`'s client: (status, body).
async fn paste(s: &TestServer, html: &str, text: &str) -> (u16, serde_json::Value) {
    let res = s
        .client
        .post(s.url(ConvertPaste::PATH))
        .header("Origin", &s.base)
        .header("Content-Type", "application/json")
        .body(serde_json::json!({ "html": html, "text": text }).to_string())
        .send()
        .await
        .unwrap();
    common::status_and_json(res).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paste_becomes_blocks_for_staff_who_write() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let word = "<p class=MsoNormal><b>Nghị quyết</b> số 12<o:p></o:p></p><script>alert(1)</script><img src=x>";
        let (status, _) = paste(&s, word, "").await;
        assert_eq!(status, 401, "{backend:?}: signed out");
        s.sign_in_as("doc-gia", "member", PASSWORD).await;
        let (status, _) = paste(&s, word, "").await;
        assert_eq!(status, 403, "{backend:?}: a member does not write");
        s.sign_in_as("ctv-dan", "contributor", PASSWORD).await;
        let (status, body) = paste(&s, word, "").await;
        assert_eq!(status, 200, "{backend:?} {body}");
        assert_eq!(body["pictures"], 1);
        assert_eq!(body["other"], 1);
        let runs = &body["doc"]["blocks"][0]["text"];
        assert_eq!(runs[0]["text"], "Nghị quyết");
        assert_eq!(runs[0]["bold"], true);
        assert_eq!(runs[1]["text"], " số 12");
        assert!(!body.to_string().contains("alert"), "{body}");
        // no HTML: the plain text, a paragraph per line
        let (status, body) = paste(&s, "", "Dòng một\nDòng hai").await;
        assert_eq!(status, 200);
        assert_eq!(body["doc"]["blocks"].as_array().map(Vec::len), Some(2));
        // too much at once: refused, saying how much may come
        let big = "<p>ô</p>".repeat(MAX_PASTE_MB * 1024 * 1024 / 8 + 1);
        let (status, body) = paste(&s, &big, "").await;
        assert_eq!(status, 400, "{backend:?}");
        assert!(
            body.to_string().contains(&format!("{MAX_PASTE_MB} MB")),
            "{body}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_block_editor_saves_documents_composed_once_per_change_never_over_a_newer_one() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let cat = category(&s, "so-hoa").await;
        let draft = |id: Option<i64>, base: i64, heading: &str| {
            serde_json::json!({
                "id": id, "base_revision": base, "title": "Chuyển đổi số", "category_id": cat,
                "allow_comments": true, "allow_ratings": true,
                "doc": { "blocks": [
                    { "type": "heading", "level": 2, "text": [{ "text": heading }] },
                    // "tiếng Việt" as an IME may hand it over: marks as characters of their own
                    { "type": "paragraph", "text": [{ "text": "tie\u{302}\u{301}ng Vie\u{323}\u{302}t", "bold": true }] },
                    { "type": "paragraph", "text": [] }
                ] }
            })
        };
        let (status, _) = save_doc(&s, draft(None, 0, "Mở đầu")).await;
        assert_eq!(status, 401, "{backend:?}: signed out");
        s.sign_in_as("bt-khoi", "editor", PASSWORD).await;
        let (status, saved) = save_doc(&s, draft(None, 0, "Mở đầu")).await;
        assert_eq!(status, 200, "{backend:?} {saved}");
        let id = saved["id"].as_i64().unwrap();
        assert_eq!(saved["changed"], true);
        let body = column(&s, "body_json", id).await;
        assert!(
            body.contains("tiếng Việt"),
            "{backend:?}: stored composed: {body}"
        );
        assert_eq!(
            body.matches("\"type\":\"paragraph\"").count(),
            1,
            "the empty paragraph dropped: {body}"
        );
        let first = saved["revision"].as_i64().unwrap();
        let revisions =
            || format!("SELECT COUNT(*) FROM article_revisions WHERE article_id = {id}");
        let kept = s.scalar(&revisions()).await;
        // an autosave of what is stored keeps no revision
        let (status, again) = save_doc(&s, draft(Some(id), first, "Mở đầu")).await;
        assert_eq!(
            (status, &again["changed"]),
            (200, &serde_json::json!(false)),
            "{backend:?} {again}"
        );
        assert_eq!(again["revision"].as_i64(), Some(first));
        assert_eq!(s.scalar(&revisions()).await, kept);
        // a change keeps one; a save from the revision before it is refused
        let (status, next) = save_doc(&s, draft(Some(id), first, "Nhiệm vụ")).await;
        assert_eq!(status, 200, "{backend:?} {next}");
        assert_eq!(next["revision"].as_i64(), Some(first + 1));
        let (status, stale) = save_doc(&s, draft(Some(id), first, "Của người khác")).await;
        assert_eq!(status, 409, "{backend:?} {stale}");
        assert!(
            column(&s, "body_json", id).await.contains("Nhiệm vụ"),
            "nothing overwritten"
        );
        // what search engines show, kept with the revision; too long is refused
        let mut seo = draft(Some(id), first + 1, "Nhiệm vụ");
        seo["seo_title"] = serde_json::json!("Chuyển đổi số  ở cơ sở");
        seo["seo_description"] = serde_json::json!("Tỉnh bàn nhiệm vụ năm tới.");
        let (status, body) = save_doc(&s, seo.clone()).await;
        assert_eq!(status, 200, "{backend:?} {body}");
        assert_eq!(column(&s, "seo_title", id).await, "Chuyển đổi số ở cơ sở");
        let kept: String = sqlx::Row::get(
            &sqlx::query("SELECT seo_description FROM article_revisions WHERE article_id = $1 ORDER BY number DESC LIMIT 1")
                .bind(id)
                .fetch_one(&s.pool)
                .await
                .unwrap(),
            0,
        );
        assert_eq!(kept, "Tỉnh bàn nhiệm vụ năm tới.");
        seo["base_revision"] = serde_json::json!(first + 2);
        seo["seo_description"] = serde_json::json!("dài ".repeat(100));
        let (status, _) = save_doc(&s, seo).await;
        assert_eq!(status, 400, "{backend:?}");
        let first = first + 1;
        // a picture that is not in the library, a script address: refused, nothing lost
        let mut bad = draft(Some(id), first + 1, "Nhiệm vụ");
        bad["doc"]["blocks"][2] = serde_json::json!({ "type": "image", "media_id": 999_999,
            "src": "/media/khong-co.png", "width": 10, "height": 10, "alt": "Ảnh" });
        let (status, _) = save_doc(&s, bad.clone()).await;
        assert_eq!(status, 400, "{backend:?}");
        bad["doc"]["blocks"][2] = serde_json::json!({ "type": "paragraph",
            "text": [{ "text": "bấm", "link": "javascript:alert(1)" }] });
        let (status, _) = save_doc(&s, bad).await;
        assert_eq!(status, 400, "{backend:?}");
        assert!(column(&s, "body_json", id).await.contains("Nhiệm vụ"));
        // a contributor may not save over another's article
        s.sign_in_as("ctv-khoi", "contributor", PASSWORD).await;
        let (status, _) = save_doc(&s, draft(Some(id), first + 1, "Của cộng tác viên")).await;
        assert_eq!(status, 403, "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editor_puts_an_article_in_topics_and_suggests_the_tags_in_use() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let cat = category(&s, "so-hoa").await;
        for (slug, name, order) in [
            ("chuyen-doi-so", "Chuyển đổi số", 1),
            ("nong-thon-moi", "Nông thôn mới", 2),
        ] {
            sqlx::query(
                "INSERT INTO topics (slug, name, sort_order, created_at) VALUES ($1, $2, $3, 0)",
            )
            .bind(slug)
            .bind(name)
            .bind(order)
            .execute(&s.pool)
            .await
            .unwrap();
        }
        let topic = |slug: &str| format!("SELECT id FROM topics WHERE slug = '{slug}'");
        let (digital, rural) = (
            s.scalar(&topic("chuyen-doi-so")).await,
            s.scalar(&topic("nong-thon-moi")).await,
        );
        s.sign_in_as("bt-chu-de", "editor", PASSWORD).await;
        let draft = |id: Option<i64>, base: i64, topics: Vec<i64>, tags: &str| {
            serde_json::json!({
                "id": id, "base_revision": base, "title": "Số hóa ở xã", "category_id": cat,
                "tags": tags, "topic_ids": topics, "allow_comments": true, "allow_ratings": true,
                "doc": { "blocks": [{ "type": "paragraph", "text": [{ "text": "Xã làm số hóa." }] }] }
            })
        };
        // put in both topics (sent twice, out of order: stored once each)
        let (status, saved) = save_doc(
            &s,
            draft(
                None,
                0,
                vec![rural, digital, rural],
                "Xây dựng Đảng, Dân vận",
            ),
        )
        .await;
        assert_eq!(status, 200, "{backend:?} {saved}");
        let id = saved["id"].as_i64().unwrap();
        let rev = saved["revision"].as_i64().unwrap();
        let in_topics = format!("SELECT COUNT(*) FROM article_topics WHERE article_id = {id}");
        assert_eq!(s.scalar(&in_topics).await, 2, "{backend:?}");
        // the form shows them, and the tags in use to suggest
        let (status, form) = s
            .query(GetArticleForm::PATH, &[("id", &id.to_string())])
            .await;
        assert_eq!(status, 200, "{backend:?} {form}");
        let form = json(&form);
        let mut want = vec![digital, rural];
        want.sort_unstable();
        assert_eq!(
            form["topic_ids"],
            serde_json::json!(want),
            "{backend:?} {form}"
        );
        let offered: Vec<&str> = form["topics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["label"].as_str().unwrap())
            .collect();
        assert_eq!(
            offered,
            ["Chuyển đổi số", "Nông thôn mới"],
            "in the topics' order"
        );
        let known = form["known_tags"].as_array().unwrap();
        assert!(
            known.contains(&serde_json::json!("Xây dựng Đảng"))
                && known.contains(&serde_json::json!("Dân vận")),
            "{known:?}"
        );
        // the same topics again: nothing changed, no revision
        let (status, same) = save_doc(
            &s,
            draft(
                Some(id),
                rev,
                vec![rural, digital],
                "Xây dựng Đảng, Dân vận",
            ),
        )
        .await;
        assert_eq!(
            (status, &same["changed"]),
            (200, &serde_json::json!(false)),
            "{backend:?} {same}"
        );
        // one topic taken out: a change
        let (status, less) = save_doc(
            &s,
            draft(Some(id), rev, vec![digital], "Xây dựng Đảng, Dân vận"),
        )
        .await;
        assert_eq!(
            (status, &less["changed"]),
            (200, &serde_json::json!(true)),
            "{backend:?} {less}"
        );
        assert_eq!(s.scalar(&in_topics).await, 1);
        // a topic that does not exist: refused, in words, nothing lost
        let rev = less["revision"].as_i64().unwrap();
        let (status, bad) = save_doc(&s, draft(Some(id), rev, vec![digital, 999_999], "")).await;
        assert_eq!(status, 400, "{backend:?} {bad}");
        assert!(bad.to_string().contains("Chuyên đề"), "{bad}");
        assert_eq!(s.scalar(&in_topics).await, 1);
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM article_tags WHERE article_id = {id}"
            ))
            .await,
            2
        );
    }
}

/// The cover: the body's first picture, or one the editor chose, kept whatever the
/// body's pictures become, and back to the first picture on request.
#[tokio::test]
async fn a_chosen_cover_stays_until_the_editor_goes_back_to_the_first_picture() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let cat = category(&s, "anh-bia").await;
        s.sign_in_as("bt-anh-bia", "editor", PASSWORD).await;
        let (status, up) = common::post_files(
            &s,
            &s.client,
            &[
                ("Hội nghị.png", common::png(640, 360)),
                ("Toàn cảnh.png", common::png(800, 450)),
            ],
        )
        .await;
        assert_eq!(status, 200, "{backend:?} {up}");
        let pic = |i: usize| {
            (
                up[i]["id"].as_i64().unwrap(),
                up[i]["src"].as_str().unwrap().to_string(),
            )
        };
        let ((first, first_src), (other, _)) = (pic(0), pic(1));
        let draft = |id: Option<i64>, base: i64, cover: Option<i64>| {
            serde_json::json!({
                "id": id, "base_revision": base, "title": "Hội nghị tổng kết", "category_id": cat,
                "cover_id": cover, "allow_comments": true, "allow_ratings": true,
                "doc": { "blocks": [
                    { "type": "paragraph", "text": [{ "text": "Sáng nay, hội nghị khai mạc." }] },
                    { "type": "image", "media_id": first, "src": first_src, "width": 640,
                      "height": 360, "alt": "Quang cảnh hội nghị" }
                ] }
            })
        };
        let cover = |id: i64| format!("SELECT cover_media_id FROM articles WHERE id = {id}");
        // none chosen: the body's first picture
        let (status, saved) = save_doc(&s, draft(None, 0, None)).await;
        assert_eq!(status, 200, "{backend:?} {saved}");
        let id = saved["id"].as_i64().unwrap();
        let rev = saved["revision"].as_i64().unwrap();
        assert_eq!(s.scalar(&cover(id)).await, first, "{backend:?}");
        // another chosen: the cover, and the form says so
        let (status, chosen) = save_doc(&s, draft(Some(id), rev, Some(other))).await;
        assert_eq!(
            (status, &chosen["changed"]),
            (200, &serde_json::json!(true)),
            "{chosen}"
        );
        assert_eq!(s.scalar(&cover(id)).await, other, "{backend:?}");
        let rev = chosen["revision"].as_i64().unwrap();
        let (_, form) = s
            .query(GetArticleForm::PATH, &[("id", &id.to_string())])
            .await;
        assert_eq!(json(&form)["cover_id"], serde_json::json!(other), "{form}");
        // the same again: nothing to store
        let (_, same) = save_doc(&s, draft(Some(id), rev, Some(other))).await;
        assert_eq!(
            same["changed"],
            serde_json::json!(false),
            "{backend:?} {same}"
        );
        // a Markdown save (the import format) leaves the chosen cover as it is
        let (status, _) = save(
            &s,
            id,
            rev,
            "Hội nghị tổng kết",
            cat,
            "",
            &format!("![Quang cảnh]({first_src})"),
        )
        .await;
        assert!(status < 400, "{backend:?}: {status}");
        assert_eq!(
            s.scalar(&cover(id)).await,
            other,
            "{backend:?}: kept over the body's picture"
        );
        let rev = s
            .scalar(&format!(
                "SELECT MAX(number) FROM article_revisions WHERE article_id = {id}"
            ))
            .await;
        // a picture not in the library: refused in words, the cover kept
        let (status, bad) = save_doc(&s, draft(Some(id), rev, Some(999_999))).await;
        assert_eq!(status, 400, "{backend:?} {bad}");
        assert!(bad.to_string().contains("Ảnh đại diện"), "{bad}");
        assert_eq!(s.scalar(&cover(id)).await, other);
        // back to the first picture
        let (status, back) = save_doc(&s, draft(Some(id), rev, None)).await;
        assert_eq!(
            (status, &back["changed"]),
            (200, &serde_json::json!(true)),
            "{back}"
        );
        assert_eq!(s.scalar(&cover(id)).await, first, "{backend:?}");
        let (_, form) = s
            .query(GetArticleForm::PATH, &[("id", &id.to_string())])
            .await;
        assert_eq!(json(&form)["cover_id"], serde_json::Value::Null, "{form}");
    }
}

/// The publication time a writer asks for: kept with the article (not a publication
/// date), shown on its desk page, where the schedule form starts from it.
#[tokio::test]
async fn the_requested_publication_time_is_kept_and_starts_the_schedule_form() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let cat = category(&s, "gio-dang").await;
        s.sign_in_as("bt-gio-dang", "editor", PASSWORD).await;
        let draft = |id: Option<i64>, base: i64, at: &str| {
            serde_json::json!({
                "id": id, "base_revision": base, "title": "Kỷ niệm ngày thành lập", "category_id": cat,
                "publish_at": at, "allow_comments": true, "allow_ratings": true,
                "doc": { "blocks": [{ "type": "paragraph", "text": [{ "text": "Sáng mai, lễ kỷ niệm." }] }] }
            })
        };
        let (status, saved) = save_doc(&s, draft(None, 0, "2031-02-03T07:30")).await;
        assert_eq!(status, 200, "{backend:?} {saved}");
        let id = saved["id"].as_i64().unwrap();
        let rev = saved["revision"].as_i64().unwrap();
        let asked = format!("SELECT requested_publish_at FROM articles WHERE id = {id}");
        // 07:30 in Vietnam (UTC+7) is 00:30 UTC
        assert_eq!(s.scalar(&asked).await, 1_927_845_000, "{backend:?}");
        let published =
            format!("SELECT COUNT(*) FROM articles WHERE id = {id} AND publish_at IS NULL");
        assert_eq!(s.scalar(&published).await, 1, "not a publication date");
        let (_, form) = s
            .query(GetArticleForm::PATH, &[("id", &id.to_string())])
            .await;
        assert_eq!(json(&form)["publish_at"], "2031-02-03T07:30", "{form}");
        let (_, same) = save_doc(&s, draft(Some(id), rev, "2031-02-03T07:30")).await;
        assert_eq!(
            same["changed"],
            serde_json::json!(false),
            "{backend:?} {same}"
        );
        let (_, desk) = s
            .query(GetDeskArticle::PATH, &[("id", &id.to_string())])
            .await;
        let desk = json(&desk);
        assert_eq!(desk["requested_input"], "2031-02-03T07:30", "{desk}");
        assert_eq!(
            desk["requested_publish"], "Thứ hai - 03/02/2031 07:30",
            "{desk}"
        );
        // not a time: refused in words, the one asked before kept
        let (status, bad) = save_doc(&s, draft(Some(id), rev, "sáng mai")).await;
        assert_eq!(status, 400, "{backend:?} {bad}");
        assert!(bad.to_string().contains("Thời điểm đăng"), "{bad}");
        assert_eq!(s.scalar(&asked).await, 1_927_845_000);
        // emptied: none asked
        let (status, none) = save_doc(&s, draft(Some(id), rev, "")).await;
        assert_eq!(
            (status, &none["changed"]),
            (200, &serde_json::json!(true)),
            "{none}"
        );
        let left = format!(
            "SELECT COUNT(*) FROM articles WHERE id = {id} AND requested_publish_at IS NULL"
        );
        assert_eq!(s.scalar(&left).await, 1, "{backend:?}");
    }
}

/// Takes or beats a lock as `s`'s client: (status, body).
async fn hold(s: &TestServer, id: i64, take_over: bool) -> (u16, serde_json::Value) {
    let id = id.to_string();
    let take = take_over.to_string();
    let res = s
        .call(HoldLock::PATH, &[("article_id", &id), ("take_over", &take)])
        .await;
    common::status_and_json(res).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_editor_holds_an_article_the_chief_takes_it_over_and_saves_follow_the_lock() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let cat = category(&s, "khoa-bai").await;
        let draft = |id: Option<i64>, base: i64, text: &str| {
            serde_json::json!({ "id": id, "base_revision": base, "title": "Khóa bài", "category_id": cat,
                "doc": { "blocks": [{ "type": "paragraph", "text": [{ "text": text }] }] } })
        };
        s.sign_in_as("bt-mot", "editor", PASSWORD).await;
        let (_, saved) = save_doc(&s, draft(None, 0, "Một")).await;
        let id = saved["id"].as_i64().unwrap();
        let base = saved["revision"].as_i64().unwrap();
        let (status, lock) = hold(&s, id, false).await;
        assert_eq!(
            (status, lock.clone()),
            (200, serde_json::json!("Mine")),
            "{backend:?} {lock}"
        );
        // a second editor: told who has it, may not take it, may not save over it
        s.sign_in_as("bt-hai", "editor", PASSWORD).await;
        let (status, lock) = hold(&s, id, true).await;
        assert_eq!(status, 200);
        assert_eq!(lock["Held"]["by"], "bt-mot", "{backend:?} {lock}");
        assert_eq!(lock["Held"]["can_take"], false);
        let (status, body) = save_doc(&s, draft(Some(id), base, "Hai")).await;
        assert_eq!(status, 409, "{backend:?} {body}");
        assert!(body.to_string().contains("bt-mot"), "{body}");
        // a lock left unbeaten for a minute is free at the next beat
        sqlx::query("UPDATE article_locks SET beat_at = beat_at - 61 WHERE article_id = $1")
            .bind(id)
            .execute(&s.pool)
            .await
            .unwrap();
        let (_, lock) = hold(&s, id, false).await;
        assert_eq!(lock, serde_json::json!("Mine"), "{backend:?}");
        // the chief takes it over at once
        s.sign_in_as("tb-khoa", "editor_in_chief", PASSWORD).await;
        let (_, lock) = hold(&s, id, false).await;
        assert_eq!(lock["Held"]["can_take"], true, "{backend:?} {lock}");
        let (_, lock) = hold(&s, id, true).await;
        assert_eq!(lock, serde_json::json!("Mine"), "{backend:?}");
        let (status, _) = save_doc(&s, draft(Some(id), base, "Ba")).await;
        assert_eq!(status, 200, "{backend:?}");
        // let go: the next one to open it has it
        let res = s
            .call(ReleaseLock::PATH, &[("article_id", &id.to_string())])
            .await;
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM article_locks WHERE article_id = {id}"
            ))
            .await,
            0
        );
    }
}
