//! Cuộc thi trắc nghiệm trực tuyến (online quiz contests), as provinces run them: a
//! contest with weekly or monthly rounds; each round draws its questions from the
//! contest's bank; an entrant (name, date of birth, phone, unit) gets the questions
//! and choices in an order of their own and a time limit kept by the server, answers
//! the customary tie-break "how many will take part?", and is scored here — the
//! correct answers never leave the server before the entry is in. The phone is the
//! one-entry key (several attempts if the contest allows, the best kept). Results rank
//! by score, then the prediction's closeness, then time taken; organisers
//! (`Permission::ManageContests`) keep the bank, make rounds, export the entries as
//! CSV and publish the prize winners.

pub mod admin_api;
pub mod admin_views;
pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
mod store;
pub mod views;

#[cfg(feature = "ssr")]
pub use admin_api::export_csv;
#[cfg(feature = "ssr")]
pub use demo::{DemoContest, dashboard_counts, seed_demo};
pub use model::{ADMIN_CONTESTS_PATH, CONTESTS_PATH};

#[cfg(feature = "ssr")]
mod demo;
