//! Góp ý against the real application, on SQLite and PostgreSQL: sending through the
//! guard (honeypot, fill time, limits, duplicates, bad fields) with an attachment the
//! media pipeline checks by its bytes, each refusal storing nothing and leaving no
//! file; the plain form's redirects (the error message shown only with the server's
//! tag); following by the tracking code, which tells nothing of other feedback nor
//! of the internal notes; the attachment for handlers only; the status machine
//! (forward, answer, close; nothing after closing) with its audit events; the overdue
//! tab; the demo's feedback.

mod common;

use common::{CHROME, TestServer, backends, browser, header, page_text, relaxed};
use leptos::server_fn::ServerFn;
use toasoan_app::features::feedback::admin_api::{AddFeedbackNote, GetFeedbackQueue, StepFeedback};
use toasoan_app::features::feedback::api::TrackFeedback;

const SEND: &str = "/gop-y/gui";
const BODY: &str =
    "Đề nghị bố trí thêm đèn chiếu sáng trên tuyến đường từ trụ sở xã ra chợ, buổi tối rất tối.";
const CONTACT: &str = "nguoi.gop.y@example.vn";

/// The send form's time token.
async fn token(s: &TestServer, client: &reqwest::Client) -> String {
    let html = client
        .get(s.url("/gop-y"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = html.find("name=\"started\" value=\"").expect("send form") + 22;
    html[at..].split('"').next().unwrap().to_string()
}

fn pdf() -> Vec<u8> {
    toasoan_server::demo_pdf::document_pdf(&["Kiến nghị"], &["Nội dung kiến nghị kèm theo."])
}

/// Sends the form as a browser's multipart post, from `client`; `file` is (name, bytes).
/// With `page`, as a plain form (the browser asks for a page back).
async fn send(
    s: &TestServer,
    client: &reqwest::Client,
    fields: &[(&str, &str)],
    file: Option<(&str, Vec<u8>)>,
    page: bool,
) -> reqwest::Response {
    let started = token(s, client).await;
    let mut values: Vec<(&str, String)> = vec![
        ("subject", "Lắp đèn chiếu sáng đường ra chợ".into()),
        ("body", BODY.into()),
        ("name", "Vũ Thị Góp".into()),
        ("contact", CONTACT.into()),
        ("website", String::new()),
        ("started", started),
    ];
    for (k, v) in fields {
        values.iter_mut().find(|(name, _)| name == k).unwrap().1 = v.to_string();
    }
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in values {
        form = form.text(k, v);
    }
    if let Some((name, bytes)) = file {
        form = form.part(
            "tep",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        );
    }
    let accept = if page {
        "text/html"
    } else {
        "application/json"
    };
    client
        .post(s.url(SEND))
        .header("Origin", &s.base)
        .header("Accept", accept)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn code_of(res: reqwest::Response) -> String {
    assert_eq!(res.status(), 201);
    let body: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
    body["code"].as_str().unwrap().to_string()
}

fn files_in(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

async fn track(s: &TestServer, code: &str) -> serde_json::Value {
    let (status, body) = s
        .query(<TrackFeedback as ServerFn>::PATH, &[("code", code)])
        .await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

async fn step(s: &TestServer, id: i64, action: &str, unit: &str, answer: &str) -> (u16, String) {
    let id = id.to_string();
    let res = s
        .call(
            <StepFeedback as ServerFn>::PATH,
            &[
                ("id", &id),
                ("action", action),
                ("unit", unit),
                ("answer", answer),
            ],
        )
        .await;
    (res.status().as_u16(), res.text().await.unwrap())
}

/// Fields changed, a file, and the status it gets.
type Refusal<'a> = (&'a [(&'a str, &'a str)], Option<(&'a str, Vec<u8>)>, u16);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sending_goes_through_the_guard_and_the_media_checks() {
    for backend in backends() {
        let mut rules = relaxed();
        rules.comments_per_visitor = 5;
        let s = TestServer::start_with(backend, rules).await;
        let private = s.media_dir.join(".rieng").join("gop-y");
        let incoming = s.media_dir.join(".incoming");

        // sent with a PDF: stored, its file kept privately, never under /media
        let reader = browser(CHROME);
        let code =
            code_of(send(&s, &reader, &[], Some(("Kiến nghị.pdf", pdf())), false).await).await;
        assert!(code.starts_with("GY-") && code.len() == 17, "{code}");
        assert_eq!(s.scalar("SELECT COUNT(*) FROM feedback").await, 1);
        assert_eq!(files_in(&private), 1, "the attachment is kept");
        let stored: String = sqlx::Row::get(
            &sqlx::query("SELECT file_name FROM feedback")
                .fetch_one(&s.pool)
                .await
                .unwrap(),
            0,
        );
        assert!(stored.ends_with(".pdf"), "{stored}");
        for path in [
            format!("/media/.rieng/gop-y/{stored}"),
            format!("/media/.incoming/{stored}"),
        ] {
            assert_eq!(s.get(&path).await.0, 404, "{path}");
        }

        // refusals store nothing and leave no file
        let refusals: [Refusal; 5] = [
            (&[("website", "http://spam.example")], None, 400),
            (&[("contact", "không phải liên hệ")], None, 400),
            (&[("body", "Ngắn quá")], None, 400),
            (
                &[("subject", "Đề nghị khác")],
                Some(("kiến nghị.pdf", b"<html><script>alert(1)</script>".to_vec())),
                415,
            ),
            (
                &[("subject", "Đề nghị khác nữa")],
                Some(("ảnh.png", pdf())),
                415,
            ),
        ];
        for (fields, file, want) in refusals {
            let res = send(&s, &reader, fields, file, false).await;
            let status = res.status().as_u16();
            let body = res.text().await.unwrap();
            assert_eq!(status, want, "{fields:?}: {body}");
            assert!(body.contains("\"error\""), "{body}");
        }
        assert_eq!(s.scalar("SELECT COUNT(*) FROM feedback").await, 1);
        assert_eq!(files_in(&private), 1, "a refused file is not kept");
        assert_eq!(files_in(&incoming), 0, "nothing is left arriving");

        // the same text again is a duplicate
        let res = send(&s, &browser(CHROME), &[], None, false).await;
        assert_eq!(res.status(), 409);

        // the limit counts refused forms too: this reader is past it
        let res = send(
            &s,
            &reader,
            &[(
                "body",
                "Một góp ý hoàn toàn khác về việc thu gom rác ở khu dân cư.",
            )],
            None,
            false,
        )
        .await;
        assert_eq!(res.status(), 429);
        assert_eq!(s.scalar("SELECT COUNT(*) FROM feedback").await, 1);

        // a plain form: on to the follow page, or back to the form with why
        let other = browser(CHROME);
        let res = send(
            &s,
            &other,
            &[(
                "body",
                "Đề nghị sửa lại biển báo giao thông bị đổ ở ngã ba thôn Đông.",
            )],
            None,
            true,
        )
        .await;
        assert_eq!(res.status(), 303);
        let to = header(&res, "location");
        assert!(
            to.starts_with("/gop-y/theo-doi?ma=GY-") && to.ends_with("&moi=1"),
            "{to}"
        );
        let html = other
            .get(s.url(&to))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page_text(&html).contains("Góp ý của bạn đã được tiếp nhận"),
            "{html}"
        );
        let res = send(&s, &other, &[("contact", "abc")], None, true).await;
        assert_eq!(res.status(), 303);
        let back = header(&res, "location");
        assert!(back.starts_with("/gop-y?loi="), "{back}");
        let (status, html) = s.get(&back).await;
        assert_eq!(status, 200);
        assert!(
            page_text(&html).contains("Thông tin liên hệ phải là"),
            "the message is shown"
        );
        // a message in an address without the server's tag is not
        let forged = back.replacen("loi=", "loi=Goi%200900%20de%20nhan%20qua&x=", 1);
        let (_, html) = s.get(&forged).await;
        assert!(
            !page_text(&html).contains("Goi 0900"),
            "a forged message is not shown"
        );
        assert!(!page_text(&html).contains("Thông tin liên hệ phải là"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_is_followed_forwarded_answered_and_closed() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        let code =
            code_of(send(&s, &s.client, &[], Some(("Kiến nghị.pdf", pdf())), false).await).await;
        let id = s.scalar("SELECT MAX(id) FROM feedback").await;
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM feedback WHERE code_hash = '{code}'"
            ))
            .await,
            0,
            "the code is stored hashed"
        );

        // followed by its code, typed any way; an unknown code tells nothing
        let tracked = track(&s, &code.to_lowercase().replace('-', " ")).await;
        assert_eq!(tracked["status"], "New");
        assert!(tracked["answer"].is_null());
        assert!(
            !tracked.to_string().contains(CONTACT),
            "the contact is not sent back"
        );
        let last = if code.ends_with('X') { 'Y' } else { 'X' };
        assert!(
            track(&s, &format!("{}{last}", &code[..code.len() - 1]))
                .await
                .is_null()
        );
        assert!(track(&s, "HD-' OR 1=1 --").await.is_null());
        let res = s
            .client
            .get(s.url(&format!("/gop-y/theo-doi?ma={code}")))
            .send()
            .await
            .unwrap();
        assert_eq!(header(&res, "cache-control"), "private, no-store");

        // readers neither step nor open the attachment
        let file = format!("/quan-tri/gop-y/{id}/tep");
        assert_eq!(step(&s, id, "forward", "Ban Dân vận", "").await.0, 401);
        assert_eq!(s.get(&file).await.0, 401);
        s.sign_in_as("kiemduyet", "moderator", "kiem-duyet-2026")
            .await;
        let res = s.client.get(s.url(&file)).send().await.unwrap();
        assert_eq!(res.status(), 200);
        assert!(header(&res, "content-disposition").starts_with("attachment;"));
        assert_eq!(header(&res, "cache-control"), "private, no-store");
        assert_eq!(res.bytes().await.unwrap().to_vec(), pdf());

        // forward (a unit is needed), note, answer, close
        assert_eq!(step(&s, id, "forward", "", "").await.0, 400);
        assert_eq!(step(&s, id, "bogus", "", "").await.0, 400);
        let (status, body) = step(&s, id, "forward", "Ban Dân vận", "").await;
        assert_eq!(status, 200, "{body}");
        let tracked = track(&s, &code).await;
        assert_eq!(tracked["status"], "Forwarded");
        assert_eq!(tracked["unit"], "Ban Dân vận");
        let note = "Đã gọi điện cho xã xác minh hiện trạng.";
        let res = s
            .call(
                <AddFeedbackNote as ServerFn>::PATH,
                &[("id", &id.to_string()), ("note", note)],
            )
            .await;
        assert_eq!(res.status(), 200);
        assert_eq!(
            step(&s, id, "answer", "", "").await.0,
            400,
            "an answer needs text"
        );
        let answer = "UBND xã đã lắp thêm 12 bóng đèn trên tuyến đường này.";
        assert_eq!(step(&s, id, "answer", "", answer).await.0, 200);
        let tracked = track(&s, &code).await;
        assert_eq!(tracked["status"], "Answered");
        assert_eq!(tracked["answer"], answer);
        assert!(
            !tracked.to_string().contains("xác minh"),
            "notes are internal"
        );
        let (_, html) = s.get(&format!("/gop-y/theo-doi?ma={code}")).await;
        assert!(page_text(&html).contains(answer));
        assert!(!html.contains("xác minh hiện trạng"));
        let (status, _) = step(&s, id, "forward", "Ban Tuyên giáo", "").await;
        assert_eq!(status, 409, "an answered piece is not forwarded again");
        assert_eq!(step(&s, id, "close", "", "").await.0, 200);
        assert_eq!(track(&s, &code).await["status"], "Closed");
        assert_eq!(
            step(&s, id, "answer", "", "Sửa lại.").await.0,
            409,
            "closed"
        );
        assert_eq!(step(&s, id, "close", "", "").await.0, 409);
        let events = s
            .scalar(&format!(
                "SELECT COUNT(*) FROM audit_events WHERE target = 'feedback:{id}' AND action IN \
                 ('feedback.forward', 'feedback.note', 'feedback.answer', 'feedback.close')"
            ))
            .await;
        assert_eq!(events, 4, "forward, note, answer, close");

        // overdue: waiting past the limit, in its own tab
        let old = code_of(
            send(
                &s,
                &s.client,
                &[(
                    "body",
                    "Đề nghị nạo vét kênh mương nội đồng trước mùa mưa năm nay.",
                )],
                None,
                false,
            )
            .await,
        )
        .await;
        assert!(old.starts_with("GY-"));
        let days_ago = toasoan_app::core::time::now() - 20 * 86_400;
        sqlx::query(
            "UPDATE feedback SET created_at = $1 WHERE id = (SELECT MAX(id) FROM feedback)",
        )
        .bind(days_ago)
        .execute(&s.pool)
        .await
        .unwrap();
        let (status, body) = s
            .query(
                <GetFeedbackQueue as ServerFn>::PATH,
                &[("tab", "overdue"), ("page", "1")],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let queue: serde_json::Value = serde_json::from_str(&body).unwrap();
        let items = queue["items"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(
            items[0]["overdue"], 5,
            "20 days against the 15 of the limit"
        );
        let counts = queue["counts"].to_string();
        assert!(
            counts.contains("[\"overdue\",1]") && counts.contains("[\"closed\",1]"),
            "{counts}"
        );

        // the demo's feedback, once
        let before = s.scalar("SELECT COUNT(*) FROM feedback").await;
        s.seed_demo().await;
        let n = s.scalar("SELECT COUNT(*) FROM feedback").await;
        assert_eq!(n, before + 4, "the demo's four pieces");
        s.seed_demo().await;
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM feedback").await,
            n,
            "a second demo adds none"
        );
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM feedback WHERE status = 'closed'")
                .await,
            2,
            "the demo has a closed one besides this test's"
        );
    }
}
