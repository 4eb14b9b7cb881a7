//! What readers may do with a public article, as every rating and comment asks it
//! first: read from the store at most once a second per article and server
//! (`core::memo`, forgotten whenever content changes), so a flood of writes on one
//! article does not ask the database the same question a thousand times a second.

use super::store::{self, Participation};
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
