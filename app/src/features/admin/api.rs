//! Server functions of the admin frame.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::AdminMe;
use crate::core::error::AppError;

/// The signed-in staff member and their sections; 401 when signed out, 403 for a
/// member (no admin pages for readers).
#[server(input = GetUrl)]
pub async fn get_admin_me() -> Result<AdminMe, AppError> {
    use crate::features::accounts::{Permission, auth};
    let user = auth::require(Permission::UseAdmin).await?;
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
