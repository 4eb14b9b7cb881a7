//! The portal itself: its identity and contact details, the page frame (header with
//! the date and category menu, footer) and the home page.

pub mod api;
pub mod model;
pub mod views;

pub use model::{HomePageData, ParticipationConfig, SiteConfig, SiteInfo};
