//! Accounts: users, roles and the permission table, argon2id passwords, server-side
//! sessions, sign-in (rate-limited) and sign-out, the account page.

pub mod api;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;

pub use model::{CurrentUser, Permission, Role, allows};
