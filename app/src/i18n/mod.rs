//! Interface strings: Vietnamese (the default) and English. Components take their words
//! from here, never from literals scattered in views.

/// Every string the public interface shows.
#[derive(Debug)]
pub struct Strings {
    pub lang: &'static str,
    pub home: &'static str,
    pub menu: &'static str,
    pub close_menu: &'static str,
    pub main_menu: &'static str,
    pub skip_to_content: &'static str,
    pub featured_news: &'static str,
    pub latest_news: &'static str,
    pub see_more: &'static str,
    pub related_news: &'static str,
    pub source: &'static str,
    pub tags: &'static str,
    pub topics: &'static str,
    pub topic: &'static str,
    pub tag: &'static str,
    pub views: &'static str,
    pub comments: &'static str,
    pub subcategories: &'static str,
    pub breadcrumb: &'static str,
    pub page: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub pagination: &'static str,
    pub no_articles: &'static str,
    pub loading: &'static str,
    pub photo_credit: &'static str,
    pub contact: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub responsible: &'static str,
    pub license: &'static str,
    pub categories: &'static str,
    pub print: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
    pub error_title: &'static str,
    pub error_body: &'static str,
    pub forbidden: &'static str,
    pub too_many: &'static str,
    pub internal_error: &'static str,
    pub network_error: &'static str,
    pub invalid_request: &'static str,
    pub video: &'static str,
    pub weekdays: [&'static str; 7],
}

/// Vietnamese, the portal's language.
pub const VI: Strings = Strings {
    lang: "vi",
    home: "Trang chủ",
    menu: "Danh mục",
    close_menu: "Đóng danh mục",
    main_menu: "Danh mục chính",
    skip_to_content: "Bỏ qua, đến nội dung chính",
    featured_news: "Tin nổi bật",
    latest_news: "Tin mới nhất",
    see_more: "Xem thêm",
    related_news: "Tin liên quan",
    source: "Nguồn tin",
    tags: "Từ khóa",
    topics: "Chuyên đề",
    topic: "Chuyên đề",
    tag: "Từ khóa",
    views: "Lượt xem",
    comments: "Bình luận",
    subcategories: "Chuyên mục con",
    breadcrumb: "Đường dẫn",
    page: "Trang",
    previous_page: "Trang trước",
    next_page: "Trang sau",
    pagination: "Phân trang",
    no_articles: "Chưa có bài viết nào.",
    loading: "Đang tải…",
    photo_credit: "Ảnh",
    contact: "Liên hệ",
    address: "Địa chỉ",
    phone: "Điện thoại",
    email: "Thư điện tử",
    responsible: "Chịu trách nhiệm nội dung",
    license: "Giấy phép",
    categories: "Chuyên mục",
    print: "In bài viết",
    not_found_title: "Không tìm thấy trang",
    not_found_body: "Trang bạn tìm không tồn tại hoặc đã được gỡ bỏ. Vui lòng kiểm tra lại đường dẫn.",
    back_home: "Về trang chủ",
    error_title: "Đã có lỗi xảy ra",
    error_body: "Hệ thống gặp sự cố khi hiển thị trang này. Vui lòng thử lại sau ít phút.",
    forbidden: "Bạn không có quyền thực hiện thao tác này",
    too_many: "Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút",
    internal_error: "Đã có lỗi xảy ra, vui lòng thử lại sau",
    network_error: "Không kết nối được tới máy chủ, vui lòng kiểm tra đường truyền",
    invalid_request: "Yêu cầu không hợp lệ",
    video: "Video",
    weekdays: [
        "Thứ hai",
        "Thứ ba",
        "Thứ tư",
        "Thứ năm",
        "Thứ sáu",
        "Thứ bảy",
        "Chủ nhật",
    ],
};

/// English, the second language.
pub const EN: Strings = Strings {
    lang: "en",
    home: "Home",
    menu: "Sections",
    close_menu: "Close sections",
    main_menu: "Main sections",
    skip_to_content: "Skip to main content",
    featured_news: "Featured",
    latest_news: "Latest news",
    see_more: "More",
    related_news: "Related news",
    source: "Source",
    tags: "Tags",
    topics: "Topics",
    topic: "Topic",
    tag: "Tag",
    views: "Views",
    comments: "Comments",
    subcategories: "Subsections",
    breadcrumb: "Breadcrumb",
    page: "Page",
    previous_page: "Previous page",
    next_page: "Next page",
    pagination: "Pagination",
    no_articles: "No articles yet.",
    loading: "Loading…",
    photo_credit: "Photo",
    contact: "Contact",
    address: "Address",
    phone: "Phone",
    email: "Email",
    responsible: "Editor responsible",
    license: "Licence",
    categories: "Sections",
    print: "Print",
    not_found_title: "Page not found",
    not_found_body: "The page you are looking for does not exist or has been removed.",
    back_home: "Back to the home page",
    error_title: "Something went wrong",
    error_body: "The page could not be shown. Please try again in a few minutes.",
    forbidden: "You are not allowed to do this",
    too_many: "Too many requests, please try again in a few minutes",
    internal_error: "Something went wrong, please try again later",
    network_error: "Could not reach the server",
    invalid_request: "Invalid request",
    video: "Video",
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
};

/// The strings of the interface language. The portal speaks Vietnamese; English is
/// kept complete so a second-language edition is a switch, not a rewrite.
pub fn t() -> &'static Strings {
    &VI
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_name_all_weekdays_distinctly() {
        for s in [&VI, &EN] {
            let mut days = s.weekdays.to_vec();
            days.sort();
            days.dedup();
            assert_eq!(days.len(), 7, "{}", s.lang);
        }
        assert_eq!(t().lang, "vi");
    }
}
