//! SQL of the audit log: administrative actions, read together with the workflow's
//! status changes (`article_events`, written only by workflow; read here).

use sqlx::{AnyConnection, AnyPool, Row};

use super::model::AuditRow;
use crate::core::paging::{PER_PAGE, Paged};

/// Records an administrative action (who, what code, on what, details).
pub async fn record(
    conn: &mut AnyConnection,
    actor: Option<i64>,
    action: &str,
    target: &str,
    detail: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_events (actor_id, action, target, detail, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(actor)
    .bind(action)
    .bind(target)
    .bind(detail)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// One target's history ("question:7"), oldest first: (time, who, what it was, the
/// detail); "what" is the action's label, its detail after a colon when it has one.
pub async fn history_of(
    pool: &AnyPool,
    target: &str,
) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    sqlx::query(
        "SELECT e.created_at, COALESCE(u.display_name, '') AS who, e.action, e.detail \
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id \
         WHERE e.target = $1 ORDER BY e.created_at, e.id",
    )
    .bind(target)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        let action: String = r.try_get("action")?;
        let detail: String = r.try_get("detail")?;
        let label = super::model::action_label(&action);
        let what = if detail.is_empty() {
            label.to_string()
        } else {
            format!("{label}: {detail}")
        };
        Ok((r.try_get("created_at")?, r.try_get("who")?, what))
    })
    .collect()
}

/// One page of the audit log, newest first: article status changes and
/// administrative actions together.
pub async fn page(pool: &AnyPool, page: u32) -> Result<Paged<AuditRow>, sqlx::Error> {
    let total: i64 = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM article_events) + (SELECT COUNT(*) FROM audit_events) AS total",
    )
    .fetch_one(pool)
    .await?
    .try_get("total")?;
    let offset = (page.max(1) as i64 - 1) * PER_PAGE as i64;
    let rows = sqlx::query(
        "SELECT at, actor, origin, kind, target, from_status, to_status, detail, article_id FROM ( \
           SELECT e.created_at AS at, e.id AS seq, u.display_name AS actor, e.origin AS origin, 'article' AS kind, \
                  COALESCE(a.title, '') AS target, e.from_status AS from_status, e.to_status AS to_status, \
                  e.reason AS detail, e.article_id AS article_id \
           FROM article_events e LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN articles a ON a.id = e.article_id \
           UNION ALL \
           SELECT x.created_at, x.id, u.display_name, '', x.action, x.target, '', '', x.detail, 0 \
           FROM audit_events x LEFT JOIN users u ON u.id = x.actor_id \
         ) log ORDER BY at DESC, seq DESC LIMIT $1 OFFSET $2",
    )
    .bind(PER_PAGE as i64)
    .bind(offset)
    .fetch_all(pool)
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for r in &rows {
        items.push(AuditRow {
            at: r.try_get("at")?,
            actor: r.try_get("actor")?,
            origin: r.try_get("origin")?,
            kind: r.try_get("kind")?,
            target: r.try_get("target")?,
            from_status: r.try_get("from_status")?,
            to_status: r.try_get("to_status")?,
            detail: r.try_get("detail")?,
            article_id: r.try_get("article_id")?,
        });
    }
    Ok(Paged::new(items, page.max(1), total))
}
