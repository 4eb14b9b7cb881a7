//! One module per capability, each with its model (shared types), api (server
//! functions), store (SQL, server only) and views.

pub mod accounts;
pub mod admin;
pub mod articles;
pub mod audit;
pub mod categories;
pub mod comments;
pub mod contests;
pub mod documents;
pub mod editorial;
pub mod feedback;
pub mod guard;
pub mod media;
pub mod polls;
pub mod portal;
pub mod questions;
pub mod ratings;
pub mod search;
pub mod sharing;
pub mod stats;
pub mod tags;
pub mod topics;
pub mod workflow;
