//! Server functions of the media library: a page of files, one file's details, what
//! staff write of a picture (alt text, caption, credit) and deleting an unused file.
//! Staff who write articles may use the library; a file is deleted by who uploaded it
//! or by an editor of anyone's articles. Uploads themselves are a plain multipart
//! endpoint of the server (`/quan-tri/thu-vien/tai-len`), streamed to disk.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{LibraryData, MediaDetail};
use crate::core::error::AppError;

#[cfg(feature = "ssr")]
async fn librarian() -> Result<crate::features::accounts::CurrentUser, AppError> {
    use crate::features::accounts::{Permission, auth};
    auth::require(Permission::WriteOwnDrafts).await
}

#[cfg(feature = "ssr")]
fn may_delete(user: &crate::features::accounts::CurrentUser, uploaded_by: Option<i64>) -> bool {
    use crate::features::accounts::Permission;
    uploaded_by == Some(user.id) || user.can(Permission::EditAnyArticle)
}

/// One page of the library: `loai` "anh" / "tai-lieu" / all, `nguoi_tai` an uploader;
/// with the details of file `chon` when one is chosen.
#[server(input = GetUrl)]
pub async fn get_media_library(
    q: String,
    loai: String,
    nguoi_tai: Option<i64>,
    trang: u32,
    chon: Option<i64>,
) -> Result<LibraryData, AppError> {
    use super::library;
    use super::model::LibraryQuery;
    let ctx = crate::core::state::app_context()?;
    let user = librarian().await?;
    let query = LibraryQuery {
        q: q.chars().take(100).collect(),
        kind: loai,
        uploader: nguoi_tai,
        page: trang,
    };
    let (items, uploaders, detail) = tokio::try_join!(
        library::list(&ctx.pool, &query),
        library::uploaders(&ctx.pool),
        async {
            match chon {
                Some(id) => detail_of(&ctx.pool, &user, id).await,
                None => Ok(None),
            }
        }
    )?;
    let (max_picture_mb, max_document_mb) = ctx.upload_limits_mb;
    Ok(LibraryData {
        items,
        uploaders,
        detail,
        limits: super::model::MediaLimits {
            max_picture_mb,
            max_document_mb,
        },
    })
}

/// File `id` as its panel shows it, None when there is no such file.
#[cfg(feature = "ssr")]
async fn detail_of(
    pool: &sqlx::AnyPool,
    user: &crate::features::accounts::CurrentUser,
    id: i64,
) -> Result<Option<MediaDetail>, sqlx::Error> {
    use super::model::MediaUse;
    use crate::features::workflow::Status;
    let Some(found) = super::library::find(pool, id).await? else {
        return Ok(None);
    };
    Ok(Some(MediaDetail {
        may_delete: may_delete(user, found.uploaded_by),
        item: found.item,
        copies: found.copies,
        used_in: found
            .used_in
            .into_iter()
            .map(|(article_id, title, status)| MediaUse {
                article_id,
                title,
                status: Status::parse(&status)
                    .map(|s| s.label().to_string())
                    .unwrap_or(status),
            })
            .collect(),
    }))
}

/// A file with its copies and the articles that show it.
#[server(input = GetUrl)]
pub async fn get_media_detail(id: i64) -> Result<MediaDetail, AppError> {
    let ctx = crate::core::state::app_context()?;
    let user = librarian().await?;
    detail_of(&ctx.pool, &user, id)
        .await?
        .ok_or(AppError::NotFound)
}

#[cfg(feature = "ssr")]
use crate::core::text::one_line;

/// Writes a file's alt text, caption and credit. A picture needs its alt text.
#[server]
pub async fn describe_media(
    id: i64,
    alt: String,
    caption: String,
    credit: String,
) -> Result<(), AppError> {
    use super::model::{ALT_MAX, CAPTION_MAX, CREDIT_MAX};
    use crate::i18n::tmd;
    let ctx = crate::core::state::app_context()?;
    let user = librarian().await?;
    let alt = one_line(&alt, tmd().alt, ALT_MAX)?;
    let caption = one_line(&caption, tmd().caption, CAPTION_MAX)?;
    let credit = one_line(&credit, tmd().credit, CREDIT_MAX)?;
    let found = super::library::find(&ctx.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if found.item.picture && alt.is_empty() {
        return Err(AppError::Invalid(tmd().alt_required.into()));
    }
    if !super::library::describe(&ctx.pool, id, &alt, &caption, &credit).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(user = %user.username, media = id, "media described");
    Ok(())
}

/// Deletes a file no article shows (409 otherwise), with its copies.
#[server]
pub async fn delete_media(id: i64) -> Result<(), AppError> {
    use super::library::{self, Deletion};
    use crate::i18n::{fill, tmd, tmd_stored};
    let ctx = crate::core::state::app_context()?;
    let user = librarian().await?;
    let found = library::find(&ctx.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_delete(&user, found.uploaded_by) {
        return Err(AppError::Forbidden);
    }
    let files = match library::delete(&ctx.pool, id).await? {
        Deletion::Done(files) => files,
        Deletion::InUse(n) => return Err(AppError::Conflict(fill(tmd().in_use, &[&n]))),
        Deletion::NotFound => return Err(AppError::NotFound),
    };
    for f in &files {
        // a file already gone is what was asked for
        let _ = tokio::fs::remove_file(ctx.media_dir.join(f)).await;
    }
    let mut conn = ctx.pool.acquire().await?;
    crate::features::audit::record(
        &mut conn,
        Some(user.id),
        "media.delete",
        &fill(tmd_stored().audit_file, &[&found.item.name]),
        &found.item.src,
        crate::core::time::now(),
    )
    .await?;
    tracing::info!(user = %user.username, media = id, "media deleted");
    Ok(())
}
