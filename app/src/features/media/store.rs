//! Storing media files and their rows. A file is named by its SHA-256, so the same
//! picture imported twice is stored once.

use crate::i18n::{fill, tm};
use std::path::Path;

use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

use crate::content::markdown::StoredImage;

/// Largest picture accepted.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// Why a file was refused.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("{}", tm().media_too_big)]
    TooBig,
    #[error("{}", tm().media_unknown_format)]
    UnknownFormat,
    #[error("{}", fill(tm().media_write_failed, &[&.0]))]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Recognises a picture: (mime, extension, width, height).
pub fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static str, u32, u32)> {
    if bytes.starts_with(b"<svg") || bytes.starts_with(b"<?xml") {
        let (w, h) = svg_size(bytes)?;
        return Some(("image/svg+xml", "svg", w, h));
    }
    let kind = imagesize::image_type(bytes).ok()?;
    let (mime, ext) = match kind {
        imagesize::ImageType::Png => ("image/png", "png"),
        imagesize::ImageType::Jpeg => ("image/jpeg", "jpg"),
        imagesize::ImageType::Gif => ("image/gif", "gif"),
        imagesize::ImageType::Webp => ("image/webp", "webp"),
        _ => return None,
    };
    let size = imagesize::blob_size(bytes).ok()?;
    Some((mime, ext, size.width as u32, size.height as u32))
}

/// Width and height of an SVG made by this project (from its width/height attributes).
fn svg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(bytes.get(..bytes.len().min(1024))?).ok()?;
    let attr = |name: &str| -> Option<u32> {
        let start = text.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = text[start..].find('"')? + start;
        text[start..end].trim_end_matches("px").parse().ok()
    };
    Some((attr("width")?, attr("height")?))
}

/// Stores a picture: writes the file under `dir` (if new) and its row (if new).
pub async fn store(
    conn: &mut AnyConnection,
    dir: &Path,
    bytes: &[u8],
    original_name: &str,
    alt: &str,
    now: i64,
) -> Result<StoredImage, MediaError> {
    if bytes.len() > MAX_BYTES {
        return Err(MediaError::TooBig);
    }
    let (mime, ext, width, height) = sniff(bytes).ok_or(MediaError::UnknownFormat)?;
    let hash = format!("{:x}", Sha256::digest(bytes));
    let file_name = format!("{}.{ext}", &hash[..32]);

    if let Some(r) = sqlx::query("SELECT id, file_name, width, height FROM media WHERE sha256 = $1")
        .bind(&hash)
        .fetch_optional(&mut *conn)
        .await?
    {
        let file_name: String = r.try_get("file_name")?;
        let path = dir.join(&file_name);
        if !path.exists() {
            write_atomically(dir, &file_name, bytes).await?;
        }
        return Ok(StoredImage {
            media_id: r.try_get("id")?,
            src: format!("/media/{file_name}"),
            width: r.try_get::<i64, _>("width")? as u32,
            height: r.try_get::<i64, _>("height")? as u32,
        });
    }
    write_atomically(dir, &file_name, bytes).await?;
    let id: i64 = sqlx::query(
        "INSERT INTO media (sha256, file_name, mime, size_bytes, width, height, alt, original_name, created_at, \
         search_text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(&hash)
    .bind(&file_name)
    .bind(mime)
    .bind(bytes.len() as i64)
    .bind(width as i64)
    .bind(height as i64)
    .bind(alt)
    .bind(original_name)
    .bind(now)
    .bind(super::library::search_text(original_name, alt, "", ""))
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    Ok(StoredImage {
        media_id: id,
        src: format!("/media/{file_name}"),
        width,
        height,
    })
}

/// A stored file, as uploads and the preparer of pictures see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub id: i64,
    pub file_name: String,
    pub mime: String,
    pub width: u32,
    pub height: u32,
}

/// A file an uploader sent, checked and written.
#[derive(Debug, Clone)]
pub struct NewUpload<'a> {
    /// Of the bytes as sent: the same file sent twice is stored once.
    pub sha256: &'a str,
    pub file_name: &'a str,
    pub picture: bool,
    pub mime: &'a str,
    pub size_bytes: i64,
    pub width: u32,
    pub height: u32,
    pub original_name: &'a str,
    pub uploaded_by: Option<i64>,
    pub now: i64,
}

/// One narrower copy of a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub mime: String,
    pub file_name: String,
    pub size_bytes: i64,
}

fn stored_from(r: &sqlx::any::AnyRow) -> Result<Stored, sqlx::Error> {
    Ok(Stored {
        id: r.try_get("id")?,
        file_name: r.try_get("file_name")?,
        mime: r.try_get("mime")?,
        width: r.try_get::<i64, _>("width")? as u32,
        height: r.try_get::<i64, _>("height")? as u32,
    })
}

/// Stores an upload's row unless its bytes are stored already; the row, and whether
/// it is new. Pictures wait for their copies (`waiting`); documents have none.
pub async fn insert_upload(
    pool: &sqlx::AnyPool,
    u: &NewUpload<'_>,
) -> Result<(Stored, bool), sqlx::Error> {
    let search = super::library::search_text(u.original_name, "", "", "");
    let inserted = sqlx::query(
        "INSERT INTO media (sha256, file_name, mime, size_bytes, width, height, original_name, \
         created_at, kind, uploaded_by, search_text, prepared) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
         ON CONFLICT (sha256) DO NOTHING RETURNING id, file_name, mime, width, height",
    )
    .bind(u.sha256)
    .bind(u.file_name)
    .bind(u.mime)
    .bind(u.size_bytes)
    .bind(i64::from(u.width))
    .bind(i64::from(u.height))
    .bind(u.original_name)
    .bind(u.now)
    .bind(if u.picture { "picture" } else { "document" })
    .bind(u.uploaded_by)
    .bind(search)
    .bind(if u.picture { CLEANED } else { PREPARED })
    .fetch_optional(pool)
    .await?;
    match inserted {
        Some(r) => Ok((stored_from(&r)?, true)),
        // stored meanwhile by another upload of the same bytes
        None => Ok((
            by_hash(pool, u.sha256)
                .await?
                .ok_or(sqlx::Error::RowNotFound)?,
            false,
        )),
    }
}

/// The file stored for these bytes, if any.
pub async fn by_hash(pool: &sqlx::AnyPool, sha256: &str) -> Result<Option<Stored>, sqlx::Error> {
    sqlx::query("SELECT id, file_name, mime, width, height FROM media WHERE sha256 = $1")
        .bind(sha256)
        .fetch_optional(pool)
        .await?
        .map(|r| stored_from(&r))
        .transpose()
}

/// `media.prepared`: a picture stored before uploads (its original may hold metadata),
/// one whose original an upload wrote again without metadata, one with its copies.
const AS_STORED: i64 = 0;
const PREPARED: i64 = 1;
const CLEANED: i64 = 2;

/// Pictures whose copies are not made yet, oldest first, each with whether its
/// original is clean of metadata already.
pub async fn waiting(pool: &sqlx::AnyPool, limit: i64) -> Result<Vec<(Stored, bool)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, file_name, mime, width, height, prepared FROM media \
         WHERE prepared IN ($1, $2) AND kind = 'picture' ORDER BY id LIMIT $3",
    )
    .bind(AS_STORED)
    .bind(CLEANED)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| Ok((stored_from(r)?, r.try_get::<i64, _>("prepared")? == CLEANED)))
        .collect()
}

/// How many pictures wait for their copies.
pub async fn count_waiting(pool: &sqlx::AnyPool) -> Result<u64, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM media WHERE prepared IN ($1, $2) AND kind = 'picture'",
    )
    .bind(AS_STORED)
    .bind(CLEANED)
    .fetch_one(pool)
    .await?;
    Ok(n as u64)
}

/// Makes every prepared picture wait for its copies again (its original is clean).
pub async fn remake_all(pool: &sqlx::AnyPool) -> Result<u64, sqlx::Error> {
    let done =
        sqlx::query("UPDATE media SET prepared = $1 WHERE prepared = $2 AND kind = 'picture'")
            .bind(CLEANED)
            .bind(PREPARED)
            .execute(pool)
            .await?;
    Ok(done.rows_affected())
}

/// Records a picture's copies (replacing any made before) and its cleaned original's
/// size: it is prepared. True when an article shows it (its pages change).
pub async fn set_prepared(
    pool: &sqlx::AnyPool,
    media: i64,
    size_bytes: i64,
    variants: &[Variant],
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::core::state::begin_write(pool).await?;
    sqlx::query("DELETE FROM media_variants WHERE media_id = $1")
        .bind(media)
        .execute(&mut *tx)
        .await?;
    for v in variants {
        sqlx::query(
            "INSERT INTO media_variants (media_id, width, height, mime, file_name, size_bytes) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (media_id, width, mime) DO NOTHING",
        )
        .bind(media)
        .bind(i64::from(v.width))
        .bind(i64::from(v.height))
        .bind(&v.mime)
        .bind(&v.file_name)
        .bind(v.size_bytes)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("UPDATE media SET prepared = $3, size_bytes = $2 WHERE id = $1")
        .bind(media)
        .bind(size_bytes)
        .bind(PREPARED)
        .execute(&mut *tx)
        .await?;
    let shown = sqlx::query("SELECT 1 FROM article_media WHERE media_id = $1 LIMIT 1")
        .bind(media)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
    tx.commit().await?;
    Ok(shown)
}

/// The copies of a picture, narrowest first.
pub async fn variants(pool: &sqlx::AnyPool, media: i64) -> Result<Vec<Variant>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT width, height, mime, file_name, size_bytes FROM media_variants \
         WHERE media_id = $1 ORDER BY width, mime",
    )
    .bind(media)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Variant {
                width: r.try_get::<i64, _>("width")? as u32,
                height: r.try_get::<i64, _>("height")? as u32,
                mime: r.try_get("mime")?,
                file_name: r.try_get("file_name")?,
                size_bytes: r.try_get("size_bytes")?,
            })
        })
        .collect()
}

const WEBP: &str = "image/webp";

/// The copies of these pictures (what `srcset` offers), by media id: one query for a
/// whole document.
pub async fn copies_of(
    pool: &sqlx::AnyPool,
    media: &[i64],
) -> Result<crate::content::Pictures, sqlx::Error> {
    let mut ids: Vec<i64> = media.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut out = crate::content::Pictures::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT v.media_id, v.width, v.file_name, v.mime, m.mime AS original_mime \
         FROM media_variants v JOIN media m ON m.id = v.media_id \
         WHERE v.media_id IN ({}) ORDER BY v.media_id, v.width",
        marks.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for id in &ids {
        query = query.bind(*id);
    }
    for r in query.fetch_all(pool).await? {
        let (mime, original): (String, String) = (r.try_get("mime")?, r.try_get("original_mime")?);
        out.entry(r.try_get("media_id")?)
            .or_default()
            .push(crate::content::PictureCopy {
                width: r.try_get::<i64, _>("width")? as u32,
                file: r.try_get("file_name")?,
                webp: mime == WEBP && original != WEBP,
            });
    }
    Ok(out)
}

async fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let tmp = dir.join(format!(".{name}.tmp"));
    tokio::fs::write(&tmp, bytes).await?;
    tokio::fs::rename(&tmp, dir.join(name)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_png_and_svg() {
        // 1×1 PNG header
        let png: &[u8] = &[
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0,
            0, 2, 128, 0, 0, 1, 104, 8, 2, 0, 0, 0,
        ];
        assert_eq!(sniff(png), Some(("image/png", "png", 640, 360)));
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540" viewBox="0 0 960 540"></svg>"#;
        assert_eq!(sniff(svg), Some(("image/svg+xml", "svg", 960, 540)));
        assert_eq!(sniff(b"hello"), None);
    }
}
