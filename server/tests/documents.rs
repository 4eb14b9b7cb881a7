//! The documents library against the real application, on SQLite and PostgreSQL: the
//! demo's documents listed, filtered by type, body and year, found by number (with
//! or without its suffix) and by summary words without diacritics; a document's page
//! with its fields, files, QR code, schema.org data and the articles about it (and
//! the article's page naming the document back); the admin's checks (number, type,
//! dates, files, articles, duplicates, rights), each refusal storing nothing; the
//! audit trail; members-only documents and their files for every kind of reader.

mod common;

use common::{CHROME, TestServer, backends, browser, call_as, header, post_files, unescape};
use leptos::server_fn::ServerFn;
use toasoan_app::features::accounts::api::SignIn;
use toasoan_app::features::documents::admin_api::{DeleteDocument, SaveDocument};

const PASSWORD: &str = "van-ban-2026-noi-bo";

/// The fields a refused save changes from the good form's.
type Refusal<'a> = Vec<(&'a str, &'a str)>;

/// The numbers a list page shows, in its order.
fn numbers(html: &str) -> Vec<String> {
    let html = unescape(html);
    html.split("<p class=\"doc-name\">")
        .skip(1)
        .filter_map(|part| {
            // the link's text, its markup (and hydration markers) taken away
            let link = part.split("</a>").next()?;
            let text = common::page_text(link);
            text.split_whitespace().last().map(str::to_string)
        })
        .collect()
}

/// A document's form fields, as the admin page posts them.
fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = [
        ("id", "0"),
        ("number", "99-QĐ/TU"),
        ("kind", "quyet-dinh"),
        ("issuer", "Ban Thường vụ Tỉnh ủy"),
        ("signer", ""),
        ("issued_on", "2025-03-01"),
        ("effective_on", ""),
        (
            "summary",
            "Về việc kiện toàn Ban Biên tập Cổng thông tin điện tử",
        ),
        ("status", "con-hieu-luc"),
        ("replaced_by", ""),
        ("files", ""),
        ("articles", ""),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in pairs {
        match all.iter_mut().find(|(name, _)| name == k) {
            Some(field) => field.1 = v.to_string(),
            None => all.push((k.to_string(), v.to_string())),
        }
    }
    all.into_iter()
        .map(|(k, v)| (format!("input[{k}]"), v))
        .collect()
}

async fn save(s: &TestServer, pairs: &[(&str, &str)]) -> (u16, String) {
    let form = fields(pairs);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = s.call_named(<SaveDocument as ServerFn>::PATH, &form).await;
    (res.status().as_u16(), res.text().await.unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_are_listed_filtered_found_and_checked() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.seed_demo().await;
        let total = s.scalar("SELECT COUNT(*) FROM documents").await;
        assert!(total >= 12, "{backend:?}: the demo's documents");
        assert!(
            s.scalar("SELECT COUNT(DISTINCT kind) FROM documents").await >= 8,
            "{backend:?}: of several types"
        );

        // the list, newest first; filters; number and word searches
        let reader = browser(CHROME);
        let list = |q: &str| {
            let reader = reader.clone();
            let url = s.url(&format!("/van-ban{q}"));
            async move {
                let res = reader.get(&url).send().await.unwrap();
                assert_eq!(res.status().as_u16(), 200, "{url}");
                numbers(&res.text().await.unwrap())
            }
        };
        let all = list("").await;
        assert_eq!(
            all.first().map(String::as_str),
            Some("30-BC/TU"),
            "{backend:?} {all:?}"
        );
        assert_eq!(list("?loai=chi-thi").await, vec!["07-CT/TU"], "{backend:?}");
        let of_2021 = list("?nam=2021").await;
        assert_eq!(
            of_2021,
            vec!["07-CT/TU", "2466-QĐ/TU", "22-NQ/TU"],
            "{backend:?}"
        );
        assert_eq!(
            list("?nam=2021&sap-xep=cu").await,
            vec!["22-NQ/TU", "2466-QĐ/TU", "07-CT/TU"],
            "{backend:?}: oldest first"
        );
        assert_eq!(
            list("?co-quan=%E1%BB%A6y%20ban%20nh%C3%A2n%20d%C3%A2n%20t%E1%BB%89nh").await,
            vec!["3058/QĐ-UBND"],
            "{backend:?}: by issuing body"
        );
        assert_eq!(list("?q=2466").await, vec!["2466-QĐ/TU"], "{backend:?}");
        assert_eq!(
            list("?q=2466-Q%C4%90%2FTU").await,
            vec!["2466-QĐ/TU"],
            "{backend:?}"
        );
        assert_eq!(list("?q=7").await, vec!["07-CT/TU"], "{backend:?}: 7 is 07");
        let digital = list("?q=chuyen+doi+so").await;
        assert_eq!(
            digital,
            vec!["3058/QĐ-UBND", "2466-QĐ/TU", "22-NQ/TU"],
            "{backend:?}: words without diacritics"
        );
        assert!(
            list("?q=khong+co+van+ban+nay").await.is_empty(),
            "{backend:?}"
        );

        // a document's page: fields, files, QR code, schema.org, its articles
        let slug = s
            .scalar("SELECT id FROM documents WHERE number = '2466-QĐ/TU'")
            .await;
        let slug: String = sqlx::query_scalar("SELECT slug FROM documents WHERE id = $1")
            .bind(slug)
            .fetch_one(&s.pool)
            .await
            .unwrap();
        assert_eq!(slug, "2466-qd-tu-2021", "{backend:?}");
        let res = reader
            .get(s.url(&format!("/van-ban/{slug}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200, "{backend:?}");
        let html = unescape(&res.text().await.unwrap());
        for part in [
            "Quyết định 2466-QĐ/TU",
            "Về việc thành lập Ban Chỉ đạo chuyển đổi số của Tỉnh ủy",
            "Ban Thường vụ Tỉnh ủy",
            "04/10/2021",
            "Còn hiệu lực",
            "\"@type\":\"Legislation\"",
            "\"legislationIdentifier\":\"2466-QĐ/TU\"",
            "/qr/van-ban/2466-qd-tu-2021.svg",
            "application/pdf",
            "Văn phòng không giấy tờ tại các cơ quan Đảng",
            "Văn bản liên quan",
        ] {
            assert!(html.contains(part), "{backend:?}: {part}");
        }
        let qr = reader
            .get(s.url(&format!("/qr/van-ban/{slug}.svg")))
            .send()
            .await
            .unwrap();
        assert_eq!(qr.status().as_u16(), 200, "{backend:?}");
        assert_eq!(header(&qr, "content-type"), "image/svg+xml");
        let media: i64 = s
            .scalar(&format!(
                "SELECT f.media_id FROM document_files f JOIN documents d ON d.id = f.document_id \
                 WHERE d.slug = '{slug}'"
            ))
            .await;
        let pdf = reader
            .get(s.url(&format!("/van-ban/{slug}/tep/{media}")))
            .send()
            .await
            .unwrap();
        assert_eq!(pdf.status().as_u16(), 200, "{backend:?}");
        assert_eq!(header(&pdf, "content-type"), "application/pdf");
        assert!(
            header(&pdf, "content-disposition").starts_with("inline"),
            "{backend:?}"
        );
        assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));
        // a replaced document names its successor, and the successor it
        let (status, old) = s.get("/van-ban/135-qdi-tu-2020").await;
        assert_eq!(status, 200, "{backend:?}");
        let old = unescape(&old);
        assert!(
            old.contains("Đã được thay thế") && old.contains("168-QĐi/TU"),
            "{backend:?}"
        );
        let (_, new) = s.get("/van-ban/168-qdi-tu-2023").await;
        assert!(unescape(&new).contains("Thay thế văn bản"), "{backend:?}");
        // the article names the document back
        let (status, article) = s
            .get("/bai-viet/van-phong-khong-giay-to-tai-cac-co-quan-dang")
            .await;
        assert_eq!(status, 200, "{backend:?}");
        let article = unescape(&article);
        assert!(article.contains("Văn bản liên quan"), "{backend:?}");
        assert!(article.contains(&format!("/van-ban/{slug}")), "{backend:?}");

        // a bulletin issue gathers its documents and articles; they name it back; the
        // home page names the newest issue
        assert!(
            html.contains("Có trong bản tin"),
            "{backend:?}: 2466 names its issue"
        );
        let home = reader.get(s.url("/")).send().await.unwrap();
        let home = unescape(&home.text().await.unwrap());
        let strip = home
            .split("bulletin-strip")
            .nth(1)
            .expect("the bulletin's line");
        assert!(strip.contains("/van-ban/06-bt-btgtu-2022"), "{backend:?}");
        assert!(
            strip.contains("Bản tin sinh hoạt chi bộ số 06, tháng 6/2022"),
            "{backend:?}"
        );

        // the admin: who may, what is refused (nothing stored), what is recorded
        let (status, _) = save(&s, &[]).await;
        assert_eq!(status, 401, "{backend:?}: signed out");
        s.sign_in_as("congtacvien", "contributor", PASSWORD).await;
        assert_eq!(save(&s, &[]).await.0, 403, "{backend:?}: a contributor");
        s.sign_in_as("bientapvien", "editor", PASSWORD).await;
        // (the demo's bulletin is for members: read signed in)
        let (status, issue) = s.get("/van-ban/06-bt-btgtu-2022").await;
        assert_eq!(status, 200, "{backend:?}");
        let issue = unescape(&issue);
        for part in [
            "Văn bản trong số này",
            "02-HD/BTGTU",
            "2466-QĐ/TU",
            "Bài trong số này",
        ] {
            assert!(issue.contains(part), "{backend:?}: the issue shows {part}");
        }
        let picture = {
            let (status, up) = post_files(&s, &s.client, &[("anh.png", common::png(40, 30))]).await;
            assert_eq!(status, 200, "{backend:?} {up}");
            up[0]["id"].as_i64().unwrap().to_string()
        };
        let refusals: Vec<(Refusal, u16, &str)> = vec![
            (vec![("number", "")], 400, "số hiệu"),
            (vec![("number", "99<QĐ>TU")], 400, "Số hiệu chỉ gồm"),
            (vec![("kind", "chi-thi")], 400, "Số hiệu ghi QĐ"),
            (vec![("kind", "")], 400, "loại văn bản"),
            (vec![("issuer", " ")], 400, "cơ quan ban hành"),
            (vec![("summary", "")], 400, "trích yếu"),
            (vec![("issued_on", "2025-02-30")], 400, "Ngày ban hành"),
            (vec![("issued_on", "2999-01-01")], 400, "sau hôm nay"),
            (
                vec![("effective_on", "2025-01-01")],
                400,
                "trước ngày ban hành",
            ),
            (vec![("status", "bi-thay-the")], 400, "văn bản thay thế"),
            (
                vec![("status", "bi-thay-the"), ("replaced_by", "1-QĐ/XX")],
                400,
                "1-QĐ/XX",
            ),
            (
                vec![("files", picture.as_str())],
                400,
                "không phải tài liệu",
            ),
            (
                vec![("articles", "/bai-viet/khong-co-bai-nay")],
                400,
                "khong-co-bai-nay",
            ),
            (
                vec![("number", "2466-QĐ/TU"), ("issued_on", "2021-01-05")],
                409,
                "2466-QĐ/TU",
            ),
        ];
        for (pairs, want, says) in refusals {
            let (status, body) = save(&s, &pairs).await;
            assert_eq!(status, want, "{backend:?} {pairs:?}: {body}");
            assert!(
                unescape(&body).contains(says),
                "{backend:?} {pairs:?}: {body}"
            );
        }
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM documents").await,
            total,
            "{backend:?}"
        );

        // a good one, with a file and an article, then changed, then deleted
        let file = media.to_string();
        let (status, id) = save(
            &s,
            &[
                ("number", "Số 99 - QĐ/TU"),
                ("files", &file),
                (
                    "articles",
                    "https://portal.example/bai-viet/van-phong-khong-giay-to-tai-cac-co-quan-dang",
                ),
            ],
        )
        .await;
        assert_eq!(status, 200, "{backend:?} {id}");
        let id: i64 = id.trim().parse().unwrap();
        assert_eq!(list("?q=99").await, vec!["99-QĐ/TU"], "{backend:?}");
        let (status, _) = save(
            &s,
            &[
                ("id", &id.to_string()),
                ("number", "99-QĐ/TU"),
                ("summary", "Về việc kiện toàn Ban Biên tập (sửa đổi)"),
            ],
        )
        .await;
        assert_eq!(status, 200, "{backend:?}");
        let (_, page) = s.get("/van-ban/99-qd-tu-2025").await;
        assert!(unescape(&page).contains("(sửa đổi)"), "{backend:?}");
        let res = s
            .call(
                <DeleteDocument as ServerFn>::PATH,
                &[("id", &id.to_string())],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200, "{backend:?}");
        assert_eq!(s.get("/van-ban/99-qd-tu-2025").await.0, 404, "{backend:?}");
        // an article cites a document: what its card shows is the library's
        let cited = s
            .scalar("SELECT id FROM documents WHERE number = '2466-QĐ/TU'")
            .await;
        let cat = s.scalar("SELECT MIN(id) FROM categories").await;
        let draft = |doc_id: i64| {
            serde_json::json!({
                "id": null, "base_revision": 0, "title": "Triển khai Quyết định về chuyển đổi số",
                "sapo": "", "category_id": cat, "allow_comments": true, "allow_ratings": true,
                "doc": { "blocks": [
                    { "type": "paragraph", "text": [{ "text": "Ban Thường vụ đã ban hành quyết định." }] },
                    { "type": "document_ref", "id": doc_id, "slug": "gia-mao", "number": "1",
                      "kind": "?", "issued_on": "", "summary": "không phải của thư viện" }
                ] }
            })
        };
        let (status, body) = common::save_doc(&s, draft(999_999)).await;
        assert_eq!(status, 400, "{backend:?} {body}");
        let (status, saved) = common::save_doc(&s, draft(cited)).await;
        assert_eq!(status, 200, "{backend:?} {saved}");
        let article = saved["id"].as_i64().unwrap();
        let body: String = sqlx::query_scalar("SELECT body_json FROM articles WHERE id = $1")
            .bind(article)
            .fetch_one(&s.pool)
            .await
            .unwrap();
        let body: serde_json::Value = serde_json::from_str(&body).unwrap();
        let card = &body["blocks"][1];
        assert_eq!(card["number"], "2466-QĐ/TU", "{backend:?} {body}");
        assert_eq!(card["slug"], "2466-qd-tu-2021");
        assert_eq!(card["kind"], "Quyết định");
        assert_eq!(card["issued_on"], "2021-10-04");

        for action in ["document.create", "document.update", "document.delete"] {
            assert_eq!(
                s.scalar(&format!(
                    "SELECT COUNT(*) FROM audit_events WHERE action = '{action}' AND target = '99-QĐ/TU'"
                ))
                .await,
                1,
                "{backend:?} {action}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_only_documents_and_their_files_are_for_members() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.seed_demo().await;
        let slug = "30-bc-tu-2025";
        let path = format!("/van-ban/{slug}");
        let file: String = sqlx::query_scalar(
            "SELECT m.file_name FROM media m JOIN document_files f ON f.media_id = m.id \
             JOIN documents d ON d.id = f.document_id WHERE d.slug = $1",
        )
        .bind(slug)
        .fetch_one(&s.pool)
        .await
        .unwrap();
        let media = s
            .scalar(&format!("SELECT id FROM media WHERE file_name = '{file}'"))
            .await;
        let public_file: String = sqlx::query_scalar(
            "SELECT m.file_name FROM media m JOIN document_files f ON f.media_id = m.id \
             JOIN documents d ON d.id = f.document_id WHERE d.slug = '22-nq-tu-2021'",
        )
        .fetch_one(&s.pool)
        .await
        .unwrap();

        // listed to everyone by number and summary, with the lock mark
        let anonymous = browser(CHROME);
        let res = anonymous
            .get(s.url("/van-ban?loai=bao-cao"))
            .send()
            .await
            .unwrap();
        let html = unescape(&res.text().await.unwrap());
        assert!(
            html.contains("30-BC/TU") && html.contains("members-mark"),
            "{backend:?}"
        );
        // its page, its inline view and its file refused; nothing kept for the next
        for _ in 0..2 {
            let res = anonymous.get(s.url(&path)).send().await.unwrap();
            assert_eq!(res.status().as_u16(), 303, "{backend:?}");
            assert_eq!(header(&res, "location"), format!("/dang-nhap?tiep={path}"));
            assert_eq!(header(&res, "cache-control"), "private, no-store");
            let res = anonymous
                .get(s.url(&format!("/media/{file}")))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 403, "{backend:?}: the file");
            assert_eq!(header(&res, "cache-control"), "private, no-store");
            let res = anonymous
                .get(s.url(&format!("{path}/tep/{media}")))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 403, "{backend:?}: the inline view");
        }
        // a public document's file is everyone's, cached as before
        let res = anonymous
            .get(s.url(&format!("/media/{public_file}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200, "{backend:?}");
        assert!(
            header(&res, "cache-control").starts_with("public"),
            "{backend:?}"
        );

        // every signed-in role reads and downloads it, privately
        for (name, role) in [
            ("dangvien", "member"),
            ("bientap", "editor"),
            ("kiemduyet", "moderator"),
            ("quantri", "admin"),
        ] {
            toasoan_server::user_admin::add(&s.pool, name, role, Some(name), "", PASSWORD)
                .await
                .unwrap();
            let reader = browser(CHROME);
            let (status, body) = call_as(
                &s,
                &reader,
                <SignIn as ServerFn>::PATH,
                &[("username", name), ("password", PASSWORD), ("next", &path)],
            )
            .await;
            assert_eq!(status, 200, "{backend:?} {name} {body}");
            let res = reader.get(s.url(&path)).send().await.unwrap();
            assert_eq!(res.status().as_u16(), 200, "{backend:?} {role}");
            assert_eq!(header(&res, "cache-control"), "private, no-store", "{role}");
            let html = unescape(&res.text().await.unwrap());
            assert!(
                html.contains("Báo cáo tổng kết công tác xây dựng Đảng năm 2025"),
                "{role}"
            );
            let res = reader
                .get(s.url(&format!("/media/{file}")))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 200, "{backend:?} {role}: the file");
            assert_eq!(header(&res, "cache-control"), "private, no-store", "{role}");
            assert_eq!(header(&res, "content-disposition"), "attachment", "{role}");
            let res = reader
                .get(s.url(&format!("{path}/tep/{media}")))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 200, "{backend:?} {role}: inline");
            assert_eq!(header(&res, "cache-control"), "private, no-store", "{role}");
        }
        // the demo printed its member once: made on the first run only
        let again = toasoan_server::demo::seed(&s.pool, &s.media_dir)
            .await
            .unwrap();
        assert_eq!((again.member, again.documents), (None, 0), "{backend:?}");
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM users WHERE username = 'thanhvien' AND role = 'member'")
                .await,
            1,
            "{backend:?}"
        );
    }
}
