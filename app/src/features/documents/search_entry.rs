//! A document's entry in the search index: its type and number as the title, its
//! summary as the lead, its issuing body and signer as the body, dated the day it
//! was issued. Written with every save (`store::save`); `index_all` when the index
//! is rebuilt.

use sqlx::{AnyConnection, Row};

use super::model::{DocKind, document_href};
use crate::features::search::{self, Kind, NewEntry};

const COLUMNS: &str =
    "id, slug, number, kind, issuer, signer, issued_on, summary, members_only FROM documents";

async fn put_row(conn: &mut AnyConnection, r: &sqlx::any::AnyRow) -> Result<(), sqlx::Error> {
    let kind: String = r.try_get("kind")?;
    let label = DocKind::parse(&kind)
        .map(|k| k.stored_label())
        .unwrap_or_default();
    let number: String = r.try_get("number")?;
    let issued_on: String = r.try_get("issued_on")?;
    let slug: String = r.try_get("slug")?;
    let summary: String = r.try_get("summary")?;
    let issuer: String = r.try_get("issuer")?;
    let signer: String = r.try_get("signer")?;
    let title = format!("{label} {number}");
    let body = format!("{issuer}. {signer}");
    let published_at = crate::core::time::parse_input(&format!("{issued_on}T00:00")).unwrap_or(0);
    search::put(
        conn,
        &NewEntry {
            kind: Kind::Document.code(),
            ref_id: r.try_get("id")?,
            category_id: None,
            published_at,
            expire_at: None,
            members_only: r.try_get::<i64, _>("members_only")? != 0,
            path: document_href(&slug),
            title: &title,
            lead: &summary,
            body: &body,
        },
    )
    .await
}

/// Puts document `id` in the index as it is now.
pub async fn index(conn: &mut AnyConnection, id: i64) -> Result<(), sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        Some(r) => put_row(conn, &r).await,
        None => search::remove(conn, Kind::Document.code(), id).await,
    }
}

/// Puts every document in the index; returns how many.
pub async fn index_all(conn: &mut AnyConnection) -> Result<usize, sqlx::Error> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} ORDER BY id"))
        .fetch_all(&mut *conn)
        .await?;
    for r in &rows {
        put_row(conn, r).await?;
    }
    Ok(rows.len())
}
