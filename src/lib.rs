//! Hydrate entry of the WASM client: installs the panic hook and hydrates the app
//! that the server rendered. Everything else lives in `toasoan-app`.
#![recursion_limit = "256"]

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(toasoan_app::App);
}
