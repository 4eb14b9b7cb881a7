//! Search's strings: the header's box, the results page, its filters and why a filter
//! was refused. A string with `{}` is a template: `fill(tsr().x, &[&a])`.

use super::{Lang, lang};

/// Every string of search.
#[derive(Debug)]
pub struct SearchStrings {
    pub label: &'static str,
    pub form_label: &'static str,
    pub placeholder: &'static str,
    pub button: &'static str,
    pub title: &'static str,
    pub title_for: &'static str,
    pub intro: &'static str,
    pub tips: &'static str,
    pub found: &'static str,
    pub found_more: &'static str,
    pub none: &'static str,
    pub none_hint: &'static str,
    pub filters: &'static str,
    pub kind_label: &'static str,
    pub kind_all: &'static str,
    /// Bài viết, văn bản, hỏi – đáp (in `Kind::KINDS`' order).
    pub kinds: [&'static str; 3],
    pub category_label: &'static str,
    pub category_all: &'static str,
    pub from_label: &'static str,
    pub to_label: &'static str,
    pub clear: &'static str,
    pub date_invalid: &'static str,
    pub dates_backwards: &'static str,
    pub category_unknown: &'static str,
    pub suggestions: &'static str,
    pub results: &'static str,
}

static SR_VI: SearchStrings = SearchStrings {
    label: "Tìm kiếm",
    form_label: "Tìm kiếm và lọc kết quả",
    placeholder: "Tìm bài viết, văn bản, hỏi đáp…",
    button: "Tìm",
    title: "Tìm kiếm",
    title_for: "Tìm kiếm: {}",
    intro: "Tìm trong bài viết, văn bản và các câu hỏi đã được trả lời của cổng thông tin.",
    tips: "Gõ có dấu hay không dấu đều được: \"xay dung dang\" cũng tìm thấy \"Xây dựng Đảng\". Gõ đúng dấu thì các kết quả đúng dấu được xếp trước.",
    found: "Tìm thấy {} kết quả cho «{}».",
    found_more: "Có hơn {} kết quả cho «{}»: thêm từ hoặc dùng bộ lọc để thu hẹp.",
    none: "Không tìm thấy kết quả nào cho «{}».",
    none_hint: "Hãy thử từ khác, bớt từ hoặc bỏ bộ lọc.",
    filters: "Lọc kết quả",
    kind_label: "Loại",
    kind_all: "Tất cả",
    kinds: ["Bài viết", "Văn bản", "Hỏi – Đáp"],
    category_label: "Chuyên mục",
    category_all: "Tất cả chuyên mục",
    from_label: "Từ ngày",
    to_label: "Đến ngày",
    clear: "Bỏ lọc",
    date_invalid: "Ngày không hợp lệ: hãy chọn ngày theo lịch.",
    dates_backwards: "\"Từ ngày\" phải trước hoặc bằng \"Đến ngày\".",
    category_unknown: "Chuyên mục này không có trên cổng.",
    suggestions: "Gợi ý",
    results: "Kết quả tìm kiếm",
};

static SR_EN: SearchStrings = SearchStrings {
    label: "Search",
    form_label: "Search and filter the results",
    placeholder: "Search articles, documents, Q&A…",
    button: "Search",
    title: "Search",
    title_for: "Search: {}",
    intro: "Search the portal's articles, documents and answered questions.",
    tips: "Type with or without Vietnamese tones: \"xay dung dang\" also finds \"Xây dựng Đảng\". Typed with tones, results with the same tones come first.",
    found: "{} results for «{}».",
    found_more: "More than {} results for «{}»: add words or use the filters to narrow them.",
    none: "Nothing found for «{}».",
    none_hint: "Try other words, fewer words, or clear the filters.",
    filters: "Filter results",
    kind_label: "Type",
    kind_all: "All",
    kinds: ["Articles", "Documents", "Q&A"],
    category_label: "Category",
    category_all: "All categories",
    from_label: "From",
    to_label: "To",
    clear: "Clear filters",
    date_invalid: "That date is not valid: pick one from the calendar.",
    dates_backwards: "\"From\" must be on or before \"To\".",
    category_unknown: "There is no such category on the portal.",
    suggestions: "Suggestions",
    results: "Search results",
};

/// Search's strings in the request's language.
pub fn tsr() -> &'static SearchStrings {
    match lang() {
        Lang::Vi => &SR_VI,
        Lang::En => &SR_EN,
    }
}
