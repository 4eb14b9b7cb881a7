//! The library's storage: pages of files found by their words (folded, without
//! diacritics) and filters, one file with where it is used, what staff write about
//! it, deleting an unused one, and which article shows which file (`article_media`,
//! kept by the writer of articles).

use sqlx::{AnyConnection, AnyPool, Row};

use super::model::{LibraryQuery, MediaItem, PER_PAGE};
use crate::core::paging::Paged;

/// The words a file is found by: its name and what staff wrote of it, folded.
pub fn search_text(name: &str, alt: &str, caption: &str, credit: &str) -> String {
    let all = [name, alt, caption, credit].join(" ");
    crate::core::text::fold_vietnamese(&all).to_lowercase()
}

const ITEM_COLUMNS: &str = "SELECT m.id, m.file_name, m.mime, m.kind, m.width, m.height, m.size_bytes, \
     m.alt, m.caption, m.credit, m.original_name, m.created_at, m.uploaded_by, \
     COALESCE(u.display_name, '') AS uploader, \
     (SELECT v.file_name FROM media_variants v WHERE v.media_id = m.id ORDER BY v.width LIMIT 1) AS thumb, \
     (SELECT COUNT(*) FROM article_media am WHERE am.media_id = m.id) \
     + (SELECT COUNT(*) FROM document_files df WHERE df.media_id = m.id) AS uses \
     FROM media m LEFT JOIN users u ON u.id = m.uploaded_by";

fn item_from(r: &sqlx::any::AnyRow) -> Result<MediaItem, sqlx::Error> {
    let file: String = r.try_get("file_name")?;
    let thumb: Option<String> = r.try_get("thumb")?;
    Ok(MediaItem {
        id: r.try_get("id")?,
        src: format!("/media/{file}"),
        thumb: format!("/media/{}", thumb.unwrap_or_else(|| file.clone())),
        name: r.try_get("original_name")?,
        mime: r.try_get("mime")?,
        picture: r.try_get::<String, _>("kind")? == "picture",
        width: r.try_get::<i64, _>("width")? as u32,
        height: r.try_get::<i64, _>("height")? as u32,
        size_bytes: r.try_get("size_bytes")?,
        alt: r.try_get("alt")?,
        caption: r.try_get("caption")?,
        credit: r.try_get("credit")?,
        uploader: r.try_get("uploader")?,
        date: crate::core::time::short_date(r.try_get("created_at")?),
        uses: r.try_get("uses")?,
    })
}

/// One page of the library, newest first.
pub async fn list(pool: &AnyPool, query: &LibraryQuery) -> Result<Paged<MediaItem>, sqlx::Error> {
    let folded = crate::core::text::fold_vietnamese(&query.q).to_lowercase();
    let words: Vec<String> = folded
        .split_whitespace()
        .take(8)
        .map(crate::core::text::like_contains)
        .collect();
    let mut conditions = Vec::new();
    let mut n = 0;
    let mut mark = || {
        n += 1;
        format!("${n}")
    };
    for _ in &words {
        conditions.push(format!("m.search_text LIKE {} ESCAPE '\\'", mark()));
    }
    let kind = query
        .pictures()
        .map(|p| if p { "picture" } else { "document" });
    if kind.is_some() {
        conditions.push(format!("m.kind = {}", mark()));
    }
    if query.uploader.is_some() {
        conditions.push(format!("m.uploaded_by = {}", mark()));
    }
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conditions.join(" AND "))
    };
    let (limit, offset) = (mark(), mark());
    let page = query.page.clamp(1, crate::core::paging::MAX_PAGE);
    let count_sql = format!("SELECT COUNT(*) FROM media m{filter}");
    let list_sql = format!(
        "{ITEM_COLUMNS}{filter} ORDER BY m.created_at DESC, m.id DESC LIMIT {limit} OFFSET {offset}"
    );

    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    let mut rows = sqlx::query(&list_sql);
    for w in &words {
        count = count.bind(w.clone());
        rows = rows.bind(w.clone());
    }
    if let Some(k) = kind {
        count = count.bind(k);
        rows = rows.bind(k);
    }
    if let Some(u) = query.uploader {
        count = count.bind(u);
        rows = rows.bind(u);
    }
    let rows = rows
        .bind(i64::from(PER_PAGE))
        .bind(i64::from((page - 1) * PER_PAGE));
    let (total, rows) = tokio::try_join!(count.fetch_one(pool), rows.fetch_all(pool))?;
    let items = rows.iter().map(item_from).collect::<Result<Vec<_>, _>>()?;
    Ok(Paged::sized(items, page, total, PER_PAGE))
}

/// Staff who uploaded something, by name.
pub async fn uploaders(pool: &AnyPool) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query(
        "SELECT u.id, u.display_name FROM users u \
         WHERE EXISTS (SELECT 1 FROM media m WHERE m.uploaded_by = u.id) ORDER BY u.display_name",
    )
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| Ok((r.try_get("id")?, r.try_get("display_name")?)))
    .collect()
}

/// One file, who uploaded it, its copies and the articles that show it.
pub struct Found {
    pub item: MediaItem,
    pub uploaded_by: Option<i64>,
    pub copies: Vec<(u32, u32, i64)>,
    /// (article id, title, status)
    pub used_in: Vec<(i64, String, String)>,
}

pub async fn find(pool: &AnyPool, id: i64) -> Result<Option<Found>, sqlx::Error> {
    let item_sql = format!("{ITEM_COLUMNS} WHERE m.id = $1");
    let item = sqlx::query(&item_sql).bind(id).fetch_optional(pool);
    let copies = sqlx::query(
        "SELECT width, height, size_bytes FROM media_variants WHERE media_id = $1 ORDER BY width, mime",
    )
    .bind(id)
    .fetch_all(pool);
    let used = sqlx::query(
        "SELECT a.id, a.title, a.status FROM article_media am JOIN articles a ON a.id = am.article_id \
         WHERE am.media_id = $1 ORDER BY a.updated_at DESC LIMIT 50",
    )
    .bind(id)
    .fetch_all(pool);
    let (item, copies, used) = tokio::try_join!(item, copies, used)?;
    let Some(row) = item else { return Ok(None) };
    Ok(Some(Found {
        item: item_from(&row)?,
        uploaded_by: row.try_get("uploaded_by")?,
        copies: copies
            .iter()
            .map(|r| {
                Ok((
                    r.try_get::<i64, _>("width")? as u32,
                    r.try_get::<i64, _>("height")? as u32,
                    r.try_get("size_bytes")?,
                ))
            })
            .collect::<Result<_, sqlx::Error>>()?,
        used_in: used
            .iter()
            .map(|r| Ok((r.try_get("id")?, r.try_get("title")?, r.try_get("status")?)))
            .collect::<Result<_, sqlx::Error>>()?,
    }))
}

/// Writes what staff say of a file (already checked); false when it does not exist.
pub async fn describe(
    pool: &AnyPool,
    id: i64,
    alt: &str,
    caption: &str,
    credit: &str,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::core::state::begin_write(pool).await?;
    let name: Option<String> = sqlx::query_scalar("SELECT original_name FROM media WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(name) = name else { return Ok(false) };
    sqlx::query(
        "UPDATE media SET alt = $1, caption = $2, credit = $3, search_text = $4 WHERE id = $5",
    )
    .bind(alt)
    .bind(caption)
    .bind(credit)
    .bind(search_text(&name, alt, caption, credit))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Makes a file findable by what is stored of it (files stored before the library).
pub async fn refresh_search_text(pool: &AnyPool, id: i64) -> Result<(), sqlx::Error> {
    let row = sqlx::query("SELECT original_name, alt, caption, credit FROM media WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await?;
    if let Some(r) = row {
        let text = search_text(
            &r.try_get::<String, _>("original_name")?,
            &r.try_get::<String, _>("alt")?,
            &r.try_get::<String, _>("caption")?,
            &r.try_get::<String, _>("credit")?,
        );
        sqlx::query("UPDATE media SET search_text = $1 WHERE id = $2")
            .bind(text)
            .bind(id)
            .execute(pool)
            .await?;
    }
    Ok(())
}

/// What deleting a file did.
#[derive(Debug, PartialEq, Eq)]
pub enum Deletion {
    /// Its rows are gone; these files (the original, its copies) are to be removed.
    Done(Vec<String>),
    /// So many articles show it: nothing was deleted.
    InUse(i64),
    NotFound,
}

/// Deletes a file's rows unless an article shows it.
pub async fn delete(pool: &AnyPool, id: i64) -> Result<Deletion, sqlx::Error> {
    let mut tx = crate::core::state::begin_write(pool).await?;
    let file: Option<String> = sqlx::query_scalar("SELECT file_name FROM media WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(file) = file else {
        return Ok(Deletion::NotFound);
    };
    let uses: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM article_media WHERE media_id = $1) \
         + (SELECT COUNT(*) FROM articles WHERE cover_media_id = $1) \
         + (SELECT COUNT(*) FROM document_files WHERE media_id = $1)",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    if uses > 0 {
        return Ok(Deletion::InUse(uses));
    }
    let mut files: Vec<String> =
        sqlx::query_scalar("SELECT file_name FROM media_variants WHERE media_id = $1")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
    files.push(file);
    sqlx::query("DELETE FROM media_variants WHERE media_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM media WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Deletion::Done(files))
}

/// How many articles and documents use the file `$1` (an original or a picture's
/// copy) whose `members_only` is `$2`.
const USES_BY_ACCESS: &str = "SELECT \
     (SELECT COUNT(*) FROM article_media am JOIN articles a ON a.id = am.article_id \
      WHERE am.media_id IN (SELECT id FROM media WHERE file_name = $1 \
        UNION SELECT media_id FROM media_variants WHERE file_name = $1) AND a.members_only = $2) \
     + (SELECT COUNT(*) FROM document_files df JOIN documents d ON d.id = df.document_id \
      WHERE df.media_id IN (SELECT id FROM media WHERE file_name = $1 \
        UNION SELECT media_id FROM media_variants WHERE file_name = $1) AND d.members_only = $2) AS n";

/// Whether `/media/{file}` is for members only: used by a members-only article or
/// document, and by nothing open to everyone.
pub async fn members_only_file(pool: &AnyPool, file: &str) -> Result<bool, sqlx::Error> {
    let uses = |members_only: i64| async move {
        sqlx::query(USES_BY_ACCESS)
            .bind(file)
            .bind(members_only)
            .fetch_one(pool)
            .await?
            .try_get::<i64, _>("n")
    };
    Ok(uses(1).await? > 0 && uses(0).await? == 0)
}

/// Records which files an article shows (its body's pictures and its cover), in the
/// writer's transaction.
pub async fn set_article_media(
    conn: &mut AnyConnection,
    article_id: i64,
    media: &[i64],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM article_media WHERE article_id = $1")
        .bind(article_id)
        .execute(&mut *conn)
        .await?;
    let mut seen = std::collections::BTreeSet::new();
    for id in media.iter().filter(|id| seen.insert(**id)) {
        sqlx::query(
            "INSERT INTO article_media (article_id, media_id) SELECT $1, id FROM media WHERE id = $2 \
             ON CONFLICT DO NOTHING",
        )
        .bind(article_id)
        .bind(*id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_patterns_literal() {
        assert_eq!(
            search_text("Lễ-hội.jpg", "Đoàn đại biểu", "", "Ảnh: TTXVN"),
            "le-hoi.jpg doan dai bieu  anh: ttxvn"
        );
        assert_eq!(crate::core::text::like_contains("50%_x"), "%50\\%\\_x%");
    }
}
