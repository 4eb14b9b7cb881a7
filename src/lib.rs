//! Hydrate entry of the WASM client: installs the panic hook and hydrates the app
//! that the server rendered. Everything else lives in `toasoan-app`.
//!
//! The server renders every page; the client only wakes its islands (the rating
//! stars, the comment form, the header's account link, the admin area…). The page's
//! loader in `ClientHead` (toasoan-app) finds them once `hydrate` has run.
#![recursion_limit = "256"]

// the islands are exported from the app crate: linked only when named here
extern crate toasoan_app;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
