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
    let own = super::server::own_only(&user);
    let filter = DeskFilter {
        status: Status::parse(status.trim()),
        category_id: category.trim().parse().ok(),
        author_id: author.trim().parse().ok(),
        text: q.chars().take(200).collect(),
        page: page.clamp(1, crate::core::paging::MAX_PAGE),
    };
    let (rows, tree, authors) = tokio::try_join!(
        store::list(&ctx.pool, &filter, own),
        categories::load_tree(&ctx.pool),
        store::authors(&ctx.pool),
    )?;
    Ok(DeskListData {
        rows,
        filter,
        categories: super::server::category_choices(&tree),
        authors,
        own_only: own.is_some(),
    })
}

/// `/quan-tri/bai-viet?trang-thai=&chuyen-muc=&tac-gia=&q=&trang=`
#[component]
pub fn DeskListPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
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
    admin_content("Bài viết", data, |d| {
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
                <h1>"Bài viết"</h1>
                <A href="/quan-tri/bai-viet/moi" attr:class="button-primary">"Viết bài mới"</A>
            </div>
            <form method="get" action="/quan-tri/bai-viet" class="filters" role="search">
                <div class="field">
                    <label for="loc-q">"Tìm theo tiêu đề"</label>
                    <input id="loc-q" type="search" name="q" value=f.text.clone()/>
                </div>
                <div class="field">
                    <label for="loc-trang-thai">"Trạng thái"</label>
                    <select id="loc-trang-thai" name="trang-thai">
                        <option value="">"Tất cả"</option>
                        {status_options}
                    </select>
                </div>
                <div class="field">
                    <label for="loc-chuyen-muc">"Chuyên mục"</label>
                    <select id="loc-chuyen-muc" name="chuyen-muc">
                        <option value="">"Tất cả"</option>
                        {category_options}
                    </select>
                </div>
                {(!d.own_only).then(|| view! {
                    <div class="field">
                        <label for="loc-tac-gia">"Người viết"</label>
                        <select id="loc-tac-gia" name="tac-gia">
                            <option value="">"Tất cả"</option>
                            {author_options}
                        </select>
                    </div>
                })}
                <button type="submit" class="button-secondary">"Lọc"</button>
            </form>
            <p class="admin-intro">{format!("{total} bài")}{d.own_only.then_some(" (bài của bạn)")}</p>
            {desk_table(d.rows.items, "Không có bài nào khớp bộ lọc.")}
            <Pagination base page pages/>
        }
    })
}
