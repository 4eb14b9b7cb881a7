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
use crate::i18n::{fill, ta};

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
        citizens: None,
        contests: None,
    };
    if user.can(Permission::ManageContests) {
        data.contests = Some(crate::features::contests::dashboard_counts(pool).await?);
    }
    if user.can(Permission::ModerateComments) {
        let (comments, (questions_new, questions_assigned), feedback) = tokio::try_join!(
            async { Ok::<_, AppError>(crate::features::comments::queue_counts(pool).await?) },
            crate::features::questions::dashboard_counts(pool),
            crate::features::feedback::dashboard_counts(&ctx),
        )?;
        data.comments = Some(comments);
        data.citizens = Some(super::model::CitizenCounts {
            questions_new,
            questions_assigned,
            feedback,
        });
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
    let data = crate::components::admin::page_data(module_path!(), || (), |_| get_dashboard());
    admin_content(ta().nav_overview, data, |d| {
        let has_desk = !d.counts.is_empty();
        view! {
            <h1>{ta().nav_overview}</h1>
            <p class="admin-intro">{fill(ta().dashboard_greeting, &[&d.display_name, &d.role_label])}</p>
            {d.comments.clone().map(|c| view! {
                <section class="desk-section" aria-labelledby="y-kien-cho">
                    <h2 id="y-kien-cho">{ta().nav_comments}</h2>
                    <ul class="status-counts">
                        <li><a href="/quan-tri/y-kien?muc=pending"><span class="count">{c.pending}</span>{ta().dashboard_pending}</a></li>
                        <li><a href="/quan-tri/y-kien?muc=reported"><span class="count">{c.reported}</span>{ta().dashboard_reported}</a></li>
                        <li><a href="/quan-tri/y-kien?muc=approved"><span class="count">{c.approved}</span>{ta().dashboard_approved}</a></li>
                    </ul>
                </section>
            })}
            {d.citizens.map(|c| {
                let qa = crate::features::questions::ADMIN_QA_PATH;
                let fb = crate::features::feedback::ADMIN_FEEDBACK_PATH;
                let (sq, sf) = (crate::i18n::tqa(), crate::i18n::tfb());
                view! {
                    <section class="desk-section" aria-labelledby="cong-dan-cho">
                        <h2 id="cong-dan-cho">{sf.channels}</h2>
                        <ul class="status-counts">
                            <li><a href=format!("{qa}?muc=new")><span class="count">{c.questions_new}</span>{format!("{}: {}", sq.title, sq.status_new)}</a></li>
                            <li><a href=format!("{qa}?muc=assigned")><span class="count">{c.questions_assigned}</span>{format!("{}: {}", sq.title, sq.status_assigned)}</a></li>
                            <li><a href=format!("{fb}?muc=new")><span class="count">{c.feedback.waiting}</span>{sf.dashboard_open}</a></li>
                            <li class:overdue={c.feedback.overdue > 0}><a href=format!("{fb}?muc=overdue")><span class="count">{c.feedback.overdue}</span>{sf.dashboard_overdue}</a></li>
                        </ul>
                    </section>
                }
            })}
            {d.contests.map(|c| {
                let s = crate::i18n::tqz();
                let href = crate::features::contests::ADMIN_CONTESTS_PATH;
                view! {
                    <section class="desk-section" aria-labelledby="cuoc-thi-dang-mo">
                        <h2 id="cuoc-thi-dang-mo">{s.dashboard}</h2>
                        <ul class="status-counts">
                            <li><a href=href><span class="count">{c.open_rounds}</span>{s.dashboard_open}</a></li>
                            <li><a href=href><span class="count">{c.entrants}</span>{s.dashboard_entrants}</a></li>
                            <li class:overdue={c.waiting > 0}><a href=href><span class="count">{c.waiting}</span>{s.dashboard_waiting}</a></li>
                        </ul>
                    </section>
                }
            })}
            {has_desk.then(|| view! {
                <ul class="status-counts" aria-label=ta().dashboard_counts>
                    {d.counts.clone().into_iter().map(|(s, n)| {
                        let href = format!("/quan-tri/bai-viet?trang-thai={}", s.as_str());
                        view! { <li><A href=href><span class="count">{n}</span>{status_badge(s)}</A></li> }
                    }).collect_view()}
                </ul>
                <p><A href="/quan-tri/bai-viet/moi" attr:class="button-primary">{ta().nav_new_article}</A></p>
                <section class="desk-section">
                    <h2>{ta().dashboard_my_drafts}</h2>
                    {desk_table(d.my_drafts.clone(), ta().dashboard_no_drafts)}
                </section>
                <section class="desk-section">
                    <h2>{if d.can_approve { ta().dashboard_awaiting_me } else { ta().dashboard_awaiting_sent }}</h2>
                    {desk_table(d.awaiting.clone(), ta().dashboard_no_awaiting)}
                </section>
                <section class="desk-section">
                    <h2>{ta().dashboard_recent}</h2>
                    {desk_table(d.recently_published.clone(), ta().dashboard_no_recent)}
                </section>
            })}
        }
    })
}
