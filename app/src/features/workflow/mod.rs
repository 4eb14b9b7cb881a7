//! The editorial workflow: the article status machine, who may move an article from
//! which status to which, the audit trail of every move, and scheduled publishing.
//! Nothing reaches the public without passing `approve` and `publish`/`schedule`.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
mod store;

pub mod views;

pub use model::{Action, Origin, Status, can_edit, can_edit_in, can_view, can_view_in};
#[cfg(feature = "ssr")]
pub use store::{Move, WorkflowError, apply, enter, events, publish_due};
pub use views::status_badge;
