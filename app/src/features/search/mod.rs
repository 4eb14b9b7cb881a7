//! Search across articles, documents and published questions: one index both databases
//! answer the same way (terms computed here with the one folding function, matched by
//! SQLite's FTS5 or PostgreSQL's text search), ranked here the same way on both, kept
//! in step by the owners' writers (`sync` of a `Source`, `remove`; `sync_article`), the results page
//! and the header's box with its suggestions.

pub mod api;
#[cfg(feature = "ssr")]
mod filters;
pub mod model;
#[cfg(feature = "ssr")]
mod rank;
#[cfg(feature = "ssr")]
mod snippet;
#[cfg(feature = "ssr")]
mod store;

#[cfg(feature = "ssr")]
mod terms;
pub mod views;

pub use model::{Kind, SEARCH_PATH, SearchPage, SearchQuery};
#[cfg(feature = "ssr")]
pub use store::index::{
    NewEntry, Source, claim_rebuild, put_all, put_all_articles, remove, sync, sync_article,
};
