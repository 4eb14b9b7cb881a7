//! What the media library shows: one file of the grid (pictures) or the list
//! (documents), one page of them with the filters' choices, a file's details with
//! where it is used, and the checks of what staff write about a picture.

use serde::{Deserialize, Serialize};

use crate::core::paging::Paged;

/// Files per page of the library.
pub const PER_PAGE: u32 = 24;

/// The longest alt text, caption and credit.
pub const ALT_MAX: usize = 250;
pub const CAPTION_MAX: usize = 500;
pub const CREDIT_MAX: usize = 120;

/// `[media]` in toasoan.toml: the largest file of each kind an upload may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MediaLimits {
    pub max_picture_mb: u64,
    pub max_document_mb: u64,
}

impl Default for MediaLimits {
    fn default() -> Self {
        MediaLimits {
            max_picture_mb: 20,
            max_document_mb: 50,
        }
    }
}

impl MediaLimits {
    /// The most bytes a picture (or a document) may have.
    pub fn max_bytes(&self, picture: bool) -> u64 {
        let mb = if picture {
            self.max_picture_mb
        } else {
            self.max_document_mb
        };
        mb * 1024 * 1024
    }

    /// The most bytes any file may have (before its kind is known).
    pub fn max_any(&self) -> u64 {
        self.max_picture_mb.max(self.max_document_mb) * 1024 * 1024
    }
}

/// Whether a file whose first bytes are `head` is a picture the library takes
/// (JPEG, PNG, GIF, WebP), as the uploader tells before sending it: its limit is then
/// the pictures' one. The server decides again from the whole file.
pub fn picture_head(head: &[u8]) -> bool {
    const MAGIC: [&[u8]; 4] = [&[0xFF, 0xD8, 0xFF], b"\x89PNG", b"GIF8", b"RIFF"];
    MAGIC.iter().any(|m| head.starts_with(m))
        && (!head.starts_with(b"RIFF") || head.get(8..12) == Some(b"WEBP"))
}

/// One file the upload stored, as its answer gives it (a JSON list, one per file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uploaded {
    pub id: i64,
    pub src: String,
    pub name: String,
    pub mime: String,
    pub width: u32,
    pub height: u32,
    /// False when the same file was stored before (it is the same entry).
    pub new: bool,
}

/// A file of the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaItem {
    pub id: i64,
    /// `/media/<file>`: the original (a picture's cleaned original).
    pub src: String,
    /// The narrowest copy of a picture, for the grid (the original while none is made).
    pub thumb: String,
    pub name: String,
    pub mime: String,
    pub picture: bool,
    pub width: u32,
    pub height: u32,
    pub size_bytes: i64,
    pub alt: String,
    pub caption: String,
    pub credit: String,
    /// Who uploaded it ("" for files the importer brought).
    pub uploader: String,
    /// "24/02/2021 01:52"
    pub date: String,
    /// How many articles show it.
    pub uses: i64,
}

/// One page of the library, and the choices of its filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryData {
    pub items: Paged<MediaItem>,
    /// Staff who uploaded something: (id, name).
    pub uploaders: Vec<(i64, String)>,
    /// The file chosen (`?chon=`), if any and it exists.
    pub detail: Option<MediaDetail>,
    /// What the uploader may send.
    pub limits: MediaLimits,
}

/// An article that shows a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaUse {
    pub article_id: i64,
    pub title: String,
    /// Its status, in words.
    pub status: String,
}

/// A file with everything the detail panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaDetail {
    pub item: MediaItem,
    pub used_in: Vec<MediaUse>,
    /// A picture's copies: (width, height, bytes).
    pub copies: Vec<(u32, u32, i64)>,
    /// Whether the one asking may delete it (it is theirs, or they edit anyone's).
    pub may_delete: bool,
}

/// The library's filters, from the page's address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryQuery {
    /// Words to find in names, alt texts, captions and credits.
    pub q: String,
    /// "anh" (pictures), "tai-lieu" (documents), or all.
    pub kind: String,
    pub uploader: Option<i64>,
    pub page: u32,
}

impl LibraryQuery {
    /// Pictures only (Some(true)), documents only (Some(false)), or both.
    pub fn pictures(&self) -> Option<bool> {
        match self.kind.as_str() {
            "anh" => Some(true),
            "tai-lieu" => Some(false),
            _ => None,
        }
    }

    /// The page's address for these filters, on page `page`.
    pub fn href(&self, base: &str, page: u32) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", crate::components::urlencode(&self.q)));
        }
        if !self.kind.is_empty() {
            parts.push(format!("loai={}", self.kind));
        }
        if let Some(u) = self.uploader {
            parts.push(format!("nguoi-tai={u}"));
        }
        if page > 1 {
            parts.push(format!("trang={page}"));
        }
        if parts.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", parts.join("&"))
        }
    }
}

impl LibraryQuery {
    /// This page's address with file `id`'s details open.
    pub fn choosing(&self, base: &str, id: i64) -> String {
        let here = self.href(base, self.page);
        let sep = if here.contains('?') { '&' } else { '?' };
        format!("{here}{sep}chon={id}")
    }
}

/// "1,2 MB", "48 KB"
pub fn size_text(bytes: i64) -> String {
    let b = bytes.max(0) as f64;
    if b >= 1024.0 * 1024.0 {
        format!("{:.1} MB", b / (1024.0 * 1024.0)).replace('.', ",")
    } else {
        format!("{} KB", (b / 1024.0).ceil() as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_make_the_address_back() {
        let q = LibraryQuery {
            q: "lễ hội".into(),
            kind: "anh".into(),
            uploader: Some(3),
            page: 2,
        };
        assert_eq!(
            q.href("/quan-tri/thu-vien", 2),
            "/quan-tri/thu-vien?q=l%E1%BB%85%20h%E1%BB%99i&loai=anh&nguoi-tai=3&trang=2"
        );
        assert_eq!(q.pictures(), Some(true));
        assert_eq!(
            LibraryQuery::default().choosing("/quan-tri/thu-vien", 7),
            "/quan-tri/thu-vien?chon=7"
        );
        assert_eq!(
            LibraryQuery::default().href("/quan-tri/thu-vien", 1),
            "/quan-tri/thu-vien"
        );
    }

    #[test]
    fn sizes_in_words() {
        assert_eq!(size_text(1_258_291), "1,2 MB");
        assert_eq!(size_text(48 * 1024), "48 KB");
        assert_eq!(size_text(100), "1 KB");
    }
}
