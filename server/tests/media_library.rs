//! The media library against the real server (SQLite and PostgreSQL): files found by
//! their words without diacritics, kind and uploader; alt text required of a picture
//! and before an article uses it; where a file is used; deleting refused while used;
//! the plain form's answer; and the article page and its card offering a picture's
//! copies.

mod common;

use common::{TestServer, backends, png, post_files};
use leptos::server_fn::ServerFn;
use toasoan_app::features::editorial::form::SaveArticle;
use toasoan_app::features::media::api::{
    DeleteMedia, DescribeMedia, GetMediaDetail, GetMediaLibrary,
};

const PASSWORD: &str = "mat-khau-thu-vien-2026";

/// The library's page for these words and kind: (total, ids on the page).
async fn find(s: &TestServer, q: &str, kind: &str, uploader: Option<i64>) -> (i64, Vec<i64>) {
    let uploader = uploader.map(|u| u.to_string());
    let mut args = vec![("q", q), ("loai", kind), ("trang", "1")];
    if let Some(u) = uploader.as_deref() {
        args.push(("nguoi_tai", u));
    }
    let (status, body) = s.query(GetMediaLibrary::PATH, &args).await;
    assert_eq!(status, 200, "{body}");
    let data: serde_json::Value = serde_json::from_str(&body).unwrap();
    let ids = data["items"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    (data["items"]["total"].as_i64().unwrap(), ids)
}

async fn describe(s: &TestServer, id: i64, alt: &str, caption: &str, credit: &str) -> u16 {
    let id = id.to_string();
    s.call(
        DescribeMedia::PATH,
        &[
            ("id", id.as_str()),
            ("alt", alt),
            ("caption", caption),
            ("credit", credit),
        ],
    )
    .await
    .status()
    .as_u16()
}

/// Saves a new draft whose body is `body`: (status, answer).
async fn save_draft(s: &TestServer, title: &str, body: &str) -> (u16, String) {
    let cat = match s.scalar("SELECT COUNT(*) FROM categories").await {
        0 => s
            .scalar("INSERT INTO categories (slug, name, created_at) VALUES ('thoi-su', 'Thời sự', 0) RETURNING id")
            .await,
        _ => s.scalar("SELECT MIN(id) FROM categories").await,
    }
    .to_string();
    let fields = [
        ("article[base_revision]", "0"),
        ("article[title]", title),
        ("article[category_id]", cat.as_str()),
        ("article[body]", body),
    ];
    let res = s.call(SaveArticle::PATH, &fields).await;
    (res.status().as_u16(), res.text().await.unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_library_finds_describes_and_deletes_only_unused_files() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let editor = s.sign_in_as("btv", "editor", PASSWORD).await;
        let (status, body) =
            post_files(&s, &s.client, &[("Lễ hội đền Hùng.png", png(900, 600))]).await;
        assert_eq!(status, 200, "{backend:?} {body}");
        let hung = body[0]["id"].as_i64().unwrap();
        let hung_src = body[0]["src"].as_str().unwrap().to_string();
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.extend_from_slice(b"Bao cao tong ket\n%%EOF\n");
        let (status, body) = post_files(&s, &s.client, &[("Báo cáo tổng kết.pdf", pdf)]).await;
        assert_eq!(status, 200, "{backend:?} {body}");
        let report = body[0]["id"].as_i64().unwrap();
        let report_file = body[0]["src"]
            .as_str()
            .unwrap()
            .trim_start_matches("/media/")
            .to_string();

        // a picture needs its alt text; what staff write is found without diacritics
        assert_eq!(describe(&s, hung, "  ", "", "").await, 400, "{backend:?}");
        assert_eq!(
            describe(
                &s,
                hung,
                "Đoàn đại biểu dâng hương",
                "Lễ dâng hương các Vua Hùng",
                "Mai Tưởng"
            )
            .await,
            200
        );
        assert_eq!(find(&s, "doan dai bieu", "", None).await, (1, vec![hung]));
        assert_eq!(find(&s, "Dâng Hương", "anh", None).await, (1, vec![hung]));
        assert_eq!(
            find(&s, "mai tuong", "tai-lieu", None).await.0,
            0,
            "{backend:?}"
        );
        assert_eq!(
            find(&s, "tong ket", "tai-lieu", None).await,
            (1, vec![report])
        );
        assert_eq!(find(&s, "không có tệp này", "", None).await.0, 0);
        let (mine, ids) = find(&s, "", "", Some(editor)).await;
        assert_eq!(
            (mine, ids),
            (2, vec![report, hung]),
            "{backend:?}: newest first"
        );
        assert_eq!(find(&s, "", "", Some(editor + 1000)).await.0, 0);

        // an article showing the picture (the picker writes it without words: the
        // library's alt text, caption and credit go with it)
        let (status, body) = save_draft(
            &s,
            "Giỗ Tổ Hùng Vương",
            &format!("Mở đầu.\n\n![]({hung_src})\n"),
        )
        .await;
        assert_eq!(status, 200, "{backend:?} {body}");
        let figure = s
            .scalar(&format!(
                "SELECT COUNT(*) FROM articles WHERE id = {body} AND body_json LIKE '%Mai Tưởng%' \
                 AND body_json LIKE '%Đoàn đại biểu dâng hương%'"
            ))
            .await;
        assert_eq!(
            figure, 1,
            "{backend:?}: the library's words are in the figure"
        );
        let (status, detail) = s
            .query(GetMediaDetail::PATH, &[("id", &hung.to_string())])
            .await;
        assert_eq!(status, 200, "{detail}");
        let detail: serde_json::Value = serde_json::from_str(&detail).unwrap();
        assert_eq!(detail["used_in"][0]["title"], "Giỗ Tổ Hùng Vương");
        assert_eq!(detail["item"]["uses"], 1);
        let id = hung.to_string();
        let res = s.call(DeleteMedia::PATH, &[("id", id.as_str())]).await;
        assert_eq!(res.status().as_u16(), 409, "{backend:?}: used, so kept");
        assert!(
            s.media_dir
                .join(hung_src.trim_start_matches("/media/"))
                .exists()
        );

        // a picture without alt text cannot go into an article
        let (status, body) = post_files(&s, &s.client, &[("khong-mo-ta.png", png(300, 200))]).await;
        assert_eq!(status, 200, "{body}");
        let bare = body[0]["src"].as_str().unwrap().to_string();
        let (status, body) = save_draft(&s, "Bài thiếu mô tả ảnh", &format!("![]({bare})")).await;
        assert_eq!(status, 400, "{backend:?} {body}");
        assert!(body.contains("alt"), "{body}");

        // an unused file is deleted with its file, and the log says so
        let id = report.to_string();
        let res = s.call(DeleteMedia::PATH, &[("id", id.as_str())]).await;
        assert_eq!(res.status().as_u16(), 200, "{backend:?}");
        assert_eq!(
            s.scalar(&format!("SELECT COUNT(*) FROM media WHERE id = {report}"))
                .await,
            0
        );
        assert!(
            !s.media_dir.join(&report_file).exists(),
            "{backend:?}: the file is gone"
        );
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'media.delete'")
                .await,
            1
        );
        let res = s.call(DeleteMedia::PATH, &[("id", id.as_str())]).await;
        assert_eq!(res.status().as_u16(), 404);

        // a contributor uses the library but deletes only their own files
        s.sign_in_as("ctv", "contributor", PASSWORD).await;
        assert!(find(&s, "", "anh", None).await.0 > 0);
        let (status, body) = post_files(&s, &s.client, &[("cua-toi.png", png(200, 100))]).await;
        assert_eq!(status, 200, "{body}");
        let theirs = body[0]["id"].as_i64().unwrap().to_string();
        let not_theirs = s
            .scalar(&format!("SELECT id FROM media WHERE original_name = 'khong-mo-ta.png' AND uploaded_by = {editor}"))
            .await
            .to_string();
        let res = s
            .call(DeleteMedia::PATH, &[("id", not_theirs.as_str())])
            .await;
        assert_eq!(res.status().as_u16(), 403, "{backend:?}");
        let res = s.call(DeleteMedia::PATH, &[("id", theirs.as_str())]).await;
        assert_eq!(res.status().as_u16(), 200, "{backend:?}");
        // a reader has no library
        s.sign_in_as("doc-gia", "member", PASSWORD).await;
        let (status, _) = s
            .query(
                GetMediaLibrary::PATH,
                &[("q", ""), ("loai", ""), ("trang", "1")],
            )
            .await;
        assert_eq!(status, 403);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plain_form_comes_back_to_the_library_saying_what_happened() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.sign_in_as("btv", "editor", PASSWORD).await;
        let form = reqwest::multipart::Form::new()
            .part(
                toasoan_server::media::upload::FIELD,
                reqwest::multipart::Part::bytes(png(320, 200)).file_name("mot.png"),
            )
            .part(
                toasoan_server::media::upload::FIELD,
                reqwest::multipart::Part::bytes(b"khong phai anh".to_vec()).file_name("hai.png"),
            )
            .part(
                toasoan_server::media::upload::FIELD,
                reqwest::multipart::Part::bytes(png(330, 200)).file_name("ba.png"),
            );
        let res = s
            .client
            .post(s.url(toasoan_server::media::upload::PATH))
            .header("Origin", &s.base)
            .header("Accept", "text/html,application/xhtml+xml")
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303, "{backend:?}");
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(
            to.starts_with("/quan-tri/thu-vien?da-tai=2&loi-tai=hai.png"),
            "{to}"
        );
        let (status, page) = s.get(&to).await;
        assert_eq!(status, 200);
        let text = common::page_text(&page);
        assert!(text.contains("Đã tải lên 2 tệp."), "{backend:?}");
        assert!(
            text.contains("Tải lên không thành công: hai.png: Không nhận loại tệp này"),
            "{text}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_article_offers_its_pictures_copies_once_made() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.sign_in_as("tong-bien-tap", "editor_in_chief", PASSWORD)
            .await;
        let (status, body) = post_files(&s, &s.client, &[("toan-canh.png", png(1050, 300))]).await;
        assert_eq!(status, 200, "{body}");
        let id = body[0]["id"].as_i64().unwrap();
        let src = body[0]["src"].as_str().unwrap().to_string();
        assert_eq!(
            describe(&s, id, "Toàn cảnh hội nghị", "", "Văn Đức").await,
            200
        );
        let (status, article) = save_draft(
            &s,
            "Hội nghị toàn cảnh",
            &format!("Đoạn đầu.\n\n![]({src})\n"),
        )
        .await;
        assert_eq!(status, 200, "{article}");
        for step in ["submit", "approve", "publish"] {
            assert_eq!(
                common::transition(&s, &article, step).await,
                200,
                "{backend:?} {step}"
            );
        }
        let slug = s.newest_published_slug().await;
        s.scalar_settled(&format!("SELECT prepared FROM media WHERE id = {id}"), 1)
            .await;
        let stem = src.trim_end_matches(".png");
        let page = s
            .page_settled(&format!("/bai-viet/{slug}"), "Ảnh: Văn Đức")
            .await;
        assert!(page.contains("Ảnh: Văn Đức"), "{backend:?}");
        let until = std::time::Instant::now() + common::SETTLE;
        let html = loop {
            let (_, html) = s.get(&format!("/bai-viet/{slug}")).await;
            if html.contains("srcset") || std::time::Instant::now() > until {
                break html;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        };
        let wanted = format!(
            "srcset=\"{stem}-320.png 320w, {stem}-640.png 640w, {stem}-1024.png 1024w, {src} 1050w\""
        );
        assert!(html.contains(&wanted), "{backend:?}: {wanted} in {html}");
        assert!(html.contains("width=\"1050\" height=\"300\""));
        assert!(
            html.contains("fetchpriority=\"high\""),
            "the first picture loads at once"
        );
        // its card on the home page offers the small copies too
        let card = format!("srcset=\"{stem}-320.png 320w, {stem}-640.png 640w, {src} 1050w\"");
        let (_, home) = s.get("/").await;
        assert!(home.contains(&card), "{backend:?}: {card} in {home}");
    }
}
