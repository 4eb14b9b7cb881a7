//! Star ratings (1–5) of articles: one per reader and article (account, visitor
//! cookie or address hash), re-rating replaces the earlier one, the portals' summary
//! line, and the rating box that works with and without JavaScript.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
mod store;
pub mod views;

pub use model::RatingSummary;
#[cfg(feature = "ssr")]
pub use store::{import, recount, recount_recent};
