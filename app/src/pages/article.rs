//! `/bai-viet/{slug}`: the article page, where the article meets the readers — the
//! article itself (articles), sharing, the rating box, related news and the comments
//! with their form (comments, guarded by the reader-submission guard).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

use crate::components::page_loader;
use crate::core::error::AppError;
use crate::core::links::article_href;
use crate::features::articles::ArticleData;
use crate::features::articles::views::{ArticleView, MostBlocks, RelatedList};
use crate::features::comments::CommentItem;
use crate::features::comments::views::CommentsSection;
use crate::features::documents::DocumentCard;
use crate::features::documents::views::ArticleDocuments;
use crate::features::polls::{PollView, poll_box};
use crate::features::ratings::views::RatingBox;
use crate::features::sharing::views::ShareBar;
use crate::i18n::t;

/// What the article page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticlePageData {
    pub main: ArticleData,
    /// Published comments, as threads.
    pub comments: Vec<CommentItem>,
    /// When the comment form was made (checked for the minimum fill time).
    pub form_token: String,
    /// The documents it is about.
    pub documents: Vec<DocumentCard>,
    /// The polls placed in it.
    pub polls: Vec<PollView>,
}

/// A published article with everything its page shows. Unknown, unpublished and
/// expired articles are `NotFound`.
#[server(input = GetUrl)]
pub async fn get_article_page(slug: String) -> Result<ArticlePageData, AppError> {
    let main = crate::features::articles::api::load_public(&slug).await?;
    let ctx = crate::core::state::app_context()?;
    let id = main.article.id;
    let (comments, documents, form_token, polls) = tokio::try_join!(
        async { Ok::<_, AppError>(crate::features::comments::approved_for(&ctx.pool, id).await?) },
        crate::features::documents::for_article(&ctx.pool, id),
        crate::features::guard::form_token(),
        crate::features::polls::article_polls(&ctx.pool, id),
    )?;
    Ok(ArticlePageData {
        main,
        comments,
        form_token,
        documents,
        polls,
    })
}

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_article_page,
    );
    view! {
        <div class="page-grid">
            <div class="page-main">{page_loader(data, |site, data| {
                let ArticlePageData { main, comments, form_token, documents, polls } = data;
                let a = main.article.clone();
                let url = site.url(&article_href(&a.slug));
                let related = main.related.clone();
                view! {
                    <ArticleView site data=main/>
                    <ShareBar url title=a.title.clone() slug=a.slug.clone()/>
                    <RatingBox slug=a.slug.clone() summary=a.rating open=a.allow_ratings/>
                    <ArticleDocuments documents/>
                    {polls.into_iter().map(poll_box).collect_view()}
                    <RelatedList related/>
                    <CommentsSection slug=a.slug.clone() comments count=a.comment_count
                        open=a.allow_comments token=form_token/>
                }
            })}</div>
            <aside class="sidebar" aria-label=t().sidebar><MostBlocks/></aside>
        </div>
    }
}
