//! Categories (chuyên mục): the portal's section tree, its menu, and the category page.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;

pub use model::{CategoryNode, CategoryRef, CategoryTree};
