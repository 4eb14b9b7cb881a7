//! The editorial workflow against the real application, on SQLite and PostgreSQL:
//! every role × action, allowed or refused by the server; reasons; scheduling with a
//! controllable clock; the audit trail; nothing public before approval.

mod common;

use common::{TestServer, backends};
use leptos::server_fn::ServerFn;
use toasoan_app::features::accounts::Role;
use toasoan_app::features::accounts::api::{SignIn, SignOut};
use toasoan_app::features::workflow::api::TransitionArticle;
use toasoan_app::features::workflow::model::{Action, Status};
use toasoan_app::features::workflow::publish_due;
use toasoan_server::user_admin;

const PASSWORD: &str = "quy-trinh-2026";

/// An article in `status`, written by `author`, in a fresh category; returns its id.
async fn article(s: &TestServer, status: Status, author: Option<i64>, slug: &str) -> i64 {
    let now = toasoan_app::core::time::now();
    let cat: i64 = sqlx::Row::get(
        &sqlx::query(
            "INSERT INTO categories (slug, name, created_at) VALUES ($1, $1, $2) RETURNING id",
        )
        .bind(format!("c-{slug}"))
        .bind(now)
        .fetch_one(&s.pool)
        .await
        .unwrap(),
        0,
    );
    let publish_at = (status == Status::Published).then_some(now - 60);
    sqlx::Row::get(
        &sqlx::query(
            "INSERT INTO articles (slug, title, body_json, body_text, category_id, status, publish_at, created_by, created_at, updated_at) \
             VALUES ($1, $1, '{\"blocks\":[]}', '', $2, $3, $4, $5, $6, $6) RETURNING id",
        )
        .bind(slug)
        .bind(cat)
        .bind(status.as_str())
        .bind(publish_at)
        .bind(author)
        .bind(now)
        .fetch_one(&s.pool)
        .await
        .unwrap(),
        0,
    )
}

async fn act(s: &TestServer, id: i64, action: Action, reason: &str, at: &str) -> (u16, String) {
    let id = id.to_string();
    let res = s
        .call(
            TransitionArticle::PATH,
            &[
                ("article_id", &id),
                ("action", action.as_str()),
                ("reason", reason),
                ("publish_at", at),
            ],
        )
        .await;
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn status_of(s: &TestServer, id: i64) -> String {
    sqlx::Row::get(
        &sqlx::query("SELECT status FROM articles WHERE id = $1")
            .bind(id)
            .fetch_one(&s.pool)
            .await
            .unwrap(),
        0,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_and_action_is_allowed_or_refused_by_the_server() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let mut ids = std::collections::HashMap::new();
        for role in Role::ALL {
            let name = format!("u-{}", role.as_str().replace('_', "-"));
            let id = user_admin::add(&s.pool, &name, role.as_str(), None, "", PASSWORD)
                .await
                .unwrap();
            ids.insert(role, (name, id));
        }
        let other_author = ids[&Role::Admin].1;
        let mut n = 0;
        for role in Role::ALL {
            let (name, user_id) = ids[&role].clone();
            s.call(SignOut::PATH, &[]).await;
            let res = s
                .call(
                    SignIn::PATH,
                    &[("username", &name), ("password", PASSWORD), ("next", "/")],
                )
                .await;
            assert_eq!(res.status().as_u16(), 200, "{backend:?} {name} signs in");
            for action in Action::ALL {
                for own in [true, false] {
                    // a status the action applies to
                    let from = Status::ALL
                        .into_iter()
                        .find(|st| action.target(*st).is_some())
                        .unwrap();
                    n += 1;
                    let author = if own { user_id } else { other_author };
                    let id = article(&s, from, Some(author), &format!("bai-{n}")).await;
                    let user = toasoan_app::features::accounts::CurrentUser {
                        id: user_id,
                        username: name.clone(),
                        display_name: name.clone(),
                        role,
                        grants: Vec::new(),
                    };
                    let allowed = role != Role::Member && action.allowed(&user, Some(author));
                    let at = toasoan_app::core::time::iso(toasoan_app::core::time::now() + 3600);
                    let (status, body) = act(&s, id, action, "lý do", &at).await;
                    let ctx = format!(
                        "{backend:?} {role:?} {action:?} own={own} from {from:?}: {status} {body}"
                    );
                    if allowed {
                        assert_eq!(status, 200, "{ctx}");
                        let to = action.target(from).unwrap();
                        assert_eq!(status_of(&s, id).await, to.as_str(), "{ctx}");
                        let events: i64 = s.scalar(&format!("SELECT COUNT(*) FROM article_events WHERE article_id = {id} AND actor_id = {user_id}")).await;
                        assert_eq!(events, 1, "{ctx}: one audit event");
                    } else {
                        assert_eq!(status, 403, "{ctx}");
                        assert_eq!(status_of(&s, id).await, from.as_str(), "{ctx}: unchanged");
                        assert_eq!(
                            s.scalar(&format!(
                                "SELECT COUNT(*) FROM article_events WHERE article_id = {id}"
                            ))
                            .await,
                            0
                        );
                    }
                }
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reasons_states_scheduling_and_the_audit_trail() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let chief = user_admin::add(
            &s.pool,
            "tongbientap",
            "editor_in_chief",
            Some("Trưởng Ban"),
            "",
            PASSWORD,
        )
        .await
        .unwrap();
        let res = s
            .call(
                SignIn::PATH,
                &[
                    ("username", "tongbientap"),
                    ("password", PASSWORD),
                    ("next", "/"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);

        // nothing goes public without approval
        let id = article(&s, Status::Draft, Some(chief), "ban-nhap").await;
        let (status, _) = act(&s, id, Action::Publish, "", "").await;
        assert_eq!(status, 400, "{backend:?} a draft cannot be published");
        let (status, _) = act(&s, id, Action::Submit, "", "").await;
        assert_eq!(status, 200);
        let (status, body) = act(&s, id, Action::Reject, "  ", "").await;
        assert_eq!(
            status, 400,
            "{backend:?} a rejection needs a reason: {body}"
        );
        assert!(body.contains("lý do"));
        let (status, _) = act(&s, id, Action::Reject, "Thiếu nguồn tin", "").await;
        assert_eq!(status, 200);
        assert_eq!(status_of(&s, id).await, "rejected");
        assert_eq!(act(&s, id, Action::ReturnToDraft, "", "").await.0, 200);
        assert_eq!(act(&s, id, Action::Submit, "", "").await.0, 200);
        assert_eq!(act(&s, id, Action::Approve, "", "").await.0, 200);

        // scheduling: must be in the future; published by the scheduler when due
        let (status, _) = act(&s, id, Action::Schedule, "", "2020-01-01T00:00:00+07:00").await;
        assert_eq!(status, 400, "{backend:?} a time in the past");
        let at = toasoan_app::core::time::now() + 7200;
        assert_eq!(
            act(
                &s,
                id,
                Action::Schedule,
                "",
                &toasoan_app::core::time::iso(at)
            )
            .await
            .0,
            200
        );
        let (page, _) = s.get("/bai-viet/ban-nhap").await;
        assert_eq!(page, 404, "{backend:?} scheduled is not public");
        assert_eq!(
            publish_due(&s.pool, at - 1).await.unwrap(),
            0,
            "not yet due"
        );
        assert_eq!(
            publish_due(&s.pool, at).await.unwrap(),
            1,
            "{backend:?} due"
        );
        assert_eq!(status_of(&s, id).await, "published");
        assert_eq!(publish_due(&s.pool, at + 10).await.unwrap(), 0, "only once");

        let history = toasoan_app::features::workflow::events(&s.pool, id)
            .await
            .unwrap();
        let path: Vec<&str> = history.iter().map(|e| e.to.as_str()).collect();
        assert_eq!(
            path,
            [
                "pending_review",
                "rejected",
                "draft",
                "pending_review",
                "approved",
                "scheduled",
                "published"
            ]
        );
        assert_eq!(history[1].reason, "Thiếu nguồn tin");
        assert_eq!(history[1].actor.as_deref(), Some("Trưởng Ban"));
        assert_eq!(history.last().unwrap().actor, None, "the scheduler acted");

        // unpublish takes it off the public pages; archive from anywhere
        let live = article(&s, Status::Published, Some(chief), "dang-roi").await;
        assert_eq!(s.get("/bai-viet/dang-roi").await.0, 200);
        assert_eq!(act(&s, live, Action::Unpublish, "", "").await.0, 200);
        assert_eq!(
            s.get("/bai-viet/dang-roi").await.0,
            404,
            "{backend:?} unpublished"
        );
        assert_eq!(act(&s, live, Action::Archive, "", "").await.0, 200);
        assert_eq!(
            act(&s, live, Action::Archive, "", "").await.0,
            400,
            "already archived"
        );
        assert_eq!(act(&s, 999_999, Action::Archive, "", "").await.0, 404);

        // signed out: 401
        s.call(SignOut::PATH, &[]).await;
        let fresh = reqwest::Client::new();
        let res = fresh
            .post(s.url(TransitionArticle::PATH))
            .header("Origin", &s.base)
            .form(&[("article_id", "1"), ("action", "publish")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 401, "{backend:?}");
    }
}
