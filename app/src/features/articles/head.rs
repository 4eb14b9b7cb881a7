//! An article as its writers and the desk read it, whatever its status: its stored
//! facts and content, its address, its newest revision number.

use sqlx::{AnyConnection, Row};

use crate::content::Doc;
use crate::features::workflow::Status;

/// The editable content of an article: what every revision keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub title: String,
    pub sapo: String,
    pub category_id: i64,
    pub tags: Vec<String>,
    pub byline: String,
    pub source: String,
    pub body: Doc,
    pub seo: Seo,
}

/// What search engines and shared links show, when written apart (empty: the title
/// and the sapo).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seo {
    pub title: String,
    pub description: String,
}

/// The stored facts of an article that writers and the desk need.
#[derive(Debug, Clone)]
pub struct Head {
    pub slug: String,
    pub status: Status,
    pub author_id: Option<i64>,
    pub author: Option<String>,
    pub category: String,
    pub featured: bool,
    pub allow_comments: bool,
    pub allow_ratings: bool,
    /// For signed-in members and staff only.
    pub members_only: bool,
    pub publish_at: Option<i64>,
    pub expire_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// The topics it is in (ascending ids); set apart from the revisions' content.
    pub topic_ids: Vec<i64>,
    /// The cover picture its editor chose (None: the body's first picture).
    pub chosen_cover: Option<i64>,
    /// The time its writer asks for it to go out.
    pub requested_publish_at: Option<i64>,
    pub content: Content,
}

/// An article with its current content, whatever its status.
pub async fn head(conn: &mut AnyConnection, id: i64) -> Result<Option<Head>, sqlx::Error> {
    let Some(r) = sqlx::query(
        "SELECT a.slug, a.status, a.created_by, u.display_name, c.name AS category, a.featured, a.publish_at, \
         a.expire_at, a.created_at, a.updated_at, a.title, a.sapo, a.category_id, a.byline, a.source, a.body_json, \
         a.allow_comments, a.allow_ratings, a.seo_title, a.seo_description, a.cover_media_id, a.cover_chosen, a.requested_publish_at, \
         a.members_only FROM articles a JOIN categories c ON c.id = a.category_id LEFT JOIN users u ON u.id = a.created_by \
         WHERE a.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let body: String = r.try_get("body_json")?;
    let body: Doc = serde_json::from_str(&body).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    let tags = crate::features::tags::names_for_article(conn, id).await?;
    let topic_ids = crate::features::topics::ids_for_article(conn, id).await?;
    let status: String = r.try_get("status")?;
    Ok(Some(Head {
        slug: r.try_get("slug")?,
        status: Status::parse(&status)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown status {status}").into()))?,
        author_id: r.try_get("created_by")?,
        author: r.try_get("display_name")?,
        category: r.try_get("category")?,
        featured: r.try_get::<i64, _>("featured")? != 0,
        allow_comments: r.try_get::<i64, _>("allow_comments")? != 0,
        allow_ratings: r.try_get::<i64, _>("allow_ratings")? != 0,
        members_only: r.try_get::<i64, _>("members_only")? != 0,
        publish_at: r.try_get("publish_at")?,
        expire_at: r.try_get("expire_at")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        topic_ids,
        requested_publish_at: r.try_get("requested_publish_at")?,
        chosen_cover: if r.try_get::<i64, _>("cover_chosen")? != 0 {
            r.try_get("cover_media_id")?
        } else {
            None
        },
        content: Content {
            title: r.try_get("title")?,
            sapo: r.try_get("sapo")?,
            category_id: r.try_get("category_id")?,
            tags,
            byline: r.try_get("byline")?,
            source: r.try_get("source")?,
            body,
            seo: Seo {
                title: r.try_get("seo_title")?,
                description: r.try_get("seo_description")?,
            },
        },
    }))
}

/// The number of the newest revision of an article (0 before the first).
pub async fn latest_revision(conn: &mut AnyConnection, id: i64) -> Result<i64, sqlx::Error> {
    let n: Option<i64> =
        sqlx::query("SELECT MAX(number) AS n FROM article_revisions WHERE article_id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?
            .try_get("n")?;
    Ok(n.unwrap_or(0))
}

/// The id of the article at this address, if any.
pub async fn id_by_slug(conn: &mut AnyConnection, slug: &str) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query("SELECT id FROM articles WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| r.try_get("id")).transpose()
}
