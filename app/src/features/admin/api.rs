//! Server functions of the admin frame.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::AdminMe;
use crate::core::error::AppError;

/// The signed-in staff member and their sections; 401 when signed out, 403 for a
/// member (no admin pages for readers).
#[server(input = GetUrl)]
pub async fn get_admin_me() -> Result<AdminMe, AppError> {
    use crate::features::accounts::{Permission, Scope, auth};
    use crate::i18n::ta;
    let user = auth::require(Permission::UseAdmin).await?;
    let portal = crate::core::state::app_context()?.site.name.clone();
    let mut sections = vec![("/quan-tri".to_string(), ta().nav_overview.to_string())];
    let mut add = |href: &str, label: &str| sections.push((href.into(), label.into()));
    let desk = user.works_at_desk();
    if desk {
        add("/quan-tri/bai-viet", ta().nav_articles);
    }
    if user.can_in(Permission::WriteOwnDrafts, Scope::Anywhere) {
        add("/quan-tri/bai-viet/moi", ta().nav_new_article);
    }
    if user.can(Permission::WriteOwnDrafts) {
        add("/quan-tri/thu-vien", crate::i18n::tmd().nav_media);
    }
    if user.can(Permission::EditAnyArticle) {
        add(
            crate::features::polls::ADMIN_POLLS_PATH,
            crate::i18n::tpl().nav,
        );
    }
    if user.can(Permission::ManageContests) {
        add(
            crate::features::contests::ADMIN_CONTESTS_PATH,
            crate::i18n::tqz().nav,
        );
    }
    if user.can(Permission::ManageDocuments) {
        add("/quan-tri/van-ban", crate::i18n::tdoc().nav);
    }
    if user.can(Permission::ModerateComments) {
        add("/quan-tri/y-kien", ta().nav_comments);
        add(
            crate::features::questions::ADMIN_QA_PATH,
            crate::i18n::tqa().admin_title,
        );
        add(
            crate::features::feedback::ADMIN_FEEDBACK_PATH,
            crate::i18n::tfb().admin_title,
        );
    }
    if user.can(Permission::ManageCategories) {
        add("/quan-tri/chuyen-muc", ta().nav_categories);
    }
    if user.can(Permission::ManageUsers) {
        add("/quan-tri/nguoi-dung", ta().nav_users);
    }
    if user.can(Permission::ReadAuditLog) {
        add("/quan-tri/nhat-ky", ta().nav_audit);
    }
    if user.can(Permission::ViewStatistics) {
        add(
            crate::features::stats::model::ADMIN_STATS_PATH,
            crate::i18n::tst().nav,
        );
    }
    Ok(AdminMe {
        portal,
        can_search: desk,
        display_name: user.display_name,
        role_label: user.role.label().into(),
        sections,
    })
}
