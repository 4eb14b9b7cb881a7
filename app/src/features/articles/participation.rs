//! What readers may do with a public article, as every rating and comment asks it
//! first: read from the store at most once a second per article and server
//! (`core::memo`, forgotten whenever content changes), so a flood of writes on one
//! article does not ask the database the same question a thousand times a second.

use super::store::{self, Participation};
use crate::core::error::AppError;
use crate::core::state::AppContext;

/// The id and switches of the public article `slug`, or None (unknown, unpublished,
/// expired); the rating totals as last recounted.
pub async fn participation(
    ctx: &AppContext,
    now: i64,
    slug: &str,
) -> Result<Option<Participation>, sqlx::Error> {
    let key = format!("articles:participation:{slug}");
    ctx.memo
        .get_or_load(&key, store::participation(&ctx.pool, now, slug))
        .await
}

/// A reader may take part in `article` (rate it, comment): anyone, but in an article
/// for members only, only signed-in members and staff (401 for others).
pub async fn open_to_reader(article: &Participation) -> Result<(), AppError> {
    if article.members_only
        && crate::features::accounts::auth::current_user()
            .await?
            .is_none()
    {
        return Err(AppError::SignInRequired);
    }
    Ok(())
}

/// The page of a members-only article, asked for by a reader: as
/// `accounts::auth::members_gate`, which brings them back to the article.
pub async fn members_only_gate(slug: &str) -> Result<(), AppError> {
    crate::features::accounts::auth::members_gate(&crate::core::links::article_href(slug)).await
}
