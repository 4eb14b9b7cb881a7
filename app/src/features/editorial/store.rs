//! SQL of the editorial desk: the article list with its filters, the dashboard counts,
//! saving an article (one transaction that keeps a revision), revisions, notes.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

use super::model::{Choice, DeskFilter, DeskRow, NoteView, RevisionInfo};
use crate::content::Doc;
use crate::features::accounts::model::CurrentUser;
use crate::features::articles::model::{PER_PAGE, Paged};
use crate::features::workflow::model::{Status, can_edit};
use crate::time;

/// Why a save was refused.
#[derive(Debug, thiserror::Error)]
pub enum EditorialError {
    #[error("không tìm thấy bài viết")]
    NotFound,
    #[error("bạn không có quyền sửa bài này ở trạng thái hiện tại")]
    NotAllowed,
    #[error("{0}")]
    Invalid(String),
    #[error(
        "Bài đã được người khác lưu (phiên bản {0}) sau khi bạn mở. Nội dung bạn sửa vẫn còn trong trình duyệt; hãy tải lại để xem bản mới rồi sửa tiếp."
    )]
    Conflict(i64),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Everything a revision holds: the editable content of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub title: String,
    pub sapo: String,
    pub category_id: i64,
    pub tags: Vec<String>,
    pub byline: String,
    pub source: String,
    pub body: Doc,
}

/// What the form sends besides the content.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    pub expire_at: Option<i64>,
    /// None keeps the current value (only approvers may change it).
    pub featured: Option<bool>,
    /// Readers may comment / rate; None keeps the current value.
    pub allow_comments: Option<bool>,
    pub allow_ratings: Option<bool>,
}

const ROW_COLUMNS: &str = "a.id, a.title, a.status, c.name, u.display_name, a.updated_at";
const ROW_JOINS: &str = "FROM articles a JOIN categories c ON c.id = a.category_id \
     LEFT JOIN users u ON u.id = a.created_by";

fn status_of(s: &str) -> Result<Status, sqlx::Error> {
    Status::parse(s).ok_or_else(|| sqlx::Error::Decode(format!("unknown status {s}").into()))
}

fn row_from(r: &AnyRow) -> Result<DeskRow, sqlx::Error> {
    Ok(DeskRow {
        id: r.try_get(0)?,
        title: r.try_get(1)?,
        status: status_of(&r.try_get::<String, _>(2)?)?,
        category: r.try_get(3)?,
        author: r.try_get(4)?,
        updated: time::short_date(r.try_get(5)?),
    })
}

/// A query's WHERE clause with its numbered parameters.
#[derive(Default)]
struct Where {
    clauses: Vec<String>,
    params: Vec<Param>,
}

enum Param {
    Int(i64),
    Text(String),
}

impl Where {
    fn next(&self) -> String {
        format!("${}", self.params.len() + 1)
    }
    /// Adds `clause` with its parameter in place of `{}`.
    fn push(&mut self, clause: &str, v: Param) {
        let n = self.next();
        self.clauses.push(clause.replace("{}", &n));
        self.params.push(v);
    }
    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }
    fn bind<'q>(
        &'q self,
        mut q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        for p in &self.params {
            q = match p {
                Param::Int(v) => q.bind(*v),
                Param::Text(v) => q.bind(v.as_str()),
            };
        }
        q
    }
}

/// `%text%` for LIKE, with LIKE's own wildcards escaped.
fn like(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// One page of the article list, newest change first. `own` limits it to one author.
pub async fn list(
    pool: &AnyPool,
    filter: &DeskFilter,
    own: Option<i64>,
) -> Result<Paged<DeskRow>, sqlx::Error> {
    let mut w = Where::default();
    if let Some(st) = filter.status {
        w.push("a.status = {}", Param::Text(st.as_str().into()));
    }
    if let Some(c) = filter.category_id {
        w.push("a.category_id = {}", Param::Int(c));
    }
    if let Some(a) = own.or(filter.author_id) {
        w.push("a.created_by = {}", Param::Int(a));
    }
    let text = filter.text.trim();
    if !text.is_empty() {
        // the title as typed, or the slug (folded: finds "dai hoi" and "Đại hội");
        // two parameters, so the clause is written here
        let n = w.params.len();
        w.clauses.push(format!(
            "(a.title LIKE ${} ESCAPE '\\' OR a.slug LIKE ${} ESCAPE '\\')",
            n + 1,
            n + 2
        ));
        w.params.push(Param::Text(like(&crate::text::nfc(text))));
        w.params
            .push(Param::Text(like(&crate::text::slugify(text))));
    }
    let total: i64 = w
        .bind(sqlx::query(&format!(
            "SELECT COUNT(*) FROM articles a{}",
            w.sql()
        )))
        .fetch_one(pool)
        .await?
        .try_get(0)?;
    let page = filter.page.max(1);
    let sql = format!(
        "SELECT {ROW_COLUMNS} {ROW_JOINS}{} ORDER BY a.updated_at DESC, a.id DESC LIMIT {} OFFSET {}",
        w.sql(),
        PER_PAGE,
        (page as i64 - 1) * PER_PAGE as i64
    );
    let rows = w.bind(sqlx::query(&sql)).fetch_all(pool).await?;
    let items = rows.iter().map(row_from).collect::<Result<_, _>>()?;
    Ok(Paged::new(items, page, total))
}

/// Newest changed articles in one status, optionally of one author.
pub async fn newest_in(
    pool: &AnyPool,
    status: Status,
    author: Option<i64>,
    limit: i64,
) -> Result<Vec<DeskRow>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {ROW_COLUMNS} {ROW_JOINS} WHERE a.status = $1 AND ($2 = 0 OR a.created_by = $2) \
         ORDER BY a.updated_at DESC, a.id DESC LIMIT $3"
    ))
    .bind(status.as_str())
    .bind(author.unwrap_or(0))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter().map(row_from).collect()
}

/// A contributor's drafts: draft and rejected, newest change first.
pub async fn drafts_of(
    pool: &AnyPool,
    author: i64,
    limit: i64,
) -> Result<Vec<DeskRow>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {ROW_COLUMNS} {ROW_JOINS} WHERE a.created_by = $1 AND a.status IN ('draft', 'rejected') \
         ORDER BY a.updated_at DESC, a.id DESC LIMIT $2"
    ))
    .bind(author)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter().map(row_from).collect()
}

/// How many articles are in each status (only `own`'s when given), every status listed.
pub async fn counts(pool: &AnyPool, own: Option<i64>) -> Result<Vec<(Status, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT status, COUNT(*) FROM articles WHERE ($1 = 0 OR created_by = $1) GROUP BY status",
    )
    .bind(own.unwrap_or(0))
    .fetch_all(pool)
    .await?;
    let mut out: Vec<(Status, i64)> = Status::ALL.iter().map(|s| (*s, 0)).collect();
    for r in &rows {
        let s = status_of(&r.try_get::<String, _>(0)?)?;
        if let Some(slot) = out.iter_mut().find(|(st, _)| *st == s) {
            slot.1 = r.try_get(1)?;
        }
    }
    Ok(out)
}

/// People who may write articles, for the author filter.
pub async fn authors(pool: &AnyPool) -> Result<Vec<Choice>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, display_name FROM users WHERE role IN ('admin', 'editor_in_chief', 'editor', 'contributor') \
         ORDER BY display_name",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Choice {
                id: r.try_get(0)?,
                label: r.try_get(1)?,
            })
        })
        .collect()
}

/// The stored facts of an article the desk needs.
#[derive(Debug, Clone)]
pub struct Head {
    pub id: i64,
    pub slug: String,
    pub status: Status,
    pub author_id: Option<i64>,
    pub author: Option<String>,
    pub category: String,
    pub featured: bool,
    pub allow_comments: bool,
    pub allow_ratings: bool,
    pub publish_at: Option<i64>,
    pub expire_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub snapshot: Snapshot,
}

/// An article with its current content, whatever its status.
pub async fn head(conn: &mut AnyConnection, id: i64) -> Result<Option<Head>, sqlx::Error> {
    let Some(r) = sqlx::query(
        "SELECT a.id, a.slug, a.status, a.created_by, u.display_name, c.name, a.featured, a.publish_at, \
         a.expire_at, a.created_at, a.updated_at, a.title, a.sapo, a.category_id, a.byline, a.source, a.body_json, \
         a.allow_comments, a.allow_ratings \
         FROM articles a JOIN categories c ON c.id = a.category_id LEFT JOIN users u ON u.id = a.created_by \
         WHERE a.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let body: String = r.try_get(16)?;
    let body: Doc = serde_json::from_str(&body).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    let tags = sqlx::query(
        "SELECT t.name FROM tags t JOIN article_tags x ON x.tag_id = t.id WHERE x.article_id = $1 ORDER BY t.name",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|t| t.try_get(0))
    .collect::<Result<Vec<String>, _>>()?;
    Ok(Some(Head {
        id: r.try_get(0)?,
        slug: r.try_get(1)?,
        status: status_of(&r.try_get::<String, _>(2)?)?,
        author_id: r.try_get(3)?,
        author: r.try_get(4)?,
        category: r.try_get(5)?,
        featured: r.try_get::<i64, _>(6)? != 0,
        allow_comments: r.try_get::<i64, _>(17)? != 0,
        allow_ratings: r.try_get::<i64, _>(18)? != 0,
        publish_at: r.try_get(7)?,
        expire_at: r.try_get(8)?,
        created_at: r.try_get(9)?,
        updated_at: r.try_get(10)?,
        snapshot: Snapshot {
            title: r.try_get(11)?,
            sapo: r.try_get(12)?,
            category_id: r.try_get(13)?,
            tags,
            byline: r.try_get(14)?,
            source: r.try_get(15)?,
            body,
        },
    }))
}

/// A slug from the title that no other article has.
async fn unique_slug(
    conn: &mut AnyConnection,
    title: &str,
    except: i64,
) -> Result<String, sqlx::Error> {
    let mut base = crate::text::slugify(title);
    if base.is_empty() {
        base = "bai-viet".into();
    }
    base.truncate(120);
    let base = base.trim_end_matches('-').to_string();
    for n in 1.. {
        let candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let taken = sqlx::query("SELECT id FROM articles WHERE slug = $1 AND id <> $2")
            .bind(&candidate)
            .bind(except)
            .fetch_optional(&mut *conn)
            .await?;
        if taken.is_none() {
            return Ok(candidate);
        }
    }
    unreachable!("some suffix is free")
}

async fn latest_revision(conn: &mut AnyConnection, id: i64) -> Result<i64, sqlx::Error> {
    let n: Option<i64> =
        sqlx::query("SELECT MAX(number) FROM article_revisions WHERE article_id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
    Ok(n.unwrap_or(0))
}

/// The number of the newest revision of an article (0 before the first save).
pub async fn current_revision(pool: &AnyPool, id: i64) -> Result<i64, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    latest_revision(&mut conn, id).await
}

async fn record_revision(
    conn: &mut AnyConnection,
    id: i64,
    s: &Snapshot,
    author: Option<i64>,
    summary: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let number = latest_revision(conn, id).await? + 1;
    let body = serde_json::to_string(&s.body).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query(
        "INSERT INTO article_revisions (article_id, number, title, sapo, category_id, tags, byline, source, \
         body_json, author_id, summary, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(id)
    .bind(number)
    .bind(&s.title)
    .bind(&s.sapo)
    .bind(s.category_id)
    .bind(s.tags.join(", "))
    .bind(&s.byline)
    .bind(&s.source)
    .bind(body)
    .bind(author)
    .bind(summary)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(number)
}

async fn category_exists(conn: &mut AnyConnection, id: i64) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query("SELECT id FROM categories WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .is_some())
}

/// Writes the content of an article (not its status) and its tags.
async fn write_content(
    conn: &mut AnyConnection,
    id: i64,
    slug: &str,
    s: &Snapshot,
    extras: &Extras,
    featured: bool,
    now: i64,
) -> Result<(), sqlx::Error> {
    let body_json = serde_json::to_string(&s.body).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let cover = s.body.first_figure().map(|f| f.media_id);
    sqlx::query(
        "UPDATE articles SET slug = $1, title = $2, sapo = $3, body_json = $4, body_text = $5, category_id = $6, \
         byline = $7, source = $8, cover_media_id = COALESCE($9, cover_media_id), expire_at = $10, featured = $11, \
         updated_at = $12, allow_comments = COALESCE($14, allow_comments), allow_ratings = COALESCE($15, allow_ratings) \
         WHERE id = $13",
    )
    .bind(slug)
    .bind(&s.title)
    .bind(&s.sapo)
    .bind(body_json)
    .bind(s.body.plain_text())
    .bind(s.category_id)
    .bind(&s.byline)
    .bind(&s.source)
    .bind(cover)
    .bind(extras.expire_at)
    .bind(featured as i64)
    .bind(now)
    .bind(id)
    .bind(extras.allow_comments.map(i64::from))
    .bind(extras.allow_ratings.map(i64::from))
    .execute(&mut *conn)
    .await?;
    crate::features::tags::store::set_for_article(conn, id, &s.tags).await
}

/// Creates a draft written by `actor`, with its first revision. Returns its id.
pub async fn create(
    pool: &AnyPool,
    s: &Snapshot,
    extras: &Extras,
    actor: &CurrentUser,
    now: i64,
) -> Result<i64, EditorialError> {
    let mut tx = pool.begin().await?;
    if !category_exists(&mut tx, s.category_id).await? {
        return Err(EditorialError::Invalid("Chuyên mục không tồn tại".into()));
    }
    let slug = unique_slug(&mut tx, &s.title, 0).await?;
    let id: i64 = sqlx::query(
        "INSERT INTO articles (slug, title, body_json, body_text, category_id, status, created_by, created_at, updated_at) \
         VALUES ($1, $2, '{\"blocks\":[]}', '', $3, 'draft', $4, $5, $5) RETURNING id",
    )
    .bind(&slug)
    .bind(&s.title)
    .bind(s.category_id)
    .bind(actor.id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?
    .try_get(0)?;
    let featured = extras.featured.unwrap_or(false);
    write_content(&mut tx, id, &slug, s, extras, featured, now).await?;
    record_revision(&mut tx, id, s, Some(actor.id), "Tạo bài", now).await?;
    tx.commit().await?;
    tracing::info!(article_id = id, actor = %actor.username, "tạo bài");
    Ok(id)
}

/// What a save changes besides the text.
pub enum SaveKind<'a> {
    /// The form, filled from revision `base` (refused if someone saved since).
    Edit { base: i64, extras: &'a Extras },
    /// An earlier revision brought back.
    Restore { number: i64 },
}

/// Saves new content for an article as `actor`: checks who may edit it in its
/// status, keeps a revision (the first save of an imported article first keeps what
/// was there), and a rejected article goes back to draft. One transaction.
pub async fn update(
    pool: &AnyPool,
    id: i64,
    new: &Snapshot,
    kind: SaveKind<'_>,
    actor: &CurrentUser,
    now: i64,
) -> Result<i64, EditorialError> {
    let mut tx = pool.begin().await?;
    let head = head(&mut tx, id).await?.ok_or(EditorialError::NotFound)?;
    if !can_edit(actor, head.author_id, head.status) {
        return Err(EditorialError::NotAllowed);
    }
    if !category_exists(&mut tx, new.category_id).await? {
        return Err(EditorialError::Invalid("Chuyên mục không tồn tại".into()));
    }
    let latest = latest_revision(&mut tx, id).await?;
    let (extras, summary) = match &kind {
        SaveKind::Edit { base, extras } => {
            if *base != latest {
                return Err(EditorialError::Conflict(latest));
            }
            ((*extras).clone(), "Sửa bài".to_string())
        }
        SaveKind::Restore { number } => (
            Extras {
                expire_at: head.expire_at,
                ..Extras::default()
            },
            format!("Khôi phục phiên bản {number}"),
        ),
    };
    if latest == 0 {
        record_revision(
            &mut tx,
            id,
            &head.snapshot,
            head.author_id,
            "Nội dung có sẵn trước lần sửa đầu tiên",
            head.updated_at,
        )
        .await?;
    }
    // the address stays once readers have had it
    let slug = if head.publish_at.is_none() && new.title != head.snapshot.title {
        unique_slug(&mut tx, &new.title, id).await?
    } else {
        head.slug.clone()
    };
    let featured = extras.featured.unwrap_or(head.featured);
    write_content(&mut tx, id, &slug, new, &extras, featured, now).await?;
    let number = record_revision(&mut tx, id, new, Some(actor.id), &summary, now).await?;
    if head.status == Status::Rejected {
        let done = sqlx::query(
            "UPDATE articles SET status = 'draft' WHERE id = $1 AND status = 'rejected'",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 1 {
            sqlx::query(
                "INSERT INTO article_events (article_id, actor_id, from_status, to_status, reason, created_at) \
                 VALUES ($1, $2, 'rejected', 'draft', $3, $4)",
            )
            .bind(id)
            .bind(actor.id)
            .bind("Sửa lại sau khi bị từ chối")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    tracing::info!(article_id = id, revision = number, actor = %actor.username, "lưu bài");
    Ok(number)
}

fn revision_from(r: &AnyRow) -> Result<RevisionInfo, sqlx::Error> {
    Ok(RevisionInfo {
        number: r.try_get(0)?,
        author: r.try_get(1)?,
        summary: r.try_get(2)?,
        at: time::short_date(r.try_get(3)?),
    })
}

/// The revisions of an article, newest first.
pub async fn revisions(pool: &AnyPool, id: i64) -> Result<Vec<RevisionInfo>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT r.number, u.display_name, r.summary, r.created_at FROM article_revisions r \
         LEFT JOIN users u ON u.id = r.author_id WHERE r.article_id = $1 ORDER BY r.number DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(revision_from).collect()
}

/// One revision's content.
pub async fn revision(
    pool: &AnyPool,
    id: i64,
    number: i64,
) -> Result<Option<Snapshot>, sqlx::Error> {
    let Some(r) = sqlx::query(
        "SELECT title, sapo, category_id, tags, byline, source, body_json FROM article_revisions \
         WHERE article_id = $1 AND number = $2",
    )
    .bind(id)
    .bind(number)
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let body: String = r.try_get(6)?;
    Ok(Some(Snapshot {
        title: r.try_get(0)?,
        sapo: r.try_get(1)?,
        category_id: r.try_get(2)?,
        tags: super::model::parse_tags(&r.try_get::<String, _>(3)?),
        byline: r.try_get(4)?,
        source: r.try_get(5)?,
        body: serde_json::from_str(&body).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
    }))
}

/// The notes on an article, oldest first.
pub async fn notes(pool: &AnyPool, id: i64) -> Result<Vec<NoteView>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.display_name, n.body, n.created_at FROM article_notes n LEFT JOIN users u ON u.id = n.author_id \
         WHERE n.article_id = $1 ORDER BY n.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(NoteView {
                author: r.try_get(0)?,
                body: r.try_get(1)?,
                at: time::short_date(r.try_get(2)?),
            })
        })
        .collect()
}

/// Adds a note.
pub async fn add_note(
    pool: &AnyPool,
    id: i64,
    author: i64,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO article_notes (article_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(author)
    .bind(body)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

/// The reason of the last rejection of an article.
pub async fn last_rejection(pool: &AnyPool, id: i64) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT reason FROM article_events WHERE article_id = $1 AND to_status = 'rejected' ORDER BY id DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.map(|r| r.try_get(0)).transpose()
}

/// Media by their address (`/media/<file>`), for pictures named in the form's Markdown:
/// one query for all of them.
pub async fn media_by_src(
    pool: &AnyPool,
    srcs: &[String],
) -> Result<Vec<crate::content::markdown::StoredImage>, sqlx::Error> {
    let files: Vec<&str> = srcs
        .iter()
        .filter_map(|s| s.strip_prefix("/media/"))
        .collect();
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=files.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT id, file_name, width, height FROM media WHERE file_name IN ({})",
        marks.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for f in &files {
        query = query.bind(*f);
    }
    query
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| {
            Ok(crate::content::markdown::StoredImage {
                media_id: r.try_get(0)?,
                src: format!("/media/{}", r.try_get::<String, _>(1)?),
                width: r.try_get::<i64, _>(2)? as u32,
                height: r.try_get::<i64, _>(3)? as u32,
            })
        })
        .collect()
}
