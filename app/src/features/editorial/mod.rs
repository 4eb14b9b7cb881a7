//! The editorial desk (bàn biên tập) in the admin area, one module per thing an
//! editor sees: the dashboard, the article list with filters, an article's page with
//! its status actions, history and notes, the editing form (Markdown, written
//! through the articles writer: every save keeps a revision) and the revision
//! compare with restore; pasting (`paste`: the clipboard made into blocks on the
//! server, for the block editor); the block editor (`editor`), its save (`save`) and
//! its lock (`lock`: who is editing an article now).

pub mod dashboard;
pub mod desk_list;
pub mod detail;
pub mod editor;
pub mod form;
pub mod lock;
#[cfg(feature = "ssr")]
mod lock_store;
pub mod model;
pub mod notes;
pub mod paste;
pub mod revisions;
pub mod save;
#[cfg(feature = "ssr")]
mod server;
#[cfg(feature = "ssr")]
mod store;
mod widgets;

pub use dashboard::DashboardPage;
pub use desk_list::DeskListPage;
pub use detail::DeskArticlePage;
pub use form::ArticleFormPage;
pub use revisions::RevisionsPage;
