//! The portal's identity and settings as every layer sees them: its name and contact
//! details, how readers take part (server-side only), and what every page frame needs
//! (`SiteInfo`, with the menu as plain links).

use serde::{Deserialize, Serialize};

/// A menu entry: a name, where it leads, and the entries under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenuItem {
    pub name: String,
    pub href: String,
    pub children: Vec<MenuItem>,
}

/// The portal's identity and contact details (from toasoan.toml `[site]`, or defaults).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SiteConfig {
    /// "Cổng thông tin điện tử Đảng bộ tỉnh …"
    pub name: String,
    /// The line under the name.
    pub subtitle: String,
    /// Absolute address of the portal, without a trailing slash, for canonical links.
    pub base_url: String,
    /// One sentence for meta descriptions of pages that have none of their own.
    pub description: String,
    pub agency: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub responsible: String,
    pub license: String,
    /// Minutes without activity before a signed-in user is warned ("Bạn đã không sử
    /// dụng Site…") and, after a 60-second countdown, signed out.
    pub session_idle_minutes: u32,
}

impl SiteConfig {
    /// An absolute address on this portal.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url.trim_end_matches('/'), path)
    }
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            name: "Cổng thông tin điện tử Đảng bộ tỉnh".into(),
            subtitle: "Trang trình diễn Tòa Soạn".into(),
            base_url: "http://127.0.0.1:3000".into(),
            description:
                "Kênh thông tin chính thống của Đảng bộ tỉnh: tin hoạt động cấp ủy, xây dựng Đảng, \
                          thời sự, nhân sự mới và chuyển đổi số."
                    .into(),
            agency: "Cơ quan thường trực: Ban Tuyên giáo Tỉnh ủy".into(),
            address: "Số 1 đường Trần Hưng Đạo, phường Trung Tâm, thành phố Tỉnh Lỵ".into(),
            phone: "0200 3 868 868".into(),
            email: "bbt@congthongtin.example.vn".into(),
            responsible: "Trưởng Ban Biên tập Cổng thông tin điện tử".into(),
            license: "Trang trình diễn, không phải cơ quan báo chí".into(),
            session_idle_minutes: 20,
        }
    }
}

/// How readers take part, and the limits that keep it clean (toasoan.toml
/// `[participation]`). Server-side only: never sent to browsers (the banned words
/// stay private).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ParticipationConfig {
    /// New comments wait for a moderator (true) or appear at once (false; comments
    /// with a banned word still wait).
    pub comments_need_approval: bool,
    /// Words that hold a comment for moderation (matched case- and tone-insensitively).
    pub banned_words: Vec<String>,
    /// A comment form sent sooner than this after the page was made is refused.
    pub min_fill_seconds: u32,
    /// Rate limits per `limit_window_minutes`: comments per visitor and per address,
    /// ratings per visitor and per address (an office behind one address counts as one).
    pub comments_per_visitor: u32,
    pub comments_per_address: u32,
    pub ratings_per_visitor: u32,
    pub ratings_per_address: u32,
    /// Quiz attempts started per visitor and per address.
    pub quiz_starts_per_visitor: u32,
    pub quiz_starts_per_address: u32,
    pub limit_window_minutes: u32,
    /// One visitor's views of an article count once in this many hours.
    pub view_dedupe_hours: u32,
    /// How often counted views are written to the database.
    pub view_flush_seconds: u32,
    /// Feedback not answered after this many days stands out as overdue.
    pub feedback_overdue_days: u32,
}

impl Default for ParticipationConfig {
    fn default() -> Self {
        ParticipationConfig {
            comments_need_approval: true,
            banned_words: Vec::new(),
            min_fill_seconds: 3,
            comments_per_visitor: 5,
            comments_per_address: 30,
            ratings_per_visitor: 30,
            ratings_per_address: 300,
            quiz_starts_per_visitor: 10,
            quiz_starts_per_address: 2000,
            limit_window_minutes: 10,
            view_dedupe_hours: 6,
            view_flush_seconds: 10,
            feedback_overdue_days: 15,
        }
    }
}

/// What every page frame needs: identity, today's date, and the menu.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub config: SiteConfig,
    /// "Thứ ba, ngày 24/11/2026"
    pub today: String,
    pub menu: Vec<MenuItem>,
}

impl SiteInfo {
    /// An absolute address on this portal.
    pub fn url(&self, path: &str) -> String {
        self.config.url(path)
    }
}
