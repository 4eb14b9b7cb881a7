//! The article locks' SQL (table `article_locks`): taken in one statement, so two
//! editors opening an article at once cannot both get it.

use sqlx::{AnyPool, Row};

pub struct Holder {
    pub user_id: i64,
    pub name: String,
    pub taken_at: i64,
    pub beat_at: i64,
}

/// Takes the lock for `user` when it is free, theirs already (a beat), not beaten
/// since `stale_before`, or `force`d (the chief's take-over).
pub async fn hold(
    pool: &AnyPool,
    article: i64,
    user: i64,
    now: i64,
    stale_before: i64,
    force: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO article_locks (article_id, user_id, taken_at, beat_at) VALUES ($1, $2, $3, $3) \
         ON CONFLICT (article_id) DO UPDATE SET user_id = excluded.user_id, \
         taken_at = CASE WHEN article_locks.user_id = excluded.user_id \
                         THEN article_locks.taken_at ELSE excluded.taken_at END, \
         beat_at = excluded.beat_at \
         WHERE article_locks.user_id = excluded.user_id OR article_locks.beat_at < $4 OR $5 = 1",
    )
    .bind(article)
    .bind(user)
    .bind(now)
    .bind(stale_before)
    .bind(i64::from(force))
    .execute(pool)
    .await?;
    Ok(())
}

/// Who holds the lock of `article`, if anyone (fresh or not).
pub async fn holder(pool: &AnyPool, article: i64) -> Result<Option<Holder>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT l.user_id, u.display_name, l.taken_at, l.beat_at FROM article_locks l \
         JOIN users u ON u.id = l.user_id WHERE l.article_id = $1",
    )
    .bind(article)
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(Holder {
            user_id: r.try_get("user_id")?,
            name: r.try_get("display_name")?,
            taken_at: r.try_get("taken_at")?,
            beat_at: r.try_get("beat_at")?,
        })
    })
    .transpose()
}

pub async fn release(pool: &AnyPool, article: i64, user: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM article_locks WHERE article_id = $1 AND user_id = $2")
        .bind(article)
        .bind(user)
        .execute(pool)
        .await?;
    Ok(())
}
