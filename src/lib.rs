//! Hydrate entry of the reader's WASM client: it links the app crate, whose
//! `components::client::hydrate` starts the page's islands. Everything lives in
//! `toasoan-app`.
//!
//! The server renders every page; the client only wakes its islands (the rating
//! stars, the comment form, the header's account link, the account pages…). The
//! page's loader in `ClientHead` (toasoan-app) finds them once `hydrate` has run. The
//! admin area is the staff's client (`src/staff`).

// the islands and `hydrate` are exported from the app crate: linked only when named here
extern crate toasoan_app;
