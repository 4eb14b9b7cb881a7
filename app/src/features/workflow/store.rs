//! SQL of the workflow: one transaction per status change, with its audit event;
//! scheduled articles published when due.

use crate::i18n::messages::stored;
use crate::i18n::{fill, tm};
use sqlx::{AnyPool, Row};

use super::model::{Action, ArticleEvent, Origin, Status};
use crate::features::accounts::model::CurrentUser;

/// Why a status change was refused.
#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    #[error("{}", tm().article_not_found)]
    NotFound,
    #[error("{}", tm().wf_not_allowed)]
    NotAllowed,
    #[error("{0}")]
    Invalid(String),
    #[error("{}", tm().wf_conflict)]
    Conflict,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub const MAX_REASON_CHARS: usize = 2_000;

/// Moves an article by `action`, as `actor`, and records who did it, when, and why.
/// `schedule_at` is the publication time for `Schedule`.
pub async fn apply(
    pool: &AnyPool,
    article_id: i64,
    actor: &CurrentUser,
    action: Action,
    reason: &str,
    schedule_at: Option<i64>,
    now: i64,
) -> Result<Status, WorkflowError> {
    let reason = crate::core::text::nfc(reason);
    let mut tx = crate::core::state::begin_write(pool).await?;
    let row = sqlx::query(
        "SELECT status, created_by, publish_at, category_id, body_json FROM articles WHERE id = $1",
    )
    .bind(article_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(WorkflowError::NotFound)?;
    let from_raw: String = row.try_get("status")?;
    let from = Status::parse(&from_raw)
        .ok_or_else(|| WorkflowError::Invalid(fill(tm().wf_unknown_status, &[&from_raw])))?;
    let author: Option<i64> = row.try_get("created_by")?;
    let publish_at: Option<i64> = row.try_get("publish_at")?;

    let path = crate::features::categories::path_ids(&mut tx, row.try_get("category_id")?).await?;
    if !action.allowed_in(actor, author, &path) {
        return Err(WorkflowError::NotAllowed);
    }
    let to = action.target(from).ok_or_else(|| {
        WorkflowError::Invalid(fill(
            tm().wf_cannot,
            &[&action.label().to_lowercase(), &from.label().to_lowercase()],
        ))
    })?;
    // a picture without alt text may be drafted, not sent on towards readers
    if matches!(
        to,
        Status::PendingReview | Status::Approved | Status::Scheduled | Status::Published
    ) {
        let body: String = row.try_get("body_json")?;
        let doc: crate::content::Doc = serde_json::from_str(&body).unwrap_or_default();
        if crate::content::check::warnings(&doc)
            .iter()
            .any(|w| w.blocks_submission())
        {
            return Err(WorkflowError::Invalid(tm().wf_picture_needs_alt.into()));
        }
    }
    if action == Action::Reject && reason.is_empty() {
        return Err(WorkflowError::Invalid(tm().wf_reason_required.into()));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(WorkflowError::Invalid(fill(
            tm().wf_reason_too_long,
            &[&MAX_REASON_CHARS],
        )));
    }
    let new_publish_at = match action {
        Action::Schedule => match schedule_at {
            Some(at) if at > now => Some(at),
            _ => {
                return Err(WorkflowError::Invalid(tm().wf_schedule_future.into()));
            }
        },
        // a first publication, or a scheduled one brought forward, is dated now
        Action::Publish => Some(match publish_at {
            Some(at) if at <= now && from != Status::Scheduled => at,
            _ => now,
        }),
        _ => publish_at,
    };

    let done = sqlx::query("UPDATE articles SET status = $1, publish_at = $2, updated_at = $3 WHERE id = $4 AND status = $5")
        .bind(to.as_str())
        .bind(new_publish_at)
        .bind(now)
        .bind(article_id)
        .bind(from.as_str())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(WorkflowError::Conflict);
    }
    record(
        &mut tx,
        article_id,
        Some(actor.id),
        Origin::Person,
        from,
        to,
        &reason,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(article_id, actor = %actor.username, from = from.as_str(), to = to.as_str(), "article status changed");
    Ok(to)
}

#[allow(clippy::too_many_arguments)]
async fn record(
    conn: &mut sqlx::AnyConnection,
    article_id: i64,
    actor: Option<i64>,
    origin: Origin,
    from: Status,
    to: Status,
    reason: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO article_events (article_id, actor_id, origin, from_status, to_status, reason, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(article_id)
    .bind(actor)
    .bind(origin.as_str())
    .bind(from.as_str())
    .bind(to.as_str())
    .bind(reason)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    // what is published is what search finds, from this change on
    crate::features::search::sync_article(conn, article_id).await
}

/// A status change the articles writer makes as part of a write.
#[derive(Debug, Clone, Copy)]
pub struct Move<'a> {
    pub article: i64,
    pub from: Status,
    pub to: Status,
    /// The publication time to set; `None` keeps it.
    pub publish_at: Option<i64>,
    pub actor: Option<i64>,
    pub origin: Origin,
    pub reason: &'a str,
}

/// Moves an article inside the caller's transaction (the articles writer: an
/// imported article published, an edited rejected one back to draft) and records the
/// event when the status changes. False when the article was no longer in `from`.
pub async fn enter(
    conn: &mut sqlx::AnyConnection,
    m: Move<'_>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE articles SET status = $1, publish_at = COALESCE($2, publish_at) WHERE id = $3 AND status = $4",
    )
    .bind(m.to.as_str())
    .bind(m.publish_at)
    .bind(m.article)
    .bind(m.from.as_str())
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    if m.from != m.to {
        record(
            conn, m.article, m.actor, m.origin, m.from, m.to, m.reason, now,
        )
        .await?;
    }
    Ok(true)
}

/// Publishes every scheduled article whose time has come; returns how many.
pub async fn publish_due(pool: &AnyPool, now: i64) -> Result<usize, sqlx::Error> {
    let mut tx = crate::core::state::begin_write(pool).await?;
    let due =
        sqlx::query("SELECT id FROM articles WHERE status = 'scheduled' AND publish_at <= $1")
            .bind(now)
            .fetch_all(&mut *tx)
            .await?;
    let mut published = 0;
    for row in &due {
        let id: i64 = row.try_get("id")?;
        let done = sqlx::query("UPDATE articles SET status = 'published', updated_at = $1 WHERE id = $2 AND status = 'scheduled'")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 1 {
            record(
                &mut tx,
                id,
                None,
                Origin::Scheduler,
                Status::Scheduled,
                Status::Published,
                stored().wf_published_on_schedule,
                now,
            )
            .await?;
            published += 1;
        }
    }
    tx.commit().await?;
    Ok(published)
}

/// The status history of an article, oldest first.
pub async fn events(pool: &AnyPool, article_id: i64) -> Result<Vec<ArticleEvent>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.display_name, e.origin, e.from_status, e.to_status, e.reason, e.created_at FROM article_events e \
         LEFT JOIN users u ON u.id = e.actor_id WHERE e.article_id = $1 ORDER BY e.id",
    )
    .bind(article_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let status = |column: &str| -> Result<Status, sqlx::Error> {
                let s: String = r.try_get(column)?;
                Status::parse(&s)
                    .ok_or_else(|| sqlx::Error::Decode(format!("unknown status {s}").into()))
            };
            let origin: String = r.try_get("origin")?;
            Ok(ArticleEvent {
                actor: r.try_get("display_name")?,
                process: Origin::parse(&origin).label().map(str::to_string),
                from: status("from_status")?,
                to: status("to_status")?,
                reason: r.try_get("reason")?,
                at: crate::core::time::dateline(r.try_get("created_at")?),
            })
        })
        .collect()
}
