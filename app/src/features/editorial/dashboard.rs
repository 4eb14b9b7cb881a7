//! `/quan-tri`: the desk's overview — counts by status, my drafts, what awaits my
//! approval, what was published lately.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use leptos_router::components::A;

use super::model::*;
use super::widgets::desk_table;
use crate::components::admin_content;
use crate::core::error::AppError;
use crate::features::workflow::status_badge;

/// The dashboard: counts by status, my drafts, what awaits approval, recently published.
#[server(input = GetUrl)]
pub async fn get_dashboard() -> Result<DashboardData, AppError> {
    use super::store;
    use crate::features::accounts::{Permission, auth};
    use crate::features::workflow::model::Status;
    let ctx = crate::core::state::app_context()?;
    let user = auth::require(Permission::UseAdmin).await?;
    let pool = &ctx.pool;
    let can_approve = user.can(Permission::ApproveArticle);
    let mut data = DashboardData {
        display_name: user.display_name.clone(),
        role_label: user.role.label().into(),
        counts: Vec::new(),
        my_drafts: Vec::new(),
        awaiting: Vec::new(),
        recently_published: Vec::new(),
        can_approve,
        comments: None,
    };
    if user.can(Permission::ModerateComments) {
        data.comments = Some(crate::features::comments::queue_counts(pool).await?);
    }
    if user.can(Permission::WriteOwnDrafts) {
        let own = super::server::own_only(&user);
        let (counts, mine, awaiting, recent) = tokio::try_join!(
            store::counts(pool, own),
            store::drafts_of(pool, user.id, 10),
            store::newest_in(
                pool,
                Status::PendingReview,
                if can_approve { None } else { Some(user.id) },
                10
            ),
            store::newest_in(pool, Status::Published, own, 10),
        )?;
        data.counts = counts;
        data.my_drafts = mine;
        data.awaiting = awaiting;
        data.recently_published = recent;
    }
    Ok(data)
}

/// `/quan-tri`
#[component]
pub fn DashboardPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_dashboard());
    admin_content("Tổng quan", data, |d| {
        let has_desk = !d.counts.is_empty();
        view! {
            <h1>"Tổng quan"</h1>
            <p class="admin-intro">{format!("Xin chào {} ({}).", d.display_name, d.role_label)}</p>
            {d.comments.clone().map(|c| view! {
                <section class="desk-section" aria-labelledby="y-kien-cho">
                    <h2 id="y-kien-cho">"Ý kiến bạn đọc"</h2>
                    <ul class="status-counts">
                        <li><a href="/quan-tri/y-kien?muc=pending"><span class="count">{c.pending}</span>"Chờ duyệt"</a></li>
                        <li><a href="/quan-tri/y-kien?muc=reported"><span class="count">{c.reported}</span>"Bị báo cáo"</a></li>
                        <li><a href="/quan-tri/y-kien?muc=approved"><span class="count">{c.approved}</span>"Đã đăng"</a></li>
                    </ul>
                </section>
            })}
            {has_desk.then(|| view! {
                <ul class="status-counts" aria-label="Số bài theo trạng thái">
                    {d.counts.clone().into_iter().map(|(s, n)| {
                        let href = format!("/quan-tri/bai-viet?trang-thai={}", s.as_str());
                        view! { <li><A href=href><span class="count">{n}</span>{status_badge(s)}</A></li> }
                    }).collect_view()}
                </ul>
                <p><A href="/quan-tri/bai-viet/moi" attr:class="button-primary">"Viết bài mới"</A></p>
                <section class="desk-section">
                    <h2>"Bản nháp của tôi"</h2>
                    {desk_table(d.my_drafts.clone(), "Không có bản nháp nào.")}
                </section>
                <section class="desk-section">
                    <h2>{if d.can_approve { "Bài chờ tôi duyệt" } else { "Bài tôi đã gửi, đang chờ duyệt" }}</h2>
                    {desk_table(d.awaiting.clone(), "Không có bài nào đang chờ duyệt.")}
                </section>
                <section class="desk-section">
                    <h2>"Mới xuất bản"</h2>
                    {desk_table(d.recently_published.clone(), "Chưa có bài nào được xuất bản.")}
                </section>
            })}
        }
    })
}
