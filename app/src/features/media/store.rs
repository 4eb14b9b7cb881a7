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
        "INSERT INTO media (sha256, file_name, mime, size_bytes, width, height, alt, original_name, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
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
