//! What the documents library knows of a document: its type and status, its number
//! and what the usual patterns let us read from it ("2466-QĐ/TU": serial 2466, type
//! QĐ, issuer TU; "3058/QĐ-UBND" for the State's), and the shapes the pages and the
//! admin form exchange with the server.

use serde::{Deserialize, Serialize};

use crate::core::paging::Paged;
use crate::i18n::tdoc;

/// The types of document the portals publish, with the abbreviation the numbers use
/// (Hướng dẫn 36-HD/VPTW for the Party's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocKind {
    NghiQuyet,
    QuyetDinh,
    ChiThi,
    KetLuan,
    QuyDinh,
    QuyChe,
    HuongDan,
    KeHoach,
    ChuongTrinh,
    ThongBao,
    ThongTri,
    ToTrinh,
    CongVan,
    BaoCao,
    BanTin,
}

impl DocKind {
    pub const ALL: [DocKind; 15] = [
        DocKind::NghiQuyet,
        DocKind::QuyetDinh,
        DocKind::ChiThi,
        DocKind::KetLuan,
        DocKind::QuyDinh,
        DocKind::QuyChe,
        DocKind::HuongDan,
        DocKind::KeHoach,
        DocKind::ChuongTrinh,
        DocKind::ThongBao,
        DocKind::ThongTri,
        DocKind::ToTrinh,
        DocKind::CongVan,
        DocKind::BaoCao,
        DocKind::BanTin,
    ];

    /// The code stored and used in addresses (`?loai=nghi-quyet`).
    pub fn code(self) -> &'static str {
        match self {
            DocKind::NghiQuyet => "nghi-quyet",
            DocKind::QuyetDinh => "quyet-dinh",
            DocKind::ChiThi => "chi-thi",
            DocKind::KetLuan => "ket-luan",
            DocKind::QuyDinh => "quy-dinh",
            DocKind::QuyChe => "quy-che",
            DocKind::HuongDan => "huong-dan",
            DocKind::KeHoach => "ke-hoach",
            DocKind::ChuongTrinh => "chuong-trinh",
            DocKind::ThongBao => "thong-bao",
            DocKind::ThongTri => "thong-tri",
            DocKind::ToTrinh => "to-trinh",
            DocKind::CongVan => "cong-van",
            DocKind::BaoCao => "bao-cao",
            DocKind::BanTin => "ban-tin",
        }
    }

    pub fn parse(code: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    /// Its name in the request's language ("Nghị quyết").
    pub fn label(self) -> &'static str {
        tdoc().kinds[self.index()]
    }

    /// Its name in the portal's own language, for what is stored (an article's
    /// document-reference block).
    pub fn stored_label(self) -> &'static str {
        crate::i18n::tdoc_stored().kinds[self.index()]
    }

    fn index(self) -> usize {
        DocKind::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// Whether a document still applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocStatus {
    InForce,
    /// Replaced by another document of the library.
    Replaced,
    Expired,
}

impl DocStatus {
    pub const ALL: [DocStatus; 3] = [DocStatus::InForce, DocStatus::Replaced, DocStatus::Expired];

    pub fn code(self) -> &'static str {
        match self {
            DocStatus::InForce => "con-hieu-luc",
            DocStatus::Replaced => "bi-thay-the",
            DocStatus::Expired => "het-hieu-luc",
        }
    }

    pub fn parse(code: &str) -> Option<DocStatus> {
        DocStatus::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            DocStatus::InForce => tdoc().status_in_force,
            DocStatus::Replaced => tdoc().status_replaced,
            DocStatus::Expired => tdoc().status_expired,
        }
    }
}

pub use crate::content::render::show_date;

/// A document in a list: the library's page, an article's "Văn bản liên quan", the
/// document-reference card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentCard {
    pub id: i64,
    pub slug: String,
    pub number: String,
    pub kind: DocKind,
    pub issuer: String,
    /// YYYY-MM-DD.
    pub issued_on: String,
    pub summary: String,
    pub status: DocStatus,
    pub members_only: bool,
}

impl DocumentCard {
    pub fn href(&self) -> String {
        document_href(&self.slug)
    }
}

pub use crate::core::links::document_href;

/// The library's page.
pub const DOCUMENTS_PATH: &str = "/van-ban";

/// One attached file, as the document's page offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentFile {
    pub media_id: i64,
    /// `/media/<file>` (sent as a download).
    pub src: String,
    /// The name it was uploaded with.
    pub name: String,
    pub mime: String,
    pub size_bytes: i64,
}

impl DocumentFile {
    pub fn is_pdf(&self) -> bool {
        self.mime == "application/pdf"
    }

    /// Where the browser's own viewer opens a PDF (sent inline).
    pub fn view_href(&self, slug: &str) -> String {
        format!("{}/tep/{}", document_href(slug), self.media_id)
    }

    /// "PDF", "DOCX"…: its type as readers know it.
    pub fn type_name(&self) -> String {
        self.src
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_uppercase())
            .unwrap_or_default()
    }
}

/// "1,2 MB", "850 KB": a file's size as a download link gives it.
pub fn show_size(bytes: i64) -> String {
    let kb = bytes as f64 / 1024.0;
    if kb < 1024.0 {
        format!("{} KB", kb.ceil() as i64)
    } else {
        format!("{:.1} MB", kb / 1024.0).replace('.', ",")
    }
}

/// A document's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentDetail {
    pub card: DocumentCard,
    pub signer: String,
    /// YYYY-MM-DD.
    pub effective_on: Option<String>,
    pub replaced_by: Option<DocumentCard>,
    /// Documents this one replaced.
    pub replaces: Vec<DocumentCard>,
    pub files: Vec<DocumentFile>,
    pub articles: Vec<crate::features::articles::ArticleCard>,
    /// Of the same type and issuer, newest first.
    pub related: Vec<DocumentCard>,
    /// A bulletin issue's documents, in order.
    pub parts: Vec<DocumentCard>,
    /// The bulletin issues that hold this document.
    pub issues: Vec<DocumentCard>,
    /// Its schema.org description (JSON-LD).
    pub structured_data: String,
}

/// What the library's page was asked for (its query string).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentQuery {
    /// A type code, or empty for all.
    pub kind: String,
    /// An issuing body as listed, or empty.
    pub issuer: String,
    pub year: Option<i32>,
    /// A number ("2466", "2466-QĐ/TU") or words of the summary.
    pub words: String,
    /// Oldest first (the default is newest first).
    pub oldest_first: bool,
    pub page: u32,
}

/// The library's page: one page of documents and the filters' choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentsPage {
    pub documents: Paged<DocumentCard>,
    pub kinds: Vec<DocKind>,
    pub issuers: Vec<String>,
    pub years: Vec<i32>,
    pub query: DocumentQuery,
}

/// Documents per page of the library.
pub const PER_PAGE: u32 = 20;

/// The longest fields.
pub const NUMBER_MAX: usize = 60;
pub const ISSUER_MAX: usize = 200;
pub const SIGNER_MAX: usize = 120;
pub const SUMMARY_MAX: usize = 1_000;
/// Files and articles one document may list.
pub const FILES_MAX: usize = 10;
pub const ARTICLES_MAX: usize = 20;
/// Documents one bulletin issue may gather.
pub const PARTS_MAX: usize = 30;

/// A file of a document, as the server's inline view sends it.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachedFile {
    /// Its name under the media folder.
    pub file_name: String,
    pub mime: String,
    /// As uploaded (what a download is called).
    pub name: String,
    pub members_only: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_sizes_read_as_the_portals_write_them() {
        assert_eq!(show_date("2021-06-04"), "04/06/2021");
        assert_eq!(show_size(850 * 1024), "850 KB");
        assert_eq!(show_size(1_258_291), "1,2 MB");
    }

    #[test]
    fn codes_name_their_type() {
        for k in DocKind::ALL {
            assert_eq!(DocKind::parse(k.code()), Some(k));
        }
        for s in DocStatus::ALL {
            assert_eq!(DocStatus::parse(s.code()), Some(s));
        }
    }
}
