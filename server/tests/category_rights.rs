//! Rights in chosen categories, as NukeViet portals grant them, against the real
//! application on SQLite and PostgreSQL: every staff role × add / edit / approve /
//! publish × inside the granted category (through a subcategory) and outside it. Inside,
//! the grant decides; outside, the role. A grant can also take a right away where it
//! holds. Grants are given through the admin's page, which only admins may use.

mod common;

use common::{TestServer, backends};
use leptos::server_fn::ServerFn;
use toasoan_app::features::accounts::{Permission, Role, allows};
use toasoan_app::features::categories::grants::{GetUserGrants, SaveUserGrants};
use toasoan_app::features::editorial::form::SaveArticle;

const PASSWORD: &str = "quyen-chuyen-muc-2026";

async fn category(s: &TestServer, slug: &str, parent: Option<i64>) -> i64 {
    sqlx::Row::get(
        &sqlx::query(
            "INSERT INTO categories (slug, name, parent_id, created_at) VALUES ($1, $1, $2, 0) RETURNING id",
        )
        .bind(slug)
        .bind(parent)
        .fetch_one(&s.pool)
        .await
        .unwrap(),
        0,
    )
}

/// An article by `author` in `status` in category `cat`.
async fn article(s: &TestServer, cat: i64, status: &str, author: i64, slug: &str) -> i64 {
    sqlx::Row::get(
        &sqlx::query(
            "INSERT INTO articles (slug, title, body_json, body_text, category_id, status, created_by, created_at, updated_at) \
             VALUES ($1, $1, '{\"blocks\":[]}', '', $2, $3, $4, 0, 0) RETURNING id",
        )
        .bind(slug)
        .bind(cat)
        .bind(status)
        .bind(author)
        .fetch_one(&s.pool)
        .await
        .unwrap(),
        0,
    )
}

/// Saves the editing form: a new draft (`id` None) or an edit, in category `cat`.
async fn save(s: &TestServer, id: Option<i64>, cat: i64, title: &str) -> u16 {
    let (id, cat) = (id.map(|i| i.to_string()), cat.to_string());
    let mut fields = vec![
        ("article[base_revision]".to_string(), "0"),
        ("article[title]".to_string(), title),
        ("article[category_id]".to_string(), cat.as_str()),
        ("article[body]".to_string(), "Nội dung bài."),
    ];
    if let Some(id) = id.as_deref() {
        fields.push(("article[id]".to_string(), id));
    }
    s.call_named(SaveArticle::PATH, &fields)
        .await
        .status()
        .as_u16()
}

async fn act(s: &TestServer, id: i64, action: &str) -> u16 {
    common::transition(s, &id.to_string(), action).await
}

/// Gives `user` these rights in `cat` as the admin (who must be signed in).
async fn grant(s: &TestServer, user: i64, cat: i64, rights: &[&str]) {
    let (user, cat) = (user.to_string(), cat.to_string());
    let mut fields = vec![("user_id".to_string(), user.as_str())];
    for r in rights {
        fields.push((format!("{r}[]"), cat.as_str()));
    }
    let res = s.call_named(SaveUserGrants::PATH, &fields).await;
    assert_eq!(res.status().as_u16(), 200, "{}", res.text().await.unwrap());
}

const ACTIONS: [(&str, Permission); 4] = [
    ("add", Permission::WriteOwnDrafts),
    ("edit", Permission::EditAnyArticle),
    ("approve", Permission::ApproveArticle),
    ("publish", Permission::PublishArticle),
];

/// Tries one right as the signed-in user in `cat`; the HTTP status.
async fn try_right(s: &TestServer, right: &str, cat: i64, other: i64, n: &str) -> u16 {
    match right {
        "add" => save(s, None, cat, &format!("Bài mới {n}")).await,
        "edit" => {
            let id = article(s, cat, "draft", other, &format!("sua-{n}")).await;
            save(s, Some(id), cat, &format!("Bài đã sửa {n}")).await
        }
        "approve" => {
            let id = article(s, cat, "pending_review", other, &format!("duyet-{n}")).await;
            act(s, id, "approve").await
        }
        "publish" => {
            let id = article(s, cat, "approved", other, &format!("dang-{n}")).await;
            act(s, id, "publish").await
        }
        _ => unreachable!(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn grants_decide_inside_their_categories_and_roles_elsewhere() {
    for backend in backends() {
        let s = TestServer::start(backend).await;
        let granted = category(&s, "duoc-cap", None).await;
        let below = category(&s, "duoc-cap-con", Some(granted)).await;
        let elsewhere = category(&s, "noi-khac", None).await;
        let roles = [
            Role::Contributor,
            Role::Editor,
            Role::Moderator,
            Role::EditorInChief,
        ];
        let mut people = Vec::new();
        for role in roles {
            let name = format!("ng-{}", role.as_str().replace('_', "-"));
            let id =
                toasoan_server::user_admin::add(&s.pool, &name, role.as_str(), None, "", PASSWORD)
                    .await
                    .unwrap();
            people.push((role, name, id));
        }
        let admin = s.sign_in_as("quantri", "admin", PASSWORD).await;
        for (_, _, id) in &people {
            grant(&s, *id, granted, &["add", "edit", "approve", "publish"]).await;
        }
        // the grants are in the page the admin sees
        let (status, body) = s
            .query(
                GetUserGrants::PATH,
                &[("user_id", &people[0].2.to_string())],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("\"add\":true"), "{body}");

        for (role, name, _) in &people {
            s.sign_in_as(name, role.as_str(), PASSWORD).await;
            for (right, permission) in ACTIONS {
                for (place, cat, inside) in [("inside", below, true), ("outside", elsewhere, false)]
                {
                    let n = format!("{}-{right}-{place}", role.as_str());
                    let status = try_right(&s, right, cat, admin, &n).await;
                    let expected = inside || allows(*role, permission);
                    assert_eq!(
                        status == 200,
                        expected,
                        "{backend:?} {role:?} {right} {place}: {status}"
                    );
                    if !expected {
                        assert_eq!(status, 403, "{backend:?} {role:?} {right} {place}");
                    }
                }
            }
        }

        // a grant also takes a right away where it holds: the editor-in-chief who may
        // only add in the granted category approves there no more, and still elsewhere
        s.sign_in_as("quantri", "admin", PASSWORD).await;
        let chief = people[3].2;
        grant(&s, chief, granted, &["add"]).await;
        s.sign_in_as(&people[3].1, "editor_in_chief", PASSWORD)
            .await;
        assert_eq!(
            try_right(&s, "approve", below, admin, "han-che-1").await,
            403,
            "{backend:?}"
        );
        assert_eq!(
            try_right(&s, "approve", elsewhere, admin, "han-che-2").await,
            200,
            "{backend:?}"
        );
        assert_eq!(
            try_right(&s, "add", below, admin, "han-che-3").await,
            200,
            "{backend:?}"
        );

        // only admins give grants, and not to readers or admins
        let (status, _) = s
            .query(GetUserGrants::PATH, &[("user_id", &chief.to_string())])
            .await;
        assert_eq!(
            status, 403,
            "{backend:?} the editor-in-chief manages no users"
        );
        s.sign_in_as("quantri", "admin", PASSWORD).await;
        let reader =
            toasoan_server::user_admin::add(&s.pool, "ban-doc", "member", None, "", PASSWORD)
                .await
                .unwrap();
        let (reader, cat) = (reader.to_string(), granted.to_string());
        let res = s
            .call_named(
                SaveUserGrants::PATH,
                &[
                    ("user_id".to_string(), reader.as_str()),
                    ("add[]".to_string(), cat.as_str()),
                ],
            )
            .await;
        assert_eq!(
            res.status().as_u16(),
            400,
            "{backend:?} no grants for readers"
        );
        // every grant change is in the audit log
        assert!(
            s.scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'user.grants'")
                .await
                >= 5,
            "{backend:?}"
        );
    }
}
