//! Two editors, one article: the block editor holds the article's lock while it is
//! open, beating it every `BEAT_SECONDS`; another editor who opens it sees who is
//! writing and reads only, until the lock is released, left unbeaten for
//! `LOCK_SECONDS` (then it is theirs at their next beat), or taken over by the
//! editor-in-chief. The server refuses a save over a lock held by someone else.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::core::error::AppError;

/// A lock not beaten for this long is free.
pub const LOCK_SECONDS: i64 = 60;
/// How often an open editor beats its lock.
pub const BEAT_SECONDS: u64 = 20;

/// Who has the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lock {
    Mine,
    Held {
        by: String,
        /// "10:42", Vietnam time: since when they have it.
        since: String,
        /// The editor-in-chief may take it over.
        can_take: bool,
    },
}

/// Takes or beats the lock of article `article_id` (`take_over`: the chief takes it
/// from whoever has it) and says who has it now.
#[server]
pub async fn hold_lock(article_id: i64, take_over: bool) -> Result<Lock, AppError> {
    use crate::features::accounts::Permission;
    use crate::features::workflow::model::can_edit_in;
    let ctx = crate::core::state::app_context()?;
    let user = super::server::desk_user().await?;
    let desk = super::server::visible_head(&ctx.pool, &user, article_id).await?;
    if !can_edit_in(&user, desk.head.author_id, desk.head.status, &desk.path) {
        return Err(AppError::Forbidden);
    }
    let chief = user.can(Permission::ApproveArticle);
    let now = crate::core::time::now();
    super::lock_store::hold(
        &ctx.pool,
        article_id,
        user.id,
        now,
        now - LOCK_SECONDS,
        take_over && chief,
    )
    .await?;
    let holder = super::lock_store::holder(&ctx.pool, article_id).await?;
    Ok(match holder {
        Some(h) if h.user_id != user.id => Lock::Held {
            by: h.name,
            since: crate::core::time::clock(h.taken_at),
            can_take: chief,
        },
        _ => Lock::Mine,
    })
}

/// Lets the lock of `article_id` go (the editor closed); nothing when it is not held.
#[server]
pub async fn release_lock(article_id: i64) -> Result<(), AppError> {
    let ctx = crate::core::state::app_context()?;
    let user = super::server::desk_user().await?;
    super::lock_store::release(&ctx.pool, article_id, user.id).await?;
    Ok(())
}

/// Refused when someone else holds `article_id`'s lock (for the save).
#[cfg(feature = "ssr")]
pub async fn check_free(
    pool: &sqlx::AnyPool,
    article_id: i64,
    user_id: i64,
) -> Result<(), AppError> {
    let now = crate::core::time::now();
    match super::lock_store::holder(pool, article_id).await? {
        Some(h) if h.user_id != user_id && h.beat_at >= now - LOCK_SECONDS => {
            Err(AppError::Conflict(crate::i18n::fill(
                crate::i18n::te().lock_refused,
                &[&h.name],
            )))
        }
        _ => Ok(()),
    }
}
