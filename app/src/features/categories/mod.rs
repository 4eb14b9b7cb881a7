//! Categories (chuyên mục): the portal's section tree, its menu, and their management
//! in the admin area. The category page is in the pages layer.

pub mod admin_api;
pub mod admin_views;
pub mod grants;
pub mod model;
#[cfg(feature = "ssr")]
mod store;

pub use model::{CategoryNode, CategoryRef, CategoryTree};
#[cfg(feature = "ssr")]
pub use store::{NewCategory, ensure, ensure_by_name, load_tree, path_ids};
