//! Tags (từ khóa): free labels on articles. The tag page is in the pages layer.

pub mod model;
#[cfg(feature = "ssr")]
mod store;

pub use model::TagRef;
#[cfg(feature = "ssr")]
pub use store::{find, for_article, most_used, names_for_article, set_for_article};
