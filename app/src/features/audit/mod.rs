//! The audit log: every administrative action (accounts, categories, comments…) is
//! recorded here by the feature that performs it, in that feature's transaction;
//! the log reads them together with the workflow's status changes. Knows no other
//! feature: what a code or status means is for the page that shows it.

pub mod model;
#[cfg(feature = "ssr")]
mod store;

pub use model::{AuditEntry, AuditRow, action_label};
#[cfg(feature = "ssr")]
pub use store::{history_of, page, record};
