//! The media library's strings: why an upload was refused (given to the uploader in
//! Vietnamese, or English for an English client) and, later, the library's own page.
//! A string with `{}` is a template: `fill(tmd().x, &[&a])`.

use super::{Lang, lang};

/// Every string of the media library.
#[derive(Debug)]
pub struct MediaStrings {
    pub unknown_type: &'static str,
    pub svg_refused: &'static str,
    pub name_mismatch: &'static str,
    pub bad_name: &'static str,
    pub damaged: &'static str,
    pub too_many_pixels: &'static str,
    pub too_big: &'static str,
    pub write_failed: &'static str,
    pub nothing_sent: &'static str,
}

static MEDIA_VI: MediaStrings = MediaStrings {
    unknown_type: "Không nhận loại tệp này: chỉ nhận ảnh JPEG, PNG, WebP, GIF và tài liệu PDF, DOCX, XLSX, ODT",
    svg_refused: "Không nhận ảnh SVG tải lên (tệp SVG có thể chứa mã chạy trong trình duyệt); hãy dùng PNG hoặc JPEG",
    name_mismatch: "Tên tệp có đuôi .{} nhưng nội dung là {}: hãy đặt lại tên đúng loại tệp",
    bad_name: "Tên tệp không hợp lệ",
    damaged: "Tệp bị hỏng hoặc tải lên chưa trọn vẹn; hãy thử tải lại",
    too_many_pixels: "Ảnh quá lớn: {} × {} điểm ảnh (tối đa {} megapixel)",
    too_big: "Tệp quá lớn (tối đa {} MB cho loại tệp này)",
    write_failed: "Không ghi được tệp: {}",
    nothing_sent: "Chưa có tệp nào được gửi lên",
};

static MEDIA_EN: MediaStrings = MediaStrings {
    unknown_type: "This type of file is not accepted: JPEG, PNG, WebP and GIF pictures and PDF, DOCX, XLSX and ODT documents only",
    svg_refused: "SVG pictures are not accepted as uploads (an SVG file can carry scripts); please use PNG or JPEG",
    name_mismatch: "The file name ends in .{} but the file is {}: please rename it to its real type",
    bad_name: "The file name is not valid",
    damaged: "The file is damaged or was not uploaded in full; please try again",
    too_many_pixels: "The picture is too large: {} × {} pixels ({} megapixels at most)",
    too_big: "The file is too large ({} MB at most for this kind of file)",
    write_failed: "The file could not be written: {}",
    nothing_sent: "No file was sent",
};

/// The media library's strings in the current language.
pub fn tmd() -> &'static MediaStrings {
    match lang() {
        Lang::Vi => &MEDIA_VI,
        Lang::En => &MEDIA_EN,
    }
}
