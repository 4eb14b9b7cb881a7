//! Hỏi – Đáp against the real application, on SQLite and PostgreSQL: the demo's
//! published questions by field and by words without diacritics, a question's page
//! with its schema.org data and never its asker's contact; asking through the guard
//! (honeypot, fill time, limits, duplicates, bad fields), each refusal storing
//! nothing; following by the tracking code, which tells nothing of other questions;
//! the moderators' status machine (assign, reword with the original kept, answer,
//! publish, withdraw, refuse) with its audit events and rights.

mod common;

use common::{CHROME, TestServer, backends, browser, call_as, page_text, relaxed, unescape};
use leptos::server_fn::ServerFn;
use toasoan_app::features::questions::admin_api::SaveQuestion;
use toasoan_app::features::questions::api::{AskQuestion, TrackQuestion};

const CONTACT: &str = "nguoi.hoi.bi.mat@example.vn";

/// The ask form's time token.
async fn ask_token(s: &TestServer) -> String {
    let (status, html) = s.get("/hoi-dap/dat-cau-hoi").await;
    assert_eq!(status, 200);
    let at = html.find("name=\"started\" value=\"").expect("ask form") + 22;
    html[at..].split('"').next().unwrap().to_string()
}

async fn topic_id(s: &TestServer, slug: &str) -> i64 {
    s.scalar(&format!("SELECT id FROM qa_topics WHERE slug = '{slug}'"))
        .await
}

/// Asks as the form does, from `client`; (status, body).
async fn ask(s: &TestServer, client: &reqwest::Client, fields: &[(&str, &str)]) -> (u16, String) {
    let token = ask_token(s).await;
    let topic = topic_id(s, "thu-tuc-hanh-chinh").await.to_string();
    let mut form: Vec<(&str, &str)> = vec![
        ("topic", &topic),
        ("name", "Đỗ Thị Hỏi"),
        ("contact", CONTACT),
        (
            "text",
            "Xin hỏi thủ tục cấp lại giấy khai sinh bản chính ở xã cần những gì?",
        ),
        ("website", ""),
        ("started", &token),
    ];
    for (k, v) in fields {
        form.iter_mut().find(|(name, _)| name == k).unwrap().1 = v;
    }
    call_as(s, client, <AskQuestion as ServerFn>::PATH, &form).await
}

async fn track(s: &TestServer, code: &str) -> serde_json::Value {
    let (status, body) = s
        .query(<TrackQuestion as ServerFn>::PATH, &[("code", code)])
        .await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

async fn save(s: &TestServer, id: i64, fields: &[(&str, &str)]) -> (u16, String) {
    let id = id.to_string();
    let (title, text): (String, String) = {
        let row = sqlx::query("SELECT public_title, public_text FROM questions WHERE id = $1")
            .bind(id.parse::<i64>().unwrap())
            .fetch_one(&s.pool)
            .await
            .unwrap();
        (sqlx::Row::get(&row, 0), sqlx::Row::get(&row, 1))
    };
    let topic = s
        .scalar(&format!("SELECT topic_id FROM questions WHERE id = {id}"))
        .await
        .to_string();
    let mut form: Vec<(&str, &str)> = vec![
        ("id", &id),
        ("topic", &topic),
        ("title", &title),
        ("text", &text),
        ("assignee", ""),
        ("answer", ""),
        ("action", "save"),
    ];
    for (k, v) in fields {
        form.iter_mut().find(|(name, _)| name == k).unwrap().1 = v;
    }
    let res = s.call(<SaveQuestion as ServerFn>::PATH, &form).await;
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn published_questions_are_listed_found_and_shown() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.seed_demo().await;
        let published = s
            .scalar("SELECT COUNT(*) FROM questions WHERE published = 1")
            .await;
        assert!(published >= 5, "the demo publishes questions");
        s.seed_demo().await;
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM questions").await,
            published,
            "a second demo adds nothing"
        );

        let (status, html) = s.get("/hoi-dap").await;
        assert_eq!(status, 200);
        let text = page_text(&html);
        assert!(text.contains("Công tác đảng viên"), "the fields are listed");
        assert!(text.contains("Nguyễn Văn Hùng"), "{text}");
        assert!(
            text.contains("Thủ tục chuyển sinh hoạt đảng chính thức gồm những gì"),
            "a question's title is its question sentence: {text}"
        );

        // by field: only its questions
        let (_, html) = s.get("/hoi-dap?linh-vuc=thu-tuc-hanh-chinh").await;
        let text = page_text(&html);
        assert!(text.contains("Phạm Thị Lan"), "{text}");
        assert!(!text.contains("Nguyễn Văn Hùng"));
        assert_eq!(s.get("/hoi-dap?linh-vuc=khong-co").await.0, 404);

        // by words, without diacritics, in the question or the answer
        for words in ["ho kinh doanh", "HỘ KINH DOANH", "cong dich vu cong"] {
            let (_, html) = s
                .get(&format!("/hoi-dap?q={}", words.replace(' ', "+")))
                .await;
            let text = page_text(&html);
            assert!(text.contains("Phạm Thị Lan"), "{words}: {text}");
            assert!(!text.contains("Nguyễn Văn Hùng"), "{words}");
        }

        // a question's page: wording, answer as the document model, structured data
        let slug: String = sqlx::Row::get(
            &sqlx::query("SELECT slug FROM questions WHERE asker_name = 'Phạm Thị Lan'")
                .fetch_one(&s.pool)
                .await
                .unwrap(),
            0,
        );
        let (status, html) = s.get(&format!("/hoi-dap/{slug}")).await;
        assert_eq!(status, 200);
        let html = unescape(&html);
        assert!(html.contains("\"@type\":\"QAPage\""), "schema.org QAPage");
        assert!(html.contains("\"acceptedAnswer\""));
        assert!(html.contains("<li>"), "the answer's list is a list");
        assert!(page_text(&html).contains("Phạm Thị Lan"));
        assert_eq!(s.get("/hoi-dap/khong-co-cau-nay-1").await.0, 404);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn asking_goes_through_the_guard_and_stores_nothing_refused() {
    for backend in backends() {
        let mut rules = relaxed();
        rules.comments_per_visitor = 3;
        let s = TestServer::start_with(backend, rules).await;
        s.seed_demo().await;
        let before = s.scalar("SELECT COUNT(*) FROM questions").await;
        let reader = browser(CHROME);
        let refusals: [(&[(&str, &str)], u16); 4] = [
            (&[("website", "http://spam.example")], 400),
            (&[("contact", "không phải liên hệ")], 400),
            (&[("text", "Ngắn quá")], 400),
            (&[("topic", "999999")], 400),
        ];
        for (fields, want) in refusals {
            let (status, body) = ask(&s, &reader, fields).await;
            assert_eq!(status, want, "{fields:?}: {body}");
        }
        assert_eq!(s.scalar("SELECT COUNT(*) FROM questions").await, before);
        // the limit counts refused forms too: the first gave the reader the visitor
        // cookie, the next three were counted under it, the fifth is over the limit
        let (status, _) = ask(&s, &reader, &[]).await;
        assert_eq!(status, 429, "over the per-visitor limit");
        assert_eq!(s.scalar("SELECT COUNT(*) FROM questions").await, before);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_is_followed_answered_and_published() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        s.seed_demo().await;
        let (status, body) = ask(&s, &s.client, &[]).await;
        assert_eq!(status, 200, "{body}");
        let code: String = serde_json::from_str(&body).unwrap();
        assert!(code.starts_with("HD-") && code.len() == 17, "{code}");
        // the same question again is a duplicate
        let (status, body) = ask(&s, &s.client, &[]).await;
        assert_eq!(status, 409, "{body}");
        let id = s.scalar("SELECT MAX(id) FROM questions").await;
        let stored = s
            .scalar(&format!(
                "SELECT COUNT(*) FROM questions WHERE id = {id} AND code_hash <> '{code}'"
            ))
            .await;
        assert_eq!(stored, 1, "the code is stored hashed");

        // followed by its code, typed any way; an unknown code tells nothing
        let tracked = track(&s, &code.to_lowercase().replace('-', " ")).await;
        assert_eq!(tracked["status"], "New");
        assert!(tracked["answer"].is_null());
        let last = if code.ends_with('X') { 'Y' } else { 'X' };
        let other = format!("{}{last}", &code[..code.len() - 1]);
        assert!(track(&s, &other).await.is_null(), "{other}");
        assert!(track(&s, "1 OR 1=1").await.is_null());
        let (_, html) = s.get(&format!("/hoi-dap/theo-doi?ma={code}&moi=1")).await;
        let text = page_text(&html);
        assert!(text.contains(&code) && text.contains("Mới nhận"), "{text}");

        // a reader is not a moderator
        assert_eq!(save(&s, id, &[]).await.0, 401);
        s.sign_in_as("kiemduyet", "moderator", "kiem-duyet-2026")
            .await;
        let me = s
            .scalar("SELECT id FROM users WHERE username = 'kiemduyet'")
            .await
            .to_string();
        assert_eq!(save(&s, id, &[("assignee", &me)]).await.0, 200);
        assert_eq!(track(&s, &code).await["status"], "Assigned");
        // only an answered question is published
        let (status, body) = save(&s, id, &[("assignee", &me), ("action", "publish")]).await;
        assert_eq!(status, 400, "{body}");
        let answer = "Hồ sơ gồm:\n\n- tờ khai theo mẫu;\n- giấy tờ tùy thân.\n\nXem [Cổng dịch vụ công](https://dichvucong.gov.vn).";
        let (status, body) = save(
            &s,
            id,
            &[
                ("assignee", &me),
                ("title", "Cấp lại giấy khai sinh bản chính cần những gì?"),
                (
                    "text",
                    "Thủ tục cấp lại giấy khai sinh bản chính gồm những gì?",
                ),
                ("answer", answer),
                ("action", "publish"),
            ],
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let tracked = track(&s, &code).await;
        assert_eq!(tracked["status"], "Answered");
        let href = tracked["href"].as_str().expect("published").to_string();
        let (status, html) = s.get(&href).await;
        assert_eq!(status, 200);
        let text = page_text(&html);
        assert!(text.contains("Cấp lại giấy khai sinh bản chính cần những gì?"));
        assert!(text.contains("giấy tờ tùy thân"));
        assert!(!html.contains(CONTACT), "the contact is never shown");
        assert!(html.contains("href=\"https://dichvucong.gov.vn\""));
        // the question as sent stays; the rewording is in the history
        let kept = s
            .scalar(&format!(
                "SELECT COUNT(*) FROM questions WHERE id = {id} AND asked_text LIKE 'Xin hỏi thủ tục%'"
            ))
            .await;
        assert_eq!(kept, 1);
        let events = s
            .scalar(&format!(
                "SELECT COUNT(*) FROM audit_events WHERE target = 'question:{id}' AND action IN \
                 ('question.assign', 'question.reword', 'question.answer', 'question.publish')"
            ))
            .await;
        assert_eq!(events, 4, "assign, reword, answer, publish");

        // withdrawn: gone from the public side, the asker still reads the answer
        let (status, _) = save(
            &s,
            id,
            &[
                ("assignee", &me),
                ("answer", answer),
                ("action", "unpublish"),
            ],
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(s.get(&href).await.0, 404);
        assert!(track(&s, &code).await["href"].is_null());
        // refused
        assert_eq!(save(&s, id, &[("action", "reject")]).await.0, 200);
        assert_eq!(track(&s, &code).await["status"], "Rejected");
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM audit_events WHERE target = 'question:{id}' AND action = 'question.reject'"
            ))
            .await,
            1
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moderators_add_rename_and_delete_fields() {
    use toasoan_app::features::questions::topics_admin::{DeleteQaTopic, SaveQaTopic};
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        s.seed_demo().await;
        let save = |id: &str, name: &'static str| {
            let (s, id) = (&s, id.to_string());
            async move {
                s.call(
                    <SaveQaTopic as ServerFn>::PATH,
                    &[("id", id.as_str()), ("name", name)],
                )
                .await
                .status()
                .as_u16()
            }
        };
        assert_eq!(save("0", "Môi trường").await, 401, "readers do not");
        s.sign_in_as("kiemduyet", "moderator", "kiem-duyet-2026")
            .await;
        assert_eq!(save("0", "Môi trường").await, 200);
        assert_eq!(save("0", "môi   trường").await, 409, "the same name again");
        assert_eq!(save("0", "x").await, 400);
        let id = s
            .scalar("SELECT id FROM qa_topics WHERE slug = 'moi-truong'")
            .await;
        assert_eq!(save(&id.to_string(), "Tài nguyên và môi trường").await, 200);
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM qa_topics WHERE id = {id} AND slug = 'moi-truong' AND name = 'Tài nguyên và môi trường'"
            ))
            .await,
            1,
            "renamed, its address kept"
        );
        let (_, html) = s.get("/hoi-dap/dat-cau-hoi").await;
        assert!(
            page_text(&html).contains("Tài nguyên và môi trường"),
            "asked under"
        );
        // a field with questions stays
        let used = topic_id(&s, "thu-tuc-hanh-chinh").await.to_string();
        let del = |id: String| {
            let s = &s;
            async move {
                s.call(<DeleteQaTopic as ServerFn>::PATH, &[("id", id.as_str())])
                    .await
                    .status()
                    .as_u16()
            }
        };
        assert_eq!(del(used).await, 409);
        assert_eq!(del(id.to_string()).await, 200);
        assert_eq!(
            s.scalar(&format!("SELECT COUNT(*) FROM qa_topics WHERE id = {id}"))
                .await,
            0
        );
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM audit_events WHERE target = 'qa_topic:{id}'"
            ))
            .await,
            3,
            "added, renamed, deleted"
        );
    }
}

/// A plain form's refusal comes back in the address, with the server's tag; the page
/// shows the error only with that tag, so a made-up link cannot put words in it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plain_forms_error_is_shown_only_with_the_servers_tag() {
    let s = TestServer::start_with(common::Backend::Sqlite, relaxed()).await;
    s.seed_demo().await;
    let plain = |contact: &'static str, text: &'static str| {
        let s = &s;
        async move {
            let token = ask_token(s).await;
            let topic = topic_id(s, "thu-tuc-hanh-chinh").await.to_string();
            let res = s
                .client
                .post(s.url(<AskQuestion as ServerFn>::PATH))
                .header("Origin", &s.base)
                .header("Accept", "text/html")
                .header("Referer", s.url("/hoi-dap/dat-cau-hoi"))
                .form(&[
                    ("topic", topic.as_str()),
                    ("name", "Đỗ Văn Thử"),
                    ("contact", contact),
                    ("text", text),
                    ("website", ""),
                    ("started", token.as_str()),
                ])
                .send()
                .await
                .unwrap();
            assert!(res.status().is_redirection(), "{}", res.status());
            res.headers()["location"].to_str().unwrap().to_string()
        }
    };
    let back = plain(
        "không phải liên hệ",
        "Xin hỏi thủ tục đăng ký kết hôn ở xã thế nào?",
    )
    .await;
    assert!(back.contains("__err=") && back.contains("&__ky="), "{back}");
    let (status, html) = s.get(back.trim_start_matches(&s.base)).await;
    assert_eq!(status, 200);
    let contact_error = "Thông tin liên hệ phải là";
    assert!(
        page_text(&html).contains(contact_error),
        "the server's error is shown"
    );
    // without its tag, or with another error's, it is not
    let untagged = back.split("&__ky=").next().unwrap().to_string();
    let (_, html) = s.get(untagged.trim_start_matches(&s.base)).await;
    assert!(!page_text(&html).contains(contact_error), "no tag");
    let other = plain("", "Ngắn").await;
    let tag = back.split("&__ky=").nth(1).unwrap();
    let swapped = format!("{}&__ky={tag}", other.split("&__ky=").next().unwrap());
    let (_, html) = s.get(swapped.trim_start_matches(&s.base)).await;
    assert!(
        !page_text(&html).contains("Câu hỏi quá ngắn"),
        "another error's tag"
    );
}
