//! Server functions of the documents admin (`Permission::ManageDocuments`): the list,
//! a document's form with the library's files to attach, saving (checked, the files
//! and articles it names looked up, all in one transaction with its audit entry) and
//! deleting.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use super::input::DocumentInput;
use super::model::{DocumentCard, DocumentFile};
use crate::core::error::AppError;
use crate::core::paging::Paged;

/// Library files the form offers to attach.
pub const LIBRARY_FILES: i64 = 100;

/// A document's form: its fields as stored (empty for a new one), its page's address,
/// its files, and the library's document files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentForm {
    pub input: DocumentInput,
    /// "" for a new document.
    pub href: String,
    pub attached: Vec<DocumentFile>,
    pub library: Vec<DocumentFile>,
}

#[cfg(feature = "ssr")]
async fn manager() -> Result<crate::features::accounts::CurrentUser, AppError> {
    use crate::features::accounts::{Permission, auth};
    auth::require(Permission::ManageDocuments).await
}

/// One page of the documents, newest first, found by number or summary.
#[server(input = GetUrl)]
pub async fn get_document_admin(words: String, page: u32) -> Result<Paged<DocumentCard>, AppError> {
    let ctx = crate::core::state::app_context()?;
    manager().await?;
    let query = super::model::DocumentQuery {
        words,
        page: page.clamp(1, crate::core::paging::MAX_PAGE),
        ..Default::default()
    };
    Ok(super::store::page(&ctx.pool, &query).await?)
}

/// The form of document `id` (0: a new document).
#[server(input = GetUrl)]
pub async fn get_document_form(id: i64) -> Result<DocumentForm, AppError> {
    use super::store;
    use sqlx::Row;
    let ctx = crate::core::state::app_context()?;
    manager().await?;
    let pool = &ctx.pool;
    let library = store::library_files(pool, LIBRARY_FILES).await?;
    if id == 0 {
        return Ok(DocumentForm {
            input: DocumentInput {
                status: super::model::DocStatus::InForce.code().into(),
                ..Default::default()
            },
            library,
            ..Default::default()
        });
    }
    let (row, replaced_number) = store::form_row(pool, id).await?.ok_or(AppError::NotFound)?;
    let (attached, slugs, parts) = tokio::try_join!(
        store::files(pool, id),
        store::article_slugs(pool, id),
        store::part_numbers(pool, id)
    )?;
    let slug: String = row.try_get("slug")?;
    let input = DocumentInput {
        id,
        number: row.try_get("number")?,
        kind: row.try_get("kind")?,
        issuer: row.try_get("issuer")?,
        signer: row.try_get("signer")?,
        issued_on: row.try_get("issued_on")?,
        effective_on: row
            .try_get::<Option<String>, _>("effective_on")?
            .unwrap_or_default(),
        summary: row.try_get("summary")?,
        status: row.try_get("status")?,
        replaced_by: replaced_number,
        members_only: (row.try_get::<i64, _>("members_only")? != 0).then(|| "on".into()),
        files: attached
            .iter()
            .map(|f| f.media_id.to_string())
            .collect::<Vec<_>>()
            .join(","),
        articles: slugs
            .iter()
            .map(|s| crate::core::links::article_href(s))
            .collect::<Vec<_>>()
            .join("\n"),
        parts: parts.join("\n"),
    };
    Ok(DocumentForm {
        input,
        href: super::model::document_href(&slug),
        attached,
        library,
    })
}

/// Creates (`input.id` 0) or changes a document; its id.
#[server]
pub async fn save_document(input: DocumentInput) -> Result<i64, AppError> {
    let ctx = crate::core::state::app_context()?;
    let me = manager().await?;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let id = write(&mut tx, &input, Some(me.id), crate::core::time::now()).await?;
    tx.commit().await?;
    Ok(id)
}

/// Checks and writes a document as `save_document` does, with its audit entry, in
/// the caller's transaction (the demo seeds its documents by it); its id. A number
/// already stored for that year is a `Conflict`.
#[cfg(feature = "ssr")]
pub async fn write(
    tx: &mut sqlx::AnyConnection,
    input: &DocumentInput,
    actor: Option<i64>,
    now: i64,
) -> Result<i64, AppError> {
    use super::store;
    use crate::i18n::{fill, tdoc};
    let today = crate::core::time::local(now).format("%Y-%m-%d").to_string();
    let d = super::input::check(input, &today).map_err(AppError::Invalid)?;
    if input.id != 0 && !store::exists(tx, input.id).await? {
        return Err(AppError::NotFound);
    }
    if store::duplicate(tx, &d.number_key, d.year, input.id).await? {
        return Err(AppError::Conflict(fill(
            tdoc().duplicate,
            &[&d.number, &d.year],
        )));
    }
    let replaced_by = match &d.replaced_by {
        None => None,
        Some(key) => Some(
            store::id_by_number(tx, key, input.id)
                .await?
                .ok_or_else(|| {
                    AppError::Invalid(fill(
                        tdoc().replaced_by_unknown,
                        &[&super::number::clean_number(&input.replaced_by)],
                    ))
                })?,
        ),
    };
    let documents = store::document_media(tx, &d.files).await?;
    if let Some(missing) = d.files.iter().find(|f| !documents.contains(f)) {
        return Err(AppError::Invalid(fill(
            tdoc().file_not_document,
            &[missing],
        )));
    }
    let mut article_ids = Vec::with_capacity(d.articles.len());
    for slug in &d.articles {
        let id = crate::features::articles::id_by_slug(tx, slug)
            .await?
            .ok_or_else(|| AppError::Invalid(fill(tdoc().article_unknown, &[slug])))?;
        article_ids.push(id);
    }
    let mut part_ids = Vec::with_capacity(d.parts.len());
    for (key, given) in d.parts.iter().zip(
        input
            .parts
            .lines()
            .map(super::number::clean_number)
            .filter(|l| !l.is_empty()),
    ) {
        let id = store::id_by_number(tx, key, input.id)
            .await?
            .ok_or_else(|| AppError::Invalid(fill(tdoc().part_unknown, &[&given])))?;
        part_ids.push(id);
    }
    let links = store::Links {
        replaced_by,
        articles: &article_ids,
        parts: &part_ids,
    };
    let (id, slug) = store::save(tx, input.id, &d, &links, actor, now).await?;
    let action = if input.id == 0 {
        "document.create"
    } else {
        "document.update"
    };
    crate::features::audit::record(tx, actor, action, &d.number, &slug, now).await?;
    Ok(id)
}

/// Deletes a document (its files stay in the library).
#[server]
pub async fn delete_document(id: i64) -> Result<(), AppError> {
    let ctx = crate::core::state::app_context()?;
    let me = manager().await?;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let number = super::store::delete(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = crate::core::time::now();
    crate::features::audit::record(&mut tx, Some(me.id), "document.delete", &number, "", now)
        .await?;
    tx.commit().await?;
    Ok(())
}
