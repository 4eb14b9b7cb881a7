//! Server functions of the documents library's public side: one page of the list
//! with its filters' choices, and a document's page (members-only documents only
//! for signed-in readers).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{DocumentDetail, DocumentQuery, DocumentsPage};
use crate::core::error::AppError;

/// Documents of the same type or body shown on a document's page.
pub const NEIGHBOURS: i64 = 5;

/// The page of the library the query asks for; `NotFound` past its last page.
#[server(input = GetUrl)]
pub async fn get_documents(query: DocumentQuery) -> Result<DocumentsPage, AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    let mut query = query;
    query.page = query.page.clamp(1, crate::core::paging::MAX_PAGE);
    query.words = query.words.chars().take(120).collect();
    let (documents, (kinds, issuers, years)) =
        tokio::try_join!(store::page(&ctx.pool, &query), store::choices(&ctx.pool))?;
    if query.page > documents.pages {
        return Err(AppError::NotFound);
    }
    Ok(DocumentsPage {
        documents,
        kinds,
        issuers,
        years,
        query,
    })
}

/// A document with its files, replacements, articles and neighbours. A members-only
/// document sends a reader who is not signed in to sign in.
#[server(input = GetUrl)]
pub async fn get_document(slug: String) -> Result<DocumentDetail, AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    let pool = &ctx.pool;
    let found = store::find(pool, &slug).await?.ok_or(AppError::NotFound)?;
    if found.card.members_only {
        crate::features::accounts::auth::members_gate(&found.card.href()).await?;
    }
    let id = found.card.id;
    let now = crate::core::time::now();
    let replaced_by_ids: Vec<i64> = found.replaced_by.into_iter().collect();
    let (files, replaces, replaced_by, article_ids, related, parts, issues) = tokio::try_join!(
        store::files(pool, id),
        store::replaced(pool, id),
        store::cards(pool, &replaced_by_ids),
        store::article_ids(pool, id),
        store::neighbours(pool, &found.card, NEIGHBOURS),
        store::parts(pool, id),
        store::issues_of(pool, id),
    )?;
    let articles = if article_ids.is_empty() {
        Vec::new()
    } else {
        use crate::features::articles::{ListFilter, newest};
        let n = article_ids.len() as i64;
        newest(pool, now, &ListFilter::Ids(article_ids), n).await?
    };
    let structured_data =
        super::structured_data::legislation(&ctx.site, &found.card, &found.signer, &files);
    Ok(DocumentDetail {
        card: found.card,
        signer: found.signer,
        effective_on: found.effective_on,
        replaced_by: replaced_by.into_iter().next(),
        replaces,
        files,
        articles,
        related,
        parts,
        issues,
        structured_data,
    })
}

/// The documents an article is about (its page's "Văn bản liên quan").
#[cfg(feature = "ssr")]
pub async fn for_article(
    pool: &sqlx::AnyPool,
    article_id: i64,
) -> Result<Vec<super::model::DocumentCard>, AppError> {
    Ok(super::store::for_article(pool, article_id).await?)
}

/// The newest bulletin issue (the home page names it).
#[cfg(feature = "ssr")]
pub async fn latest_bulletin(
    pool: &sqlx::AnyPool,
) -> Result<Option<super::model::DocumentCard>, AppError> {
    Ok(super::store::latest_bulletin(pool).await?)
}

/// File `media_id` of the document at `slug`, if it is one of its files.
#[cfg(feature = "ssr")]
pub async fn attached_file(
    pool: &sqlx::AnyPool,
    slug: &str,
    media_id: i64,
) -> Result<Option<super::model::AttachedFile>, AppError> {
    Ok(super::store::attached_file(pool, slug, media_id).await?)
}

/// Whether a document has this slug (its QR code is drawn only then).
#[cfg(feature = "ssr")]
pub async fn slug_exists(pool: &sqlx::AnyPool, slug: &str) -> Result<bool, AppError> {
    Ok(super::store::find(pool, slug).await?.is_some())
}

/// A document-reference block's card from the library: what the article shows of it.
#[cfg(feature = "ssr")]
fn reference(card: &super::model::DocumentCard) -> crate::content::DocRef {
    crate::content::DocRef {
        id: card.id,
        slug: card.slug.clone(),
        number: card.number.clone(),
        kind: card.kind.stored_label().to_string(),
        issued_on: card.issued_on.clone(),
        summary: card.summary.clone(),
    }
}

/// The document-reference blocks of `doc` made what the library holds now (the
/// browser sends only which document); one citing a document no longer there is
/// refused.
#[cfg(feature = "ssr")]
pub async fn refresh_refs(
    pool: &sqlx::AnyPool,
    doc: &mut crate::content::Doc,
) -> Result<(), AppError> {
    use crate::content::Block;
    let ids: Vec<i64> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::DocumentRef(r) => Some(r.id),
            _ => None,
        })
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let cards = super::store::cards(pool, &ids).await?;
    for block in &mut doc.blocks {
        if let Block::DocumentRef(r) = block {
            let card = cards.iter().find(|c| c.id == r.id).ok_or_else(|| {
                AppError::Invalid(crate::i18n::fill(
                    crate::i18n::tdoc().reference_gone,
                    &[&r.number],
                ))
            })?;
            *r = reference(card);
        }
    }
    Ok(())
}

/// The document an editor cites by its number ("2466-QĐ/TU", "Số 2466-QĐ/TU"): the
/// newest with that number.
#[server(input = GetUrl)]
pub async fn find_document_ref(number: String) -> Result<crate::content::DocRef, AppError> {
    use crate::features::accounts::auth;
    let ctx = crate::core::state::app_context()?;
    let me = auth::current_user()
        .await?
        .ok_or(AppError::SignInRequired)?;
    if !me.works_at_desk() {
        return Err(AppError::Forbidden);
    }
    let given = super::number::clean_number(&number);
    let key = super::number::number_key(&given);
    let mut conn = ctx.pool.acquire().await?;
    let unknown = || {
        AppError::Invalid(crate::i18n::fill(
            crate::i18n::tdoc().reference_unknown,
            &[&given],
        ))
    };
    let id = super::store::id_by_number(&mut conn, &key, 0)
        .await?
        .ok_or_else(unknown)?;
    drop(conn);
    let card = super::store::cards(&ctx.pool, &[id])
        .await?
        .into_iter()
        .next()
        .ok_or_else(unknown)?;
    Ok(reference(&card))
}
