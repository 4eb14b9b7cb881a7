//! Server functions of account administration: the user list, creating accounts,
//! changing role or locking them, password links; the one-time link pages (first
//! admin set-up, choosing a password); and keeping an active session alive.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{LinkInfo, UserAdminRow};
use crate::core::error::AppError;
#[cfg(feature = "ssr")]
use crate::i18n::messages::stored;
#[cfg(feature = "ssr")]
use crate::i18n::{fill, tm};

#[cfg(feature = "ssr")]
fn invalid(m: impl Into<String>) -> AppError {
    AppError::Invalid(m.into())
}

#[cfg(feature = "ssr")]
use super::model::{display_name_of, email_of};

/// Every account (admin only).
#[server(input = GetUrl)]
pub async fn get_users() -> Result<Vec<UserAdminRow>, AppError> {
    use super::{Permission, auth, store};
    let ctx = crate::core::state::app_context()?;
    let me = auth::require(Permission::ManageUsers).await?;
    Ok(store::list_users(&ctx.pool)
        .await?
        .into_iter()
        .map(|user| UserAdminRow {
            is_me: user.id == me.id,
            user,
        })
        .collect())
}

/// Creates an account and returns the one-time link its owner opens to choose a
/// password (the admin never knows it).
#[server]
pub async fn create_account(
    username: String,
    display_name: String,
    email: String,
    role: String,
) -> Result<String, AppError> {
    use super::links::{LinkPurpose, issue};
    use super::model::{Role, check_username};
    use super::{Permission, auth, store};
    let ctx = crate::core::state::app_context()?;
    let me = auth::require(Permission::ManageUsers).await?;
    let username = username.trim().to_lowercase();
    check_username(&username).map_err(invalid)?;
    let display_name = display_name_of(&display_name)?;
    let email = email_of(&email)?;
    let role = Role::parse(&role).ok_or_else(|| invalid(tm().role_invalid))?;
    let now = crate::core::time::now();
    // a password nobody knows until the link sets one
    let unusable = auth::hash_password(&auth::new_token())?;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let new = store::NewUser {
        username: &username,
        display_name: &display_name,
        email: &email,
        role,
        password_hash: &unusable,
    };
    let id = store::create_user(&mut tx, &new, now)
        .await?
        .ok_or_else(|| AppError::Conflict(fill(tm().username_taken, &[&username])))?;
    crate::features::audit::record(
        &mut tx,
        Some(me.id),
        "user.create",
        &username,
        role.label(),
        now,
    )
    .await?;
    tx.commit().await?;
    let link = issue(
        &ctx.pool,
        &ctx.site.base_url,
        LinkPurpose::SetPassword,
        Some(id),
        Some(me.id),
        now,
    )
    .await?;
    Ok(link)
}

/// Changes an account's name, email, role or lock (`active` present: active). The
/// last active admin cannot be demoted or locked.
#[server]
pub async fn update_account(
    user_id: i64,
    display_name: String,
    email: String,
    role: String,
    active: Option<String>,
) -> Result<(), AppError> {
    use super::model::Role;
    use super::{Permission, auth, store};
    let ctx = crate::core::state::app_context()?;
    let me = auth::require(Permission::ManageUsers).await?;
    let display_name = display_name_of(&display_name)?;
    let email = email_of(&email)?;
    let role = Role::parse(&role).ok_or_else(|| invalid(tm().role_invalid))?;
    let before = store::get_user(&ctx.pool, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let active = active.is_some();
    let now = crate::core::time::now();
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    if !store::update_user(&mut tx, user_id, &display_name, &email, role, active, now).await? {
        return Err(AppError::Conflict(tm().last_admin.into()));
    }
    let mut changes = Vec::new();
    if before.role != role {
        changes.push(fill(
            stored().audit_role_change,
            &[&before.role.label(), &role.label()],
        ));
    }
    if before.active != active {
        changes.push(
            if active {
                stored().audit_unlocked
            } else {
                stored().audit_locked
            }
            .to_string(),
        );
    }
    if before.display_name != display_name || before.email != email {
        changes.push(stored().audit_name_email.into());
    }
    crate::features::audit::record(
        &mut tx,
        Some(me.id),
        "user.update",
        &before.username,
        &changes.join(", "),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Issues a one-time link with which the account's owner chooses a new password.
#[server]
pub async fn issue_password_link(user_id: i64) -> Result<String, AppError> {
    use super::links::{LinkPurpose, issue};
    use super::{Permission, auth, store};
    let ctx = crate::core::state::app_context()?;
    let me = auth::require(Permission::ManageUsers).await?;
    let user = store::get_user(&ctx.pool, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = crate::core::time::now();
    let link = issue(
        &ctx.pool,
        &ctx.site.base_url,
        LinkPurpose::SetPassword,
        Some(user.id),
        Some(me.id),
        now,
    )
    .await?;
    let mut conn = ctx.pool.acquire().await?;
    crate::features::audit::record(
        &mut conn,
        Some(me.id),
        "user.reset_link",
        &user.username,
        "",
        now,
    )
    .await?;
    Ok(link)
}

/// What a one-time link opens (400 when it is not valid any more).
#[server(input = GetUrl)]
pub async fn get_link(token: String) -> Result<LinkInfo, AppError> {
    use super::{auth, store};
    let ctx = crate::core::state::app_context()?;
    let mut conn = ctx.pool.acquire().await?;
    let link = store::find_link(
        &mut conn,
        &auth::token_hash(token.trim()),
        crate::core::time::now(),
    )
    .await?
    .ok_or_else(|| invalid(tm().dead_link))?;
    match (link.purpose.as_str(), link.user) {
        ("setup_admin", _) => Ok(LinkInfo::SetupAdmin),
        ("set_password", Some(u)) => Ok(LinkInfo::SetPassword {
            username: u.username,
            display_name: u.display_name,
        }),
        _ => Err(invalid(tm().dead_link)),
    }
}

/// The unused, unexpired link of `purpose` with this token (400 otherwise).
#[cfg(feature = "ssr")]
async fn live_link(
    conn: &mut sqlx::AnyConnection,
    token: &str,
    purpose: super::links::LinkPurpose,
    now: i64,
) -> Result<super::store::LinkRow, AppError> {
    let hash = super::auth::token_hash(token.trim());
    super::store::find_link(conn, &hash, now)
        .await?
        .filter(|l| l.purpose == purpose.as_str())
        .ok_or_else(|| invalid(tm().dead_link))
}

#[cfg(feature = "ssr")]
fn check_pair(password: &str, confirm: &str) -> Result<(), AppError> {
    if password != confirm {
        return Err(invalid(tm().passwords_differ));
    }
    super::model::check_new_password(password).map_err(invalid)
}

/// Creates the first admin with the set-up link printed by `serve`, signs them in and
/// opens the admin area. Refused once an admin exists.
#[server]
pub async fn complete_setup(
    token: String,
    username: String,
    display_name: String,
    email: String,
    password: String,
    confirm: String,
) -> Result<(), AppError> {
    use super::links::LinkPurpose;
    use super::model::{Role, check_username};
    use super::{auth, store};
    let ctx = crate::core::state::app_context()?;
    let username = username.trim().to_lowercase();
    check_username(&username).map_err(invalid)?;
    let display_name = display_name_of(&display_name)?;
    let email = email_of(&email)?;
    check_pair(&password, &confirm)?;
    let hash = auth::hash_password(&password)?;
    let now = crate::core::time::now();
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let link = live_link(&mut tx, &token, LinkPurpose::SetupAdmin, now).await?;
    let admins: i64 = sqlx::Row::try_get(
        &sqlx::query("SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1")
            .fetch_one(&mut *tx)
            .await?,
        0,
    )?;
    if admins > 0 {
        return Err(invalid(tm().setup_done));
    }
    if !store::use_link(&mut tx, link.id, now).await? {
        return Err(invalid(tm().dead_link));
    }
    let new = store::NewUser {
        username: &username,
        display_name: &display_name,
        email: &email,
        role: Role::Admin,
        password_hash: &hash,
    };
    let id = store::create_user(&mut tx, &new, now)
        .await?
        .ok_or_else(|| invalid(fill(tm().username_taken, &[&username])))?;
    crate::features::audit::record(&mut tx, Some(id), "admin.setup", &username, "", now).await?;
    tx.commit().await?;
    tracing::info!(user = %username, "first admin set up");
    auth::start_session(&ctx, id, now).await?;
    leptos_axum::redirect("/quan-tri");
    Ok(())
}

/// Sets a new password with a one-time link, ends the account's other sessions and
/// signs its owner in.
#[server]
pub async fn set_password_by_link(
    token: String,
    password: String,
    confirm: String,
) -> Result<(), AppError> {
    use super::links::LinkPurpose;
    use super::{Permission, auth, store};
    let ctx = crate::core::state::app_context()?;
    check_pair(&password, &confirm)?;
    let hash = auth::hash_password(&password)?;
    let now = crate::core::time::now();
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let link = live_link(&mut tx, &token, LinkPurpose::SetPassword, now).await?;
    let user = link.user.ok_or_else(|| invalid(tm().dead_link))?;
    if !user.active {
        return Err(invalid(tm().account_locked));
    }
    if !store::use_link(&mut tx, link.id, now).await? {
        return Err(invalid(tm().dead_link));
    }
    store::replace_password(&mut tx, user.id, &hash, now).await?;
    crate::features::audit::record(
        &mut tx,
        Some(user.id),
        "user.password_set",
        &user.username,
        "",
        now,
    )
    .await?;
    tx.commit().await?;
    auth::start_session(&ctx, user.id, now).await?;
    let home = if super::allows(user.role, Permission::UseAdmin) {
        "/quan-tri"
    } else {
        "/tai-khoan"
    };
    leptos_axum::redirect(home);
    Ok(())
}

/// Called by the open page while its user is active, and by "stay signed in": keeps
/// the session alive. False when the session has already ended.
#[server]
pub async fn keep_session_alive() -> Result<bool, AppError> {
    Ok(super::auth::current_user().await?.is_some())
}

/// Imports members from a spreadsheet's CSV (or its pasted rows): the report, row by
/// row, with each new member's one-time password link.
#[server]
pub async fn import_members_csv(text: String) -> Result<super::import::ImportReport, AppError> {
    use super::{Permission, auth};
    let ctx = crate::core::state::app_context()?;
    let me = auth::require(Permission::ManageUsers).await?;
    super::import::import_members(&ctx.pool, &ctx.site.base_url, &text, Some(me.id)).await
}

/// The units members belong to, with their member counts.
#[server(input = GetUrl)]
pub async fn get_units() -> Result<Vec<super::import::UnitRow>, AppError> {
    use super::{Permission, auth};
    let ctx = crate::core::state::app_context()?;
    auth::require(Permission::ManageUsers).await?;
    Ok(super::store::units(&ctx.pool).await?)
}
