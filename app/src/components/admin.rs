//! The content of one admin page: its title, then its data or the 404 / error page.
//! The admin frame around it (who is signed in, the side menu, 401/403 before anything
//! renders) is the parent route of every `/quan-tri` page, in the pages layer.

use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::browser::in_island;
use super::page::{ErrorPage, NotFoundPage};
use crate::core::error::AppError;
use crate::i18n::t;

/// Renders `render(data)` once an admin page's data has loaded.
pub fn admin_content<T, V, F>(
    title: &'static str,
    data: Resource<Result<T, AppError>>,
    render: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    view! {
        {crate::components::meta::page_head(format!("{title} - {}", t().admin_title_suffix), "noindex, nofollow")}
        <Suspense fallback=|| view! { <p class="loading" role="status">{t().loading}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(d) => in_island(move || render(d).into_any()),
                        Err(AppError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                        Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
