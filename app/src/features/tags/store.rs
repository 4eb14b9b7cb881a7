//! SQL of tags.

use sqlx::{AnyConnection, AnyPool, Row};

use super::model::TagRef;
use crate::core::text::{nfc, slugify};

/// The tag with this slug: (id, tag).
pub async fn find(pool: &AnyPool, slug: &str) -> Result<Option<(i64, TagRef)>, sqlx::Error> {
    let row = sqlx::query("SELECT slug, name, id FROM tags WHERE slug = $1")
        .bind(slug)
        .fetch_optional(pool)
        .await?;
    row.map(|r| Ok((r.try_get("id")?, tag_from_row(&r)?)))
        .transpose()
}

/// A tag from the columns (slug, name).
fn tag_from_row(r: &sqlx::any::AnyRow) -> Result<TagRef, sqlx::Error> {
    Ok(TagRef {
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
    })
}

/// The tags of an article, by name.
pub async fn for_article(pool: &AnyPool, article_id: i64) -> Result<Vec<TagRef>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT t.slug, t.name FROM tags t JOIN article_tags x ON x.tag_id = t.id WHERE x.article_id = $1 ORDER BY t.name",
    )
    .bind(article_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(tag_from_row).collect()
}

/// The names of an article's tags, in name order (what its revisions keep).
pub async fn names_for_article(
    conn: &mut AnyConnection,
    article_id: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query(
        "SELECT t.name FROM tags t JOIN article_tags x ON x.tag_id = t.id WHERE x.article_id = $1 ORDER BY t.name",
    )
    .bind(article_id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|t| t.try_get("name"))
    .collect()
}

/// Replaces the tags of an article, creating tags that do not exist yet.
pub async fn set_for_article(
    conn: &mut AnyConnection,
    article_id: i64,
    names: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM article_tags WHERE article_id = $1")
        .bind(article_id)
        .execute(&mut *conn)
        .await?;
    for name in names {
        let name = nfc(name);
        let slug = slugify(&name);
        if slug.is_empty() {
            continue;
        }
        let existing = sqlx::query("SELECT id FROM tags WHERE slug = $1")
            .bind(&slug)
            .fetch_optional(&mut *conn)
            .await?;
        let id: i64 = match existing {
            Some(r) => r.try_get("id")?,
            None => sqlx::query("INSERT INTO tags (slug, name) VALUES ($1, $2) RETURNING id")
                .bind(&slug)
                .bind(&name)
                .fetch_one(&mut *conn)
                .await?
                .try_get("id")?,
        };
        sqlx::query(
            "INSERT INTO article_tags (article_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(article_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The names of the most used tags (at most `limit`): what the editor suggests.
pub async fn most_used(pool: &AnyPool, limit: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT t.name FROM tags t JOIN article_tags x ON x.tag_id = t.id \
         GROUP BY t.id, t.name ORDER BY COUNT(*) DESC, t.name LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await
}
