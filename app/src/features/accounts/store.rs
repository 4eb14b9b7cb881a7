//! SQL of accounts: users and their server-side sessions.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

use super::model::{CategoryGrant, CategoryRights, CurrentUser, Role, UserRow};

fn user_from_row(r: &AnyRow) -> Result<UserRow, sqlx::Error> {
    let role: String = r.try_get("role")?;
    Ok(UserRow {
        id: r.try_get("id")?,
        username: r.try_get("username")?,
        display_name: r.try_get("display_name")?,
        email: r.try_get("email")?,
        role: Role::parse(&role)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown role {role}").into()))?,
        active: r.try_get::<i64, _>("active")? != 0,
    })
}

const USER_COLUMNS: &str = "id, username, display_name, email, role, active";

/// A new account.
pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub email: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
}

/// Creates a user; a taken user name is `Ok(None)`.
pub async fn create_user(
    conn: &mut sqlx::AnyConnection,
    u: &NewUser<'_>,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let taken = sqlx::query("SELECT id FROM users WHERE username = $1")
        .bind(u.username)
        .fetch_optional(&mut *conn)
        .await?;
    if taken.is_some() {
        return Ok(None);
    }
    let row = sqlx::query(
        "INSERT INTO users (username, display_name, email, role, password_hash, active, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 1, $6, $6) RETURNING id",
    )
    .bind(u.username)
    .bind(u.display_name)
    .bind(u.email)
    .bind(u.role.as_str())
    .bind(u.password_hash)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Some(row.try_get("id")?))
}

/// All users, by user name.
pub async fn list_users(pool: &AnyPool) -> Result<Vec<UserRow>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {USER_COLUMNS} FROM users ORDER BY username"
    ))
    .fetch_all(pool)
    .await?;
    rows.iter().map(user_from_row).collect()
}

/// A user and their password hash, by user name, for signing in.
pub async fn find_for_sign_in(
    pool: &AnyPool,
    username: &str,
) -> Result<Option<(UserRow, String)>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {USER_COLUMNS}, password_hash FROM users WHERE username = $1"
    ))
    .bind(username)
    .fetch_optional(pool)
    .await?;
    row.map(|r| Ok((user_from_row(&r)?, r.try_get("password_hash")?)))
        .transpose()
}

/// Turns an account off and ends its sessions. Returns false for an unknown name.
pub async fn disable_user(pool: &AnyPool, username: &str, now: i64) -> Result<bool, sqlx::Error> {
    let mut tx = crate::core::state::begin_write(pool).await?;
    let Some(row) = sqlx::query("SELECT id FROM users WHERE username = $1")
        .bind(username)
        .fetch_optional(&mut *tx)
        .await?
    else {
        return Ok(false);
    };
    let id: i64 = row.try_get("id")?;
    sqlx::query("UPDATE users SET active = 0, updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// Sets a new password hash and ends the user's other sessions.
pub async fn set_password(
    pool: &AnyPool,
    user_id: i64,
    password_hash: &str,
    keep_session: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = crate::core::state::begin_write(pool).await?;
    sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(password_hash)
        .bind(now)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(user_id)
        .bind(keep_session.unwrap_or(""))
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Stores a new session.
pub async fn create_session(
    pool: &AnyPool,
    token_hash: &str,
    user_id: i64,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

/// The active user of a live session: (user, last seen).
pub async fn session_user(
    pool: &AnyPool,
    token_hash: &str,
    now: i64,
) -> Result<Option<(CurrentUser, i64)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT u.id, u.username, u.display_name, u.role, s.last_seen_at FROM sessions s \
         JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active = 1",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let role: String = r.try_get("role")?;
    let Some(role) = Role::parse(&role) else {
        return Ok(None);
    };
    let id: i64 = r.try_get("id")?;
    let user = CurrentUser {
        id,
        username: r.try_get("username")?,
        display_name: r.try_get("display_name")?,
        role,
        grants: grants_of(pool, id).await?,
    };
    Ok(Some((user, r.try_get("last_seen_at")?)))
}

/// A member's category grants.
pub async fn grants_of(pool: &AnyPool, user: i64) -> Result<Vec<CategoryGrant>, sqlx::Error> {
    sqlx::query(
        "SELECT category_id, can_add, can_edit, can_approve, can_publish FROM category_grants \
         WHERE user_id = $1 ORDER BY category_id",
    )
    .bind(user)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        let flag =
            |name: &str| -> Result<bool, sqlx::Error> { Ok(r.try_get::<i64, _>(name)? != 0) };
        Ok(CategoryGrant {
            category_id: r.try_get("category_id")?,
            rights: CategoryRights {
                add: flag("can_add")?,
                edit: flag("can_edit")?,
                approve: flag("can_approve")?,
                publish: flag("can_publish")?,
            },
        })
    })
    .collect()
}

/// Replaces a member's category grants (grants without any right are dropped).
pub async fn set_grants(
    conn: &mut AnyConnection,
    user: i64,
    grants: &[CategoryGrant],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM category_grants WHERE user_id = $1")
        .bind(user)
        .execute(&mut *conn)
        .await?;
    for g in grants.iter().filter(|g| g.rights.any()) {
        sqlx::query(
            "INSERT INTO category_grants (user_id, category_id, can_add, can_edit, can_approve, can_publish) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(user)
        .bind(g.category_id)
        .bind(i64::from(g.rights.add))
        .bind(i64::from(g.rights.edit))
        .bind(i64::from(g.rights.approve))
        .bind(i64::from(g.rights.publish))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Records activity on a session (at most once a minute, so reading is not a write).
pub async fn touch_session(
    pool: &AnyPool,
    token_hash: &str,
    now: i64,
    idle_expiry: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3")
        .bind(now)
        .bind(idle_expiry)
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

/// Ends a session.
pub async fn delete_session(pool: &AnyPool, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

/// Whether any active admin exists.
pub async fn has_admin(pool: &AnyPool) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1")
        .fetch_one(pool)
        .await?
        .try_get("n")?;
    Ok(n > 0)
}

/// A user by id.
pub async fn get_user(pool: &AnyPool, id: i64) -> Result<Option<UserRow>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(user_from_row).transpose()
}

/// Changes a user's name, email, role and active flag; a disabled user's sessions end.
/// Refuses (Ok(false), nothing written) to leave the portal without an active admin.
pub async fn update_user(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    display_name: &str,
    email: &str,
    role: Role,
    active: bool,
    now: i64,
) -> Result<bool, sqlx::Error> {
    if role != Role::Admin || !active {
        let other_admins: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1 AND id <> $1",
        )
        .bind(id)
        .fetch_one(&mut *conn)
        .await?
        .try_get("n")?;
        if other_admins == 0 {
            return Ok(false);
        }
    }
    sqlx::query(
        "UPDATE users SET display_name = $1, email = $2, role = $3, active = $4, updated_at = $5 WHERE id = $6",
    )
    .bind(display_name)
    .bind(email)
    .bind(role.as_str())
    .bind(active as i64)
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if !active {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(true)
}

/// A one-time link that has not been used and has not expired.
#[derive(Debug, Clone)]
pub struct LinkRow {
    pub id: i64,
    pub purpose: String,
    pub user: Option<UserRow>,
}

/// Stores a one-time link (its token hashed).
pub async fn create_link<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(
    db: E,
    token_hash: &str,
    purpose: &str,
    user_id: Option<i64>,
    created_by: Option<i64>,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO one_time_links (token_hash, purpose, user_id, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash)
    .bind(purpose)
    .bind(user_id)
    .bind(created_by)
    .bind(now)
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// The live link with this token hash.
pub async fn find_link(
    conn: &mut sqlx::AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<Option<LinkRow>, sqlx::Error> {
    let Some(r) = sqlx::query(
        "SELECT id, purpose, user_id FROM one_time_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let user_id: Option<i64> = r.try_get("user_id")?;
    let user = match user_id {
        Some(id) => {
            let row = sqlx::query(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
            match row {
                Some(row) => Some(user_from_row(&row)?),
                None => return Ok(None),
            }
        }
        None => None,
    };
    Ok(Some(LinkRow {
        id: r.try_get("id")?,
        purpose: r.try_get("purpose")?,
        user,
    }))
}

/// Marks a link used; false if it was used in the meantime.
pub async fn use_link(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE one_time_links SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Replaces a password hash and ends every session of the user.
pub async fn replace_password(
    conn: &mut sqlx::AnyConnection,
    user_id: i64,
    password_hash: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(password_hash)
        .bind(now)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Puts `user` in the unit named `unit`, kept once by name.
pub async fn set_unit(
    conn: &mut sqlx::AnyConnection,
    user: i64,
    unit: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO units (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
    )
    .bind(unit)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE users SET unit_id = (SELECT id FROM units WHERE name = $2) WHERE id = $1")
        .bind(user)
        .bind(unit)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The units with how many accounts each has, by name.
pub async fn units(pool: &AnyPool) -> Result<Vec<super::model::UnitRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT n.name, (SELECT COUNT(*) FROM users u WHERE u.unit_id = n.id) AS members \
         FROM units n ORDER BY n.name",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(super::model::UnitRow {
                name: r.try_get("name")?,
                members: r.try_get("members")?,
            })
        })
        .collect()
}
