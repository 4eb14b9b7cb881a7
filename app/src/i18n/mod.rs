//! Interface strings: Vietnamese (the default) and English. Every string a person sees
//! comes from here, never from literals scattered in views, models or server code
//! (`app/tests/i18n.rs` fails on one): the reader's interface (`t()`), messages and
//! labels shared by readers and staff (`tm()`, in `messages.rs`), and the admin
//! area (`ta()`, in `admin.rs`, Vietnamese only).
//!
//! The language of a request is chosen by `?hl=en` / `?hl=vi` or the cookie that
//! choice leaves (`toasoan_ngon_ngu`); the server puts it into the request
//! (`Lang` in the request's extensions) and writes it into `<html lang>`, which is
//! where the browser's side reads it.

pub mod admin;
pub mod contests;
pub mod documents;
pub mod editor;
pub mod feedback;
pub mod media;
pub mod messages;
pub mod polls;
pub mod qa;
pub mod search;
pub mod stats;

pub use admin::ta;
pub use contests::tqz;
pub use documents::{tdoc, tdoc_stored};
pub use editor::te;
pub use feedback::{tfb, tfb_stored};
pub use media::{tmd, tmd_stored};
pub use messages::tm;
pub use polls::tpl;
pub use qa::{tqa, tqa_stored};
pub use search::tsr;
pub use stats::tst;

/// The interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 code: "vi", "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// How the portals credit a photo at the end of its caption ("Quang cảnh. Ảnh: Mai
/// Tưởng"): read by the Markdown and HTML converters, written by the exporter.
pub const PHOTO_CREDIT: &str = "Ảnh:";

/// Link texts that say nothing of where they lead (the editor warns of them): a reader
/// of a screen reader's list of links hears only these. Compared in lower case.
pub const VAGUE_LINK_TEXTS: &[&str] = &[
    "bấm vào đây",
    "bấm đây",
    "nhấn vào đây",
    "nhấn đây",
    "click vào đây",
    "tại đây",
    "xem tại đây",
    "đây",
    "xem thêm",
    "chi tiết",
    "link",
    "click here",
    "here",
    "read more",
    "more",
];

/// The cookie that keeps a reader's choice of language.
pub const LANG_COOKIE: &str = "toasoan_ngon_ngu";
/// The query parameter that chooses a language for a page (and keeps the choice).
pub const LANG_PARAM: &str = "hl";

/// The language of the current request (server) or page (browser); Vietnamese
/// outside any request.
pub fn lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::with_context::<http::request::Parts, _>(|p| {
            p.extensions.get::<Lang>().copied()
        })
        .flatten()
        .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        thread_local! {
            static PAGE: Lang = leptos::prelude::document()
                .document_element()
                .and_then(|e| e.get_attribute("lang"))
                .and_then(|l| Lang::parse(&l))
                .unwrap_or_default();
        }
        PAGE.with(|l| *l)
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::Vi
    }
}

/// Fills the `{}` of a string from the table with `args`, in order:
/// `fill(tm().too_long, &[&"Tiêu đề", &300])`.
pub fn fill(template: &str, args: &[&(dyn std::fmt::Display + Sync)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        if let Some(a) = args.next() {
            out.push_str(&a.to_string());
        }
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

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
    pub forbidden: &'static str,
    pub too_many: &'static str,
    pub internal_error: &'static str,
    pub network_error: &'static str,
    pub invalid_request: &'static str,
    pub video: &'static str,
    pub document_ref: &'static str,
    pub document_issued: &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub sign_in_required: &'static str,
    pub username: &'static str,
    pub password: &'static str,
    pub account: &'static str,
    pub role: &'static str,
    pub permissions: &'static str,
    pub change_password: &'static str,
    pub current_password: &'static str,
    pub new_password: &'static str,
    pub confirm_password: &'static str,
    pub sign_in_intro: &'static str,
    pub signing_in: &'static str,
    pub saving: &'static str,
    pub rating_title: &'static str,
    pub rating_total: &'static str,
    pub rating_in: &'static str,
    pub rating_votes: &'static str,
    pub rating_average: &'static str,
    pub rating_none: &'static str,
    pub rating_prompt: &'static str,
    pub rating_thanks: &'static str,
    pub rating_closed: &'static str,
    pub stars: &'static str,
    pub reader_comments: &'static str,
    pub no_comments: &'static str,
    pub comments_closed: &'static str,
    pub comment_pending: &'static str,
    pub comment_published: &'static str,
    pub comment_by: &'static str,
    pub board_reply: &'static str,
    pub reply: &'static str,
    pub reply_to: &'static str,
    pub cancel_reply: &'static str,
    pub report: &'static str,
    pub reported: &'static str,
    pub report_thanks: &'static str,
    pub send_comment: &'static str,
    pub sending: &'static str,
    pub your_name: &'static str,
    pub your_email: &'static str,
    pub email_hint: &'static str,
    pub your_comment: &'static str,
    pub comment_hint: &'static str,
    pub honeypot_label: &'static str,
    pub share: &'static str,
    pub share_native: &'static str,
    pub share_zalo: &'static str,
    pub share_facebook: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub qr_alt: &'static str,
    pub qr_caption: &'static str,
    pub print_view: &'static str,
    pub print_now: &'static str,
    pub back_to_article: &'static str,
    pub article_address: &'static str,
    pub most_read: &'static str,
    pub most_commented: &'static str,
    pub reads: &'static str,
    pub comments_unit: &'static str,
    /// The lock mark of an article for members only, in lists and on its page.
    pub members_only: &'static str,
    pub sidebar: &'static str,
    pub weekdays: [&'static str; 7],
    pub err_invalid_title: &'static str,
    pub err_invalid_body: &'static str,
    pub err_sign_in_title: &'static str,
    pub err_sign_in_body: &'static str,
    pub err_forbidden_title: &'static str,
    pub err_forbidden_body: &'static str,
    pub err_conflict_title: &'static str,
    pub err_conflict_body: &'static str,
    pub err_too_many_title: &'static str,
    pub err_too_many_body: &'static str,
    pub err_internal_title: &'static str,
    pub err_internal_body: &'static str,
    pub err_network_title: &'static str,
    pub admin_title_suffix: &'static str,
    /// This language's name, in itself.
    pub language_name: &'static str,
    pub guard_refused: &'static str,
    pub guard_stale_form: &'static str,
    pub guard_too_fast: &'static str,
    pub guard_banned_word: &'static str,
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
    views: "Số lần đọc",
    comments: "Ý kiến",
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
    print: "Bản in",
    not_found_title: "Không tìm thấy trang",
    not_found_body: "Trang bạn tìm không tồn tại hoặc đã được gỡ bỏ. Vui lòng kiểm tra lại đường dẫn.",
    back_home: "Về trang chủ",
    forbidden: "Bạn không có quyền thực hiện thao tác này",
    too_many: "Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút",
    internal_error: "Đã có lỗi xảy ra, vui lòng thử lại sau",
    network_error: "Không kết nối được tới máy chủ, vui lòng kiểm tra đường truyền",
    invalid_request: "Yêu cầu không hợp lệ",
    video: "Video",
    document_ref: "Văn bản",
    document_issued: "Ban hành ngày",
    sign_in: "Đăng nhập",
    sign_out: "Đăng xuất",
    sign_in_required: "Vui lòng đăng nhập để tiếp tục",
    username: "Tên đăng nhập",
    password: "Mật khẩu",
    account: "Tài khoản",
    role: "Vai trò",
    permissions: "Quyền",
    change_password: "Đổi mật khẩu",
    current_password: "Mật khẩu hiện tại",
    new_password: "Mật khẩu mới",
    confirm_password: "Nhập lại mật khẩu mới",
    sign_in_intro: "Dành cho Ban Biên tập, cộng tác viên và thành viên của cổng.",
    signing_in: "Đang đăng nhập…",
    saving: "Đang lưu…",
    rating_title: "Đánh giá bài viết",
    rating_total: "Tổng số điểm của bài viết là:",
    rating_in: "trong",
    rating_votes: "đánh giá",
    rating_average: "trung bình",
    rating_none: "Bài viết chưa có đánh giá nào. Hãy là người đầu tiên!",
    rating_prompt: "Click để đánh giá bài viết:",
    rating_thanks: "Cảm ơn bạn đã đánh giá bài viết:",
    rating_closed: "Bài viết này không nhận đánh giá.",
    stars: "sao",
    reader_comments: "Ý kiến bạn đọc",
    no_comments: "Chưa có ý kiến nào. Mời bạn gửi ý kiến đầu tiên.",
    comments_closed: "Bài viết này đã đóng ý kiến bạn đọc.",
    comment_pending: "Ý kiến của bạn đang chờ duyệt. Ban Biên tập sẽ đăng sau khi xem xét.",
    comment_published: "Ý kiến của bạn đã được đăng. Cảm ơn bạn!",
    comment_by: "Ý kiến của",
    board_reply: "Ban Biên tập",
    reply: "Trả lời",
    reply_to: "Trả lời ý kiến của",
    cancel_reply: "Hủy trả lời",
    report: "Báo cáo vi phạm",
    reported: "Đã báo cáo",
    report_thanks: "Cảm ơn bạn đã báo cáo. Ban Biên tập sẽ xem xét ý kiến này.",
    send_comment: "Gửi ý kiến",
    sending: "Đang gửi…",
    your_name: "Họ và tên",
    your_email: "Thư điện tử (không bắt buộc)",
    email_hint: "Địa chỉ thư không hiển thị trên trang.",
    your_comment: "Ý kiến của bạn",
    comment_hint: "Từ 5 đến 2.000 ký tự, chỉ văn bản; liên kết http(s) được giữ. Ý kiến được Ban Biên tập duyệt trước khi đăng.",
    honeypot_label: "Để trống ô này",
    share: "Chia sẻ bài viết",
    share_native: "Chia sẻ…",
    share_zalo: "Zalo",
    share_facebook: "Facebook",
    copy_link: "Sao chép liên kết",
    link_copied: "Đã sao chép liên kết",
    qr_alt: "Mã QR mở bài viết này trên điện thoại",
    qr_caption: "Quét mã QR để đọc trên điện thoại:",
    print_view: "Bản in",
    print_now: "In trang này",
    back_to_article: "Quay lại bài viết",
    article_address: "Địa chỉ bài viết:",
    most_read: "Đọc nhiều nhất",
    most_commented: "Nhiều ý kiến nhất",
    reads: "lượt đọc",
    comments_unit: "ý kiến",
    members_only: "Dành cho thành viên",
    sidebar: "Tin đọc nhiều",
    weekdays: [
        "Thứ hai",
        "Thứ ba",
        "Thứ tư",
        "Thứ năm",
        "Thứ sáu",
        "Thứ bảy",
        "Chủ nhật",
    ],
    err_invalid_title: "Yêu cầu không hợp lệ",
    err_invalid_body: "Cổng thông tin không nhận được yêu cầu này, vì lý do dưới đây. Nội dung đã lưu trước đó không bị ảnh hưởng.",
    err_sign_in_title: "Cần đăng nhập",
    err_sign_in_body: "Trang này chỉ dành cho người đã đăng nhập. Sau khi đăng nhập, bạn sẽ trở lại đúng trang này.",
    err_forbidden_title: "Không được phép",
    err_forbidden_body: "Tài khoản của bạn không được xem trang này hoặc làm thao tác này. Nếu công việc cần, hãy đề nghị quản trị hệ thống cấp quyền.",
    err_conflict_title: "Nội dung vừa thay đổi",
    err_conflict_body: "Người khác đã thay đổi nội dung này sau khi bạn mở trang.",
    err_too_many_title: "Xin chờ một chút",
    err_too_many_body: "Bạn đã gửi nhiều yêu cầu trong thời gian ngắn. Vui lòng chờ vài phút rồi thử lại.",
    err_internal_title: "Lỗi từ phía cổng thông tin",
    err_internal_body: "Đây là lỗi của hệ thống, không phải do bạn; lỗi đã được ghi lại. Vui lòng thử lại sau ít phút. Nếu lỗi còn, hãy báo Ban Biên tập kèm mã lỗi dưới đây.",
    err_network_title: "Mất kết nối",
    admin_title_suffix: "Quản trị",
    language_name: "Tiếng Việt",
    guard_refused: "Không gửi được ý kiến. Vui lòng tải lại trang và thử lại.",
    guard_stale_form: "Biểu mẫu không hợp lệ hoặc đã cũ. Vui lòng tải lại trang và gửi lại.",
    guard_too_fast: "Bạn gửi ý kiến quá nhanh. Vui lòng đọc lại ý kiến và gửi lại sau vài giây.",
    guard_banned_word: "Có từ bị cấm:",
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
    forbidden: "You are not allowed to do this",
    too_many: "Too many requests, please try again in a few minutes",
    internal_error: "Something went wrong, please try again later",
    network_error: "Could not reach the server",
    invalid_request: "Invalid request",
    video: "Video",
    document_ref: "Document",
    document_issued: "Issued on",
    sign_in: "Sign in",
    sign_out: "Sign out",
    sign_in_required: "Please sign in to continue",
    username: "User name",
    password: "Password",
    account: "Account",
    role: "Role",
    permissions: "Permissions",
    change_password: "Change password",
    current_password: "Current password",
    new_password: "New password",
    confirm_password: "Repeat the new password",
    sign_in_intro: "For the editorial board, contributors and members of the portal.",
    signing_in: "Signing in…",
    saving: "Saving…",
    rating_title: "Rate this article",
    rating_total: "Total score of this article:",
    rating_in: "from",
    rating_votes: "ratings",
    rating_average: "average",
    rating_none: "No ratings yet. Be the first!",
    rating_prompt: "Click to rate this article:",
    rating_thanks: "Thank you for rating:",
    rating_closed: "This article does not take ratings.",
    stars: "stars",
    reader_comments: "Readers' comments",
    no_comments: "No comments yet.",
    comments_closed: "Comments are closed for this article.",
    comment_pending: "Your comment is awaiting moderation.",
    comment_published: "Your comment has been published. Thank you!",
    comment_by: "Comment by",
    board_reply: "Editorial board",
    reply: "Reply",
    reply_to: "Reply to",
    cancel_reply: "Cancel reply",
    report: "Report",
    reported: "Reported",
    report_thanks: "Thank you, the editorial board will review this comment.",
    send_comment: "Send a comment",
    sending: "Sending…",
    your_name: "Your name",
    your_email: "E-mail (optional)",
    email_hint: "Never shown on the page.",
    your_comment: "Your comment",
    comment_hint: "5 to 2,000 characters, plain text. Comments are moderated.",
    honeypot_label: "Leave this empty",
    share: "Share this article",
    share_native: "Share…",
    share_zalo: "Zalo",
    share_facebook: "Facebook",
    copy_link: "Copy link",
    link_copied: "Link copied",
    qr_alt: "QR code that opens this article on a phone",
    qr_caption: "Scan to read on your phone:",
    print_view: "Print view",
    print_now: "Print this page",
    back_to_article: "Back to the article",
    article_address: "Address of this article:",
    most_read: "Most read",
    most_commented: "Most commented",
    reads: "reads",
    comments_unit: "comments",
    members_only: "Members only",
    sidebar: "Popular",
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    err_invalid_title: "The request was refused",
    err_invalid_body: "The portal could not accept this request, for the reason below. Nothing already saved was changed.",
    err_sign_in_title: "Please sign in",
    err_sign_in_body: "This page is for signed-in users. After signing in you come back to this very page.",
    err_forbidden_title: "Not allowed",
    err_forbidden_body: "Your account may not see this page or do this. If your work needs it, ask the administrator for the right.",
    err_conflict_title: "The content has just changed",
    err_conflict_body: "Someone else changed this after you opened the page.",
    err_too_many_title: "Please wait a moment",
    err_too_many_body: "You sent many requests in a short time. Please wait a few minutes and try again.",
    err_internal_title: "A fault on the portal's side",
    err_internal_body: "This is the system's fault, not yours, and it has been logged. Please try again in a few minutes; if it persists, tell the editorial board the error code below.",
    err_network_title: "Connection lost",
    admin_title_suffix: "Administration",
    language_name: "English",
    guard_refused: "Your message could not be sent. Please reload the page and try again.",
    guard_stale_form: "This form is invalid or too old. Please reload the page and send it again.",
    guard_too_fast: "That was sent too quickly. Please read it over and send it again in a few seconds.",
    guard_banned_word: "Contains a banned word:",
};

/// The reader's interface in the language of the current request.
pub fn t() -> &'static Strings {
    strings(lang())
}

/// The reader's interface in `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
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
        assert_eq!(strings(Lang::En).lang, "en");
    }

    #[test]
    fn templates_are_filled_in_order() {
        assert_eq!(
            fill("{} dài quá {} ký tự", &[&"Tiêu đề", &300]),
            "Tiêu đề dài quá 300 ký tự"
        );
        assert_eq!(fill("không có chỗ", &[&1]), "không có chỗ");
        assert_eq!(fill("{} và {}", &[&"một"]), "một và ");
    }
}
