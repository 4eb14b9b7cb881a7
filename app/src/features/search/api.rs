//! Search's server functions: a page of ranked results with its filters, and the
//! titles offered while a reader types.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{SearchPage, SearchQuery, Suggestion};
use crate::core::error::AppError;

/// The page of results the query asks for (no results for an empty query; `NotFound`
/// past the last page). Filters that cannot be read answer 400 with the page and why.
#[server(input = GetUrl)]
pub async fn get_search(query: SearchQuery) -> Result<SearchPage, AppError> {
    use super::model::{PER_PAGE, QUERY_MAX, REACH};
    use super::rank::{any_atoms, ranked};
    use super::snippet::{mark, snippet};
    use super::store;
    use super::terms::Terms;
    use crate::features::categories;

    // the request's context before the first await: its owner is gone after it
    let ctx = crate::core::state::app_context()?;
    let response = use_context::<leptos_axum::ResponseOptions>();
    let pool = ctx.pool.clone();
    let mut query = query;
    query.q = query.q.chars().take(QUERY_MAX).collect();
    let last_page = (REACH as u32).div_ceil(PER_PAGE);
    query.page = query.page.clamp(1, last_page);
    let tree = categories::load_tree(&pool).await?;
    let now = crate::core::time::now();
    let (filters, filter_error) = super::filters::read(&query, &tree, now);
    let mut page = SearchPage {
        categories: tree
            .in_order()
            .into_iter()
            .map(|(depth, n)| (depth, n.to_ref()))
            .collect(),
        filter_error,
        ..Default::default()
    };
    if page.filter_error.is_some()
        && let Some(res) = response
    {
        res.set_status(http::StatusCode::BAD_REQUEST);
    }
    let terms = Terms::parse(&query.q);
    if terms.is_empty() || page.filter_error.is_some() {
        page.query = query;
        return Ok(page);
    }
    let need = (query.page * PER_PAGE) as usize;
    let every = any_atoms(&terms);
    let (ids, total) = tokio::try_join!(
        ranked(&terms, need, |atoms, limit| {
            let (pool, f) = (pool.clone(), filters.clone());
            async move { store::newest(&pool, &atoms, &f, limit).await }
        }),
        store::count(&pool, &every, &filters, REACH + 1),
    )?;
    let offset = need - PER_PAGE as usize;
    if offset >= ids.len() && query.page > 1 {
        return Err(AppError::NotFound);
    }
    let shown = &ids[offset.min(ids.len())..];
    let entries = store::entries(&pool, shown).await?;
    page.hits = entries
        .into_iter()
        .map(|e| super::model::SearchHit {
            kind: super::model::Kind::from_code(&e.kind),
            href: e.path,
            title: mark(&e.title, &terms),
            snippet: snippet(&e.lead, &e.body, &terms),
            published_at: e.published_at,
            date: crate::core::time::short_date(e.published_at),
            category: e.category,
            members_only: e.members_only,
        })
        .collect();
    page.more = total > REACH;
    page.total = total.min(REACH);
    page.pages = (page.total as u32).div_ceil(PER_PAGE).max(1);
    page.query = query;
    Ok(page)
}

/// Titles that begin like what the reader is typing (its last word may be half
/// typed), newest first; none for fewer than two letters.
#[server(input = GetUrl)]
pub async fn get_suggestions(q: String) -> Result<Vec<Suggestion>, AppError> {
    use super::model::{QUERY_MAX, SUGGESTIONS};
    use super::terms::Terms;

    let q: String = q.chars().take(QUERY_MAX).collect();
    let terms = Terms::parse(&q);
    let typed = terms.words.last().map(|w| w.folded.len()).unwrap_or(0);
    if typed < 2 {
        return Ok(Vec::new());
    }
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let filters = super::store::Filters {
        hi: (now + 1) << 20,
        now,
        ..Default::default()
    };
    let atoms = super::rank::suggestion_atoms(&terms);
    let found = super::store::titles(&ctx.pool, &atoms, &filters, SUGGESTIONS).await?;
    Ok(found
        .into_iter()
        .map(|(title, href)| Suggestion { title, href })
        .collect())
}
