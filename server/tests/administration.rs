//! Administration against the real application, on SQLite and PostgreSQL: the first
//! admin's one-time set-up link, password links (issued by an admin or the CLI), user
//! management with its guards, category management, the idle session's end.

mod common;

use common::{TestServer, backends, page_text};
use leptos::server_fn::ServerFn;
use toasoan_app::features::accounts::admin_api::{
    CompleteSetup, CreateAccount, GetLink, IssuePasswordLink, SetPasswordByLink, UpdateAccount,
};
use toasoan_app::features::accounts::api::{EndIdleSession, GetCurrentUser, SignIn, SignOut};
use toasoan_app::features::categories::admin_api::{DeleteCategory, MoveCategory, SaveCategory};
use toasoan_server::user_admin;

const PASSWORD: &str = "quan-tri-2026";

fn token_of(link: &str) -> String {
    link.rsplit_once("ma=")
        .expect("a token")
        .1
        .trim_matches('"')
        .to_string()
}

async fn signed_in_as(s: &TestServer) -> serde_json::Value {
    let res = s.call(GetCurrentUser::PATH, &[]).await;
    serde_json::from_str(&res.text().await.unwrap()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_admin_comes_from_a_one_time_link() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let link = user_admin::setup_link_if_no_admin(&s.pool, &s.base)
            .await
            .unwrap()
            .expect("no admin yet: a link");
        assert!(
            link.starts_with(&format!("{}/thiet-lap?ma=", s.base)),
            "{link}"
        );
        let token = token_of(&link);
        // the page opens with the form
        let (status, html) = s.get(&format!("/thiet-lap?ma={token}")).await;
        assert_eq!(status, 200, "{backend:?}");
        assert!(page_text(&html).contains("Thiết lập quản trị viên đầu tiên"));
        // a wrong token is refused with a clear message
        let (status, body) = s.query(GetLink::PATH, &[("token", "khong-dung")]).await;
        assert_eq!(status, 400);
        assert!(body.contains("Liên kết không hợp lệ"), "{body}");
        // mismatched passwords: nothing created, the link still works
        let form = |confirm: &'static str| {
            vec![
                ("token", token.clone()),
                ("username", "quantri".to_string()),
                ("display_name", "Quản Trị Viên".to_string()),
                ("email", "qt@example.vn".to_string()),
                ("password", PASSWORD.to_string()),
                ("confirm", confirm.to_string()),
            ]
        };
        let f = form("khac-hoan-toan");
        let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = s.call(CompleteSetup::PATH, &pairs).await;
        assert_eq!(res.status().as_u16(), 400);
        assert_eq!(s.scalar("SELECT COUNT(*) FROM users").await, 0);
        let f = form(PASSWORD);
        let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = s.call(CompleteSetup::PATH, &pairs).await;
        assert_eq!(res.status().as_u16(), 200);
        // signed in as the new admin, who has the admin area
        assert_eq!(signed_in_as(&s).await["role"], "admin");
        assert_eq!(s.get("/quan-tri/nguoi-dung").await.0, 200);
        // used once: never again, and no second link is printed
        let res = s.call(CompleteSetup::PATH, &pairs).await;
        assert_eq!(res.status().as_u16(), 400);
        assert!(
            user_admin::setup_link_if_no_admin(&s.pool, &s.base)
                .await
                .unwrap()
                .is_none()
        );
        let audit = s
            .scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'admin.setup'")
            .await;
        assert_eq!(audit, 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_manage_accounts_with_password_links() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let admin_id = s.sign_in_as("quantri", "admin", PASSWORD).await;

        // create an account: the admin gets a link, never a password
        let res = s
            .call(
                CreateAccount::PATH,
                &[
                    ("username", "ctv.moi"),
                    ("display_name", "Lê Thị Cộng Tác"),
                    ("email", "ctv@example.vn"),
                    ("role", "contributor"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200, "{backend:?}");
        let link = res.text().await.unwrap();
        assert!(link.contains("/dat-mat-khau?ma="), "{link}");
        let res = s
            .call(
                CreateAccount::PATH,
                &[
                    ("username", "ctv.moi"),
                    ("display_name", "X"),
                    ("email", ""),
                    ("role", "member"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 409, "a taken name");
        let res = s
            .call(
                CreateAccount::PATH,
                &[
                    ("username", "a b"),
                    ("display_name", "X"),
                    ("email", "khong-phai-email"),
                    ("role", "member"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 400);

        // the new user opens the link, chooses a password and is signed in
        s.call(SignOut::PATH, &[]).await;
        let token = token_of(&link);
        let (status, html) = s.get(&format!("/dat-mat-khau?ma={token}")).await;
        assert_eq!(status, 200);
        assert!(page_text(&html).contains("Lê Thị Cộng Tác"));
        let res = s
            .call(
                SetPasswordByLink::PATH,
                &[("token", &token), ("password", "ngan"), ("confirm", "ngan")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 400, "password rules hold");
        let res = s
            .call(
                SetPasswordByLink::PATH,
                &[
                    ("token", &token),
                    ("password", "Mat-khau-moi-1"),
                    ("confirm", "Mat-khau-moi-1"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(signed_in_as(&s).await["username"], "ctv.moi");
        let res = s
            .call(
                SetPasswordByLink::PATH,
                &[
                    ("token", &token),
                    ("password", "Mat-khau-moi-2"),
                    ("confirm", "Mat-khau-moi-2"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 400, "a link works once");
        // not an admin: no user management
        let res = s.call(IssuePasswordLink::PATH, &[("user_id", "1")]).await;
        assert_eq!(res.status().as_u16(), 403);

        // the CLI's reset link ends the old password and every session
        let cli_link = user_admin::reset_link(&s.pool, &s.base, "ctv.moi")
            .await
            .unwrap();
        let res = s
            .call(
                SetPasswordByLink::PATH,
                &[
                    ("token", &token_of(&cli_link)),
                    ("password", "Mat-khau-moi-3"),
                    ("confirm", "Mat-khau-moi-3"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        s.call(SignOut::PATH, &[]).await;
        let res = s
            .call(
                SignIn::PATH,
                &[
                    ("username", "ctv.moi"),
                    ("password", "Mat-khau-moi-1"),
                    ("next", "/"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 400, "the old password is gone");

        // the admin locks the account: its sessions end at once
        let ctv = s
            .scalar("SELECT id FROM users WHERE username = 'ctv.moi'")
            .await;
        s.sign_in_as("quantri", "admin", PASSWORD).await;
        let res = s
            .call(
                UpdateAccount::PATH,
                &[
                    ("user_id", &ctv.to_string()),
                    ("display_name", "Lê Thị Cộng Tác"),
                    ("email", "ctv@example.vn"),
                    ("role", "editor"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(
            s.scalar(&format!("SELECT active FROM users WHERE id = {ctv}"))
                .await,
            0
        );
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM sessions WHERE user_id = {ctv}"
            ))
            .await,
            0
        );
        // the last admin can be neither demoted nor locked
        let res = s
            .call(
                UpdateAccount::PATH,
                &[
                    ("user_id", &admin_id.to_string()),
                    ("display_name", "Quản trị"),
                    ("email", ""),
                    ("role", "editor"),
                    ("active", "on"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 409);
        assert_eq!(
            s.scalar(&format!(
                "SELECT COUNT(*) FROM users WHERE id = {admin_id} AND role = 'admin'"
            ))
            .await,
            1,
            "nothing changed"
        );
        let (status, html) = s.get("/quan-tri/nhat-ky").await;
        assert_eq!(status, 200);
        let text = page_text(&html);
        assert!(text.contains("Tạo tài khoản: ctv.moi"), "{text}");
        assert!(text.contains("Sửa tài khoản: ctv.moi"), "{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_order_nest_and_delete_categories() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.sign_in_as("quantri", "admin", PASSWORD).await;
        let save = |id: &'static str, name: &'static str, parent: String| {
            let s = &s;
            async move {
                s.call(
                    SaveCategory::PATH,
                    &[
                        ("category_id", id),
                        ("name", name),
                        ("slug", ""),
                        ("parent_id", &parent),
                        ("description", ""),
                    ],
                )
                .await
                .status()
                .as_u16()
            }
        };
        assert_eq!(
            save("0", "Thời sự", String::new()).await,
            200,
            "{backend:?}"
        );
        assert_eq!(save("0", "Xây dựng Đảng", String::new()).await, 200);
        let thoisu = s
            .scalar("SELECT id FROM categories WHERE slug = 'thoi-su'")
            .await;
        let xddang = s
            .scalar("SELECT id FROM categories WHERE slug = 'xay-dung-dang'")
            .await;
        assert_eq!(save("0", "Trong tỉnh", thoisu.to_string()).await, 200);
        assert_eq!(
            save("0", "Thời sự", String::new()).await,
            409,
            "the address is taken"
        );
        let trongtinh = s
            .scalar("SELECT id FROM categories WHERE slug = 'trong-tinh'")
            .await;
        // no category inside itself or its own child
        let res = s
            .call(
                SaveCategory::PATH,
                &[
                    ("category_id", &thoisu.to_string()),
                    ("name", "Thời sự"),
                    ("slug", "thoi-su"),
                    ("parent_id", &trongtinh.to_string()),
                    ("description", ""),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 400);
        // order: Xây dựng Đảng up, before Thời sự, on the public menu too
        let res = s
            .call(
                MoveCategory::PATH,
                &[("category_id", &xddang.to_string()), ("direction", "up")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        let (_, home) = s.get("/").await;
        let (a, b) = (
            home.find("Xây dựng Đảng").unwrap(),
            home.find("Thời sự").unwrap(),
        );
        assert!(a < b, "menu order follows");
        // a category with a subcategory is not deleted; an empty one is
        let res = s
            .call(
                DeleteCategory::PATH,
                &[("category_id", &thoisu.to_string())],
            )
            .await;
        assert_eq!(res.status().as_u16(), 409);
        let res = s
            .call(
                DeleteCategory::PATH,
                &[("category_id", &trongtinh.to_string())],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(s.scalar("SELECT COUNT(*) FROM categories").await, 2);
        // only admins
        s.sign_in_as("tbt", "editor_in_chief", PASSWORD).await;
        assert_eq!(save("0", "Khác", String::new()).await, 403);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_idle_countdown_ends_the_session_on_the_server() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        s.sign_in_as("bientap", "editor", PASSWORD).await;
        assert_eq!(s.scalar("SELECT COUNT(*) FROM sessions").await, 1);
        let res = s.call(EndIdleSession::PATH, &[]).await;
        assert_eq!(res.status().as_u16(), 200, "{backend:?}");
        assert_eq!(s.scalar("SELECT COUNT(*) FROM sessions").await, 0);
        assert!(signed_in_as(&s).await.is_null());
        assert_eq!(s.get("/quan-tri").await.0, 401);
        // a session lives the idle time, the countdown and a minute's grace
        s.sign_in_as("bientap", "editor", PASSWORD).await;
        let left = s
            .scalar("SELECT expires_at - last_seen_at FROM sessions")
            .await;
        assert_eq!(left, 20 * 60 + 60 + 60);
    }
}
