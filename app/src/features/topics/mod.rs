//! Topics (chuyên đề): curated series of articles and the topic page `/chuyen-de/{slug}`.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
