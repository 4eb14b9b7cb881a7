//! The admin area `/quan-tri`: its frame (navigation by role, refusal with 401/403
//! before anything else renders) and the audit log of everything done in it.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
