//! The article page and the article list items every page uses.

use leptos::prelude::*;
use leptos_router::components::A;

use super::api::get_most_lists;
use super::model::{ArticleCard, ArticleData, MostItem, MostLists};
use crate::components::{Breadcrumb, PageMeta, Pagination};
use crate::content::render::DocView;
use crate::core::error::AppError;
use crate::core::paging::Paged;
use crate::core::site::SiteInfo;
use crate::i18n::t;

/// How big a list item is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardSize {
    /// Picture above, big title, sapo: the first item of a block.
    Lead,
    /// Picture beside the title, sapo and date: category lists.
    Row,
    /// Title and date only: side lists.
    Compact,
}

/// One article in a list. Its title is an `<h3>` (lists under a section heading) unless
/// `top_level`: then an `<h2>`, for lists right under the page's `<h1>`.
#[component]
pub fn ArticleCardView(
    card: ArticleCard,
    size: CardSize,
    #[prop(optional)] show_category: bool,
    #[prop(optional)] top_level: bool,
) -> impl IntoView {
    let href = card.href();
    let class = match size {
        CardSize::Lead => "card card-lead",
        CardSize::Row => "card card-row",
        CardSize::Compact => "card card-compact",
    };
    // the width a card's picture takes: a lead card the page's (less a hair, as the
    // article's figures, so a 2× phone takes the 640 px copy), a row card its column
    let sizes = match size {
        CardSize::Lead => "(max-width: 640px) calc(100vw - 40px), 560px",
        _ => "(max-width: 640px) 120px, 200px",
    };
    let thumb = (size != CardSize::Compact).then_some(card.thumb).flatten().map(|th| {
        let href = href.clone();
        let sizes = th.srcset.is_some().then_some(sizes);
        view! {
            <A href=href attr:class="card-thumb" attr:tabindex="-1" attr:aria-hidden="true">
                <img src=th.src srcset=th.srcset sizes=sizes width=th.width height=th.height alt=""
                    loading="lazy" decoding="async"/>
            </A>
        }
    });
    let category = show_category.then(|| {
        let c = card.category.clone();
        view! { <A href=c.href() attr:class="card-category">{c.name}</A> }
    });
    let title_class = if size == CardSize::Lead {
        "card-title card-title-lead"
    } else {
        "card-title"
    };
    let link = view! { <A href=href.clone()>{card.title.clone()}</A> };
    let heading = if top_level {
        view! { <h2 class=title_class>{link}</h2> }.into_any()
    } else {
        view! { <h3 class=title_class>{link}</h3> }.into_any()
    };
    let sapo = (size != CardSize::Compact && !card.sapo.is_empty()).then(|| {
        let text = crate::components::meta::excerpt(
            &card.sapo,
            if size == CardSize::Lead { 260 } else { 180 },
        );
        view! { <p class="card-sapo">{text}</p> }
    });
    view! {
        <article class=class>
            {thumb}
            <div class="card-body">
                {category}
                {heading}
                <p class="card-meta">
                    <time class="card-date" datetime=card.iso>{card.date}</time>
                    {card.members_only.then(members_mark)}
                    {(card.comment_count > 0).then(|| view! {
                        <span class="card-comments">{format!("{} {}", card.comment_count, t().comments_unit)}</span>
                    })}
                </p>
                {sapo}
            </div>
        </article>
    }
}

pub use crate::components::members_mark;

/// A paginated list of articles at `base`, right under the page's title.
#[component]
pub fn ArticleListView(
    articles: Paged<ArticleCard>,
    base: String,
    #[prop(optional)] show_category: bool,
) -> impl IntoView {
    if articles.items.is_empty() {
        return view! { <p class="empty">{t().no_articles}</p> }.into_any();
    }
    view! {
        <div class="article-list">
            {articles
                .items
                .into_iter()
                .map(|card| view! { <ArticleCardView card size=CardSize::Row show_category top_level=true/> })
                .collect_view()}
        </div>
        <Pagination base page=articles.page pages=articles.pages/>
    }
    .into_any()
}

fn most_list(items: Vec<MostItem>, unit: &'static str) -> impl IntoView + use<> {
    view! {
        <ol class="most-list">
            {items
                .into_iter()
                .map(|m| {
                    view! {
                        <li>
                            <A href=m.card.href()>{m.card.title.clone()}</A>
                            " "
                            <span class="most-count">{format!("{} {unit}", m.count)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// "Đọc nhiều nhất" and "Nhiều ý kiến nhất", fed by the counters (blocks with nothing
/// to rank are left out).
/// The "most read" and "most commented" blocks, with their own data.
#[component]
pub fn MostBlocks() -> impl IntoView {
    most_blocks(Resource::new(|| (), |_| get_most_lists()))
}

/// The two blocks from `data`. A page whose own content loads in a `Suspend` makes
/// the resource outside it and passes it here: a resource made while a `Suspend`
/// renders is made again when it renders again on the server, so its hydration data
/// would not be found in the browser (the blocks then fail to hydrate).
pub fn most_blocks(data: Resource<Result<MostLists, AppError>>) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                data.await.ok().map(|m| {
                    let read = (!m.most_read.is_empty()).then(|| view! {
                        <section class="most" aria-labelledby="doc-nhieu">
                            <h2 id="doc-nhieu" class="block-title">{t().most_read}</h2>
                            {most_list(m.most_read, t().reads)}
                        </section>
                    });
                    let commented = (!m.most_commented.is_empty()).then(|| view! {
                        <section class="most" aria-labelledby="nhieu-y-kien">
                            <h2 id="nhieu-y-kien" class="block-title">{t().most_commented}</h2>
                            {most_list(m.most_commented, t().comments_unit)}
                        </section>
                    });
                    view! { {read}{commented} }
                })
            })}
        </Suspense>
    }
}

/// The article itself: metadata, breadcrumb, header, body and footer. The page
/// composes sharing, ratings, related news and comments after it.
#[component]
pub fn ArticleView(site: SiteInfo, data: ArticleData) -> impl IntoView {
    let a = data.article;
    let href = crate::core::links::article_href(&a.slug);
    let crumbs: Vec<(String, String)> = data
        .path
        .iter()
        .map(|c| (c.name.clone(), c.href()))
        .collect();
    let category = data.path.last().cloned();
    let description = if !a.seo_description.is_empty() {
        a.seo_description.clone()
    } else if a.sapo.is_empty() {
        a.body.plain_text()
    } else {
        a.sapo.clone()
    };
    let page_title = if a.seo_title.is_empty() {
        a.title.clone()
    } else {
        a.seo_title.clone()
    };
    let image = a.cover.as_ref().map(|c| c.src.clone());
    let byline = (!a.byline.is_empty()).then(|| view! { <p class="byline">{a.byline.clone()}</p> });
    let source = (!a.source.is_empty()).then(|| {
        view! { <p class="source"><span class="label">{format!("{}: ", t().source)}</span>{a.source.clone()}</p> }
    });
    let tag_list = a.tags.clone();
    let tags = (!tag_list.is_empty()).then(move || {
        view! {
            <div class="tags">
                <span class="label">{format!("{}: ", t().tags)}</span>
                <ul>{tag_list.into_iter().map(|tg| view! { <li><A href=tg.href()>{tg.name.clone()}</A></li> }).collect_view()}</ul>
            </div>
        }
    });
    let topic_list = a.topics.clone();
    let topics = (!topic_list.is_empty()).then(move || {
        view! {
            <div class="tags topics">
                <span class="label">{format!("{}: ", t().topics)}</span>
                <ul>{topic_list.into_iter().map(|tp| view! { <li><A href=tp.href()>{tp.name.clone()}</A></li> }).collect_view()}</ul>
            </div>
        }
    });
    view! {
        <PageMeta site title=page_title description path=href kind="article" image
            published=Some(a.published_iso.clone())/>
        <script type="application/ld+json" inner_html=data.structured_data></script>
        <Breadcrumb items=crumbs/>
        <article class="article" aria-labelledby="tieu-de">
            <header class="article-header">
                {category.map(|c| view! { <A href=c.href() attr:class="article-category">{c.name}</A> })}
                <h1 id="tieu-de" class="article-title">{a.title.clone()}</h1>
                <p class="article-meta">
                    <time class="dateline" datetime=a.published_iso.clone()>{a.dateline.clone()}</time>
                    {a.members_only.then(members_mark)}
                    <span class="views">{format!("{}: {}", t().views, a.view_count)}</span>
                    <a class="comment-count" href="#y-kien">{format!("{}: {}", t().comments, a.comment_count)}</a>
                </p>
            </header>
            {(!a.sapo.is_empty()).then(|| view! { <p class="sapo">{a.sapo.clone()}</p> })}
            <div class="article-body">
                <DocView doc=a.body.clone() pictures=a.pictures.clone()/>
            </div>
            <footer class="article-footer">
                {byline}
                {source}
                {topics}
                {tags}
            </footer>
        </article>
    }
}

/// "Tin liên quan": other articles of the same category, when there are any.
#[component]
pub fn RelatedList(related: Vec<ArticleCard>) -> impl IntoView {
    (!related.is_empty()).then(|| {
        view! {
            <section class="related" aria-labelledby="tin-lien-quan">
                <h2 id="tin-lien-quan" class="block-title">{t().related_news}</h2>
                <ul class="related-list">
                    {related
                        .into_iter()
                        .map(|c| {
                            view! {
                                <li>
                                    <A href=c.href()>{c.title.clone()}</A>
                                    " "
                                    <time datetime=c.iso>{format!("({})", c.date)}</time>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
