//! The editorial desk (bàn biên tập) in the admin area: the dashboard, the article
//! list with filters, the article page with its status actions, history, notes and
//! revisions, the plain editing form (Markdown through the importer) and the
//! revision compare with restore. Every save keeps a revision.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
