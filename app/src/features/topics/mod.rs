//! Topics (chuyên đề): curated series of articles. The topic page is in the pages
//! layer.

pub mod model;
#[cfg(feature = "ssr")]
mod store;

pub use model::TopicRef;
#[cfg(feature = "ssr")]
pub use store::{
    all, choices, ensure, find, for_article, ids_for_article, set_for_article, set_ids_for_article,
};
