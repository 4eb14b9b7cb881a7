//! A document's entry in the search index: its type and number as the title, its
//! summary as the lead, its issuing body and signer as the body, dated the day it
//! was issued. Written with every save (`store::save`); `index_all` when the index
//! is rebuilt.

use sqlx::{AnyConnection, Row};

use super::model::{DocKind, document_href};
use crate::features::search::{self, Kind, NewEntry, Source};

const DOCUMENTS: Source = Source {
    kind: "van-ban",
    select: "id, slug, number, kind, issuer, signer, issued_on, summary, members_only FROM documents",
    entry,
};

fn entry(r: &sqlx::any::AnyRow) -> Result<Option<NewEntry>, sqlx::Error> {
    let kind: String = r.try_get("kind")?;
    let label = DocKind::parse(&kind)
        .map(|k| k.stored_label())
        .unwrap_or_default();
    let number: String = r.try_get("number")?;
    let issued_on: String = r.try_get("issued_on")?;
    let slug: String = r.try_get("slug")?;
    let issuer: String = r.try_get("issuer")?;
    let signer: String = r.try_get("signer")?;
    Ok(Some(NewEntry {
        kind: Kind::Document.code(),
        ref_id: r.try_get("id")?,
        category_id: None,
        published_at: crate::core::time::parse_date(&issued_on).unwrap_or(0),
        expire_at: None,
        members_only: r.try_get::<i64, _>("members_only")? != 0,
        path: document_href(&slug),
        title: format!("{label} {number}"),
        lead: r.try_get("summary")?,
        body: format!("{issuer}. {signer}"),
    }))
}

/// Puts document `id` in the index as it is now.
pub async fn index(conn: &mut AnyConnection, id: i64) -> Result<(), sqlx::Error> {
    search::sync(conn, &DOCUMENTS, id).await
}

/// Puts every document in the index; returns how many.
pub async fn index_all(conn: &mut AnyConnection) -> Result<usize, sqlx::Error> {
    search::put_all(conn, &DOCUMENTS, "1 = 1").await
}
