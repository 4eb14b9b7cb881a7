//! SQL of topics.

use sqlx::{AnyConnection, AnyPool, Row};

use super::model::TopicRef;
use crate::core::text::{nfc, slugify};

/// The topic with this slug: (id, topic, description).
pub async fn find(
    pool: &AnyPool,
    slug: &str,
) -> Result<Option<(i64, TopicRef, String)>, sqlx::Error> {
    let row = sqlx::query("SELECT slug, name, id, description FROM topics WHERE slug = $1")
        .bind(slug)
        .fetch_optional(pool)
        .await?;
    row.map(|r| {
        let id: i64 = r.try_get("id")?;
        Ok((id, topic_from_row(&r)?, r.try_get("description")?))
    })
    .transpose()
}

/// A topic from the columns (slug, name).
fn topic_from_row(r: &sqlx::any::AnyRow) -> Result<TopicRef, sqlx::Error> {
    Ok(TopicRef {
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
    })
}

/// All topics, in their order: the home page lists them.
pub async fn all(pool: &AnyPool) -> Result<Vec<TopicRef>, sqlx::Error> {
    let rows = sqlx::query("SELECT slug, name FROM topics ORDER BY sort_order, id")
        .fetch_all(pool)
        .await?;
    rows.iter().map(topic_from_row).collect()
}

/// The topics of an article.
pub async fn for_article(pool: &AnyPool, article_id: i64) -> Result<Vec<TopicRef>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT t.slug, t.name FROM topics t JOIN article_topics x ON x.topic_id = t.id \
         WHERE x.article_id = $1 ORDER BY t.sort_order, t.id",
    )
    .bind(article_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(topic_from_row).collect()
}

/// Returns the id of the topic with this name's slug, creating it if missing.
pub async fn ensure(
    conn: &mut AnyConnection,
    name: &str,
    description: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let name = nfc(name);
    let slug = slugify(&name);
    if let Some(r) = sqlx::query("SELECT id FROM topics WHERE slug = $1")
        .bind(&slug)
        .fetch_optional(&mut *conn)
        .await?
    {
        return r.try_get("id");
    }
    let order: i64 =
        sqlx::query("SELECT COALESCE(MAX(sort_order), 0) + 1 AS next_order FROM topics")
            .fetch_one(&mut *conn)
            .await?
            .try_get("next_order")?;
    sqlx::query("INSERT INTO topics (slug, name, description, sort_order, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .bind(&slug)
        .bind(&name)
        .bind(nfc(description))
        .bind(order)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?
        .try_get("id")
}

/// Replaces the topics of an article, creating topics that do not exist yet.
pub async fn set_for_article(
    conn: &mut AnyConnection,
    article_id: i64,
    names: &[String],
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut ids = Vec::with_capacity(names.len());
    for name in names {
        if !slugify(name).is_empty() {
            ids.push(ensure(conn, name, "", now).await?);
        }
    }
    set_ids_for_article(conn, article_id, &ids).await
}

/// Every topic as (id, name), in their order: what the editor offers.
pub async fn choices(pool: &AnyPool) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query("SELECT id, name FROM topics ORDER BY sort_order, id")
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("name")?)))
        .collect()
}

/// The ids of an article's topics, in ascending order (what the editor compares).
pub async fn ids_for_article(
    conn: &mut AnyConnection,
    article_id: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT topic_id FROM article_topics WHERE article_id = $1 ORDER BY topic_id",
    )
    .bind(article_id)
    .fetch_all(&mut *conn)
    .await
}

/// Replaces the topics of an article by existing topics' ids (ids of no topic are
/// left out: the editor's caller checks them first).
pub async fn set_ids_for_article(
    conn: &mut AnyConnection,
    article_id: i64,
    ids: &[i64],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM article_topics WHERE article_id = $1")
        .bind(article_id)
        .execute(&mut *conn)
        .await?;
    for id in ids {
        sqlx::query(
            "INSERT INTO article_topics (article_id, topic_id) SELECT $1, id FROM topics WHERE id = $2 \
             ON CONFLICT DO NOTHING",
        )
        .bind(article_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
