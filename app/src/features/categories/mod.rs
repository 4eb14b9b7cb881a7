//! Categories (chuyên mục): the portal's section tree, its menu, and the category page.

pub mod admin_api;
pub mod admin_views;
pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;

pub use model::{CategoryNode, CategoryRef, CategoryTree};
