//! Types of the admin frame and the audit log.

use serde::{Deserialize, Serialize};

/// The signed-in staff member and the sections their role opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminMe {
    pub display_name: String,
    pub role_label: String,
    /// (address, label) of each section this role may open.
    pub sections: Vec<(String, String)>,
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
