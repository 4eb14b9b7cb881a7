//! SQL of the audit log: administrative actions, read together with the workflow's
//! status changes.

use sqlx::{AnyConnection, AnyPool, Row};

use super::model::{AuditEntry, action_label};
use crate::features::articles::model::{PER_PAGE, Paged};
use crate::features::workflow::model::Status;

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

/// One page of the audit log, newest first: article status changes and
/// administrative actions together.
pub async fn page(pool: &AnyPool, page: u32) -> Result<Paged<AuditEntry>, sqlx::Error> {
    let total: i64 = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM article_events) + (SELECT COUNT(*) FROM audit_events)",
    )
    .fetch_one(pool)
    .await?
    .try_get(0)?;
    let offset = (page.max(1) as i64 - 1) * PER_PAGE as i64;
    let rows = sqlx::query(
        "SELECT at, actor, kind, target, from_status, to_status, detail, article_id FROM ( \
           SELECT e.created_at AS at, e.id AS seq, u.display_name AS actor, 'article' AS kind, \
                  COALESCE(a.title, '') AS target, e.from_status AS from_status, e.to_status AS to_status, \
                  e.reason AS detail, e.article_id AS article_id \
           FROM article_events e LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN articles a ON a.id = e.article_id \
           UNION ALL \
           SELECT x.created_at, x.id, u.display_name, x.action, x.target, '', '', x.detail, 0 \
           FROM audit_events x LEFT JOIN users u ON u.id = x.actor_id \
         ) log ORDER BY at DESC, seq DESC LIMIT $1 OFFSET $2",
    )
    .bind(PER_PAGE as i64)
    .bind(offset)
    .fetch_all(pool)
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for r in &rows {
        let kind: String = r.try_get(2)?;
        let target: String = r.try_get(3)?;
        let label = |i: usize| -> Result<&'static str, sqlx::Error> {
            let s: String = r.try_get(i)?;
            Ok(Status::parse(&s).map(Status::label).unwrap_or("?"))
        };
        let (what, href) = if kind == "article" {
            let article_id: i64 = r.try_get(7)?;
            (
                format!("Bài \"{target}\": {} → {}", label(4)?, label(5)?),
                Some(crate::features::editorial::model::desk_href(article_id)),
            )
        } else if target.is_empty() {
            (action_label(&kind).to_string(), None)
        } else {
            (format!("{}: {target}", action_label(&kind)), None)
        };
        items.push(AuditEntry {
            at: crate::time::short_date(r.try_get(0)?),
            actor: r.try_get(1)?,
            what,
            detail: r.try_get(6)?,
            href,
        });
    }
    Ok(Paged::new(items, page.max(1), total))
}
