//! Articles: the article itself as readers see it (the page layer adds sharing,
//! ratings and comments around it), the article lists and cards every other page
//! shows, the counters (views, ratings, comments), and the one writer through which
//! every article is created or changed.

pub mod api;
#[cfg(feature = "ssr")]
mod counters;
#[cfg(feature = "ssr")]
mod head;
pub mod list_page;
pub mod model;
#[cfg(feature = "ssr")]
mod participation;
#[cfg(feature = "ssr")]
mod store;
#[cfg(feature = "ssr")]
pub mod structured_data;
pub mod views;
#[cfg(feature = "ssr")]
mod writer;

#[cfg(feature = "ssr")]
pub use counters::{add_comments, add_views, lock_counters, set_comment_count, set_rating};
#[cfg(feature = "ssr")]
pub use head::{Content, Head, Seo, head, id_by_slug, latest_revision};
pub use model::{ArticleCard, ArticleData, RatingSummary, Thumb};
#[cfg(feature = "ssr")]
pub use participation::{open_to_reader, participation};
#[cfg(feature = "ssr")]
pub use store::{ListFilter, Participation, newest, newest_per_root_category, page};
#[cfg(feature = "ssr")]
pub use writer::{Author, Cover, Settings, Write, WriteError, Written, write};
