//! Server functions of the admin frame and the audit log.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{AdminMe, AuditEntry};
use crate::error::AppError;
use crate::features::articles::model::Paged;

/// The signed-in staff member and their sections; 401 when signed out, 403 for a
/// member (no admin pages for readers).
#[server(input = GetUrl)]
pub async fn get_admin_me() -> Result<AdminMe, AppError> {
    use crate::error::fail;
    use crate::features::accounts::{Permission, auth};
    let user = auth::require(Permission::UseAdmin).await.map_err(fail)?;
    let mut sections = vec![("/quan-tri".to_string(), "Tổng quan".to_string())];
    let mut add = |href: &str, label: &str| sections.push((href.into(), label.into()));
    if user.can(Permission::WriteOwnDrafts) {
        add("/quan-tri/bai-viet", "Bài viết");
        add("/quan-tri/bai-viet/moi", "Viết bài mới");
    }
    if user.can(Permission::ModerateComments) {
        add("/quan-tri/y-kien", "Ý kiến bạn đọc");
    }
    if user.can(Permission::ManageCategories) {
        add("/quan-tri/chuyen-muc", "Chuyên mục");
    }
    if user.can(Permission::ManageUsers) {
        add("/quan-tri/nguoi-dung", "Người dùng");
    }
    if user.can(Permission::ReadAuditLog) {
        add("/quan-tri/nhat-ky", "Nhật ký");
    }
    Ok(AdminMe {
        display_name: user.display_name,
        role_label: user.role.label().into(),
        sections,
    })
}

/// One page of the audit log (admin and editor-in-chief).
#[server(input = GetUrl)]
pub async fn get_audit_log(page: u32) -> Result<Paged<AuditEntry>, AppError> {
    use crate::error::fail;
    use crate::features::accounts::{Permission, auth};
    let ctx = crate::state::app_context()?;
    auth::require(Permission::ReadAuditLog)
        .await
        .map_err(fail)?;
    let page = page.clamp(1, crate::features::articles::model::MAX_PAGE);
    let list = super::store::page(&ctx.pool, page).await?;
    if page > list.pages {
        return Err(fail(AppError::NotFound));
    }
    Ok(list)
}
