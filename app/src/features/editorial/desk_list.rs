//! `/quan-tri/bai-viet`: the articles, filtered by status, category, author and
//! title words.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::model::*;
use super::widgets::{choice_options, desk_table};
use crate::components::{Pagination, admin_content};
use crate::core::error::AppError;
use crate::core::paging::page_param;
use crate::features::workflow::model::Status;
use crate::i18n::{fill, ta};

/// One page of the article list with its filters (`status`, `category`, `author`:
/// empty for all; `q`: words of the title).
#[server(input = GetUrl)]
pub async fn get_desk_list(
    status: String,
    category: String,
    author: String,
    q: String,
    page: u32,
) -> Result<DeskListData, AppError> {
    use super::model::DeskFilter;
    use super::store;
    use crate::features::categories;
    use crate::features::workflow::model::Status;
    let ctx = crate::core::state::app_context()?;
    let user = super::server::desk_user().await?;
    let filter = DeskFilter {
        status: Status::parse(status.trim()),
        category_id: category.trim().parse().ok(),
        author_id: author.trim().parse().ok(),
        text: q.chars().take(200).collect(),
        page: page.clamp(1, crate::core::paging::MAX_PAGE),
    };
    let (tree, authors) =
        tokio::try_join!(categories::load_tree(&ctx.pool), store::authors(&ctx.pool),)?;
    let visible = super::server::visible(&user, &tree);
    let rows = store::list(&ctx.pool, &filter, &visible).await?;
    Ok(DeskListData {
        rows,
        filter,
        categories: super::server::category_choices(&tree),
        authors,
        own_only: visible != super::store::Visible::All,
    })
}

/// `/quan-tri/bai-viet?trang-thai=&chuyen-muc=&tac-gia=&q=&trang=`
#[component]
pub fn DeskListPage() -> impl IntoView {
    let query = use_query_map();
    let data = crate::components::admin::page_data(
        module_path!(),
        move || {
            let q = query.read();
            let get = |k: &str| q.get(k).unwrap_or_default();
            (
                get("trang-thai"),
                get("chuyen-muc"),
                get("tac-gia"),
                get("q"),
                page_param(q.get("trang")),
            )
        },
        |(status, category, author, q, page)| get_desk_list(status, category, author, q, page),
    );
    admin_content(ta().nav_articles, data, |d| {
        let f = d.filter.clone();
        let mut base = format!(
            "/quan-tri/bai-viet?trang-thai={}&chuyen-muc={}&tac-gia={}&q={}",
            f.status.map(|s| s.as_str()).unwrap_or(""),
            f.category_id.map(|c| c.to_string()).unwrap_or_default(),
            f.author_id.map(|c| c.to_string()).unwrap_or_default(),
            crate::components::urlencode(&f.text),
        );
        if f.status.is_none()
            && f.category_id.is_none()
            && f.author_id.is_none()
            && f.text.is_empty()
        {
            base = "/quan-tri/bai-viet".into();
        }
        let status_options = Status::ALL
            .iter()
            .map(|s| {
                let selected = f.status == Some(*s);
                view! { <option value=s.as_str() selected=selected>{s.label()}</option> }
            })
            .collect_view();
        let category_options = choice_options(&d.categories, f.category_id);
        let author_options = choice_options(&d.authors, f.author_id);
        let (page, pages, total) = (d.rows.page, d.rows.pages, d.rows.total);
        view! {
            <div class="admin-head">
                <h1>{ta().nav_articles}</h1>
                <A href="/quan-tri/bai-viet/moi" attr:class="button-primary">{ta().nav_new_article}</A>
            </div>
            <form method="get" action="/quan-tri/bai-viet" class="filters" role="search">
                <div class="field">
                    <label for="loc-q">{ta().desk_search_title}</label>
                    <input id="loc-q" type="search" name="q" value=f.text.clone()/>
                </div>
                <div class="field">
                    <label for="loc-trang-thai">{ta().desk_status}</label>
                    <select id="loc-trang-thai" name="trang-thai">
                        <option value="">{ta().desk_all}</option>
                        {status_options}
                    </select>
                </div>
                <div class="field">
                    <label for="loc-chuyen-muc">{ta().nav_categories}</label>
                    <select id="loc-chuyen-muc" name="chuyen-muc">
                        <option value="">{ta().desk_all}</option>
                        {category_options}
                    </select>
                </div>
                {(!d.own_only).then(|| view! {
                    <div class="field">
                        <label for="loc-tac-gia">{ta().desk_author}</label>
                        <select id="loc-tac-gia" name="tac-gia">
                            <option value="">{ta().desk_all}</option>
                            {author_options}
                        </select>
                    </div>
                })}
                <button type="submit" class="button-secondary">{ta().desk_filter}</button>
            </form>
            <p class="admin-intro">{fill(ta().desk_article_count, &[&total])}{d.own_only.then_some(ta().desk_own_only)}</p>
            {desk_table(d.rows.items, ta().desk_no_match)}
            <Pagination base page pages/>
        }
    })
}
