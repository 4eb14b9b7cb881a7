//! The editorial workflow: the article status machine, who may move an article from
//! which status to which, the audit trail of every move, and scheduled publishing.
//! Nothing reaches the public without passing `approve` and `publish`/`schedule`.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;

pub use model::{Action, Status};
