//! SQL of Hỏi – Đáp: the fields, a citizen's question, the lookup by tracking code,
//! the published questions (by field, found by folded words, paginated), the
//! moderators' queue and their changes.

use sqlx::{AnyConnection, AnyPool, Row, any::AnyRow};

use super::model::{QaTopic, QuestionCard, QuestionStatus, QueueRow};
use crate::core::paging::{PER_PAGE, Paged};
use crate::core::time;

/// The fields in their order, with their published counts.
pub async fn topics(pool: &AnyPool) -> Result<Vec<QaTopic>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT t.id, t.slug, t.name, t.position, COUNT(q.id) AS n FROM qa_topics t \
         LEFT JOIN questions q ON q.topic_id = t.id AND q.published = 1 \
         GROUP BY t.id, t.slug, t.name, t.position ORDER BY t.position, t.id",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(QaTopic {
                id: r.try_get("id")?,
                slug: r.try_get("slug")?,
                name: r.try_get("name")?,
                published: r.try_get("n")?,
            })
        })
        .collect()
}

/// Adds a field at the end of the list unless its slug is there; returns its id.
pub async fn ensure_topic(
    conn: &mut AnyConnection,
    slug: &str,
    name: &str,
) -> Result<i64, sqlx::Error> {
    if let Some(r) = sqlx::query("SELECT id FROM qa_topics WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut *conn)
        .await?
    {
        return r.try_get("id");
    }
    sqlx::query(
        "INSERT INTO qa_topics (slug, name, position) \
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM qa_topics)) RETURNING id",
    )
    .bind(slug)
    .bind(name)
    .fetch_one(conn)
    .await?
    .try_get("id")
}

/// What a citizen's question stores.
pub struct NewQuestion<'a> {
    pub code_hash: &'a str,
    pub topic_id: i64,
    pub name: &'a str,
    pub contact: &'a str,
    pub text: &'a str,
    pub title: &'a str,
    pub held_for: &'a str,
    pub body_hash: &'a str,
    pub visitor_key: &'a str,
    pub addr_hash: &'a str,
}

/// How long the same question (by fingerprint) is refused as a duplicate.
pub const DUPLICATE_SECONDS: i64 = 7 * 24 * 3600;

#[derive(Debug, thiserror::Error)]
pub enum QaStoreError {
    #[error("duplicate")]
    Duplicate,
    #[error("no such field")]
    NoTopic,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Stores a question unless the same one arrived in the last week; returns its id.
pub async fn insert(pool: &AnyPool, q: &NewQuestion<'_>, now: i64) -> Result<i64, QaStoreError> {
    // reads, then writes: the write lock is taken first (see `begin_write`)
    let mut tx = crate::core::state::begin_write(pool).await?;
    let id = insert_in(&mut tx, q, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// `insert` inside the caller's transaction.
pub async fn insert_in(
    conn: &mut AnyConnection,
    q: &NewQuestion<'_>,
    now: i64,
) -> Result<i64, QaStoreError> {
    let topic = sqlx::query("SELECT 1 FROM qa_topics WHERE id = $1")
        .bind(q.topic_id)
        .fetch_optional(&mut *conn)
        .await?;
    if topic.is_none() {
        return Err(QaStoreError::NoTopic);
    }
    let dup = sqlx::query("SELECT 1 FROM questions WHERE body_hash = $1 AND created_at > $2")
        .bind(q.body_hash)
        .bind(now - DUPLICATE_SECONDS)
        .fetch_optional(&mut *conn)
        .await?;
    if dup.is_some() {
        return Err(QaStoreError::Duplicate);
    }
    let id: i64 = sqlx::query(
        "INSERT INTO questions (code_hash, topic_id, asker_name, asker_contact, asked_text, \
         public_title, public_text, status, held_for, body_hash, visitor_key, addr_hash, \
         created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $5, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
    )
    .bind(q.code_hash)
    .bind(q.topic_id)
    .bind(q.name)
    .bind(q.contact)
    .bind(q.text)
    .bind(q.title)
    .bind(QuestionStatus::New.code())
    .bind(q.held_for)
    .bind(q.body_hash)
    .bind(q.visitor_key)
    .bind(q.addr_hash)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    Ok(id)
}

fn status_of(r: &AnyRow) -> Result<QuestionStatus, sqlx::Error> {
    let code: String = r.try_get("status")?;
    QuestionStatus::parse(&code).ok_or_else(|| sqlx::Error::Decode(code.into()))
}

/// A question as its asker follows it (by the hash of its code).
pub struct TrackedRow {
    pub status: QuestionStatus,
    pub topic: String,
    pub created_at: i64,
    pub text: String,
    pub answer: String,
    pub answered_at: Option<i64>,
    pub published: bool,
    pub slug: Option<String>,
}

pub async fn by_code(pool: &AnyPool, code_hash: &str) -> Result<Option<TrackedRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT q.status, t.name AS topic, q.created_at, q.asked_text, q.answer, \
         q.answered_at, q.published, q.slug FROM questions q \
         JOIN qa_topics t ON t.id = q.topic_id WHERE q.code_hash = $1",
    )
    .bind(code_hash)
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(TrackedRow {
            status: status_of(&r)?,
            topic: r.try_get("topic")?,
            created_at: r.try_get("created_at")?,
            text: r.try_get("asked_text")?,
            answer: r.try_get("answer")?,
            answered_at: r.try_get("answered_at")?,
            published: r.try_get::<i64, _>("published")? != 0,
            slug: r.try_get("slug")?,
        })
    })
    .transpose()
}

const CARD_COLUMNS: &str = "q.slug, q.public_title, t.name AS topic, t.slug AS topic_slug, \
     q.asker_name, q.created_at";

fn card(r: &AnyRow) -> Result<QuestionCard, sqlx::Error> {
    let at: i64 = r.try_get("created_at")?;
    Ok(QuestionCard {
        slug: r.try_get::<Option<String>, _>("slug")?.unwrap_or_default(),
        title: r.try_get("public_title")?,
        topic: r.try_get("topic")?,
        topic_slug: r.try_get("topic_slug")?,
        asker: r.try_get("asker_name")?,
        asked: time::short_date(at),
        asked_iso: time::iso(at),
    })
}

/// One page of the published questions, newest answer first: in a field (its id)
/// and with folded words (each must appear), when given.
pub async fn published_page(
    pool: &AnyPool,
    topic: Option<i64>,
    words: &[String],
    page: u32,
) -> Result<Paged<QuestionCard>, sqlx::Error> {
    let mut filter = String::from("q.published = 1");
    let mut n = 0;
    if topic.is_some() {
        n += 1;
        filter.push_str(&format!(" AND q.topic_id = ${n}"));
    }
    for _ in words {
        n += 1;
        filter.push_str(&format!(" AND q.search_text LIKE ${n} ESCAPE '\\'"));
    }
    let count_sql = format!("SELECT COUNT(*) AS n FROM questions q WHERE {filter}");
    let list_sql = format!(
        "SELECT {CARD_COLUMNS} FROM questions q JOIN qa_topics t ON t.id = q.topic_id \
         WHERE {filter} ORDER BY q.published_at DESC, q.id DESC LIMIT {PER_PAGE} OFFSET {}",
        (i64::from(page.max(1)) - 1) * i64::from(PER_PAGE)
    );
    let likes: Vec<String> = words
        .iter()
        .map(|w| crate::core::text::like_contains(w))
        .collect();
    let mut count = sqlx::query(&count_sql);
    let mut list = sqlx::query(&list_sql);
    if let Some(t) = topic {
        count = count.bind(t);
        list = list.bind(t);
    }
    for l in &likes {
        count = count.bind(l.clone());
        list = list.bind(l.clone());
    }
    let (total, rows) = tokio::try_join!(count.fetch_one(pool), list.fetch_all(pool))?;
    let total: i64 = total.try_get("n")?;
    let items = rows.iter().map(card).collect::<Result<_, _>>()?;
    Ok(Paged::new(items, page.max(1), total))
}

/// A published question's page: its card, wording, answer (JSON), answer time, who
/// answered (display name) and field id.
pub struct PublishedRow {
    pub card: QuestionCard,
    pub text: String,
    pub answer: String,
    pub answered_at: i64,
    pub topic_id: i64,
    pub id: i64,
}

pub async fn published(pool: &AnyPool, slug: &str) -> Result<Option<PublishedRow>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {CARD_COLUMNS}, q.id, q.topic_id, q.public_text, q.answer, \
         COALESCE(q.answered_at, q.published_at) AS answered_at FROM questions q \
         JOIN qa_topics t ON t.id = q.topic_id WHERE q.slug = $1 AND q.published = 1"
    ))
    .bind(slug)
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(PublishedRow {
            card: card(&r)?,
            text: r.try_get("public_text")?,
            answer: r.try_get("answer")?,
            answered_at: r.try_get("answered_at")?,
            topic_id: r.try_get("topic_id")?,
            id: r.try_get("id")?,
        })
    })
    .transpose()
}

/// Other published questions of a field, newest first.
pub async fn others_in_topic(
    pool: &AnyPool,
    topic_id: i64,
    except: i64,
    n: i64,
) -> Result<Vec<QuestionCard>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {CARD_COLUMNS} FROM questions q JOIN qa_topics t ON t.id = q.topic_id \
         WHERE q.published = 1 AND q.topic_id = $1 AND q.id <> $2 \
         ORDER BY q.published_at DESC, q.id DESC LIMIT $3"
    ))
    .bind(topic_id)
    .bind(except)
    .bind(n)
    .fetch_all(pool)
    .await?;
    rows.iter().map(card).collect()
}

/// The queue's tabs: a status code, or "published".
fn tab_filter(tab: &str) -> &'static str {
    match tab {
        "assigned" => "q.status = 'assigned'",
        "answered" => "q.status = 'answered' AND q.published = 0",
        "published" => "q.published = 1",
        "rejected" => "q.status = 'rejected'",
        _ => "q.status = 'new'",
    }
}

pub const TABS: [&str; 5] = ["new", "assigned", "answered", "published", "rejected"];

/// One page of a queue tab: the oldest waiting first, published ones newest first.
pub async fn queue(pool: &AnyPool, tab: &str, page: u32) -> Result<Paged<QueueRow>, sqlx::Error> {
    let filter = tab_filter(tab);
    let order = if tab == "published" || tab == "rejected" {
        "q.updated_at DESC, q.id DESC"
    } else {
        "q.created_at, q.id"
    };
    let total: i64 = sqlx::query(&format!(
        "SELECT COUNT(*) AS n FROM questions q WHERE {filter}"
    ))
    .fetch_one(pool)
    .await?
    .try_get("n")?;
    let rows = sqlx::query(&format!(
        "SELECT q.id, q.public_title, t.name AS topic, q.asker_name, q.status, q.published, \
         q.created_at, q.held_for, COALESCE(u.display_name, '') AS assignee \
         FROM questions q JOIN qa_topics t ON t.id = q.topic_id \
         LEFT JOIN users u ON u.id = q.assignee_id WHERE {filter} ORDER BY {order} \
         LIMIT {PER_PAGE} OFFSET {}",
        (i64::from(page.max(1)) - 1) * i64::from(PER_PAGE)
    ))
    .fetch_all(pool)
    .await?;
    let items = rows
        .iter()
        .map(|r| {
            Ok(QueueRow {
                id: r.try_get("id")?,
                title: r.try_get("public_title")?,
                topic: r.try_get("topic")?,
                asker: r.try_get("asker_name")?,
                status: status_of(r)?,
                assignee: r.try_get("assignee")?,
                published: r.try_get::<i64, _>("published")? != 0,
                asked: time::short_date(r.try_get("created_at")?),
                held_for: r.try_get("held_for")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(Paged::new(items, page.max(1), total))
}

/// How many questions each tab holds, in `TABS` order.
pub async fn counts(pool: &AnyPool) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT \
         COALESCE(SUM(CASE WHEN status = 'new' THEN 1 ELSE 0 END), 0) AS c0, \
         COALESCE(SUM(CASE WHEN status = 'assigned' THEN 1 ELSE 0 END), 0) AS c1, \
         COALESCE(SUM(CASE WHEN status = 'answered' AND published = 0 THEN 1 ELSE 0 END), 0) AS c2, \
         COALESCE(SUM(CASE WHEN published = 1 THEN 1 ELSE 0 END), 0) AS c3, \
         COALESCE(SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END), 0) AS c4 \
         FROM questions",
    )
    .fetch_one(pool)
    .await?;
    TABS.iter()
        .enumerate()
        .map(|(i, t)| {
            Ok((
                t.to_string(),
                row.try_get::<i64, _>(format!("c{i}").as_str())?,
            ))
        })
        .collect()
}

/// A question as its moderator sees it.
pub struct AdminRow {
    pub status: QuestionStatus,
    pub topic_id: i64,
    pub asker: String,
    pub contact: String,
    pub created_at: i64,
    pub asked_text: String,
    pub title: String,
    pub text: String,
    pub answer: String,
    pub assignee_id: Option<i64>,
    pub published: bool,
    pub slug: Option<String>,
    pub held_for: String,
}

pub async fn admin_row(conn: &mut AnyConnection, id: i64) -> Result<Option<AdminRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT status, topic_id, asker_name, asker_contact, created_at, asked_text, \
         public_title, public_text, answer, assignee_id, published, slug, held_for \
         FROM questions WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(AdminRow {
            status: status_of(&r)?,
            topic_id: r.try_get("topic_id")?,
            asker: r.try_get("asker_name")?,
            contact: r.try_get("asker_contact")?,
            created_at: r.try_get("created_at")?,
            asked_text: r.try_get("asked_text")?,
            title: r.try_get("public_title")?,
            text: r.try_get("public_text")?,
            answer: r.try_get("answer")?,
            assignee_id: r.try_get("assignee_id")?,
            published: r.try_get::<i64, _>("published")? != 0,
            slug: r.try_get("slug")?,
            held_for: r.try_get("held_for")?,
        })
    })
    .transpose()
}

/// Staff who can answer questions: (id, display name), active ones.
pub async fn answerers(pool: &AnyPool, roles: &[&str]) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let marks = (1..=roles.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT id, display_name FROM users WHERE active = 1 AND role IN ({marks}) \
         ORDER BY display_name"
    );
    let mut q = sqlx::query(&sql);
    for r in roles {
        q = q.bind(*r);
    }
    q.fetch_all(pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("display_name")?)))
        .collect()
}

/// What a moderator's save writes.
pub struct Change<'a> {
    pub id: i64,
    pub status: QuestionStatus,
    pub topic_id: i64,
    pub title: &'a str,
    pub text: &'a str,
    pub answer: &'a str,
    pub assignee_id: Option<i64>,
    pub answered_by: Option<i64>,
    pub published: bool,
    pub slug: Option<&'a str>,
    pub search_text: &'a str,
}

/// Writes a moderator's change; the times of assigning, answering and publishing are
/// kept from the first time.
pub async fn save(conn: &mut AnyConnection, c: &Change<'_>, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE questions SET status = $1, topic_id = $2, public_title = $3, public_text = $4, \
         answer = $5, assignee_id = $6, \
         assigned_at = CASE WHEN $6 IS NULL THEN assigned_at ELSE COALESCE(assigned_at, $7) END, \
         answered_by = COALESCE($8, answered_by), \
         answered_at = CASE WHEN $5 = '' THEN NULL ELSE COALESCE(answered_at, $7) END, \
         published = $9, \
         published_at = CASE WHEN $9 = 1 THEN COALESCE(published_at, $7) ELSE published_at END, \
         slug = COALESCE(slug, $10), search_text = $11, updated_at = $7 WHERE id = $12",
    )
    .bind(c.status.code())
    .bind(c.topic_id)
    .bind(c.title)
    .bind(c.text)
    .bind(c.answer)
    .bind(c.assignee_id)
    .bind(now)
    .bind(c.answered_by)
    .bind(i64::from(c.published))
    .bind(c.slug)
    .bind(c.search_text)
    .bind(c.id)
    .execute(&mut *conn)
    .await?;
    super::search_entry::index(conn, c.id).await
}

/// Renames a field; false for no such field.
pub async fn rename_topic(
    conn: &mut AnyConnection,
    id: i64,
    name: &str,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query("UPDATE qa_topics SET name = $1 WHERE id = $2")
        .bind(name)
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected()
        == 1)
}

/// Whether a field of this name or slug exists, other than `except`.
pub async fn topic_taken(
    conn: &mut AnyConnection,
    name: &str,
    slug: &str,
    except: i64,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT 1 FROM qa_topics WHERE (LOWER(name) = LOWER($1) OR slug = $2) AND id <> $3",
    )
    .bind(name)
    .bind(slug)
    .bind(except)
    .fetch_optional(conn)
    .await?
    .is_some())
}

/// Deletes a field without questions: Ok(false) when it has some (or is not there).
pub async fn delete_topic(conn: &mut AnyConnection, id: i64) -> Result<bool, sqlx::Error> {
    let used = sqlx::query("SELECT 1 FROM questions WHERE topic_id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .is_some();
    if used {
        return Ok(false);
    }
    Ok(sqlx::query("DELETE FROM qa_topics WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected()
        == 1)
}
