//! Statistics' strings: the "Thống kê truy cập" block and the admin's statistics page.
//! A string with `{}` is a template: `fill(tst().x, &[&a])`.

use super::{Lang, lang};

/// Every string of statistics.
#[derive(Debug)]
pub struct StatsStrings {
    pub block_title: &'static str,
    pub online: &'static str,
    pub bots: &'static str,
    pub visitors: &'static str,
    pub today: &'static str,
    pub month: &'static str,
    pub total: &'static str,
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub show: &'static str,
    pub period_invalid: &'static str,
    pub period: &'static str,
    pub visits: &'static str,
    pub page_views: &'static str,
    pub chart_title: &'static str,
    pub chart_desc: &'static str,
    pub day: &'static str,
    pub per_day: &'static str,
    pub devices: &'static str,
    pub phones: &'static str,
    pub desktops: &'static str,
    pub robots: &'static str,
    pub top_articles: &'static str,
    pub top_categories: &'static str,
    pub referrers: &'static str,
    pub article: &'static str,
    pub category: &'static str,
    pub host: &'static str,
    pub reads: &'static str,
    pub pages_sent: &'static str,
    pub nothing: &'static str,
}

static ST_VI: StatsStrings = StatsStrings {
    block_title: "Thống kê truy cập",
    online: "Đang truy cập",
    bots: "Máy chủ tìm kiếm",
    visitors: "Khách viếng thăm",
    today: "Hôm nay",
    month: "Tháng hiện tại",
    total: "Tổng lượt truy cập",
    nav: "Thống kê",
    title: "Thống kê truy cập",
    intro: "Lượt truy cập (mỗi người đọc một lần mỗi ngày) và lượt xem trang theo ngày, bài viết và chuyên mục được đọc nhiều, nguồn giới thiệu, điện thoại và máy tính.",
    from: "Từ ngày",
    to: "Đến ngày",
    show: "Xem",
    period_invalid: "Khoảng ngày không hợp lệ (từ ngày phải trước đến ngày, tối đa một năm): đang hiển thị 30 ngày gần nhất.",
    period: "Từ {} đến {}",
    visits: "Lượt truy cập",
    page_views: "Lượt xem trang",
    chart_title: "Lượt truy cập và lượt xem trang theo ngày",
    chart_desc: "Cột: lượt truy cập mỗi ngày; đường: lượt xem trang. Số liệu từng ngày ở bảng bên cạnh.",
    day: "Ngày",
    per_day: "Theo ngày",
    devices: "Thiết bị",
    phones: "Điện thoại",
    desktops: "Máy tính",
    robots: "Lượt xem của máy chủ tìm kiếm",
    top_articles: "Bài viết được đọc nhiều",
    top_categories: "Chuyên mục được đọc nhiều",
    referrers: "Nguồn giới thiệu",
    article: "Bài viết",
    category: "Chuyên mục",
    host: "Trang web",
    reads: "Lượt đọc",
    pages_sent: "Lượt chuyển đến",
    nothing: "Chưa có số liệu trong khoảng này.",
};

static ST_EN: StatsStrings = StatsStrings {
    block_title: "Visitor statistics",
    online: "Online now",
    bots: "Search engines",
    visitors: "Visitors",
    today: "Today",
    month: "This month",
    total: "Total visits",
    nav: "Statistics",
    title: "Visitor statistics",
    intro: "Visits (each reader once a day) and page views per day, the most read articles and categories, referring sites, phones and desktops.",
    from: "From",
    to: "To",
    show: "Show",
    period_invalid: "That period is not valid (the start before the end, a year at most): showing the last 30 days.",
    period: "From {} to {}",
    visits: "Visits",
    page_views: "Page views",
    chart_title: "Visits and page views per day",
    chart_desc: "Bars: visits per day; line: page views. The numbers of each day are in the table beside it.",
    day: "Day",
    per_day: "Per day",
    devices: "Devices",
    phones: "Phones",
    desktops: "Desktops",
    robots: "Search engines' page views",
    top_articles: "Most read articles",
    top_categories: "Most read categories",
    referrers: "Referring sites",
    article: "Article",
    category: "Category",
    host: "Site",
    reads: "Reads",
    pages_sent: "Pages sent",
    nothing: "No numbers in this period yet.",
};

/// Statistics' strings in the request's language.
pub fn tst() -> &'static StatsStrings {
    strings(lang())
}

/// Statistics' strings in `lang` (outside a page's render).
pub fn strings(lang: Lang) -> &'static StatsStrings {
    match lang {
        Lang::Vi => &ST_VI,
        Lang::En => &ST_EN,
    }
}
