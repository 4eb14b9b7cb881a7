//! Readers' comments ("Ý kiến bạn đọc"): posting (plain text, links made clickable,
//! replies one level deep) through the reader-submission guard (`guard`), duplicates
//! refused, readers' reports, and the moderators' queue in the admin area.

pub mod admin_api;
pub mod admin_views;
pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
mod store;
pub mod views;

pub use model::{CommentItem, CommentStatus, QueueCounts};
#[cfg(feature = "ssr")]
pub use store::{approved_for, counts as queue_counts, import_approved};
