//! Search against the real application, on SQLite and PostgreSQL: the demo (with the
//! corpus' real articles, its documents and published questions) and a fixture of
//! articles written to test the order, searched with and without tones; đ and d; the
//! order (title phrase, title, lead, body, newest first; as typed first when typed
//! with tones); the filters (type, category, dates) and a date refused with 400;
//! pages; highlighted words; members-only articles by their title alone; an article
//! unpublished leaves the results at once; suggestions; the index rebuilt from the
//! tables gives the same answers; and every answer the same on both databases.

mod common;

use common::{TestServer, backends, unescape};
use leptos::server_fn::ServerFn;
use toasoan_app::features::search::api::GetSuggestions;

/// A fixture article as `toasoan import` reads it.
fn article(
    title: &str,
    published: &str,
    category: &str,
    lead: &str,
    body: &str,
    extra: &str,
) -> String {
    format!(
        "---\ntitle: {title}\npublished: \"{published}T08:00:00+07:00\"\ncategory: {category}\n\
         lead: {lead}\n{extra}---\n\n{body}\n"
    )
}

/// The fixture: (file, text).
fn fixture() -> Vec<(String, String)> {
    let mut files = vec![
        (
            "a1",
            article(
                "Xây dựng Đảng trong sạch, vững mạnh",
                "2024-01-10",
                "Xây dựng Đảng",
                "Bài viết về công tác chính trị.",
                "Nội dung chính.",
                "",
            ),
        ),
        (
            "a2",
            article(
                "Đảng bộ xã tập trung xây dựng nông thôn mới",
                "2025-05-01",
                "Kinh tế",
                "Tin từ cơ sở.",
                "Nông thôn đổi mới.",
                "",
            ),
        ),
        (
            "a3",
            article(
                "Hội nghị sơ kết quý",
                "2025-06-01",
                "Xây dựng Đảng",
                "Bàn về công tác xây dựng Đảng ở cơ sở.",
                "Các đại biểu phát biểu.",
                "",
            ),
        ),
        (
            "a4",
            article(
                "Tin tức địa phương",
                "2025-07-01",
                "Thời sự",
                "Tin ngắn trong tuần.",
                "Tổ chức hội thảo bàn về xây dựng Đảng và hệ thống chính trị.",
                "",
            ),
        ),
        (
            "a5",
            article(
                "Đang xây dựng cầu dân sinh",
                "2025-08-01",
                "Kinh tế",
                "Công trình mới.",
                "Cầu dài 40 mét.",
                "",
            ),
        ),
        (
            "a6",
            article(
                "Khánh thành trường học",
                "2025-09-01",
                "Thời sự",
                "Niềm vui của học sinh.",
                "Đường giao thông nông thôn.",
                "",
            ),
        ),
        (
            "m1",
            article(
                "Bản tin nội bộ về chỉnh đốn",
                "2025-09-15",
                "Thời sự",
                "Chỉ dành cho đảng viên.",
                "Nội dung mật thư.",
                "members_only: true\n",
            ),
        ),
    ]
    .into_iter()
    .map(|(f, t)| (f.to_string(), t))
    .collect::<Vec<_>>();
    for n in 1..=12 {
        files.push((
            format!("p{n:02}"),
            article(
                &format!("Bản tin thử nghiệm số {n}"),
                &format!("2025-10-{n:02}"),
                "Thời sự",
                "Tin để thử phân trang.",
                "Thử nghiệm.",
                "",
            ),
        ));
    }
    files
}

/// The addresses of a results page's hits, in order.
fn hits(html: &str) -> Vec<String> {
    unescape(html)
        .split("<h2 class=\"hit-title\"><a href=\"")
        .skip(1)
        .filter_map(|p| p.split('"').next().map(str::to_string))
        .collect()
}

const A1: &str = "/bai-viet/xay-dung-dang-trong-sach-vung-manh";
const A2: &str = "/bai-viet/dang-bo-xa-tap-trung-xay-dung-nong-thon-moi";
const A3: &str = "/bai-viet/hoi-nghi-so-ket-quy";
const A4: &str = "/bai-viet/tin-tuc-dia-phuong";
const A5: &str = "/bai-viet/dang-xay-dung-cau-dan-sinh";
const A6: &str = "/bai-viet/khanh-thanh-truong-hoc";
const TAY_NINH: &str = "/bai-viet/le-cong-bo-cong-thong-tin-dien-tu-dang-bo-tinh-tay-ninh";

/// Only the fixture's order-test articles, in the order found.
fn ours(found: &[String]) -> Vec<&str> {
    found
        .iter()
        .map(String::as_str)
        .filter(|h| [A1, A2, A3, A4, A5, A6].contains(h))
        .collect()
}

async fn search(s: &TestServer, args: &[(&str, &str)]) -> (u16, String) {
    s.query("/tim-kiem", args).await
}

async fn found(s: &TestServer, q: &str) -> Vec<String> {
    let (status, html) = search(s, &[("q", q)]).await;
    assert_eq!(status, 200, "{q}");
    hits(&html)
}

async fn seeded(backend: common::Backend) -> TestServer {
    let s = TestServer::start(backend).await;
    s.seed_demo().await;
    let dir = s.dir.path().join("fixture");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in fixture() {
        std::fs::write(dir.join(format!("{name}.md")), text).unwrap();
    }
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let report = toasoan_server::import::import_paths(&s.pool, &[corpus, dir], &s.media_dir).await;
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    s
}

/// Every question this test asks, with what each answered: compared across databases.
type Answers = Vec<(String, Vec<String>)>;

async fn ask_all(s: &TestServer) -> Answers {
    let mut out = Vec::new();
    for q in [
        "xay dung dang",
        "Xây dựng Đảng",
        "xây dựng đảng",
        "XAY DUNG DANG",
        "đang",
        "dang bo",
        "cong thong tin dien tu",
        "Cổng thông tin điện tử Tây Ninh",
        "ban tin thu nghiem",
        "nghi quyet",
        "sinh hoat dang",
        "kien giang",
        "chinh don",
        "chuyen doi so",
    ] {
        out.push((q.to_string(), found(s, q).await));
    }
    out
}

#[tokio::test]
async fn search_finds_ranks_filters_and_agrees_on_both_databases() {
    let mut answers: Vec<Answers> = Vec::new();
    for backend in backends() {
        let mut s = seeded(backend).await;

        // folded: without tones, in capitals, with tones, all find the same
        let plain = found(&s, "xay dung dang").await;
        assert_eq!(
            ours(&plain),
            [A1, A5, A2, A3, A4],
            "{backend:?}: phrase in title, title, lead, body; newest first"
        );
        assert_eq!(found(&s, "XAY DUNG DANG").await, plain);
        // typed with tones: "Đảng" as typed before "Đang"
        let toned = found(&s, "Xây dựng Đảng").await;
        assert_eq!(ours(&toned), [A1, A2, A3, A4, A5], "{backend:?}");
        assert_eq!(found(&s, "xây dựng đảng").await, toned);
        let mut a = ours(&plain);
        let mut b = ours(&toned);
        a.sort();
        b.sort();
        assert_eq!(a, b, "the same results, only ordered otherwise");
        // đ/d: "dang" finds "Đảng" and "Đang"; "đang" puts "Đang" first
        assert_eq!(ours(&found(&s, "đang").await).first(), Some(&A5));
        assert!(ours(&found(&s, "dang bo").await).contains(&A2));
        // the corpus' real article, by its title's words without tones
        assert_eq!(
            found(&s, "le cong bo cong thong tin tay ninh")
                .await
                .first()
                .map(String::as_str),
            Some(TAY_NINH)
        );
        assert!(!ours(&found(&s, "xay dung dang").await).contains(&A6));

        // the words are marked in the title and the snippet
        let (_, html) = search(&s, &[("q", "xay dung dang")]).await;
        // without the hydration markers
        let html = unescape(&html).replace("<!>", "");
        assert!(html.contains("<mark>Xây dựng Đảng</mark>"), "marked title");
        assert!(
            html.contains("bàn về <mark>xây dựng Đảng</mark>"),
            "marked snippet from the body"
        );
        assert!(
            html.contains("noindex"),
            "results are not for search engines"
        );

        // documents and published questions are found too, and the type filter keeps one kind
        let (status, html) = search(&s, &[("q", "chuyen doi so"), ("loai", "van-ban")]).await;
        assert_eq!(status, 200);
        let docs = hits(&html);
        assert!(!docs.is_empty(), "demo documents found");
        assert!(docs.iter().all(|h| h.starts_with("/van-ban/")), "{docs:?}");
        let (_, html) = search(&s, &[("q", "sinh hoat dang"), ("loai", "hoi-dap")]).await;
        let qa = hits(&html);
        assert!(
            !qa.is_empty() && qa.iter().all(|h| h.starts_with("/hoi-dap/")),
            "{qa:?}"
        );
        // a category (with its subcategories) keeps its articles only
        let (_, html) = search(
            &s,
            &[("q", "xay dung dang"), ("chuyen-muc", "xay-dung-dang")],
        )
        .await;
        assert_eq!(ours(&hits(&html)), [A1, A3]);
        // dates, both ends included
        let (_, html) = search(
            &s,
            &[
                ("q", "xay dung dang"),
                ("tu", "2025-06-01"),
                ("den", "2025-07-01"),
            ],
        )
        .await;
        assert_eq!(ours(&hits(&html)), [A3, A4]);
        // a date that is not one, or a range backwards: 400, said, nothing searched
        let (status, html) = search(&s, &[("q", "xay dung dang"), ("tu", "2025-13-45")]).await;
        assert_eq!(status, 400);
        assert!(unescape(&html).contains("Ngày không hợp lệ"));
        assert!(hits(&html).is_empty());
        let (status, html) = search(
            &s,
            &[("q", "dang"), ("tu", "2025-02-01"), ("den", "2025-01-01")],
        )
        .await;
        assert_eq!(status, 400);
        assert!(unescape(&html).contains("phải trước"));
        // nothing found is said; an empty query shows the tips
        let (status, html) = search(&s, &[("q", "khongcotunaynhu")]).await;
        assert_eq!(status, 200);
        assert!(unescape(&html).contains("Không tìm thấy kết quả nào"));
        assert!(unescape(&search(&s, &[("q", "")]).await.1).contains("Gõ có dấu hay không dấu"));

        // pages: ten a page (the fixture's twelve, their phrase in the title, first)
        let (_, html) = search(&s, &[("q", "ban tin thu nghiem")]).await;
        let first = hits(&html);
        let pn = |n: u32| format!("/bai-viet/ban-tin-thu-nghiem-so-{n}");
        assert_eq!(
            first,
            (3..=12).rev().map(pn).collect::<Vec<_>>(),
            "newest first"
        );
        let text = unescape(&html);
        let total: usize = text
            .split("Tìm thấy ")
            .nth(1)
            .and_then(|t| t.split(' ').next())
            .and_then(|n| n.parse().ok())
            .expect("a count");
        assert!(total >= 12, "{total}");
        let (status, html) = search(&s, &[("q", "ban tin thu nghiem"), ("trang", "2")]).await;
        assert_eq!(status, 200);
        assert_eq!(hits(&html)[..2], [pn(2), pn(1)]);
        assert!(html.contains("page-prev"), "a way back");
        assert_eq!(
            search(&s, &[("q", "ban tin thu nghiem"), ("trang", "100")])
                .await
                .0,
            404
        );

        // a members-only article: found by its title, never by what only members read
        let m1 = "/bai-viet/ban-tin-noi-bo-ve-chinh-don".to_string();
        assert_eq!(
            found(&s, "ban tin noi bo ve chinh don").await.first(),
            Some(&m1)
        );
        assert!(
            !found(&s, "noi dung mat thu").await.contains(&m1),
            "its body is not searched"
        );
        assert!(
            !found(&s, "chi danh cho dang vien").await.contains(&m1),
            "nor its lead"
        );

        // suggestions: titles beginning like what is typed, the last word half typed
        let (status, body) = s
            .query(<GetSuggestions as ServerFn>::PATH, &[("q", "xay dung da")])
            .await;
        assert_eq!(status, 200);
        let list: serde_json::Value = serde_json::from_str(&body).unwrap();
        let hrefs: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|x| x["href"].as_str())
            .collect();
        assert!(
            hrefs.contains(&A1) && hrefs.contains(&A2) && hrefs.contains(&A5),
            "{hrefs:?}"
        );
        assert!(!hrefs.contains(&A3), "only titles");
        let (_, body) = s
            .query(<GetSuggestions as ServerFn>::PATH, &[("q", "x")])
            .await;
        assert_eq!(body.trim(), "[]", "not for one letter");

        answers.push(ask_all(&s).await);

        // unpublished: gone from the results at once
        s.sign_in_as("tongbientap", "editor_in_chief", "tong-bien-tap-2026")
            .await;
        let id = s
            .scalar(&format!(
                "SELECT id FROM articles WHERE slug = '{}'",
                &A5["/bai-viet/".len()..]
            ))
            .await;
        assert_eq!(
            common::transition(&s, &id.to_string(), "unpublish").await,
            200
        );
        assert!(!found(&s, "xay dung dang").await.contains(&A5.to_string()));
        assert_eq!(
            common::transition(&s, &id.to_string(), "publish").await,
            200
        );

        // the index rebuilt from the tables (a server of a newer version starting)
        // answers as the writers kept it
        sqlx::query("UPDATE settings SET value = '0' WHERE key = 'search_version'")
            .execute(&s.pool)
            .await
            .unwrap();
        let url = s.database_url.clone();
        s.shut_down().await;
        let again = TestServer::on_database(backend, &url, Default::default()).await;
        assert_eq!(
            again
                .scalar(
                    "SELECT COUNT(*) FROM settings WHERE key = 'search_version' AND value = '1'"
                )
                .await,
            1
        );
        let rebuilt = ask_all(&again).await;
        assert_eq!(
            &rebuilt,
            answers.last().unwrap(),
            "{backend:?}: rebuilt index, same answers"
        );
    }
    if answers.len() == 2 {
        assert_eq!(answers[0], answers[1], "SQLite and PostgreSQL answer alike");
    }
}
