//! What an uploaded file is, decided from its bytes alone (never from its name or the
//! browser's claim): the four picture formats readers' browsers show (JPEG, PNG, WebP,
//! GIF) and the four document formats the documents library takes (PDF, DOCX, XLSX,
//! ODT, the last three told apart by what their zip holds). A name whose extension says
//! another type is refused, as are SVG (it can carry scripts), names that try to leave
//! the media folder, and JPEGs cut short.

use std::io::{Read, Seek};
use std::path::Path;

use super::MediaRefusal;

/// A type the media library stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Jpeg,
    Png,
    WebP,
    Gif,
    Pdf,
    Docx,
    Xlsx,
    Odt,
}

impl Kind {
    pub fn mime(self) -> &'static str {
        match self {
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
            Kind::WebP => "image/webp",
            Kind::Gif => "image/gif",
            Kind::Pdf => "application/pdf",
            Kind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Kind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Kind::Odt => "application/vnd.oasis.opendocument.text",
        }
    }

    /// The extension stored files get.
    pub fn extension(self) -> &'static str {
        self.extensions()[0]
    }

    /// The extensions a name of this type may have.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Kind::Jpeg => &["jpg", "jpeg", "jpe", "jfif"],
            Kind::Png => &["png"],
            Kind::WebP => &["webp"],
            Kind::Gif => &["gif"],
            Kind::Pdf => &["pdf"],
            Kind::Docx => &["docx"],
            Kind::Xlsx => &["xlsx"],
            Kind::Odt => &["odt"],
        }
    }

    pub fn is_picture(self) -> bool {
        matches!(self, Kind::Jpeg | Kind::Png | Kind::WebP | Kind::Gif)
    }
}

/// Media middleware: a document (PDF, DOCX, XLSX, ODT, by its stored name) is sent as
/// a download (`Content-Disposition: attachment`), so no browser opens it as a page.
pub async fn as_download(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let document = req
        .uri()
        .path()
        .rsplit_once('.')
        .is_some_and(|(_, ext)| DOCUMENTS.iter().any(|k| k.extension() == ext));
    let mut res = next.run(req).await;
    if document {
        res.headers_mut().insert(
            axum::http::header::CONTENT_DISPOSITION,
            axum::http::HeaderValue::from_static("attachment"),
        );
    }
    res
}

const DOCUMENTS: [Kind; 4] = [Kind::Pdf, Kind::Docx, Kind::Xlsx, Kind::Odt];

/// The first bytes read to recognise a file.
const HEAD: usize = 4096;

/// What the file at `path` is, from its bytes.
pub fn sniff(path: &Path) -> Result<Kind, MediaRefusal> {
    let mut file = std::fs::File::open(path)?;
    let mut head = Vec::with_capacity(HEAD);
    (&mut file).take(HEAD as u64).read_to_end(&mut head)?;
    let kind = sniff_head(&head)?;
    match kind {
        Some(Kind::Jpeg) => {
            file.rewind()?;
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes)?;
            if !jpeg_is_whole(&bytes) {
                return Err(MediaRefusal::Damaged);
            }
            Ok(Kind::Jpeg)
        }
        Some(kind) => Ok(kind),
        None if head.starts_with(b"PK\x03\x04") => {
            file.rewind()?;
            office_kind(file).ok_or(MediaRefusal::UnknownType)
        }
        None => Err(MediaRefusal::UnknownType),
    }
}

/// Whether a file starting with `head` is a picture (true) or a document (false), as
/// far as its first bytes tell; None when they do not (it is refused once whole).
pub fn is_picture_head(head: &[u8]) -> Option<bool> {
    match sniff_head(head) {
        Ok(Some(kind)) => Some(kind.is_picture()),
        Ok(None) => Some(false),
        Err(_) => None,
    }
}

/// The type the first bytes show, None for a zip (told apart by its entries); SVG and
/// other markup refused.
fn sniff_head(head: &[u8]) -> Result<Option<Kind>, MediaRefusal> {
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(Some(Kind::Jpeg));
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(Some(Kind::Png));
    }
    if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        return Ok(Some(Kind::Gif));
    }
    if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return Ok(Some(Kind::WebP));
    }
    if head.starts_with(b"%PDF-") {
        return Ok(Some(Kind::Pdf));
    }
    if head.starts_with(b"PK\x03\x04") {
        return Ok(None);
    }
    let text = String::from_utf8_lossy(head).to_lowercase();
    if text.contains("<svg") {
        return Err(MediaRefusal::Svg);
    }
    Err(MediaRefusal::UnknownType)
}

/// DOCX, XLSX or ODT, from the entries of the zip `file`.
fn office_kind<R: Read + Seek>(file: R) -> Option<Kind> {
    let mut zip = zip::ZipArchive::new(file).ok()?;
    if let Ok(mut entry) = zip.by_name("mimetype") {
        let mut mime = String::new();
        entry.by_ref().take(100).read_to_string(&mut mime).ok()?;
        return (mime.trim() == Kind::Odt.mime()).then_some(Kind::Odt);
    }
    let has = |name: &str| zip.file_names().any(|n| n == name);
    if !has("[Content_Types].xml") {
        None
    } else if has("word/document.xml") {
        Some(Kind::Docx)
    } else if has("xl/workbook.xml") {
        Some(Kind::Xlsx)
    } else {
        None
    }
}

/// Whether a JPEG's segments run from its start to an end-of-image marker (a photo cut
/// short in transfer has none; data a camera appends after the end is allowed).
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let mut at = 2;
    loop {
        // a marker: 0xFF (fill bytes allowed) then its code
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let (Some(&0xFF), Some(&code)) = (bytes.get(at), bytes.get(at + 1)) else {
            return false;
        };
        at += 2;
        match code {
            0xD9 => return true,
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let Some(len) = bytes
            .get(at..at + 2)
            .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
        else {
            return false;
        };
        if len < 2 {
            return false;
        }
        at += len;
        if code == 0xDA {
            // the entropy-coded scan: runs to the next marker that is not a stuffed
            // zero or a restart
            loop {
                match (bytes.get(at), bytes.get(at + 1)) {
                    (Some(0xFF), Some(0x00 | 0xD0..=0xD7)) => at += 2,
                    (Some(0xFF), Some(_)) => break,
                    (Some(_), _) => at += 1,
                    (None, _) => return false,
                }
            }
        }
    }
}

/// The name a file keeps (shown to staff, given to downloads): its last part, without
/// control characters. Refused: a name that tries to climb out of its folder or is empty.
pub fn safe_name(name: &str) -> Result<String, MediaRefusal> {
    if name.contains("..") || name.contains('\0') {
        return Err(MediaRefusal::BadName);
    }
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim().to_string();
    if clean.is_empty() || clean.starts_with('.') || clean.chars().count() > 200 {
        return Err(MediaRefusal::BadName);
    }
    Ok(clean)
}

/// Refuses a name whose extension says another type than the bytes (a PNG named .jpg,
/// a text named .png); a name without extension takes the type's.
pub fn check_name(name: &str, kind: Kind) -> Result<(), MediaRefusal> {
    let Some((_, ext)) = name.rsplit_once('.') else {
        return Ok(());
    };
    let ext = ext.to_ascii_lowercase();
    if kind.extensions().contains(&ext.as_str()) {
        Ok(())
    } else {
        Err(MediaRefusal::NameMismatch {
            extension: ext,
            actual: kind,
        })
    }
}

#[cfg(test)]
#[path = "kinds_tests.rs"]
mod tests;
