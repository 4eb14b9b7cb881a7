//! The documents library (văn bản): the Party's resolutions, decisions, directives…
//! with their number read into its parts, type, issuing body, signer, dates, status
//! and attached files (PDF and office files of the media library), the articles about
//! them both ways, and members-only documents for internal bulletins. Its public side
//! is the filtered list and a page per document (`views`); its admin (`admin_views`)
//! adds, edits and deletes them under `Permission::ManageDocuments`, each change in
//! the audit log.

pub mod admin_api;
pub mod admin_views;
pub mod api;
pub mod input;
pub mod model;
#[cfg(feature = "ssr")]
mod number;
#[cfg(feature = "ssr")]
mod search_entry;
#[cfg(feature = "ssr")]
mod store;
#[cfg(feature = "ssr")]
mod structured_data;
pub mod views;

#[cfg(feature = "ssr")]
pub use admin_api::write;
#[cfg(feature = "ssr")]
pub use api::{attached_file, for_article, latest_bulletin, refresh_refs, slug_exists};
#[cfg(feature = "ssr")]
pub use model::AttachedFile;
pub use model::{DocKind, DocStatus, DocumentCard, document_href};
#[cfg(feature = "ssr")]
pub use search_entry::index_all as index_all_for_search;
