//! Readers' comments ("Ý kiến bạn đọc"): posting (plain text, links made clickable,
//! replies one level deep), the abuse rules (rate limits, honeypot, minimum fill
//! time, banned words held for moderation, duplicates refused), readers' reports, and
//! the moderators' queue in the admin area.

pub mod admin_api;
pub mod admin_views;
pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;

pub use model::{CommentItem, CommentStatus};
