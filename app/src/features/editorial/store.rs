//! SQL of the editorial desk: the article list with its filters, the dashboard counts,
//! saving an article (one transaction that keeps a revision), revisions, notes.

use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use super::model::{Choice, DeskFilter, DeskRow, NoteView, RevisionInfo};
use crate::core::paging::{PER_PAGE, Paged};
use crate::core::text::like_contains as like;
use crate::core::time;
use crate::features::articles::Content;
use crate::features::workflow::model::Status;

const ROW_COLUMNS: &str = "a.id AS id, a.title AS title, a.status AS status, c.name AS category, \
     u.display_name AS author, a.updated_at AS updated_at";
const ROW_JOINS: &str = "FROM articles a JOIN categories c ON c.id = a.category_id \
     LEFT JOIN users u ON u.id = a.created_by";

fn status_of(s: &str) -> Result<Status, sqlx::Error> {
    Status::parse(s).ok_or_else(|| sqlx::Error::Decode(format!("unknown status {s}").into()))
}

fn row_from(r: &AnyRow) -> Result<DeskRow, sqlx::Error> {
    Ok(DeskRow {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        status: status_of(&r.try_get::<String, _>("status")?)?,
        category: r.try_get("category")?,
        author: r.try_get("author")?,
        updated: time::short_date(r.try_get("updated_at")?),
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

/// One page of the article list, newest change first. `own` limits it to one author.
/// Whose articles a desk list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Visible {
    All,
    /// A member's own articles, and those filed in these categories.
    Own {
        user: i64,
        categories: Vec<i64>,
    },
}

pub async fn list(
    pool: &AnyPool,
    filter: &DeskFilter,
    visible: &Visible,
) -> Result<Paged<DeskRow>, sqlx::Error> {
    let mut w = Where::default();
    if let Some(st) = filter.status {
        w.push("a.status = {}", Param::Text(st.as_str().into()));
    }
    if let Some(c) = filter.category_id {
        w.push("a.category_id = {}", Param::Int(c));
    }
    if let Some(a) = filter.author_id {
        w.push("a.created_by = {}", Param::Int(a));
    }
    if let Visible::Own { user, categories } = visible {
        // one parameter per category: the clause is written here
        let first = w.params.len() + 1;
        let mut sql = format!("(a.created_by = ${first}");
        w.params.push(Param::Int(*user));
        if !categories.is_empty() {
            let marks: Vec<String> = (0..categories.len())
                .map(|i| format!("${}", first + 1 + i))
                .collect();
            sql.push_str(&format!(" OR a.category_id IN ({})", marks.join(", ")));
            w.params.extend(categories.iter().map(|c| Param::Int(*c)));
        }
        sql.push(')');
        w.clauses.push(sql);
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
        w.params
            .push(Param::Text(like(&crate::core::text::nfc(text))));
        w.params
            .push(Param::Text(like(&crate::core::text::slugify(text))));
    }
    let total: i64 = w
        .bind(sqlx::query(&format!(
            "SELECT COUNT(*) AS n FROM articles a{}",
            w.sql()
        )))
        .fetch_one(pool)
        .await?
        .try_get("n")?;
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
        "SELECT status, COUNT(*) AS n FROM articles WHERE ($1 = 0 OR created_by = $1) GROUP BY status",
    )
    .bind(own.unwrap_or(0))
    .fetch_all(pool)
    .await?;
    let mut out: Vec<(Status, i64)> = Status::ALL.iter().map(|s| (*s, 0)).collect();
    for r in &rows {
        let s = status_of(&r.try_get::<String, _>("status")?)?;
        if let Some(slot) = out.iter_mut().find(|(st, _)| *st == s) {
            slot.1 = r.try_get("n")?;
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
                id: r.try_get("id")?,
                label: r.try_get("display_name")?,
            })
        })
        .collect()
}

/// The number of the newest revision of an article (0 before the first save).
pub async fn current_revision(pool: &AnyPool, id: i64) -> Result<i64, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    crate::features::articles::latest_revision(&mut conn, id).await
}

fn revision_from(r: &AnyRow) -> Result<RevisionInfo, sqlx::Error> {
    Ok(RevisionInfo {
        number: r.try_get("number")?,
        author: r.try_get("display_name")?,
        summary: r.try_get("summary")?,
        at: time::short_date(r.try_get("created_at")?),
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
) -> Result<Option<Content>, sqlx::Error> {
    let Some(r) = sqlx::query(
        "SELECT title, sapo, category_id, tags, byline, source, body_json, seo_title, seo_description \
         FROM article_revisions WHERE article_id = $1 AND number = $2",
    )
    .bind(id)
    .bind(number)
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let body: String = r.try_get("body_json")?;
    Ok(Some(Content {
        title: r.try_get("title")?,
        sapo: r.try_get("sapo")?,
        category_id: r.try_get("category_id")?,
        tags: super::model::parse_tags(&r.try_get::<String, _>("tags")?),
        byline: r.try_get("byline")?,
        source: r.try_get("source")?,
        body: serde_json::from_str(&body).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        seo: crate::features::articles::Seo {
            title: r.try_get("seo_title")?,
            description: r.try_get("seo_description")?,
        },
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
                author: r.try_get("display_name")?,
                body: r.try_get("body")?,
                at: time::short_date(r.try_get("created_at")?),
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
    row.map(|r| r.try_get("reason")).transpose()
}

/// A picture of the library named in the form, with what staff wrote of it there.
pub struct LibraryImage {
    pub image: crate::content::markdown::StoredImage,
    pub alt: String,
    pub caption: String,
    pub credit: String,
}

/// Pictures of the library by their ids, for the editor's documents: one query.
pub async fn media_by_ids(pool: &AnyPool, ids: &[i64]) -> Result<Vec<LibraryImage>, sqlx::Error> {
    let keys: Vec<Key> = ids.iter().map(|id| Key::Id(*id)).collect();
    pictures_where(pool, "id", &keys).await
}

/// Media by their address (`/media/<file>`), for pictures named in the form's Markdown:
/// one query for all of them.
pub async fn media_by_src(
    pool: &AnyPool,
    srcs: &[String],
) -> Result<Vec<LibraryImage>, sqlx::Error> {
    let keys: Vec<Key> = srcs
        .iter()
        .filter_map(|s| s.strip_prefix("/media/"))
        .map(Key::File)
        .collect();
    pictures_where(pool, "file_name", &keys).await
}

/// What pictures are found by.
enum Key<'a> {
    Id(i64),
    File(&'a str),
}

/// The library's pictures whose `column` is one of `keys`.
async fn pictures_where(
    pool: &AnyPool,
    column: &'static str,
    keys: &[Key<'_>],
) -> Result<Vec<LibraryImage>, sqlx::Error> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=keys.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT id, file_name, width, height, alt, caption, credit FROM media \
         WHERE kind = 'picture' AND {column} IN ({})",
        marks.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for k in keys {
        query = match k {
            Key::Id(id) => query.bind(*id),
            Key::File(f) => query.bind(*f),
        };
    }
    query
        .fetch_all(pool)
        .await?
        .iter()
        .map(library_image)
        .collect()
}

fn library_image(r: &AnyRow) -> Result<LibraryImage, sqlx::Error> {
    Ok(LibraryImage {
        image: crate::content::markdown::StoredImage {
            media_id: r.try_get("id")?,
            src: format!("/media/{}", r.try_get::<String, _>("file_name")?),
            width: r.try_get::<i64, _>("width")? as u32,
            height: r.try_get::<i64, _>("height")? as u32,
        },
        alt: r.try_get("alt")?,
        caption: r.try_get("caption")?,
        credit: r.try_get("credit")?,
    })
}
