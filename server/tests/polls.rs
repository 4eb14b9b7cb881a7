//! Bình chọn against the real application, on SQLite and PostgreSQL: an editor makes a
//! poll (readers cannot), it shows on the home page and in its article; one vote per
//! reader, counted, with the choices checked; the plain form's vote goes on to the
//! poll's page with the results; results after the vote or only after closing as the
//! poll says; no vote before it opens or after it closes; the choices fixed once
//! someone voted; the audit events; the demo's poll.

mod common;

use common::{CHROME, FIREFOX, TestServer, backends, browser, call_as, header, page_text, relaxed};
use leptos::server_fn::ServerFn;
use toasoan_app::core::time::{local_input, now};
use toasoan_app::features::polls::admin_api::SavePoll;
use toasoan_app::features::polls::api::VotePoll;

const QUESTION: &str = "Bạn đánh giá thế nào về việc công khai thủ tục hành chính ở xã?";

/// Saves a poll as the editors' form does; (status, body).
async fn save(s: &TestServer, id: i64, fields: &[(&str, &str)]) -> (u16, String) {
    let id = id.to_string();
    let opens = local_input(now() - 3600);
    let mut form: Vec<(&str, &str)> = vec![
        ("id", &id),
        ("poll[question]", QUESTION),
        ("poll[options]", "Rất tốt\nTốt\nChưa tốt"),
        ("poll[opens]", &opens),
        ("poll[closes]", ""),
        ("poll[shown]", "vote"),
        ("poll[on_home]", "1"),
        ("poll[article]", ""),
    ];
    for (k, v) in fields {
        match form.iter_mut().find(|(name, _)| name == k) {
            Some(f) => f.1 = v,
            None => form.push((k, v)),
        }
    }
    let res = s.call(<SavePoll as ServerFn>::PATH, &form).await;
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn choice(s: &TestServer, poll: i64, label: &str) -> String {
    let row = sqlx::query("SELECT id FROM poll_options WHERE poll_id = $1 AND label = $2")
        .bind(poll)
        .bind(label)
        .fetch_one(&s.pool)
        .await
        .unwrap();
    sqlx::Row::get::<i64, _>(&row, 0).to_string()
}

async fn vote(
    s: &TestServer,
    client: &reqwest::Client,
    poll: i64,
    choices: &[&str],
) -> (u16, String) {
    let poll = poll.to_string();
    let mut form = vec![("poll", poll.as_str())];
    form.extend(choices.iter().map(|c| ("choices[]", *c)));
    call_as(s, client, <VotePoll as ServerFn>::PATH, &form).await
}

async fn votes(s: &TestServer, poll: i64) -> i64 {
    s.scalar(&format!("SELECT voters FROM polls WHERE id = {poll}"))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_vote_per_reader_with_the_results_as_the_poll_says() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        s.seed_demo().await;
        // readers do not make polls
        assert_eq!(save(&s, 0, &[]).await.0, 401);
        s.sign_in_as("bientap", "editor", "bien-tap-2026").await;
        assert_eq!(save(&s, 0, &[("poll[options]", "Chỉ một")]).await.0, 400);
        assert_eq!(save(&s, 0, &[("poll[question]", "Hả")]).await.0, 400);
        let past = local_input(now() - 7200);
        assert_eq!(
            save(&s, 0, &[("poll[closes]", &past)]).await.0,
            400,
            "closes before it opens"
        );
        assert_eq!(
            save(&s, 0, &[("poll[article]", "khong-co-bai-nay")])
                .await
                .0,
            400
        );
        let (status, body) = save(&s, 0, &[]).await;
        assert_eq!(status, 200, "{body}");
        let id: i64 = serde_json::from_str(&body).unwrap();

        // on the home page, for everyone, as a form
        let (_, html) = s.get("/").await;
        assert!(page_text(&html).contains(QUESTION), "the home page's poll");
        assert!(html.contains("name=\"choices[]\" value="), "a plain form");

        let (good, fair) = (choice(&s, id, "Rất tốt").await, choice(&s, id, "Tốt").await);
        let a = browser(CHROME);
        assert_eq!(vote(&s, &a, id, &[]).await.0, 400, "nothing chosen");
        assert_eq!(
            vote(&s, &a, id, &[&good, &fair]).await.0,
            400,
            "one choice only"
        );
        let demo_choice = s
            .scalar(&format!(
                "SELECT MIN(id) FROM poll_options WHERE poll_id <> {id}"
            ))
            .await
            .to_string();
        assert_eq!(
            vote(&s, &a, id, &[&demo_choice]).await.0,
            400,
            "another poll's choice"
        );
        assert_eq!(votes(&s, id).await, 0, "refused votes count nothing");
        let (status, body) = vote(&s, &a, id, &[&good]).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            vote(&s, &a, id, &[&fair]).await.0,
            409,
            "one vote per reader"
        );
        let b = browser(FIREFOX);
        assert_eq!(vote(&s, &b, id, &[&fair]).await.0, 200);
        assert_eq!(votes(&s, id).await, 2);
        assert_eq!(
            s.scalar(&format!("SELECT votes FROM poll_options WHERE id = {good}"))
                .await,
            1
        );

        // a plain form: on to the poll's page, with the results
        let c = browser(CHROME);
        let res = c
            .post(s.url(<VotePoll as ServerFn>::PATH))
            .header("Origin", &s.base)
            .header("Accept", "text/html")
            .form(&[
                ("poll", id.to_string().as_str()),
                ("choices[]", good.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert!(res.status().is_redirection(), "{}", res.status());
        let to = header(&res, "location");
        assert_eq!(to, format!("/binh-chon/{id}?da-binh-chon=1"));
        let html = c
            .get(s.url(&to))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let text = page_text(&html);
        assert!(text.contains("Cảm ơn bạn đã bình chọn"), "{text}");
        assert!(
            text.contains("2 phiếu (67%)") && text.contains("1 phiếu (33%)"),
            "{text}"
        );
        assert!(text.contains("3 lượt bình chọn"), "{text}");
        // a reader who has not voted sees the form, not the counts
        let (_, html) = s.get(&format!("/binh-chon/{id}")).await;
        assert!(
            !page_text(&html).contains("phiếu ("),
            "no results before voting"
        );

        // results only once it closes
        let (status, _) = save(&s, id, &[("poll[shown]", "close")]).await;
        assert_eq!(status, 200);
        let html = c
            .get(s.url(&format!("/binh-chon/{id}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let text = page_text(&html);
        assert!(
            text.contains("Bạn đã bình chọn") && !text.contains("phiếu ("),
            "{text}"
        );
        // the choices are fixed once someone voted
        let (status, body) = save(&s, id, &[("poll[options]", "Có\nKhông")]).await;
        assert_eq!(status, 409, "{body}");

        // closed: no more votes, the results for all
        sqlx::query("UPDATE polls SET closes_at = $1 WHERE id = $2")
            .bind(now() - 60)
            .bind(id)
            .execute(&s.pool)
            .await
            .unwrap();
        assert_eq!(vote(&s, &browser(CHROME), id, &[&fair]).await.0, 409);
        let (_, html) = s.get(&format!("/binh-chon/{id}")).await;
        assert!(page_text(&html).contains("2 phiếu (67%)"));
        // not opened yet: not there at all
        sqlx::query("UPDATE polls SET opens_at = $1, closes_at = NULL WHERE id = $2")
            .bind(now() + 3600)
            .bind(id)
            .execute(&s.pool)
            .await
            .unwrap();
        assert_eq!(s.get(&format!("/binh-chon/{id}")).await.0, 404);
        assert_eq!(vote(&s, &browser(FIREFOX), id, &[&fair]).await.0, 400);

        let events = s
            .scalar(&format!(
                "SELECT COUNT(*) FROM audit_events WHERE target = 'poll:{id}' AND action IN ('poll.create', 'poll.update')"
            ))
            .await;
        assert_eq!(events, 2, "made, then changed (the refused change is not)");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_poll_sits_in_its_article_and_the_demo_has_one() {
    for backend in backends() {
        let s = TestServer::start_with(backend, relaxed()).await;
        s.seed_demo().await;
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM polls").await,
            1,
            "the demo's poll"
        );
        s.seed_demo().await;
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM polls").await,
            1,
            "a second demo adds none"
        );
        let (_, html) = s.get("/").await;
        assert!(
            page_text(&html).contains("qua thiết bị nào"),
            "on the home page"
        );

        let slug = s.newest_published_slug().await;
        s.sign_in_as("bientap", "editor", "bien-tap-2026").await;
        let article = format!("/bai-viet/{slug}");
        let (status, body) =
            save(&s, 0, &[("poll[article]", &article), ("poll[on_home]", "")]).await;
        assert_eq!(status, 200, "{body}");
        let (_, html) = s.get(&article).await;
        assert!(page_text(&html).contains(QUESTION), "in its article");
    }
}
