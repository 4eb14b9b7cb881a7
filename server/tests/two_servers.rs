//! Two servers on one database, on SQLite and PostgreSQL: the scheduler runs on one
//! of them at a time (its lease), another takes it over when the first stops, an
//! article published through one server is served fresh by the other, and on
//! PostgreSQL a reader's limits add up across both.

mod common;

use common::{Backend, TestServer, backends, browser, rate};
use leptos::server_fn::ServerFn;
use toasoan_app::core::lease;
use toasoan_app::core::site::ParticipationConfig;
use toasoan_app::features::workflow::api::TransitionArticle;
use toasoan_server::jobs::{LEASE_SECONDS, SCHEDULER_LEASE, scheduler_round};

const CHROME: &str = "Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile Safari/537.36";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lease_has_one_holder_until_it_lapses_or_is_given_up() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let now = 1_800_000_000;
        // two servers ask at the same moment, many times over: one of each pair holds it
        for round in 0..20 {
            let name = format!("job-{round}");
            let (a, b) = tokio::join!(
                lease::take(&s.pool, &name, "a", now, 60),
                lease::take(&s.pool, &name, "b", now, 60)
            );
            assert!(
                a.unwrap() ^ b.unwrap(),
                "{backend:?} round {round}: exactly one takes it"
            );
        }
        assert!(lease::take(&s.pool, "job", "a", now, 60).await.unwrap());
        assert!(
            lease::take(&s.pool, "job", "a", now + 30, 60)
                .await
                .unwrap(),
            "{backend:?}: its holder renews it"
        );
        assert!(
            !lease::take(&s.pool, "job", "b", now + 89, 60)
                .await
                .unwrap(),
            "{backend:?}: renewed until now + 90"
        );
        assert!(
            lease::take(&s.pool, "job", "b", now + 90, 60)
                .await
                .unwrap(),
            "{backend:?}: lapsed, another takes it"
        );
        assert!(
            !lease::take(&s.pool, "job", "a", now + 91, 60)
                .await
                .unwrap(),
            "{backend:?}: the old holder has lost it"
        );
        lease::give_up(&s.pool, "job", "b").await.unwrap();
        assert!(
            lease::take(&s.pool, "job", "a", now + 92, 60)
                .await
                .unwrap(),
            "{backend:?}: given up, free at once"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scheduled_articles_are_published_once_across_two_servers() {
    for backend in backends() {
        let a = TestServer::start(backend).await;
        let b = TestServer::on_database(backend, &a.database_url, Default::default()).await;
        a.seed_demo().await;
        let slug = a.newest_published_slug().await;
        let now = toasoan_app::core::time::now();
        sqlx::query("UPDATE articles SET status = 'scheduled', publish_at = $1 WHERE slug = $2")
            .bind(now - 1)
            .bind(&slug)
            .execute(&a.pool)
            .await
            .unwrap();
        let events_before = a
            .scalar("SELECT COUNT(*) FROM article_events WHERE to_status = 'published'")
            .await;
        // both servers' schedulers wake at the same moment
        let (ra, rb) = tokio::join!(
            scheduler_round(&a.pool, &a.pages, "server-a", now),
            scheduler_round(&b.pool, &b.pages, "server-b", now)
        );
        let (ra, rb) = (ra.unwrap(), rb.unwrap());
        assert!(
            ra.is_some() ^ rb.is_some(),
            "{backend:?}: one server runs the round ({ra:?}, {rb:?})"
        );
        assert_eq!(ra.or(rb), Some(1), "{backend:?}: it publishes the article");
        let events_after = a
            .scalar("SELECT COUNT(*) FROM article_events WHERE to_status = 'published'")
            .await;
        assert_eq!(
            events_after - events_before,
            1,
            "{backend:?}: published once"
        );
        let runner = if ra.is_some() { "server-a" } else { "server-b" };
        let other = if ra.is_some() { "server-b" } else { "server-a" };
        // the other waits while the lease is renewed, and takes over once it lapses
        let later = now + LEASE_SECONDS - 1;
        assert_eq!(
            scheduler_round(&a.pool, &a.pages, other, later)
                .await
                .unwrap(),
            None,
            "{backend:?}"
        );
        assert_eq!(
            scheduler_round(&a.pool, &a.pages, other, now + LEASE_SECONDS)
                .await
                .unwrap(),
            Some(0),
            "{backend:?}: {runner} stopped renewing; {other} runs the schedule"
        );
        let holder: String = sqlx::query_scalar("SELECT holder FROM job_leases WHERE name = $1")
            .bind(SCHEDULER_LEASE)
            .fetch_one(&a.pool)
            .await
            .unwrap();
        assert_eq!(holder, other, "{backend:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_article_published_through_one_server_is_served_fresh_by_the_other() {
    for backend in backends() {
        let a = TestServer::start(backend).await;
        a.seed_demo().await;
        let b = TestServer::on_database(backend, &a.database_url, Default::default()).await;
        // an approved article waits for publication
        let slug = a.newest_published_slug().await;
        let id = a
            .scalar(&format!("SELECT id FROM articles WHERE slug = '{slug}'"))
            .await;
        sqlx::query("UPDATE articles SET status = 'approved', publish_at = NULL WHERE id = $1")
            .bind(id)
            .execute(&a.pool)
            .await
            .unwrap();
        a.pages.invalidate();
        b.pages.invalidate();
        let href = format!("/bai-viet/{slug}");
        // a reader's copy of the home page is kept by server B
        let reader = browser(CHROME);
        let home = || async {
            let res = reader.get(b.url("/")).send().await.unwrap();
            let cache = res
                .headers()
                .get("x-cache")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string();
            (cache, res.text().await.unwrap())
        };
        home().await;
        let (cache, body) = home().await;
        assert_eq!(cache, "hit", "{backend:?}: B keeps the home page");
        assert!(!body.contains(&href), "{backend:?}: not published yet");
        // the editor-in-chief publishes it through server A
        a.sign_in_as("tongbientap", "editor_in_chief", "xuat-ban-2026")
            .await;
        let res = a
            .call(
                TransitionArticle::PATH,
                &[
                    ("article_id", &id.to_string()),
                    ("action", "publish"),
                    ("reason", ""),
                    ("publish_at", ""),
                ],
            )
            .await;
        assert_eq!(
            res.status().as_u16(),
            200,
            "{backend:?}: published through A"
        );
        let started = std::time::Instant::now();
        let mut shown = None;
        while started.elapsed() < std::time::Duration::from_millis(1500) {
            if home().await.1.contains(&href) {
                shown = Some(started.elapsed());
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let shown = shown.unwrap_or_else(|| panic!("{backend:?}: B never showed it"));
        assert!(
            shown < std::time::Duration::from_secs(1),
            "{backend:?}: B shows it within a second ({shown:?})"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_readers_limits_add_up_across_servers_on_postgresql() {
    for backend in backends() {
        let rules = ParticipationConfig {
            ratings_per_visitor: 3,
            view_flush_seconds: 3600,
            ..Default::default()
        };
        let a = TestServer::start_with(backend, rules.clone()).await;
        a.seed_demo().await;
        let b = TestServer::on_database(backend, &a.database_url, rules).await;
        let slug = a.newest_published_slug().await;
        let reader = browser(CHROME);
        // the first rating gives the browser its visitor cookie (both servers read it)
        assert_eq!(rate(&a, &reader, &slug, "5").await.0, 200);
        // then the reader's ratings go to A and B in turn
        let mut answers = Vec::new();
        for (i, stars) in ["4", "3", "2", "1"].iter().enumerate() {
            let server = if i % 2 == 0 { &b } else { &a };
            answers.push(rate(server, &reader, &slug, stars).await.0);
        }
        match backend {
            // three per visitor in all: the fourth, on B, is refused though B saw two
            Backend::Postgres => assert_eq!(answers, [200, 200, 200, 429], "{backend:?}"),
            // one server per SQLite file: each process counts its own
            Backend::Sqlite => assert_eq!(answers, [200, 200, 200, 200], "{backend:?}"),
        }
        if backend == Backend::Postgres {
            // the scheduler's holder deletes windows no limit reads any more
            assert!(a.scalar("SELECT COUNT(*) FROM limit_hits").await > 0);
            let later = toasoan_app::core::time::now() + 3 * 24 * 3600;
            toasoan_app::core::rate_limit::forget_old(
                &a.pool,
                later,
                toasoan_server::jobs::LIMIT_WINDOW_KEPT,
            )
            .await
            .unwrap();
            assert_eq!(a.scalar("SELECT COUNT(*) FROM limit_hits").await, 0);
        }
    }
}
