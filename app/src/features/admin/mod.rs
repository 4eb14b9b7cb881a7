//! The admin area `/quan-tri`: its frame, the parent route of every admin page, which
//! loads the signed-in staff member once, refuses with 401/403 before anything else
//! renders, and shows the sections of that member's role.

pub mod api;
pub mod model;
pub mod views;

pub use views::AdminLayout;
