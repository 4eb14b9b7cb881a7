//! Articles: the public article page, the article lists every other page shows, and
//! storing articles (import and demo for now; the editor and workflow come later).

pub mod api;
pub mod list_page;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod structured_data;
pub mod views;

pub use model::{ArticleCard, Paged, Thumb};
