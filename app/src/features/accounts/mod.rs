//! Accounts: users, roles and the permission table, argon2id passwords, server-side
//! sessions, sign-in (rate-limited) and sign-out, the account page.

pub mod admin_api;
pub mod admin_views;
pub mod api;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod import;
pub mod import_views;
#[cfg(feature = "ssr")]
pub mod links;
pub mod model;
pub mod rights;
#[cfg(feature = "ssr")]
mod store;
pub mod views;

#[cfg(feature = "ssr")]
pub use import::import_members;
pub use model::{CategoryGrant, CategoryRights, CurrentUser, Permission, Role, Scope};
pub use rights::{allows, role_rights, takes_grants};
#[cfg(feature = "ssr")]
pub use store::{
    NewUser, create_user, disable_user, find_for_sign_in, get_user, grants_of, has_admin,
    list_users, set_grants, units,
};
