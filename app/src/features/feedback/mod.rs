//! Góp ý, đề xuất (feedback and proposals to the leadership): a citizen sends a
//! subject, a text and optionally a file (checked by the media pipeline, kept out of
//! the public media) and a contact, through the reader-submission guard, and follows
//! it with an unguessable tracking code; handlers (`Permission::ModerateComments`)
//! forward it to a unit, answer it and close it (new → forwarded → answered →
//! closed), keep internal notes, and see what waits past the overdue limit
//! (`[participation] feedback_overdue_days`). Every step is in the audit log.

pub mod admin_api;
pub mod admin_views;
pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
mod store;
pub mod views;

#[cfg(feature = "ssr")]
pub use admin_api::{attachment_for, dashboard_counts};
#[cfg(feature = "ssr")]
pub use api::{Admitted, Attachment, DemoFeedback, SentForm, admit, file_in_use, seed_demo, store};
pub use model::{ADMIN_FEEDBACK_PATH, FEEDBACK_PATH, FILE_FIELD, FOLLOW_PATH, SEND_PATH};
