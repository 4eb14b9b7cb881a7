//! A published question's entry in the search index: its published wording (title and
//! text) and its answer's text, dated when it was published; out of the index while
//! unpublished. Written with every save (`store::save`); `index_all` when the index is
//! rebuilt.

use sqlx::{AnyConnection, Row};

use super::model::QA_PATH;
use crate::features::search::{self, Kind, NewEntry};

const COLUMNS: &str =
    "id, slug, public_title, public_text, answer, published, published_at FROM questions";

async fn put_row(conn: &mut AnyConnection, r: &sqlx::any::AnyRow) -> Result<(), sqlx::Error> {
    let id: i64 = r.try_get("id")?;
    let published = r.try_get::<i64, _>("published")? != 0;
    let slug: Option<String> = r.try_get("slug")?;
    let at: Option<i64> = r.try_get("published_at")?;
    let (Some(slug), Some(published_at), true) = (slug, at, published) else {
        return search::remove(conn, Kind::Question.code(), id).await;
    };
    let title: String = r.try_get("public_title")?;
    let text: String = r.try_get("public_text")?;
    let answer: String = r.try_get("answer")?;
    // the answer is a document (JSON); its plain text is what is found
    let answer = serde_json::from_str::<crate::content::Doc>(&answer)
        .map(|d| d.plain_text())
        .unwrap_or(answer);
    search::put(
        conn,
        &NewEntry {
            kind: Kind::Question.code(),
            ref_id: id,
            category_id: None,
            published_at,
            expire_at: None,
            members_only: false,
            path: format!("{QA_PATH}/{slug}"),
            title: &title,
            lead: &text,
            body: &answer,
        },
    )
    .await
}

/// Brings question `id`'s entry in step with its row.
pub async fn index(conn: &mut AnyConnection, id: i64) -> Result<(), sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        Some(r) => put_row(conn, &r).await,
        None => search::remove(conn, Kind::Question.code(), id).await,
    }
}

/// Puts every published question in the index; returns how many.
pub async fn index_all(conn: &mut AnyConnection) -> Result<usize, sqlx::Error> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} WHERE published = 1 ORDER BY id"))
        .fetch_all(&mut *conn)
        .await?;
    for r in &rows {
        put_row(conn, r).await?;
    }
    Ok(rows.len())
}
