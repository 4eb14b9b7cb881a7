//! A published question's entry in the search index: its published wording (title and
//! text) and its answer's text, dated when it was published; out of the index while
//! unpublished. Written with every save (`store::save`); `index_all` when the index is
//! rebuilt.

use sqlx::{AnyConnection, Row};

use super::model::QA_PATH;
use crate::features::search::{self, Kind, NewEntry, Source};

const QUESTIONS: Source = Source {
    kind: "hoi-dap",
    select: "id, slug, public_title, public_text, answer, published, published_at FROM questions",
    entry,
};

fn entry(r: &sqlx::any::AnyRow) -> Result<Option<NewEntry>, sqlx::Error> {
    let published = r.try_get::<i64, _>("published")? != 0;
    let slug: Option<String> = r.try_get("slug")?;
    let at: Option<i64> = r.try_get("published_at")?;
    let (Some(slug), Some(published_at), true) = (slug, at, published) else {
        return Ok(None);
    };
    let answer: String = r.try_get("answer")?;
    // the answer is a document (JSON); its plain text is what is found
    let answer = serde_json::from_str::<crate::content::Doc>(&answer)
        .map(|d| d.plain_text())
        .unwrap_or(answer);
    Ok(Some(NewEntry {
        kind: Kind::Question.code(),
        ref_id: r.try_get("id")?,
        category_id: None,
        published_at,
        expire_at: None,
        members_only: false,
        path: format!("{QA_PATH}/{slug}"),
        title: r.try_get("public_title")?,
        lead: r.try_get("public_text")?,
        body: answer,
    }))
}

/// Brings question `id`'s entry in step with its row.
pub async fn index(conn: &mut AnyConnection, id: i64) -> Result<(), sqlx::Error> {
    search::sync(conn, &QUESTIONS, id).await
}

/// Puts every published question in the index; returns how many.
pub async fn index_all(conn: &mut AnyConnection) -> Result<usize, sqlx::Error> {
    search::put_all(conn, &QUESTIONS, "published = 1").await
}
