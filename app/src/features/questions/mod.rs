//! Hỏi – Đáp (questions and answers): a citizen asks under a field (through the
//! reader-submission guard) and follows the question with an unguessable tracking
//! code; moderators (`Permission::ModerateComments`) give it to a staff member,
//! reword it for publication (the question as sent stays), answer it in the document
//! model and publish it; published questions are listed by field, found by words, and
//! each has its page with schema.org `QAPage` data. Every change is in the audit log.

pub mod admin_api;
pub mod admin_views;
pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
mod search_entry;
#[cfg(feature = "ssr")]
mod store;
#[cfg(feature = "ssr")]
mod structured_data;
pub mod topics_admin;
pub mod views;

#[cfg(feature = "ssr")]
pub use admin_api::dashboard_counts;
#[cfg(feature = "ssr")]
pub use api::{DemoQuestion, seed_demo};
pub use model::{ADMIN_QA_PATH, QA_PATH, QuestionStatus};
#[cfg(feature = "ssr")]
pub use search_entry::index_all as index_all_for_search;
