//! The media pipeline every upload goes through: what a file is (`kinds`, from its
//! bytes), and for pictures the copies readers get (`variants`: upright, without
//! metadata, at the widths phones and screens ask for). Files are stored by the media
//! feature (`toasoan_app::features::media`), named by their content hash.

pub mod ingest;
pub mod kinds;
pub mod rebuild;
pub mod upload;
pub mod variants;

pub use ingest::{
    Ingested, Kept, MediaError, PageChanges, Round, Upload, ingest, keep_private, prepare_waiting,
};
pub use kinds::Kind;
pub use toasoan_app::features::media::MediaLimits;

use toasoan_app::i18n::{fill, tmd};

/// The largest picture decoded, in pixels (a 50-megapixel camera's).
pub const MAX_PIXELS: u64 = 50_000_000;

/// Why a file was refused, in the uploader's language.
#[derive(Debug, thiserror::Error)]
pub enum MediaRefusal {
    #[error("{}", tmd().unknown_type)]
    UnknownType,
    #[error("{}", tmd().svg_refused)]
    Svg,
    #[error("{}", fill(tmd().name_mismatch, &[extension, &actual.extension().to_uppercase()]))]
    NameMismatch { extension: String, actual: Kind },
    #[error("{}", tmd().bad_name)]
    BadName,
    #[error("{}", tmd().damaged)]
    Damaged,
    #[error("{}", fill(tmd().too_many_pixels, &[width, height, &(max_pixels / 1_000_000)]))]
    TooManyPixels {
        width: u32,
        height: u32,
        max_pixels: u64,
    },
    #[error("{}", fill(tmd().too_big, &[&(max_bytes / (1024 * 1024))]))]
    TooBig { max_bytes: u64 },
    #[error("{}", fill(tmd().write_failed, &[.0]))]
    Io(#[from] std::io::Error),
}

impl MediaRefusal {
    /// The HTTP status an upload refused for this reason gets.
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            MediaRefusal::UnknownType | MediaRefusal::Svg | MediaRefusal::NameMismatch { .. } => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
            MediaRefusal::TooBig { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            MediaRefusal::BadName | MediaRefusal::Damaged | MediaRefusal::TooManyPixels { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            MediaRefusal::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}
