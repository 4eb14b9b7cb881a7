//! Tòa Soạn's application, compiled twice: with `ssr` into the server, with `hydrate`
//! into the WASM client.
//!
//! Its modules form four layers; each uses only the layers below it, never one above,
//! and no two modules import each other (checked by `tests/layers.rs` in `make test`):
//!
//! ```text
//! pages       routes that compose features (the article page = article + sharing +
//!             ratings + comments; the admin frame around every /quan-tri page)
//! features    one folder per capability; its public API in mod.rs, its store private.
//!             Features form a DAG (accounts and audit at the bottom; editorial and
//!             portal near the top); where one change spans features, the owner
//!             offers a function that takes the caller's open transaction.
//! content     the typed document model: validation, renderer, diff, converters
//! core        error, request context, time, text folding, paging, site settings,
//!             links, i18n, shared components — knows no feature
//! ```
#![recursion_limit = "256"]

pub mod components;
pub mod content;
pub mod core;
pub mod features;
pub mod i18n;
pub mod pages;

pub use pages::routes::{App, shell};

/// The clients' start, called by the page's script once the WASM is instantiated; the
/// page's islands wake when it resolves. The staff's client first fetches the lazily
/// loaded part the page was rendered with (the block editor).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn hydrate() {
    components::client::start();
    #[cfg(all(feature = "staff", not(feature = "ssr")))]
    features::editorial::form::load_editor_if_shown().await;
}
