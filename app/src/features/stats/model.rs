//! Statistics' shared types: the "Thống kê truy cập" block's numbers, and the admin's
//! report for a period (visits and page views per day, the most read, where readers
//! came from, phones and desktops).

use serde::{Deserialize, Serialize};

/// The admin's statistics page.
pub const ADMIN_STATS_PATH: &str = "/quan-tri/thong-ke";
/// The block's numbers, as the small page every page's footer frames.
pub const FRAGMENT_PATH: &str = "/thong-ke-truy-cap";
/// Days a report covers when none are asked.
pub const DEFAULT_DAYS: i64 = 30;
/// Days a report may cover at most.
pub const MAX_DAYS: i64 = 366;
/// Rows of each "most" table.
pub const TOP: i64 = 10;

/// The block's numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitBlock {
    /// Distinct visitors of the last five minutes.
    pub online: i64,
    /// Of whom search engines.
    pub bots: i64,
    pub today: i64,
    pub month: i64,
    pub total: i64,
}

impl VisitBlock {
    /// Of whom people.
    pub fn visitors(&self) -> i64 {
        self.online - self.bots
    }
}

/// One day of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayRow {
    /// YYYYMMDD.
    pub day: i64,
    pub visits: i64,
    pub page_views: i64,
}

impl DayRow {
    /// "04/12".
    pub fn short(&self) -> String {
        format!("{:02}/{:02}", self.day % 100, self.day / 100 % 100)
    }

    /// "04/12/2026".
    pub fn long(&self) -> String {
        format!("{}/{}", self.short(), self.day / 10_000)
    }
}

/// A line of a "most" table: what, where it links, how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranked {
    pub label: String,
    pub href: Option<String>,
    pub count: i64,
}

/// The report of a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsReport {
    /// YYYY-MM-DD, as the form shows them.
    pub from: String,
    pub to: String,
    /// Every day of the period, the empty ones too.
    pub days: Vec<DayRow>,
    pub visits: i64,
    pub page_views: i64,
    pub phone_visits: i64,
    pub desktop_visits: i64,
    pub bot_views: i64,
    pub articles: Vec<Ranked>,
    pub categories: Vec<Ranked>,
    pub referrers: Vec<Ranked>,
    /// Why the dates asked were not used, if so.
    pub error: Option<String>,
}
