//! Types of the audit log.

use serde::{Deserialize, Serialize};

/// One stored line of the log, as the store reads it: an administrative action, or an
/// article's status change (`kind` "article", with its from/to status codes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub at: i64,
    pub actor: Option<String>,
    /// What made a status change when no person did ("import", "scheduler"…).
    pub origin: String,
    pub kind: String,
    pub target: String,
    pub from_status: String,
    pub to_status: String,
    pub detail: String,
    pub article_id: i64,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// "24/02/2021 01:52"
    pub at: String,
    pub actor: Option<String>,
    pub what: String,
    pub detail: String,
    /// The desk page of the article concerned, for workflow events.
    pub href: Option<String>,
}

/// What an administrative action code means.
pub fn action_label(code: &str) -> &'static str {
    match code {
        "admin.setup" => "Thiết lập quản trị viên đầu tiên",
        "user.create" => "Tạo tài khoản",
        "user.update" => "Sửa tài khoản",
        "user.reset_link" => "Cấp liên kết đặt lại mật khẩu",
        "user.password_set" => "Đặt mật khẩu bằng liên kết một lần",
        "category.create" => "Tạo chuyên mục",
        "category.update" => "Sửa chuyên mục",
        "category.move" => "Đổi thứ tự chuyên mục",
        "category.delete" => "Xóa chuyên mục",
        "comment.approve" => "Duyệt ý kiến bạn đọc",
        "comment.reject" => "Từ chối ý kiến bạn đọc",
        "comment.spam" => "Đánh dấu ý kiến là thư rác",
        "comment.edit" => "Sửa ý kiến bạn đọc",
        "comment.reply" => "Trả lời ý kiến (Ban Biên tập)",
        _ => "Thao tác quản trị",
    }
}
