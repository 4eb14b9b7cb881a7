//! Accounts against the real application, on SQLite and PostgreSQL: the command-line
//! user tools, sign-in and sign-out (as the hydrated client and as a plain form),
//! the session cookie, rate limits, the Origin check, disabled users, expired sessions,
//! and that pages never carry the signed-in user.

mod common;

use common::{TestServer, backends, page_text};
use leptos::server_fn::ServerFn;
use toasoan_app::features::accounts::api::{
    ChangePassword, GetCurrentUser, GetSignedIn, SignIn, SignOut,
};
use toasoan_server::user_admin::{self, UserError};

const PASSWORD: &str = "bien-tap-2026";

async fn with_editor(s: &TestServer) {
    user_admin::add(
        &s.pool,
        "bientap",
        "editor",
        Some("Nguyễn Văn Biên"),
        "",
        PASSWORD,
    )
    .await
    .unwrap();
}

async fn sign_in(s: &TestServer, user: &str, password: &str) -> reqwest::Response {
    s.call(
        SignIn::PATH,
        &[
            ("username", user),
            ("password", password),
            ("next", "/tai-khoan"),
        ],
    )
    .await
}

async fn whoami(s: &TestServer) -> serde_json::Value {
    let res = s.call(GetCurrentUser::PATH, &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    serde_json::from_str(&res.text().await.unwrap()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn command_line_user_tools() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        with_editor(&s).await;
        let again = user_admin::add(&s.pool, "bientap", "editor", None, "", PASSWORD).await;
        assert!(matches!(again, Err(UserError::Taken(_))), "{backend:?}");
        assert!(matches!(
            user_admin::add(&s.pool, "x1y", "root", None, "", PASSWORD).await,
            Err(UserError::BadRole(_))
        ));
        assert!(matches!(
            user_admin::add(&s.pool, "Sai Ten", "member", None, "", PASSWORD).await,
            Err(UserError::Invalid(_))
        ));
        assert!(matches!(
            user_admin::add(&s.pool, "ngan", "member", None, "", "123").await,
            Err(UserError::Invalid(_))
        ));
        let list = user_admin::list(&s.pool).await.unwrap();
        assert_eq!(list.len(), 1);
        assert!(
            list[0].contains("bientap")
                && list[0].contains("editor")
                && list[0].contains("hoạt động")
        );
        let hash: String = sqlx::Row::get(
            &sqlx::query("SELECT password_hash FROM users")
                .fetch_one(&s.pool)
                .await
                .unwrap(),
            0,
        );
        assert!(hash.starts_with("$argon2id$"), "{backend:?} argon2id");
        user_admin::disable(&s.pool, "bientap").await.unwrap();
        assert!(user_admin::list(&s.pool).await.unwrap()[0].contains("đã khóa"));
        assert!(matches!(
            user_admin::disable(&s.pool, "khong-co").await,
            Err(UserError::Unknown(_))
        ));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_sets_a_session_and_sign_out_ends_it() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.seed_demo().await;
        with_editor(&s).await;
        assert_eq!(whoami(&s).await, serde_json::Value::Null, "{backend:?}");

        let res = sign_in(&s, "bientap", PASSWORD).await;
        // the hydrated client gets 200 and navigates to Location itself
        assert_eq!(res.status().as_u16(), 200, "{backend:?}");
        assert_eq!(res.headers()["location"], "/tai-khoan");
        let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
        assert!(cookie.starts_with("toasoan_phien="), "{cookie}");
        assert!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax")
                && cookie.contains("Path=/"),
            "{cookie}"
        );
        assert!(!cookie.contains("Secure"), "plain http in tests");
        let token = cookie
            .split(';')
            .next()
            .unwrap()
            .split('=')
            .nth(1)
            .unwrap()
            .to_string();
        let stored: String = sqlx::Row::get(
            &sqlx::query("SELECT token_hash FROM sessions")
                .fetch_one(&s.pool)
                .await
                .unwrap(),
            0,
        );
        assert_ne!(stored, token, "{backend:?} the token is stored hashed");

        let me = whoami(&s).await;
        assert_eq!(me["username"], "bientap");
        assert_eq!(me["role"], "editor");
        // the header's account link gets the name and whether the admin area is open
        let res = s.call(GetSignedIn::PATH, &[]).await;
        let short: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
        assert_eq!(
            short,
            serde_json::json!({"display_name": "Nguyễn Văn Biên", "admin": true}),
            "{backend:?}"
        );
        let (status, account) = s.get("/tai-khoan").await;
        assert_eq!(status, 200);
        let text = page_text(&account);
        assert!(
            text.contains("Nguyễn Văn Biên") && text.contains("Biên tập viên"),
            "{backend:?}"
        );
        assert!(
            text.contains("Biên tập mọi bài và gửi duyệt"),
            "{backend:?} permissions listed"
        );

        // pages are the same for everyone: the signed-in name is not in them
        let (_, home) = s.get("/").await;
        assert!(
            !home.contains("Nguyễn Văn Biên"),
            "{backend:?} a public page carries the user"
        );

        let res = s.call(SignOut::PATH, &[]).await;
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(res.headers()["location"], "/");
        assert!(
            res.headers()["set-cookie"]
                .to_str()
                .unwrap()
                .contains("Max-Age=0")
        );
        assert_eq!(whoami(&s).await, serde_json::Value::Null);
        let res = s.call(GetSignedIn::PATH, &[]).await;
        assert_eq!(res.text().await.unwrap(), "null", "{backend:?}");
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM sessions").await,
            0,
            "{backend:?} session deleted"
        );
        let (status, page) = s.get("/tai-khoan").await;
        assert_eq!(status, 401, "{backend:?}");
        assert!(page_text(&page).contains("Vui lòng đăng nhập"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_passwords_are_refused_then_rate_limited() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        with_editor(&s).await;
        let res = sign_in(&s, "bientap", "sai-mat-khau").await;
        assert_eq!(res.status().as_u16(), 400, "{backend:?}");
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Tên đăng nhập hoặc mật khẩu không đúng")
        );
        let res = sign_in(&s, "khong-co-ai", "sai-mat-khau").await;
        assert_eq!(
            res.status().as_u16(),
            400,
            "unknown users get the same answer"
        );
        for _ in 0..4 {
            sign_in(&s, "bientap", "sai-mat-khau").await;
        }
        let res = sign_in(&s, "bientap", PASSWORD).await;
        assert_eq!(
            res.status().as_u16(),
            429,
            "{backend:?} the account is locked for a while"
        );
        // the client shows the Vietnamese message of the error it receives
        assert_eq!(res.text().await.unwrap(), "\"TooMany\"");
        assert!(
            toasoan_app::core::error::AppError::TooMany
                .to_string()
                .contains("quá nhanh")
        );
        assert_eq!(s.scalar("SELECT COUNT(*) FROM sessions").await, 0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_address_may_sign_in_often_but_not_guess_often() {
    use toasoan_app::features::accounts::api::ADDRESS_FAILURES;
    let s = TestServer::start(common::Backend::Sqlite).await;
    with_editor(&s).await;
    // a newsroom behind one address: successful sign-ins are not limited
    for _ in 0..ADDRESS_FAILURES + 5 {
        let res = sign_in(&s, "bientap", PASSWORD).await;
        assert_eq!(res.status().as_u16(), 200, "a success is never refused");
        s.call(SignOut::PATH, &[]).await;
    }
    // guessing across many accounts from one address is (4 tries each stays under
    // the per-account lock)
    let mut refused = 0;
    for i in 0..ADDRESS_FAILURES + 2 {
        let status = sign_in(&s, &format!("nguoi-{}", i / 4), "doan-mo")
            .await
            .status();
        if status.as_u16() == 429 {
            refused += 1;
        }
    }
    assert_eq!(refused, 2, "failures past the address budget answer 429");
    let res = sign_in(&s, "bientap", PASSWORD).await;
    assert_eq!(
        res.status().as_u16(),
        429,
        "the address waits out the window"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plain_form_without_javascript_signs_in_and_shows_errors() {
    let s = TestServer::start(common::Backend::Sqlite).await;
    with_editor(&s).await;
    let form = |password: &'static str| {
        s.client
            .post(s.url(SignIn::PATH))
            .header("Origin", &s.base)
            .header("Referer", s.url("/dang-nhap"))
            .header("Accept", "text/html")
            .form(&[
                ("username", "bientap"),
                ("password", password),
                ("next", ""),
            ])
    };
    let res = form("sai-mat-khau").send().await.unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    let back = res.headers()["location"].to_str().unwrap().to_string();
    assert!(back.starts_with(&s.url("/dang-nhap")), "{back}");
    let (_, page) = s.get(back.trim_start_matches(&s.base)).await;
    assert!(
        page_text(&page).contains("Tên đăng nhập hoặc mật khẩu không đúng"),
        "the form shows the error"
    );

    let res = form(PASSWORD).send().await.unwrap();
    assert!(res.status().is_redirection());
    assert_eq!(res.headers()["location"], "/tai-khoan");
    assert!(res.headers().get("set-cookie").is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_posts_are_refused() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        with_editor(&s).await;
        let form = [
            ("username", "bientap"),
            ("password", PASSWORD),
            ("next", "/"),
        ];
        let res = s
            .client
            .post(s.url(SignIn::PATH))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 403, "{backend:?} no Origin");
        let res = s
            .client
            .post(s.url(SignIn::PATH))
            .header("Origin", "https://evil.example")
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 403, "{backend:?} foreign Origin");
        assert!(res.text().await.unwrap().contains("Yêu cầu bị từ chối"));
        assert_eq!(s.scalar("SELECT COUNT(*) FROM sessions").await, 0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabled_users_and_expired_sessions_are_refused_at_once() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        with_editor(&s).await;
        assert_eq!(
            sign_in(&s, "bientap", PASSWORD).await.status().as_u16(),
            200
        );
        assert_eq!(whoami(&s).await["username"], "bientap");
        sqlx::query("UPDATE sessions SET expires_at = $1")
            .bind(toasoan_app::core::time::now() - 1)
            .execute(&s.pool)
            .await
            .unwrap();
        assert_eq!(
            whoami(&s).await,
            serde_json::Value::Null,
            "{backend:?} expired"
        );

        assert_eq!(
            sign_in(&s, "bientap", PASSWORD).await.status().as_u16(),
            200
        );
        assert_eq!(whoami(&s).await["username"], "bientap");
        // disabled in the database directly: refused on the very next request
        sqlx::query("UPDATE users SET active = 0")
            .execute(&s.pool)
            .await
            .unwrap();
        assert_eq!(
            whoami(&s).await,
            serde_json::Value::Null,
            "{backend:?} disabled"
        );
        let res = sign_in(&s, "bientap", PASSWORD).await;
        assert_eq!(res.status().as_u16(), 400);
        assert!(res.text().await.unwrap().contains("đã bị khóa"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_the_password_ends_other_sessions() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        with_editor(&s).await;
        // a second browser signs in too
        let other_client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let res = other_client
            .post(s.url(SignIn::PATH))
            .header("Origin", &s.base)
            .form(&[
                ("username", "bientap"),
                ("password", PASSWORD),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(
            sign_in(&s, "bientap", PASSWORD).await.status().as_u16(),
            200
        );
        assert_eq!(s.scalar("SELECT COUNT(*) FROM sessions").await, 2);

        let bad = s
            .call(
                ChangePassword::PATH,
                &[
                    ("current", "sai"),
                    ("new", "moi-2026-abc"),
                    ("confirm", "moi-2026-abc"),
                ],
            )
            .await;
        assert_eq!(bad.status().as_u16(), 400);
        let weak = s
            .call(
                ChangePassword::PATH,
                &[("current", PASSWORD), ("new", "ngan"), ("confirm", "ngan")],
            )
            .await;
        assert_eq!(weak.status().as_u16(), 400);
        let ok = s
            .call(
                ChangePassword::PATH,
                &[
                    ("current", PASSWORD),
                    ("new", "moi-2026-abc"),
                    ("confirm", "moi-2026-abc"),
                ],
            )
            .await;
        assert_eq!(ok.status().as_u16(), 200, "{backend:?}");
        assert_eq!(
            s.scalar("SELECT COUNT(*) FROM sessions").await,
            1,
            "{backend:?} the other session ended"
        );
        assert_eq!(
            whoami(&s).await["username"],
            "bientap",
            "this session stays"
        );
        s.call(SignOut::PATH, &[]).await;
        assert_eq!(
            sign_in(&s, "bientap", "moi-2026-abc")
                .await
                .status()
                .as_u16(),
            200
        );
    }
}
