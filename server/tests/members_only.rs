//! Articles for members only (internal bulletins) against the real application, on
//! SQLite and PostgreSQL: the editor's switch is stored and comes back; the lists
//! show such an article to everyone by its title with a lock mark, never its sapo or
//! picture; its page (and its print view) sends a reader who is not signed in to the
//! sign-in page, which brings them back, and is kept by no cache; a signed-in member
//! reads it, and only signed-in readers rate it; switched on after its page was kept,
//! the kept copy is handed out no more.

mod common;

use common::{CHROME, TestServer, backends, browser, call_as, header, rate, save_doc};
use leptos::server_fn::ServerFn;
use toasoan_app::features::accounts::api::SignIn;
use toasoan_app::features::editorial::form::GetArticleForm;

const PASSWORD: &str = "ban-tin-noi-bo-2026";
const BODY: &str = "Chi bộ học tập, quán triệt Nghị quyết số 22-NQ/TU.";
const TITLE: &str = "Bản tin sinh hoạt chi bộ tháng 6/2022";
const SAPO: &str = "Nội dung sinh hoạt chuyên đề tháng 6.";

/// The editor's save of the bulletin: article `id` (None: new) from revision `base`.
fn bulletin(id: Option<i64>, base: i64, cat: i64, members_only: bool) -> serde_json::Value {
    serde_json::json!({
        "id": id, "base_revision": base, "title": TITLE, "sapo": SAPO,
        "category_id": cat, "allow_comments": true, "allow_ratings": true,
        "members_only": members_only,
        "doc": { "blocks": [
            { "type": "paragraph", "text": [{ "text": BODY }] }
        ] }
    })
}

/// A server with the bulletins' category, its client signed in as the editor-in-chief.
async fn bulletin_desk(backend: common::Backend) -> (TestServer, i64) {
    let s = TestServer::start(backend).await;
    let cat = s
        .scalar(
            "INSERT INTO categories (slug, name, created_at) \
             VALUES ('ban-tin', 'Bản tin', 0) RETURNING id",
        )
        .await;
    s.sign_in_as("tongbientap", "editor_in_chief", PASSWORD)
        .await;
    (s, cat)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_members_only_article_is_listed_by_title_and_read_only_signed_in() {
    for backend in backends() {
        let (s, cat) = bulletin_desk(backend).await;
        let (status, saved) = save_doc(&s, bulletin(None, 0, cat, true)).await;
        assert_eq!(status, 200, "{backend:?} {saved}");
        let id = saved["id"].as_i64().unwrap();
        assert_eq!(
            s.scalar(&format!(
                "SELECT members_only FROM articles WHERE id = {id}"
            ))
            .await,
            1,
            "{backend:?}"
        );
        let (status, form) = s
            .query(GetArticleForm::PATH, &[("id", &id.to_string())])
            .await;
        assert_eq!(status, 200, "{backend:?} {form}");
        let form: serde_json::Value = serde_json::from_str(&form).unwrap();
        assert_eq!(form["members_only"], true, "{backend:?} {form}");
        for step in ["submit", "approve", "publish"] {
            assert_eq!(
                common::transition(&s, &id.to_string(), step).await,
                200,
                "{backend:?} {step}"
            );
        }
        let slug = s.newest_published_slug().await;
        let path = format!("/bai-viet/{slug}");

        // a reader who is not signed in is sent to sign in, twice alike (nothing kept)
        let reader = browser(CHROME);
        for asked in [path.clone(), path.clone(), format!("{path}/in")] {
            let res = reader.get(s.url(&asked)).send().await.unwrap();
            assert_eq!(res.status().as_u16(), 303, "{backend:?} {asked}");
            assert_eq!(
                header(&res, "location"),
                format!("/dang-nhap?tiep=/bai-viet/{slug}"),
                "{backend:?} {asked}"
            );
            assert_eq!(
                header(&res, "cache-control"),
                "private, no-store",
                "{backend:?}"
            );
            let html = res.text().await.unwrap();
            assert!(
                !html.contains("22-NQ/TU"),
                "{backend:?}: the body stays hidden"
            );
        }
        // rating it needs a signed-in reader
        let (status, _) = rate(&s, &reader, &slug, "5").await;
        assert_eq!(status, 401, "{backend:?}");

        // listed to everyone by its title, with the lock mark, never its sapo
        for list in ["/", "/chuyen-muc/ban-tin"] {
            let res = reader.get(s.url(list)).send().await.unwrap();
            assert_eq!(res.status().as_u16(), 200, "{backend:?} {list}");
            let html = common::unescape(&res.text().await.unwrap());
            assert!(html.contains(TITLE), "{backend:?} {list}");
            assert!(html.contains("members-mark"), "{backend:?} {list}");
            assert!(html.contains("Dành cho thành viên"), "{backend:?} {list}");
            assert!(!html.contains(SAPO), "{backend:?} {list}: no sapo");
        }

        // a member signs in and reads it, a page no cache keeps; and rates it
        toasoan_server::user_admin::add(
            &s.pool,
            "dangvien",
            "member",
            Some("Nguyễn Văn Đảng"),
            "",
            PASSWORD,
        )
        .await
        .unwrap();
        let (status, body) = call_as(
            &s,
            &reader,
            <SignIn as ServerFn>::PATH,
            &[
                ("username", "dangvien"),
                ("password", PASSWORD),
                ("next", &path),
            ],
        )
        .await;
        assert_eq!(status, 200, "{backend:?} {body}");
        let res = reader.get(s.url(&path)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{backend:?}");
        assert_eq!(
            header(&res, "cache-control"),
            "private, no-store",
            "{backend:?}"
        );
        let html = common::unescape(&res.text().await.unwrap());
        assert!(html.contains(BODY), "{backend:?}");
        assert!(html.contains("Dành cho thành viên"), "{backend:?}: marked");
        let (status, body) = rate(&s, &reader, &slug, "5").await;
        assert_eq!(status, 200, "{backend:?} {body}");

        // once the switch is off, the article is everyone's again
        let (_, form) = s
            .query(GetArticleForm::PATH, &[("id", &id.to_string())])
            .await;
        let form: serde_json::Value = serde_json::from_str(&form).unwrap();
        let base = form["base_revision"].as_i64().unwrap();
        let (status, saved) = save_doc(&s, bulletin(Some(id), base, cat, false)).await;
        assert_eq!(status, 200, "{backend:?} {saved}");
        let anonymous = browser(CHROME);
        for _ in 0..2 {
            // the second from the page cache
            let res = anonymous.get(s.url(&path)).send().await.unwrap();
            assert_eq!(res.status().as_u16(), 200, "{backend:?}: public again");
            assert!(common::unescape(&res.text().await.unwrap()).contains(BODY));
        }
        // and on again: the kept public copy is not handed out any more
        let (_, form) = s
            .query(GetArticleForm::PATH, &[("id", &id.to_string())])
            .await;
        let form: serde_json::Value = serde_json::from_str(&form).unwrap();
        let base = form["base_revision"].as_i64().unwrap();
        let draft = bulletin(Some(id), base, cat, true);
        let (status, saved) = save_doc(&s, draft).await;
        assert_eq!(status, 200, "{backend:?} {saved}");
        let res = anonymous.get(s.url(&path)).send().await.unwrap();
        assert_eq!(
            res.status().as_u16(),
            303,
            "{backend:?}: members only again"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_members_only_articles_pictures_are_for_members() {
    for backend in backends() {
        let (s, cat) = bulletin_desk(backend).await;
        let (status, up) =
            common::post_files(&s, &s.client, &[("chi-bo.png", common::png(64, 48))]).await;
        assert_eq!(status, 200, "{backend:?} {up}");
        let (media, src) = (
            up[0]["id"].as_i64().unwrap(),
            up[0]["src"].as_str().unwrap().to_string(),
        );
        let with_picture = |id: Option<i64>, base: i64, members_only: bool| {
            let mut d = bulletin(id, base, cat, members_only);
            d["doc"]["blocks"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({
                    "type": "image", "media_id": media, "src": src, "width": 64, "height": 48,
                    "alt": "Chi bộ họp"
                }));
            d
        };
        let (status, saved) = save_doc(&s, with_picture(None, 0, true)).await;
        assert_eq!(status, 200, "{backend:?} {saved}");
        let anonymous = browser(CHROME);
        let res = anonymous.get(s.url(&src)).send().await.unwrap();
        assert_eq!(
            res.status().as_u16(),
            403,
            "{backend:?}: the picture of a bulletin"
        );
        assert_eq!(header(&res, "cache-control"), "private, no-store");
        // the editor (signed in) gets it, kept by no shared cache
        let res = s.client.get(s.url(&src)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{backend:?}");
        assert_eq!(header(&res, "cache-control"), "private, no-store");
        // open to everyone again: the picture too
        let id = saved["id"].as_i64().unwrap();
        let base = saved["revision"].as_i64().unwrap();
        let (status, saved) = save_doc(&s, with_picture(Some(id), base, false)).await;
        assert_eq!(status, 200, "{backend:?} {saved}");
        let res = anonymous.get(s.url(&src)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{backend:?}: public again");
        assert!(
            header(&res, "cache-control").starts_with("public"),
            "{backend:?}"
        );
    }
}
