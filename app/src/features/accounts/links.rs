//! One-time links: the first admin's set-up link (printed by `serve` when there is no
//! admin) and password links (printed by `toasoan user reset-link`, or shown to the
//! admin who issues them; no mail server needed). A link is a random token stored
//! hashed, valid once, for a day.

use super::auth::{new_token, token_hash};
use super::store;

/// How long a link stays valid.
pub const LINK_SECONDS: i64 = 24 * 3600;

/// What a link lets its holder do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    /// Create the first admin account.
    SetupAdmin,
    /// Choose a new password for one account.
    SetPassword,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::SetupAdmin => "setup_admin",
            LinkPurpose::SetPassword => "set_password",
        }
    }

    /// The page the link opens.
    pub fn path(self) -> &'static str {
        match self {
            LinkPurpose::SetupAdmin => "/thiet-lap",
            LinkPurpose::SetPassword => "/dat-mat-khau",
        }
    }
}

/// Issues a link; returns its full address on the portal at `base_url`.
pub async fn issue<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(
    db: E,
    base_url: &str,
    purpose: LinkPurpose,
    user_id: Option<i64>,
    created_by: Option<i64>,
    now: i64,
) -> Result<String, sqlx::Error> {
    let token = new_token();
    store::create_link(
        db,
        &token_hash(&token),
        purpose.as_str(),
        user_id,
        created_by,
        now,
        now + LINK_SECONDS,
    )
    .await?;
    Ok(format!(
        "{}{}?ma={token}",
        base_url.trim_end_matches('/'),
        purpose.path()
    ))
}
