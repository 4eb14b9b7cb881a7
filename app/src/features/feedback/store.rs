//! SQL of Góp ý: a citizen's feedback, the lookup by tracking code, the handlers'
//! queue by status and age (overdue ones by their own tab), a piece with its
//! internal notes, the units it is forwarded to, and the handlers' steps.

use sqlx::{AnyConnection, AnyPool, Row, any::AnyRow};

use super::model::{FeedbackCounts, FeedbackRow, FeedbackStatus, days_since, overdue_by};
use crate::core::paging::{PER_PAGE, Paged};
use crate::core::time;

/// How long the same text (by fingerprint) is refused as a duplicate.
pub const DUPLICATE_SECONDS: i64 = 7 * 24 * 3600;

/// The queue's tabs: the statuses, then the overdue ones.
pub const TABS: [&str; 5] = ["new", "forwarded", "answered", "closed", "overdue"];

#[derive(Debug, thiserror::Error)]
pub enum FbStoreError {
    #[error("duplicate")]
    Duplicate,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// What a citizen's feedback stores.
pub struct NewFeedback<'a> {
    pub code_hash: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub name: &'a str,
    pub contact: &'a str,
    /// (stored file name, name as sent, type, size), when a file came with it.
    pub file: Option<(&'a str, &'a str, &'a str, i64)>,
    pub held_for: &'a str,
    pub body_hash: &'a str,
    pub visitor_key: &'a str,
    pub addr_hash: &'a str,
}

/// Stores a piece of feedback unless the same text arrived in the last week; returns
/// its id. In the caller's transaction (taken with the write lock: it reads first).
pub async fn insert(
    conn: &mut AnyConnection,
    f: &NewFeedback<'_>,
    now: i64,
) -> Result<i64, FbStoreError> {
    let dup = sqlx::query("SELECT 1 FROM feedback WHERE body_hash = $1 AND created_at > $2")
        .bind(f.body_hash)
        .bind(now - DUPLICATE_SECONDS)
        .fetch_optional(&mut *conn)
        .await?;
    if dup.is_some() {
        return Err(FbStoreError::Duplicate);
    }
    let (file, original, mime, size) = f.file.unwrap_or(("", "", "", 0));
    let id: i64 = sqlx::query(
        "INSERT INTO feedback (code_hash, subject, body, sender_name, sender_contact, \
         file_name, file_original, file_mime, file_size, status, held_for, body_hash, \
         visitor_key, addr_hash, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) \
         RETURNING id",
    )
    .bind(f.code_hash)
    .bind(f.subject)
    .bind(f.body)
    .bind(f.name)
    .bind(f.contact)
    .bind(file)
    .bind(original)
    .bind(mime)
    .bind(size)
    .bind(FeedbackStatus::New.code())
    .bind(f.held_for)
    .bind(f.body_hash)
    .bind(f.visitor_key)
    .bind(f.addr_hash)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    Ok(id)
}

fn status_of(r: &AnyRow) -> Result<FeedbackStatus, sqlx::Error> {
    let code: String = r.try_get("status")?;
    FeedbackStatus::parse(&code).ok_or_else(|| sqlx::Error::Decode(code.into()))
}

/// A piece of feedback as its sender follows it (by the hash of its code).
pub struct TrackedRow {
    pub status: FeedbackStatus,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub unit: Option<String>,
    pub answer: String,
    pub answered_at: Option<i64>,
}

pub async fn by_code(pool: &AnyPool, code_hash: &str) -> Result<Option<TrackedRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT f.status, f.subject, f.body, f.created_at, u.name AS unit, f.answer, \
         f.answered_at FROM feedback f LEFT JOIN feedback_units u ON u.id = f.unit_id \
         WHERE f.code_hash = $1",
    )
    .bind(code_hash)
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(TrackedRow {
            status: status_of(&r)?,
            subject: r.try_get("subject")?,
            body: r.try_get("body")?,
            created_at: r.try_get("created_at")?,
            unit: r.try_get("unit")?,
            answer: r.try_get("answer")?,
            answered_at: r.try_get("answered_at")?,
        })
    })
    .transpose()
}

/// The filter of a tab: waiting ones sent before `$1` are overdue.
fn tab_filter(tab: &str) -> &'static str {
    match tab {
        "forwarded" => "f.status = 'forwarded'",
        "answered" => "f.status = 'answered'",
        "closed" => "f.status = 'closed'",
        "overdue" => "f.status IN ('new', 'forwarded') AND f.created_at < $1",
        _ => "f.status = 'new'",
    }
}

/// One page of a tab: waiting ones oldest first, the others latest first.
pub async fn queue(
    pool: &AnyPool,
    tab: &str,
    page: u32,
    now: i64,
    limit_days: u32,
) -> Result<Paged<FeedbackRow>, sqlx::Error> {
    let deadline = now - i64::from(limit_days) * 86_400;
    let filter = tab_filter(tab);
    // every filter binds the deadline, used or not, so the marks stay in order
    let guard = if filter.contains("$1") {
        ""
    } else {
        " AND $1 = $1"
    };
    let order = match tab {
        "answered" | "closed" => "f.updated_at DESC, f.id DESC",
        _ => "f.created_at, f.id",
    };
    let count_sql = format!("SELECT COUNT(*) AS n FROM feedback f WHERE {filter}{guard}");
    let list_sql = format!(
        "SELECT f.id, f.subject, f.sender_name, f.status, COALESCE(u.name, '') AS unit, \
         f.created_at, f.held_for, f.file_name FROM feedback f \
         LEFT JOIN feedback_units u ON u.id = f.unit_id WHERE {filter}{guard} \
         ORDER BY {order} LIMIT {PER_PAGE} OFFSET {}",
        (i64::from(page.max(1)) - 1) * i64::from(PER_PAGE)
    );
    let (total, rows) = tokio::try_join!(
        sqlx::query(&count_sql).bind(deadline).fetch_one(pool),
        sqlx::query(&list_sql).bind(deadline).fetch_all(pool)
    )?;
    let total: i64 = total.try_get("n")?;
    let items = rows
        .iter()
        .map(|r| {
            let status = status_of(r)?;
            let at: i64 = r.try_get("created_at")?;
            Ok(FeedbackRow {
                id: r.try_get("id")?,
                subject: r.try_get("subject")?,
                sender: r.try_get("sender_name")?,
                status,
                unit: r.try_get("unit")?,
                sent: time::short_date(at),
                age_days: days_since(at, now),
                overdue: overdue_by(status, at, now, limit_days),
                held_for: r.try_get("held_for")?,
                has_file: !r.try_get::<String, _>("file_name")?.is_empty(),
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(Paged::new(items, page.max(1), total))
}

/// Every tab's count, in one pass.
pub async fn counts(
    pool: &AnyPool,
    now: i64,
    limit_days: u32,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let deadline = now - i64::from(limit_days) * 86_400;
    let r = sqlx::query(
        "SELECT \
         COALESCE(SUM(CASE WHEN status = 'new' THEN 1 ELSE 0 END), 0) AS new_n, \
         COALESCE(SUM(CASE WHEN status = 'forwarded' THEN 1 ELSE 0 END), 0) AS forwarded_n, \
         COALESCE(SUM(CASE WHEN status = 'answered' THEN 1 ELSE 0 END), 0) AS answered_n, \
         COALESCE(SUM(CASE WHEN status = 'closed' THEN 1 ELSE 0 END), 0) AS closed_n, \
         COALESCE(SUM(CASE WHEN status IN ('new', 'forwarded') AND created_at < $1 \
         THEN 1 ELSE 0 END), 0) AS overdue_n FROM feedback",
    )
    .bind(deadline)
    .fetch_one(pool)
    .await?;
    TABS.iter()
        .map(|t| {
            Ok((
                t.to_string(),
                r.try_get::<i64, _>(format!("{t}_n").as_str())?,
            ))
        })
        .collect()
}

/// The dashboard's line.
pub async fn dashboard(
    pool: &AnyPool,
    now: i64,
    limit_days: u32,
) -> Result<FeedbackCounts, sqlx::Error> {
    let all = counts(pool, now, limit_days).await?;
    let n = |k: &str| {
        all.iter()
            .find(|(t, _)| t == k)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    Ok(FeedbackCounts {
        waiting: n("new") + n("forwarded"),
        overdue: n("overdue"),
    })
}

/// A piece of feedback as its handlers see it.
pub struct AdminRow {
    pub status: FeedbackStatus,
    pub subject: String,
    pub body: String,
    pub sender: String,
    pub contact: String,
    pub created_at: i64,
    pub file_name: String,
    pub file_original: String,
    pub file_mime: String,
    pub file_size: i64,
    pub unit_id: Option<i64>,
    pub unit: String,
    pub answer: String,
    pub held_for: String,
}

pub async fn admin_row(conn: &mut AnyConnection, id: i64) -> Result<Option<AdminRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT f.status, f.subject, f.body, f.sender_name, f.sender_contact, f.created_at, \
         f.file_name, f.file_original, f.file_mime, f.file_size, f.unit_id, \
         COALESCE(u.name, '') AS unit, f.answer, f.held_for \
         FROM feedback f LEFT JOIN feedback_units u ON u.id = f.unit_id WHERE f.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(AdminRow {
            status: status_of(&r)?,
            subject: r.try_get("subject")?,
            body: r.try_get("body")?,
            sender: r.try_get("sender_name")?,
            contact: r.try_get("sender_contact")?,
            created_at: r.try_get("created_at")?,
            file_name: r.try_get("file_name")?,
            file_original: r.try_get("file_original")?,
            file_mime: r.try_get("file_mime")?,
            file_size: r.try_get("file_size")?,
            unit_id: r.try_get("unit_id")?,
            unit: r.try_get("unit")?,
            answer: r.try_get("answer")?,
            held_for: r.try_get("held_for")?,
        })
    })
    .transpose()
}

/// The attachment of a piece of feedback: (stored name, name as sent, type).
pub async fn file_of(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<(String, String, String)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT file_name, file_original, file_mime FROM feedback WHERE id = $1 AND file_name <> ''",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok((
            r.try_get("file_name")?,
            r.try_get("file_original")?,
            r.try_get("file_mime")?,
        ))
    })
    .transpose()
}

/// Whether any piece of feedback keeps this stored file (another may have sent the
/// same bytes).
pub async fn file_in_use(conn: &mut AnyConnection, file_name: &str) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query("SELECT 1 FROM feedback WHERE file_name = $1")
        .bind(file_name)
        .fetch_optional(conn)
        .await?
        .is_some())
}

/// The units known, in their order.
pub async fn units(pool: &AnyPool) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query("SELECT name FROM feedback_units ORDER BY position, name")
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| r.try_get("name"))
        .collect()
}

/// The unit of this name, added at the end of the list if new; returns its id.
pub async fn ensure_unit(conn: &mut AnyConnection, name: &str) -> Result<i64, sqlx::Error> {
    if let Some(r) = sqlx::query("SELECT id FROM feedback_units WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?
    {
        return r.try_get("id");
    }
    sqlx::query(
        "INSERT INTO feedback_units (name, position) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM feedback_units)) RETURNING id",
    )
    .bind(name)
    .fetch_one(conn)
    .await?
    .try_get("id")
}

/// What a handler's step writes.
pub struct Step<'a> {
    pub id: i64,
    pub status: FeedbackStatus,
    pub unit_id: Option<i64>,
    pub answer: &'a str,
    pub answered_by: Option<i64>,
}

/// Writes a step; the times of forwarding, answering and closing are kept from the
/// first time (forwarding again moves it).
pub async fn step(conn: &mut AnyConnection, s: &Step<'_>, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE feedback SET status = $1, unit_id = $2, answer = $3, \
         forwarded_at = CASE WHEN $1 = 'forwarded' THEN $4 ELSE forwarded_at END, \
         answered_by = COALESCE($5, answered_by), \
         answered_at = CASE WHEN $3 = '' THEN NULL ELSE COALESCE(answered_at, $4) END, \
         closed_at = CASE WHEN $1 = 'closed' THEN $4 ELSE NULL END, \
         updated_at = $4 WHERE id = $6",
    )
    .bind(s.status.code())
    .bind(s.unit_id)
    .bind(s.answer)
    .bind(now)
    .bind(s.answered_by)
    .bind(s.id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Adds an internal note.
pub async fn add_note(
    conn: &mut AnyConnection,
    id: i64,
    author: i64,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO feedback_notes (feedback_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(author)
    .bind(body)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// A piece's internal notes, oldest first: (time, who, note).
pub async fn notes(pool: &AnyPool, id: i64) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    sqlx::query(
        "SELECT n.created_at, COALESCE(u.display_name, '') AS who, n.body \
         FROM feedback_notes n LEFT JOIN users u ON u.id = n.author_id \
         WHERE n.feedback_id = $1 ORDER BY n.created_at, n.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        Ok((
            r.try_get("created_at")?,
            r.try_get("who")?,
            r.try_get("body")?,
        ))
    })
    .collect()
}
