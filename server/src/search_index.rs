//! Rebuilding the search index when its version is older than the code's (a first
//! start after an upgrade, or after the terms changed): in one transaction, by the one
//! server that claims it, with every published article, document and question put back
//! through their owners.

use sqlx::AnyPool;
use toasoan_app::features::{documents, questions, search};

/// Rebuilds the index if it is older than this code's; returns what was put back.
pub async fn rebuild_if_old(pool: &AnyPool) -> Result<Option<[usize; 3]>, sqlx::Error> {
    let mut tx = toasoan_app::core::state::begin_write(pool).await?;
    if !search::claim_rebuild(&mut tx).await? {
        return Ok(None);
    }
    let started = std::time::Instant::now();
    let articles = search::put_all_articles(&mut tx).await?;
    let documents = documents::index_all_for_search(&mut tx).await?;
    let questions = questions::index_all_for_search(&mut tx).await?;
    tx.commit().await?;
    if articles + documents + questions > 0 {
        tracing::info!(
            articles,
            documents,
            questions,
            seconds = started.elapsed().as_secs_f32(),
            "search index rebuilt"
        );
    }
    Ok(Some([articles, documents, questions]))
}
