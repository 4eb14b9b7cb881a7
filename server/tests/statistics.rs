//! Visitor statistics against the real application, on SQLite and PostgreSQL: pages
//! served (from the page cache too) are counted in memory — one visit per visitor a
//! day, every page a view, search engines apart, phones and desktops, outside
//! referrers — with no write while pages are served; the block's numbers after that;
//! everything written at shutdown and read back by the next start (with the demo's
//! history of the days before); an article's reads
//! per day; the admin's report (its chart, its tables, a period refused) for those who
//! may read it only.

mod common;

use common::{FIREFOX, TestServer, backends, relaxed, unescape};
use leptos::server_fn::ServerFn;
use toasoan_app::core::site::ParticipationConfig;
use toasoan_app::features::stats::api::{GetStatsReport, GetVisitBlock};

const GOOGLEBOT: &str = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const PHONE: &str =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";

/// A visitor's page: its own cookie (none for a robot), its browser, maybe a referrer.
async fn visit(
    s: &TestServer,
    path: &str,
    visitor: Option<&str>,
    agent: &str,
    referer: Option<&str>,
) {
    let client = reqwest::Client::new();
    let mut req = client.get(s.url(path)).header("User-Agent", agent);
    if let Some(id) = visitor {
        req = req.header("Cookie", format!("toasoan_khach={id}"));
    }
    if let Some(r) = referer {
        req = req.header("Referer", r);
    }
    let res = req.send().await.expect("page");
    assert_eq!(res.status().as_u16(), 200, "{path}");
    res.text().await.unwrap();
}

fn visitor(n: u32) -> String {
    format!("{n:032x}")
}

async fn block(s: &TestServer) -> serde_json::Value {
    let (status, body) = s.query(<GetVisitBlock as ServerFn>::PATH, &[]).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

fn counted() -> ParticipationConfig {
    // nothing is written while the test runs: what it reads before shutdown is memory
    ParticipationConfig {
        view_flush_seconds: 3600,
        ..relaxed()
    }
}

#[tokio::test]
async fn visits_are_counted_in_memory_written_in_batches_and_reported() {
    for backend in backends() {
        let mut s = TestServer::start_with(backend, counted()).await;
        s.seed_demo().await;
        let article = s.newest_published_slug().await;
        let article_path = format!("/bai-viet/{article}");
        // three people and a search engine; the first twice (the second from the cache)
        visit(&s, "/", Some(&visitor(1)), FIREFOX, None).await;
        visit(&s, "/", Some(&visitor(1)), FIREFOX, None).await;
        visit(
            &s,
            &article_path,
            Some(&visitor(2)),
            PHONE,
            Some("https://zalo.me/g/abc"),
        )
        .await;
        visit(
            &s,
            "/van-ban",
            Some(&visitor(3)),
            FIREFOX,
            Some(&format!("{}/", s.base)),
        )
        .await;
        visit(&s, "/", None, GOOGLEBOT, None).await;
        // the server's own calls and files are not pages
        s.query(<GetVisitBlock as ServerFn>::PATH, &[]).await;

        // the footer's frame: the numbers of the moment, kept by no cache, not a visit
        let res = reqwest::get(s.url("/thong-ke-truy-cap")).await.unwrap();
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(common::header(&res, "cache-control"), "no-store");
        let frame = res.text().await.unwrap();
        assert!(frame.contains("<dd id=\"tk-hom-nay\">3</dd>"), "{frame}");
        assert!(frame.contains("Đang truy cập"));
        let b = block(&s).await;
        assert_eq!(b["online"], 4, "{backend:?}: {b}");
        assert_eq!(b["bots"], 1);
        assert_eq!(b["today"], 3);
        // the demo's history is of the days before today
        let today = toasoan_app::core::visits::day_number(toasoan_app::core::time::now());
        let stored_today = format!("SELECT COUNT(*) FROM visit_days WHERE day = {today}");
        assert_eq!(s.scalar(&stored_today).await, 0, "no write per request");
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM visit_referrers WHERE day = {today}"
            ))
            .await,
            0
        );
        let history = s
            .scalar("SELECT CAST(COALESCE(SUM(visits), 0) AS BIGINT) FROM visit_days")
            .await;
        assert!(history > 1000, "the demo's 60 days: {history}");

        // written at shutdown
        let url = s.database_url.clone();
        s.shut_down().await;
        let again = TestServer::on_database(backend, &url, counted()).await;
        let row = |column: &str| format!("SELECT {column} FROM visit_days WHERE day = {today}");
        assert_eq!(again.scalar(&row("visits")).await, 3);
        assert_eq!(again.scalar(&row("page_views")).await, 4);
        assert_eq!(again.scalar(&row("bot_views")).await, 1);
        assert_eq!(again.scalar(&row("phone_visits")).await, 1);
        assert_eq!(again.scalar(&row("desktop_visits")).await, 2);
        assert_eq!(
            again
                .scalar(&format!(
                    "SELECT views FROM visit_referrers WHERE host = 'zalo.me' AND day = {today}"
                ))
                .await,
            1,
            "an outside referrer, not the portal itself"
        );
        assert_eq!(
            again
                .scalar(&format!(
                    "SELECT COUNT(*) FROM visit_referrers WHERE day = {today}"
                ))
                .await,
            1
        );
        assert_eq!(
            again
                .scalar(&format!(
                    "SELECT views FROM visit_articles v JOIN articles a ON a.id = v.article_id WHERE a.slug = '{article}' AND v.day = {today}"
                ))
                .await,
            1,
            "the article's read of the day"
        );
        // the next start reads the totals back; a new visitor adds to them
        visit(&again, "/", Some(&visitor(4)), FIREFOX, None).await;
        let b = block(&again).await;
        assert_eq!(
            (b["today"].as_i64(), b["total"].as_i64()),
            (Some(4), Some(history + 4)),
            "{b}"
        );

        // the report: for those who may read it
        let (status, _) = again
            .query(
                <GetStatsReport as ServerFn>::PATH,
                &[("from", ""), ("to", "")],
            )
            .await;
        assert_eq!(status, 401);
        again
            .sign_in_as("bientap", "editor", "bien-tap-2026-tk")
            .await;
        let (status, _) = again
            .query(
                <GetStatsReport as ServerFn>::PATH,
                &[("from", ""), ("to", "")],
            )
            .await;
        assert_eq!(status, 403, "an editor does not");
        again
            .sign_in_as("quantri", "admin", "quan-tri-2026-tk")
            .await;
        let (status, body) = again
            .query(
                <GetStatsReport as ServerFn>::PATH,
                &[("from", ""), ("to", "")],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let r: serde_json::Value = serde_json::from_str(&body).unwrap();
        let days = r["days"].as_array().unwrap();
        assert_eq!(days.len(), 30, "the last 30 days, the empty ones too");
        assert_eq!(days.last().unwrap()["day"], today);
        assert_eq!(
            days.last().unwrap()["visits"],
            3,
            "as written (the fourth is not yet)"
        );
        let summed: i64 = days.iter().map(|d| d["visits"].as_i64().unwrap()).sum();
        assert_eq!(r["visits"].as_i64(), Some(summed));
        assert!(r["phone_visits"].as_i64().unwrap() > r["desktop_visits"].as_i64().unwrap() / 2);
        let hosts: Vec<&str> = r["referrers"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|x| x["label"].as_str())
            .collect();
        assert!(hosts.contains(&"zalo.me"), "{hosts:?}");
        assert!(r["articles"].as_array().is_some_and(|a| !a.is_empty()));
        assert!(r["categories"].as_array().is_some_and(|c| !c.is_empty()));
        let (status, body) = again
            .query(
                <GetStatsReport as ServerFn>::PATH,
                &[("from", "2026-05-01"), ("to", "2026-01-01")],
            )
            .await;
        assert_eq!(status, 200);
        let r: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert!(
            r["error"]
                .as_str()
                .is_some_and(|e| e.contains("không hợp lệ")),
            "{r}"
        );
        assert_eq!(r["days"].as_array().unwrap().len(), 30);
        // the page: the chart drawn on the server, the numbers beside it
        let (status, html) = again.get("/quan-tri/thong-ke").await;
        assert_eq!(status, 200);
        let html = unescape(&html);
        assert!(
            html.contains("<svg") && html.contains("class=\"stats-chart\""),
            "the chart"
        );
        assert!(html.contains("class=\"chart-bar\""));
        assert!(html.contains("Lượt truy cập và lượt xem trang theo ngày"));
        assert!(html.contains("zalo.me"));
        assert!(html.contains(&format!(
            "{:02}/{:02}/{}",
            today % 100,
            today / 100 % 100,
            today / 10_000
        )));
    }
}
