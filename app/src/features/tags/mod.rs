//! Tags (từ khóa): free labels on articles and the tag page `/the/{slug}`.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
