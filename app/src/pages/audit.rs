//! `/quan-tri/nhat-ky`: the audit log, where administrative actions (audit) and
//! articles' status changes (workflow) are read together, newest first.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::{Pagination, admin_content};
use crate::core::error::AppError;
use crate::core::paging::{Paged, page_param};
use crate::features::audit::AuditEntry;
#[cfg(feature = "ssr")]
use crate::features::audit::{AuditRow, action_label};
#[cfg(feature = "ssr")]
use crate::features::workflow::{Origin, Status};
use crate::i18n::{fill, ta};

/// A stored line as staff read it.
#[cfg(feature = "ssr")]
fn entry(row: AuditRow) -> AuditEntry {
    let label = |code: &str| Status::parse(code).map(Status::label).unwrap_or("?");
    let AuditRow {
        kind,
        target,
        article_id,
        ..
    } = &row;
    let (what, href) = if kind == "article" {
        (
            fill(
                ta().audit_article_change,
                &[&target, &label(&row.from_status), &label(&row.to_status)],
            ),
            Some(crate::core::links::desk_href(*article_id)),
        )
    } else if target.is_empty() {
        (action_label(kind).to_string(), None)
    } else {
        (format!("{}: {target}", action_label(kind)), None)
    };
    AuditEntry {
        at: crate::core::time::short_date(row.at),
        actor: row
            .actor
            .or_else(|| Origin::parse(&row.origin).label().map(str::to_string)),
        what,
        detail: row.detail,
        href,
    }
}

/// One page of the audit log (admin and editor-in-chief).
#[server(input = GetUrl)]
pub async fn get_audit_log(page: u32) -> Result<Paged<AuditEntry>, AppError> {
    use crate::features::accounts::{Permission, auth};
    let ctx = crate::core::state::app_context()?;
    auth::require(Permission::ReadAuditLog).await?;
    let page = page.clamp(1, crate::core::paging::MAX_PAGE);
    let list = crate::features::audit::page(&ctx.pool, page).await?;
    if page > list.pages {
        return Err(AppError::NotFound);
    }
    Ok(Paged {
        items: list.items.into_iter().map(entry).collect(),
        page: list.page,
        pages: list.pages,
        total: list.total,
    })
}

/// `/quan-tri/nhat-ky`: who did what, newest first.
#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let data = crate::components::admin::page_data(
        module_path!(),
        move || page_param(query.read().get("trang")),
        get_audit_log,
    );
    admin_content(ta().nav_audit, data, |log| {
        let page = log.page;
        let pages = log.pages;
        view! {
            <h1>{ta().audit_heading}</h1>
            <p class="admin-intro">{fill(ta().audit_count, &[&log.total])}</p>
            <div class="table-wrap">
                <table class="desk-table">
                    <thead><tr><th scope="col">{ta().audit_time}</th><th scope="col">{ta().audit_actor}</th><th scope="col">{ta().audit_what}</th><th scope="col">{ta().audit_detail}</th></tr></thead>
                    <tbody>
                        {log.items.into_iter().map(|e| view! {
                            <tr>
                                <td class="nowrap">{e.at}</td>
                                <td>{e.actor.unwrap_or_else(|| ta().desk_system.into())}</td>
                                <td>{match e.href {
                                    Some(h) => view! { <A href=h>{e.what}</A> }.into_any(),
                                    None => view! { <span>{e.what}</span> }.into_any(),
                                }}</td>
                                <td>{e.detail}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <Pagination base="/quan-tri/nhat-ky".to_string() page pages/>
        }
    })
}
