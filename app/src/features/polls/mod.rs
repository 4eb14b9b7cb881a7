//! Bình chọn (polls): a question with one or several choices, open from a time until
//! another, on the home page and/or in an article; one vote per reader (as ratings
//! know readers, through the reader-submission guard's rating limits), counted in the
//! vote's transaction; results as bars with counts and shares, after the reader's vote
//! or only once the poll closes (the poll's setting). Voting is a plain form: it works
//! without JavaScript. Editors (`Permission::EditAnyArticle`) make and change polls.

pub mod admin_api;
pub mod admin_views;
pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
mod store;
pub mod views;

pub use admin_views::ADMIN_POLLS_PATH;
#[cfg(feature = "ssr")]
pub use api::{DemoPoll, article_polls, home_poll, seed_demo};
pub use model::{POLLS_PATH, PollView};
pub use views::poll_box;
