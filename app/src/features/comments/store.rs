//! SQL of comments. A published comment adds itself to its article's count in the
//! transaction that stores it; moderation takes the articles' rows first and recounts
//! their published comments in the same transaction.

use crate::i18n::tm;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

use super::model::{CommentItem, CommentStatus, QueueCounts, QueueItem};
use crate::core::links::article_href;
use crate::core::paging::{PER_PAGE, Paged};
use crate::core::time;
use crate::features::articles::lock_counters;

/// Why a comment could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum CommentError {
    #[error("{}", tm().comment_duplicate)]
    Duplicate,
    #[error("{}", tm().comment_no_parent)]
    NoParent,
    #[error("{}", tm().comment_not_found)]
    NotFound,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// A comment to store.
#[derive(Debug, Clone)]
pub struct NewComment {
    pub article_id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub body: String,
    pub body_hash: String,
    pub status: CommentStatus,
    pub held_for: String,
    pub staff_id: Option<i64>,
    pub visitor_key: String,
    pub addr_hash: String,
}

/// Sets the article's comment count to its approved comments.
pub async fn recount(conn: &mut AnyConnection, article: i64) -> Result<(), sqlx::Error> {
    let count: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM comments WHERE article_id = $1 AND status = 'approved'",
    )
    .bind(article)
    .fetch_one(&mut *conn)
    .await?
    .try_get("n")?;
    crate::features::articles::set_comment_count(conn, article, count).await
}

/// The top-level approved comment a reply to `parent` goes under (replies are one
/// level deep: answering a reply answers its thread).
async fn thread_of(
    conn: &mut AnyConnection,
    article: i64,
    parent: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT COALESCE(parent_id, id) AS thread_id FROM comments WHERE id = $1 AND article_id = $2 AND status = 'approved'",
    )
    .bind(parent)
    .bind(article)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| r.try_get("thread_id")).transpose()
}

/// Stores a comment unless the same text is already on the article (staff may repeat
/// themselves). Returns its id and the thread it went under.
///
/// One statement stores it, checking its thread and the duplicate inside: a comment
/// waiting for a moderator is that statement alone (no transaction), a published one
/// also adds itself to the article's count in the same transaction. A flood of readers'
/// comments thus costs the writer one statement each.
pub async fn insert(
    pool: &AnyPool,
    c: &NewComment,
    now: i64,
) -> Result<(i64, Option<i64>), CommentError> {
    let stored = if c.status == CommentStatus::Approved {
        let mut tx = pool.begin().await?;
        let row = insert_statement(c, now).fetch_optional(&mut *tx).await?;
        if row.is_some() {
            crate::features::articles::add_comments(&mut tx, c.article_id, 1).await?;
            tx.commit().await?;
        }
        row
    } else {
        insert_statement(c, now).fetch_optional(pool).await?
    };
    let Some(row) = stored else {
        // not stored: tell which check refused it
        return Err(match c.parent_id {
            Some(p)
                if thread_of(&mut *pool.acquire().await?, c.article_id, p)
                    .await?
                    .is_none() =>
            {
                CommentError::NoParent
            }
            _ => CommentError::Duplicate,
        });
    };
    Ok((row.try_get("id")?, row.try_get("parent_id")?))
}

/// The statement that stores `c` if its thread is there and it is no duplicate.
fn insert_statement(
    c: &NewComment,
    now: i64,
) -> sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments<'_>> {
    sqlx::query(
        "INSERT INTO comments (article_id, parent_id, author_name, email, body, body_hash, status, held_for, \
         staff_id, visitor_key, addr_hash, moderated_by, moderated_at, created_at, updated_at) \
         SELECT $1, (SELECT COALESCE(p.parent_id, p.id) FROM comments p \
                     WHERE p.id = $2 AND p.article_id = $1 AND p.status = 'approved'), \
                $3, $4, $5, $6, $7, $8, $9, $10, $11, $9, $12, $13, $13 \
         WHERE ($2 IS NULL OR EXISTS (SELECT 1 FROM comments p \
                                      WHERE p.id = $2 AND p.article_id = $1 AND p.status = 'approved')) \
           AND ($9 IS NOT NULL OR NOT EXISTS (SELECT 1 FROM comments d \
                                              WHERE d.article_id = $1 AND d.body_hash = $6)) \
         RETURNING id, parent_id",
    )
    .bind(c.article_id)
    .bind(c.parent_id)
    .bind(&c.name)
    .bind(&c.email)
    .bind(&c.body)
    .bind(&c.body_hash)
    .bind(c.status.as_str())
    .bind(&c.held_for)
    .bind(c.staff_id)
    .bind(&c.visitor_key)
    .bind(&c.addr_hash)
    .bind(c.staff_id.map(|_| now))
    .bind(now)
}

/// Stores an approved comment from elsewhere (an imported portal, the load-test
/// sample) in the caller's transaction, and recounts the article's comments.
pub async fn import_approved(
    conn: &mut AnyConnection,
    article: i64,
    name: &str,
    body: &str,
    at: i64,
) -> Result<i64, sqlx::Error> {
    let hash = crate::features::guard::fingerprint(body);
    let id: i64 = sqlx::query(
        "INSERT INTO comments (article_id, parent_id, author_name, email, body, body_hash, status, held_for, \
         staff_id, visitor_key, addr_hash, moderated_by, moderated_at, created_at, updated_at) \
         VALUES ($1, NULL, $2, '', $3, $4, 'approved', '', NULL, '', '', NULL, $5, $5, $5) RETURNING id",
    )
    .bind(article)
    .bind(name)
    .bind(body)
    .bind(hash)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    recount(conn, article).await?;
    Ok(id)
}

/// Most comments an article page shows.
pub const PAGE_LIMIT: i64 = 500;

/// The approved comments of an article as threads, oldest first, in one query.
pub async fn approved_for(pool: &AnyPool, article: i64) -> Result<Vec<CommentItem>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, parent_id, author_name, body, staff_id, created_at FROM comments \
         WHERE article_id = $1 AND status = 'approved' ORDER BY id LIMIT $2",
    )
    .bind(article)
    .bind(PAGE_LIMIT)
    .fetch_all(pool)
    .await?;
    let mut threads: Vec<CommentItem> = Vec::new();
    for r in &rows {
        let created: i64 = r.try_get("created_at")?;
        let item = CommentItem {
            id: r.try_get("id")?,
            name: r.try_get("author_name")?,
            body: r.try_get("body")?,
            date: time::short_date(created),
            iso: time::iso(created),
            staff: r.try_get::<Option<i64>, _>("staff_id")?.is_some(),
            replies: Vec::new(),
        };
        match r.try_get::<Option<i64>, _>("parent_id")? {
            Some(parent) => {
                if let Some(t) = threads.iter_mut().find(|t| t.id == parent) {
                    t.replies.push(item);
                }
            }
            None => threads.push(item),
        }
    }
    Ok(threads)
}

/// Records `reporter`'s report of an approved comment (once per reporter). Returns
/// false when they had reported it already.
pub async fn report(
    pool: &AnyPool,
    comment: i64,
    reporter: &str,
    now: i64,
) -> Result<bool, CommentError> {
    let mut tx = pool.begin().await?;
    let done = sqlx::query(
        "INSERT INTO comment_reports (comment_id, reporter_key, created_at) \
         SELECT id, $2, $3 FROM comments WHERE id = $1 AND status = 'approved' \
         ON CONFLICT (comment_id, reporter_key) DO NOTHING",
    )
    .bind(comment)
    .bind(reporter)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if done == 0 {
        let exists = sqlx::query("SELECT 1 FROM comments WHERE id = $1 AND status = 'approved'")
            .bind(comment)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        return if exists {
            Ok(false)
        } else {
            Err(CommentError::NotFound)
        };
    }
    sqlx::query("UPDATE comments SET report_count = report_count + 1 WHERE id = $1")
        .bind(comment)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// The article of an approved comment (its address), if the comment is public.
pub async fn article_slug_of(pool: &AnyPool, comment: i64) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT a.slug FROM comments k JOIN articles a ON a.id = k.article_id WHERE k.id = $1",
    )
    .bind(comment)
    .fetch_optional(pool)
    .await?;
    row.map(|r| r.try_get("slug")).transpose()
}

/// How many comments each queue tab holds, in one query.
pub async fn counts(pool: &AnyPool) -> Result<QueueCounts, sqlx::Error> {
    let r = sqlx::query(
        "SELECT \
           COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0) AS pending, \
           COALESCE(SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END), 0) AS approved, \
           COALESCE(SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END), 0) AS rejected, \
           COALESCE(SUM(CASE WHEN status = 'spam' THEN 1 ELSE 0 END), 0) AS spam, \
           COALESCE(SUM(CASE WHEN status = 'approved' AND report_count > 0 THEN 1 ELSE 0 END), 0) \
             AS reported \
         FROM comments",
    )
    .fetch_one(pool)
    .await?;
    Ok(QueueCounts {
        pending: r.try_get("pending")?,
        approved: r.try_get("approved")?,
        rejected: r.try_get("rejected")?,
        spam: r.try_get("spam")?,
        reported: r.try_get("reported")?,
    })
}

/// The queue tabs: a status, or "reported" (published comments readers reported).
fn tab_clause(tab: &str) -> (&'static str, Option<&'static str>) {
    match tab {
        "reported" => ("k.status = 'approved' AND k.report_count > 0", None),
        other => (
            "k.status = $1",
            CommentStatus::parse(other).map(|s| s.as_str()),
        ),
    }
}

fn queue_item(r: &AnyRow) -> Result<QueueItem, sqlx::Error> {
    let created: i64 = r.try_get("created_at")?;
    let status: String = r.try_get("status")?;
    let reply_to: Option<String> = r.try_get("parent_body")?;
    Ok(QueueItem {
        id: r.try_get("id")?,
        article_title: r.try_get("article_title")?,
        article_href: article_href(&r.try_get::<String, _>("article_slug")?),
        name: r.try_get("author_name")?,
        email: r.try_get("email")?,
        body: r.try_get("body")?,
        held_for: r.try_get("held_for")?,
        status: CommentStatus::parse(&status).unwrap_or(CommentStatus::Pending),
        date: time::short_date(created),
        reports: r.try_get("report_count")?,
        staff: r.try_get::<Option<i64>, _>("staff_id")?.is_some(),
        reply_to: reply_to.map(|b| crate::components::meta::excerpt(&b, 120)),
    })
}

/// One page of a queue tab; pending comments oldest first (first come, first
/// served), the others newest first, reported ones most reported first.
pub async fn queue(pool: &AnyPool, tab: &str, page: u32) -> Result<Paged<QueueItem>, sqlx::Error> {
    let (clause, status) = tab_clause(tab);
    let status = status.unwrap_or("pending");
    let order = match tab {
        "pending" => "k.id ASC",
        "reported" => "k.report_count DESC, k.id DESC",
        _ => "k.id DESC",
    };
    let uses_status = clause.contains("$1");
    let count_sql = format!("SELECT COUNT(*) AS n FROM comments k WHERE {clause}");
    let mut count_q = sqlx::query(&count_sql);
    if uses_status {
        count_q = count_q.bind(status);
    }
    let total: i64 = count_q.fetch_one(pool).await?.try_get("n")?;
    let (limit_at, offset_at) = if uses_status { (2, 3) } else { (1, 2) };
    let sql = format!(
        "SELECT k.id AS id, a.title AS article_title, a.slug AS article_slug, \
                k.author_name AS author_name, k.email AS email, k.body AS body, \
                k.held_for AS held_for, k.status AS status, k.created_at AS created_at, \
                k.report_count AS report_count, k.staff_id AS staff_id, k.parent_id AS parent_id, \
                p.body AS parent_body \
         FROM comments k JOIN articles a ON a.id = k.article_id LEFT JOIN comments p ON p.id = k.parent_id \
         WHERE {clause} ORDER BY {order} LIMIT ${limit_at} OFFSET ${offset_at}"
    );
    let mut q = sqlx::query(&sql);
    if uses_status {
        q = q.bind(status);
    }
    let offset = (page.saturating_sub(1) as i64) * PER_PAGE as i64;
    let rows = q.bind(PER_PAGE as i64).bind(offset).fetch_all(pool).await?;
    let items = rows.iter().map(queue_item).collect::<Result<Vec<_>, _>>()?;
    Ok(Paged::new(items, page, total))
}

/// Moves comments to `status` as `moderator`; approving also clears readers' reports.
/// Recomputes the counts of the articles concerned. Returns how many changed.
pub async fn set_status(
    pool: &AnyPool,
    ids: &[i64],
    status: CommentStatus,
    moderator: i64,
    now: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 1)).collect();
    let list = marks.join(", ");
    let articles_sql = format!(
        "SELECT DISTINCT article_id FROM comments WHERE id IN ({list}) ORDER BY article_id"
    );
    let mut q = sqlx::query_scalar::<_, i64>(&articles_sql);
    for id in ids {
        q = q.bind(*id);
    }
    // read before the transaction: in SQLite a transaction must write first to wait
    // its turn (a comment never moves to another article)
    let articles: Vec<i64> = q.fetch_all(pool).await?;
    let mut tx = pool.begin().await?;
    for a in &articles {
        lock_counters(&mut tx, *a).await?;
    }
    let n = ids.len();
    let sql = format!(
        "UPDATE comments SET status = ${}, moderated_by = ${}, moderated_at = ${}, updated_at = ${}, \
         report_count = CASE WHEN ${} = 'approved' THEN 0 ELSE report_count END \
         WHERE id IN ({list}) RETURNING id",
        n + 1,
        n + 2,
        n + 3,
        n + 3,
        n + 1
    );
    let mut q = sqlx::query(&sql);
    for id in ids {
        q = q.bind(*id);
    }
    let changed: Vec<i64> = q
        .bind(status.as_str())
        .bind(moderator)
        .bind(now)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<_, _>>()?;
    if status == CommentStatus::Approved {
        let delete_sql = format!("DELETE FROM comment_reports WHERE comment_id IN ({list})");
        let mut q = sqlx::query(&delete_sql);
        for id in ids {
            q = q.bind(*id);
        }
        q.execute(&mut *tx).await?;
    }
    for a in &articles {
        recount(&mut tx, *a).await?;
    }
    tx.commit().await?;
    Ok(changed)
}

/// Corrects a comment's name and text (a moderator's edit).
pub async fn edit(
    pool: &AnyPool,
    id: i64,
    name: &str,
    body: &str,
    body_hash: &str,
    moderator: i64,
    now: i64,
) -> Result<(), CommentError> {
    let done = sqlx::query(
        "UPDATE comments SET author_name = $1, body = $2, body_hash = $3, moderated_by = $4, moderated_at = $5, \
         updated_at = $5 WHERE id = $6",
    )
    .bind(name)
    .bind(body)
    .bind(body_hash)
    .bind(moderator)
    .bind(now)
    .bind(id)
    .execute(pool)
    .await?
    .rows_affected();
    if done == 0 {
        return Err(CommentError::NotFound);
    }
    Ok(())
}

/// The article of a comment, whatever its status.
pub async fn article_of(pool: &AnyPool, id: i64) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query("SELECT article_id FROM comments WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await?;
    row.map(|r| r.try_get("article_id")).transpose()
}
