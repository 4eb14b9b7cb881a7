//! The page layer: routes that compose features. A page may use any feature; no
//! feature uses a page.

pub mod article;
pub mod audit;
pub mod category;
pub mod lists;
pub mod print;
pub mod routes;
pub mod staff;
pub mod tag;
pub mod topic;
